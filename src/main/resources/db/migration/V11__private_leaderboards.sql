-- Public and private leaderboards (issue 14). A phase may score every output a second time against
-- private reference data; those scores stay with the organizers until they reveal the private
-- leaderboard. Participants mark up to final_submissions of theirs as final: the private ranking
-- uses them (or, with none marked, their best by public score; see README).
alter table phase add column private_leaderboard boolean not null default false;
alter table phase add column final_submissions int not null default 2
    check (final_submissions between 1 and 20);
alter table phase add column private_revealed_at timestamp with time zone;
alter table phase add column private_reference_data_bytes bigint;

alter table submission add column marked_final boolean not null default false;
create index submission_marked_final on submission (phase_id, participant_id) where marked_final;

-- Same shape as submission_score, its own table: every path that reads scores keeps reading the
-- public ones only.
create table submission_private_score (
    submission_id bigint           not null references submission (id) on delete cascade,
    key           varchar(100)     not null,
    value         double precision not null,
    primary key (submission_id, key)
);

-- Each node keeps a phase's rankings until leaderboard_revision moves (V10): what the private
-- ranking is made of counts too, so no node serves a stale private leaderboard.
create function podium_final_mark_changed() returns trigger
language plpgsql as $$
begin
    if old.marked_final is distinct from new.marked_final then
        perform podium_bump_leaderboard(new.phase_id);
    end if;
    return null;
end $$;

create trigger submission_final_mark_changed
    after update of marked_final on submission
    for each row execute function podium_final_mark_changed();

create trigger submission_private_scores_inserted
    after insert on submission_private_score referencing new table as written
    for each statement execute function podium_scores_written();

create trigger submission_private_scores_updated
    after update on submission_private_score referencing new table as written
    for each statement execute function podium_scores_written();

create trigger submission_private_scores_deleted
    after delete on submission_private_score referencing old table as written
    for each statement execute function podium_scores_written();

create function podium_private_settings_changed() returns trigger
language plpgsql as $$
begin
    if old.private_leaderboard is distinct from new.private_leaderboard
       or old.final_submissions is distinct from new.final_submissions
       or old.private_revealed_at is distinct from new.private_revealed_at then
        perform podium_bump_leaderboard(new.id);
    end if;
    return null;
end $$;

create trigger phase_private_settings_changed
    after update of private_leaderboard, final_submissions, private_revealed_at on phase
    for each row execute function podium_private_settings_changed();
