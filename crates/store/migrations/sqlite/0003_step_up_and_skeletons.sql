-- Deadbolt schema, version 3 (SQLite).
-- 1. When the session last passed a second factor (sign-in with a code, a
--    device confirmed, a code given for a sensitive change): the step-up
--    window for changes to the account's factors. NULL: never.
-- 2. The Unicode confusable skeleton (UTS #39) of each username, unique, so
--    that "аlice" (Cyrillic а) cannot sit beside "alice". Existing rows get
--    theirs from the first node of version 3 that starts (the skeleton is
--    computed in Rust); until then NULL, which the unique index ignores.
-- Additive: nodes of version 2 keep working.

ALTER TABLE sessions ADD COLUMN second_factor_at INTEGER;

ALTER TABLE users ADD COLUMN username_skeleton TEXT;
CREATE UNIQUE INDEX users_skeleton ON users(username_skeleton);
