-- One trigram index for substring search where there were three (username, email, name).
-- Every insert wrote each of a user's trigrams into three GIN indexes, which cost a sixth of a
-- bulk import's time in the database (`npm run bench:import-db`, a million users: 64 s with
-- three, 54 s with this one). A name or username that repeats in the email address now gives its
-- trigrams once.
--
-- Queries match a substring of one field through this index and then check that field itself
-- (store/sql-filter.ts, users/user-query.repo.ts), so a match that spans two fields of the
-- concatenation is only a candidate, never a result. As with (key || '') before, `=` on a key
-- cannot be planned through this expression (migration 0012 says why that matters).
DROP INDEX users_username_trgm;
DROP INDEX users_email_trgm;
DROP INDEX users_name_trgm;
CREATE INDEX users_search_trgm ON users USING gin (
  (username_key || ' ' || coalesce(email_key, '') || ' ' || coalesce(lower(name), '')) gin_trgm_ops);
