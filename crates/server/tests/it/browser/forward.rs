//! Forward-auth in a real browser behind a real proxy. Chromium (the names
//! `*.example.test` mapped to loopback by `--host-resolver-rules`) opens an
//! application behind nginx running `docs/proxies/nginx.conf` itself
//! (`auth_request`); nginx sends it to Deadbolt's login on
//! `auth.example.test` (through the same nginx), and after the password the
//! browser lands back on the application, which sees the user in the
//! `Remote-User` header the proxy set. Then a `two_factor` application sends
//! the same user through the authenticator app's set-up (code from
//! `oathtool`) and back.
//!
//! Both returns end, after Deadbolt's own redirects, on another host than
//! the form's page, which browsers allow only when the page's `form-action`
//! names it: the HTTP clients of the proxy tests (`cli-it::proxies`) ignore
//! the CSP, so only a browser shows that the last hop works.
//!
//! Screenshots in `target/browser-artifacts/forward/`. A module of
//! `browser.rs` (its helpers, one test binary; `.ci/run` skips `browser::`
//! in the PostgreSQL pass). Ignored in a plain `cargo test`; when it runs, a
//! missing tool is a failure, never a skip.

use std::net::SocketAddr;
use std::os::unix::process::CommandExt;
use std::process::{Command, Stdio};
use std::sync::Arc;
use std::time::Duration;

use axum::http::HeaderMap;
use deadbolt_auth::AccessRules;
use deadbolt_auth::access::{AccessControlSpec, RuleSpec};
use deadbolt_server::ServerConfig;
use fantoccini::Locator;

use super::{
    KillOnDrop, Steps, artifacts_dir, free_port, now, oathtool, require_tool, serve,
    start_browser_with, unique, wait_listening,
};
use crate::support::{PW, TestApp};

const AUTH_HOST: &str = "auth.example.test";
const APP_HOST: &str = "app.example.test";
const VAULT_HOST: &str = "vault.example.test";
const USERNAME: &str = "browser-proxy";

fn rule(domain: &str, policy: &str) -> RuleSpec {
    RuleSpec {
        domain: vec![domain.to_owned()],
        policy: policy.to_owned(),
        ..RuleSpec::default()
    }
}

/// The protected applications: one page that says who the proxy says it is.
async fn upstream() -> SocketAddr {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let app = axum::Router::new().fallback(|headers: HeaderMap| async move {
        let user = headers
            .get("remote-user")
            .and_then(|v| v.to_str().ok())
            .unwrap_or("")
            .replace(['<', '>', '&'], "");
        axum::response::Html(format!(
            "<!doctype html><title>App</title><p id=\"hello\">hello from the app</p>\
             <p id=\"user\">{user}</p>"
        ))
    });
    tokio::spawn(async move { axum::serve(listener, app).await.expect("upstream") });
    addr
}

/// nginx with `docs/proxies/nginx.conf` filled in, on 127.0.0.1:`port`.
async fn start_nginx(port: u16, deadbolt: SocketAddr, upstream: SocketAddr) -> KillOnDrop {
    let prefix = unique("nginx");
    std::fs::create_dir_all(&prefix).unwrap();
    let conf = include_str!("../../../../../docs/proxies/nginx.conf")
        .replace("{{PREFIX}}", prefix.to_str().unwrap())
        .replace("{{LISTEN}}", &format!("127.0.0.1:{port}"))
        .replace("{{DEADBOLT}}", &deadbolt.to_string())
        .replace("{{UPSTREAM}}", &upstream.to_string())
        .replace("{{AUTH_HOST}}", AUTH_HOST)
        .replace("{{APP_HOST}}", &format!("{APP_HOST} {VAULT_HOST}"));
    let file = prefix.join("nginx.conf");
    std::fs::write(&file, conf).unwrap();
    let child = Command::new("nginx")
        .arg("-p")
        .arg(&prefix)
        .arg("-c")
        .arg(&file)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .process_group(0)
        .spawn()
        .expect("start nginx");
    let nginx = KillOnDrop(child);
    wait_listening(port, || {
        let log = std::fs::read_to_string(prefix.join("error.log")).unwrap_or_default();
        format!("nginx (error.log: {log})")
    })
    .await;
    nginx
}

/// Wait until the application's page shows (`#hello`); if it never does,
/// say where the browser stopped (a blocked redirect leaves it on
/// Deadbolt's page).
async fn on_the_app(s: &mut Steps, shot: &str) {
    let arrived =
        s.c.wait()
            .at_most(Duration::from_secs(15))
            .for_element(Locator::Id("hello"))
            .await;
    s.shot(shot).await;
    if let Err(e) = arrived {
        panic!(
            "the application never showed ({e}); the browser is at {} showing {}",
            s.c.current_url().await.unwrap(),
            s.c.source().await.unwrap_or_default()
        );
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs chromium, chromedriver, nginx, oathtool (installed by .ci/run)"]
async fn a_proxied_application_sends_the_browser_to_the_login_and_back() {
    for tool in ["chromium", "chromedriver", "nginx", "oathtool"] {
        require_tool(tool);
    }
    // Deadbolt behind nginx: its public URL is nginx's auth host, the
    // session cookie covers example.test, nginx is the trusted proxy.
    let port = free_port();
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let deadbolt = listener.local_addr().unwrap();
    let mut config = ServerConfig::new("Deadbolt", format!("http://{AUTH_HOST}:{port}"));
    config.cookie_domain = Some("example.test".into());
    config.trusted_proxies = vec!["127.0.0.1".parse().unwrap()];
    config.access = Arc::new(
        AccessRules::compile(&AccessControlSpec {
            default_policy: Some("deny".into()),
            rules: vec![rule(APP_HOST, "one_factor"), rule(VAULT_HOST, "two_factor")],
        })
        .unwrap(),
    );
    let state = serve(listener, config, None).await;
    let r = TestApp::agent_for(&state).signup(USERNAME, PW).await;
    assert_eq!(r.status, 201, "{}", r.text());
    let _nginx = start_nginx(port, deadbolt, upstream().await).await;

    let downloads = unique("downloads-forward");
    std::fs::create_dir_all(&downloads).unwrap();
    let (_driver, c) = start_browser_with(
        &downloads,
        &[
            "--host-resolver-rules=MAP *.example.test 127.0.0.1",
            "--disable-features=HttpsUpgrades",
        ],
    )
    .await;
    let dir = artifacts_dir().join("forward");
    std::fs::create_dir_all(&dir).unwrap();
    let auth = format!("http://{AUTH_HOST}:{port}");
    let mut s = Steps {
        c,
        base: auth.clone(),
        dir,
        shots: 0,
    };

    // The application sends the browser to the login, which carries rd.
    let app = format!("http://{APP_HOST}:{port}/dash?x=1");
    s.c.goto(&app).await.expect("open the application");
    s.wait_path("/login").await;
    let login = s.c.current_url().await.unwrap();
    assert!(
        login.as_str().starts_with(&format!("{auth}/login?rd=")),
        "{login}"
    );
    s.shot("login-from-app").await;
    s.fill("#username", USERNAME).await;
    s.fill("#password", PW).await;
    s.click("form[action='/login'] button[type=submit]").await;
    on_the_app(&mut s, "app-signed-in").await;
    assert_eq!(s.c.current_url().await.unwrap().as_str(), app);
    assert_eq!(s.text("#user").await, USERNAME, "the proxy's Remote-User");

    // A two_factor application: the user without 2FA is sent through the
    // set-up, and the confirmation goes on to it.
    let vault = format!("http://{VAULT_HOST}:{port}/");
    s.c.goto(&vault).await.expect("open the vault");
    s.wait_path("/settings/account/security").await;
    s.shot("vault-asks-for-2fa").await;
    s.click_link("Set-up").await;
    s.wait_path("/settings/account/security/two-factor/setup")
        .await;
    s.fill("#password", PW).await;
    s.click("form[action='/settings/account/security/two-factor/setup'] button[type=submit]")
        .await;
    s.c.wait()
        .for_element(Locator::Css("#qr svg"))
        .await
        .expect("the set-up page");
    let secret = s.text("#secret-key").await.replace(' ', "");
    s.shot("vault-setup").await;
    s.fill("#code", &oathtool(&secret, now())).await;
    s.click("form[action='/settings/account/security/two-factor/confirm'] button[type=submit]")
        .await;
    on_the_app(&mut s, "vault-after-setup").await;
    assert_eq!(s.c.current_url().await.unwrap().as_str(), vault);
    assert_eq!(s.text("#user").await, USERNAME);
}
