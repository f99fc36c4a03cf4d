-- Leaderboards are ranked by SQL (issue 14). A phase's ranking changes only when something it is
-- made of changes: a submission becoming (or ceasing to be) FINISHED, a participant's approval, the
-- phase's columns. Triggers count those changes per phase, in the same transaction, so every node
-- can keep a phase's ranking until the count moves, without trusting every writer to say so.
create table leaderboard_revision (
    phase_id bigint primary key references phase (id) on delete cascade,
    revision bigint not null
);

insert into leaderboard_revision (phase_id, revision) select id, 1 from phase;

-- Counts one change for each phase given (each once, however often it is named).
create function podium_bump_leaderboards(changed bigint[]) returns void
language sql as $$
    -- (a phase being deleted takes its submissions and columns with it: nothing to count then)
    insert into leaderboard_revision (phase_id, revision)
    select p.id, 1 from phase p where p.id = any(changed)
    on conflict (phase_id) do update set revision = leaderboard_revision.revision + 1;
$$;

create function podium_bump_leaderboard(changed_phase bigint) returns void
language sql as $$
    select podium_bump_leaderboards(array[changed_phase]);
$$;

-- Statement-level triggers with transition tables: a statement that writes 50,000 rows counts one
-- change per phase, not 50,000 updates of the same counter row.
create function podium_submissions_written() returns trigger
language plpgsql as $$
begin
    perform podium_bump_leaderboards(array(
        select distinct phase_id from written where status = 'FINISHED'));
    return null;
end $$;

create trigger submissions_inserted
    after insert on submission referencing new table as written
    for each statement execute function podium_submissions_written();

create trigger submissions_deleted
    after delete on submission referencing old table as written
    for each statement execute function podium_submissions_written();

create function podium_submissions_updated() returns trigger
language plpgsql as $$
begin
    perform podium_bump_leaderboards(array(
        select distinct n.phase_id from before_rows o join after_rows n on n.id = o.id
         where (o.status = 'FINISHED') <> (n.status = 'FINISHED')));
    return null;
end $$;

create trigger submissions_updated
    after update on submission referencing old table as before_rows new table as after_rows
    for each statement execute function podium_submissions_updated();

-- Scores of a finished submission are written in the transaction that finishes it; a change made
-- later (by hand, or a future re-scoring) counts too. (Also used for private scores, V11.)
create function podium_scores_written() returns trigger
language plpgsql as $$
begin
    perform podium_bump_leaderboards(array(
        select distinct s.phase_id from submission s
         where s.status = 'FINISHED' and s.id in (select submission_id from written)));
    return null;
end $$;

create trigger submission_scores_inserted
    after insert on submission_score referencing new table as written
    for each statement execute function podium_scores_written();

create trigger submission_scores_updated
    after update on submission_score referencing new table as written
    for each statement execute function podium_scores_written();

create trigger submission_scores_deleted
    after delete on submission_score referencing old table as written
    for each statement execute function podium_scores_written();

create function podium_participants_updated() returns trigger
language plpgsql as $$
begin
    perform podium_bump_leaderboards(array(
        select p.id from phase p where p.competition_id in (
            select n.competition_id from before_rows o join after_rows n on n.id = o.id
             where o.status is distinct from n.status)));
    return null;
end $$;

create trigger participants_updated
    after update on participant referencing old table as before_rows new table as after_rows
    for each statement execute function podium_participants_updated();

create function podium_column_ranking_changed() returns trigger
language plpgsql as $$
begin
    perform podium_bump_leaderboard(coalesce(new.phase_id, old.phase_id));
    return null;
end $$;

create trigger phase_column_ranking_changed
    after insert or update or delete on phase_column
    for each row execute function podium_column_ranking_changed();

-- The ranking reads a phase's finished submissions; the score join uses submission_score's key.
create index submission_phase_finished on submission (phase_id, participant_id)
    where status = 'FINISHED';
