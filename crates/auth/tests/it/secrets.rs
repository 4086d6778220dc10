//! Secrets never print themselves, wherever they travel.

use deadbolt_auth::SecondFactorInput;

use crate::support::{PW, Rig};

#[tokio::test]
async fn fail_no_secret_in_any_debug_output() {
    let r = Rig::new().await;
    r.user("ned").await;
    let out = r.auth.login("ned", PW, None, &r.client).await.unwrap();
    let shown = format!("{out:?}");
    assert!(!shown.contains(out.token.expose()), "{shown}");
    assert!(!shown.contains(out.device_cookie.expose()), "{shown}");
    let info = r.info(&out.token).await;
    let uid = info.user_id;
    let setup = r
        .auth
        .begin_setup(&info, PW, None, &r.client)
        .await
        .unwrap();
    let shown = format!("{setup:?}");
    assert!(!shown.contains(setup.secret_base32.expose()), "{shown}");
    assert!(!shown.contains("otpauth://"), "{shown}");
    let codes = r
        .auth
        .regenerate_backup_codes(&info, PW, None, &r.client)
        .await
        .unwrap();
    let shown = format!("{codes:?}");
    assert!(codes.iter().all(|c| !shown.contains(c.expose())), "{shown}");
    let input = SecondFactorInput::code("123456");
    assert!(!format!("{input:?}").contains("123456"));
    let user = r.auth.store().user_by_id(uid).await.unwrap().unwrap();
    assert!(!format!("{user:?}").contains("argon2id"));
}
