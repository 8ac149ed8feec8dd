-- The audit log (API.md, "Audit log and webhooks"): one row per mutation or authentication event,
-- written in the transaction of the change it records. Ids are UUIDv7, so id order is time order
-- and the primary key serves the newest-first list; the other indexes serve its filters.
CREATE TABLE audit_events (
  id uuid PRIMARY KEY,
  time timestamptz NOT NULL,
  action text NOT NULL,
  outcome text NOT NULL CHECK (outcome IN ('success', 'failure')),
  actor_type text NOT NULL CHECK (actor_type IN ('user', 'token', 'system', 'anonymous')),
  actor_id uuid,
  actor_username text,
  target_type text,
  target_id text,
  ip text,
  user_agent text,
  request_id text,
  changes text[] NOT NULL DEFAULT '{}'
);
CREATE INDEX audit_events_time ON audit_events (time);
CREATE INDEX audit_events_action ON audit_events (action, id);
CREATE INDEX audit_events_actor ON audit_events (actor_id, id);
CREATE INDEX audit_events_target ON audit_events (target_id, id);

-- Webhooks: where to tell other systems of events, and what was sent. The signing secret is
-- sealed with the service secret, like TOTP secrets.
CREATE TABLE webhooks (
  id uuid PRIMARY KEY,
  url text NOT NULL,
  events text[] NOT NULL,
  active boolean NOT NULL DEFAULT true,
  description text,
  secret_sealed text NOT NULL,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL
);

-- One row per event a webhook is sent; the body is kept as signed, so a retry or a redelivery
-- sends the same bytes under the same webhook-id (the row's id).
CREATE TABLE webhook_deliveries (
  id uuid PRIMARY KEY,
  webhook_id uuid NOT NULL REFERENCES webhooks (id) ON DELETE CASCADE,
  event_id uuid NOT NULL,
  type text NOT NULL,
  body text NOT NULL,
  status text NOT NULL CHECK (status IN ('pending', 'retrying', 'delivered', 'failed')),
  attempts integer NOT NULL DEFAULT 0,
  response_status integer,
  last_error text,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL
);
CREATE INDEX webhook_deliveries_webhook ON webhook_deliveries (webhook_id, id);
