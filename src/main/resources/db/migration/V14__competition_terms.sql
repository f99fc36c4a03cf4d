-- Terms (rules) an organizer writes; a participant accepts them to join, and Podium records when
-- (issue 15). Existing competitions have none, so existing participants accepted nothing.
alter table competition add column terms text not null default '';
alter table participant add column terms_accepted_at timestamp with time zone;
