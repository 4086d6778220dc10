//! Cross-site request forgery protection for every state-changing request
//! (forms and API alike), from the headers browsers send:
//!
//! 1. safe methods (`GET`, `HEAD`, `OPTIONS`) pass;
//! 2. `Sec-Fetch-Site: same-origin` or `none` passes; any other value
//!    (`cross-site`, `same-site`) is refused — unless `Origin` is exactly
//!    the public URL's origin;
//! 3. without `Sec-Fetch-Site` (older browsers), an `Origin` must be
//!    exactly the public URL's origin: scheme, host and port, so
//!    `https://host` is not taken for an `http://host` deployment (or the
//!    other way round); without either header it is no browser's
//!    cross-site request, and passes.
//!
//! The OpenID Connect token, userinfo and revocation endpoints
//! (`oidc::MACHINE_PATHS`) are exempt: other servers call them, and they
//! authenticate by client credentials or a bearer token, never by the cookie.
//!
//! The JSON API also accepts only `application/json` bodies, which a
//! cross-site form cannot send (`api.rs::json_only`).

use axum::extract::{Request, State};
use axum::http::{HeaderMap, Method, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use crate::error::ApiError;

/// The policy of the module documentation, for a request's method and headers.
pub fn allowed(method: &Method, headers: &HeaderMap, public_origin: Option<&str>) -> bool {
    if matches!(*method, Method::GET | Method::HEAD | Method::OPTIONS) {
        return true;
    }
    let origin = headers
        .get(header::ORIGIN)
        .and_then(|v| v.to_str().ok())
        .filter(|o| !o.is_empty());
    let exact = || origin.is_some_and(|o| Some(o) == public_origin);
    match headers
        .get("sec-fetch-site")
        .map(|v| v.as_bytes())
        .filter(|v| !v.is_empty())
    {
        Some(b"same-origin" | b"none") => true,
        Some(_) => exact(),
        None => origin.is_none() || exact(),
    }
}

/// The middleware: refuses with the API's error shape (403 `cross_site_request`).
pub async fn protect(
    State(public_origin): State<Option<String>>,
    req: Request,
    next: Next,
) -> Response {
    // The OpenID Connect token, userinfo and revocation endpoints are
    // called by other servers and authenticate by client credentials or a
    // bearer token, never by the session cookie: nothing for a forged
    // cross-site request to ride on.
    let machine = crate::oidc::MACHINE_PATHS.contains(&req.uri().path());
    if machine || allowed(req.method(), req.headers(), public_origin.as_deref()) {
        next.run(req).await
    } else {
        ApiError::cross_site().into_response()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(pairs: &[(&'static str, &str)]) -> HeaderMap {
        let mut h = HeaderMap::new();
        for (k, v) in pairs {
            h.insert(*k, v.parse().unwrap());
        }
        h
    }

    #[test]
    fn fail_the_origin_fallback_compares_scheme_host_and_port() {
        let public = Some("http://login.example.com");
        let post = Method::POST;
        assert!(allowed(
            &post,
            &headers(&[("origin", "http://login.example.com")]),
            public
        ));
        for evil in [
            "https://login.example.com",
            "http://login.example.com:8080",
            "http://evil.example.com",
            "null",
        ] {
            assert!(
                !allowed(&post, &headers(&[("origin", evil)]), public),
                "{evil}"
            );
        }
        assert!(allowed(&post, &headers(&[]), public), "no browser header");
        assert!(allowed(
            &Method::GET,
            &headers(&[("origin", "http://evil")]),
            public
        ));
        assert!(allowed(
            &post,
            &headers(&[("sec-fetch-site", "same-origin")]),
            public
        ));
        assert!(!allowed(
            &post,
            &headers(&[("sec-fetch-site", "cross-site")]),
            public
        ));
        assert!(!allowed(
            &post,
            &headers(&[("sec-fetch-site", "same-site")]),
            public
        ));
        assert!(allowed(
            &post,
            &headers(&[
                ("sec-fetch-site", "same-site"),
                ("origin", "http://login.example.com")
            ]),
            public
        ));
    }
}
