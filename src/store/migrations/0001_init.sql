-- The first schema: service state, users and idempotency records.

CREATE TABLE system_state (
  id integer PRIMARY KEY CHECK (id = 1),
  provisioned_at timestamptz
);
INSERT INTO system_state (id, provisioned_at) VALUES (1, NULL);

CREATE TABLE users (
  id uuid PRIMARY KEY,
  username text NOT NULL,
  -- Case-insensitive uniqueness is decided by keys the application folds with Unicode rules,
  -- so PGlite (C locale) and any PostgreSQL collation agree on what a duplicate is.
  username_key text NOT NULL,
  name text,
  given_name text,
  family_name text,
  email text,
  email_key text,
  phone text,
  locale text,
  type text NOT NULL CHECK (type IN ('internal', 'external', 'service_account')),
  role text NOT NULL CHECK (role IN ('admin', 'manager', 'auditor', 'metrics', 'backup', 'user')),
  status text NOT NULL CHECK (status IN ('invited', 'active', 'disabled')),
  password_hash text,
  attributes jsonb NOT NULL DEFAULT '{}'::jsonb,
  path text NOT NULL DEFAULT 'users',
  external_id text,
  email_verified boolean NOT NULL DEFAULT false,
  mfa_enabled boolean NOT NULL DEFAULT false,
  last_login timestamptz,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  version integer NOT NULL DEFAULT 1,
  CHECK (type <> 'service_account' OR (password_hash IS NULL AND email IS NULL))
);
CREATE UNIQUE INDEX users_username_key ON users (username_key);
CREATE UNIQUE INDEX users_email_key ON users (email_key) WHERE email_key IS NOT NULL;
CREATE UNIQUE INDEX users_external_id_key ON users (external_id) WHERE external_id IS NOT NULL;
CREATE INDEX users_role_status ON users (role, status);

CREATE TABLE idempotency_keys (
  principal_id uuid NOT NULL,
  key text NOT NULL,
  request_hash text NOT NULL,
  status_code integer,
  response_headers jsonb,
  response_body text,
  created_at timestamptz NOT NULL,
  PRIMARY KEY (principal_id, key)
);
