-- Lockout counts failed password checks per username key, whether or not a user holds that
-- name, so neither locking nor timing tells which usernames exist. One stable issuer id per
-- database, so every process signs access tokens the others accept.

CREATE TABLE login_failures (
  username_key text PRIMARY KEY,
  -- Failures since the last success, checks in flight included (reserved before they run).
  failures integer NOT NULL DEFAULT 0,
  -- How many locks so far: each lasts twice as long as the one before.
  lock_level integer NOT NULL DEFAULT 0,
  locked_until timestamptz,
  updated_at timestamptz NOT NULL
);
CREATE INDEX login_failures_updated ON login_failures (updated_at);

INSERT INTO login_failures (username_key, failures, lock_level, locked_until, updated_at)
  SELECT username_key, failed_logins, lock_level, locked_until, now() FROM users
  WHERE failed_logins > 0 OR lock_level > 0 OR locked_until IS NOT NULL;

ALTER TABLE users DROP COLUMN failed_logins, DROP COLUMN lock_level, DROP COLUMN locked_until;

ALTER TABLE system_state ADD COLUMN installation_id uuid NOT NULL DEFAULT gen_random_uuid();

CREATE INDEX idempotency_keys_created ON idempotency_keys (created_at);
