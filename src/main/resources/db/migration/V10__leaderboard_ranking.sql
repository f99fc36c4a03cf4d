-- Leaderboards are ranked by SQL (issue 14). A phase's ranking changes only when something it is
-- made of changes: a submission becoming (or ceasing to be) FINISHED, a participant's approval, the
-- phase's columns. Triggers count those changes per phase, in the same transaction, so every node
-- can keep a phase's ranking until the count moves, without trusting every writer to say so.
create table leaderboard_revision (
    phase_id bigint primary key references phase (id) on delete cascade,
    revision bigint not null
);

insert into leaderboard_revision (phase_id, revision) select id, 1 from phase;

create function podium_bump_leaderboard(changed_phase bigint) returns void
language sql as $$
    -- (a phase being deleted takes its submissions and columns with it: nothing to count then)
    insert into leaderboard_revision (phase_id, revision)
    select id, 1 from phase where id = changed_phase
    on conflict (phase_id) do update set revision = leaderboard_revision.revision + 1;
$$;

create function podium_submission_ranking_changed() returns trigger
language plpgsql as $$
begin
    if tg_op = 'INSERT' then
        if new.status = 'FINISHED' then perform podium_bump_leaderboard(new.phase_id); end if;
        return null;
    elsif tg_op = 'DELETE' then
        if old.status = 'FINISHED' then perform podium_bump_leaderboard(old.phase_id); end if;
        return null;
    end if;
    if (old.status = 'FINISHED') <> (new.status = 'FINISHED') then
        perform podium_bump_leaderboard(new.phase_id);
    end if;
    return null;
end $$;

create trigger submission_ranking_changed
    after insert or delete or update of status on submission
    for each row execute function podium_submission_ranking_changed();

-- Scores of a finished submission are written in the transaction that finishes it; a change made
-- later (by hand, or a future re-scoring) counts too.
create function podium_score_ranking_changed() returns trigger
language plpgsql as $$
begin
    perform podium_bump_leaderboard(s.phase_id)
       from submission s
      where s.id = coalesce(new.submission_id, old.submission_id) and s.status = 'FINISHED';
    return null;
end $$;

create trigger submission_score_ranking_changed
    after insert or update or delete on submission_score
    for each row execute function podium_score_ranking_changed();

create function podium_participant_ranking_changed() returns trigger
language plpgsql as $$
begin
    if old.status is distinct from new.status then
        perform podium_bump_leaderboard(p.id) from phase p where p.competition_id = new.competition_id;
    end if;
    return null;
end $$;

create trigger participant_ranking_changed
    after update of status on participant
    for each row execute function podium_participant_ranking_changed();

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
