# Die Briefe von Deadbolt auf Deutsch (dieselben Schlüssel wie locales/en/mail.ftl).

## Datum
datetime-pattern = %-d. %B %Y, %H:%M UTC

## Unter dem Text jeder Mitteilung
row-when = Wann
row-from-address = Von der Adresse
browser-on = { $browser } unter { $system }
browser-on-system = Ein Browser unter { $system }
row-browser = Browser
not-you = Falls Sie das nicht waren, ändern Sie jetzt Ihr Passwort und prüfen Sie die Sitzungen und Aktivitäten Ihres Kontos unter { $url }.

## Der Link, der eine neue Adresse bestätigt
verify-subject = Bestätigen Sie Ihre E-Mail-Adresse für { $issuer }
verify-body = Jemand möchte diese E-Mail-Adresse für ein Konto bei { $issuer } verwenden. Öffnen Sie den Link unten innerhalb von 24 Stunden, um sie zu bestätigen; er funktioniert nur einmal.
verify-link = Diese Adresse bestätigen
verify-closing = Wenn Sie das nicht angefordert haben, ignorieren Sie diesen Brief: Die Adresse wird nicht verwendet.

## Der Link, der ein vergessenes Passwort zurücksetzt
reset-subject = Setzen Sie Ihr Passwort für { $issuer } zurück
reset-body = Jemand möchte das Passwort Ihres Kontos bei { $issuer } zurücksetzen. Öffnen Sie den Link unten innerhalb von 30 Minuten, um ein neues zu wählen; er funktioniert nur einmal.
reset-body-second-factor = Ist die Zwei-Faktor-Authentifizierung eingeschaltet, brauchen Sie außerdem einen Code aus Ihrer Authenticator-App oder einen Sicherungscode: Ein Zurücksetzen schaltet sie nie aus.
reset-link = Neues Passwort wählen
reset-closing = Wenn Sie das nicht angefordert haben, ignorieren Sie diesen Brief: Ihr Passwort bleibt, wie es ist.

## deadbolt mail test
test-subject = Testnachricht von { $issuer }
test-body = Dies ist eine Testnachricht von { $issuer }: Die Mail-Einstellungen funktionieren.
test-closing = Es ist nichts zu tun.

## Sicherheitsmitteilungen
two-factor-enabled-subject = Die Zwei-Faktor-Authentifizierung wurde eingeschaltet
two-factor-enabled-body = Für Ihr Konto bei { $issuer } wurde die Zwei-Faktor-Authentifizierung eingeschaltet. Ab jetzt braucht die Anmeldung einen Code aus Ihrer Authenticator-App.
two-factor-disabled-subject = Die Zwei-Faktor-Authentifizierung wurde ausgeschaltet
two-factor-disabled-body = Für Ihr Konto bei { $issuer } wurde die Zwei-Faktor-Authentifizierung ausgeschaltet. Zur Anmeldung genügt jetzt Ihr Passwort.
two-factor-reset-subject = Ein Betreiber hat Ihre Zwei-Faktor-Authentifizierung zurückgesetzt
two-factor-reset-body = Ein Betreiber von { $issuer } hat die Authenticator-App und die Sicherungscodes Ihres Kontos entfernt und es überall abgemeldet. Richten Sie die Zwei-Faktor-Authentifizierung nach der Anmeldung neu ein.
backup-codes-generated-subject = Neue Sicherungscodes wurden erstellt
backup-codes-generated-body = { $count ->
    [one] Für Ihr Konto bei { $issuer } wurde ein neuer Satz mit { $count } Sicherungscode erstellt; die früheren Codes funktionieren nicht mehr.
   *[other] Für Ihr Konto bei { $issuer } wurde ein neuer Satz mit { $count } Sicherungscodes erstellt; die früheren Codes funktionieren nicht mehr.
}
backup-code-used-subject = Ein Sicherungscode wurde verwendet
backup-code-used-body = Für Ihr Konto bei { $issuer } wurde ein Sicherungscode verwendet. Verbleibende Sicherungscodes: { $count }.
password-changed-subject = Ihr Passwort wurde geändert
password-changed-body = Das Passwort Ihres Kontos bei { $issuer } wurde geändert, und seine anderen Sitzungen wurden abgemeldet.
password-reset-subject = Ihr Passwort wurde zurückgesetzt
password-reset-body = Das Passwort Ihres Kontos bei { $issuer } wurde über einen an diese Adresse gesendeten Link zurückgesetzt, und alle Sitzungen wurden abgemeldet.
email-changed-subject = Ihre E-Mail-Adresse wurde geändert
email-changed-body = Ihr Konto bei { $issuer } verwendet jetzt die Adresse { $address }. Diese Adresse erhält keine Mitteilungen mehr.
new-browser-subject = Neue Anmeldung von einem unbekannten Browser
new-browser-body = Ihr Passwort für { $issuer } wurde richtig eingegeben, und zwar in einem Browser, der sich noch nie bei Ihrem Konto angemeldet hatte.
passkey-added-subject = Ein Passkey wurde hinzugefügt
passkey-added-body = Ihrem Konto bei { $issuer } wurde ein Passkey hinzugefügt ({ $name }). Mit ihm ist jetzt eine Anmeldung ohne Passwort möglich.
other-subject = Sicherheitsaktivität in Ihrem Konto bei { $issuer }
other-body = In Ihrem Konto bei { $issuer } ist etwas geschehen ({ $name }). Prüfen Sie die Aktivität auf der Sicherheitsseite.
