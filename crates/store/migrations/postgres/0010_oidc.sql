-- Deadbolt schema, version 10 (PostgreSQL): the OpenID Connect provider.
-- * sessions.amr: how the session was signed in (RFC 8176 names, comma-joined:
--   `pwd`, `pwd,otp`, `pwd,backup`, `hwk`...), written by the login
--   transactions, read into the ID token's `amr`.
-- * users.oidc_subject: the opaque, stable `sub` of ID tokens (not the
--   username, which a user may share with another service); 128 random bits,
--   set for existing and new users by the column's default.
-- * oidc_clients: registered relying parties; a confidential client's secret
--   is kept as SHA-256 only (256 random bits: no password hash needed).
-- * oidc_codes: authorization codes as SHA-256; redeemed once (compare-and-set
--   on redeemed_at); grant_id names what the redemption issued, so a replay
--   can revoke it.
-- * oidc_grants / oidc_tokens: what one redeemed code issued (a refresh-token
--   family) and its access and refresh tokens (SHA-256 only). A refresh token
--   is spent by a compare-and-set on spent_at; deleting the grant revokes
--   every token of the family at once.
-- * oidc_consents: what a user allowed a client to learn.
-- * oidc_keys: ES256 signing keys; the private key sealed with the keyring.
-- Additive: nodes of version 9 keep working (they issue nothing of this).

ALTER TABLE sessions ADD COLUMN amr TEXT NOT NULL DEFAULT '';

ALTER TABLE users ADD COLUMN oidc_subject TEXT NOT NULL
    DEFAULT replace(gen_random_uuid()::text, '-', '');
CREATE UNIQUE INDEX users_oidc_subject ON users(oidc_subject);

CREATE TABLE oidc_clients (
    client_id     TEXT    PRIMARY KEY,
    name          TEXT    NOT NULL UNIQUE,
    secret_hash   BYTEA,
    public        INTEGER NOT NULL,
    trusted       INTEGER NOT NULL,
    redirect_uris TEXT    NOT NULL,
    scopes        TEXT    NOT NULL,
    created_at    BIGINT  NOT NULL
);

CREATE TABLE oidc_grants (
    id         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    client_id  TEXT    NOT NULL REFERENCES oidc_clients(client_id) ON DELETE CASCADE,
    user_id    BIGINT  NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    scopes     TEXT    NOT NULL,
    auth_time  BIGINT  NOT NULL,
    amr        TEXT    NOT NULL,
    created_at BIGINT  NOT NULL
);
CREATE INDEX oidc_grants_user ON oidc_grants(user_id);

CREATE TABLE oidc_codes (
    code_hash      BYTEA   PRIMARY KEY,
    client_id      TEXT    NOT NULL REFERENCES oidc_clients(client_id) ON DELETE CASCADE,
    user_id        BIGINT  NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    redirect_uri   TEXT    NOT NULL,
    code_challenge TEXT,
    nonce          TEXT,
    scopes         TEXT    NOT NULL,
    auth_time      BIGINT  NOT NULL,
    amr            TEXT    NOT NULL,
    created_at     BIGINT  NOT NULL,
    expires_at     BIGINT  NOT NULL,
    redeemed_at    BIGINT,
    grant_id       BIGINT
);
CREATE INDEX oidc_codes_expiry ON oidc_codes(expires_at);

CREATE TABLE oidc_tokens (
    token_hash BYTEA   PRIMARY KEY,
    grant_id   BIGINT  NOT NULL REFERENCES oidc_grants(id) ON DELETE CASCADE,
    kind       INTEGER NOT NULL,
    expires_at BIGINT  NOT NULL,
    spent_at   BIGINT
);
CREATE INDEX oidc_tokens_grant ON oidc_tokens(grant_id);

CREATE TABLE oidc_consents (
    user_id    BIGINT  NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    client_id  TEXT    NOT NULL REFERENCES oidc_clients(client_id) ON DELETE CASCADE,
    scopes     TEXT    NOT NULL,
    granted_at BIGINT  NOT NULL,
    PRIMARY KEY (user_id, client_id)
);

CREATE TABLE oidc_keys (
    kid            TEXT    PRIMARY KEY,
    public_jwk     TEXT    NOT NULL,
    sealed_private BYTEA   NOT NULL,
    created_at     BIGINT  NOT NULL,
    retired_at     BIGINT
);
