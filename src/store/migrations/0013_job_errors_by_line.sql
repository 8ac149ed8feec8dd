-- An import writes two batches at once, so errors are no longer written in line order: they are
-- read back by line (and, within a line, in the order written).
DROP INDEX job_errors_job;
CREATE INDEX job_errors_job ON job_errors (job_id, line, seq);
