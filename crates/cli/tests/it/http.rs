//! A tiny blocking HTTP/1.1 client over `std::net::TcpStream`, enough to
//! drive the JSON API of a running `deadbolt serve`: one request per
//! connection (`Connection: close`), `Content-Length` or chunked bodies, and a
//! one-cookie jar for the session cookie.

use std::io::{Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::time::Duration;

use serde_json::Value;

/// One HTTP response.
#[derive(Debug, Clone)]
pub struct Resp {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
}

impl Resp {
    /// The first header named `name` (case-insensitive).
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    /// Every `Set-Cookie` header.
    pub fn set_cookies(&self) -> Vec<&str> {
        self.headers
            .iter()
            .filter(|(k, _)| k.eq_ignore_ascii_case("set-cookie"))
            .map(|(_, v)| v.as_str())
            .collect()
    }

    /// The body as JSON (panics with the body if it is not JSON).
    pub fn json(&self) -> Value {
        serde_json::from_slice(&self.body)
            .unwrap_or_else(|e| panic!("not JSON ({e}), status {}: {}", self.status, self.text()))
    }

    /// The body as text.
    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }

    /// `error.code` of an error body, or "".
    pub fn error_code(&self) -> String {
        serde_json::from_slice::<Value>(&self.body)
            .ok()
            .and_then(|v| v["error"]["code"].as_str().map(str::to_string))
            .unwrap_or_default()
    }
}

/// Send one request and read the whole response. `Err` on any I/O problem
/// (a refused connection, a node that died mid-request, ...).
pub fn request(
    addr: SocketAddr,
    method: &str,
    path: &str,
    extra_headers: &[(&str, &str)],
    body: Option<&[u8]>,
) -> std::io::Result<Resp> {
    let mut stream = TcpStream::connect_timeout(&addr, Duration::from_secs(5))?;
    stream.set_read_timeout(Some(Duration::from_secs(60)))?;
    stream.set_write_timeout(Some(Duration::from_secs(10)))?;
    // A caller's own Host or Accept (a name-based virtual host behind a
    // proxy, a browser's Accept) replaces the default.
    let given = |name: &str| {
        extra_headers
            .iter()
            .any(|(k, _)| k.eq_ignore_ascii_case(name))
    };
    let mut head = format!("{method} {path} HTTP/1.1\r\n");
    if !given("host") {
        head.push_str(&format!("Host: {addr}\r\n"));
    }
    if !given("accept") {
        head.push_str("Accept: application/json\r\n");
    }
    head.push_str("Connection: close\r\nUser-Agent: deadbolt-cli-tests\r\n");
    for (k, v) in extra_headers {
        head.push_str(&format!("{k}: {v}\r\n"));
    }
    if let Some(b) = body {
        head.push_str(&format!("Content-Length: {}\r\n", b.len()));
    } else if method == "POST" {
        head.push_str("Content-Length: 0\r\n");
    }
    head.push_str("\r\n");
    let mut out = head.into_bytes();
    if let Some(b) = body {
        out.extend_from_slice(b);
    }
    stream.write_all(&out)?;
    stream.flush()?;
    let mut raw = Vec::new();
    stream.read_to_end(&mut raw)?;
    parse_response(&raw)
}

fn bad(msg: &str) -> std::io::Error {
    std::io::Error::new(std::io::ErrorKind::InvalidData, msg.to_string())
}

fn parse_response(raw: &[u8]) -> std::io::Result<Resp> {
    let end = raw
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .ok_or_else(|| bad("no end of headers (connection closed early?)"))?;
    let head = std::str::from_utf8(&raw[..end]).map_err(|_| bad("non-UTF-8 headers"))?;
    let mut lines = head.split("\r\n");
    let status_line = lines.next().ok_or_else(|| bad("empty response"))?;
    let status: u16 = status_line
        .split(' ')
        .nth(1)
        .and_then(|s| s.parse().ok())
        .ok_or_else(|| bad("bad status line"))?;
    let headers: Vec<(String, String)> = lines
        .filter_map(|l| l.split_once(':'))
        .map(|(k, v)| (k.trim().to_string(), v.trim().to_string()))
        .collect();
    let rest = &raw[end + 4..];
    let find = |n: &str| {
        headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(n))
            .map(|(_, v)| v.clone())
    };
    let body = if find("transfer-encoding").is_some_and(|v| v.eq_ignore_ascii_case("chunked")) {
        dechunk(rest)?
    } else if let Some(len) = find("content-length").and_then(|v| v.parse::<usize>().ok()) {
        if rest.len() < len {
            return Err(bad("body shorter than Content-Length"));
        }
        rest[..len].to_vec()
    } else {
        rest.to_vec()
    };
    Ok(Resp {
        status,
        headers,
        body,
    })
}

fn dechunk(mut rest: &[u8]) -> std::io::Result<Vec<u8>> {
    let mut body = Vec::new();
    loop {
        let eol = rest
            .windows(2)
            .position(|w| w == b"\r\n")
            .ok_or_else(|| bad("bad chunk"))?;
        let size_text = std::str::from_utf8(&rest[..eol]).map_err(|_| bad("bad chunk size"))?;
        let size = usize::from_str_radix(size_text.split(';').next().unwrap_or("").trim(), 16)
            .map_err(|_| bad("bad chunk size"))?;
        rest = &rest[eol + 2..];
        if size == 0 {
            return Ok(body);
        }
        if rest.len() < size + 2 {
            return Err(bad("truncated chunk"));
        }
        body.extend_from_slice(&rest[..size]);
        rest = &rest[size + 2..];
    }
}

/// A client of one node, with a jar for the session cookie (plain or
/// `__Host-` name). Clone it and change `addr` to carry the same cookie to
/// another node.
#[derive(Debug, Clone)]
pub struct Client {
    pub addr: SocketAddr,
    /// `name=value` of the session cookie, if any.
    pub cookie: Option<String>,
    /// Extra headers sent with every request (e.g. `X-Forwarded-For`).
    pub headers: Vec<(String, String)>,
}

impl Client {
    pub fn new(addr: SocketAddr) -> Self {
        Client {
            addr,
            cookie: None,
            headers: Vec::new(),
        }
    }

    /// The same cookie jar, talking to `addr`.
    pub fn on(&self, addr: SocketAddr) -> Self {
        Client {
            addr,
            ..self.clone()
        }
    }

    /// The value of the session cookie (without its name).
    pub fn cookie_value(&self) -> Option<&str> {
        self.cookie
            .as_deref()
            .and_then(|c| c.split_once('='))
            .map(|(_, v)| v)
    }

    pub fn try_send(
        &mut self,
        method: &str,
        path: &str,
        body: Option<&Value>,
    ) -> std::io::Result<Resp> {
        let mut headers: Vec<(&str, &str)> = self
            .headers
            .iter()
            .map(|(k, v)| (k.as_str(), v.as_str()))
            .collect();
        if let Some(c) = &self.cookie {
            headers.push(("Cookie", c.as_str()));
        }
        let bytes = body.map(|b| serde_json::to_vec(b).expect("JSON"));
        if bytes.is_some() {
            headers.push(("Content-Type", "application/json"));
        }
        let resp = request(self.addr, method, path, &headers, bytes.as_deref())?;
        for sc in resp.set_cookies() {
            let pair = sc.split(';').next().unwrap_or("").trim();
            if let Some((name, value)) = pair.split_once('=')
                && name.ends_with("deadbolt_session")
            {
                let cleared = value.is_empty() || sc.to_ascii_lowercase().contains("max-age=0");
                self.cookie = if cleared {
                    None
                } else {
                    Some(pair.to_string())
                };
            }
        }
        Ok(resp)
    }

    /// Send a request; panics on an I/O error.
    pub fn send(&mut self, method: &str, path: &str, body: Option<&Value>) -> Resp {
        self.try_send(method, path, body)
            .unwrap_or_else(|e| panic!("{method} {path} on {}: {e}", self.addr))
    }

    pub fn get(&mut self, path: &str) -> Resp {
        self.send("GET", path, None)
    }

    pub fn post(&mut self, path: &str, body: Value) -> Resp {
        self.send("POST", path, Some(&body))
    }
}
