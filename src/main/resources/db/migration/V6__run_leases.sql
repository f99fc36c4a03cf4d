-- Runs as leases (see README, "The life of a run"): the node that runs an attempt renews its lease
-- while the attempt is alive; any node takes over an attempt whose lease expired. A retried
-- submission waits until not_before; failing_since starts the window in which platform failures
-- are retried; requested_at is when its last run request was sent, for the sweep that resends
-- requests lost with a broker.
alter table submission add column lease_until timestamp with time zone;
alter table submission add column not_before timestamp with time zone;
alter table submission add column failing_since timestamp with time zone;
alter table submission add column requested_at timestamp with time zone;

create index submission_lease on submission (lease_until) where status in ('RUNNING', 'SCORING');
create index submission_waiting on submission (participant_id, submitted_at, id) where status = 'SUBMITTED';
