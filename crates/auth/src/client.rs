//! Who is asking, as plain data (the HTTP layer builds it from the socket
//! and headers; the CLI builds the operator's).

use std::net::IpAddr;

use crate::secret::DeviceCookie;

/// The client behind a request: its address (for events and per-address
/// budgets), its browser (for the session list) and the device cookie it
/// holds, if any.
#[derive(Debug, Clone, Default)]
pub struct ClientInfo {
    /// The client's address; `None` when unknown (no socket, as in tests).
    pub ip: Option<IpAddr>,
    /// The `User-Agent`, already trimmed of control characters and truncated.
    pub user_agent: String,
    /// The device cookie this browser got at an earlier right password, if
    /// any: a genuine one for the username being tried gives the browser its
    /// own password-guessing allowance, so a stranger who exhausts the
    /// username's allowance cannot lock its owner out.
    pub device_cookie: Option<DeviceCookie>,
}

impl ClientInfo {
    /// The address as recorded with events and sessions (`unknown` without one).
    pub fn address(&self) -> String {
        self.ip
            .map_or_else(|| "unknown".to_owned(), |ip| ip.to_string())
    }
}
