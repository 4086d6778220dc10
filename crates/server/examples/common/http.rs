//! Shared by the measuring examples (`#[path]`-included: not an example):
//! one keep-alive HTTP/1.1 connection with just enough of the protocol for
//! the load generators (`Content-Length` bodies, every `Set-Cookie` kept).

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;

pub type Res<T> = Result<T, Box<dyn std::error::Error + Send + Sync>>;

/// An answer: status, headers (names lower-cased), body.
pub struct Answer {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
}

impl Answer {
    /// The first header called `name` (lower case).
    #[allow(
        dead_code,
        reason = "included by several examples; not all ask for headers"
    )]
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }

    /// Every cookie set, as a `Cookie:` header value.
    pub fn cookies(&self) -> Option<String> {
        let pairs: Vec<&str> = self
            .headers
            .iter()
            .filter(|(k, _)| k == "set-cookie")
            .filter_map(|(_, v)| v.split(';').next())
            .collect();
        (!pairs.is_empty()).then(|| pairs.join("; "))
    }
}

/// One keep-alive connection to `addr`, opened on first use.
pub struct Conn {
    pub addr: String,
    stream: Option<BufReader<TcpStream>>,
}

impl Conn {
    pub fn new(addr: &str) -> Self {
        Conn {
            addr: addr.to_owned(),
            stream: None,
        }
    }

    /// Send `method path` with `headers` and `body`; read the whole answer.
    pub fn request(
        &mut self,
        method: &str,
        path: &str,
        headers: &[(&str, &str)],
        body: &[u8],
    ) -> Res<Answer> {
        let mut req = format!(
            "{method} {path} HTTP/1.1\r\nHost: {}\r\nContent-Length: {}\r\n",
            self.addr,
            body.len()
        );
        for (k, v) in headers {
            req.push_str(&format!("{k}: {v}\r\n"));
        }
        req.push_str("\r\n");
        if self.stream.is_none() {
            let s = TcpStream::connect(&self.addr)?;
            s.set_nodelay(true)?;
            self.stream = Some(BufReader::new(s));
        }
        let stream = self.stream.as_mut().expect("connected");
        let mut bytes = req.into_bytes();
        bytes.extend_from_slice(body);
        stream.get_mut().write_all(&bytes)?;
        let mut line = String::new();
        stream.read_line(&mut line)?;
        let status: u16 = line.split(' ').nth(1).ok_or("no status")?.parse()?;
        let mut headers = Vec::new();
        loop {
            line.clear();
            stream.read_line(&mut line)?;
            let l = line.trim_end();
            if l.is_empty() {
                break;
            }
            let (k, v) = l.split_once(':').ok_or("bad header")?;
            headers.push((k.to_ascii_lowercase(), v.trim().to_owned()));
        }
        let len: usize = headers
            .iter()
            .find(|(k, _)| k == "content-length")
            .map_or(Ok(0), |(_, v)| v.parse())?;
        let mut body = vec![0u8; len];
        stream.read_exact(&mut body)?;
        Ok(Answer {
            status,
            headers,
            body,
        })
    }
}

/// utime + stime of the calling thread, in seconds.
pub fn thread_cpu_seconds() -> f64 {
    stat_cpu_seconds(&std::fs::read_to_string("/proc/thread-self/stat").expect("the thread's stat"))
}

/// utime + stime of `pid`, in seconds.
pub fn cpu_seconds(pid: u32) -> f64 {
    stat_cpu_seconds(
        &std::fs::read_to_string(format!("/proc/{pid}/stat")).expect("the server's stat"),
    )
}

/// utime + stime from a `/proc/.../stat` line, in seconds.
fn stat_cpu_seconds(stat: &str) -> f64 {
    let after = &stat[stat.rfind(')').expect("comm") + 2..];
    let fields: Vec<&str> = after.split(' ').collect();
    // Fields 14 and 15 of proc(5), counted from the state (field 3).
    let ticks: f64 = fields[11].parse::<f64>().unwrap() + fields[12].parse::<f64>().unwrap();
    ticks / 100.0
}
