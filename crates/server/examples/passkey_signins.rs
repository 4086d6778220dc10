//! Passwordless sign-ins against a running `deadbolt serve`, for
//! `scripts/bench-passkeys.sh`.
//!
//! ```text
//! passkey_signins verify --seconds S
//!     P-256 ECDSA verifications per second on one thread (the `p256` crate
//!     webauthn-rs verifies with), over a 69-byte message like WebAuthn's
//!     (authenticator data + client data hash)
//! passkey_signins signins --addr A --origin URL --users N --count M --concurrency C --pid PID
//!     sign N users up and register a software passkey each
//!     (webauthn-authenticator-rs `SoftPasskey`), then M passwordless
//!     sign-ins (start, sign, finish) from C threads; the server's CPU time
//!     (utime + stime of PID from /proc) over the sign-ins alone, so the
//!     client's signing, which runs in this process, is not counted
//! ```
//!
//! Requests carry `X-Forwarded-For` with a fresh address each (10.0.0.0/8):
//! the server runs with `--trusted-proxy 127.0.0.1`, or the per-address
//! budgets of sign-up and passwordless starts would throttle the generator.
//! Each mode prints one JSON line.

#[path = "common/args.rs"]
mod args;
#[path = "common/http.rs"]
mod http;

use std::collections::HashMap;
use std::sync::atomic::{AtomicU32, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use p256::ecdsa::signature::{Signer, Verifier};
use p256::ecdsa::{Signature, SigningKey, VerifyingKey};
use serde_json::{Value, json};
use webauthn_authenticator_rs::WebauthnAuthenticator;
use webauthn_authenticator_rs::softpasskey::SoftPasskey;
use webauthn_rs::prelude::{CreationChallengeResponse, RequestChallengeResponse, Url};

use args::{args, num};
use http::{Conn, Res, cpu_seconds, thread_cpu_seconds};

/// P-256 verifications per second of this thread's own CPU time (not wall
/// time: other work on the cores must not make verifying look slower).
fn verify_rate(seconds: u64) -> f64 {
    let key = SigningKey::from_bytes(&p256::FieldBytes::from([7u8; 32])).expect("a key");
    let public = VerifyingKey::from(&key);
    let message = [0x5au8; 69];
    let signature: Signature = key.sign(&message);
    let (start, cpu0, mut n) = (Instant::now(), thread_cpu_seconds(), 0u64);
    while start.elapsed() < Duration::from_secs(seconds) {
        for _ in 0..100 {
            public
                .verify(std::hint::black_box(&message), &signature)
                .expect("verifies");
        }
        n += 100;
    }
    n as f64 / (thread_cpu_seconds() - cpu0)
}

/// A fresh client address per request.
static XFF: AtomicU32 = AtomicU32::new(1);

/// `POST path` with a JSON body (and `cookie`): the status, the JSON answer
/// and every cookie it set.
fn post(
    conn: &mut Conn,
    path: &str,
    cookie: Option<&str>,
    body: &Value,
) -> Res<(u16, Value, Option<String>)> {
    let n = XFF.fetch_add(1, Ordering::Relaxed) & 0x00ff_ffff;
    let ip = format!("10.{}.{}.{}", n >> 16, (n >> 8) & 0xff, n & 0xff);
    let mut headers = vec![
        ("X-Forwarded-For", ip.as_str()),
        ("Content-Type", "application/json"),
    ];
    if let Some(c) = cookie {
        headers.push(("Cookie", c));
    }
    let a = conn.request("POST", path, &headers, body.to_string().as_bytes())?;
    let json = serde_json::from_slice(&a.body).unwrap_or(Value::Null);
    Ok((a.status, json, a.cookies()))
}

/// A user with a registered key: the key, its credential id (as the
/// registration answer spells it) and its user handle.
struct Holder {
    key: SoftPasskey,
    raw_id: Value,
    handle: Vec<u8>,
}

fn setup_user(conn: &mut Conn, origin: &Url, i: usize) -> Res<Holder> {
    let (username, password) = (
        format!("pk{i}-{}", std::process::id()),
        "correct horse battery passkey",
    );
    let creds = json!({"username": username, "password": password});
    let (s, _, _) = post(conn, "/api/v1/signup", None, &creds)?;
    if s != 201 {
        return Err(format!("signup: {s}").into());
    }
    let (s, _, cookie) = post(conn, "/api/v1/login", None, &creds)?;
    let cookie = cookie.filter(|_| s == 200).ok_or("login")?;
    let (s, options, _) = post(
        conn,
        "/api/v1/me/passkeys/register/start",
        Some(&cookie),
        &json!({"password": password}),
    )?;
    if s != 200 {
        return Err(format!("register/start: {s} {options}").into());
    }
    let handle = data_encoding::BASE64URL_NOPAD.decode(
        options["publicKey"]["user"]["id"]
            .as_str()
            .ok_or("no user id")?
            .as_bytes(),
    )?;
    let options: CreationChallengeResponse = serde_json::from_value(options)?;
    let mut key = SoftPasskey::new(true);
    let answer = serde_json::to_value(key.do_registration(origin.clone(), options)?)?;
    let (s, body, _) = post(
        conn,
        "/api/v1/me/passkeys/register/finish",
        Some(&cookie),
        &json!({"name": "bench", "credential": answer}),
    )?;
    if s != 201 {
        return Err(format!("register/finish: {s} {body}").into());
    }
    Ok(Holder {
        key,
        raw_id: answer["rawId"].clone(),
        handle,
    })
}

/// One passwordless sign-in: start, sign (here), finish.
fn sign_in(conn: &mut Conn, origin: &Url, h: &mut Holder) -> Res<()> {
    let (s, start, _) = post(conn, "/api/v1/login/passkey/start", None, &json!({}))?;
    if s != 200 {
        return Err(format!("start: {s} {start}").into());
    }
    let mut public_key = start["publicKey"].clone();
    // SoftPasskey keeps no resident keys: name the one it holds, and add
    // the user handle a resident key returns (neither is signed).
    public_key["allowCredentials"] = json!([{"type": "public-key", "id": h.raw_id}]);
    let options: RequestChallengeResponse =
        serde_json::from_value(json!({"publicKey": public_key}))?;
    let mut answer = h.key.do_authentication(origin.clone(), options)?;
    answer.response.user_handle = Some(h.handle.clone());
    let body = json!({"ceremony": start["ceremony"], "credential": answer});
    let (s, out, _) = post(conn, "/api/v1/login/passkey/finish", None, &body)?;
    if s != 200 {
        return Err(format!("finish: {s} {out}").into());
    }
    Ok(())
}

fn signins(kv: &HashMap<String, String>) -> Res<Value> {
    let addr = kv.get("addr").ok_or("--addr")?.clone();
    let origin = Url::parse(kv.get("origin").ok_or("--origin")?)?;
    let users = num(kv, "users", 8) as usize;
    let count = num(kv, "count", 500) as usize;
    let concurrency = num(kv, "concurrency", 4) as usize;
    let pid = u32::try_from(num(kv, "pid", 0))?;
    let mut conn = Conn::new(&addr);
    let holders: Vec<Mutex<Holder>> = (0..users)
        .map(|i| setup_user(&mut conn, &origin, i).map(Mutex::new))
        .collect::<Res<_>>()?;
    let holders = Arc::new(holders);
    let next = Arc::new(AtomicUsize::new(0));
    let (cpu0, t0) = (cpu_seconds(pid), Instant::now());
    let workers: Vec<_> = (0..concurrency)
        .map(|_| {
            let (holders, next, addr, origin) =
                (holders.clone(), next.clone(), addr.clone(), origin.clone());
            std::thread::spawn(move || -> Res<()> {
                let mut conn = Conn::new(&addr);
                loop {
                    let n = next.fetch_add(1, Ordering::Relaxed);
                    if n >= count {
                        return Ok(());
                    }
                    let i = n % holders.len();
                    let mut h = holders[i].lock().map_err(|_| "poisoned")?;
                    sign_in(&mut conn, &origin, &mut h)?;
                }
            })
        })
        .collect();
    for w in workers {
        w.join().map_err(|_| "a worker panicked")??;
    }
    let (wall, server_cpu) = (t0.elapsed().as_secs_f64(), cpu_seconds(pid) - cpu0);
    Ok(json!({
        "signins": count,
        "concurrency": concurrency,
        "wall_s": wall,
        "signins_per_s_wall": count as f64 / wall,
        "server_cpu_s": server_cpu,
        "server_cpu_ms_per_signin": 1000.0 * server_cpu / count as f64,
    }))
}

fn main() -> Res<()> {
    let (mode, kv) = args();
    let out = match mode.as_str() {
        "verify" => json!({"verifies_per_s": verify_rate(num(&kv, "seconds", 3))}),
        "signins" => signins(&kv)?,
        _ => return Err("usage: passkey_signins verify|signins [--key value]...".into()),
    };
    println!("{out}");
    Ok(())
}
