-- Jobs people start (import, export, backup) say who started them, how far they got, when they
-- finished and, per input line, what went wrong. Queue jobs (mail, deferred creation) leave
-- these empty. created_by has no foreign key: the record outlives a deleted user.
ALTER TABLE jobs ADD COLUMN created_by uuid;
ALTER TABLE jobs ADD COLUMN progress jsonb;
ALTER TABLE jobs ADD COLUMN finished_at timestamptz;

CREATE TABLE job_errors (
  -- Errors are read back in the order they were written (by line, as a job reads its input).
  seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  job_id uuid NOT NULL REFERENCES jobs (id) ON DELETE CASCADE,
  line integer NOT NULL,
  pointer text NOT NULL,
  code text NOT NULL,
  detail text NOT NULL
);
CREATE INDEX job_errors_job ON job_errors (job_id, seq);
