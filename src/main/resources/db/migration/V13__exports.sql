-- Exports read a phase's submissions in chunks by id (keyset paging): where id > ? order by id.
create index submission_phase_id on submission (phase_id, id);
