-- The change feed: every committed change that a process may hold in memory (a user, their
-- memberships and superuser status, a credential, a lock) is announced on the channel
-- roster_changes, which every Roster process listens to (src/store/changes.ts). NOTIFY is
-- transactional: the announcement goes out when the change commits, and not at all when it
-- rolls back. Triggers rather than application code, so no write path can forget one.
--
-- Payloads are JSON: {"users": [ids]} for these users, {"added": true} for new users (lists
-- change), {"locks": [username keys]} for failure counts and lock states, {"all": true} when too much changed to
-- name (more than 100 rows in one statement) or when anyone's powers may have changed.

CREATE FUNCTION roster_announce(ids text[], kind text) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF ids IS NULL OR cardinality(ids) = 0 THEN
    RETURN;
  ELSIF cardinality(ids) > 100 THEN
    PERFORM pg_notify('roster_changes', '{"all":true}');
  ELSE
    PERFORM pg_notify('roster_changes', json_build_object(kind, ids)::text);
  END IF;
END $$;

-- Statement-level, so a bulk statement announces once: each transition table is named `changed`.
CREATE FUNCTION roster_users_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM roster_announce((SELECT array_agg(id::text) FROM (SELECT DISTINCT id FROM changed LIMIT 101) c), 'users');
  RETURN NULL;
END $$;

CREATE FUNCTION roster_user_rows_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM roster_announce((SELECT array_agg(user_id::text) FROM (SELECT DISTINCT user_id FROM changed LIMIT 101) c), 'users');
  RETURN NULL;
END $$;

CREATE FUNCTION roster_users_added() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('roster_changes', '{"added":true}');
  RETURN NULL;
END $$;

CREATE FUNCTION roster_everyone_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('roster_changes', '{"all":true}');
  RETURN NULL;
END $$;

CREATE FUNCTION roster_lock_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    PERFORM roster_announce(ARRAY[OLD.username_key], 'locks');
  ELSE
    PERFORM roster_announce(ARRAY[NEW.username_key], 'locks');
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER users_updated AFTER UPDATE ON users
  REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION roster_users_changed();
CREATE TRIGGER users_deleted AFTER DELETE ON users
  REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION roster_users_changed();
CREATE TRIGGER users_inserted AFTER INSERT ON users
  FOR EACH STATEMENT EXECUTE FUNCTION roster_users_added();

CREATE TRIGGER group_members_inserted AFTER INSERT ON group_members
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION roster_user_rows_changed();
CREATE TRIGGER group_members_deleted AFTER DELETE ON group_members
  REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION roster_user_rows_changed();

-- A group's superuser grant reaches every member below it.
CREATE TRIGGER groups_grant_changed AFTER UPDATE OF grants_superuser ON groups
  FOR EACH ROW WHEN (OLD.grants_superuser IS DISTINCT FROM NEW.grants_superuser)
  EXECUTE FUNCTION roster_everyone_changed();

-- Revoked credentials: a token deleted, a session revoked or ended.
CREATE TRIGGER access_tokens_deleted AFTER DELETE ON access_tokens
  REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION roster_user_rows_changed();
CREATE TRIGGER sessions_updated AFTER UPDATE ON sessions
  REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION roster_user_rows_changed();
CREATE TRIGGER sessions_deleted AFTER DELETE ON sessions
  REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION roster_user_rows_changed();

-- A name's failure count and lock state: Basic caches them with the user (auth/login-subjects.ts).
CREATE TRIGGER login_failures_changed AFTER INSERT OR UPDATE OR DELETE ON login_failures
  FOR EACH ROW EXECUTE FUNCTION roster_lock_changed();
