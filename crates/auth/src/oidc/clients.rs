//! Client registration (`deadbolt oidc client add|list|remove`): Deadbolt
//! generates the id and, for a confidential client, a 256-bit secret that
//! is shown once and kept as SHA-256.

use deadbolt_store::{Constraint, OidcClient, StoreError};
use url::Url;
use zeroize::Zeroizing;

use super::{SCOPES, random_token, sha256};
use crate::error::{AuthError, AuthResult};
use crate::keys::os_random;
use crate::service::Auth;

/// A client to register.
#[derive(Debug, Clone)]
pub struct NewClient {
    /// The operator's name for it.
    pub name: String,
    /// Its redirect URIs (at least one).
    pub redirect_uris: Vec<String>,
    /// A public client (a browser or native app: no secret, PKCE required).
    pub public: bool,
    /// Skip the consent page.
    pub trusted: bool,
    /// The scopes it may ask for (empty: all of [`SCOPES`]).
    pub scopes: Vec<String>,
}

fn invalid(field: &'static str, message: impl Into<String>) -> AuthError {
    AuthError::Invalid {
        field,
        message: message.into(),
    }
}

/// A redirect URI a client may register: absolute, no fragment; `https`, or
/// `http` on a loopback host (RFC 8252 §7.3, RFC 9700 §2.1).
fn check_redirect_uri(uri: &str) -> AuthResult<()> {
    let url = Url::parse(uri)
        .map_err(|_| invalid("redirect_uri", format!("{uri:?} is not an absolute URL.")))?;
    if url.fragment().is_some() {
        return Err(invalid("redirect_uri", format!("{uri:?} has a fragment.")));
    }
    let loopback = matches!(url.host_str(), Some("localhost" | "127.0.0.1" | "[::1]"));
    match url.scheme() {
        "https" => Ok(()),
        "http" if loopback => Ok(()),
        _ => Err(invalid(
            "redirect_uri",
            format!("{uri:?} must be https (http only on localhost, 127.0.0.1 or [::1])."),
        )),
    }
}

impl Auth {
    /// Register a client. Returns it and, for a confidential client, its
    /// secret (shown once: only its hash is kept).
    pub async fn oidc_add_client(
        &self,
        new: &NewClient,
    ) -> AuthResult<(OidcClient, Option<Zeroizing<String>>)> {
        let name = new.name.trim();
        if name.is_empty() || name.len() > 100 || name.chars().any(char::is_control) {
            return Err(invalid(
                "name",
                "A client name is 1 to 100 printable characters.",
            ));
        }
        if new.redirect_uris.is_empty() {
            return Err(invalid("redirect_uri", "Give at least one --redirect-uri."));
        }
        for uri in &new.redirect_uris {
            check_redirect_uri(uri)?;
        }
        let scopes: Vec<String> = if new.scopes.is_empty() {
            SCOPES.iter().map(|s| (*s).to_owned()).collect()
        } else {
            new.scopes.clone()
        };
        if let Some(s) = scopes.iter().find(|s| !SCOPES.contains(&s.as_str())) {
            return Err(invalid(
                "scope",
                format!("Unknown scope {s:?} (known: {}).", SCOPES.join(" ")),
            ));
        }
        if !scopes.iter().any(|s| s == "openid") {
            return Err(invalid("scope", "The scopes must include openid."));
        }
        let mut id = [0u8; 16];
        os_random(&mut id)?;
        let client_id = data_encoding::HEXLOWER.encode(&id);
        let secret = if new.public {
            None
        } else {
            Some(random_token()?)
        };
        let client = OidcClient {
            client_id,
            name: name.to_owned(),
            secret_hash: secret.as_ref().map(|s| sha256(s)),
            public: new.public,
            trusted: new.trusted,
            redirect_uris: new.redirect_uris.clone(),
            scopes,
            created_at: self.now(),
        };
        match self.store.oidc_add_client(&client).await {
            Err(StoreError::Conflict(Constraint::OidcClient)) => Err(invalid(
                "name",
                format!("A client named {name:?} exists already."),
            )),
            other => Ok(other.map(|()| (client, secret))?),
        }
    }

    /// Whether `redirect_uri` is registered, exactly, for `client_id`.
    pub async fn oidc_redirect_registered(
        &self,
        client_id: &str,
        redirect_uri: &str,
    ) -> AuthResult<bool> {
        Ok(self
            .store
            .oidc_client(client_id)
            .await?
            .is_some_and(|c| c.redirect_uris.iter().any(|u| u == redirect_uri)))
    }

    /// Every registered client, by name.
    pub async fn oidc_clients(&self) -> AuthResult<Vec<OidcClient>> {
        Ok(self.store.oidc_clients().await?)
    }

    /// Remove a client with everything issued to it. `Err(NotFound)` if
    /// there is none of that name.
    pub async fn oidc_remove_client(&self, name: &str) -> AuthResult<()> {
        if self.store.oidc_remove_client(name).await? {
            Ok(())
        } else {
            Err(AuthError::NotFound)
        }
    }

    /// The user's connected applications (consents), by name.
    pub async fn oidc_connected(
        &self,
        user_id: deadbolt_store::UserId,
    ) -> AuthResult<Vec<deadbolt_store::OidcConsent>> {
        Ok(self.store.oidc_user_consents(user_id).await?)
    }

    /// Disconnect an application: forget the consent, revoke its tokens.
    pub async fn oidc_disconnect(
        &self,
        user_id: deadbolt_store::UserId,
        client_id: &str,
    ) -> AuthResult<()> {
        if self.store.oidc_revoke_consent(user_id, client_id).await? {
            Ok(())
        } else {
            Err(AuthError::NotFound)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::check_redirect_uri;

    #[test]
    fn redirect_uris_must_be_https_or_loopback_http() {
        assert!(check_redirect_uri("https://grafana.example.com/login/generic_oauth").is_ok());
        assert!(check_redirect_uri("http://127.0.0.1:9000/cb").is_ok());
        assert!(check_redirect_uri("http://localhost/cb").is_ok());
        assert!(check_redirect_uri("http://grafana.example.com/cb").is_err());
        assert!(check_redirect_uri("https://a.example/cb#frag").is_err());
        assert!(check_redirect_uri("/relative").is_err());
        assert!(check_redirect_uri("javascript:alert(1)").is_err());
    }
}
