-- A phase at real scale for the leaderboard, list and export benchmarks and for RankingAgreementIT,
-- written straight into PostgreSQL (LeaderboardData runs it; see docs/benchmarks.md).
-- Placeholders, replaced by LeaderboardData with numbers or checked names only:
--   ${tag} (letters, digits, '-'), ${participants}, ${submissions}, ${organizer} (a username),
--   ${seed} (0..1).
-- It makes one published competition "Leaderboard data ${tag}" organized by ${organizer}, with one
-- phase ranked by MAE (lower is better) plus an RMSE column, ${participants} accounts
-- "lb-${tag}-N" (a password no one can sign in with), each taking part (every 25th denied, every
-- 40th pending), and ${submissions} submissions spread over them: nine in ten FINISHED with scores
-- rounded to two decimals (so ties are common), times to the minute (so equal times are too), the
-- rest FAILED or CANCELLED.
select setseed(${seed});

insert into competition (title, description, published, participation, docker_submission, created_at)
values ('Leaderboard data ${tag}', 'Generated for benchmarks.', true, 'APPROVAL', true, now());

insert into competition_organizer (competition_id, account_id)
select c.id, a.id from competition c, account a
 where c.title = 'Leaderboard data ${tag}' and a.username = '${organizer}';

insert into phase (competition_id, position, name, opens_at, execution_time_limit_s, memory_mb, cpus, scoring_metric)
select c.id, 0, 'Generated', now() - interval '30 days', 600, 512, 1, 'MAE'
  from competition c where c.title = 'Leaderboard data ${tag}';

insert into phase_column (phase_id, position, key, label, ascending, decimals, is_primary)
select p.id, 0, 'mae', 'MAE', true, 2, true
  from phase p join competition c on c.id = p.competition_id where c.title = 'Leaderboard data ${tag}';
insert into phase_column (phase_id, position, key, label, ascending, decimals, is_primary)
select p.id, 1, 'rmse', 'RMSE', true, 2, false
  from phase p join competition c on c.id = p.competition_id where c.title = 'Leaderboard data ${tag}';

insert into account (username, email, password_hash, created_at)
select 'lb-${tag}-' || n, 'lb-${tag}-' || n || '@example.invalid', '(no sign-in)', now()
  from generate_series(1, ${participants}) n;

insert into account_role (account_id, role)
select a.id, 'PARTICIPANT' from account a where a.username like 'lb-${tag}-%';

insert into participant (competition_id, account_id, status, joined_at)
select c.id, a.id,
       case when substr(a.username, length('lb-${tag}-') + 1)::int % 25 = 0 then 'DENIED'
            when substr(a.username, length('lb-${tag}-') + 1)::int % 40 = 0 then 'PENDING'
            else 'APPROVED' end,
       now() - interval '30 days'
  from competition c, account a
 where c.title = 'Leaderboard data ${tag}' and a.username like 'lb-${tag}-%';

-- Submission n belongs to participant (n mod participants), so every participant has some.
insert into submission (phase_id, participant_id, kind, status, outcome, attempt, submitted_at,
                        started_at, finished_at, wall_ms, team_name, method_name)
select p.id, pa.id, 'RESULTS',
       case when r < 0.9 then 'FINISHED' when r < 0.95 then 'FAILED' else 'CANCELLED' end,
       case when r < 0.9 then 'SUCCEEDED' when r < 0.95 then 'FAILED' else 'CANCELLED' end,
       1, at, at, at + interval '1 minute', 1000,
       'Team ' || (pa.id % 300), 'Method ' || (g.n % 17)
  from (select n, random() as r,
               date_trunc('minute', now() - interval '29 days')
                 + (floor(random() * 40000) || ' minutes')::interval as at
          from generate_series(1, ${submissions}) n) g
  join phase p on p.competition_id = (select id from competition where title = 'Leaderboard data ${tag}')
  join lateral (
       select pa.id from participant pa
         join account a on a.id = pa.account_id
        where pa.competition_id = p.competition_id
          and a.username = 'lb-${tag}-' || (1 + g.n % ${participants})) pa on true;

insert into submission_score (submission_id, key, value)
select s.id, k.key, round((random() * 20)::numeric, 2)::double precision / 10
  from submission s
  join phase p on p.id = s.phase_id
  join competition c on c.id = p.competition_id
 cross join (values ('mae'), ('rmse')) k(key)
 where c.title = 'Leaderboard data ${tag}' and s.status = 'FINISHED';

analyze submission;
analyze submission_score;
analyze participant;
