//! The OpenID Connect provider's rules with a fake clock: a code expires
//! after 60 s, `max_age` and `prompt=login` ask for a fresh login, the ID
//! token's `amr` says how the session signed in, the security changes
//! revoke what applications hold.

use deadbolt_auth::oidc::{
    AuthorizeNext, AuthorizeParams, AuthorizeRequest, ClientAuth, NewClient, OidcError,
    TokenRequest,
};
use deadbolt_auth::{SessionToken, token_hash};
use zeroize::Zeroizing;

use crate::support::{PW, Rig};

const REDIRECT: &str = "https://app.example/cb";
/// A verifier and its S256 challenge (computed with Python's hashlib).
const VERIFIER: &str = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wEhh_BSUsmwM";
const CHALLENGE: &str = "O_QCG0hKa6NnRkGijduJQPMN6iGvqVR_VbmfdQY1OWE";

async fn client(r: &Rig, trusted: bool) -> (String, String) {
    let (c, secret) = r
        .auth
        .oidc_add_client(&NewClient {
            name: "App".into(),
            redirect_uris: vec![REDIRECT.into()],
            public: false,
            trusted,
            scopes: Vec::new(),
        })
        .await
        .unwrap();
    (c.client_id, secret.unwrap().to_string())
}

async fn request(r: &Rig, id: &str, extra: &[(&str, &str)]) -> AuthorizeRequest {
    let mut pairs: Vec<(String, String)> = [
        ("response_type", "code"),
        ("client_id", id),
        ("redirect_uri", REDIRECT),
        ("scope", "openid profile"),
        ("nonce", "n1"),
        ("code_challenge", CHALLENGE),
        ("code_challenge_method", "S256"),
    ]
    .iter()
    .chain(extra)
    .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
    .collect();
    pairs.dedup();
    r.auth
        .oidc_authorize_request(&AuthorizeParams(pairs))
        .await
        .unwrap_or_else(|e| panic!("{e:?}"))
}

async fn code(r: &Rig, req: &AuthorizeRequest, session: &SessionToken) -> String {
    match r
        .auth
        .oidc_authorize(req, Some(&token_hash(session)), false)
        .await
        .unwrap()
    {
        AuthorizeNext::Code(location) => {
            let q = location.split_once('?').unwrap().1;
            url::form_urlencoded::parse(q.as_bytes())
                .find(|(k, _)| k == "code")
                .unwrap()
                .1
                .into_owned()
        }
        other => panic!("no code: {other:?}"),
    }
}

fn creds(id: &str, secret: &str) -> ClientAuth {
    ClientAuth {
        client_id: Some(id.to_owned()),
        secret: Some(Zeroizing::new(secret.to_owned())),
        basic: true,
    }
}

fn exchange(code: &str) -> TokenRequest {
    TokenRequest {
        grant_type: Some("authorization_code".into()),
        code: Some(code.into()),
        redirect_uri: Some(REDIRECT.into()),
        code_verifier: Some(VERIFIER.into()),
        refresh_token: None,
    }
}

#[tokio::test]
async fn a_code_expires_after_60_seconds() {
    let r = Rig::new().await;
    let (id, secret) = client(&r, true).await;
    r.user("ann").await;
    let (_, session) = r.full_session("ann").await;
    let req = request(&r, &id, &[]).await;
    let fresh = code(&r, &req, &session).await;
    let late = code(&r, &req, &session).await;
    r.advance(59);
    r.auth
        .oidc_token(&creds(&id, &secret), &exchange(&fresh))
        .await
        .unwrap();
    r.advance(1);
    let refused = r
        .auth
        .oidc_token(&creds(&id, &secret), &exchange(&late))
        .await;
    assert!(
        matches!(refused, Err(OidcError::InvalidGrant(_))),
        "{refused:?}"
    );
}

#[tokio::test]
async fn max_age_and_prompt_login_ask_for_a_fresh_login() {
    let r = Rig::new().await;
    let (id, _) = client(&r, true).await;
    r.user("bob").await;
    let (_, session) = r.full_session("bob").await;
    let hash = token_hash(&session);
    r.advance(100);
    let old = request(&r, &id, &[("max_age", "60")]).await;
    let next = r
        .auth
        .oidc_authorize(&old, Some(&hash), false)
        .await
        .unwrap();
    let AuthorizeNext::Login { login_after } = next else {
        panic!("{next:?}")
    };
    assert_eq!(login_after, r.auth.now());
    let ok = request(&r, &id, &[("max_age", "600")]).await;
    code(&r, &ok, &session).await;
    let forced = request(&r, &id, &[("prompt", "login")]).await;
    assert!(matches!(
        r.auth
            .oidc_authorize(&forced, Some(&hash), false)
            .await
            .unwrap(),
        AuthorizeNext::Login { .. }
    ));
    // After signing in again (a slow typist: 30 s later), the resumed
    // request is satisfied.
    r.advance(30);
    let (_, again) = r.full_session("bob").await;
    let pairs: Vec<(String, String)> = forced
        .resume_query(login_after)
        .into_iter()
        .map(|(k, v)| (k.to_owned(), v))
        .collect();
    assert!(
        !pairs
            .iter()
            .any(|(k, v)| k == "prompt" && v.contains("login"))
    );
    let resumed = r
        .auth
        .oidc_authorize_request(&AuthorizeParams(pairs))
        .await
        .unwrap();
    code(&r, &resumed, &again).await;
    // prompt=none without a session: login_required, to the client.
    let none = request(&r, &id, &[("prompt", "none")]).await;
    let refused = r.auth.oidc_authorize(&none, None, false).await.unwrap_err();
    assert!(
        refused
            .location("https://id.example")
            .unwrap()
            .contains("error=login_required")
    );
}

#[tokio::test]
async fn the_id_token_says_how_the_session_signed_in_and_changes_revoke() {
    let r = Rig::new().await;
    let (id, secret) = client(&r, false).await;
    let uid = r.user("cyd").await;
    let (_, session) = r.full_session("cyd").await;
    let req = request(&r, &id, &[]).await;
    // Not trusted: the consent page first, then the code.
    assert!(matches!(
        r.auth
            .oidc_authorize(&req, Some(&token_hash(&session)), false)
            .await
            .unwrap(),
        AuthorizeNext::Consent
    ));
    let AuthorizeNext::Code(_) = r
        .auth
        .oidc_authorize(&req, Some(&token_hash(&session)), true)
        .await
        .unwrap()
    else {
        panic!("consented")
    };
    let c = code(&r, &req, &session).await;
    let tokens = r
        .auth
        .oidc_token(&creds(&id, &secret), &exchange(&c))
        .await
        .unwrap();
    let payload = tokens.id_token.split('.').nth(1).unwrap();
    let claims: serde_json::Value = serde_json::from_slice(
        &data_encoding::BASE64URL_NOPAD
            .decode(payload.as_bytes())
            .unwrap(),
    )
    .unwrap();
    assert_eq!(claims["amr"], serde_json::json!(["pwd"]));
    assert_eq!(claims["acr"], "1fa");
    assert_eq!(claims["nonce"], "n1");
    assert_eq!(claims["preferred_username"], "cyd");
    assert_eq!(
        claims["exp"].as_i64().unwrap() - claims["iat"].as_i64().unwrap(),
        600
    );
    assert!(r.auth.oidc_userinfo(&tokens.access_token).await.is_ok());
    // A password change ends the other sessions and what applications hold.
    let info = r.info(&session).await;
    r.auth
        .change_password(&info, PW, "another fine passphrase 77", None, &r.client)
        .await
        .unwrap();
    assert!(matches!(
        r.auth.oidc_userinfo(&tokens.access_token).await,
        Err(OidcError::InvalidToken)
    ));
    let refresh = TokenRequest {
        grant_type: Some("refresh_token".into()),
        refresh_token: tokens.refresh_token.clone(),
        ..TokenRequest::default()
    };
    assert!(
        r.auth
            .oidc_token(&creds(&id, &secret), &refresh)
            .await
            .is_err()
    );
    let _ = uid;
}
