-- Steps that rewrite data with application code rather than SQL (see migrate.ts), recorded once
-- done: the first recomputes the uniqueness keys under full Unicode case folding.
CREATE TABLE data_steps (
  name text PRIMARY KEY,
  applied_at timestamptz NOT NULL DEFAULT now()
);
