//! The authorization endpoint's rules: the request checked (exact
//! `redirect_uri`, PKCE S256, scopes, `prompt`, `max_age`), the decision
//! (login, consent page, or a code), and the code issued.

use deadbolt_store::{OidcClient, OidcCode, Stage};
use url::Url;

use super::{CODE_SECS, OidcError, OidcResult, PARAM_MAX, SCOPES, random_token, sha256};
use crate::service::Auth;

/// The internal parameter a login redirect adds: the session must be
/// created at or after this time (`prompt=login`, `max_age`). A client
/// setting it itself only makes its own login stricter.
pub const LOGIN_AFTER: &str = "deadbolt_login_after";

/// The query of an authorization request, as name/value pairs in order
/// (repeats kept, so that they can be refused).
#[derive(Debug, Clone, Default)]
pub struct AuthorizeParams(pub Vec<(String, String)>);

impl AuthorizeParams {
    /// The one value of `name`; `Err(())` if it is repeated.
    fn one(&self, name: &str) -> Result<Option<&str>, ()> {
        let mut found = self.0.iter().filter(|(k, _)| k == name);
        let first = found.next().map(|(_, v)| v.as_str());
        if found.next().is_some() {
            Err(())
        } else {
            Ok(first)
        }
    }
}

/// A checked authorization request.
#[derive(Debug, Clone)]
pub struct AuthorizeRequest {
    /// The client.
    pub client: OidcClient,
    /// The registered redirect URI it named.
    pub redirect_uri: String,
    /// Requested scopes (known, allowed to the client, `openid` among them).
    pub scopes: Vec<String>,
    /// Returned unchanged.
    pub state: Option<String>,
    /// Put in the ID token.
    pub nonce: Option<String>,
    /// The PKCE S256 challenge.
    pub code_challenge: Option<String>,
    /// `prompt` values (`none`, `login`, `consent`, `select_account`).
    pub prompt: Vec<String>,
    /// `max_age`, seconds.
    pub max_age: Option<i64>,
    /// See [`LOGIN_AFTER`].
    pub login_after: Option<i64>,
}

/// Why a request is refused: shown as a page (unknown client or redirect
/// URI: never redirected to), or sent back to the client's redirect URI.
#[derive(Debug)]
pub enum AuthorizeRefusal {
    /// An error page, for this reason (the pages word it in the user's
    /// language).
    Page(PageReason),
    /// Back to the client with `error` (and `state`).
    Redirect {
        /// The checked redirect URI.
        redirect_uri: String,
        /// The request's state, if it was acceptable.
        state: Option<String>,
        /// The error.
        error: OidcError,
    },
}

/// Why a request cannot go back to its client: it is shown as a page.
#[derive(Debug)]
pub enum PageReason {
    /// `client_id` is given more than once.
    ClientIdRepeated,
    /// No `client_id`.
    NoClientId,
    /// No client has that id.
    UnknownClient,
    /// `redirect_uri` is given more than once.
    RedirectRepeated,
    /// No `redirect_uri`.
    NoRedirect,
    /// The `redirect_uri` is not one the client registered, exactly.
    RedirectNotRegistered,
    /// The store failed while looking the client up.
    Failed(OidcError),
}

impl AuthorizeRefusal {
    /// The `Location` of a refusal that goes back to the client.
    pub fn location(&self, issuer: &str) -> Option<String> {
        let AuthorizeRefusal::Redirect {
            redirect_uri,
            state,
            error,
        } = self
        else {
            return None;
        };
        let mut url = Url::parse(redirect_uri).ok()?;
        {
            let mut q = url.query_pairs_mut();
            q.append_pair("error", error.code());
            if let OidcError::Server(_) = error {
                q.append_pair(
                    "error_description",
                    "The server could not complete the request.",
                );
            } else {
                q.append_pair("error_description", &error.to_string());
            }
            if let Some(state) = state {
                q.append_pair("state", state);
            }
            q.append_pair("iss", issuer);
        }
        Some(url.into())
    }
}

/// What the authorization endpoint does next.
#[derive(Debug)]
pub enum AuthorizeNext {
    /// Sign in (again), then come back to [`AuthorizeRequest::resume_query`].
    Login {
        /// The session must be created at or after this time.
        login_after: i64,
    },
    /// Show the consent page for these scopes.
    Consent,
    /// Send the browser to the client with a code (this `Location`).
    Code(String),
}

impl AuthorizeRequest {
    /// The request as query pairs (for the consent form, and rebuilt after
    /// a login).
    pub fn query_pairs(&self) -> Vec<(&'static str, String)> {
        let mut q = vec![
            ("response_type", "code".to_owned()),
            ("client_id", self.client.client_id.clone()),
            ("redirect_uri", self.redirect_uri.clone()),
            ("scope", self.scopes.join(" ")),
        ];
        let optional = [
            ("state", self.state.clone()),
            ("nonce", self.nonce.clone()),
            ("code_challenge", self.code_challenge.clone()),
            (
                "code_challenge_method",
                self.code_challenge.as_ref().map(|_| "S256".to_owned()),
            ),
            ("max_age", self.max_age.map(|m| m.to_string())),
            (LOGIN_AFTER, self.login_after.map(|t| t.to_string())),
        ];
        q.extend(optional.into_iter().filter_map(|(k, v)| Some((k, v?))));
        if !self.prompt.is_empty() {
            q.push(("prompt", self.prompt.join(" ")));
        }
        q
    }

    /// The query to come back with after a login: `prompt=login` dropped
    /// (it is satisfied by a session made after `login_after`).
    pub fn resume_query(&self, login_after: i64) -> Vec<(&'static str, String)> {
        let mut again = self.clone();
        again.prompt.retain(|p| p != "login");
        again.login_after = Some(login_after);
        again.query_pairs()
    }

    fn refuse(&self, error: OidcError) -> AuthorizeRefusal {
        AuthorizeRefusal::Redirect {
            redirect_uri: self.redirect_uri.clone(),
            state: self.state.clone(),
            error,
        }
    }
}

fn is_pkce_value(s: &str) -> bool {
    (43..=128).contains(&s.len())
        && s.bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~'))
}

impl Auth {
    /// Check an authorization request. An unknown client or redirect URI
    /// (or a repeated `client_id`/`redirect_uri`) is a page; everything
    /// else goes back to the redirect URI.
    pub async fn oidc_authorize_request(
        &self,
        params: &AuthorizeParams,
    ) -> Result<AuthorizeRequest, AuthorizeRefusal> {
        use AuthorizeRefusal::Page;
        let client_id = params
            .one("client_id")
            .map_err(|()| Page(PageReason::ClientIdRepeated))?
            .ok_or(Page(PageReason::NoClientId))?;
        let client = self
            .store
            .oidc_client(client_id)
            .await
            .map_err(|e| Page(PageReason::Failed(e.into())))?
            .ok_or(Page(PageReason::UnknownClient))?;
        let redirect_uri = params
            .one("redirect_uri")
            .map_err(|()| Page(PageReason::RedirectRepeated))?
            .ok_or(Page(PageReason::NoRedirect))?;
        // Exact match only: no prefix, no suffix, no normalisation.
        if !client.redirect_uris.iter().any(|u| u == redirect_uri) {
            return Err(Page(PageReason::RedirectNotRegistered));
        }
        let mut req = AuthorizeRequest {
            client,
            redirect_uri: redirect_uri.to_owned(),
            scopes: Vec::new(),
            state: None,
            nonce: None,
            code_challenge: None,
            prompt: Vec::new(),
            max_age: None,
            login_after: None,
        };
        let bad = |m: &str| OidcError::InvalidRequest(m.to_owned());
        // The state first, so that later errors can carry it back.
        match params.one("state") {
            Err(()) => return Err(req.refuse(bad("state is repeated."))),
            Ok(Some(s)) if s.len() > PARAM_MAX => {
                return Err(req.refuse(bad("state is too long.")));
            }
            Ok(s) => req.state = s.map(str::to_owned),
        }
        let mut seen = std::collections::HashSet::new();
        if let Some((name, _)) = params.0.iter().find(|(k, _)| !seen.insert(k.as_str())) {
            return Err(req.refuse(OidcError::InvalidRequest(format!("{name} is repeated."))));
        }
        let get = |name: &str| params.one(name).ok().flatten();
        match get("response_type") {
            None => return Err(req.refuse(bad("response_type is missing."))),
            Some("code") => {}
            Some(_) => return Err(req.refuse(OidcError::UnsupportedResponseType)),
        }
        if get("response_mode").is_some_and(|m| m != "query") {
            return Err(req.refuse(bad("Only response_mode=query is supported.")));
        }
        if get("request").is_some() || get("request_uri").is_some() {
            return Err(req.refuse(bad("Request objects are not supported.")));
        }
        let scopes: Vec<String> = get("scope")
            .unwrap_or("")
            .split(' ')
            .filter(|s| !s.is_empty())
            .map(str::to_owned)
            .collect();
        if !scopes.iter().any(|s| s == "openid") {
            return Err(req.refuse(OidcError::InvalidScope(
                "The scope must include openid.".into(),
            )));
        }
        if let Some(s) = scopes
            .iter()
            .find(|s| !SCOPES.contains(&s.as_str()) || !req.client.scopes.contains(s))
        {
            return Err(req.refuse(OidcError::InvalidScope(format!(
                "The scope {s:?} is not available to this application."
            ))));
        }
        req.scopes = scopes;
        req.scopes.dedup();
        match (get("code_challenge"), get("code_challenge_method")) {
            (None, None) if req.client.public => {
                return Err(req.refuse(bad("A public client must use PKCE (S256).")));
            }
            (None, None) => {}
            (Some(c), Some("S256")) if is_pkce_value(c) && c.len() == 43 => {
                req.code_challenge = Some(c.to_owned());
            }
            (Some(_), Some("S256")) => {
                return Err(req.refuse(bad("code_challenge is not an S256 challenge.")));
            }
            (None, Some(_)) => return Err(req.refuse(bad("code_challenge is missing."))),
            (Some(_), _) => {
                return Err(req.refuse(bad(
                    "code_challenge_method must be S256 (plain is not accepted).",
                )));
            }
        }
        match get("nonce") {
            Some(n) if n.len() > PARAM_MAX => return Err(req.refuse(bad("nonce is too long."))),
            n => req.nonce = n.map(str::to_owned),
        }
        let prompt: Vec<String> = get("prompt")
            .unwrap_or("")
            .split(' ')
            .filter(|s| !s.is_empty())
            .map(str::to_owned)
            .collect();
        if prompt
            .iter()
            .any(|p| !matches!(p.as_str(), "none" | "login" | "consent" | "select_account"))
            || (prompt.iter().any(|p| p == "none") && prompt.len() > 1)
        {
            return Err(req.refuse(bad("prompt has an unknown or contradictory value.")));
        }
        req.prompt = prompt;
        let number = |name: &str| -> Result<Option<i64>, OidcError> {
            get(name)
                .map(|v| {
                    v.parse::<i64>()
                        .ok()
                        .filter(|n| *n >= 0 && v.bytes().all(|b| b.is_ascii_digit()))
                        .ok_or_else(|| {
                            OidcError::InvalidRequest(format!("{name} is not a number."))
                        })
                })
                .transpose()
        };
        req.max_age = number("max_age").map_err(|e| req.refuse(e))?;
        req.login_after = number(LOGIN_AFTER).map_err(|e| req.refuse(e))?;
        Ok(req)
    }

    /// Decide what a checked request needs, for the browser holding the
    /// session `session_hash` (if any); `consented` when the user just
    /// allowed it on the consent page. Issues the code when nothing else is
    /// needed.
    pub async fn oidc_authorize(
        &self,
        req: &AuthorizeRequest,
        session_hash: Option<&[u8]>,
        consented: bool,
    ) -> Result<AuthorizeNext, AuthorizeRefusal> {
        self.authorize_step(req, session_hash, consented)
            .await
            .map_err(|e| req.refuse(e))
    }

    async fn authorize_step(
        &self,
        req: &AuthorizeRequest,
        session_hash: Option<&[u8]>,
        consented: bool,
    ) -> OidcResult<AuthorizeNext> {
        let now = self.now();
        let none = req.prompt.iter().any(|p| p == "none");
        let session = match session_hash {
            Some(h) => self.store.session(h).await?,
            None => None,
        };
        let session =
            session.filter(|s| s.stage == Stage::Full && s.expires_at > now && !s.amr.is_empty());
        let fresh_enough = |created: i64| {
            if req.login_after.is_some_and(|t| created >= t) {
                return true;
            }
            let forced = req.prompt.iter().any(|p| p == "login");
            let too_old = req.max_age.is_some_and(|m| now - created > m);
            !forced && !too_old
        };
        let Some(session) = session.filter(|s| fresh_enough(s.created_at)) else {
            return if none {
                Err(OidcError::LoginRequired)
            } else {
                Ok(AuthorizeNext::Login { login_after: now })
            };
        };
        // A disabled user has no session (the session read joins only
        // enabled users), and the code's redemption checks again.
        let user_id = session.user_id;
        let wanted = req.scopes.join(" ");
        if consented {
            self.store
                .oidc_put_consent(user_id, &req.client.client_id, &wanted, now)
                .await?;
        } else if !req.client.trusted {
            let kept = self
                .store
                .oidc_consent(user_id, &req.client.client_id)
                .await?;
            let covered = kept.is_some_and(|k| {
                let k: Vec<&str> = k.split(' ').collect();
                req.scopes.iter().all(|s| k.contains(&s.as_str()))
            });
            let asked = req.prompt.iter().any(|p| p == "consent");
            if !covered || asked {
                return if none {
                    Err(OidcError::ConsentRequired)
                } else {
                    Ok(AuthorizeNext::Consent)
                };
            }
        }
        let code = random_token()?;
        self.store
            .oidc_put_code(&OidcCode {
                code_hash: sha256(&code),
                client_id: req.client.client_id.clone(),
                user_id,
                redirect_uri: req.redirect_uri.clone(),
                code_challenge: req.code_challenge.clone(),
                nonce: req.nonce.clone(),
                scopes: wanted,
                auth_time: session.created_at,
                amr: session.amr.clone(),
                created_at: now,
                expires_at: now + CODE_SECS,
                redeemed_at: None,
                grant_id: None,
            })
            .await?;
        let mut url = Url::parse(&req.redirect_uri)
            .map_err(|_| OidcError::InvalidRequest("redirect_uri is not a URL.".into()))?;
        {
            let mut q = url.query_pairs_mut();
            q.append_pair("code", &code);
            if let Some(state) = &req.state {
                q.append_pair("state", state);
            }
            q.append_pair("iss", &self.oidc_issuer());
        }
        Ok(AuthorizeNext::Code(url.into()))
    }

    /// The issuer: the public URL without a trailing slash.
    pub fn oidc_issuer(&self) -> String {
        self.config.public_url.trim_end_matches('/').to_owned()
    }
}
