-- What is hidden stays hidden unless the organizer says otherwise (issue 13). New competitions
-- hide their logs from participants: a container can print the input data it reads. Existing rows
-- keep the value they have (an organizer's choice, or the old default: see README, "Hidden data").
alter table competition alter column participants_see_logs set default false;
-- The scoring program's stdout and stderr (it reads the reference data) reach participants only
-- when the organizer allows it; the scoring image and command are shown to organizers only unless
-- the organizer makes the programs public.
alter table competition add column participants_see_scoring_output boolean not null default false;
alter table competition add column scoring_programs_public boolean not null default false;
-- An organizer's re-run names the submission it runs again (the first of a chain): it is never
-- charged to the participant's quota, while its submitted_at is the real time it was made.
alter table submission add column rerun_of bigint references submission (id) on delete set null;
