-- Deadbolt schema, version 4 (SQLite): a check value per key id (an AEAD
-- seal of a constant under that key), so that a node whose keys cannot
-- open this database's secrets refuses to start instead of failing every
-- second factor. Written by the first node to start (or by `keys rotate`).
-- Additive: nodes of version 3 keep working.

CREATE TABLE key_checks (
    key_id     INTEGER PRIMARY KEY NOT NULL,
    sealed     BLOB    NOT NULL,
    created_at INTEGER NOT NULL
);
