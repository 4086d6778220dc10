-- Deadbolt schema, version 9 (PostgreSQL): passkeys and security keys (WebAuthn).
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
    id            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_id       BIGINT  NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    name          TEXT    NOT NULL,
    user_handle   BYTEA   NOT NULL,
    credential_id BYTEA   NOT NULL,
    credential    TEXT    NOT NULL,
    counter       BIGINT  NOT NULL DEFAULT 0,
    created_at    BIGINT  NOT NULL,
    last_used_at  BIGINT
);
CREATE UNIQUE INDEX passkeys_credential_id ON passkeys(credential_id);
CREATE INDEX passkeys_user ON passkeys(user_id);

CREATE TABLE passkey_ceremonies (
    binding    BYTEA   NOT NULL,
    kind       TEXT    NOT NULL,
    user_id    BIGINT  REFERENCES users(id) ON DELETE CASCADE,
    state      TEXT    NOT NULL,
    expires_at BIGINT  NOT NULL,
    PRIMARY KEY (binding, kind)
);
CREATE INDEX passkey_ceremonies_expiry ON passkey_ceremonies(expires_at);
