-- The trigram indexes of 0009 also answer `=`, and PostgreSQL's estimate for that is far too kind:
-- a look-up of a thousand usernames (an import batch) or a join on the key was planned through
-- them and read every posting list of "use", "ser", … — 23 s for one batch at 200,000 users,
-- against 2 ms through the unique key. Indexing the key as an expression (key || '') keeps
-- substring search (`co`, `q`, which compile to exactly that expression) and leaves equality to
-- the unique indexes. lower(name) is an expression already and is only searched.
DROP INDEX users_username_trgm;
DROP INDEX users_email_trgm;
CREATE INDEX users_username_trgm ON users USING gin ((username_key || '') gin_trgm_ops);
CREATE INDEX users_email_trgm ON users USING gin ((email_key || '') gin_trgm_ops);
