//! Records of passkeys and security keys (WebAuthn): the stored keys, the
//! ceremony states kept server-side between a start and its finish, and the
//! one commit that ends a sign-in with a key ([`PasskeyStep`]).

use crate::{BudgetSpec, EventKind, SessionRecord, UserId};

/// A key removed by [`crate::Store::remove_passkey`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RemovedPasskey {
    /// The name it had.
    pub name: String,
    /// It was the account's last second factor (no other key, no
    /// authenticator app): two factor authentication went off with it, the
    /// backup codes and the user's other sessions with it.
    pub last_factor: bool,
}

/// A registered passkey or security key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Passkey {
    /// Row id (what the API and the pages call the key by).
    pub id: i64,
    /// Its owner.
    pub user_id: UserId,
    /// The name the user gave it.
    pub name: String,
    /// The WebAuthn user handle (the same for every key of one user).
    pub user_handle: Vec<u8>,
    /// The credential id the authenticator chose (unique across users).
    pub credential_id: Vec<u8>,
    /// The relying party library's credential (public key, flags), as JSON.
    pub credential: String,
    /// The last signature counter accepted.
    pub counter: i64,
    /// Registered at, unix seconds.
    pub created_at: i64,
    /// Last sign-in with it, unix seconds.
    pub last_used_at: Option<i64>,
}

/// A key to register ([`crate::Store::add_passkey`]).
#[derive(Debug, Clone, Copy)]
pub struct NewPasskey<'a> {
    /// Its owner.
    pub user_id: UserId,
    /// The name the user gave it.
    pub name: &'a str,
    /// The WebAuthn user handle.
    pub user_handle: &'a [u8],
    /// The credential id.
    pub credential_id: &'a [u8],
    /// The credential, as JSON.
    pub credential: &'a str,
    /// Its signature counter at registration.
    pub counter: i64,
}

/// Where a ceremony state is kept: what it is bound to (the SHA-256 of the
/// session token that started it, or of a passwordless ceremony's own
/// token) and its kind (`register`, `second_factor`, `passwordless`).
///
/// A ceremony whose state the client holds sealed (`sealed_until`: a
/// passwordless sign-in) has no row until it is spent: spending it inserts
/// a spent mark under the same key (kept a while past its expiry, so a
/// node whose clock lags still finds it), and only the first insert wins.
#[derive(Debug, Clone, Copy)]
pub struct CeremonyKey<'a> {
    /// The binding (a token hash).
    pub binding: &'a [u8],
    /// The ceremony's kind.
    pub kind: &'a str,
    /// `Some(expiry)` when the client holds the state sealed (no row until
    /// spent); `None` when the state is a row here.
    pub sealed_until: Option<i64>,
    /// The budget of the client that brought the answer (a passwordless
    /// sign-in's `passkey:ip:<address>`), if any: the finish's read says
    /// when it is empty (before any signature is checked), and every
    /// commit that spends this state takes one attempt from it first (an
    /// empty budget: nothing written, the state stays).
    pub client_budget: Option<BudgetSpec<'a>>,
}

/// What [`crate::Store::ceremony_with_passkey`] found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CeremonyRead {
    /// Expired, spent, or never there.
    Gone,
    /// Live, but the client's budget ([`CeremonyKey::client_budget`]) is
    /// empty: nothing may be spent yet.
    Throttled {
        /// Seconds until the next attempt would be granted.
        retry_after: i64,
    },
    /// Live: its state (empty for a sealed one: the client holds it) and
    /// the key the answer names, if one is registered.
    Live {
        /// The library's state, as JSON.
        state: String,
        /// The key with the answer's credential id.
        passkey: Option<Passkey>,
    },
}

/// A sign-in with a key that verified, ended in one commit by
/// [`crate::Store::pass_passkey`]: budget taken, the ceremony state spent
/// (deleted, or for a sealed one its spent mark inserted: it must not be
/// spent already), the key's counter moved forward (compare-and-set:
/// it must be above the stored one unless both are 0), the pending session
/// (if any) deleted, the new session opened, the events recorded.
#[derive(Debug, Clone, Copy)]
pub struct PasskeyStep<'a> {
    /// The ceremony state this assertion answered.
    pub ceremony: CeremonyKey<'a>,
    /// The account's attempt budget.
    pub budget: BudgetSpec<'a>,
    /// The key used.
    pub passkey_id: i64,
    /// The counter the assertion carried.
    pub counter: i64,
    /// The key's credential after the assertion (flags may change), as JSON.
    pub credential: &'a str,
    /// The pending session a second factor ends (`None` for a passwordless sign-in).
    pub pending: Option<&'a [u8]>,
    /// A passwordless sign-in: the browser's earlier session (its token
    /// hash), ended in the same commit.
    pub replaces: Option<&'a [u8]>,
    /// A step-up: `session` is the caller's live full session (its token
    /// hash, user, time and address), marked as having passed a second
    /// factor now instead of opened; gone → [`PasskeyOutcome::PendingGone`].
    pub step_up: bool,
    /// A passwordless sign-in: the language the browser asked for, stored
    /// as the account's (its letters' language) in the same commit when it
    /// differs, as a password sign-in does.
    pub language: Option<&'a str>,
    /// The full session opened (its user, time and address also date the events).
    pub session: &'a SessionRecord,
    /// The events recorded on success.
    pub events: &'a [EventKind],
    /// The events recorded when the counter did not move forward.
    pub regression_events: &'a [EventKind],
}

/// Outcome of [`crate::Store::pass_passkey`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PasskeyOutcome {
    /// The budget was empty: nothing else was written (the state stays).
    Throttled {
        /// Seconds until the next attempt would be granted.
        retry_after: i64,
    },
    /// The ceremony state was gone (used, expired or never there): nothing written.
    CeremonyGone,
    /// The counter did not move forward (a cloned key, or a replay): the
    /// budget stays spent, the state is spent, the regression events are recorded.
    CounterRegressed,
    /// The pending login (or, for a step-up, the session) is no longer
    /// there: nothing written.
    PendingGone,
    /// Signed in.
    Passed,
}
