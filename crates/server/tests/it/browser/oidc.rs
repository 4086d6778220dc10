//! Single sign-on in a real browser: a client application on its own
//! origin (`http://localhost:PORT`, another site than Deadbolt's
//! `http://127.0.0.1:PORT`) with a "Sign in with Deadbolt" link, built and
//! checked by an independent client library (the `openidconnect` crate:
//! discovery, PKCE S256, `state`, `nonce`, the code exchange, the ID token's
//! signature against the JWKS, `iss`, `aud`, `exp`, `nonce`). Chromium
//! clicks the link, signs in on Deadbolt's pages with the password and a
//! code from `oathtool`, allows the client on the consent page, and lands
//! on the client's callback, which redeems the code and shows who signed in
//! and how (`amr`). A second click comes straight back: the session and the
//! consent are remembered, across sites.
//!
//! Screenshots land in `target/browser-artifacts/oidc/`. A module of
//! `browser.rs` (its helpers, one test binary; `.ci/run` skips `browser::`
//! in the PostgreSQL pass). Ignored in a plain `cargo test`; when it runs, a
//! missing tool is a failure, never a skip.

use std::net::SocketAddr;
use std::sync::{Arc, Mutex};

use axum::body::Body;
use axum::extract::{Query, State};
use axum::response::Html;
use axum::routing::get;
use deadbolt_auth::oidc::NewClient;
use openidconnect::core::{CoreAuthenticationFlow, CoreClient, CoreProviderMetadata};
use openidconnect::{
    AuthorizationCode, ClientId, ClientSecret, CsrfToken, IssuerUrl, Nonce, PkceCodeChallenge,
    PkceCodeVerifier, RedirectUrl, Scope, TokenResponse,
};
use serde::Deserialize;

use super::{
    Steps, artifacts_dir, now, oathtool, require_tool, start_browser, start_server_with, unique,
};
use crate::support::{PW, TestApp, totp};

const USERNAME: &str = "browser-sso";
const CLIENT_NAME: &str = "Team Notes";

/// The openidconnect crate's HTTP client for the client application: one
/// request through hyper-util (the crate's own `reqwest` feature is off).
async fn http(
    req: openidconnect::HttpRequest,
) -> Result<openidconnect::HttpResponse, std::io::Error> {
    let client = hyper_util::client::legacy::Client::builder(hyper_util::rt::TokioExecutor::new())
        .build_http::<Body>();
    let resp = client
        .request(req.map(Body::from))
        .await
        .map_err(std::io::Error::other)?;
    let (parts, body) = resp.into_parts();
    let bytes = axum::body::to_bytes(Body::new(body), 1 << 20)
        .await
        .map_err(std::io::Error::other)?;
    Ok(openidconnect::HttpResponse::from_parts(
        parts,
        bytes.to_vec(),
    ))
}

/// What the client application keeps between the link and the callback.
struct Pending {
    csrf: CsrfToken,
    nonce: Nonce,
    verifier: PkceCodeVerifier,
}

/// The client application: a registered confidential client, its provider
/// metadata from discovery, and the sign-in it is waiting for.
#[derive(Clone)]
struct ClientApp {
    meta: Arc<CoreProviderMetadata>,
    id: String,
    secret: String,
    redirect: String,
    pending: Arc<Mutex<Option<Pending>>>,
}

impl ClientApp {
    fn client(
        &self,
    ) -> openidconnect::core::CoreClient<
        openidconnect::EndpointSet,
        openidconnect::EndpointNotSet,
        openidconnect::EndpointNotSet,
        openidconnect::EndpointNotSet,
        openidconnect::EndpointMaybeSet,
        openidconnect::EndpointMaybeSet,
    > {
        CoreClient::from_provider_metadata(
            (*self.meta).clone(),
            ClientId::new(self.id.clone()),
            Some(ClientSecret::new(self.secret.clone())),
        )
        .set_redirect_uri(RedirectUrl::new(self.redirect.clone()).unwrap())
    }
}

/// The client's home page: a fresh authorization request behind the link.
async fn home(State(app): State<ClientApp>) -> Html<String> {
    let (challenge, verifier) = PkceCodeChallenge::new_random_sha256();
    let (url, csrf, nonce) = app
        .client()
        .authorize_url(
            CoreAuthenticationFlow::AuthorizationCode,
            CsrfToken::new_random,
            Nonce::new_random,
        )
        .add_scope(Scope::new("profile".into()))
        .set_pkce_challenge(challenge)
        .url();
    *app.pending.lock().unwrap() = Some(Pending {
        csrf,
        nonce,
        verifier,
    });
    let href = url.as_str().replace('&', "&amp;");
    Html(format!(
        "<!doctype html><title>{CLIENT_NAME}</title><h1>{CLIENT_NAME}</h1>\
         <a id=\"sign-in\" href=\"{href}\">Sign in with Deadbolt</a>"
    ))
}

#[derive(Deserialize)]
struct Callback {
    code: Option<String>,
    state: Option<String>,
    error: Option<String>,
}

/// The callback: check `state`, redeem the code, verify the ID token, show
/// who signed in. Any failure is shown as `#error` (the test reads it).
async fn callback(State(app): State<ClientApp>, Query(q): Query<Callback>) -> Html<String> {
    let page = |body: String| Html(format!("<!doctype html><title>{CLIENT_NAME}</title>{body}"));
    let fail = |why: String| page(format!("<p id=\"error\">{why}</p>"));
    if let Some(e) = q.error {
        return fail(format!("the provider answered {e}"));
    }
    let Some(p) = app.pending.lock().unwrap().take() else {
        return fail("no sign-in was started".into());
    };
    if q.state.as_deref() != Some(p.csrf.secret().as_str()) {
        return fail(format!("state {:?} is not the one sent", q.state));
    }
    let Some(code) = q.code else {
        return fail("no code".into());
    };
    let client = app.client();
    let tokens = match client
        .exchange_code(AuthorizationCode::new(code.clone()))
        .unwrap()
        .set_pkce_verifier(p.verifier)
        .request_async(&http)
        .await
    {
        Ok(t) => t,
        Err(e) => return fail(format!("the code exchange failed: {e:?}")),
    };
    let Some(id_token) = tokens.id_token() else {
        return fail("no ID token".into());
    };
    let claims = match id_token.claims(&client.id_token_verifier(), &p.nonce) {
        Ok(c) => c,
        Err(e) => return fail(format!("the ID token does not verify: {e}")),
    };
    let amr: Vec<String> = claims
        .auth_method_refs()
        .map(|v| v.iter().map(|a| a.to_string()).collect())
        .unwrap_or_default();
    let name = claims
        .preferred_username()
        .map(|n| n.to_string())
        .unwrap_or_default();
    page(format!(
        "<p>Signed in</p><p id=\"sub\">{}</p><p id=\"name\">{name}</p><p id=\"amr\">{}</p>\
         <p id=\"code\">{code}</p>",
        claims.subject().as_str(),
        amr.join(" ")
    ))
}

/// Wait for the client's callback page; if it never comes, say where the
/// browser is and what it shows (a blocked redirect leaves it on
/// Deadbolt's page).
async fn back_on_client(s: &mut Steps, shot: &str) {
    let arrived =
        s.c.wait()
            .at_most(std::time::Duration::from_secs(15))
            .for_element(fantoccini::Locator::Css("#sub, #error"))
            .await;
    s.shot(shot).await;
    if let Err(e) = arrived {
        let logs = s.c.source().await.unwrap_or_default();
        panic!(
            "the client's callback page never came ({e}); the browser is at {} showing {logs}",
            s.c.current_url().await.unwrap()
        );
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs chromium, chromedriver, oathtool (installed by .ci/run)"]
async fn sign_in_with_deadbolt_from_a_client_application() {
    for tool in ["chromium", "chromedriver", "oathtool"] {
        require_tool(tool);
    }
    let (base, state) = start_server_with(None).await;

    // A user with the authenticator app on. The set-up is confirmed with
    // the previous step's code, so the browser's code (this step's) is one
    // the server has not seen.
    let agent = TestApp::agent_for(&state);
    let r = agent.signup(USERNAME, PW).await;
    assert_eq!(r.status, 201, "{}", r.text());
    let r = agent.login(USERNAME, PW).await;
    assert_eq!(r.json["status"], "authenticated", "{}", r.text());
    let secret = agent.setup(PW).await;
    let r = agent.confirm(&totp(&secret, now() as i64 - 30)).await;
    assert_eq!(r.status, 200, "{}", r.text());

    // The client application on another site, registered as an operator
    // would (`deadbolt oidc client add`), and its discovery.
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let client_base = format!("http://localhost:{}", listener.local_addr().unwrap().port());
    let redirect = format!("{client_base}/callback");
    let (registered, secret_once) = state
        .auth
        .oidc_add_client(&NewClient {
            name: CLIENT_NAME.into(),
            redirect_uris: vec![redirect.clone()],
            public: false,
            trusted: false,
            scopes: vec![],
        })
        .await
        .expect("register the client");
    let meta = CoreProviderMetadata::discover_async(IssuerUrl::new(base.clone()).unwrap(), &http)
        .await
        .expect("discovery");
    let app = ClientApp {
        meta: Arc::new(meta),
        id: registered.client_id.clone(),
        secret: secret_once
            .expect("a confidential client's secret")
            .to_string(),
        redirect,
        pending: Arc::new(Mutex::new(None)),
    };
    let router = axum::Router::new()
        .route("/", get(home))
        .route("/callback", get(callback))
        .with_state(app);
    tokio::spawn(async move {
        axum::serve(
            listener,
            router.into_make_service_with_connect_info::<SocketAddr>(),
        )
        .await
        .expect("client application")
    });

    let downloads = unique("downloads-oidc");
    std::fs::create_dir_all(&downloads).unwrap();
    let (_driver, c) = start_browser(&downloads).await;
    let dir = artifacts_dir().join("oidc");
    std::fs::create_dir_all(&dir).unwrap();
    let mut s = Steps {
        c,
        base: base.clone(),
        dir,
        shots: 0,
    };

    // The client's "Sign in with Deadbolt" leads to Deadbolt's login page.
    s.c.goto(&client_base).await.expect("open the client");
    s.shot("client-home").await;
    s.click("#sign-in").await;
    s.wait_path("/login").await;
    assert!(s.c.current_url().await.unwrap().as_str().starts_with(&base));
    s.shot("deadbolt-login").await;
    s.fill("#username", USERNAME).await;
    s.fill("#password", PW).await;
    s.click("form[action='/login'] button[type=submit]").await;
    s.wait_path("/login/2fa").await;
    s.shot("deadbolt-2fa").await;
    s.fill("#code", &oathtool(&secret, now())).await;
    s.click("#code-form button[type=submit]").await;

    // The consent page names the client and what it will learn.
    s.c.wait()
        .for_element(fantoccini::Locator::Id("consent-form"))
        .await
        .expect("the consent page");
    assert!(
        s.page_contains(CLIENT_NAME).await,
        "the consent page names the client"
    );
    assert!(s.page_contains("data-scope=\"profile\"").await);
    s.shot("deadbolt-consent").await;
    s.click("#consent-form button[value=allow]").await;

    // Back on the client, which redeemed the code and verified the ID token.
    back_on_client(&mut s, "client-signed-in").await;
    let url = s.c.current_url().await.unwrap();
    assert!(
        url.as_str()
            .starts_with(&format!("{client_base}/callback?")),
        "{url}"
    );
    assert!(
        !s.page_contains("id=\"error\"").await,
        "{}",
        s.text("#error").await
    );
    let sub = s.text("#sub").await;
    assert!(
        !sub.is_empty() && !sub.contains(USERNAME),
        "sub is opaque: {sub}"
    );
    assert_eq!(s.text("#name").await, USERNAME);
    assert_eq!(s.text("#amr").await, "pwd otp", "the login's factors");
    let first_code = s.text("#code").await;

    // A second click: signed in and consented already, so Deadbolt sends the
    // browser straight back with a new code, showing no page of its own.
    s.c.goto(&client_base).await.unwrap();
    s.click("#sign-in").await;
    back_on_client(&mut s, "client-signed-in-again").await;
    assert!(
        !s.page_contains("id=\"error\"").await,
        "{}",
        s.text("#error").await
    );
    assert_eq!(s.text("#sub").await, sub, "the same user, the same sub");
    assert_ne!(s.text("#code").await, first_code, "a new code each time");
}
