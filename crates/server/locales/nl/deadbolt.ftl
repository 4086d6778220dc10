# Deadbolt in het Nederlands. Termen: "tweestapsverificatie", "back-upcode",
# "authenticatie-app", "Instellen"
# (Instellingen → Account → Beveiliging → Tweestapsverificatie → Instellen).

## Datums
datetime-pattern = %-d %B %Y, %H:%M UTC

## Alle pagina's
skip-to-content = Naar de inhoud
toolbar-label = Werkbalk
breadcrumb-label = Kruimelpad
language-menu-label = Taal
nav-account = Account
nav-settings = Instellingen
nav-security = Beveiliging
nav-sign-out = Afmelden
nav-log-in = Inloggen
nav-sign-up = Registreren
signed-in-as = Ingelogd als { $name }
footer-tagline = Deadbolt · inloggen met een wachtwoord en een eenmalige code
menu-overview = Overzicht
menu-recent-activity = Recente activiteit
two-factor-authentication = Tweestapsverificatie
backup-codes = Back-upcodes
status-on = Aan
status-off = Uit
action-continue = Doorgaan
action-cancel = Annuleren
action-later = Later
action-save = Opslaan
apps-any-totp = Elke andere app die op de open TOTP-standaard is gebaseerd werkt ook (1Password, Bitwarden, KeePassXC enz.).
backup-codes-low = { $count ->
    [0] U hebt geen back-upcodes meer.
    [one] Nog maar { $count } back-upcode over.
   *[other] Nog maar { $count } back-upcodes over.
}
backup-codes-left = { $count ->
    [one] Nog { $count } back-upcode over.
   *[other] Nog { $count } back-upcodes over.
}

## Velden
label-username = Gebruikersnaam
label-password = Wachtwoord
label-your-password = Uw wachtwoord
label-repeat-password = Herhaal het wachtwoord
label-current-password = Huidig wachtwoord
label-new-password = Nieuw wachtwoord
label-repeat-new-password = Herhaal het nieuwe wachtwoord
label-six-digit-code = Code van 6 cijfers
label-backup-code = Back-upcode
label-code-or-backup = Code van 6 cijfers of een back-upcode
label-current-app-code = Code van 6 cijfers uit uw huidige app, of een back-upcode
label-username-or-email = Gebruikersnaam of e-mailadres
label-new-email = Nieuw e-mailadres
hint-username = Letters, cijfers, punten, streepjes of liggende streepjes.
hint-new-password-long = Minstens 8 tekens. Een paar woorden die u onthoudt vormen een goed wachtwoord.
hint-new-password = Minstens 8 tekens.
hint-step-up = U bent een tijd geleden ingelogd: bevestig deze wijziging met uw tweede factor.

## /login
login-title = Inloggen
login-submit = Inloggen
login-passkey = Inloggen met een passkey
login-passkey-nojs = Inloggen met een passkey: daarvoor is JavaScript nodig, dat in deze browser uit staat.
login-forgot = Wachtwoord vergeten?
login-forgot-no-email = Wachtwoord vergeten? Herstel per e-mail is op deze server niet ingesteld: vraag het aan de beheerders.
login-new-here = Nieuw hier?
login-create-account = Een account aanmaken

## /signup
signup-title = Een account aanmaken
signup-lead = Kies een gebruikersnaam en een wachtwoord. Tweestapsverificatie kunt u meteen daarna toevoegen.
signup-submit = Account aanmaken
signup-have-account = Hebt u al een account?

## /login/2fa
second-factor-title = Voer uw code in
second-factor-lead = Voer de code van 6 cijfers uit uw authenticatie-app in.
second-factor-verify = Controleren
second-factor-lost-phone = Telefoon kwijt? Gebruik een back-upcode
second-factor-backup-hint = Een van de codes die u bewaarde toen u tweestapsverificatie instelde, bijvoorbeeld k7mq2-x9vtd. Elke code werkt één keer.
second-factor-backup-submit = Inloggen met een back-upcode
second-factor-passkey = Een passkey of beveiligingssleutel gebruiken
second-factor-passkey-nojs = Een passkey of beveiligingssleutel gebruiken: daarvoor is JavaScript nodig, dat in deze browser uit staat.
second-factor-cancel = Annuleren en met een ander account inloggen

## /account
account-title = Uw account
account-welcome = Welkom, { $name }
account-signed-in = U bent ingelogd bij Deadbolt.
account-every-login = Elke keer inloggen vraagt om een code van 6 cijfers uit uw authenticatie-app.
account-backup-way-back = Als u uw telefoon kwijtraakt, komt u er hiermee weer in: maak nieuwe aan in uw beveiligingsinstellingen.
account-manage = Beveiligingsinstellingen beheren
account-password-only = Uw account is alleen door uw wachtwoord beschermd. Voeg een tweede stap toe: een code van 6 cijfers uit een app op uw telefoon, zodat een gestolen wachtwoord niet genoeg is om binnen te komen.
account-find-later = U vindt het later ook via:

## Instellen
setup-title = Tweestapsverificatie instellen
setup-replacing = U koppelt een nieuw apparaat. Er is steeds maar één apparaat gekoppeld: zodra het nieuwe bevestigd is, werkt het oude niet meer. Tot dan blijft het oude werken.
setup-intro = Na uw wachtwoord vraagt elke keer inloggen om een code van 6 cijfers uit een app op uw telefoon of tablet. De code verandert elke 30 seconden.
setup-install-first = Installeer eerst een authenticatie-app
setup-confirm-you = Bevestig daarna dat u het bent
setup-open-app = Open uw authenticatie-app
setup-no-app-yet = Nog geen app? Installeer er een van deze:
setup-scan-title = Scan de QR-code
setup-scan-text = Kies in de app voor een account toevoegen en scan deze code. { $issuer } verschijnt in de app, samen met een code van 6 cijfers die elke 30 seconden verandert.
setup-qr-label = QR-code voor uw authenticatie-app
setup-on-phone = Op uw telefoon?
setup-open-in-app = Openen in de authenticatie-app
setup-cannot-scan = Lukt scannen niet? Typ dan deze sleutel in de app:
setup-fact-account = Account
setup-fact-type = Soort
setup-fact-type-value = Tijdgebaseerd (TOTP)
setup-fact-digits = Cijfers
setup-fact-interval = Interval
setup-fact-interval-value = 30 seconden
setup-fact-algorithm = Algoritme
setup-enter-code = Voer de code van 6 cijfers in
setup-enter-code-text = Typ de code die de app nu toont, om te bewijzen dat het apparaat werkt.
setup-previous-keeps-working = Uw vorige apparaat blijft tot dan werken.
setup-turn-on = Inschakelen
enabled-title = Tweestapsverificatie staat aan
enabled-linked = Uw apparaat is gekoppeld. Vanaf nu vraagt elke keer inloggen om de code van 6 cijfers uit uw app.
enabled-now-generate = Maak nu uw back-upcodes aan
enabled-generate-text = Als u uw telefoon kwijtraakt, kunt u met een back-upcode één keer inloggen. Maak ze nu aan en bewaar ze op een veilige plek. Nieuwe codes maken de vorige altijd ongeldig.
enabled-generate = Back-upcodes aanmaken

## Back-upcodes
codes-title = Uw back-upcodes
codes-just-enabled = Tweestapsverificatie staat aan. Vanaf nu vraagt elke keer inloggen om een code uit uw app.
codes-print-heading = Deadbolt-back-upcodes van { $name }.
codes-generated = Aangemaakt op { $when }.
codes-shown-once = Deze codes worden maar deze ene keer getoond. Bewaar ze nu: download ze, druk ze af of kopieer ze naar uw wachtwoordbeheerder.
codes-each-once = Als u geen toegang meer hebt tot uw authenticatie-app, kunt u met elke code één keer inloggen. Eerdere codes werken niet meer.
codes-download = Downloaden als .txt
codes-print = Gebruik de afdrukopdracht van uw browser om ze af te drukken.
codes-saved = Ik heb mijn codes bewaard — terug naar de beveiligingsinstellingen
codes-file-each-once = Met elke code kunt u één keer inloggen als u geen toegang meer hebt tot uw authenticatie-app.
codes-file-keep-safe = Nieuwe codes maken deze ongeldig. Bewaar dit bestand op een veilige plek.

## Beveiliging
security-title = Beveiligingsinstellingen
security-2fa-on-text = Elke keer inloggen vraagt om een code van 6 cijfers uit uw authenticatie-app. Er is steeds maar één apparaat aan uw account gekoppeld.
security-new-device = Een nieuw apparaat instellen
security-current-device-keeps = Uw huidige apparaat blijft werken tot het nieuwe met een code bevestigd is.
security-disable-summary = Tweestapsverificatie uitschakelen
security-disable-text = Zonder opent uw wachtwoord alleen uw account. Bevestig met uw wachtwoord en een code uit uw app (of een back-upcode).
security-disable-submit = Uitschakelen
security-2fa-off-text = Voeg een tweede stap toe aan het inloggen: een code van 6 cijfers uit een authenticatie-app op uw telefoon of tablet. Een gestolen wachtwoord alleen is dan niet genoeg om binnen te komen.
security-setup-unconfirmed = Er is een instelling begonnen maar niet met een code bevestigd, dus die is niet actief. Instellen begint opnieuw met een nieuwe QR-code.
security-setup-button = Instellen
security-backup-locked-out = Als u uw telefoon kwijtraakt, kunt u buitengesloten raken: maak nieuwe codes aan.
security-backup-unused = { $count ->
    [one] U hebt { $count } ongebruikte back-upcode.
   *[other] U hebt { $count } ongebruikte back-upcodes.
}
security-backup-text = Als u geen toegang meer hebt tot uw authenticatie-app, kunt u met elke back-upcode één keer inloggen. Nieuwe codes maken de vorige ongeldig.
security-backup-generate = Nieuwe codes aanmaken
security-backup-when-on = Met back-upcodes kunt u elk één keer inloggen als u uw telefoon kwijtraakt. Ze zijn beschikbaar zodra tweestapsverificatie aan staat.
passkeys-heading = Passkeys en beveiligingssleutels
passkeys-text = Een passkey (op dit apparaat, uw telefoon of in een wachtwoordbeheerder) of een beveiligingssleutel logt u in zonder wachtwoord als die uw pincode of vingerafdruk controleert, en dient als tweede stap na het wachtwoord. Voeg er meerdere toe: elk heeft een eigen naam en kan apart worden verwijderd.
passkeys-none = Nog geen sleutels.
passkeys-added = Toegevoegd op { $when }
passkeys-last-used = laatst gebruikt: { $when }
passkeys-never-used = nooit
passkeys-rename-or-remove = Hernoemen of verwijderen
passkeys-new-name = Nieuwe naam
passkeys-rename = Hernoemen
passkeys-remove = Deze sleutel verwijderen
passkeys-nojs = Voor het toevoegen van een passkey is JavaScript nodig, dat in deze browser uit staat: de browser praat zelf met de sleutel. Al het andere op deze pagina werkt zonder.
passkeys-name = Naam van de sleutel
passkeys-name-hint = Bijvoorbeeld "YubiKey" of "Laptop".
passkeys-add = Een passkey of beveiligingssleutel toevoegen
email-heading = E-mail
email-not-set-up = E-mail is op deze server niet ingesteld: er worden geen beveiligingsmeldingen verstuurd en een vergeten wachtwoord kan niet per e-mail worden hersteld.
email-goes-to = Beveiligingsmeldingen en links om het wachtwoord te herstellen gaan naar { $address }.
email-none-yet = Nog geen bevestigd adres. Voeg er een toe om te horen over wijzigingen aan uw account en om een vergeten wachtwoord per e-mail te herstellen.
email-send-link = Een bevestigingslink sturen
email-new-used-once = Het nieuwe adres wordt gebruikt zodra u de link opent die ernaartoe is gestuurd; het huidige krijgt bericht van de wijziging.
email-new-browser = Mij e-mailen als iemand inlogt vanuit een nooit eerder geziene browser
email-other-notices = De andere meldingen (wijzigingen aan tweestapsverificatie, back-upcodes, wachtwoordwijzigingen en -herstel, adreswijzigingen) gaan altijd.
password-change = Wachtwoord wijzigen
sessions-heading = Sessies
sessions-text = Waar uw account op dit moment is ingelogd.
sessions-this-browser = Deze browser
sessions-last-active = laatst actief: { $when }
sessions-active-now = nu actief
sessions-revoke = Intrekken
sessions-revoke-label = De sessie van { $device } intrekken
sessions-sign-out-others = Overal elders afmelden
activity-heading = Recente beveiligingsactiviteit
activity-none = Nog niets.
activity-footer = De tijden zijn in UTC. Iets wat u niet herkent? Wijzig uw wachtwoord en meld overal elders af.

## /enrol
enrol-title = Kies uw wachtwoord
enrol-lead = Er is een account { $name } voor u aangemaakt. Kies het wachtwoord en log daarna in.
enrol-submit = Wachtwoord instellen
enrol-ask-new-link = Vraag de beheerders van deze dienst om een nieuwe link.

## Herstellen en bevestigen
reset-title = Uw wachtwoord herstellen
reset-not-set-up = Wachtwoordherstel per e-mail is op deze server niet ingesteld. Vraag de beheerders om uw toegang te herstellen.
reset-sent = Als er een account overeenkomt met een bevestigd e-mailadres, is er een link onderweg om het wachtwoord te herstellen. Die werkt één keer, 30 minuten lang.
reset-no-letter = Na een paar minuten geen bericht? Kijk in de map met ongewenste e-mail, of vraag het opnieuw: zodra er een gebruikt is, telt alleen de nieuwste link.
reset-intro = Voer uw gebruikersnaam of het bevestigde e-mailadres van uw account in. We e-mailen een link om een nieuw wachtwoord te kiezen. Als uw account tweestapsverificatie heeft, hebt u ook een code uit uw app of een back-upcode nodig.
reset-submit = Stuur mij een link
reset-back-to-login = Terug naar inloggen
reset-confirm-title = Kies een nieuw wachtwoord
reset-confirm-sessions = Alle sessies van uw account worden afgemeld, en deze browser wordt ingelogd.
reset-confirm-keeps-2fa = Uw account heeft tweestapsverificatie: herstellen laat die aan staan.
reset-confirm-submit = Nieuw wachtwoord instellen
reset-ask-new-link = Een nieuwe link aanvragen
verify-title = Bevestig uw e-mailadres
verify-text = Bevestig om dit adres het adres van uw account te maken: beveiligingsmeldingen en links om het wachtwoord te herstellen gaan dan hierheen.
verify-submit = Dit adres bevestigen
verify-settings-link = Uw beveiligingsinstellingen

## Bevestigingen
notice-account-ready = Uw account is klaar.
notice-signed-out = U bent afgemeld.
notice-password-changed = Uw wachtwoord is gewijzigd. Alle andere sessies zijn afgemeld.
notice-two-factor-off = Tweestapsverificatie staat uit. Uw wachtwoord alleen opent nu uw account.
notice-app-removed-keys-remain = De authenticatie-app is verwijderd. Uw passkeys houden tweestapsverificatie aan, en uw back-upcodes blijven geldig.
notice-session-revoked = Die sessie is afgemeld.
notice-session-gone = Die sessie was al beëindigd.
notice-signed-out-others = Alle andere sessies zijn afgemeld.
notice-password-reset = Uw wachtwoord is hersteld. Alle andere sessies zijn afgemeld, en deze browser is ingelogd.
notice-email-sent = Er is een bevestigingslink onderweg naar het nieuwe adres. Open die om dat adres te gaan gebruiken.
notice-notifications-saved = Uw meldingsinstellingen zijn opgeslagen.
notice-passkey-added = De sleutel is toegevoegd. Vanaf nu kunt u er mee inloggen.
notice-passkey-renamed = De sleutel is hernoemd.
notice-passkey-removed = De sleutel is verwijderd: u kunt er niet meer mee inloggen.
enrol-done-title = Uw wachtwoord is ingesteld
enrol-done-text = Log in als { $name } met uw nieuwe wachtwoord.
signup-closed-title = Registreren is gesloten
action-sign-in = Inloggen
action-back-to-account = Terug naar uw account
action-back-to-security = Terug naar de beveiligingsinstellingen

## Formulierfouten
err-enter-username = Voer uw gebruikersnaam in.
err-enter-password = Voer uw wachtwoord in.
err-enter-password-continue = Voer uw wachtwoord in om door te gaan.
err-enter-current-password = Voer uw huidige wachtwoord in.
err-enter-username-or-email = Voer uw gebruikersnaam of e-mailadres in.
err-enter-new-email = Voer het nieuwe e-mailadres in.
err-enter-code-or-backup = Voer de code van 6 cijfers uit uw app in, of een van uw back-upcodes.
err-enter-backup-code = Voer een van uw back-upcodes in.
err-enter-app-code = Voer de code van 6 cijfers uit uw authenticatie-app in.
err-enter-code-from-app = Voer de code van 6 cijfers uit uw app in.
err-choose-username = Kies een gebruikersnaam.
err-choose-password = Kies een wachtwoord.
err-choose-new-password = Kies een nieuw wachtwoord.
err-passwords-differ = De twee wachtwoorden verschillen.
err-passwords-not-same = De twee wachtwoorden zijn niet gelijk. Typ het wachtwoord opnieuw.
err-new-passwords-differ = De twee nieuwe wachtwoorden zijn niet gelijk. Typ het nieuwe wachtwoord opnieuw.
err-username-taken-try = Deze gebruikersnaam is al in gebruik. Probeer een andere.
err-backup-code-wrong = Die back-upcode is ongeldig of al gebruikt. Elke code werkt één keer.
err-setup-code-wrong = Die code klopt niet. Controleer of de tijd op uw telefoon juist is en voer de code in die de app nu toont.
err-no-setup-waiting = Er wacht geen instelling op een code. Begin opnieuw met uw wachtwoord.
err-internal-title = Er ging iets mis
err-internal = Er ging aan onze kant iets mis. Probeer het opnieuw.
err-internal-page = Er ging aan onze kant iets mis en er is niets gewijzigd. Probeer het zo meteen opnieuw.

## Fouten van de regels
err-invalid-credentials = De gebruikersnaam of het wachtwoord klopt niet.
err-wrong-password = Het wachtwoord klopt niet.
err-username-taken = Deze gebruikersnaam is al in gebruik.
err-wrong-code = Die code klopt niet. Controleer uw authenticatie-app en probeer het opnieuw.
err-code-reused = Die code is al gebruikt. Wacht op de volgende code in uw app.
err-throttled = { $count ->
    [one] Te veel pogingen. Probeer het over { $count } minuut opnieuw.
   *[other] Te veel pogingen. Probeer het over { $count } minuten opnieuw.
}
err-no-pending-setup = Er is geen instelling van tweestapsverificatie om te bevestigen. Begin het instellen opnieuw.
err-setup-expired = Deze instelling is verlopen na 15 minuten zonder code. Begin het instellen opnieuw.
err-step-up-required = Voer ter bevestiging van deze wijziging ook een code uit uw authenticatie-app (of een back-upcode) in.
err-two-factor-not-enabled = Tweestapsverificatie staat niet aan.
err-email-not-configured = E-mail is op deze server niet ingesteld, dus dit kan niet per e-mail. Vraag het aan de beheerders.
err-invalid-token = Deze link is ongeldig: hij is misschien verlopen of al gebruikt. Vraag een nieuwe aan.
err-email-taken = Een ander account gebruikt dit e-mailadres.
err-second-factor-required = Dit account heeft tweestapsverificatie: voer ook een code uit uw authenticatie-app of een back-upcode in.
err-passkey-refused = Deze passkey of beveiligingssleutel is niet geaccepteerd.
err-passkey-ceremony-gone = Dit passkey-verzoek is verlopen of al gebruikt. Probeer het opnieuw.
err-no-passkey = Voor dit account is geen passkey of beveiligingssleutel geregistreerd.
err-passkeys-unavailable = Passkeys zijn op deze server niet beschikbaar (het openbare adres heeft geen hostnaam die browsers accepteren).
err-not-found = Niet gevonden.
err-account-disabled = Dit account is uitgeschakeld. Vraag het aan de beheerders van deze dienst.
err-signup-closed = Registreren is op deze server gesloten: vraag de beheerders om een uitnodigingslink.
err-password-nul = Het wachtwoord mag geen NUL-teken bevatten.
err-password-too-short = { $count ->
    [one] Gebruik minstens { $count } teken.
   *[other] Gebruik minstens { $count } tekens.
}
err-password-too-long = { $count ->
    [one] Gebruik hoogstens { $count } teken.
   *[other] Gebruik hoogstens { $count } tekens.
}
err-password-common = Dit wachtwoord is een van de meest gebruikte; kies er een dat moeilijker te raden is.
err-password-context = Het wachtwoord mag niet gebouwd zijn op { $word }; kies er een dat niets met dit account of deze dienst te maken heeft.
err-username-too-long = { $count ->
    [one] Gebruik hoogstens { $count } teken voor de gebruikersnaam.
   *[other] Gebruik hoogstens { $count } tekens voor de gebruikersnaam.
}
err-username-characters = Een gebruikersnaam mag alleen letters, cijfers, '.', '_' en '-' bevatten.
err-username-one-script = Een gebruikersnaam mag de letters van maar één alfabet gebruiken (Latijns, Cyrillisch, Grieks enz.), geen mengeling.
err-enter-email = Voer een e-mailadres in.
err-email-too-long = Dit e-mailadres is te lang (hoogstens 254 tekens).
err-email-spaces = Een e-mailadres mag geen spaties of regeleinden bevatten.
err-email-invalid = Dit is geen geldig e-mailadres (naam@voorbeeld.nl).
err-email-domain = Gebruik een adres bij een domeinnaam (naam@voorbeeld.nl), niet bij een lokale host of een IP-adres.
err-email-same = Dit is al uw adres.
err-passkey-response = Dit is geen antwoord van een passkey.
err-passkey-registered = Deze sleutel is al geregistreerd.
err-passkey-name = { $count ->
    [one] Geef de sleutel een naam van 1 tot { $count } teken.
   *[other] Geef de sleutel een naam van 1 tot { $count } tekens.
}

## Eigen fouten van de JSON-API
api-unauthenticated = U bent niet ingelogd.
api-no-pending-login = Er wacht geen inlogpoging op een code. Log eerst in met uw wachtwoord.
api-cross-site = Verzoeken vanaf andere sites zijn niet toegestaan.
api-not-found = Op dit adres is niets te vinden.
api-too-large = De inhoud van het verzoek is te groot (hoogstens 16 KiB).
api-unsupported-media-type = Stuur de inhoud van het verzoek als JSON met Content-Type: application/json.
api-unreadable-body = De inhoud van het verzoek kon niet worden gelezen.
api-nul-character = Het verzoek mag geen NUL-tekens bevatten.
api-body-mismatch = De inhoud van het verzoek past niet bij dit eindpunt: { $detail }.
api-wrong-type = De inhoud van het verzoek heeft een veld van het verkeerde type.
api-not-json = De inhoud van het verzoek is geen geldige JSON.
api-code-or-backup-code = Stuur "code" of "backup_code", niet allebei.
api-username-or-email = Stuur "username" of "email", niet allebei.

## Recente beveiligingsactiviteit
event-signed-up = Account aangemaakt
event-sign-in-app-code = Ingelogd met wachtwoord en code uit de authenticatie-app
event-sign-in-backup-code = Ingelogd met wachtwoord en een back-upcode
event-sign-in-password = Ingelogd met wachtwoord
event-wrong-password-settings = Verkeerd wachtwoord ingevoerd in de beveiligingsinstellingen
event-wrong-password-login = Mislukte inlogpoging: verkeerd wachtwoord
event-wrong-code = Verkeerde code voor tweestapsverificatie ingevoerd
event-code-entry-paused = Te veel verkeerde codes: code invoeren gepauzeerd
event-code-replay-refused = Een al gebruikte code is geweigerd
event-two-factor-on = Tweestapsverificatie ingeschakeld
event-two-factor-off = Tweestapsverificatie uitgeschakeld
event-app-removed-keys-remain = Authenticatie-app verwijderd (passkeys houden tweestapsverificatie aan)
event-two-factor-reset = Tweestapsverificatie verwijderd door een beheerder
event-backup-codes-generated = Nieuwe back-upcodes aangemaakt
event-backup-code-used = { $count ->
    [one] Back-upcode gebruikt (nog { $count } over)
   *[other] Back-upcode gebruikt (nog { $count } over)
}
event-password-changed = Wachtwoord gewijzigd
event-password-reset = Wachtwoord hersteld per e-mail
event-email-changed = E-mailadres gewijzigd in { $address }
event-new-browser = Ingelogd vanuit een nooit eerder geziene browser
event-mail-undeliverable = Een e-mail aan u kon niet worden bezorgd
event-passkey-added = Passkey toegevoegd
event-passkey-removed = Passkey verwijderd
event-passkey-used = Ingelogd met een passkey
event-passkey-counter-regressed = Passkey geweigerd (de teller ging terug, misschien is hij gekloond)
event-group-added = Door een beheerder aan de groep { $group } toegevoegd
event-group-removed = Door een beheerder uit de groep { $group } verwijderd
event-account-disabled = Account uitgeschakeld door een beheerder
event-account-enabled = Account weer ingeschakeld door een beheerder

## Passkeys als enige tweede stap, en bevestigen met een sleutel
step-up-passkey-text = U bent een tijd geleden ingelogd: wijzigingen aan uw wachtwoord en tweede stappen vragen opnieuw om een tweede stap. Typ een code of een back-upcode in het formulier, of bevestig één keer met een van uw sleutels.
step-up-passkey-button = Bevestigen met een passkey
step-up-passkey-nojs = Bevestigen met een passkey heeft JavaScript nodig, dat in deze browser uit staat; de codevelden werken zonder.
security-factors-app = Uw tweede stap: een authenticatie-app.
security-factors-app-and-keys = { $count ->
    [one] Uw tweede stappen: een authenticatie-app en 1 passkey of beveiligingssleutel.
   *[other] Uw tweede stappen: een authenticatie-app en { $count } passkeys of beveiligingssleutels.
}
security-factors-keys = { $count ->
    [one] Uw tweede stap: 1 passkey of beveiligingssleutel.
   *[other] Uw tweede stappen: { $count } passkeys of beveiligingssleutels.
}
security-disable-text-keys-stay = Dit verwijdert de authenticatie-app. Uw passkeys en beveiligingssleutels blijven: ze loggen u nog steeds in en blijven uw tweede stap, en uw back-upcodes blijven geldig. Bevestig met uw wachtwoord en een code uit uw app (of een back-upcode).
security-keys-only-text = Elke keer inloggen met uw wachtwoord vraagt om een van uw passkeys of beveiligingssleutels (of een back-upcode). Als u uw laatste sleutel verwijdert, staat tweestapsverificatie uit. U kunt ook een authenticatie-app toevoegen: een code van 6 cijfers op uw telefoon.
security-setup-app-button = Een authenticatie-app instellen
notice-passkey-stepped-up = Bevestigd met uw sleutel: de komende minuten vragen wijzigingen hier geen code.
notice-passkey-removed-two-factor-off = De sleutel is verwijderd. Het was uw laatste tweede stap, dus tweestapsverificatie staat uit: uw wachtwoord alleen logt u in, uw back-upcodes werken niet meer en uw andere sessies zijn uitgelogd.

## Eenmalige aanmelding (OpenID Connect): de toestemmingspagina, de foutpagina daarvan, gekoppelde applicaties
oidc-consent-title = { $client } toestaan?
oidc-consent-heading = Met uw account inloggen bij { $client }?
oidc-consent-lead = { $client } wil het volgende weten:
oidc-consent-note = De applicatie ziet nooit uw wachtwoord of uw codes. U kunt haar altijd ontkoppelen via Instellingen → Beveiliging → Gekoppelde applicaties.
oidc-allow = Toestaan
oidc-deny = Weigeren
oidc-scope-openid = Dat u hier bent ingelogd, met een kenmerk voor uw account (niet uw gebruikersnaam).
oidc-scope-profile = Uw gebruikersnaam.
oidc-scope-email = Uw bevestigde e-mailadres.
oidc-scope-groups = De groepen waarvan uw account lid is.
oidc-scope-offline = Verbonden blijven terwijl u weg bent, totdat u haar ontkoppelt.
oidc-error-title = Dit inlogverzoek kan niet worden gebruikt
oidc-error-text = { $message } Ga terug naar de applicatie en probeer het opnieuw; blijft dit gebeuren, laat het dan weten aan wie de applicatie beheert.
oidc-error-link = Naar uw account
oidc-error-return-address = Het terugkeeradres van de applicatie is niet bruikbaar.
oidc-error-malformed = Het verzoek is ongeldig opgebouwd (een foute escape of tekst die geen UTF-8 is).
oidc-error-form = Het formulier is ongeldig opgebouwd.
oidc-error-no-decision = Het formulier geeft niet aan of u de applicatie toestaat.
oidc-error-damaged = Het inlogverzoek is onderweg beschadigd.
oidc-error-too-long = Het verzoek is te lang om er na het inloggen naar terug te keren.
oidc-error-client-repeated = Het verzoek noemt zijn applicatie (client_id) meer dan eens.
oidc-error-no-client = Het verzoek noemt zijn applicatie (client_id) niet.
oidc-error-unknown-client = Deze applicatie is niet bij deze dienst geregistreerd.
oidc-error-redirect-repeated = Het verzoek geeft zijn terugkeeradres (redirect_uri) meer dan eens.
oidc-error-no-redirect = Het verzoek zegt niet waarheen het terug moet (redirect_uri).
oidc-error-redirect-unknown = Het adres waar dit verzoek naar terug wil, is niet voor de applicatie geregistreerd.
oidc-error-failed = De dienst kon de applicatie op dit moment niet opzoeken.
apps-heading = Gekoppelde applicaties
apps-text = Applicaties die u hebt toegestaan u met dit account in te loggen. Als u er een ontkoppelt, wordt u daar afgemeld en vraagt die het de volgende keer opnieuw.
apps-none = Nog geen applicaties.
apps-allowed = Toegestaan op { $when }
apps-may-learn = mag weten: { $scopes }
apps-disconnect = Ontkoppelen
notice-app-disconnected = De applicatie is ontkoppeld: u bent daar afgemeld en ze vraagt het u opnieuw.

## Forward-auth: wat een reverse proxy toont als de toegang wordt geweigerd
authz-header-repeated = { $header } is meer dan eens verstuurd.
authz-header-characters = { $header } bevat tekens die een URL niet kan hebben.
authz-header-missing = { $header } ontbreekt.
authz-bad-method = De doorgestuurde methode is geen HTTP-methode.
authz-url-not-absolute = De oorspronkelijke URL moet een absolute http- of https-URL zijn.
authz-url-invalid = De oorspronkelijke URL is geen URL.
authz-url-host = De oorspronkelijke URL moet een host noemen en geen gebruiker.
authz-proto = X-Forwarded-Proto moet http of https zijn.
authz-host = X-Forwarded-Host is geen host.
authz-uri = X-Forwarded-Uri moet een pad zijn dat met precies één / begint.
authz-forbidden = U mag deze pagina niet openen.
authz-sign-in = Log in (met uw tweede factor als de pagina daarom vraagt) om deze pagina te openen.
authz-untrusted-proxy = Doorgestuurde headers worden alleen geloofd van een --trusted-proxy-adres.

## Wat passkeys.js zegt
passkey-js-cancelled = Het passkey-verzoek is geannuleerd of verlopen. Probeer het opnieuw.
passkey-js-failed = Er ging iets mis. Probeer het opnieuw.
passkey-js-server-answered = De server antwoordde { $status }.
passkey-js-unsupported = Deze browser kan geen passkeys of beveiligingssleutels gebruiken.

## Browser
browser-on = { $browser } op { $system }
browser-on-system = Een browser op { $system }
browser-unknown = Onbekende browser
