-- Search at a million users: the `co`, `sw` and `ew` filters and `q` compile to LIKE over the
-- folded username and email keys and the lower-cased name (store/sql-filter.ts,
-- users/user-query.repo.ts); each shape gets an index that answers it without reading every row.
--
-- Prefixes (`sw`): the unique key indexes become text_pattern_ops, which compare bytes, so a
-- LIKE 'abc%' is a range scan whatever the database's collation; equality, and so uniqueness
-- and the constraint names the API maps to 409s, are unchanged.
DROP INDEX users_username_key;
CREATE UNIQUE INDEX users_username_key ON users (username_key text_pattern_ops);
DROP INDEX users_email_key;
-- Users without an email (NULL) never collide in a unique index: no partial predicate needed.
CREATE UNIQUE INDEX users_email_key ON users (email_key text_pattern_ops);

-- Email suffixes (`ew`, the common "everyone at this domain"): a prefix match on the reversed key.
CREATE INDEX users_email_suffix ON users (reverse(email_key) text_pattern_ops);

-- Substrings (`co`, `q`, and `ew` on other keys): trigram GIN indexes. pg_trgm is a trusted
-- extension (PostgreSQL 13+), so a database owner may create it; the embedded database loads it
-- at every start (store/db.ts).
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE INDEX users_username_trgm ON users USING gin (username_key gin_trgm_ops);
CREATE INDEX users_email_trgm ON users USING gin (email_key gin_trgm_ops);
CREATE INDEX users_name_trgm ON users USING gin (lower(name) gin_trgm_ops);
