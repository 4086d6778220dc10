//! Authorization-code flows against a running `deadbolt serve`, for
//! `scripts/bench-oidc.sh`.
//!
//! ```text
//! oidc_flows sign --seconds S
//!     ES256 ID tokens signed per second of one thread's CPU time, with the
//!     crates the provider signs with (jsonwebtoken over p256) and claims
//!     shaped like its ID tokens
//! oidc_flows flows --addr A --client-id ID --client-secret S --redirect URI
//!                  --count M --concurrency C --pid PID
//!     sign a user up and in (the JSON API), then M flows from C threads for
//!     that signed-in user: GET /oauth2/authorize (PKCE S256, state, nonce;
//!     a trusted client, so no consent page) → the code in the redirect →
//!     POST /oauth2/token (client_secret_basic, the verifier) → an ID token;
//!     the server's CPU time (utime + stime of PID from /proc) over the flows
//! ```
//!
//! Requests carry `X-Forwarded-For` with a fresh address each (10.0.0.0/8):
//! the server runs with `--trusted-proxy 127.0.0.1`. Each mode prints one
//! JSON line.

#[path = "common/args.rs"]
mod args;
#[path = "common/http.rs"]
mod http;

use std::collections::HashMap;
use std::sync::Arc;
use std::sync::atomic::{AtomicU32, AtomicUsize, Ordering};
use std::time::Instant;

use data_encoding::BASE64;
use jsonwebtoken::{Algorithm, EncodingKey, Header};
use p256::pkcs8::EncodePrivateKey;
use serde_json::{Value, json};

use args::{args, num};
use http::{Conn, Res, cpu_seconds, thread_cpu_seconds};

/// RFC 7636, appendix B: a verifier and its S256 challenge.
const VERIFIER: &str = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";
const CHALLENGE: &str = "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM";
const PASSWORD: &str = "glacier notebook pumpkin 58";

fn arg<'a>(kv: &'a HashMap<String, String>, k: &str) -> Res<&'a str> {
    Ok(kv.get(k).ok_or(format!("--{k} is required"))?)
}

/// ES256 signatures per second of this thread's own CPU time.
fn sign_rate(seconds: u64) -> Res<f64> {
    let secret = p256::SecretKey::from_slice(&[7u8; 32])?;
    let der = secret.to_pkcs8_der()?;
    let key = EncodingKey::from_ec_der(der.as_bytes());
    let mut header = Header::new(Algorithm::ES256);
    header.kid = Some("pt3n8bXo0cD2lqk1qzqAUo3O8fhnQmFXJd1ScxTxKn0".into());
    let claims = json!({
        "iss": "https://auth.example.com", "sub": "3f1b0c9a2d7e4f60a8b5c3d2e1f0a9b8",
        "aud": "0123456789abcdef0123456789abcdef", "azp": "0123456789abcdef0123456789abcdef",
        "exp": 1_800_000_300, "iat": 1_800_000_000, "auth_time": 1_799_999_000,
        "nonce": "n-0S6_WzA2Mj", "amr": ["pwd", "otp"], "acr": "mfa",
        "preferred_username": "olivia", "name": "olivia",
    });
    let (start, cpu0, mut n) = (Instant::now(), thread_cpu_seconds(), 0u64);
    while start.elapsed().as_secs() < seconds {
        for _ in 0..50 {
            std::hint::black_box(jsonwebtoken::encode(&header, &claims, &key)?);
        }
        n += 50;
    }
    Ok(n as f64 / (thread_cpu_seconds() - cpu0))
}

/// A fresh client address per request.
static XFF: AtomicU32 = AtomicU32::new(1);

fn xff() -> String {
    let n = XFF.fetch_add(1, Ordering::Relaxed) & 0x00ff_ffff;
    format!("10.{}.{}.{}", n >> 16, (n >> 8) & 0xff, n & 0xff)
}

/// What every flow sends.
struct Flow {
    authorize: String,
    basic: String,
    token_body: String,
    cookie: String,
}

fn enc(s: &str) -> String {
    url::form_urlencoded::byte_serialize(s.as_bytes()).collect()
}

/// One flow: authorize (a redirect with the code) and the token exchange.
fn flow(conn: &mut Conn, f: &Flow) -> Res<()> {
    let ip = xff();
    let a = conn.request(
        "GET",
        &f.authorize,
        &[("Cookie", &f.cookie), ("X-Forwarded-For", &ip)],
        b"",
    )?;
    let location = a.header("location").unwrap_or_default();
    let code = location
        .split(['?', '&'])
        .find_map(|p| p.strip_prefix("code="))
        .ok_or_else(|| format!("authorize answered {} without a code: {location}", a.status))?;
    let body = format!("{}&code={code}", f.token_body);
    let t = conn.request(
        "POST",
        "/oauth2/token",
        &[
            ("Authorization", &f.basic),
            ("Content-Type", "application/x-www-form-urlencoded"),
            ("X-Forwarded-For", &ip),
        ],
        body.as_bytes(),
    )?;
    let answer: Value = serde_json::from_slice(&t.body).unwrap_or(Value::Null);
    if t.status != 200 || !answer["id_token"].is_string() {
        return Err(format!("token answered {}: {answer}", t.status).into());
    }
    Ok(())
}

fn flows(kv: &HashMap<String, String>) -> Res<Value> {
    let addr = arg(kv, "addr")?.to_owned();
    let (id, secret, redirect) = (
        arg(kv, "client-id")?,
        arg(kv, "client-secret")?,
        arg(kv, "redirect")?,
    );
    let count = num(kv, "count", 2000) as usize;
    let concurrency = num(kv, "concurrency", 4) as usize;
    let pid = u32::try_from(num(kv, "pid", 0))?;

    let mut conn = Conn::new(&addr);
    let creds = json!({"username": "bench", "password": PASSWORD}).to_string();
    let json_headers = |ip: &str| {
        vec![
            ("Content-Type", "application/json".to_owned()),
            ("X-Forwarded-For", ip.to_owned()),
        ]
    };
    for path in ["/api/v1/signup", "/api/v1/login"] {
        let h = json_headers(&xff());
        let h: Vec<(&str, &str)> = h.iter().map(|(k, v)| (*k, v.as_str())).collect();
        let r = conn.request("POST", path, &h, creds.as_bytes())?;
        if r.status >= 300 {
            return Err(format!("{path} answered {}", r.status).into());
        }
        if path == "/api/v1/login" {
            let cookie = r.cookies().ok_or("no session cookie")?;
            let f = Arc::new(Flow {
                authorize: format!(
                    "/oauth2/authorize?response_type=code&client_id={id}&redirect_uri={}\
                     &scope=openid%20profile&state=s-1&nonce=n-1&code_challenge={CHALLENGE}\
                     &code_challenge_method=S256",
                    enc(redirect)
                ),
                basic: format!(
                    "Basic {}",
                    BASE64.encode(format!("{id}:{secret}").as_bytes())
                ),
                token_body: format!(
                    "grant_type=authorization_code&redirect_uri={}&code_verifier={VERIFIER}",
                    enc(redirect)
                ),
                cookie,
            });
            // One flow first: a refusal shows here, not as a count.
            flow(&mut conn, &f)?;
            return run(&addr, f, count, concurrency, pid);
        }
    }
    unreachable!("the loop returns after the login")
}

fn run(addr: &str, f: Arc<Flow>, count: usize, concurrency: usize, pid: u32) -> Res<Value> {
    let next = Arc::new(AtomicUsize::new(0));
    let (cpu0, t0) = (cpu_seconds(pid), Instant::now());
    let workers: Vec<_> = (0..concurrency)
        .map(|_| {
            let (f, next, addr) = (f.clone(), next.clone(), addr.to_owned());
            std::thread::spawn(move || -> Res<()> {
                let mut conn = Conn::new(&addr);
                while next.fetch_add(1, Ordering::Relaxed) < count {
                    flow(&mut conn, &f)?;
                }
                Ok(())
            })
        })
        .collect();
    for w in workers {
        w.join().map_err(|_| "a worker panicked")??;
    }
    let (wall, server_cpu) = (t0.elapsed().as_secs_f64(), cpu_seconds(pid) - cpu0);
    Ok(json!({
        "flows": count,
        "concurrency": concurrency,
        "wall_s": wall,
        "flows_per_s_wall": count as f64 / wall,
        "server_cpu_s": server_cpu,
        "server_cpu_ms_per_flow": 1000.0 * server_cpu / count as f64,
    }))
}

fn main() -> Res<()> {
    let (mode, kv) = args();
    let out = match mode.as_str() {
        "sign" => json!({"signs_per_s": sign_rate(num(&kv, "seconds", 3))?}),
        "flows" => flows(&kv)?,
        _ => return Err("usage: oidc_flows sign|flows [--key value]...".into()),
    };
    println!("{out}");
    Ok(())
}
