# Deadbolt česky. Pojmy: „dvoufázové ověření“, „záložní kód“,
# „ověřovací aplikace“, „Nastavit“
# (Nastavení → Účet → Zabezpečení → Dvoufázové ověření → Nastavit).
# Množné číslo: one (1), few (2–4), other (0, 5 a více).

## Data
datetime-pattern = %-d. %B %Y, %H:%M UTC

## Všechny stránky
skip-to-content = Přejít na obsah
toolbar-label = Panel nástrojů
breadcrumb-label = Drobečková navigace
language-menu-label = Jazyk
nav-account = Účet
nav-settings = Nastavení
nav-security = Zabezpečení
nav-sign-out = Odhlásit se
nav-log-in = Přihlásit se
nav-sign-up = Registrovat se
signed-in-as = Přihlášen jako { $name }
footer-tagline = Deadbolt · přihlášení heslem a jednorázovým kódem
menu-overview = Přehled
menu-recent-activity = Nedávná aktivita
two-factor-authentication = Dvoufázové ověření
backup-codes = Záložní kódy
status-on = Zapnuto
status-off = Vypnuto
action-continue = Pokračovat
action-cancel = Zrušit
action-later = Později
action-save = Uložit
apps-any-totp = Funguje i jakákoli jiná aplikace založená na otevřeném standardu TOTP (1Password, Bitwarden, KeePassXC aj.).
backup-codes-low = { $count ->
    [0] Nemáte žádné záložní kódy.
    [one] Zbývá jen { $count } záložní kód.
    [few] Zbývají jen { $count } záložní kódy.
   *[other] Zbývá jen { $count } záložních kódů.
}
backup-codes-left = { $count ->
    [one] Zbývá { $count } záložní kód.
    [few] Zbývají { $count } záložní kódy.
   *[other] Zbývá { $count } záložních kódů.
}

## Pole
label-username = Uživatelské jméno
label-password = Heslo
label-your-password = Vaše heslo
label-repeat-password = Zopakujte heslo
label-current-password = Současné heslo
label-new-password = Nové heslo
label-repeat-new-password = Zopakujte nové heslo
label-six-digit-code = Šestimístný kód
label-backup-code = Záložní kód
label-code-or-backup = Šestimístný kód nebo záložní kód
label-current-app-code = Šestimístný kód ze současné aplikace, nebo záložní kód
label-username-or-email = Uživatelské jméno nebo e-mailová adresa
label-new-email = Nová e-mailová adresa
hint-username = Písmena, číslice, tečky, pomlčky nebo podtržítka.
hint-new-password-long = Alespoň 8 znaků. Několik slov, která si zapamatujete, je dobré heslo.
hint-new-password = Alespoň 8 znaků.
hint-step-up = Přihlásili jste se před delší dobou: potvrďte tuto změnu druhým faktorem.

## /login
login-title = Přihlášení
login-submit = Přihlásit se
login-passkey = Přihlásit se přístupovým klíčem
login-passkey-nojs = Přihlášení přístupovým klíčem: vyžaduje JavaScript, který je v tomto prohlížeči vypnutý.
login-forgot = Zapomněli jste heslo?
login-forgot-no-email = Zapomněli jste heslo? Obnovení e-mailem není na tomto serveru nastavené: obraťte se na jeho správce.
login-new-here = Jste tu poprvé?
login-create-account = Vytvořit účet

## /signup
signup-title = Vytvoření účtu
signup-lead = Zvolte uživatelské jméno a heslo. Dvoufázové ověření můžete přidat hned potom.
signup-submit = Vytvořit účet
signup-have-account = Už máte účet?

## /login/2fa
second-factor-title = Zadejte kód
second-factor-lead = Zadejte šestimístný kód z ověřovací aplikace.
second-factor-verify = Ověřit
second-factor-lost-phone = Ztratili jste telefon? Použijte záložní kód
second-factor-backup-hint = Jeden z kódů, které jste si uložili při nastavení dvoufázového ověření, například k7mq2-x9vtd. Každý kód platí jen jednou.
second-factor-backup-submit = Přihlásit se záložním kódem
second-factor-passkey = Použít přístupový nebo bezpečnostní klíč
second-factor-passkey-nojs = Přístupový nebo bezpečnostní klíč: vyžaduje JavaScript, který je v tomto prohlížeči vypnutý.
second-factor-cancel = Zrušit a přihlásit se jako někdo jiný

## /account
account-title = Váš účet
account-welcome = Vítejte, { $name }
account-signed-in = Jste přihlášeni do Deadboltu.
account-every-login = Každé přihlášení vyžaduje šestimístný kód z ověřovací aplikace.
account-backup-way-back = Když ztratíte telefon, dostanete se s nimi zpět: vytvořte si nové v nastavení zabezpečení.
account-manage = Spravovat nastavení zabezpečení
account-password-only = Váš účet chrání jen heslo. Přidejte druhý krok: šestimístný kód z aplikace v telefonu, aby ukradené heslo ke vstupu nestačilo.
account-find-later = Později to najdete také zde:

## Nastavení dvoufázového ověření
setup-title = Nastavit dvoufázové ověření
setup-replacing = Propojujete nové zařízení. Propojené je vždy jen jedno zařízení: jakmile nové potvrdíte, staré přestane fungovat. Do té doby staré funguje dál.
setup-intro = Po zadání hesla bude každé přihlášení vyžadovat šestimístný kód z aplikace v telefonu nebo tabletu. Kód se mění každých 30 sekund.
setup-install-first = Nejdřív si nainstalujte ověřovací aplikaci
setup-confirm-you = Pak potvrďte, že jste to vy
setup-open-app = Otevřete ověřovací aplikaci
setup-no-app-yet = Ještě nemáte aplikaci? Nainstalujte si jednu z těchto:
setup-scan-title = Naskenujte QR kód
setup-scan-text = V aplikaci zvolte přidání účtu a naskenujte tento kód. V aplikaci se objeví { $issuer } spolu se šestimístným kódem, který se mění každých 30 sekund.
setup-qr-label = QR kód pro vaši ověřovací aplikaci
setup-on-phone = Jste v telefonu?
setup-open-in-app = Otevřít v ověřovací aplikaci
setup-cannot-scan = Nejde to naskenovat? Zadejte do aplikace místo toho tento klíč:
setup-fact-account = Účet
setup-fact-type = Typ
setup-fact-type-value = Časový (TOTP)
setup-fact-digits = Číslic
setup-fact-interval = Interval
setup-fact-interval-value = 30 sekund
setup-fact-algorithm = Algoritmus
setup-enter-code = Zadejte šestimístný kód
setup-enter-code-text = Zadejte kód, který aplikace právě ukazuje, abyste prokázali, že zařízení funguje.
setup-previous-keeps-working = Vaše předchozí zařízení do té doby funguje dál.
setup-turn-on = Zapnout
enabled-title = Dvoufázové ověření je zapnuté
enabled-linked = Vaše zařízení je propojené. Od teď každé přihlášení vyžaduje šestimístný kód z vaší aplikace.
enabled-now-generate = Teď si vytvořte záložní kódy
enabled-generate-text = Když ztratíte telefon, záložní kód vám umožní se jednou přihlásit. Vytvořte si je teď a uložte je na bezpečné místo. Vytvoření nových kódů vždy zneplatní ty předchozí.
enabled-generate = Vytvořit záložní kódy

## Záložní kódy
codes-title = Vaše záložní kódy
codes-just-enabled = Dvoufázové ověření je zapnuté. Od teď každé přihlášení vyžaduje kód z vaší aplikace.
codes-print-heading = Záložní kódy Deadboltu pro { $name }.
codes-generated = Vytvořeno { $when }.
codes-shown-once = Tyto kódy se zobrazí jen tentokrát. Uložte si je hned: stáhněte, vytiskněte nebo zkopírujte do správce hesel.
codes-each-once = Když ztratíte přístup k ověřovací aplikaci, každý kód vám umožní se jednou přihlásit. Předchozí kódy už neplatí.
codes-download = Stáhnout jako .txt
codes-print = K vytištění použijte příkaz Tisk ve svém prohlížeči.
codes-saved = Kódy mám uložené — zpět do nastavení zabezpečení
codes-file-each-once = Každý kód vám umožní se jednou přihlásit, když ztratíte přístup k ověřovací aplikaci.
codes-file-keep-safe = Vytvoření nových kódů tyto zneplatní. Uložte tento soubor na bezpečné místo.

## Zabezpečení
security-title = Nastavení zabezpečení
security-2fa-on-text = Každé přihlášení vyžaduje šestimístný kód z ověřovací aplikace. K účtu je vždy propojené jen jedno zařízení.
security-new-device = Nastavit nové zařízení
security-current-device-keeps = Současné zařízení funguje, dokud nové nepotvrdíte kódem.
security-disable-summary = Vypnout dvoufázové ověření
security-disable-text = Bez něj váš účet otevře samotné heslo. Potvrďte heslem a kódem z aplikace (nebo záložním kódem).
security-disable-submit = Vypnout
security-2fa-off-text = Přidejte k přihlášení druhý krok: šestimístný kód z ověřovací aplikace v telefonu nebo tabletu. Ukradené heslo pak samo ke vstupu nestačí.
security-setup-unconfirmed = Nastavení bylo zahájeno, ale nebylo potvrzeno kódem, takže není aktivní. Nastavit ho spustí znovu s novým QR kódem.
security-setup-button = Nastavit
security-backup-locked-out = Když ztratíte telefon, můžete zůstat bez přístupu: vytvořte si nové kódy.
security-backup-unused = { $count ->
    [one] Máte { $count } nepoužitý záložní kód.
    [few] Máte { $count } nepoužité záložní kódy.
   *[other] Máte { $count } nepoužitých záložních kódů.
}
security-backup-text = Když ztratíte přístup k ověřovací aplikaci, každý záložní kód vám umožní se jednou přihlásit. Vytvoření nových kódů zneplatní ty předchozí.
security-backup-generate = Vytvořit nové kódy
security-backup-when-on = Záložní kódy vám při ztrátě telefonu umožní se každý jednou přihlásit. Jsou k dispozici, jakmile je dvoufázové ověření zapnuté.
passkeys-heading = Přístupové a bezpečnostní klíče
passkeys-text = Přístupový klíč (v tomto zařízení, v telefonu nebo ve správci hesel) nebo bezpečnostní klíč vás přihlásí bez hesla, když ověří váš PIN nebo otisk prstu, a slouží jako druhý krok po hesle. Přidejte jich více: každý má vlastní název a lze ho odebrat samostatně.
passkeys-none = Zatím žádné klíče.
passkeys-added = Přidán { $when }
passkeys-last-used = naposledy použit { $when }
passkeys-never-used = nikdy
passkeys-rename-or-remove = Přejmenovat nebo odebrat
passkeys-new-name = Nový název
passkeys-rename = Přejmenovat
passkeys-remove = Odebrat tento klíč
passkeys-nojs = Přidání přístupového klíče vyžaduje JavaScript, který je v tomto prohlížeči vypnutý: s klíčem komunikuje přímo prohlížeč. Vše ostatní na této stránce funguje i bez něj.
passkeys-name = Název klíče
passkeys-name-hint = Například „YubiKey“ nebo „Notebook“.
passkeys-add = Přidat přístupový nebo bezpečnostní klíč
email-heading = E-mail
email-not-set-up = E-mail není na tomto serveru nastavený: neposílají se bezpečnostní upozornění a zapomenuté heslo nelze obnovit e-mailem.
email-goes-to = Bezpečnostní upozornění a odkazy pro obnovení hesla chodí na { $address }.
email-none-yet = Zatím nemáte ověřenou adresu. Přidejte ji, abyste se dozvěděli o změnách účtu a mohli zapomenuté heslo obnovit e-mailem.
email-send-link = Poslat potvrzovací odkaz
email-new-used-once = Nová adresa se začne používat, až otevřete odkaz, který na ni přijde; na současnou přijde upozornění o změně.
email-new-browser = Poslat mi e-mail, když se někdo přihlásí z dosud neviděného prohlížeče
email-other-notices = Ostatní upozornění (změny dvoufázového ověření, záložní kódy, změny a obnovení hesla, změny adresy) chodí vždy.
password-change = Změnit heslo
sessions-heading = Relace
sessions-text = Kde je váš účet právě přihlášený.
sessions-this-browser = Tento prohlížeč
sessions-last-active = naposledy aktivní { $when }
sessions-active-now = právě aktivní
sessions-revoke = Ukončit
sessions-revoke-label = Ukončit relaci na { $device }
sessions-sign-out-others = Odhlásit se všude jinde
activity-heading = Nedávná bezpečnostní aktivita
activity-none = Zatím nic.
activity-footer = Časy jsou v UTC. Vidíte něco, co nepoznáváte? Změňte heslo a odhlaste se všude jinde.

## /enrol
enrol-title = Zvolte si heslo
enrol-lead = Byl pro vás vytvořen účet { $name }. Zvolte si k němu heslo a pak se přihlaste.
enrol-submit = Nastavit heslo
enrol-ask-new-link = Požádejte správce této služby o nový odkaz.

## Obnovení a ověření
reset-title = Obnovení hesla
reset-not-set-up = Obnovení hesla e-mailem není na tomto serveru nastavené. Požádejte jeho správce, aby vám obnovili přístup.
reset-sent = Pokud existuje odpovídající účet s ověřenou e-mailovou adresou, je na cestě odkaz pro obnovení jeho hesla. Funguje jednou, po dobu 30 minut.
reset-no-letter = Ani po několika minutách nepřišla zpráva? Podívejte se do složky se spamem nebo požádejte znovu: po použití platí jen nejnovější odkaz.
reset-intro = Zadejte uživatelské jméno nebo ověřenou e-mailovou adresu účtu. Pošleme vám odkaz, kde si zvolíte nové heslo. Pokud má váš účet dvoufázové ověření, budete potřebovat i kód z aplikace nebo záložní kód.
reset-submit = Poslat mi odkaz
reset-back-to-login = Zpět na přihlášení
reset-confirm-title = Zvolte nové heslo
reset-confirm-sessions = Všechny relace vašeho účtu budou odhlášeny a tento prohlížeč bude přihlášen.
reset-confirm-keeps-2fa = Váš účet má dvoufázové ověření: obnovení ho ponechá zapnuté.
reset-confirm-submit = Nastavit nové heslo
reset-ask-new-link = Požádat o nový odkaz
verify-title = Potvrďte e-mailovou adresu
verify-text = Potvrďte, aby se tato adresa stala adresou vašeho účtu: budou na ni chodit bezpečnostní upozornění a odkazy pro obnovení hesla.
verify-submit = Potvrdit tuto adresu
verify-settings-link = Vaše nastavení zabezpečení

## Potvrzení
notice-account-ready = Váš účet je připravený.
notice-signed-out = Jste odhlášeni.
notice-password-changed = Heslo je změněné. Všechny ostatní relace byly odhlášeny.
notice-two-factor-off = Dvoufázové ověření je vypnuté. Váš účet teď otevře samotné heslo.
notice-app-removed-keys-remain = Ověřovací aplikace je odebrána. Vaše přístupové klíče nechávají dvoufázové ověření zapnuté a vaše záložní kódy dál platí.
notice-session-revoked = Tato relace je odhlášená.
notice-session-gone = Tato relace už skončila.
notice-signed-out-others = Všechny ostatní relace jsou odhlášené.
notice-password-reset = Heslo je obnovené. Všechny ostatní relace byly odhlášeny a tento prohlížeč je přihlášený.
notice-email-sent = Na novou adresu je na cestě potvrzovací odkaz. Otevřete ho, abyste tu adresu začali používat.
notice-notifications-saved = Nastavení upozornění je uložené.
notice-passkey-added = Klíč je přidaný. Od teď se s ním můžete přihlásit.
notice-passkey-renamed = Klíč je přejmenovaný.
notice-passkey-removed = Klíč je odebraný: už vás nepřihlásí.
enrol-done-title = Heslo je nastavené
enrol-done-text = Přihlaste se jako { $name } novým heslem.
signup-closed-title = Registrace je uzavřená
action-sign-in = Přihlásit se
action-back-to-account = Zpět na váš účet
action-back-to-security = Zpět do nastavení zabezpečení

## Chyby formulářů
err-enter-username = Zadejte uživatelské jméno.
err-enter-password = Zadejte heslo.
err-enter-password-continue = Pro pokračování zadejte heslo.
err-enter-current-password = Zadejte současné heslo.
err-enter-username-or-email = Zadejte uživatelské jméno nebo e-mailovou adresu.
err-enter-new-email = Zadejte novou e-mailovou adresu.
err-enter-code-or-backup = Zadejte šestimístný kód z aplikace nebo jeden ze záložních kódů.
err-enter-backup-code = Zadejte jeden ze záložních kódů.
err-enter-app-code = Zadejte šestimístný kód z ověřovací aplikace.
err-enter-code-from-app = Zadejte šestimístný kód z aplikace.
err-choose-username = Zvolte uživatelské jméno.
err-choose-password = Zvolte heslo.
err-choose-new-password = Zvolte nové heslo.
err-passwords-differ = Hesla se liší.
err-passwords-not-same = Obě hesla nejsou stejná. Napište heslo znovu.
err-new-passwords-differ = Obě nová hesla nejsou stejná. Napište nové heslo znovu.
err-username-taken-try = Toto uživatelské jméno už je obsazené. Zkuste jiné.
err-backup-code-wrong = Tento záložní kód je neplatný nebo už byl použit. Každý kód platí jen jednou.
err-setup-code-wrong = Tento kód není správný. Zkontrolujte, že čas v telefonu je přesný, a zadejte kód, který aplikace právě ukazuje.
err-no-setup-waiting = Žádné nastavení nečeká na kód. Začněte znovu zadáním hesla.
err-internal-title = Něco se pokazilo
err-internal = Na naší straně se něco pokazilo. Zkuste to prosím znovu.
err-internal-page = Na naší straně se něco pokazilo a nic nebylo změněno. Zkuste to prosím za chvíli znovu.

## Chyby pravidel
err-invalid-credentials = Uživatelské jméno nebo heslo není správné.
err-wrong-password = Heslo není správné.
err-username-taken = Toto uživatelské jméno už je obsazené.
err-wrong-code = Tento kód není správný. Zkontrolujte ověřovací aplikaci a zkuste to znovu.
err-code-reused = Tento kód už byl použit. Počkejte na další kód v aplikaci.
err-throttled = { $count ->
    [one] Příliš mnoho pokusů. Zkuste to znovu za { $count } minutu.
    [few] Příliš mnoho pokusů. Zkuste to znovu za { $count } minuty.
   *[other] Příliš mnoho pokusů. Zkuste to znovu za { $count } minut.
}
err-no-pending-setup = Není žádné nastavení dvoufázového ověření k potvrzení. Začněte nastavení znovu.
err-setup-expired = Toto nastavení vypršelo po 15 minutách bez kódu. Začněte nastavení znovu.
err-step-up-required = Pro potvrzení této změny zadejte také kód z ověřovací aplikace (nebo záložní kód).
err-two-factor-not-enabled = Dvoufázové ověření není zapnuté.
err-email-not-configured = E-mail není na tomto serveru nastavený, takže to e-mailem nejde. Obraťte se na jeho správce.
err-invalid-token = Tento odkaz není platný: mohl vypršet nebo už byl použit. Požádejte o nový.
err-email-taken = Tuto e-mailovou adresu používá jiný účet.
err-second-factor-required = Tento účet má dvoufázové ověření: zadejte také kód z ověřovací aplikace nebo záložní kód.
err-passkey-refused = Tento přístupový nebo bezpečnostní klíč nebyl přijat.
err-passkey-ceremony-gone = Tato žádost o přístupový klíč vypršela nebo už byla použita. Zkuste to znovu.
err-no-passkey = K tomuto účtu není registrovaný žádný přístupový ani bezpečnostní klíč.
err-passkeys-unavailable = Přístupové klíče nejsou na tomto serveru k dispozici (jeho veřejná adresa nemá název hostitele, který prohlížeče přijmou).
err-not-found = Nenalezeno.
err-account-disabled = Tento účet je zablokovaný. Obraťte se na správce této služby.
err-signup-closed = Registrace je na tomto serveru uzavřená: požádejte jeho správce o odkaz s pozvánkou.
err-password-nul = Heslo nesmí obsahovat znak NUL.
err-password-too-short = { $count ->
    [one] Použijte alespoň { $count } znak.
    [few] Použijte alespoň { $count } znaky.
   *[other] Použijte alespoň { $count } znaků.
}
err-password-too-long = { $count ->
    [one] Použijte nejvýše { $count } znak.
    [few] Použijte nejvýše { $count } znaky.
   *[other] Použijte nejvýše { $count } znaků.
}
err-password-common = Toto heslo patří k nejčastějším; zvolte takové, které se hůř uhodne.
err-password-context = Heslo nesmí vycházet z { $word }; zvolte takové, které s tímto účtem ani službou nesouvisí.
err-username-too-long = { $count ->
    [one] Uživatelské jméno smí mít nejvýše { $count } znak.
    [few] Uživatelské jméno smí mít nejvýše { $count } znaky.
   *[other] Uživatelské jméno smí mít nejvýše { $count } znaků.
}
err-username-characters = Uživatelské jméno smí obsahovat jen písmena, číslice, „.“, „_“ a „-“.
err-username-one-script = Uživatelské jméno smí používat písmena jen jedné abecedy (latinky, cyrilice, řecké abecedy aj.), ne jejich směs.
err-enter-email = Zadejte e-mailovou adresu.
err-email-too-long = Tato e-mailová adresa je příliš dlouhá (nejvýše 254 znaků).
err-email-spaces = E-mailová adresa nesmí obsahovat mezery ani zalomení řádků.
err-email-invalid = Toto není platná e-mailová adresa (jmeno@priklad.cz).
err-email-domain = Použijte adresu na doménovém jméně (jmeno@priklad.cz), ne na místním hostiteli ani IP adrese.
err-email-same = To už je vaše adresa.
err-passkey-response = Toto není odpověď přístupového klíče.
err-passkey-registered = Tento klíč už je registrovaný.
err-passkey-name = { $count ->
    [one] Pojmenujte klíč názvem o 1 až { $count } znaku.
    [few] Pojmenujte klíč názvem o 1 až { $count } znacích.
   *[other] Pojmenujte klíč názvem o 1 až { $count } znacích.
}

## Vlastní chyby JSON API
api-unauthenticated = Nejste přihlášeni.
api-no-pending-login = Žádné přihlášení nečeká na kód. Nejdřív se přihlaste heslem.
api-cross-site = Požadavky z jiných webů nejsou povolené.
api-not-found = Na této adrese nic není.
api-too-large = Tělo požadavku je příliš velké (nejvýše 16 KiB).
api-unsupported-media-type = Pošlete tělo požadavku jako JSON s Content-Type: application/json.
api-unreadable-body = Tělo požadavku nešlo přečíst.
api-nul-character = Požadavek nesmí obsahovat znaky NUL.
api-body-mismatch = Tělo požadavku neodpovídá tomuto koncovému bodu: { $detail }.
api-wrong-type = Tělo požadavku má pole nesprávného typu.
api-not-json = Tělo požadavku není platný JSON.
api-code-or-backup-code = Pošlete buď „code“, nebo „backup_code“.
api-username-or-email = Pošlete buď „username“, nebo „email“.

## Nedávná bezpečnostní aktivita
event-signed-up = Účet vytvořen
event-sign-in-app-code = Přihlášení heslem a kódem z ověřovací aplikace
event-sign-in-backup-code = Přihlášení heslem a záložním kódem
event-sign-in-password = Přihlášení heslem
event-wrong-password-settings = Špatné heslo zadané v nastavení zabezpečení
event-wrong-password-login = Neúspěšné přihlášení: špatné heslo
event-wrong-code = Zadán špatný kód dvoufázového ověření
event-code-entry-paused = Příliš mnoho špatných kódů: zadávání kódů pozastaveno
event-code-replay-refused = Odmítnut už použitý kód
event-two-factor-on = Dvoufázové ověření zapnuto
event-two-factor-off = Dvoufázové ověření vypnuto
event-app-removed-keys-remain = Ověřovací aplikace odebrána (přístupové klíče nechávají dvoufázové ověření zapnuté)
event-two-factor-reset = Dvoufázové ověření odebráno správcem
event-backup-codes-generated = Vytvořeny nové záložní kódy
event-backup-code-used = { $count ->
    [one] Použit záložní kód (zbývá { $count })
    [few] Použit záložní kód (zbývají { $count })
   *[other] Použit záložní kód (zbývá { $count })
}
event-password-changed = Heslo změněno
event-password-reset = Heslo obnoveno e-mailem
event-email-changed = E-mailová adresa změněna na { $address }
event-new-browser = Přihlášení z dosud neviděného prohlížeče
event-mail-undeliverable = E-mail pro vás nešlo doručit
event-passkey-added = Přidán přístupový klíč
event-passkey-removed = Odebrán přístupový klíč
event-passkey-used = Přihlášení přístupovým klíčem
event-passkey-counter-regressed = Přístupový klíč odmítnut (jeho počítadlo šlo zpět, může jít o kopii)
event-group-added = Správce vás přidal do skupiny { $group }
event-group-removed = Správce vás odebral ze skupiny { $group }
event-account-disabled = Účet zakázán správcem
event-account-enabled = Účet znovu povolen správcem

## Přístupové klíče jako jediný druhý faktor a potvrzení klíčem
step-up-passkey-text = Přihlásili jste se před chvílí: změny hesla a druhých faktorů znovu vyžadují druhý faktor. Zadejte do formuláře kód nebo záložní kód, nebo jednou potvrďte některým ze svých klíčů.
step-up-passkey-button = Potvrdit přístupovým klíčem
step-up-passkey-nojs = Potvrzení přístupovým klíčem potřebuje JavaScript, který je v tomto prohlížeči vypnutý; pole pro kód fungují i bez něj.
security-factors-app = Váš druhý faktor: ověřovací aplikace.
security-factors-app-and-keys = { $count ->
    [one] Vaše druhé faktory: ověřovací aplikace a { $count } přístupový nebo bezpečnostní klíč.
    [few] Vaše druhé faktory: ověřovací aplikace a { $count } přístupové nebo bezpečnostní klíče.
   *[other] Vaše druhé faktory: ověřovací aplikace a { $count } přístupových nebo bezpečnostních klíčů.
}
security-factors-keys = { $count ->
    [one] Váš druhý faktor: { $count } přístupový nebo bezpečnostní klíč.
    [few] Vaše druhé faktory: { $count } přístupové nebo bezpečnostní klíče.
   *[other] Vaše druhé faktory: { $count } přístupových nebo bezpečnostních klíčů.
}
security-disable-text-keys-stay = Tím odeberete ověřovací aplikaci. Přístupové a bezpečnostní klíče zůstanou: dál vás přihlašují a zůstávají vaším druhým krokem a vaše záložní kódy dál platí. Potvrďte heslem a kódem z aplikace (nebo záložním kódem).
security-keys-only-text = Každé přihlášení heslem vyžaduje některý z vašich přístupových nebo bezpečnostních klíčů (nebo záložní kód). Odebráním posledního klíče se dvoufázové ověření vypne. Můžete přidat i ověřovací aplikaci: šestimístný kód v telefonu.
security-setup-app-button = Nastavit ověřovací aplikaci
notice-passkey-stepped-up = Potvrzeno klíčem: několik příštích minut nevyžadují změny zde žádný kód.
notice-passkey-removed-two-factor-off = Klíč je odebraný. Byl to váš poslední druhý faktor, takže dvoufázové ověření je vypnuté: přihlásí vás samotné heslo, záložní kódy už neplatí a ostatní relace byly odhlášeny.

## Jednotné přihlášení (OpenID Connect): stránka souhlasu, její chybová stránka, připojené aplikace
oidc-consent-title = Povolit aplikaci { $client }?
oidc-consent-heading = Přihlásit se do aplikace { $client } svým účtem?
oidc-consent-lead = Aplikace { $client } chce vědět:
oidc-consent-note = Aplikace nikdy neuvidí vaše heslo ani vaše kódy. Kdykoli ji můžete odpojit v Nastavení → Zabezpečení → Připojené aplikace.
oidc-allow = Povolit
oidc-deny = Zamítnout
oidc-scope-openid = Že jste zde přihlášeni, spolu s identifikátorem vašeho účtu (nikoli uživatelským jménem).
oidc-scope-profile = Vaše uživatelské jméno.
oidc-scope-email = Vaše ověřená e-mailová adresa.
oidc-scope-groups = Skupiny, do kterých váš účet patří.
oidc-scope-offline = Zůstat připojená i ve vaší nepřítomnosti, dokud ji neodpojíte.
oidc-error-title = Tento požadavek na přihlášení nelze použít
oidc-error-text = { $message } Vraťte se do aplikace a zkuste to znovu; pokud se to bude opakovat, dejte vědět tomu, kdo ji provozuje.
oidc-error-link = Přejít na účet
oidc-error-return-address = Návratovou adresu aplikace nelze použít.
oidc-error-malformed = Požadavek má chybný formát (neplatná escape sekvence nebo text, který není v UTF-8).
oidc-error-form = Formulář má chybný formát.
oidc-error-no-decision = Z formuláře není poznat, zda aplikaci povolujete.
oidc-error-damaged = Požadavek na přihlášení se cestou poškodil.
oidc-error-too-long = Požadavek je příliš dlouhý na to, aby se k němu dalo po přihlášení vrátit.
oidc-error-client-repeated = Požadavek uvádí svou aplikaci (client_id) víc než jednou.
oidc-error-no-client = Požadavek neuvádí svou aplikaci (client_id).
oidc-error-unknown-client = Tato aplikace není u této služby zaregistrovaná.
oidc-error-redirect-repeated = Požadavek uvádí svou návratovou adresu (redirect_uri) víc než jednou.
oidc-error-no-redirect = Požadavek neříká, kam se vrátit (redirect_uri).
oidc-error-redirect-unknown = Adresa, na kterou se tento požadavek chce vrátit, není pro aplikaci zaregistrovaná.
oidc-error-failed = Služba teď nemohla aplikaci vyhledat.
apps-heading = Připojené aplikace
apps-text = Aplikace, kterým jste povolili vás tímto účtem přihlašovat. Odpojením aplikace se z ní odhlásíte a příště se vás zeptá znovu.
apps-none = Zatím žádné aplikace.
apps-allowed = Povoleno { $when }
apps-may-learn = smí znát: { $scopes }
apps-disconnect = Odpojit
notice-app-disconnected = Aplikace je odpojená: jste z ní odhlášeni a příště se vás zeptá znovu.

## Forward-auth: co ukáže reverzní proxy při odmítnutí přístupu
authz-header-repeated = { $header } bylo odesláno více než jednou.
authz-header-characters = { $header } obsahuje znaky, které URL nemůže mít.
authz-header-missing = Chybí { $header }.
authz-bad-method = Předaná metoda není metoda HTTP.
authz-url-not-absolute = Původní URL musí být absolutní URL http nebo https.
authz-url-invalid = Původní URL není URL.
authz-url-host = Původní URL musí uvádět hostitele a žádného uživatele.
authz-proto = X-Forwarded-Proto musí být http nebo https.
authz-host = X-Forwarded-Host není hostitel.
authz-uri = X-Forwarded-Uri musí být cesta začínající jediným /.
authz-forbidden = Tuto stránku nemáte oprávnění otevřít.
authz-sign-in = Pro otevření této stránky se přihlaste (s druhým faktorem, pokud ho stránka vyžaduje).
authz-untrusted-proxy = Předaným hlavičkám se věří jen z adresy --trusted-proxy.

## Co říká passkeys.js
passkey-js-cancelled = Žádost o přístupový klíč byla zrušena nebo vypršela. Zkuste to znovu.
passkey-js-failed = Něco se pokazilo. Zkuste to znovu.
passkey-js-server-answered = Server odpověděl { $status }.
passkey-js-unsupported = Tento prohlížeč neumí používat přístupové klíče ani bezpečnostní klíče.

## Browser
browser-on = { $browser } v systému { $system }
browser-on-system = Prohlížeč v systému { $system }
browser-unknown = Neznámý prohlížeč
