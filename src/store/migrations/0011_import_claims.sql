-- What a dry-run import would have taken so far (usernames, emails, external ids, group names),
-- so a later line that repeats an earlier one is reported as the real import would report it,
-- without holding the whole file's keys in memory. Dropped when the job ends.
CREATE TABLE import_claims (
  job_id uuid NOT NULL REFERENCES jobs (id) ON DELETE CASCADE,
  key text NOT NULL,
  PRIMARY KEY (job_id, key)
);
