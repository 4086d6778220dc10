-- Deadbolt schema, version 7 (SQLite): email.
-- * users.email: the verified address (NULL: none), unique among users;
--   users.notify_new_browser: the one notice a user may turn off.
-- * email_tokens: single-use tokens mailed for a verification or a password
--   reset, stored as SHA-256 only.
-- * outbox: mail to send, written in the same transaction as what causes
--   it; a worker on each node claims due rows (claimed_until is the lease),
--   sends, retries with backoff, and gives up after a documented time.
-- Additive: nodes of version 6 keep working (they write no mail).

ALTER TABLE users ADD COLUMN email TEXT;
ALTER TABLE users ADD COLUMN notify_new_browser INTEGER NOT NULL DEFAULT 1;
CREATE UNIQUE INDEX users_email ON users(email);

CREATE TABLE email_tokens (
    token_hash BLOB    PRIMARY KEY NOT NULL,
    user_id    INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    purpose    TEXT    NOT NULL CHECK (purpose IN ('verify', 'reset')),
    email      TEXT,
    created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL,
    used_at    INTEGER
);
CREATE INDEX email_tokens_user ON email_tokens(user_id);

CREATE TABLE outbox (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    user_id         INTEGER REFERENCES users(id) ON DELETE CASCADE,
    to_address      TEXT    NOT NULL,
    kind            TEXT    NOT NULL,
    detail          TEXT    NOT NULL,
    ip              TEXT    NOT NULL,
    user_agent      TEXT    NOT NULL,
    sealed          BLOB,
    created_at      INTEGER NOT NULL,
    next_attempt_at INTEGER NOT NULL,
    attempts        INTEGER NOT NULL DEFAULT 0,
    claimed_until   INTEGER,
    sent_at         INTEGER,
    gave_up_at      INTEGER,
    last_error      TEXT
);
CREATE INDEX outbox_due ON outbox(next_attempt_at) WHERE sent_at IS NULL AND gave_up_at IS NULL;
