# Deadbolt på svenska. Termer: "tvåfaktorsautentisering", "reservkod",
# "autentiseringsapp", "Konfigurera"
# (Inställningar → Konto → Säkerhet → Tvåfaktorsautentisering → Konfigurera).

## Datum
datetime-pattern = %-d %B %Y, %H:%M UTC

## Alla sidor
skip-to-content = Hoppa till innehållet
toolbar-label = Verktygsfält
breadcrumb-label = Brödsmulor
language-menu-label = Språk
nav-account = Konto
nav-settings = Inställningar
nav-security = Säkerhet
nav-sign-out = Logga ut
nav-log-in = Logga in
nav-sign-up = Registrera dig
signed-in-as = Inloggad som { $name }
footer-tagline = Deadbolt · inloggning med lösenord och engångskod
menu-overview = Översikt
menu-recent-activity = Senaste aktivitet
two-factor-authentication = Tvåfaktorsautentisering
backup-codes = Reservkoder
status-on = På
status-off = Av
action-continue = Fortsätt
action-cancel = Avbryt
action-later = Senare
action-save = Spara
apps-any-totp = Alla andra appar som bygger på den öppna TOTP-standarden fungerar också (1Password, Bitwarden, KeePassXC m.fl.).
backup-codes-low = { $count ->
    [0] Du har inga reservkoder kvar.
    [one] Bara { $count } reservkod kvar.
   *[other] Bara { $count } reservkoder kvar.
}
backup-codes-left = { $count ->
    [one] { $count } reservkod kvar.
   *[other] { $count } reservkoder kvar.
}

## Fält
label-username = Användarnamn
label-password = Lösenord
label-your-password = Ditt lösenord
label-repeat-password = Upprepa lösenordet
label-current-password = Nuvarande lösenord
label-new-password = Nytt lösenord
label-repeat-new-password = Upprepa det nya lösenordet
label-six-digit-code = Sexsiffrig kod
label-backup-code = Reservkod
label-code-or-backup = Sexsiffrig kod eller en reservkod
label-current-app-code = Sexsiffrig kod från din nuvarande app, eller en reservkod
label-username-or-email = Användarnamn eller e-postadress
label-new-email = Ny e-postadress
hint-username = Bokstäver, siffror, punkter, bindestreck eller understreck.
hint-new-password-long = Minst 8 tecken. Några ord som du kommer ihåg blir ett bra lösenord.
hint-new-password = Minst 8 tecken.
hint-step-up = Du loggade in för en stund sedan: bekräfta ändringen med din andra faktor.

## /login
login-title = Logga in
login-submit = Logga in
login-passkey = Logga in med en nyckel
login-passkey-nojs = Logga in med en nyckel: kräver JavaScript, som är avstängt i den här webbläsaren.
login-forgot = Glömt lösenordet?
login-forgot-no-email = Glömt lösenordet? Återställning via e-post är inte konfigurerad på den här servern: fråga de som driver den.
login-new-here = Ny här?
login-create-account = Skapa ett konto

## /signup
signup-title = Skapa ett konto
signup-lead = Välj ett användarnamn och ett lösenord. Du kan lägga till tvåfaktorsautentisering direkt efteråt.
signup-submit = Skapa konto
signup-have-account = Har du redan ett konto?

## /login/2fa
second-factor-title = Ange din kod
second-factor-lead = Ange den sexsiffriga koden från din autentiseringsapp.
second-factor-verify = Verifiera
second-factor-lost-phone = Tappat bort telefonen? Använd en reservkod
second-factor-backup-hint = En av koderna du sparade när du konfigurerade tvåfaktorsautentisering, till exempel k7mq2-x9vtd. Varje kod fungerar en gång.
second-factor-backup-submit = Logga in med en reservkod
second-factor-passkey = Använd en nyckel eller säkerhetsnyckel
second-factor-passkey-nojs = Använd en nyckel eller säkerhetsnyckel: kräver JavaScript, som är avstängt i den här webbläsaren.
second-factor-cancel = Avbryt och logga in som någon annan

## /account
account-title = Ditt konto
account-welcome = Välkommen, { $name }
account-signed-in = Du är inloggad i Deadbolt.
account-every-login = Varje inloggning kräver en sexsiffrig kod från din autentiseringsapp.
account-backup-way-back = Om du tappar bort telefonen är de din väg tillbaka in: skapa nya i dina säkerhetsinställningar.
account-manage = Hantera säkerhetsinställningar
account-password-only = Ditt konto skyddas bara av ditt lösenord. Lägg till ett andra steg: en sexsiffrig kod från en app i telefonen, så att ett stulet lösenord inte räcker för att komma in.
account-find-later = Du hittar det också senare under:

## Konfigurera
setup-title = Konfigurera tvåfaktorsautentisering
setup-replacing = Du kopplar en ny enhet. Bara en enhet är kopplad åt gången: när den nya är bekräftad slutar den gamla att fungera. Tills dess fungerar den gamla.
setup-intro = Efter lösenordet kommer varje inloggning att kräva en sexsiffrig kod från en app i din telefon eller surfplatta. Koden byts var 30:e sekund.
setup-install-first = Installera först en autentiseringsapp
setup-confirm-you = Bekräfta sedan att det är du
setup-open-app = Öppna din autentiseringsapp
setup-no-app-yet = Ingen app ännu? Installera en av dessa:
setup-scan-title = Skanna QR-koden
setup-scan-text = Välj att lägga till ett konto i appen och skanna den här koden. { $issuer } visas i appen, tillsammans med en sexsiffrig kod som byts var 30:e sekund.
setup-qr-label = QR-kod för din autentiseringsapp
setup-on-phone = På telefonen?
setup-open-in-app = Öppna i autentiseringsappen
setup-cannot-scan = Går det inte att skanna? Skriv in den här nyckeln i appen i stället:
setup-fact-account = Konto
setup-fact-type = Typ
setup-fact-type-value = Tidsbaserad (TOTP)
setup-fact-digits = Siffror
setup-fact-interval = Intervall
setup-fact-interval-value = 30 sekunder
setup-fact-algorithm = Algoritm
setup-enter-code = Ange den sexsiffriga koden
setup-enter-code-text = Skriv koden som appen visar nu, för att visa att enheten fungerar.
setup-previous-keeps-working = Din tidigare enhet fungerar fram till dess.
setup-turn-on = Slå på
enabled-title = Tvåfaktorsautentisering är på
enabled-linked = Din enhet är kopplad. Från och med nu kräver varje inloggning den sexsiffriga koden från din app.
enabled-now-generate = Skapa nu dina reservkoder
enabled-generate-text = Om du tappar bort telefonen kan du logga in en gång med en reservkod. Skapa dem nu och förvara dem säkert. Nya koder gör alltid de tidigare ogiltiga.
enabled-generate = Skapa reservkoder

## Reservkoder
codes-title = Dina reservkoder
codes-just-enabled = Tvåfaktorsautentisering är på. Från och med nu kräver varje inloggning en kod från din app.
codes-print-heading = Deadbolts reservkoder för { $name }.
codes-generated = Skapade { $when }.
codes-shown-once = De här koderna visas bara den här gången. Spara dem nu: ladda ner dem, skriv ut dem eller kopiera dem till din lösenordshanterare.
codes-each-once = Om du förlorar åtkomsten till din autentiseringsapp kan du logga in en gång med varje kod. Tidigare koder fungerar inte längre.
codes-download = Ladda ner som .txt
codes-print = Använd webbläsarens utskriftskommando för att skriva ut dem.
codes-saved = Jag har sparat mina koder – tillbaka till säkerhetsinställningarna
codes-file-each-once = Med varje kod kan du logga in en gång om du förlorar åtkomsten till din autentiseringsapp.
codes-file-keep-safe = Nya koder gör de här ogiltiga. Förvara filen säkert.

## Säkerhet
security-title = Säkerhetsinställningar
security-2fa-on-text = Varje inloggning kräver en sexsiffrig kod från din autentiseringsapp. Bara en enhet är kopplad till ditt konto åt gången.
security-new-device = Konfigurera en ny enhet
security-current-device-keeps = Din nuvarande enhet fungerar tills den nya har bekräftats med en kod.
security-disable-summary = Stäng av tvåfaktorsautentisering
security-disable-text = Utan den öppnar ditt lösenord ensamt ditt konto. Bekräfta med ditt lösenord och en kod från din app (eller en reservkod).
security-disable-submit = Stäng av
security-2fa-off-text = Lägg till ett andra steg i inloggningen: en sexsiffrig kod från en autentiseringsapp i din telefon eller surfplatta. Då räcker inte ett stulet lösenord ensamt för att komma in.
security-setup-unconfirmed = En konfiguration påbörjades men bekräftades inte med en kod, så den är inte aktiv. Konfigurera börjar om med en ny QR-kod.
security-setup-button = Konfigurera
security-backup-locked-out = Om du tappar bort telefonen kan du bli utelåst: skapa nya koder.
security-backup-unused = { $count ->
    [one] Du har { $count } oanvänd reservkod.
   *[other] Du har { $count } oanvända reservkoder.
}
security-backup-text = Om du förlorar åtkomsten till din autentiseringsapp kan du logga in en gång med varje reservkod. Nya koder gör de tidigare ogiltiga.
security-backup-generate = Skapa nya koder
security-backup-when-on = Med reservkoder kan du logga in en gång var om du tappar bort telefonen. De finns när tvåfaktorsautentisering är på.
passkeys-heading = Nycklar och säkerhetsnycklar
passkeys-text = En nyckel (på den här enheten, i telefonen eller i en lösenordshanterare) eller en säkerhetsnyckel loggar in dig utan lösenord när den kontrollerar din pinkod eller ditt fingeravtryck, och fungerar som andra steg efter lösenordet. Lägg till flera: var och en har sitt eget namn och kan tas bort för sig.
passkeys-none = Inga nycklar ännu.
passkeys-added = Tillagd { $when }
passkeys-last-used = senast använd { $when }
passkeys-never-used = aldrig
passkeys-rename-or-remove = Byt namn eller ta bort
passkeys-new-name = Nytt namn
passkeys-rename = Byt namn
passkeys-remove = Ta bort den här nyckeln
passkeys-nojs = För att lägga till en nyckel krävs JavaScript, som är avstängt i den här webbläsaren: det är webbläsaren själv som talar med nyckeln. Allt annat på sidan fungerar utan.
passkeys-name = Nyckelns namn
passkeys-name-hint = Till exempel "YubiKey" eller "Laptop".
passkeys-add = Lägg till en nyckel eller säkerhetsnyckel
email-heading = E-post
email-not-set-up = E-post är inte konfigurerad på den här servern: inga säkerhetsmeddelanden skickas, och ett glömt lösenord kan inte återställas via e-post.
email-goes-to = Säkerhetsmeddelanden och länkar för att återställa lösenordet går till { $address }.
email-none-yet = Ingen bekräftad adress ännu. Lägg till en för att få veta om ändringar i ditt konto och för att kunna återställa ett glömt lösenord via e-post.
email-send-link = Skicka en bekräftelselänk
email-new-used-once = Den nya adressen används när du öppnar länken som skickas dit; den nuvarande får veta om ändringen.
email-new-browser = Mejla mig när någon loggar in från en webbläsare som inte setts förut
email-other-notices = De andra meddelandena (ändringar av tvåfaktorsautentisering, reservkoder, lösenordsändringar och återställningar, adressändringar) skickas alltid.
password-change = Byt lösenord
sessions-heading = Sessioner
sessions-text = Var ditt konto är inloggat just nu.
sessions-this-browser = Den här webbläsaren
sessions-last-active = senast aktiv { $when }
sessions-active-now = aktiv nu
sessions-revoke = Återkalla
sessions-revoke-label = Återkalla sessionen för { $device }
sessions-sign-out-others = Logga ut överallt annars
activity-heading = Senaste säkerhetsaktivitet
activity-none = Inget ännu.
activity-footer = Tiderna anges i UTC. Något du inte känner igen? Byt lösenord och logga ut överallt annars.

## /enrol
enrol-title = Välj ditt lösenord
enrol-lead = Ett konto { $name } har skapats åt dig. Välj dess lösenord och logga sedan in.
enrol-submit = Ange lösenordet
enrol-ask-new-link = Be de som driver tjänsten om en ny länk.

## Återställning och bekräftelse
reset-title = Återställ ditt lösenord
reset-not-set-up = Återställning av lösenord via e-post är inte konfigurerad på den här servern. Be de som driver den att återställa din åtkomst.
reset-sent = Om ett konto matchar och har en bekräftad e-postadress är en länk för att återställa lösenordet på väg. Den fungerar en gång, i 30 minuter.
reset-no-letter = Inget brev efter några minuter? Titta i skräppostmappen eller fråga igen: när en har använts gäller bara den senaste länken.
reset-intro = Ange ditt användarnamn eller kontots bekräftade e-postadress. Vi mejlar en länk där du väljer ett nytt lösenord. Om ditt konto har tvåfaktorsautentisering behöver du också en kod från din app eller en reservkod.
reset-submit = Mejla mig en länk
reset-back-to-login = Tillbaka till inloggningen
reset-confirm-title = Välj ett nytt lösenord
reset-confirm-sessions = Alla sessioner för ditt konto loggas ut, och den här webbläsaren loggas in.
reset-confirm-keeps-2fa = Ditt konto har tvåfaktorsautentisering: en återställning låter den vara på.
reset-confirm-submit = Ange det nya lösenordet
reset-ask-new-link = Be om en ny länk
verify-title = Bekräfta din e-postadress
verify-text = Bekräfta för att göra den här adressen till ditt kontos: säkerhetsmeddelanden och länkar för att återställa lösenordet skickas dit.
verify-submit = Bekräfta den här adressen
verify-settings-link = Dina säkerhetsinställningar

## Bekräftelser
notice-account-ready = Ditt konto är klart.
notice-signed-out = Du är utloggad.
notice-password-changed = Ditt lösenord är bytt. Alla andra sessioner har loggats ut.
notice-two-factor-off = Tvåfaktorsautentisering är av. Ditt lösenord ensamt öppnar nu ditt konto.
notice-app-removed-keys-remain = Autentiseringsappen är borttagen. Dina nycklar håller tvåfaktorsautentiseringen på, och dina reservkoder fungerar fortfarande.
notice-session-revoked = Den sessionen är utloggad.
notice-session-gone = Den sessionen hade redan avslutats.
notice-signed-out-others = Alla andra sessioner är utloggade.
notice-password-reset = Ditt lösenord är återställt. Alla andra sessioner har loggats ut, och den här webbläsaren är inloggad.
notice-email-sent = En bekräftelselänk är på väg till den nya adressen. Öppna den för att börja använda adressen.
notice-notifications-saved = Dina meddelandeinställningar är sparade.
notice-passkey-added = Nyckeln är tillagd. Från och med nu kan du logga in med den.
notice-passkey-renamed = Nyckeln har bytt namn.
notice-passkey-removed = Nyckeln är borttagen: den loggar inte längre in dig.
enrol-done-title = Ditt lösenord är angivet
enrol-done-text = Logga in som { $name } med ditt nya lösenord.
signup-closed-title = Registreringen är stängd
action-sign-in = Logga in
action-back-to-account = Tillbaka till ditt konto
action-back-to-security = Tillbaka till säkerhetsinställningarna

## Formulärfel
err-enter-username = Ange ditt användarnamn.
err-enter-password = Ange ditt lösenord.
err-enter-password-continue = Ange ditt lösenord för att fortsätta.
err-enter-current-password = Ange ditt nuvarande lösenord.
err-enter-username-or-email = Ange ditt användarnamn eller din e-postadress.
err-enter-new-email = Ange den nya e-postadressen.
err-enter-code-or-backup = Ange den sexsiffriga koden från din app eller en av dina reservkoder.
err-enter-backup-code = Ange en av dina reservkoder.
err-enter-app-code = Ange den sexsiffriga koden från din autentiseringsapp.
err-enter-code-from-app = Ange den sexsiffriga koden från din app.
err-choose-username = Välj ett användarnamn.
err-choose-password = Välj ett lösenord.
err-choose-new-password = Välj ett nytt lösenord.
err-passwords-differ = De två lösenorden skiljer sig åt.
err-passwords-not-same = De två lösenorden är inte likadana. Skriv lösenordet igen.
err-new-passwords-differ = De två nya lösenorden är inte likadana. Skriv det nya lösenordet igen.
err-username-taken-try = Användarnamnet är redan upptaget. Prova ett annat.
err-backup-code-wrong = Reservkoden är ogiltig eller redan använd. Varje kod fungerar en gång.
err-setup-code-wrong = Koden är inte rätt. Kontrollera att tiden i telefonen stämmer och ange koden som appen visar nu.
err-no-setup-waiting = Ingen konfiguration väntar på en kod. Börja om med ditt lösenord.
err-internal-title = Något gick fel
err-internal = Något gick fel hos oss. Försök igen.
err-internal-page = Något gick fel hos oss och inget ändrades. Försök igen om en stund.

## Reglernas fel
err-invalid-credentials = Användarnamnet eller lösenordet är fel.
err-wrong-password = Lösenordet är fel.
err-username-taken = Användarnamnet är redan upptaget.
err-wrong-code = Koden är inte rätt. Kontrollera din autentiseringsapp och försök igen.
err-code-reused = Koden har redan använts. Vänta på nästa kod i din app.
err-throttled = { $count ->
    [one] För många försök. Försök igen om { $count } minut.
   *[other] För många försök. Försök igen om { $count } minuter.
}
err-no-pending-setup = Det finns ingen konfiguration av tvåfaktorsautentisering att bekräfta. Börja om konfigurationen.
err-setup-expired = Konfigurationen gick ut efter 15 minuter utan kod. Börja om konfigurationen.
err-step-up-required = Bekräfta ändringen genom att också ange en kod från din autentiseringsapp (eller en reservkod).
err-two-factor-not-enabled = Tvåfaktorsautentisering är inte på.
err-email-not-configured = E-post är inte konfigurerad på den här servern, så det här går inte att göra via e-post. Fråga de som driver den.
err-invalid-token = Länken är ogiltig: den kan ha gått ut eller redan använts. Be om en ny.
err-email-taken = Ett annat konto använder den här e-postadressen.
err-second-factor-required = Kontot har tvåfaktorsautentisering: ange också en kod från din autentiseringsapp eller en reservkod.
err-passkey-refused = Nyckeln eller säkerhetsnyckeln godtogs inte.
err-passkey-ceremony-gone = Nyckelförfrågan har gått ut eller redan använts. Försök igen.
err-no-passkey = Ingen nyckel eller säkerhetsnyckel är registrerad för kontot.
err-passkeys-unavailable = Nycklar är inte tillgängliga på den här servern (dess publika adress har inget värdnamn som webbläsare godtar).
err-not-found = Hittades inte.
err-account-disabled = Kontot är avstängt. Fråga de som driver tjänsten.
err-signup-closed = Registreringen är stängd på den här servern: be de som driver den om en inbjudningslänk.
err-password-nul = Lösenordet får inte innehålla ett NUL-tecken.
err-password-too-short = { $count ->
    [one] Använd minst { $count } tecken.
   *[other] Använd minst { $count } tecken.
}
err-password-too-long = { $count ->
    [one] Använd högst { $count } tecken.
   *[other] Använd högst { $count } tecken.
}
err-password-common = Lösenordet är ett av de vanligaste; välj ett som är svårare att gissa.
err-password-context = Lösenordet får inte bygga på { $word }; välj ett som inte har något med kontot eller tjänsten att göra.
err-username-too-long = { $count ->
    [one] Använd högst { $count } tecken i användarnamnet.
   *[other] Använd högst { $count } tecken i användarnamnet.
}
err-username-characters = Ett användarnamn får bara innehålla bokstäver, siffror, '.', '_' och '-'.
err-username-one-script = Ett användarnamn får bara använda bokstäverna i ett alfabet (latinskt, kyrilliskt, grekiskt m.fl.), ingen blandning.
err-enter-email = Ange en e-postadress.
err-email-too-long = E-postadressen är för lång (högst 254 tecken).
err-email-spaces = En e-postadress får inte innehålla mellanslag eller radbrytningar.
err-email-invalid = Det här är inte en giltig e-postadress (namn@exempel.se).
err-email-domain = Använd en adress på ett domännamn (namn@exempel.se), inte på en lokal värd eller en IP-adress.
err-email-same = Det här är redan din adress.
err-passkey-response = Det här är inte ett svar från en nyckel.
err-passkey-registered = Nyckeln är redan registrerad.
err-passkey-name = { $count ->
    [one] Ge nyckeln ett namn på 1 till { $count } tecken.
   *[other] Ge nyckeln ett namn på 1 till { $count } tecken.
}

## JSON-API:ts egna fel
api-unauthenticated = Du är inte inloggad.
api-no-pending-login = Ingen inloggning väntar på en kod. Logga först in med ditt lösenord.
api-cross-site = Förfrågningar från andra webbplatser är inte tillåtna.
api-not-found = Det finns inget på den här adressen.
api-too-large = Förfrågans innehåll är för stort (högst 16 KiB).
api-unsupported-media-type = Skicka förfrågans innehåll som JSON med Content-Type: application/json.
api-unreadable-body = Förfrågans innehåll kunde inte läsas.
api-nul-character = Förfrågan får inte innehålla NUL-tecken.
api-body-mismatch = Förfrågans innehåll passar inte den här slutpunkten: { $detail }.
api-wrong-type = Förfrågans innehåll har ett fält av fel typ.
api-not-json = Förfrågans innehåll är inte giltig JSON.
api-code-or-backup-code = Skicka antingen "code" eller "backup_code".
api-username-or-email = Skicka antingen "username" eller "email".

## Senaste säkerhetsaktivitet
event-signed-up = Konto skapat
event-sign-in-app-code = Inloggning med lösenord och kod från autentiseringsappen
event-sign-in-backup-code = Inloggning med lösenord och en reservkod
event-sign-in-password = Inloggning med lösenord
event-wrong-password-settings = Fel lösenord angavs i säkerhetsinställningarna
event-wrong-password-login = Misslyckad inloggning: fel lösenord
event-wrong-code = Fel kod för tvåfaktorsautentisering angavs
event-code-entry-paused = För många fel koder: kodinmatning pausad
event-code-replay-refused = En redan använd kod avvisades
event-two-factor-on = Tvåfaktorsautentisering påslagen
event-two-factor-off = Tvåfaktorsautentisering avstängd
event-app-removed-keys-remain = Autentiseringsappen borttagen (nycklar håller tvåfaktorsautentiseringen på)
event-two-factor-reset = Tvåfaktorsautentisering borttagen av en administratör
event-backup-codes-generated = Nya reservkoder skapade
event-backup-code-used = { $count ->
    [one] Reservkod använd ({ $count } kvar)
   *[other] Reservkod använd ({ $count } kvar)
}
event-password-changed = Lösenordet bytt
event-password-reset = Lösenordet återställt via e-post
event-email-changed = E-postadressen ändrad till { $address }
event-new-browser = Inloggning från en webbläsare som inte setts förut
event-mail-undeliverable = Ett mejl till dig kunde inte levereras
event-passkey-added = Nyckel tillagd
event-passkey-removed = Nyckel borttagen
event-passkey-used = Inloggning med en nyckel
event-passkey-counter-regressed = Nyckel avvisad (dess räknare gick bakåt, den kan vara klonad)
event-group-added = Tillagd i gruppen { $group } av en administratör
event-group-removed = Borttagen ur gruppen { $group } av en administratör
event-account-disabled = Kontot inaktiverat av en administratör
event-account-enabled = Kontot aktiverat igen av en administratör

## Nycklar som enda andra faktor, och bekräftelse med en nyckel
step-up-passkey-text = Du loggade in för en stund sedan: ändringar av ditt lösenord och dina andra faktorer kräver en andra faktor igen. Skriv en kod eller en reservkod i formuläret, eller bekräfta en gång med en av dina nycklar.
step-up-passkey-button = Bekräfta med en nyckel
step-up-passkey-nojs = Att bekräfta med en nyckel kräver JavaScript, som är avstängt i den här webbläsaren; kodfälten fungerar utan det.
security-factors-app = Din andra faktor: en autentiseringsapp.
security-factors-app-and-keys = { $count ->
    [one] Dina andra faktorer: en autentiseringsapp och 1 nyckel eller säkerhetsnyckel.
   *[other] Dina andra faktorer: en autentiseringsapp och { $count } nycklar eller säkerhetsnycklar.
}
security-factors-keys = { $count ->
    [one] Din andra faktor: 1 nyckel eller säkerhetsnyckel.
   *[other] Dina andra faktorer: { $count } nycklar eller säkerhetsnycklar.
}
security-disable-text-keys-stay = Det här tar bort autentiseringsappen. Dina nycklar och säkerhetsnycklar finns kvar: de loggar fortfarande in dig och är fortfarande ditt andra steg, och dina reservkoder fungerar fortfarande. Bekräfta med ditt lösenord och en kod från din app (eller en reservkod).
security-keys-only-text = Varje inloggning med ditt lösenord kräver en av dina nycklar eller säkerhetsnycklar (eller en reservkod). Tar du bort din sista nyckel stängs tvåfaktorsautentiseringen av. Du kan också lägga till en autentiseringsapp: en sexsiffrig kod i telefonen.
security-setup-app-button = Konfigurera en autentiseringsapp
notice-passkey-stepped-up = Bekräftat med din nyckel: de närmaste minuterna kräver ändringar här ingen kod.
notice-passkey-removed-two-factor-off = Nyckeln är borttagen. Den var din sista andra faktor, så tvåfaktorsautentiseringen är avstängd: ditt lösenord ensamt loggar in dig, dina reservkoder fungerar inte längre och dina andra sessioner har loggats ut.

## Enkel inloggning (OpenID Connect): samtyckessidan, dess felsida, anslutna appar
oidc-consent-title = Tillåta { $client }?
oidc-consent-heading = Logga in på { $client } med ditt konto?
oidc-consent-lead = { $client } vill veta:
oidc-consent-note = Appen ser aldrig ditt lösenord eller dina koder. Du kan koppla från den när som helst under Inställningar → Säkerhet → Anslutna appar.
oidc-allow = Tillåt
oidc-deny = Neka
oidc-scope-openid = Att du är inloggad här, med en identifierare för ditt konto (inte ditt användarnamn).
oidc-scope-profile = Ditt användarnamn.
oidc-scope-email = Din bekräftade e-postadress.
oidc-scope-groups = Grupperna som ditt konto ingår i.
oidc-scope-offline = Att förbli ansluten medan du är borta, tills du kopplar från den.
oidc-error-title = Den här inloggningsbegäran kan inte användas
oidc-error-text = { $message } Gå tillbaka till appen och försök igen; om det fortsätter att hända, kontakta den som driver den.
oidc-error-link = Gå till ditt konto
oidc-error-return-address = Appens returadress går inte att använda.
oidc-error-malformed = Begäran är felformaterad (en felaktig escape-sekvens eller text som inte är UTF-8).
oidc-error-form = Formuläret är felformaterat.
oidc-error-no-decision = Formuläret anger inte om du tillåter appen.
oidc-error-damaged = Inloggningsbegäran skadades på vägen.
oidc-error-too-long = Begäran är för lång för att gå att återvända till efter inloggningen.
oidc-error-client-repeated = Begäran anger sin app (client_id) mer än en gång.
oidc-error-no-client = Begäran anger inte sin app (client_id).
oidc-error-unknown-client = Den här appen är inte registrerad hos den här tjänsten.
oidc-error-redirect-repeated = Begäran anger sin returadress (redirect_uri) mer än en gång.
oidc-error-no-redirect = Begäran säger inte vart den ska återvända (redirect_uri).
oidc-error-redirect-unknown = Adressen som den här begäran vill återvända till är inte registrerad för appen.
oidc-error-failed = Tjänsten kunde inte slå upp appen just nu.
apps-heading = Anslutna appar
apps-text = Appar som du har tillåtit att logga in dig med det här kontot. Om du kopplar från en loggas du ut från den, och den frågar dig igen nästa gång.
apps-none = Inga appar ännu.
apps-allowed = Tillåten { $when }
apps-may-learn = får veta: { $scopes }
apps-disconnect = Koppla från
notice-app-disconnected = Appen är frånkopplad: du är utloggad från den och den frågar dig igen.

## Forward-auth: vad en omvänd proxy visar när åtkomsten nekas
authz-header-repeated = { $header } skickades mer än en gång.
authz-header-characters = { $header } innehåller tecken som en URL inte kan ha.
authz-header-missing = { $header } saknas.
authz-bad-method = Den vidarebefordrade metoden är ingen HTTP-metod.
authz-url-not-absolute = Den ursprungliga URL:en måste vara en absolut http- eller https-URL.
authz-url-invalid = Den ursprungliga URL:en är ingen URL.
authz-url-host = Den ursprungliga URL:en måste ange en värd och ingen användare.
authz-proto = X-Forwarded-Proto måste vara http eller https.
authz-host = X-Forwarded-Host är ingen värd.
authz-uri = X-Forwarded-Uri måste vara en sökväg som börjar med ett enda /.
authz-forbidden = Du får inte öppna den här sidan.
authz-sign-in = Logga in (med din andra faktor om sidan kräver det) för att öppna den här sidan.
authz-untrusted-proxy = Vidarebefordrade rubriker godtas bara från en --trusted-proxy-adress.

## Vad passkeys.js säger
passkey-js-cancelled = Begäran om nyckeln avbröts eller tog för lång tid. Försök igen.
passkey-js-failed = Något gick fel. Försök igen.
passkey-js-server-answered = Servern svarade { $status }.
passkey-js-unsupported = Den här webbläsaren kan inte använda nycklar eller säkerhetsnycklar.

## Browser
browser-on = { $browser } på { $system }
browser-on-system = En webbläsare på { $system }
browser-unknown = Okänd webbläsare
