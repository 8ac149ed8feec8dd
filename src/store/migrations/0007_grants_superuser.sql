-- Whether a group makes its members superusers: it is a superuser group or lies below one. Kept
-- by the group repository in the transaction that changes the tree, so reading a user's
-- superuser status is one indexed join instead of a recursive walk per user.

ALTER TABLE groups ADD COLUMN grants_superuser boolean NOT NULL DEFAULT false;

WITH RECURSIVE granting(id) AS (
  SELECT id FROM groups WHERE is_superuser
  UNION SELECT g.id FROM groups g JOIN granting p ON g.parent_id = p.id
)
UPDATE groups SET grants_superuser = true WHERE id IN (SELECT id FROM granting);

-- The superuser groups among a user's memberships.
CREATE INDEX groups_grants_superuser ON groups (id) WHERE grants_superuser;
