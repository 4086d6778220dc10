-- Deadbolt schema, version 1 (SQLite). Forward-only: never edit an applied
-- migration; add 0002_*.sql instead (and its PostgreSQL twin).
-- Times are unix seconds (INTEGER), flags are INTEGER 0/1, bytes are BLOB.

CREATE TABLE users (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    username      TEXT    NOT NULL,
    username_key  TEXT    NOT NULL UNIQUE,
    password_hash TEXT    NOT NULL,
    created_at    INTEGER NOT NULL
);

CREATE TABLE devices (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    user_id       INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    sealed_secret BLOB    NOT NULL,
    confirmed     INTEGER NOT NULL DEFAULT 0 CHECK (confirmed IN (0, 1)),
    last_step     INTEGER,
    created_at    INTEGER NOT NULL
);
-- At most one confirmed and one pending device per user.
CREATE UNIQUE INDEX devices_one_confirmed ON devices(user_id) WHERE confirmed = 1;
CREATE UNIQUE INDEX devices_one_pending ON devices(user_id) WHERE confirmed = 0;

CREATE TABLE backup_codes (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    user_id    INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    code_hash  BLOB    NOT NULL,
    used_at    INTEGER,
    created_at INTEGER NOT NULL
);
CREATE INDEX backup_codes_user_hash ON backup_codes(user_id, code_hash);

CREATE TABLE sessions (
    token_hash BLOB    PRIMARY KEY NOT NULL,
    user_id    INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    stage      INTEGER NOT NULL,
    created_at INTEGER NOT NULL,
    last_seen  INTEGER NOT NULL,
    expires_at INTEGER NOT NULL,
    user_agent TEXT    NOT NULL,
    ip         TEXT    NOT NULL
);
CREATE INDEX sessions_user ON sessions(user_id);
CREATE INDEX sessions_expires ON sessions(expires_at);

CREATE TABLE events (
    id      INTEGER PRIMARY KEY AUTOINCREMENT,
    user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    at      INTEGER NOT NULL,
    kind    TEXT    NOT NULL,
    ip      TEXT    NOT NULL,
    detail  TEXT    NOT NULL
);
CREATE INDEX events_user_at ON events(user_id, at);

-- GCRA attempt budgets: tat = theoretical arrival time (unix seconds).
CREATE TABLE budgets (
    key TEXT    PRIMARY KEY NOT NULL,
    tat INTEGER NOT NULL
);
