-- Where a scoring container finds its data: CodaLab's /mnt/in, /mnt/out or Codabench's /app/input, /app/output.
alter table phase add column scoring_layout varchar(10) not null default 'CODALAB'
    check (scoring_layout in ('CODALAB', 'CODABENCH'));
