# Deadbolt auf Deutsch. Begriffe: „Zwei-Faktor-Authentifizierung“,
# „Backup-Code“, „Authentifizierungs-App“, „Einrichten“
# (Einstellungen → Konto → Sicherheit → Zwei-Faktor-Authentifizierung → Einrichten).

## Datum
datetime-pattern = %-d. %B %Y, %H:%M UTC

## Alle Seiten
skip-to-content = Zum Inhalt springen
toolbar-label = Werkzeugleiste
breadcrumb-label = Navigationspfad
language-menu-label = Sprache
nav-account = Konto
nav-settings = Einstellungen
nav-security = Sicherheit
nav-sign-out = Abmelden
nav-log-in = Anmelden
nav-sign-up = Registrieren
signed-in-as = Angemeldet als { $name }
footer-tagline = Deadbolt · Anmeldung mit Passwort und Einmalcode
menu-overview = Übersicht
menu-recent-activity = Letzte Aktivitäten
two-factor-authentication = Zwei-Faktor-Authentifizierung
backup-codes = Backup-Codes
status-on = Aktiv
status-off = Aus
action-continue = Weiter
action-cancel = Abbrechen
action-later = Später
action-save = Speichern
apps-any-totp = Jede andere App, die auf dem offenen TOTP-Standard beruht, funktioniert auch (1Password, Bitwarden, KeePassXC …).
backup-codes-low = { $count ->
    [0] Sie haben keine Backup-Codes mehr.
    [one] Nur noch { $count } Backup-Code übrig.
   *[other] Nur noch { $count } Backup-Codes übrig.
}
backup-codes-left = { $count ->
    [one] { $count } Backup-Code übrig.
   *[other] { $count } Backup-Codes übrig.
}

## Felder
label-username = Benutzername
label-password = Passwort
label-your-password = Ihr Passwort
label-repeat-password = Passwort wiederholen
label-current-password = Aktuelles Passwort
label-new-password = Neues Passwort
label-repeat-new-password = Neues Passwort wiederholen
label-six-digit-code = 6-stelliger Code
label-backup-code = Backup-Code
label-code-or-backup = 6-stelliger Code oder ein Backup-Code
label-current-app-code = 6-stelliger Code aus Ihrer aktuellen App oder ein Backup-Code
label-username-or-email = Benutzername oder E-Mail-Adresse
label-new-email = Neue E-Mail-Adresse
hint-username = Buchstaben, Ziffern, Punkte, Bindestriche oder Unterstriche.
hint-new-password-long = Mindestens 8 Zeichen. Ein paar Wörter, die Sie sich merken können, ergeben ein gutes Passwort.
hint-new-password = Mindestens 8 Zeichen.
hint-step-up = Ihre Anmeldung liegt schon eine Weile zurück: Bestätigen Sie diese Änderung mit Ihrem zweiten Faktor.

## /login
login-title = Anmelden
login-submit = Anmelden
login-passkey = Mit einem Passkey anmelden
login-passkey-nojs = Mit einem Passkey anmelden: Dafür ist JavaScript nötig, das in diesem Browser ausgeschaltet ist.
login-forgot = Passwort vergessen?
login-forgot-no-email = Passwort vergessen? Das Zurücksetzen per E-Mail ist auf diesem Server nicht eingerichtet: Wenden Sie sich an die Betreiber.
login-new-here = Neu hier?
login-create-account = Konto erstellen

## /signup
signup-title = Konto erstellen
signup-lead = Wählen Sie einen Benutzernamen und ein Passwort. Die Zwei-Faktor-Authentifizierung können Sie gleich danach hinzufügen.
signup-submit = Konto erstellen
signup-have-account = Sie haben schon ein Konto?

## /login/2fa
second-factor-title = Code eingeben
second-factor-lead = Geben Sie den 6-stelligen Code aus Ihrer Authentifizierungs-App ein.
second-factor-verify = Prüfen
second-factor-lost-phone = Telefon verloren? Backup-Code verwenden
second-factor-backup-hint = Einer der Codes, die Sie beim Einrichten der Zwei-Faktor-Authentifizierung gespeichert haben, zum Beispiel k7mq2-x9vtd. Jeder Code funktioniert nur einmal.
second-factor-backup-submit = Mit einem Backup-Code anmelden
second-factor-passkey = Passkey oder Sicherheitsschlüssel verwenden
second-factor-passkey-nojs = Passkey oder Sicherheitsschlüssel verwenden: Dafür ist JavaScript nötig, das in diesem Browser ausgeschaltet ist.
second-factor-cancel = Abbrechen und mit einem anderen Konto anmelden

## /account
account-title = Ihr Konto
account-welcome = Willkommen, { $name }
account-signed-in = Sie sind bei Deadbolt angemeldet.
account-every-login = Jede Anmeldung fragt nach einem 6-stelligen Code aus Ihrer Authentifizierungs-App.
account-backup-way-back = Wenn Sie Ihr Telefon verlieren, kommen Sie damit wieder hinein: Erzeugen Sie neue in Ihren Sicherheitseinstellungen.
account-manage = Sicherheitseinstellungen verwalten
account-password-only = Ihr Konto ist nur durch Ihr Passwort geschützt. Fügen Sie einen zweiten Schritt hinzu: einen 6-stelligen Code aus einer App auf Ihrem Telefon, damit ein gestohlenes Passwort nicht reicht.
account-find-later = Sie finden es auch später unter:

## Einrichten
setup-title = Zwei-Faktor-Authentifizierung einrichten
setup-replacing = Sie verknüpfen ein neues Gerät. Es ist immer nur ein Gerät verknüpft: Sobald das neue bestätigt ist, funktioniert das alte nicht mehr. Bis dahin funktioniert das alte weiter.
setup-intro = Nach Ihrem Passwort fragt jede Anmeldung nach einem 6-stelligen Code aus einer App auf Ihrem Telefon oder Tablet. Der Code ändert sich alle 30 Sekunden.
setup-install-first = Zuerst eine Authentifizierungs-App installieren
setup-confirm-you = Dann bestätigen, dass Sie es sind
setup-open-app = Öffnen Sie Ihre Authentifizierungs-App
setup-no-app-yet = Noch keine App? Installieren Sie eine dieser Apps:
setup-scan-title = QR-Code scannen
setup-scan-text = Wählen Sie in der App „Konto hinzufügen“ und scannen Sie diesen Code. { $issuer } erscheint in der App, zusammen mit einem 6-stelligen Code, der sich alle 30 Sekunden ändert.
setup-qr-label = QR-Code für Ihre Authentifizierungs-App
setup-on-phone = Am Telefon?
setup-open-in-app = In der Authentifizierungs-App öffnen
setup-cannot-scan = Scannen nicht möglich? Geben Sie stattdessen diesen Schlüssel in die App ein:
setup-fact-account = Konto
setup-fact-type = Art
setup-fact-type-value = Zeitbasiert (TOTP)
setup-fact-digits = Stellen
setup-fact-interval = Intervall
setup-fact-interval-value = 30 Sekunden
setup-fact-algorithm = Algorithmus
setup-enter-code = 6-stelligen Code eingeben
setup-enter-code-text = Geben Sie den Code ein, den die App gerade zeigt, um zu beweisen, dass das Gerät funktioniert.
setup-previous-keeps-working = Ihr bisheriges Gerät funktioniert bis dahin weiter.
setup-turn-on = Einschalten
enabled-title = Die Zwei-Faktor-Authentifizierung ist aktiv
enabled-linked = Ihr Gerät ist verknüpft. Ab jetzt fragt jede Anmeldung nach dem 6-stelligen Code aus Ihrer App.
enabled-now-generate = Erzeugen Sie jetzt Ihre Backup-Codes
enabled-generate-text = Wenn Sie Ihr Telefon verlieren, können Sie sich mit einem Backup-Code einmal anmelden. Erzeugen Sie die Codes jetzt und bewahren Sie sie sicher auf. Neue Codes machen die bisherigen immer ungültig.
enabled-generate = Backup-Codes erzeugen

## Backup-Codes
codes-title = Ihre Backup-Codes
codes-just-enabled = Die Zwei-Faktor-Authentifizierung ist aktiv. Ab jetzt fragt jede Anmeldung nach einem Code aus Ihrer App.
codes-print-heading = Deadbolt-Backup-Codes für { $name }.
codes-generated = Erzeugt am { $when }.
codes-shown-once = Diese Codes werden nur dieses eine Mal angezeigt. Sichern Sie sie jetzt: herunterladen, ausdrucken oder in Ihren Passwort-Manager kopieren.
codes-each-once = Wenn Sie keinen Zugriff mehr auf Ihre Authentifizierungs-App haben, können Sie sich mit jedem Code einmal anmelden. Frühere Codes funktionieren nicht mehr.
codes-download = Als .txt herunterladen
codes-print = Zum Ausdrucken verwenden Sie den Drucken-Befehl Ihres Browsers.
codes-saved = Ich habe meine Codes gesichert – zurück zu den Sicherheitseinstellungen
codes-file-each-once = Mit jedem Code können Sie sich einmal anmelden, wenn Sie keinen Zugriff mehr auf Ihre Authentifizierungs-App haben.
codes-file-keep-safe = Neue Codes machen diese ungültig. Bewahren Sie diese Datei sicher auf.

## Sicherheit
security-title = Sicherheitseinstellungen
security-2fa-on-text = Jede Anmeldung fragt nach einem 6-stelligen Code aus Ihrer Authentifizierungs-App. Mit Ihrem Konto ist immer nur ein Gerät verknüpft.
security-new-device = Neues Gerät einrichten
security-current-device-keeps = Ihr aktuelles Gerät funktioniert weiter, bis das neue mit einem Code bestätigt ist.
security-disable-summary = Zwei-Faktor-Authentifizierung ausschalten
security-disable-text = Ohne sie öffnet Ihr Passwort allein Ihr Konto. Bestätigen Sie mit Ihrem Passwort und einem Code aus Ihrer App (oder einem Backup-Code).
security-disable-submit = Ausschalten
security-2fa-off-text = Fügen Sie Ihrer Anmeldung einen zweiten Schritt hinzu: einen 6-stelligen Code aus einer Authentifizierungs-App auf Ihrem Telefon oder Tablet. Ein gestohlenes Passwort allein reicht dann nicht mehr.
security-setup-unconfirmed = Eine Einrichtung wurde begonnen, aber nicht mit einem Code bestätigt, und ist daher nicht aktiv. „Einrichten“ beginnt sie mit einem neuen QR-Code von vorn.
security-setup-button = Einrichten
security-backup-locked-out = Wenn Sie Ihr Telefon verlieren, könnten Sie ausgesperrt sein: Erzeugen Sie neue Codes.
security-backup-unused = { $count ->
    [one] Sie haben { $count } unbenutzten Backup-Code.
   *[other] Sie haben { $count } unbenutzte Backup-Codes.
}
security-backup-text = Wenn Sie keinen Zugriff mehr auf Ihre Authentifizierungs-App haben, können Sie sich mit jedem Backup-Code einmal anmelden. Neue Codes machen die bisherigen ungültig.
security-backup-generate = Neue Codes erzeugen
security-backup-when-on = Mit Backup-Codes können Sie sich je einmal anmelden, wenn Sie Ihr Telefon verlieren. Sie stehen bereit, sobald die Zwei-Faktor-Authentifizierung aktiv ist.
passkeys-heading = Passkeys und Sicherheitsschlüssel
passkeys-text = Ein Passkey (auf diesem Gerät, Ihrem Telefon oder in einem Passwort-Manager) oder ein Sicherheitsschlüssel meldet Sie ohne Passwort an, wenn er Ihre PIN oder Ihren Fingerabdruck prüft, und dient als zweiter Schritt nach dem Passwort. Fügen Sie mehrere hinzu: Jeder hat einen eigenen Namen und lässt sich einzeln entfernen.
passkeys-none = Noch keine Schlüssel.
passkeys-added = Hinzugefügt am { $when }
passkeys-last-used = zuletzt benutzt: { $when }
passkeys-never-used = nie
passkeys-rename-or-remove = Umbenennen oder entfernen
passkeys-new-name = Neuer Name
passkeys-rename = Umbenennen
passkeys-remove = Diesen Schlüssel entfernen
passkeys-nojs = Zum Hinzufügen eines Passkeys ist JavaScript nötig, das in diesem Browser ausgeschaltet ist: Der Browser selbst spricht mit dem Schlüssel. Alles andere auf dieser Seite funktioniert auch ohne.
passkeys-name = Name des Schlüssels
passkeys-name-hint = Zum Beispiel „YubiKey“ oder „Laptop“.
passkeys-add = Passkey oder Sicherheitsschlüssel hinzufügen
email-heading = E-Mail
email-not-set-up = E-Mail ist auf diesem Server nicht eingerichtet: Es werden keine Sicherheitshinweise verschickt, und ein vergessenes Passwort lässt sich nicht per E-Mail zurücksetzen.
email-goes-to = Sicherheitshinweise und Links zum Zurücksetzen des Passworts gehen an { $address }.
email-none-yet = Noch keine bestätigte Adresse. Fügen Sie eine hinzu, um von Änderungen an Ihrem Konto zu erfahren und ein vergessenes Passwort per E-Mail zurückzusetzen.
email-send-link = Bestätigungslink senden
email-new-used-once = Die neue Adresse gilt, sobald Sie den an sie geschickten Link öffnen; die bisherige erfährt von der Änderung.
email-new-browser = Mir eine E-Mail schicken, wenn sich jemand in einem noch nie gesehenen Browser anmeldet
email-other-notices = Die übrigen Hinweise (Änderungen an der Zwei-Faktor-Authentifizierung, Backup-Codes, Passwortänderungen und -rücksetzungen, Adressänderungen) gehen immer hinaus.
password-change = Passwort ändern
sessions-heading = Sitzungen
sessions-text = Wo Ihr Konto gerade angemeldet ist.
sessions-this-browser = Dieser Browser
sessions-last-active = zuletzt aktiv: { $when }
sessions-active-now = gerade aktiv
sessions-revoke = Beenden
sessions-revoke-label = Die Sitzung von { $device } beenden
sessions-sign-out-others = Überall sonst abmelden
activity-heading = Letzte Sicherheitsaktivitäten
activity-none = Noch nichts.
activity-footer = Die Zeiten sind in UTC. Etwas, das Sie nicht wiedererkennen? Ändern Sie Ihr Passwort und melden Sie sich überall sonst ab.

## /enrol
enrol-title = Passwort wählen
enrol-lead = Für Sie wurde ein Konto { $name } angelegt. Wählen Sie sein Passwort und melden Sie sich dann an.
enrol-submit = Passwort festlegen
enrol-ask-new-link = Bitten Sie die Betreiber dieses Dienstes um einen neuen Link.

## Zurücksetzen und Bestätigen
reset-title = Passwort zurücksetzen
reset-not-set-up = Das Zurücksetzen des Passworts per E-Mail ist auf diesem Server nicht eingerichtet. Bitten Sie die Betreiber, Ihren Zugang zurückzusetzen.
reset-sent = Wenn ein passendes Konto mit bestätigter E-Mail-Adresse existiert, ist ein Link zum Zurücksetzen seines Passworts unterwegs. Er funktioniert einmal, 30 Minuten lang.
reset-no-letter = Nach ein paar Minuten keine Nachricht? Sehen Sie im Spam-Ordner nach oder fragen Sie erneut: Sobald einer benutzt ist, zählt nur der neueste Link.
reset-intro = Geben Sie Ihren Benutzernamen oder die bestätigte E-Mail-Adresse Ihres Kontos ein. Wir schicken einen Link, mit dem Sie ein neues Passwort wählen. Hat Ihr Konto die Zwei-Faktor-Authentifizierung, brauchen Sie außerdem einen Code aus Ihrer App oder einen Backup-Code.
reset-submit = Link per E-Mail senden
reset-back-to-login = Zurück zur Anmeldung
reset-confirm-title = Neues Passwort wählen
reset-confirm-sessions = Alle Sitzungen Ihres Kontos werden abgemeldet, und dieser Browser wird angemeldet.
reset-confirm-keeps-2fa = Ihr Konto hat die Zwei-Faktor-Authentifizierung: Das Zurücksetzen lässt sie eingeschaltet.
reset-confirm-submit = Neues Passwort festlegen
reset-ask-new-link = Neuen Link anfordern
verify-title = E-Mail-Adresse bestätigen
verify-text = Bestätigen Sie, um diese Adresse zur Adresse Ihres Kontos zu machen: Sicherheitshinweise und Links zum Zurücksetzen des Passworts gehen dann dorthin.
verify-submit = Diese Adresse bestätigen
verify-settings-link = Ihre Sicherheitseinstellungen

## Bestätigungen
notice-account-ready = Ihr Konto ist bereit.
notice-signed-out = Sie sind abgemeldet.
notice-password-changed = Ihr Passwort ist geändert. Alle anderen Sitzungen wurden abgemeldet.
notice-two-factor-off = Die Zwei-Faktor-Authentifizierung ist ausgeschaltet. Ihr Passwort allein öffnet jetzt Ihr Konto.
notice-app-removed-keys-remain = Die Authentifizierungs-App ist entfernt. Ihre Passkeys halten die Zwei-Faktor-Authentifizierung eingeschaltet, und Ihre Backup-Codes gelten weiter.
notice-session-revoked = Diese Sitzung ist abgemeldet.
notice-session-gone = Diese Sitzung war schon beendet.
notice-signed-out-others = Alle anderen Sitzungen sind abgemeldet.
notice-password-reset = Ihr Passwort ist zurückgesetzt. Alle anderen Sitzungen wurden abgemeldet, und dieser Browser ist angemeldet.
notice-email-sent = Ein Bestätigungslink ist an die neue Adresse unterwegs. Öffnen Sie ihn, um diese Adresse zu verwenden.
notice-notifications-saved = Ihre Hinweis-Einstellungen sind gespeichert.
notice-passkey-added = Der Schlüssel ist hinzugefügt. Ab jetzt können Sie sich damit anmelden.
notice-passkey-renamed = Der Schlüssel ist umbenannt.
notice-passkey-removed = Der Schlüssel ist entfernt: Er meldet Sie nicht mehr an.
enrol-done-title = Ihr Passwort ist festgelegt
enrol-done-text = Melden Sie sich als { $name } mit Ihrem neuen Passwort an.
signup-closed-title = Die Registrierung ist geschlossen
action-sign-in = Anmelden
action-back-to-account = Zurück zu Ihrem Konto
action-back-to-security = Zurück zu den Sicherheitseinstellungen

## Formularfehler
err-enter-username = Geben Sie Ihren Benutzernamen ein.
err-enter-password = Geben Sie Ihr Passwort ein.
err-enter-password-continue = Geben Sie Ihr Passwort ein, um fortzufahren.
err-enter-current-password = Geben Sie Ihr aktuelles Passwort ein.
err-enter-username-or-email = Geben Sie Ihren Benutzernamen oder Ihre E-Mail-Adresse ein.
err-enter-new-email = Geben Sie die neue E-Mail-Adresse ein.
err-enter-code-or-backup = Geben Sie den 6-stelligen Code aus Ihrer App oder einen Ihrer Backup-Codes ein.
err-enter-backup-code = Geben Sie einen Ihrer Backup-Codes ein.
err-enter-app-code = Geben Sie den 6-stelligen Code aus Ihrer Authentifizierungs-App ein.
err-enter-code-from-app = Geben Sie den 6-stelligen Code aus Ihrer App ein.
err-choose-username = Wählen Sie einen Benutzernamen.
err-choose-password = Wählen Sie ein Passwort.
err-choose-new-password = Wählen Sie ein neues Passwort.
err-passwords-differ = Die beiden Passwörter unterscheiden sich.
err-passwords-not-same = Die beiden Passwörter stimmen nicht überein. Geben Sie das Passwort noch einmal ein.
err-new-passwords-differ = Die beiden neuen Passwörter stimmen nicht überein. Geben Sie das neue Passwort noch einmal ein.
err-username-taken-try = Dieser Benutzername ist schon vergeben. Versuchen Sie einen anderen.
err-backup-code-wrong = Dieser Backup-Code ist ungültig oder wurde schon benutzt. Jeder Code funktioniert nur einmal.
err-setup-code-wrong = Dieser Code stimmt nicht. Prüfen Sie, ob die Uhrzeit auf Ihrem Telefon stimmt, und geben Sie den Code ein, den die App gerade zeigt.
err-no-setup-waiting = Keine Einrichtung wartet auf einen Code. Beginnen Sie noch einmal mit Ihrem Passwort.
err-internal-title = Etwas ist schiefgegangen
err-internal = Bei uns ist etwas schiefgegangen. Bitte versuchen Sie es noch einmal.
err-internal-page = Bei uns ist etwas schiefgegangen, und nichts wurde geändert. Bitte versuchen Sie es gleich noch einmal.

## Fehler der Regeln
err-invalid-credentials = Benutzername oder Passwort ist falsch.
err-wrong-password = Das Passwort ist falsch.
err-username-taken = Dieser Benutzername ist schon vergeben.
err-wrong-code = Dieser Code stimmt nicht. Prüfen Sie Ihre Authentifizierungs-App und versuchen Sie es noch einmal.
err-code-reused = Dieser Code wurde schon benutzt. Warten Sie auf den nächsten Code in Ihrer App.
err-throttled = { $count ->
    [one] Zu viele Versuche. Versuchen Sie es in { $count } Minute noch einmal.
   *[other] Zu viele Versuche. Versuchen Sie es in { $count } Minuten noch einmal.
}
err-no-pending-setup = Es gibt keine Einrichtung der Zwei-Faktor-Authentifizierung zu bestätigen. Beginnen Sie die Einrichtung neu.
err-setup-expired = Diese Einrichtung ist nach 15 Minuten ohne Code abgelaufen. Beginnen Sie die Einrichtung neu.
err-step-up-required = Um diese Änderung zu bestätigen, geben Sie auch einen Code aus Ihrer Authentifizierungs-App (oder einen Backup-Code) ein.
err-two-factor-not-enabled = Die Zwei-Faktor-Authentifizierung ist nicht eingeschaltet.
err-email-not-configured = E-Mail ist auf diesem Server nicht eingerichtet, daher geht das nicht per E-Mail. Wenden Sie sich an die Betreiber.
err-invalid-token = Dieser Link ist ungültig: Er ist vielleicht abgelaufen oder schon benutzt. Fordern Sie einen neuen an.
err-email-taken = Ein anderes Konto verwendet diese E-Mail-Adresse.
err-second-factor-required = Dieses Konto hat die Zwei-Faktor-Authentifizierung: Geben Sie auch einen Code aus Ihrer Authentifizierungs-App oder einen Backup-Code ein.
err-passkey-refused = Dieser Passkey oder Sicherheitsschlüssel wurde nicht akzeptiert.
err-passkey-ceremony-gone = Diese Passkey-Anfrage ist abgelaufen oder wurde schon benutzt. Versuchen Sie es noch einmal.
err-no-passkey = Für dieses Konto ist kein Passkey und kein Sicherheitsschlüssel registriert.
err-passkeys-unavailable = Passkeys sind auf diesem Server nicht verfügbar (seine öffentliche Adresse hat keinen Hostnamen, den Browser akzeptieren).
err-not-found = Nicht gefunden.
err-account-disabled = Dieses Konto ist gesperrt. Wenden Sie sich an die Betreiber dieses Dienstes.
err-signup-closed = Die Registrierung ist auf diesem Server geschlossen: Bitten Sie die Betreiber um einen Einladungslink.
err-password-nul = Das Passwort darf kein NUL-Zeichen enthalten.
err-password-too-short = { $count ->
    [one] Verwenden Sie mindestens { $count } Zeichen.
   *[other] Verwenden Sie mindestens { $count } Zeichen.
}
err-password-too-long = { $count ->
    [one] Verwenden Sie höchstens { $count } Zeichen.
   *[other] Verwenden Sie höchstens { $count } Zeichen.
}
err-password-common = Dieses Passwort gehört zu den häufigsten Passwörtern; wählen Sie eines, das schwerer zu erraten ist.
err-password-context = Das Passwort darf nicht aus { $word } gebildet sein; wählen Sie eines, das nichts mit diesem Konto oder Dienst zu tun hat.
err-username-too-long = { $count ->
    [one] Verwenden Sie für den Benutzernamen höchstens { $count } Zeichen.
   *[other] Verwenden Sie für den Benutzernamen höchstens { $count } Zeichen.
}
err-username-characters = Ein Benutzername darf nur Buchstaben, Ziffern, „.“, „_“ und „-“ enthalten.
err-username-one-script = Ein Benutzername darf nur die Buchstaben eines Alphabets verwenden (lateinisch, kyrillisch, griechisch …), keine Mischung.
err-enter-email = Geben Sie eine E-Mail-Adresse ein.
err-email-too-long = Diese E-Mail-Adresse ist zu lang (höchstens 254 Zeichen).
err-email-spaces = Eine E-Mail-Adresse darf keine Leerzeichen oder Zeilenumbrüche enthalten.
err-email-invalid = Das ist keine gültige E-Mail-Adresse (name@beispiel.de).
err-email-domain = Verwenden Sie eine Adresse unter einem Domainnamen (name@beispiel.de), nicht unter einem lokalen Host oder einer IP-Adresse.
err-email-same = Das ist schon Ihre Adresse.
err-passkey-response = Das ist keine Passkey-Antwort.
err-passkey-registered = Dieser Schlüssel ist schon registriert.
err-passkey-name = { $count ->
    [one] Geben Sie dem Schlüssel einen Namen mit 1 bis { $count } Zeichen.
   *[other] Geben Sie dem Schlüssel einen Namen mit 1 bis { $count } Zeichen.
}

## Eigene Fehler der JSON-API
api-unauthenticated = Sie sind nicht angemeldet.
api-no-pending-login = Keine Anmeldung wartet auf einen Code. Melden Sie sich zuerst mit Ihrem Passwort an.
api-cross-site = Websiteübergreifende Anfragen sind nicht erlaubt.
api-not-found = Unter dieser Adresse gibt es nichts.
api-too-large = Der Anfrageinhalt ist zu groß (höchstens 16 KiB).
api-unsupported-media-type = Senden Sie den Anfrageinhalt als JSON mit Content-Type: application/json.
api-unreadable-body = Der Anfrageinhalt konnte nicht gelesen werden.
api-nul-character = Die Anfrage darf keine NUL-Zeichen enthalten.
api-body-mismatch = Der Anfrageinhalt passt nicht zu diesem Endpunkt: { $detail }.
api-wrong-type = Der Anfrageinhalt hat ein Feld mit falschem Typ.
api-not-json = Der Anfrageinhalt ist kein gültiges JSON.
api-code-or-backup-code = Senden Sie entweder „code“ oder „backup_code“.
api-username-or-email = Senden Sie entweder „username“ oder „email“.

## Letzte Sicherheitsaktivitäten
event-signed-up = Konto erstellt
event-sign-in-app-code = Anmeldung mit Passwort und Code der Authentifizierungs-App
event-sign-in-backup-code = Anmeldung mit Passwort und Backup-Code
event-sign-in-password = Anmeldung mit Passwort
event-wrong-password-settings = Falsches Passwort in den Sicherheitseinstellungen
event-wrong-password-login = Anmeldung fehlgeschlagen: falsches Passwort
event-wrong-code = Falscher Code der Zwei-Faktor-Authentifizierung
event-code-entry-paused = Zu viele falsche Codes: Code-Eingabe pausiert
event-code-replay-refused = Ein schon benutzter Code wurde abgelehnt
event-two-factor-on = Zwei-Faktor-Authentifizierung eingeschaltet
event-two-factor-off = Zwei-Faktor-Authentifizierung ausgeschaltet
event-app-removed-keys-remain = Authentifizierungs-App entfernt (Passkeys halten die Zwei-Faktor-Authentifizierung eingeschaltet)
event-two-factor-reset = Zwei-Faktor-Authentifizierung von einem Administrator entfernt
event-backup-codes-generated = Neue Backup-Codes erzeugt
event-backup-code-used = { $count ->
    [one] Backup-Code benutzt ({ $count } übrig)
   *[other] Backup-Code benutzt ({ $count } übrig)
}
event-password-changed = Passwort geändert
event-password-reset = Passwort per E-Mail zurückgesetzt
event-email-changed = E-Mail-Adresse geändert in { $address }
event-new-browser = Anmeldung in einem noch nie gesehenen Browser
event-mail-undeliverable = Eine E-Mail an Sie konnte nicht zugestellt werden
event-passkey-added = Passkey hinzugefügt
event-passkey-removed = Passkey entfernt
event-passkey-used = Anmeldung mit einem Passkey
event-passkey-counter-regressed = Passkey abgelehnt (sein Zähler ging zurück, er ist vielleicht geklont)
event-group-added = Von einem Administrator zur Gruppe { $group } hinzugefügt
event-group-removed = Von einem Administrator aus der Gruppe { $group } entfernt
event-account-disabled = Konto von einem Administrator deaktiviert
event-account-enabled = Konto von einem Administrator wieder aktiviert

## Passkeys als einziger zweiter Faktor, und Bestätigen mit einem Schlüssel
step-up-passkey-text = Sie haben sich vor einer Weile angemeldet: Änderungen an Ihrem Passwort und Ihren zweiten Faktoren verlangen erneut einen zweiten Faktor. Geben Sie im Formular einen Code oder einen Backup-Code ein, oder bestätigen Sie einmal mit einem Ihrer Schlüssel.
step-up-passkey-button = Mit einem Passkey bestätigen
step-up-passkey-nojs = Das Bestätigen mit einem Passkey braucht JavaScript, das in diesem Browser ausgeschaltet ist; die Code-Felder funktionieren auch ohne.
security-factors-app = Ihr zweiter Faktor: eine Authentifizierungs-App.
security-factors-app-and-keys = { $count ->
    [one] Ihre zweiten Faktoren: eine Authentifizierungs-App und 1 Passkey oder Sicherheitsschlüssel.
   *[other] Ihre zweiten Faktoren: eine Authentifizierungs-App und { $count } Passkeys oder Sicherheitsschlüssel.
}
security-factors-keys = { $count ->
    [one] Ihr zweiter Faktor: 1 Passkey oder Sicherheitsschlüssel.
   *[other] Ihre zweiten Faktoren: { $count } Passkeys oder Sicherheitsschlüssel.
}
security-disable-text-keys-stay = Damit wird die Authentifizierungs-App entfernt. Ihre Passkeys und Sicherheitsschlüssel bleiben: Sie melden Sie weiter an und bleiben Ihr zweiter Schritt, und Ihre Backup-Codes gelten weiter. Bestätigen Sie mit Ihrem Passwort und einem Code aus Ihrer App (oder einem Backup-Code).
security-keys-only-text = Jede Anmeldung mit Ihrem Passwort verlangt einen Ihrer Passkeys oder Sicherheitsschlüssel (oder einen Backup-Code). Wenn Sie Ihren letzten Schlüssel entfernen, ist die Zwei-Faktor-Authentifizierung aus. Sie können auch eine Authentifizierungs-App hinzufügen: ein 6-stelliger Code auf Ihrem Telefon.
security-setup-app-button = Authentifizierungs-App einrichten
notice-passkey-stepped-up = Mit Ihrem Schlüssel bestätigt: In den nächsten Minuten brauchen Änderungen hier keinen Code.
notice-passkey-removed-two-factor-off = Der Schlüssel ist entfernt. Er war Ihr letzter zweiter Faktor, daher ist die Zwei-Faktor-Authentifizierung aus: Ihr Passwort allein meldet Sie an, Ihre Backup-Codes gelten nicht mehr und Ihre anderen Sitzungen wurden abgemeldet.

## Einmalanmeldung (OpenID Connect): die Zustimmungsseite, ihre Fehlerseite, verbundene Anwendungen
oidc-consent-title = { $client } zulassen?
oidc-consent-heading = Mit Ihrem Konto bei { $client } anmelden?
oidc-consent-lead = { $client } möchte Folgendes erfahren:
oidc-consent-note = Die Anwendung sieht nie Ihr Passwort oder Ihre Codes. Sie können sie jederzeit unter Einstellungen → Sicherheit → Verbundene Anwendungen trennen.
oidc-allow = Zulassen
oidc-deny = Ablehnen
oidc-scope-openid = Dass Sie hier angemeldet sind, mit einer Kennung für Ihr Konto (nicht Ihrem Benutzernamen).
oidc-scope-profile = Ihr Benutzername.
oidc-scope-email = Ihre bestätigte E-Mail-Adresse.
oidc-scope-groups = Die Gruppen, denen Ihr Konto angehört.
oidc-scope-offline = Verbunden bleiben, während Sie nicht da sind, bis Sie die Verbindung trennen.
oidc-error-title = Diese Anmeldeanfrage kann nicht verwendet werden
oidc-error-text = { $message } Gehen Sie zurück zur Anwendung und versuchen Sie es noch einmal; wenn das immer wieder passiert, wenden Sie sich an die Betreiber.
oidc-error-link = Zu Ihrem Konto
oidc-error-return-address = Die Rücksprungadresse der Anwendung ist nicht verwendbar.
oidc-error-malformed = Die Anfrage ist fehlerhaft (eine ungültige Escape-Sequenz oder Text, der kein UTF-8 ist).
oidc-error-form = Das Formular ist fehlerhaft.
oidc-error-no-decision = Das Formular gibt nicht an, ob Sie die Anwendung zulassen.
oidc-error-damaged = Die Anmeldeanfrage wurde unterwegs beschädigt.
oidc-error-too-long = Die Anfrage ist zu lang, um nach der Anmeldung zu ihr zurückzukehren.
oidc-error-client-repeated = Die Anfrage nennt ihre Anwendung (client_id) mehr als einmal.
oidc-error-no-client = Die Anfrage nennt ihre Anwendung (client_id) nicht.
oidc-error-unknown-client = Diese Anwendung ist bei diesem Dienst nicht registriert.
oidc-error-redirect-repeated = Die Anfrage nennt ihre Rücksprungadresse (redirect_uri) mehr als einmal.
oidc-error-no-redirect = Die Anfrage sagt nicht, wohin es zurückgehen soll (redirect_uri).
oidc-error-redirect-unknown = Die Adresse, zu der diese Anfrage zurückkehren will, ist für die Anwendung nicht registriert.
oidc-error-failed = Der Dienst konnte die Anwendung gerade nicht nachschlagen.
apps-heading = Verbundene Anwendungen
apps-text = Anwendungen, denen Sie erlaubt haben, Sie mit diesem Konto anzumelden. Wenn Sie eine trennen, werden Sie dort abgemeldet, und sie fragt beim nächsten Mal erneut.
apps-none = Noch keine Anwendungen.
apps-allowed = Zugelassen am { $when }
apps-may-learn = darf erfahren: { $scopes }
apps-disconnect = Trennen
notice-app-disconnected = Die Anwendung ist getrennt: Sie sind dort abgemeldet, und sie fragt Sie beim nächsten Mal erneut.

## Forward-Auth: was ein Reverse-Proxy bei einer Ablehnung zeigt
authz-header-repeated = { $header } wurde mehr als einmal gesendet.
authz-header-characters = { $header } enthält Zeichen, die eine URL nicht haben kann.
authz-header-missing = { $header } fehlt.
authz-bad-method = Die weitergeleitete Methode ist keine HTTP-Methode.
authz-url-not-absolute = Die ursprüngliche URL muss eine absolute http- oder https-URL sein.
authz-url-invalid = Die ursprüngliche URL ist keine URL.
authz-url-host = Die ursprüngliche URL muss einen Host und keinen Benutzer nennen.
authz-proto = X-Forwarded-Proto muss http oder https sein.
authz-host = X-Forwarded-Host ist kein Host.
authz-uri = X-Forwarded-Uri muss ein Pfad sein, der mit genau einem / beginnt.
authz-forbidden = Sie dürfen diese Seite nicht öffnen.
authz-sign-in = Melden Sie sich an (mit Ihrem zweiten Faktor, wenn die Seite ihn verlangt), um diese Seite zu öffnen.
authz-untrusted-proxy = Weitergeleiteten Headern wird nur von einer --trusted-proxy-Adresse geglaubt.

## Was passkeys.js sagt
passkey-js-cancelled = Die Passkey-Anfrage wurde abgebrochen oder ist abgelaufen. Versuchen Sie es erneut.
passkey-js-failed = Etwas ist schiefgegangen. Versuchen Sie es erneut.
passkey-js-server-answered = Der Server antwortete { $status }.
passkey-js-unsupported = Dieser Browser kann keine Passkeys oder Sicherheitsschlüssel verwenden.

## Browser
browser-on = { $browser } unter { $system }
browser-on-system = Ein Browser unter { $system }
browser-unknown = Unbekannter Browser
