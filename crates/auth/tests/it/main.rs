//! The one integration-test binary of deadbolt-auth: the rules driven
//! directly — no HTTP — on an in-memory SQLite store with a `FakeClock`.
//! The HTTP suites (deadbolt-server) test the contract; these test the
//! rules where they live.

mod admin;
mod email;
mod flows;
mod login;
mod oidc;
mod passkey_only;
mod passkeys;
mod secrets;
mod step_up;
mod support;
