-- A pasted docker run line's -w/--workdir and --entrypoint, kept with the submission and applied to
-- its container (before, they were read and dropped). entrypoint is a JSON array of strings.
alter table submission add column workdir text;
alter table submission add column entrypoint text;
