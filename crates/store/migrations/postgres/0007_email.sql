-- Deadbolt schema, version 7 (PostgreSQL): email.
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
    token_hash BYTEA   PRIMARY KEY,
    user_id    BIGINT  NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    purpose    TEXT    NOT NULL CHECK (purpose IN ('verify', 'reset')),
    email      TEXT,
    created_at BIGINT  NOT NULL,
    expires_at BIGINT  NOT NULL,
    used_at    BIGINT
);
CREATE INDEX email_tokens_user ON email_tokens(user_id);

CREATE TABLE outbox (
    id              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_id         BIGINT  REFERENCES users(id) ON DELETE CASCADE,
    to_address      TEXT    NOT NULL,
    kind            TEXT    NOT NULL,
    detail          TEXT    NOT NULL,
    ip              TEXT    NOT NULL,
    user_agent      TEXT    NOT NULL,
    sealed          BYTEA,
    created_at      BIGINT  NOT NULL,
    next_attempt_at BIGINT  NOT NULL,
    attempts        INTEGER NOT NULL DEFAULT 0,
    claimed_until   BIGINT,
    sent_at         BIGINT,
    gave_up_at      BIGINT,
    last_error      TEXT
);
CREATE INDEX outbox_due ON outbox(next_attempt_at) WHERE sent_at IS NULL AND gave_up_at IS NULL;
