-- Deadbolt schema, version 8 (SQLite): who may come in (forward-auth).
-- * user_groups: a user's groups (access rules name them as `group:NAME`);
--   users.group_list keeps them comma-joined and sorted, written in the same
--   transaction as the rows, so that session_view stays one statement.
-- * users.disabled: a disabled user cannot sign in and has no session.
-- * enrolment_tokens: the one-time links of `deadbolt user add`, stored as
--   SHA-256 only; spent once, before expires_at.
-- Additive: nodes of version 7 keep working (they ignore all of it).

ALTER TABLE users ADD COLUMN disabled INTEGER NOT NULL DEFAULT 0;
ALTER TABLE users ADD COLUMN group_list TEXT NOT NULL DEFAULT '';

CREATE TABLE user_groups (
    user_id    INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    group_name TEXT    NOT NULL,
    PRIMARY KEY (user_id, group_name)
);

CREATE TABLE enrolment_tokens (
    token_hash BLOB    PRIMARY KEY NOT NULL,
    user_id    INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL,
    used_at    INTEGER
);
CREATE INDEX enrolment_tokens_user ON enrolment_tokens(user_id);
