//! Letters in the reader's language, end to end: `deadbolt serve` against
//! the real SMTP sink (`scripts/mailsink.py`), the letters read as a mail
//! reader does. The account's language is the one its browser asked for at
//! sign-up and sign-in, or chose from the menu while signed in; a letter
//! follows the stored language, not the language of the request that
//! caused it; an account with none gets `--default-language`.

use std::time::Duration;

use serde_json::json;

use crate::http::Client;
use crate::mail::{Letter, NEW_PASSWORD, Sink, assert_well_formed, mail_args, start};
use crate::node::{PASSWORD, TempDir, login_expect, signup};

const WAIT: Duration = Duration::from_secs(20);

/// Sentences of the English letters: none may be in another language's.
const ENGLISH: &[&str] = &[
    "Confirm your email address",
    "Open the link below",
    "If you did not ask for this",
    "was changed",
    "If this was not you",
    "From address",
    "Reset your",
    "Someone asked to",
];

fn assert_no_english(l: &Letter) {
    for sentence in ENGLISH {
        for part in [&l.subject, &l.text, &l.html] {
            assert!(
                !part.contains(sentence),
                "{sentence:?} in a letter that is not English:\n{part}"
            );
        }
    }
}

/// Ask for `address` and follow the verification letter (`seen` letters
/// were there before); returns it.
fn verify(c: &mut Client, sink: &Sink, address: &str, seen: usize) -> Letter {
    let r = c.post(
        "/api/v1/me/email",
        json!({"email": address, "password": PASSWORD}),
    );
    assert_eq!(r.status, 202, "{}", r.text());
    let letter = sink.wait_for(seen + 1, WAIT)[seen].clone();
    assert_well_formed(&letter, address);
    let r = Client::new(c.addr).post("/api/v1/email/verify", json!({"token": letter.token()}));
    assert_eq!(r.status, 200, "{}", r.text());
    letter
}

fn change_password(c: &mut Client, from: &str, to: &str) {
    let r = c.post(
        "/api/v1/me/password",
        json!({"current_password": from, "new_password": to}),
    );
    assert_eq!(r.status, 204, "{}", r.text());
}

#[test]
#[ignore = "needs python3 with aiosmtpd (.ci/run installs it)"]
fn letters_follow_the_language_asked_for_then_the_one_chosen() {
    let sink = Sink::start("accept");
    let data = TempDir::new("deadbolt_mail_lang");
    let mut args = mail_args(&sink, &data);
    args.extend(["--default-language".to_owned(), "de".to_owned()]);
    let node = start(&args, &[]);
    let addr = node.addr;

    // Claire's browser speaks French (a region and weights, as browsers send).
    let mut c = Client::new(addr);
    c.headers
        .push(("Accept-Language".into(), "fr-CH, fr;q=0.9, en;q=0.5".into()));
    let r = c.post(
        "/api/v1/signup",
        json!({"username": "claire", "password": PASSWORD}),
    );
    assert_eq!(r.status, 201, "{}", r.text());
    let r = c.post(
        "/api/v1/login",
        json!({"username": "claire", "password": PASSWORD}),
    );
    assert_eq!(r.status, 200, "{}", r.text());
    let v = verify(&mut c, &sink, "claire@example.com", 0);
    assert_eq!(v.subject, "Confirmez votre adresse e-mail pour Deadbolt");
    assert!(v.text.contains("Confirmer cette adresse:"), "{}", v.text);
    assert!(v.html.contains("<html lang=\"fr\">"), "{}", v.html);
    assert_no_english(&v);

    // A notice, in French too, with its details' names in French.
    change_password(&mut c, PASSWORD, NEW_PASSWORD);
    let n = sink.wait_for(2, WAIT)[1].clone();
    assert_well_formed(&n, "claire@example.com");
    assert_eq!(n.subject, "Votre mot de passe a été modifié (Deadbolt)");
    assert!(
        n.text.contains("\nQuand: ") && n.text.contains(" UTC\r\n"),
        "{}",
        n.text
    );
    assert!(n.text.contains("Depuis l'adresse: 127.0.0.1"), "{}", n.text);
    assert_no_english(&n);

    // Claire picks Русский from the menu while signed in ...
    let page = c.get("/account?lang=ru");
    assert_eq!(page.status, 200);
    assert!(page.text().contains("<html lang=\"ru\">"));
    // ... and the next letters are Russian, though her browser still asks
    // for French: a letter follows the account, not the request.
    change_password(&mut c, NEW_PASSWORD, PASSWORD);
    let n = sink.wait_for(3, WAIT)[2].clone();
    assert_eq!(n.subject, "Ваш пароль изменён (Deadbolt)");
    assert!(n.text.contains("Когда: "), "{}", n.text);
    assert_no_english(&n);
    // A reset asked for by a client that says nothing of languages.
    let r = Client::new(addr).post(
        "/api/v1/password-reset",
        json!({"email": "claire@example.com"}),
    );
    assert_eq!(r.status, 202, "{}", r.text());
    let reset = sink.wait_for(4, WAIT)[3].clone();
    assert_well_formed(&reset, "claire@example.com");
    assert_eq!(reset.subject, "Сброс пароля Deadbolt");
    assert!(reset.text.contains("/password-reset/confirm?token="));
    assert!(
        reset.text.contains("Выбрать новый пароль"),
        "{}",
        reset.text
    );
    assert_no_english(&reset);

    // Dora's client asks for no language: the server's default (German).
    signup(addr, "dora");
    let mut d = login_expect(addr, "dora", "authenticated");
    let v = verify(&mut d, &sink, "dora@example.com", 4);
    assert_eq!(v.subject, "Bestätigen Sie Ihre E-Mail-Adresse für Deadbolt");
    assert!(v.html.contains("<html lang=\"de\">"));
    assert_no_english(&v);

    // Ivan signs up through ?lang=ru; a later sign-in that asks for
    // nothing keeps it.
    let r = Client::new(addr).post(
        "/api/v1/signup?lang=ru",
        json!({"username": "ivan", "password": PASSWORD}),
    );
    assert_eq!(r.status, 201, "{}", r.text());
    let mut i = login_expect(addr, "ivan", "authenticated");
    let v = verify(&mut i, &sink, "ivan@example.com", 5);
    assert_eq!(
        v.subject,
        "Подтвердите адрес электронной почты для Deadbolt"
    );
    assert_no_english(&v);
    // A sign-in from a Swedish browser makes it Swedish.
    let mut s = Client::new(addr);
    s.headers.push(("Accept-Language".into(), "sv".into()));
    let r = s.post(
        "/api/v1/login",
        json!({"username": "ivan", "password": PASSWORD}),
    );
    assert_eq!(r.status, 200, "{}", r.text());
    // That sign-in was from a browser without Ivan's device cookie: its
    // notice is already in Swedish (the language is stored in the same
    // commit as the notice).
    let n = sink.wait_for(7, WAIT)[6].clone();
    assert_eq!(
        n.subject,
        "Ny inloggning från en okänd webbläsare (Deadbolt)"
    );
    assert_no_english(&n);
    assert_eq!(sink.letters().len(), 7, "nothing else was sent");
}
