-- A participant's own credentials for the registry of a private image, sealed (AES-GCM, the key
-- outside the database: PODIUM_CREDENTIALS_KEY_FILE) while the submission waits or runs, set to
-- null when it ends.
alter table submission add column registry_login text;
