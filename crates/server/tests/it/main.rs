//! The one integration-test binary of deadbolt-server (one binary links once).
//!
//! `DEADBOLT_TEST_BACKEND=postgres` reruns the whole HTTP suite on PostgreSQL.

mod api;
mod browser;
mod browser_lang;
mod email;
mod forward_auth;
mod hardening;
mod i18n;
mod pages;
mod passkey_only;
mod passkeys;
mod security;
mod support;
