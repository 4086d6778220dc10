//! The token endpoint (`authorization_code`, `refresh_token`), userinfo
//! and revocation (RFC 7009), with client authentication
//! (`client_secret_basic`, `client_secret_post`, none for public clients).

use deadbolt_store::{
    IssuedTokens, NewGrant, OidcClient, OidcUser, RedeemOutcome, RefreshOutcome, TokenKind,
};
use serde::Serialize;
use subtle::ConstantTimeEq;
use zeroize::Zeroizing;

use super::{
    ACCESS_SECS, OidcError, OidcResult, REFRESH_SECS, acr_of, amr_list, random_token, sha256,
};
use crate::service::Auth;

/// How the client authenticated itself (the server reads the headers and
/// the form; a request using two methods is refused there).
#[derive(Debug, Clone, Default)]
pub struct ClientAuth {
    /// `client_id` (from Basic, or the form).
    pub client_id: Option<String>,
    /// The secret (from Basic, or the form's `client_secret`).
    pub secret: Option<Zeroizing<String>>,
    /// Whether it came in an `Authorization: Basic` header.
    pub basic: bool,
}

/// A token request's form fields (each at most once; the server refuses repeats).
#[derive(Debug, Clone, Default)]
pub struct TokenRequest {
    /// `grant_type`.
    pub grant_type: Option<String>,
    /// `code`.
    pub code: Option<String>,
    /// `redirect_uri`.
    pub redirect_uri: Option<String>,
    /// `code_verifier` (PKCE).
    pub code_verifier: Option<String>,
    /// `refresh_token`.
    pub refresh_token: Option<String>,
}

/// A successful token response (RFC 6749 §5.1).
#[derive(Debug, Serialize)]
pub struct TokenResponse {
    /// The opaque access token.
    pub access_token: String,
    /// Always `Bearer`.
    pub token_type: &'static str,
    /// Seconds.
    pub expires_in: i64,
    /// The new refresh token.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub refresh_token: Option<String>,
    /// The signed ID token.
    pub id_token: String,
    /// Granted scopes.
    pub scope: String,
}

impl TokenResponse {
    fn new(access: &str, refresh: &str, id_token: String, scope: String) -> Self {
        TokenResponse {
            access_token: access.to_owned(),
            token_type: "Bearer",
            expires_in: ACCESS_SECS,
            refresh_token: Some(refresh.to_owned()),
            id_token,
            scope,
        }
    }
}

/// Access and refresh tokens, then their SHA-256 (what the store keeps).
type Fresh = (Zeroizing<String>, Zeroizing<String>, Vec<u8>, Vec<u8>);

/// Fresh access and refresh tokens and what the store keeps of them.
fn fresh_tokens() -> OidcResult<Fresh> {
    let (access, refresh) = (random_token()?, random_token()?);
    let (access_hash, refresh_hash) = (sha256(&access), sha256(&refresh));
    Ok((access, refresh, access_hash, refresh_hash))
}

#[derive(Serialize)]
struct IdClaims<'a> {
    iss: String,
    sub: &'a str,
    aud: &'a str,
    azp: &'a str,
    exp: i64,
    iat: i64,
    auth_time: i64,
    #[serde(skip_serializing_if = "Option::is_none")]
    nonce: Option<&'a str>,
    amr: Vec<String>,
    acr: &'static str,
    #[serde(flatten)]
    profile: serde_json::Map<String, serde_json::Value>,
}

/// The claims of `scopes` about `user` (userinfo and the ID token).
fn claims(user: &OidcUser, scopes: &str) -> serde_json::Map<String, serde_json::Value> {
    use serde_json::Value;
    let mut out = serde_json::Map::new();
    for scope in scopes.split(' ') {
        match scope {
            "profile" => {
                out.insert(
                    "preferred_username".into(),
                    Value::from(user.username.clone()),
                );
                out.insert("name".into(), Value::from(user.username.clone()));
            }
            "email" => {
                if let Some(email) = &user.email {
                    out.insert("email".into(), Value::from(email.clone()));
                    // Deadbolt keeps only verified addresses.
                    out.insert("email_verified".into(), Value::from(true));
                }
            }
            "groups" => {
                out.insert("groups".into(), Value::from(user.groups.clone()));
            }
            _ => {}
        }
    }
    out
}

/// The PKCE check: BASE64URL(SHA-256(verifier)) == challenge, in constant time.
fn pkce_holds(challenge: &str, verifier: &str) -> bool {
    use data_encoding::BASE64URL_NOPAD;
    use sha2::{Digest, Sha256};
    let syntax = (43..=128).contains(&verifier.len())
        && verifier
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~'));
    let computed = BASE64URL_NOPAD.encode(&Sha256::digest(verifier.as_bytes()));
    syntax && bool::from(computed.as_bytes().ct_eq(challenge.as_bytes()))
}

impl Auth {
    /// Authenticate the client of a token or revocation request.
    pub async fn oidc_client_auth(&self, auth: &ClientAuth) -> OidcResult<OidcClient> {
        let id = auth.client_id.as_deref().ok_or(OidcError::InvalidClient)?;
        let client = self.store.oidc_client(id).await?;
        // The same work whether or not the client exists.
        let presented = auth.secret.as_ref().map(|s| sha256(s));
        let Some(client) = client else {
            return Err(OidcError::InvalidClient);
        };
        match (&client.secret_hash, presented) {
            (None, None) if client.public => Ok(client),
            (Some(want), Some(got)) if !client.public => {
                if bool::from(want.as_slice().ct_eq(&got)) {
                    Ok(client)
                } else {
                    Err(OidcError::InvalidClient)
                }
            }
            _ => Err(OidcError::InvalidClient),
        }
    }

    /// The token endpoint, after client authentication.
    pub async fn oidc_token(
        &self,
        auth: &ClientAuth,
        req: &TokenRequest,
    ) -> OidcResult<TokenResponse> {
        let grant = req
            .grant_type
            .as_deref()
            .ok_or_else(|| OidcError::InvalidRequest("grant_type is missing.".into()))?;
        if !matches!(grant, "authorization_code" | "refresh_token") {
            return Err(OidcError::UnsupportedGrantType);
        }
        let client = self.oidc_client_auth(auth).await?;
        match grant {
            "authorization_code" => self.redeem(&client, req).await,
            _ => self.refresh(&client, req).await,
        }
    }

    async fn redeem(&self, client: &OidcClient, req: &TokenRequest) -> OidcResult<TokenResponse> {
        let missing = |m: &str| OidcError::InvalidRequest(format!("{m} is missing."));
        let code = req.code.as_deref().ok_or_else(|| missing("code"))?;
        let redirect_uri = req
            .redirect_uri
            .as_deref()
            .ok_or_else(|| missing("redirect_uri"))?;
        let now = self.now();
        let code_hash = sha256(code);
        let invalid = OidcError::InvalidGrant("The code is invalid, expired or already used.");
        let Some(view) = self.store.oidc_code(&code_hash).await? else {
            return Err(invalid);
        };
        let stored = &view.code;
        // Another client's code changes nothing (the code stays its owner's).
        if stored.client_id != client.client_id {
            return Err(invalid);
        }
        if stored.redeemed_at.is_none() {
            if stored.expires_at <= now {
                return Err(invalid);
            }
            if stored.redirect_uri != redirect_uri {
                return Err(OidcError::InvalidGrant(
                    "redirect_uri differs from the authorization request's.",
                ));
            }
            match (&stored.code_challenge, req.code_verifier.as_deref()) {
                (Some(c), Some(v)) if pkce_holds(c, v) => {}
                (None, None) => {}
                _ => return Err(OidcError::InvalidGrant("The PKCE code_verifier is wrong.")),
            }
        }
        if view.user.disabled {
            return Err(OidcError::InvalidGrant("The account is disabled."));
        }
        let (access, refresh, access_hash, refresh_hash) = fresh_tokens()?;
        let grant = NewGrant {
            client_id: &client.client_id,
            user_id: stored.user_id,
            scopes: &stored.scopes,
            auth_time: stored.auth_time,
            amr: &stored.amr,
            now,
        };
        let tokens = IssuedTokens {
            access_hash: &access_hash,
            access_expires_at: now + ACCESS_SECS,
            refresh_hash: Some(&refresh_hash),
            refresh_expires_at: now + REFRESH_SECS,
        };
        match self
            .store
            .oidc_redeem_code(&code_hash, &grant, &tokens)
            .await?
        {
            RedeemOutcome::Issued { .. } => {}
            RedeemOutcome::Replayed => {
                tracing::warn!(client = %client.name, "an authorization code was replayed; its tokens are revoked");
                return Err(invalid);
            }
            RedeemOutcome::Invalid => return Err(invalid),
            RedeemOutcome::UserGone => {
                return Err(OidcError::InvalidGrant("The account is disabled."));
            }
        }
        let id_token = self
            .id_token(
                client,
                &view.user,
                &stored.scopes,
                stored.auth_time,
                &stored.amr,
                stored.nonce.as_deref(),
            )
            .await?;
        Ok(TokenResponse::new(
            &access,
            &refresh,
            id_token,
            stored.scopes.clone(),
        ))
    }

    async fn refresh(&self, client: &OidcClient, req: &TokenRequest) -> OidcResult<TokenResponse> {
        let presented = req
            .refresh_token
            .as_deref()
            .ok_or_else(|| OidcError::InvalidRequest("refresh_token is missing.".into()))?;
        let now = self.now();
        let old_hash = sha256(presented);
        let invalid = OidcError::InvalidGrant("The refresh token is invalid, expired or revoked.");
        let Some(info) = self.store.oidc_token(&old_hash).await? else {
            return Err(invalid);
        };
        if info.kind != TokenKind::Refresh || info.client_id != client.client_id {
            return Err(invalid);
        }
        if info.spent_at.is_some() {
            // A spent token again: someone holds a copy. End the family.
            self.store.oidc_revoke_grant(info.grant_id).await?;
            tracing::warn!(client = %client.name, "a spent refresh token was presented; its family is revoked");
            return Err(invalid);
        }
        if info.expires_at <= now {
            return Err(invalid);
        }
        if info.user.disabled {
            return Err(OidcError::InvalidGrant("The account is disabled."));
        }
        let (access, refresh, access_hash, refresh_hash) = fresh_tokens()?;
        let tokens = IssuedTokens {
            access_hash: &access_hash,
            access_expires_at: now + ACCESS_SECS,
            refresh_hash: Some(&refresh_hash),
            refresh_expires_at: now + REFRESH_SECS,
        };
        match self
            .store
            .oidc_rotate_refresh(&old_hash, info.grant_id, &tokens, now)
            .await?
        {
            RefreshOutcome::Rotated => {}
            RefreshOutcome::Reused => return Err(invalid),
            RefreshOutcome::UserGone => {
                return Err(OidcError::InvalidGrant("The account is disabled."));
            }
        }
        let id_token = self
            .id_token(
                client,
                &info.user,
                &info.scopes,
                info.auth_time,
                &info.amr,
                None,
            )
            .await?;
        Ok(TokenResponse::new(&access, &refresh, id_token, info.scopes))
    }

    async fn id_token(
        &self,
        client: &OidcClient,
        user: &OidcUser,
        scopes: &str,
        auth_time: i64,
        amr: &str,
        nonce: Option<&str>,
    ) -> OidcResult<String> {
        let now = self.now();
        let claims = IdClaims {
            iss: self.oidc_issuer(),
            sub: &user.subject,
            aud: &client.client_id,
            azp: &client.client_id,
            exp: now + ACCESS_SECS,
            iat: now,
            auth_time,
            nonce,
            amr: amr_list(amr),
            acr: acr_of(amr),
            profile: claims(user, scopes),
        };
        self.oidc_sign(&claims).await
    }

    /// Userinfo: the claims of a live access token's scopes.
    pub async fn oidc_userinfo(&self, access_token: &str) -> OidcResult<serde_json::Value> {
        let info = self
            .store
            .oidc_token(&sha256(access_token))
            .await?
            .filter(|i| i.kind == TokenKind::Access && i.expires_at > self.now())
            .filter(|i| !i.user.disabled)
            .ok_or(OidcError::InvalidToken)?;
        let mut out = claims(&info.user, &info.scopes);
        out.insert("sub".into(), info.user.subject.clone().into());
        Ok(serde_json::Value::Object(out))
    }

    /// RFC 7009: revoke a token of the authenticated client. A refresh
    /// token takes its whole grant with it. An unknown token is no error
    /// (§2.2); another client's token is refused and left alone.
    pub async fn oidc_revoke(
        &self,
        auth: &ClientAuth,
        token: Option<&str>,
        hint: Option<&str>,
    ) -> OidcResult<()> {
        let client = self.oidc_client_auth(auth).await?;
        let token = token.ok_or_else(|| OidcError::InvalidRequest("token is missing.".into()))?;
        // §2.1: the hint only speeds the lookup up; one lookup finds either kind.
        let _ = hint;
        let hash = sha256(token);
        let Some(info) = self.store.oidc_token(&hash).await? else {
            return Ok(());
        };
        if info.client_id != client.client_id {
            return Err(OidcError::UnauthorizedClient(
                "The token was not issued to this client.",
            ));
        }
        match info.kind {
            TokenKind::Refresh => self.store.oidc_revoke_grant(info.grant_id).await?,
            TokenKind::Access => self.store.oidc_revoke_token(&hash).await?,
        };
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pkce_s256_is_base64url_of_sha256() {
        let verifier = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wEhh_BSUsmwM";
        let challenge = "O_QCG0hKa6NnRkGijduJQPMN6iGvqVR_VbmfdQY1OWE";
        assert!(pkce_holds(challenge, verifier));
        assert!(!pkce_holds(
            challenge,
            "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wEhh_BSUsmwN"
        ));
        assert!(!pkce_holds(verifier, verifier), "plain is not S256");
        assert!(!pkce_holds(challenge, "short"));
    }

    #[test]
    fn acr_says_how_many_factors() {
        assert_eq!(acr_of("pwd,otp"), "2fa");
        assert_eq!(acr_of("pwd"), "1fa");
        assert_eq!(amr_list("pwd,backup"), ["pwd", "backup"]);
    }
}
