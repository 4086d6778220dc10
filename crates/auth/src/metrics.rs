//! The rules' counters and timings, recorded through the `metrics` facade
//! (a no-op until the binary installs a recorder: `serve --metrics-listen`).
//! Every label value comes from a fixed set below — never a username, an
//! address or a path — so the number of series stays bounded.

use crate::error::AuthError;
use crate::login::SecondFactorInput;

/// Login attempts (the password step) by outcome.
pub const LOGINS: &str = "deadbolt_logins_total";
/// Second-factor attempts (login, step-up, disabling) by kind and outcome.
pub const SECOND_FACTORS: &str = "deadbolt_second_factors_total";
/// Sign-ups by outcome.
pub const SIGNUPS: &str = "deadbolt_signups_total";
/// Letters the outbox worker handled, by outcome.
pub const MAIL: &str = "deadbolt_mail_total";
/// Letters waiting in the outbox (due or backing off).
pub const OUTBOX_WAITING: &str = "deadbolt_outbox_waiting";
/// Letters given up on (kept 30 days).
pub const OUTBOX_GIVEN_UP: &str = "deadbolt_outbox_given_up";
/// Password hashes waiting for a hashing thread.
pub const HASH_QUEUE: &str = "deadbolt_password_hash_queue_depth";
/// Time of one Argon2id hash or verification, on its thread.
pub const HASH_SECONDS: &str = "deadbolt_password_hash_seconds";

/// Forward-auth decisions by endpoint and decision.
pub const FORWARD_AUTH: &str = "deadbolt_forward_auth_decisions_total";

/// Describe the rules' metrics to the installed recorder (once, at start).
pub fn describe() {
    metrics::describe_counter!(
        LOGINS,
        "Password steps by outcome: success, second_factor_required, wrong_password, throttled, error"
    );
    metrics::describe_counter!(
        SECOND_FACTORS,
        "Second-factor attempts by kind (totp, backup_code, passkey) and outcome (accepted, wrong, replayed, throttled, error)"
    );
    metrics::describe_counter!(
        SIGNUPS,
        "Sign-ups by outcome: created, refused, throttled, error"
    );
    metrics::describe_counter!(
        MAIL,
        "Letters the outbox worker handled, by outcome: sent, retry, gave_up"
    );
    metrics::describe_gauge!(
        OUTBOX_WAITING,
        "Letters waiting in the outbox (due or backing off)"
    );
    metrics::describe_gauge!(OUTBOX_GIVEN_UP, "Letters given up on in the last 30 days");
    metrics::describe_counter!(
        FORWARD_AUTH,
        "Forward-auth decisions by endpoint (forward_auth, auth_request) and decision: allow, login, set_up, forbidden, refused"
    );
    metrics::describe_gauge!(HASH_QUEUE, "Password hashes waiting for a hashing thread");
    metrics::describe_histogram!(
        HASH_SECONDS,
        metrics::Unit::Seconds,
        "Duration of one Argon2id hash or verification"
    );
}

/// The outcome label of a failed attempt.
fn failure(e: &AuthError) -> &'static str {
    match e {
        AuthError::InvalidCredentials => "wrong_password",
        AuthError::WrongCode | AuthError::PasskeyRefused => "wrong",
        AuthError::CodeReused => "replayed",
        AuthError::Throttled { .. } => "throttled",
        AuthError::Invalid { .. } | AuthError::UsernameTaken => "refused",
        _ => "error",
    }
}

pub(crate) fn login(outcome: Result<bool, &AuthError>) {
    let label = match outcome {
        Ok(true) => "success",
        Ok(false) => "second_factor_required",
        Err(e) => failure(e),
    };
    metrics::counter!(LOGINS, "outcome" => label).increment(1);
}

pub(crate) fn second_factor<T>(input: &SecondFactorInput, outcome: &Result<T, AuthError>) {
    let kind = match input {
        SecondFactorInput::Code(_) => "totp",
        SecondFactorInput::BackupCode(_) => "backup_code",
    };
    let label = match outcome {
        Ok(_) => "accepted",
        Err(e) => failure(e),
    };
    metrics::counter!(SECOND_FACTORS, "kind" => kind, "outcome" => label).increment(1);
}

pub(crate) fn passkey<T>(outcome: &Result<T, AuthError>) {
    let label = match outcome {
        Ok(_) => "accepted",
        Err(e) => failure(e),
    };
    metrics::counter!(SECOND_FACTORS, "kind" => "passkey", "outcome" => label).increment(1);
}

pub(crate) fn signup<T>(outcome: &Result<T, AuthError>) {
    let label = match outcome {
        Ok(_) => "created",
        Err(e) => failure(e),
    };
    metrics::counter!(SIGNUPS, "outcome" => label).increment(1);
}

pub(crate) fn mail(outcome: &'static str) {
    metrics::counter!(MAIL, "outcome" => outcome).increment(1);
}

pub(crate) fn outbox(waiting: i64, given_up: i64) {
    metrics::gauge!(OUTBOX_WAITING).set(waiting as f64);
    metrics::gauge!(OUTBOX_GIVEN_UP).set(given_up as f64);
}

/// A forward-auth decision (`decision` from a fixed set: allow, login,
/// set_up, forbidden, refused).
pub fn forward_auth(endpoint: &'static str, decision: &'static str) {
    metrics::counter!(FORWARD_AUTH, "endpoint" => endpoint, "decision" => decision).increment(1);
}
