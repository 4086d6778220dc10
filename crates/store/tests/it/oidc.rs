//! The OpenID Connect provider's records: clients, codes redeemed once,
//! refresh-token families, consents, signing keys, and the revocations
//! that ride on the transactions ending sessions.

use deadbolt_store::{
    Constraint, IssuedTokens, NewGrant, OidcClient, OidcCode, RedeemOutcome, RefreshOutcome,
    SigningKeyRow, SqlStore, Stage, Store, StoreError, TokenKind,
};

use crate::{T0, new_user, session};

conformance! {
    clients_are_unique_listed_and_removed_with_what_they_hold, sqlite_clients_are_unique_listed_and_removed_with_what_they_hold, postgres_clients_are_unique_listed_and_removed_with_what_they_hold;
    code_is_redeemed_once_and_a_replay_revokes_what_it_issued, sqlite_code_is_redeemed_once_and_a_replay_revokes_what_it_issued, postgres_code_is_redeemed_once_and_a_replay_revokes_what_it_issued;
    code_of_another_client_expired_or_disabled_user_issues_nothing, sqlite_code_of_another_client_expired_or_disabled_user_issues_nothing, postgres_code_of_another_client_expired_or_disabled_user_issues_nothing;
    refresh_rotates_and_reuse_revokes_the_family, sqlite_refresh_rotates_and_reuse_revokes_the_family, postgres_refresh_rotates_and_reuse_revokes_the_family;
    ending_sessions_revokes_grants, sqlite_ending_sessions_revokes_grants, postgres_ending_sessions_revokes_grants;
    consents_are_remembered_and_revoked_with_grants, sqlite_consents_are_remembered_and_revoked_with_grants, postgres_consents_are_remembered_and_revoked_with_grants;
    signing_keys_rotate, sqlite_signing_keys_rotate, postgres_signing_keys_rotate;
    sessions_keep_amr_and_users_get_an_opaque_subject, sqlite_sessions_keep_amr_and_users_get_an_opaque_subject, postgres_sessions_keep_amr_and_users_get_an_opaque_subject;
    purge_forgets_expired_tokens_and_day_old_codes_only, sqlite_purge_forgets_expired_tokens_and_day_old_codes_only, postgres_purge_forgets_expired_tokens_and_day_old_codes_only;
}

fn client(id: &str, name: &str) -> OidcClient {
    OidcClient {
        client_id: id.into(),
        name: name.into(),
        secret_hash: Some(vec![7; 32]),
        public: false,
        trusted: false,
        redirect_uris: vec![
            "https://app.example/cb".into(),
            "https://app.example/cb2".into(),
        ],
        scopes: vec!["openid".into(), "profile".into()],
        created_at: T0,
    }
}

fn code(hash: &[u8], client_id: &str, user_id: i64) -> OidcCode {
    OidcCode {
        code_hash: hash.to_vec(),
        client_id: client_id.into(),
        user_id,
        redirect_uri: "https://app.example/cb".into(),
        code_challenge: Some("challenge".into()),
        nonce: Some("n-0S6_WzA2Mj".into()),
        scopes: "openid profile".into(),
        auth_time: T0 - 5,
        amr: "pwd,otp".into(),
        created_at: T0,
        expires_at: T0 + 60,
        redeemed_at: None,
        grant_id: None,
    }
}

fn grant<'a>(client_id: &'a str, user_id: i64, now: i64) -> NewGrant<'a> {
    NewGrant {
        client_id,
        user_id,
        scopes: "openid profile",
        auth_time: T0 - 5,
        amr: "pwd,otp",
        now,
    }
}

fn tokens<'a>(access: &'a [u8], refresh: Option<&'a [u8]>) -> IssuedTokens<'a> {
    IssuedTokens {
        access_hash: access,
        access_expires_at: T0 + 600,
        refresh_hash: refresh,
        refresh_expires_at: T0 + 86_400,
    }
}

/// A user with a client "app" and one redeemed code: (user, grant).
async fn granted(store: &SqlStore, name: &str, access: &[u8], refresh: &[u8]) -> (i64, i64) {
    let uid = new_user(store, name).await;
    if store.oidc_client("app").await.unwrap().is_none() {
        store.oidc_add_client(&client("app", "App")).await.unwrap();
    }
    let code_hash = [name.as_bytes(), b"-code"].concat();
    store
        .oidc_put_code(&code(&code_hash, "app", uid))
        .await
        .unwrap();
    let RedeemOutcome::Issued { grant_id } = store
        .oidc_redeem_code(
            &code_hash,
            &grant("app", uid, T0 + 1),
            &tokens(access, Some(refresh)),
        )
        .await
        .unwrap()
    else {
        panic!("a live code is redeemed");
    };
    (uid, grant_id)
}

async fn clients_are_unique_listed_and_removed_with_what_they_hold(store: &SqlStore) {
    store
        .oidc_add_client(&client("id-1", "Grafana"))
        .await
        .unwrap();
    let taken = store.oidc_add_client(&client("id-2", "Grafana")).await;
    assert!(
        matches!(taken, Err(StoreError::Conflict(Constraint::OidcClient))),
        "{taken:?}"
    );
    let mut public = client("id-3", "Gitea");
    public.public = true;
    public.secret_hash = None;
    store.oidc_add_client(&public).await.unwrap();
    let listed = store.oidc_clients().await.unwrap();
    assert_eq!(
        listed.iter().map(|c| c.name.as_str()).collect::<Vec<_>>(),
        ["Gitea", "Grafana"]
    );
    assert_eq!(store.oidc_client("id-3").await.unwrap().unwrap(), public);
    assert_eq!(
        store
            .oidc_client("id-1")
            .await
            .unwrap()
            .unwrap()
            .redirect_uris,
        ["https://app.example/cb", "https://app.example/cb2"]
    );
    let (uid, _) = granted(store, "carol", b"acc", b"ref").await;
    store
        .oidc_put_consent(uid, "app", "openid", T0)
        .await
        .unwrap();
    assert!(store.oidc_remove_client("App").await.unwrap());
    assert!(!store.oidc_remove_client("App").await.unwrap());
    assert!(store.oidc_client("app").await.unwrap().is_none());
    assert!(
        store.oidc_token(b"acc").await.unwrap().is_none(),
        "tokens go with it"
    );
    assert!(store.oidc_user_consents(uid).await.unwrap().is_empty());
}

async fn code_is_redeemed_once_and_a_replay_revokes_what_it_issued(store: &SqlStore) {
    let (uid, grant_id) = granted(store, "dora", b"acc-1", b"ref-1").await;
    let view = store.oidc_code(b"dora-code").await.unwrap().unwrap();
    assert_eq!(view.code.redeemed_at, Some(T0 + 1));
    assert_eq!(view.code.grant_id, Some(grant_id));
    assert_eq!(view.user.username, "dora");
    let info = store.oidc_token(b"acc-1").await.unwrap().unwrap();
    assert_eq!(info.kind, TokenKind::Access);
    assert_eq!((info.grant_id, info.user.user_id), (grant_id, uid));
    assert_eq!(info.amr, "pwd,otp");
    // The replay: nothing issued, and the first redemption's tokens are gone.
    let again = store
        .oidc_redeem_code(
            b"dora-code",
            &grant("app", uid, T0 + 2),
            &tokens(b"acc-2", None),
        )
        .await
        .unwrap();
    assert_eq!(again, RedeemOutcome::Replayed);
    for t in [&b"acc-1"[..], b"ref-1", b"acc-2"] {
        assert!(store.oidc_token(t).await.unwrap().is_none());
    }
}

async fn code_of_another_client_expired_or_disabled_user_issues_nothing(store: &SqlStore) {
    let uid = new_user(store, "erin").await;
    store.oidc_add_client(&client("app", "App")).await.unwrap();
    store
        .oidc_add_client(&client("other", "Other"))
        .await
        .unwrap();
    store.oidc_put_code(&code(b"c1", "app", uid)).await.unwrap();
    let wrong = store
        .oidc_redeem_code(b"c1", &grant("other", uid, T0 + 1), &tokens(b"a", None))
        .await
        .unwrap();
    assert_eq!(wrong, RedeemOutcome::Invalid);
    let late = store
        .oidc_redeem_code(b"c1", &grant("app", uid, T0 + 60), &tokens(b"a", None))
        .await
        .unwrap();
    assert_eq!(late, RedeemOutcome::Invalid, "expires_at is exclusive");
    assert!(store.oidc_token(b"a").await.unwrap().is_none());
    assert_eq!(
        store
            .oidc_code(b"c1")
            .await
            .unwrap()
            .unwrap()
            .code
            .redeemed_at,
        None
    );
    assert!(
        store
            .set_user_disabled(uid, true, "operator", T0)
            .await
            .unwrap()
    );
    let gone = store
        .oidc_redeem_code(b"c1", &grant("app", uid, T0 + 1), &tokens(b"a", None))
        .await
        .unwrap();
    assert_eq!(gone, RedeemOutcome::UserGone);
    assert_eq!(
        store
            .oidc_code(b"c1")
            .await
            .unwrap()
            .unwrap()
            .code
            .redeemed_at,
        None,
        "rolled back: nothing half-written"
    );
    assert!(store.oidc_token(b"a").await.unwrap().is_none());
}

async fn refresh_rotates_and_reuse_revokes_the_family(store: &SqlStore) {
    let (_, grant_id) = granted(store, "fay", b"acc-1", b"ref-1").await;
    let info = store.oidc_token(b"ref-1").await.unwrap().unwrap();
    assert_eq!((info.kind, info.spent_at), (TokenKind::Refresh, None));
    let rotated = store
        .oidc_rotate_refresh(
            b"ref-1",
            grant_id,
            &tokens(b"acc-2", Some(b"ref-2")),
            T0 + 10,
        )
        .await
        .unwrap();
    assert_eq!(rotated, RefreshOutcome::Rotated);
    assert_eq!(
        store.oidc_token(b"ref-1").await.unwrap().unwrap().spent_at,
        Some(T0 + 10)
    );
    assert!(store.oidc_token(b"ref-2").await.unwrap().is_some());
    // ref-1 again: the whole family goes.
    let reused = store
        .oidc_rotate_refresh(
            b"ref-1",
            grant_id,
            &tokens(b"acc-3", Some(b"ref-3")),
            T0 + 20,
        )
        .await
        .unwrap();
    assert_eq!(reused, RefreshOutcome::Reused);
    for t in [
        &b"acc-1"[..],
        b"ref-1",
        b"acc-2",
        b"ref-2",
        b"acc-3",
        b"ref-3",
    ] {
        assert!(store.oidc_token(t).await.unwrap().is_none());
    }
}

async fn ending_sessions_revokes_grants(store: &SqlStore) {
    let (a, _) = granted(store, "gus", b"acc-a", b"ref-a").await;
    let (b, _) = granted(store, "hal", b"acc-b", b"ref-b").await;
    granted(store, "ida", b"acc-c", b"ref-c").await;
    store
        .create_session(&session(b"keep", a, Stage::Full, T0))
        .await
        .unwrap();
    // Sign-out everywhere (password and 2FA changes go through it too).
    store.delete_user_sessions(a, Some(b"keep")).await.unwrap();
    assert!(store.oidc_token(b"acc-a").await.unwrap().is_none());
    assert!(store.oidc_token(b"ref-a").await.unwrap().is_none());
    assert!(
        store.oidc_token(b"acc-b").await.unwrap().is_some(),
        "others keep theirs"
    );
    // Disabling.
    assert!(
        store
            .set_user_disabled(b, true, "operator", T0)
            .await
            .unwrap()
    );
    assert!(store.oidc_token(b"ref-b").await.unwrap().is_none());
    assert!(store.oidc_token(b"ref-c").await.unwrap().is_some());
}

async fn consents_are_remembered_and_revoked_with_grants(store: &SqlStore) {
    let (uid, _) = granted(store, "kim", b"acc", b"ref").await;
    assert_eq!(store.oidc_consent(uid, "app").await.unwrap(), None);
    store
        .oidc_put_consent(uid, "app", "openid", T0)
        .await
        .unwrap();
    store
        .oidc_put_consent(uid, "app", "openid profile", T0 + 1)
        .await
        .unwrap();
    assert_eq!(
        store.oidc_consent(uid, "app").await.unwrap().as_deref(),
        Some("openid profile")
    );
    let listed = store.oidc_user_consents(uid).await.unwrap();
    assert_eq!(listed.len(), 1);
    assert_eq!(
        (listed[0].client_name.as_str(), listed[0].granted_at),
        ("App", T0 + 1)
    );
    assert!(store.oidc_revoke_consent(uid, "app").await.unwrap());
    assert!(!store.oidc_revoke_consent(uid, "app").await.unwrap());
    assert_eq!(store.oidc_consent(uid, "app").await.unwrap(), None);
    assert!(store.oidc_token(b"ref").await.unwrap().is_none());
}

async fn signing_keys_rotate(store: &SqlStore) {
    let key = |kid: &str, at: i64| SigningKeyRow {
        kid: kid.into(),
        public_jwk: format!("{{\"kid\":\"{kid}\"}}"),
        sealed_private: vec![1, 2, 3],
        created_at: at,
        retired_at: None,
    };
    assert!(store.oidc_add_key(&key("k1", T0), false).await.unwrap());
    assert!(
        !store.oidc_add_key(&key("k1b", T0), false).await.unwrap(),
        "one first key"
    );
    assert!(
        store
            .oidc_add_key(&key("k2", T0 + 100), true)
            .await
            .unwrap()
    );
    let keys = store.oidc_keys().await.unwrap();
    assert_eq!(
        keys.iter()
            .map(|k| (k.kid.as_str(), k.retired_at))
            .collect::<Vec<_>>(),
        [("k2", None), ("k1", Some(T0 + 100))]
    );
    assert_eq!(store.oidc_drop_retired_keys(T0 + 100).await.unwrap(), 0);
    assert_eq!(store.oidc_drop_retired_keys(T0 + 101).await.unwrap(), 1);
    assert_eq!(store.oidc_keys().await.unwrap().len(), 1);
}

async fn sessions_keep_amr_and_users_get_an_opaque_subject(store: &SqlStore) {
    let (a, _) = granted(store, "lou", b"acc-l", b"ref-l").await;
    let (b, _) = granted(store, "max", b"acc-m", b"ref-m").await;
    let mut s = session(b"s1", a, Stage::Full, T0);
    s.amr = "pwd,backup".into();
    store.create_session(&s).await.unwrap();
    assert_eq!(
        store.session(b"s1").await.unwrap().unwrap().amr,
        "pwd,backup"
    );
    let sa = store
        .oidc_token(b"acc-l")
        .await
        .unwrap()
        .unwrap()
        .user
        .subject;
    let sb = store
        .oidc_token(b"acc-m")
        .await
        .unwrap()
        .unwrap()
        .user
        .subject;
    assert_eq!(sa.len(), 32, "128 bits in hex: {sa}");
    assert_ne!(sa, sb);
    assert!(!sa.contains("lou"));
    let again = store
        .oidc_token(b"ref-l")
        .await
        .unwrap()
        .unwrap()
        .user
        .subject;
    assert_eq!(sa, again, "stable");
    let _ = b;
}

/// The purger (run with the session purger) keeps live tokens and keeps a
/// code for a day after it expires, so a late replay still finds it and
/// revokes what it issued.
async fn purge_forgets_expired_tokens_and_day_old_codes_only(store: &SqlStore) {
    let (_, _) = granted(store, "pia", b"acc-p", b"ref-p").await;
    // Nothing has expired yet (access T0 + 600, refresh T0 + 86400, code T0 + 60).
    assert_eq!(store.oidc_purge(T0 + 100).await.unwrap(), 0);
    assert!(store.oidc_token(b"acc-p").await.unwrap().is_some());
    // The access token expired; the code is kept for its day.
    assert_eq!(store.oidc_purge(T0 + 601).await.unwrap(), 1);
    assert!(store.oidc_token(b"acc-p").await.unwrap().is_none());
    assert!(
        store.oidc_token(b"ref-p").await.unwrap().is_some(),
        "refresh lives on"
    );
    assert!(
        store.oidc_code(b"pia-code").await.unwrap().is_some(),
        "code kept a day"
    );
    // A replay within that day still finds it: nothing issued.
    let uid = store
        .oidc_code(b"pia-code")
        .await
        .unwrap()
        .unwrap()
        .code
        .user_id;
    let again = store
        .oidc_redeem_code(
            b"pia-code",
            &grant("app", uid, T0 + 700),
            &tokens(b"acc-q", None),
        )
        .await
        .unwrap();
    assert_eq!(again, RedeemOutcome::Replayed);
    // Just before a day has passed since the code expired (T0 + 60), it stays.
    store.oidc_purge(T0 + 60 + 86_399).await.unwrap();
    assert!(
        store.oidc_code(b"pia-code").await.unwrap().is_some(),
        "still in its day"
    );
    // A day after the code's expiry: it goes, with everything expired.
    assert!(store.oidc_purge(T0 + 60 + 86_400).await.unwrap() >= 1);
    assert!(store.oidc_code(b"pia-code").await.unwrap().is_none());
    assert!(store.oidc_token(b"ref-p").await.unwrap().is_none());
    assert_eq!(store.oidc_purge(T0 + 60 + 86_401).await.unwrap(), 0);
}
