-- Groups in a hierarchy, memberships, and superuser groups.

CREATE TABLE groups (
  id uuid PRIMARY KEY,
  name text NOT NULL,
  name_key text NOT NULL,
  -- A group with children cannot be deleted (RESTRICT): the API answers 409 and says so.
  parent_id uuid REFERENCES groups (id) ON DELETE RESTRICT,
  is_superuser boolean NOT NULL DEFAULT false,
  attributes jsonb NOT NULL DEFAULT '{}'::jsonb,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  version integer NOT NULL DEFAULT 1,
  CHECK (parent_id IS NULL OR parent_id <> id)
);
CREATE UNIQUE INDEX groups_name_key ON groups (name_key);
CREATE INDEX groups_parent ON groups (parent_id);

CREATE TABLE group_members (
  group_id uuid NOT NULL REFERENCES groups (id) ON DELETE CASCADE,
  user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  PRIMARY KEY (group_id, user_id)
);
CREATE INDEX group_members_user ON group_members (user_id);
