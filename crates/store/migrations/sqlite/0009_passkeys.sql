-- Deadbolt schema, version 9 (SQLite): passkeys and security keys (WebAuthn).
-- * passkeys: a user's named credentials; `credential` is webauthn-rs's
--   JSON (public key, counter, flags), `credential_id` is unique across all
--   users, `user_handle` is the WebAuthn user id (the same for every key
--   of one user), `counter` the last signature counter seen (compare-and-set).
-- * passkey_ceremonies: the server-side state of a started registration or
--   authentication, keyed by what it is bound to (a session's token hash,
--   or a passwordless ceremony's token hash) and its kind; a finish deletes
--   it (rows_affected decides), so each state is used once.
-- Additive: nodes of version 8 keep working (they see no passkeys).

CREATE TABLE passkeys (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    user_id       INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    name          TEXT    NOT NULL,
    user_handle   BLOB    NOT NULL,
    credential_id BLOB    NOT NULL,
    credential    TEXT    NOT NULL,
    counter       INTEGER NOT NULL DEFAULT 0,
    created_at    INTEGER NOT NULL,
    last_used_at  INTEGER
);
CREATE UNIQUE INDEX passkeys_credential_id ON passkeys(credential_id);
CREATE INDEX passkeys_user ON passkeys(user_id);

CREATE TABLE passkey_ceremonies (
    binding    BLOB    NOT NULL,
    kind       TEXT    NOT NULL,
    user_id    INTEGER REFERENCES users(id) ON DELETE CASCADE,
    state      TEXT    NOT NULL,
    expires_at INTEGER NOT NULL,
    PRIMARY KEY (binding, kind)
);
CREATE INDEX passkey_ceremonies_expiry ON passkey_ceremonies(expires_at);
