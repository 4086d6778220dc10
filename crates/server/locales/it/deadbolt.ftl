# Deadbolt in italiano. Termini: «autenticazione a due fattori», «codice di
# backup», «app di autenticazione», «Configura»
# (Impostazioni → Account → Sicurezza → Autenticazione a due fattori → Configura).

## Date
datetime-pattern = %-d %B %Y, %H:%M UTC

## Tutte le pagine
skip-to-content = Vai al contenuto
toolbar-label = Barra degli strumenti
breadcrumb-label = Percorso di navigazione
language-menu-label = Lingua
nav-account = Account
nav-settings = Impostazioni
nav-security = Sicurezza
nav-sign-out = Esci
nav-log-in = Accedi
nav-sign-up = Registrati
signed-in-as = Accesso effettuato come { $name }
footer-tagline = Deadbolt · accesso con password e codice monouso
menu-overview = Panoramica
menu-recent-activity = Attività recente
two-factor-authentication = Autenticazione a due fattori
backup-codes = Codici di backup
status-on = Attiva
status-off = Disattivata
action-continue = Continua
action-cancel = Annulla
action-later = Più tardi
action-save = Salva
apps-any-totp = Funziona anche qualsiasi altra app basata sullo standard aperto TOTP (1Password, Bitwarden, KeePassXC, ecc.).
backup-codes-low = { $count ->
    [0] Non hai più codici di backup.
    [one] Ti resta solo { $count } codice di backup.
   *[other] Ti restano solo { $count } codici di backup.
}
backup-codes-left = { $count ->
    [one] Resta { $count } codice di backup.
   *[other] Restano { $count } codici di backup.
}

## Campi
label-username = Nome utente
label-password = Password
label-your-password = La tua password
label-repeat-password = Ripeti la password
label-current-password = Password attuale
label-new-password = Nuova password
label-repeat-new-password = Ripeti la nuova password
label-six-digit-code = Codice a 6 cifre
label-backup-code = Codice di backup
label-code-or-backup = Codice a 6 cifre o codice di backup
label-current-app-code = Codice a 6 cifre della tua app attuale, oppure un codice di backup
label-username-or-email = Nome utente o indirizzo email
label-new-email = Nuovo indirizzo email
hint-username = Lettere, cifre, punti, trattini o trattini bassi.
hint-new-password-long = Almeno 8 caratteri. Qualche parola che ricorderai è una buona password.
hint-new-password = Almeno 8 caratteri.
hint-step-up = Hai effettuato l'accesso un po' di tempo fa: conferma questa modifica con il tuo secondo fattore.

## /login
login-title = Accedi
login-submit = Accedi
login-passkey = Accedi con una passkey
login-passkey-nojs = Accesso con una passkey: richiede JavaScript, disattivato in questo browser.
login-forgot = Password dimenticata?
login-forgot-no-email = Password dimenticata? Il ripristino via email non è configurato su questo server: rivolgiti a chi lo gestisce.
login-new-here = Sei nuovo?
login-create-account = Crea un account

## /signup
signup-title = Crea un account
signup-lead = Scegli un nome utente e una password. Potrai aggiungere l'autenticazione a due fattori subito dopo.
signup-submit = Crea l'account
signup-have-account = Hai già un account?

## /login/2fa
second-factor-title = Inserisci il codice
second-factor-lead = Inserisci il codice a 6 cifre della tua app di autenticazione.
second-factor-verify = Verifica
second-factor-lost-phone = Hai perso il telefono? Usa un codice di backup
second-factor-backup-hint = Uno dei codici che hai salvato configurando l'autenticazione a due fattori, ad esempio k7mq2-x9vtd. Ogni codice funziona una sola volta.
second-factor-backup-submit = Accedi con un codice di backup
second-factor-passkey = Usa una passkey o una chiave di sicurezza
second-factor-passkey-nojs = Usa una passkey o una chiave di sicurezza: richiede JavaScript, disattivato in questo browser.
second-factor-cancel = Annulla e accedi con un altro account

## /account
account-title = Il tuo account
account-welcome = Benvenuto, { $name }
account-signed-in = Hai effettuato l'accesso a Deadbolt.
account-every-login = Ogni accesso richiede un codice a 6 cifre della tua app di autenticazione.
account-backup-way-back = Se perdi il telefono, sono il tuo modo per rientrare: generane di nuovi nelle impostazioni di sicurezza.
account-manage = Gestisci le impostazioni di sicurezza
account-password-only = Il tuo account è protetto solo dalla password. Aggiungi un secondo passaggio: un codice a 6 cifre da un'app sul telefono, così una password rubata non basta per entrare.
account-find-later = Lo ritrovi anche più tardi in:

## Configurazione
setup-title = Configura l'autenticazione a due fattori
setup-replacing = Stai collegando un nuovo dispositivo. È collegato un solo dispositivo alla volta: appena il nuovo è confermato, il vecchio smette di funzionare. Fino ad allora, il vecchio continua a funzionare.
setup-intro = Dopo la password, ogni accesso chiederà un codice a 6 cifre da un'app sul telefono o sul tablet. Il codice cambia ogni 30 secondi.
setup-install-first = Prima installa un'app di autenticazione
setup-confirm-you = Poi conferma che sei tu
setup-open-app = Apri la tua app di autenticazione
setup-no-app-yet = Non hai ancora un'app? Installane una di queste:
setup-scan-title = Scansiona il codice QR
setup-scan-text = Nell'app, scegli di aggiungere un account e scansiona questo codice. { $issuer } compare nell'app, insieme a un codice a 6 cifre che cambia ogni 30 secondi.
setup-qr-label = Codice QR per la tua app di autenticazione
setup-on-phone = Sei sul telefono?
setup-open-in-app = Apri nell'app di autenticazione
setup-cannot-scan = Non riesci a scansionare? Digita invece questa chiave nell'app:
setup-fact-account = Account
setup-fact-type = Tipo
setup-fact-type-value = Basato sul tempo (TOTP)
setup-fact-digits = Cifre
setup-fact-interval = Intervallo
setup-fact-interval-value = 30 secondi
setup-fact-algorithm = Algoritmo
setup-enter-code = Inserisci il codice a 6 cifre
setup-enter-code-text = Digita il codice che l'app mostra ora, per provare che il dispositivo funziona.
setup-previous-keeps-working = Il dispositivo precedente continua a funzionare fino ad allora.
setup-turn-on = Attiva
enabled-title = L'autenticazione a due fattori è attiva
enabled-linked = Il tuo dispositivo è collegato. D'ora in poi, ogni accesso chiede il codice a 6 cifre della tua app.
enabled-now-generate = Ora genera i tuoi codici di backup
enabled-generate-text = Se perdi il telefono, un codice di backup ti permette di accedere una volta. Generali ora e conservali in un posto sicuro. Generare nuovi codici invalida sempre quelli precedenti.
enabled-generate = Genera i codici di backup

## Codici di backup
codes-title = I tuoi codici di backup
codes-just-enabled = L'autenticazione a due fattori è attiva. D'ora in poi, ogni accesso chiede un codice della tua app.
codes-print-heading = Codici di backup Deadbolt di { $name }.
codes-generated = Generati il { $when }.
codes-shown-once = Questi codici vengono mostrati solo questa volta. Salvali ora: scaricali, stampali o copiali nel tuo gestore di password.
codes-each-once = Se perdi l'accesso alla tua app di autenticazione, ogni codice ti permette di accedere una volta. I codici precedenti non funzionano più.
codes-download = Scarica come .txt
codes-print = Per stamparli, usa il comando Stampa del browser.
codes-saved = Ho salvato i miei codici — torna alle impostazioni di sicurezza
codes-file-each-once = Ogni codice ti permette di accedere una volta se perdi l'accesso alla tua app di autenticazione.
codes-file-keep-safe = Generare nuovi codici invalida questi. Conserva questo file in un posto sicuro.

## Sicurezza
security-title = Impostazioni di sicurezza
security-2fa-on-text = Ogni accesso chiede un codice a 6 cifre della tua app di autenticazione. Al tuo account è collegato un solo dispositivo alla volta.
security-new-device = Configura un nuovo dispositivo
security-current-device-keeps = Il dispositivo attuale continua a funzionare finché il nuovo non è confermato con un codice.
security-disable-summary = Disattiva l'autenticazione a due fattori
security-disable-text = Senza di essa, la sola password apre il tuo account. Conferma con la password e un codice della tua app (o un codice di backup).
security-disable-submit = Disattiva
security-2fa-off-text = Aggiungi un secondo passaggio all'accesso: un codice a 6 cifre da un'app di autenticazione sul telefono o sul tablet. Così una password rubata da sola non basta per entrare.
security-setup-unconfirmed = È stata avviata una configurazione, ma non è stata confermata con un codice, quindi non è attiva. Configura la riavvia con un nuovo codice QR.
security-setup-button = Configura
security-backup-locked-out = Se perdi il telefono potresti restare chiuso fuori: genera nuovi codici.
security-backup-unused = { $count ->
    [one] Hai { $count } codice di backup non usato.
   *[other] Hai { $count } codici di backup non usati.
}
security-backup-text = Se perdi l'accesso alla tua app di autenticazione, ogni codice di backup ti permette di accedere una volta. Generare nuovi codici invalida quelli precedenti.
security-backup-generate = Genera nuovi codici
security-backup-when-on = I codici di backup permettono un accesso ciascuno se perdi il telefono. Sono disponibili quando l'autenticazione a due fattori è attiva.
passkeys-heading = Passkey e chiavi di sicurezza
passkeys-text = Una passkey (su questo dispositivo, sul telefono o in un gestore di password) o una chiave di sicurezza ti fa accedere senza password quando verifica il PIN o l'impronta, e vale come secondo passaggio dopo la password. Aggiungine più d'una: ognuna ha il suo nome e si può rimuovere da sola.
passkeys-none = Ancora nessuna chiave.
passkeys-added = Aggiunta il { $when }
passkeys-last-used = ultimo uso: { $when }
passkeys-never-used = mai
passkeys-rename-or-remove = Rinomina o rimuovi
passkeys-new-name = Nuovo nome
passkeys-rename = Rinomina
passkeys-remove = Rimuovi questa chiave
passkeys-nojs = Per aggiungere una passkey serve JavaScript, disattivato in questo browser: è il browser stesso a parlare con la chiave. Tutto il resto di questa pagina funziona anche senza.
passkeys-name = Nome della chiave
passkeys-name-hint = Ad esempio «YubiKey» o «Portatile».
passkeys-add = Aggiungi una passkey o una chiave di sicurezza
email-heading = Email
email-not-set-up = L'email non è configurata su questo server: non vengono inviati avvisi di sicurezza e una password dimenticata non si può ripristinare via email.
email-goes-to = Gli avvisi di sicurezza e i link per ripristinare la password vanno a { $address }.
email-none-yet = Ancora nessun indirizzo verificato. Aggiungine uno per sapere delle modifiche al tuo account e per ripristinare via email una password dimenticata.
email-send-link = Invia un link di conferma
email-new-used-once = Il nuovo indirizzo viene usato quando apri il link che gli viene inviato; quello attuale viene avvisato della modifica.
email-new-browser = Avvisami via email quando qualcuno accede da un browser mai visto
email-other-notices = Gli altri avvisi (modifiche all'autenticazione a due fattori, codici di backup, modifiche e ripristini della password, modifiche dell'indirizzo) vengono sempre inviati.
password-change = Cambia la password
sessions-heading = Sessioni
sessions-text = Dove il tuo account ha un accesso attivo in questo momento.
sessions-this-browser = Questo browser
sessions-last-active = ultima attività: { $when }
sessions-active-now = attiva ora
sessions-revoke = Revoca
sessions-revoke-label = Revoca la sessione di { $device }
sessions-sign-out-others = Esci da tutte le altre parti
activity-heading = Attività di sicurezza recente
activity-none = Ancora niente.
activity-footer = Gli orari sono in UTC. Qualcosa che non riconosci? Cambia la password ed esci da tutte le altre parti.

## /enrol
enrol-title = Scegli la tua password
enrol-lead = È stato creato per te un account { $name }. Scegli la sua password, poi accedi.
enrol-submit = Imposta la password
enrol-ask-new-link = Chiedi un nuovo link a chi gestisce questo servizio.

## Ripristino e verifica
reset-title = Ripristina la password
reset-not-set-up = Il ripristino della password via email non è configurato su questo server. Chiedi a chi lo gestisce di ripristinare il tuo accesso.
reset-sent = Se esiste un account corrispondente con un indirizzo email verificato, è in arrivo un link per ripristinarne la password. Funziona una volta, per 30 minuti.
reset-no-letter = Nessun messaggio dopo qualche minuto? Controlla la cartella spam o chiedi di nuovo: una volta usato, conta solo il link più recente.
reset-intro = Inserisci il tuo nome utente o l'indirizzo email verificato del tuo account. Ti invieremo un link per scegliere una nuova password. Se il tuo account ha l'autenticazione a due fattori, ti servirà anche un codice della tua app o un codice di backup.
reset-submit = Inviami un link
reset-back-to-login = Torna all'accesso
reset-confirm-title = Scegli una nuova password
reset-confirm-sessions = Tutte le sessioni del tuo account verranno chiuse, e questo browser avrà l'accesso.
reset-confirm-keeps-2fa = Il tuo account ha l'autenticazione a due fattori: il ripristino la lascia attiva.
reset-confirm-submit = Imposta la nuova password
reset-ask-new-link = Chiedi un nuovo link
verify-title = Conferma il tuo indirizzo email
verify-text = Conferma per rendere questo indirizzo quello del tuo account: gli avvisi di sicurezza e i link per ripristinare la password andranno lì.
verify-submit = Conferma questo indirizzo
verify-settings-link = Le tue impostazioni di sicurezza

## Conferme
notice-account-ready = Il tuo account è pronto.
notice-signed-out = Sei uscito.
notice-password-changed = La tua password è cambiata. Tutte le altre sessioni sono state chiuse.
notice-two-factor-off = L'autenticazione a due fattori è disattivata. Ora la sola password apre il tuo account.
notice-app-removed-keys-remain = L'app di autenticazione è stata rimossa. Le tue passkey mantengono attiva l'autenticazione a due fattori e i tuoi codici di backup restano validi.
notice-session-revoked = Quella sessione è stata chiusa.
notice-session-gone = Quella sessione era già terminata.
notice-signed-out-others = Tutte le altre sessioni sono state chiuse.
notice-password-reset = La tua password è stata ripristinata. Tutte le altre sessioni sono state chiuse e questo browser ha l'accesso.
notice-email-sent = È in arrivo un link di conferma al nuovo indirizzo. Aprilo per iniziare a usare quell'indirizzo.
notice-notifications-saved = Le impostazioni degli avvisi sono salvate.
notice-passkey-added = La chiave è aggiunta. Da ora può farti accedere.
notice-passkey-renamed = La chiave è stata rinominata.
notice-passkey-removed = La chiave è stata rimossa: non ti fa più accedere.
enrol-done-title = La tua password è impostata
enrol-done-text = Accedi come { $name } con la tua nuova password.
signup-closed-title = Le registrazioni sono chiuse
action-sign-in = Accedi
action-back-to-account = Torna al tuo account
action-back-to-security = Torna alle impostazioni di sicurezza

## Errori dei moduli
err-enter-username = Inserisci il tuo nome utente.
err-enter-password = Inserisci la tua password.
err-enter-password-continue = Inserisci la tua password per continuare.
err-enter-current-password = Inserisci la tua password attuale.
err-enter-username-or-email = Inserisci il tuo nome utente o indirizzo email.
err-enter-new-email = Inserisci il nuovo indirizzo email.
err-enter-code-or-backup = Inserisci il codice a 6 cifre della tua app o uno dei tuoi codici di backup.
err-enter-backup-code = Inserisci uno dei tuoi codici di backup.
err-enter-app-code = Inserisci il codice a 6 cifre della tua app di autenticazione.
err-enter-code-from-app = Inserisci il codice a 6 cifre della tua app.
err-choose-username = Scegli un nome utente.
err-choose-password = Scegli una password.
err-choose-new-password = Scegli una nuova password.
err-passwords-differ = Le due password sono diverse.
err-passwords-not-same = Le due password non coincidono. Digita di nuovo la password.
err-new-passwords-differ = Le due nuove password non coincidono. Digita di nuovo la nuova password.
err-username-taken-try = Questo nome utente è già in uso. Provane un altro.
err-backup-code-wrong = Quel codice di backup non è valido o è già stato usato. Ogni codice funziona una sola volta.
err-setup-code-wrong = Quel codice non è corretto. Controlla che l'ora del telefono sia giusta e inserisci il codice che l'app mostra ora.
err-no-setup-waiting = Nessuna configurazione è in attesa di un codice. Ricomincia con la tua password.
err-internal-title = Qualcosa è andato storto
err-internal = Qualcosa è andato storto da parte nostra. Riprova.
err-internal-page = Qualcosa è andato storto da parte nostra e non è stato modificato nulla. Riprova tra un momento.

## Errori delle regole
err-invalid-credentials = Il nome utente o la password non sono corretti.
err-wrong-password = La password non è corretta.
err-username-taken = Questo nome utente è già in uso.
err-wrong-code = Quel codice non è corretto. Controlla la tua app di autenticazione e riprova.
err-code-reused = Quel codice è già stato usato. Attendi il prossimo codice nella tua app.
err-throttled = { $count ->
    [one] Troppi tentativi. Riprova tra { $count } minuto.
   *[other] Troppi tentativi. Riprova tra { $count } minuti.
}
err-no-pending-setup = Non c'è nessuna configurazione dell'autenticazione a due fattori da confermare. Ricomincia la configurazione.
err-setup-expired = Questa configurazione è scaduta dopo 15 minuti senza codice. Ricomincia la configurazione.
err-step-up-required = Per confermare questa modifica, inserisci anche un codice della tua app di autenticazione (o un codice di backup).
err-two-factor-not-enabled = L'autenticazione a due fattori non è attiva.
err-email-not-configured = L'email non è configurata su questo server, quindi non si può fare via email. Rivolgiti a chi lo gestisce.
err-invalid-token = Questo link non è valido: potrebbe essere scaduto o già usato. Chiedine uno nuovo.
err-email-taken = Un altro account usa questo indirizzo email.
err-second-factor-required = Questo account ha l'autenticazione a due fattori: inserisci anche un codice della tua app di autenticazione o un codice di backup.
err-passkey-refused = Questa passkey o chiave di sicurezza non è stata accettata.
err-passkey-ceremony-gone = Questa richiesta di passkey è scaduta o è già stata usata. Riprova.
err-no-passkey = Per questo account non è registrata nessuna passkey né chiave di sicurezza.
err-passkeys-unavailable = Le passkey non sono disponibili su questo server (il suo indirizzo pubblico non ha un nome host accettato dai browser).
err-not-found = Non trovato.
err-account-disabled = Questo account è disattivato. Rivolgiti a chi gestisce questo servizio.
err-signup-closed = Le registrazioni sono chiuse su questo server: chiedi un link di invito a chi lo gestisce.
err-password-nul = La password non deve contenere un carattere NUL.
err-password-too-short = { $count ->
    [one] Usa almeno { $count } carattere.
   *[other] Usa almeno { $count } caratteri.
}
err-password-too-long = { $count ->
    [one] Usa al massimo { $count } carattere.
   *[other] Usa al massimo { $count } caratteri.
}
err-password-common = Questa password è tra le più comuni; scegline una più difficile da indovinare.
err-password-context = La password non deve essere costruita a partire da { $word }; scegline una che non abbia niente a che fare con questo account o questo servizio.
err-username-too-long = { $count ->
    [one] Usa al massimo { $count } carattere per il nome utente.
   *[other] Usa al massimo { $count } caratteri per il nome utente.
}
err-username-characters = Un nome utente può contenere solo lettere, cifre, «.», «_» e «-».
err-username-one-script = Un nome utente può usare le lettere di un solo alfabeto (latino, cirillico, greco, ecc.), senza mescolarle.
err-enter-email = Inserisci un indirizzo email.
err-email-too-long = Questo indirizzo email è troppo lungo (al massimo 254 caratteri).
err-email-spaces = Un indirizzo email non può contenere spazi né a capo.
err-email-invalid = Questo non è un indirizzo email valido (nome@esempio.com).
err-email-domain = Usa un indirizzo su un nome di dominio (nome@esempio.com), non su un host locale o un indirizzo IP.
err-email-same = Questo è già il tuo indirizzo.
err-passkey-response = Questa non è una risposta di passkey.
err-passkey-registered = Questa chiave è già registrata.
err-passkey-name = { $count ->
    [one] Dai alla chiave un nome da 1 a { $count } carattere.
   *[other] Dai alla chiave un nome da 1 a { $count } caratteri.
}

## Errori propri dell'API JSON
api-unauthenticated = Non hai effettuato l'accesso.
api-no-pending-login = Nessun accesso è in attesa di un codice. Accedi prima con la tua password.
api-cross-site = Le richieste tra siti diversi non sono consentite.
api-not-found = Non c'è niente a questo indirizzo.
api-too-large = Il corpo della richiesta è troppo grande (al massimo 16 KiB).
api-unsupported-media-type = Invia il corpo della richiesta in JSON con Content-Type: application/json.
api-unreadable-body = Non è stato possibile leggere il corpo della richiesta.
api-nul-character = La richiesta non deve contenere caratteri NUL.
api-body-mismatch = Il corpo della richiesta non corrisponde a questo endpoint: { $detail }.
api-wrong-type = Il corpo della richiesta ha un campo di tipo sbagliato.
api-not-json = Il corpo della richiesta non è JSON valido.
api-code-or-backup-code = Invia «code» oppure «backup_code», solo uno dei due.
api-username-or-email = Invia «username» oppure «email», solo uno dei due.

## Attività di sicurezza recente
event-signed-up = Account creato
event-sign-in-app-code = Accesso con password e codice dell'app di autenticazione
event-sign-in-backup-code = Accesso con password e codice di backup
event-sign-in-password = Accesso con password
event-wrong-password-settings = Password sbagliata nelle impostazioni di sicurezza
event-wrong-password-login = Accesso non riuscito: password sbagliata
event-wrong-code = Codice dell'autenticazione a due fattori sbagliato
event-code-entry-paused = Troppi codici sbagliati: inserimento dei codici sospeso
event-code-replay-refused = È stato rifiutato un codice già usato
event-two-factor-on = Autenticazione a due fattori attivata
event-two-factor-off = Autenticazione a due fattori disattivata
event-app-removed-keys-remain = App di autenticazione rimossa (le passkey mantengono attiva l'autenticazione a due fattori)
event-two-factor-reset = Autenticazione a due fattori rimossa da un amministratore
event-backup-codes-generated = Nuovi codici di backup generati
event-backup-code-used = { $count ->
    [one] Codice di backup usato (ne resta { $count })
   *[other] Codice di backup usato (ne restano { $count })
}
event-password-changed = Password cambiata
event-password-reset = Password ripristinata via email
event-email-changed = Indirizzo email cambiato in { $address }
event-new-browser = Accesso da un browser mai visto
event-mail-undeliverable = Non è stato possibile consegnarti un'email
event-passkey-added = Passkey aggiunta
event-passkey-removed = Passkey rimossa
event-passkey-used = Accesso con una passkey
event-passkey-counter-regressed = Passkey rifiutata (il suo contatore è tornato indietro, potrebbe essere clonata)
event-group-added = Aggiunto al gruppo { $group } da un amministratore
event-group-removed = Rimosso dal gruppo { $group } da un amministratore
event-account-disabled = Account disattivato da un amministratore
event-account-enabled = Account riattivato da un amministratore

## Passkey come unico secondo fattore, e conferma con una chiave
step-up-passkey-text = Hai effettuato l'accesso tempo fa: le modifiche alla password e ai secondi fattori chiedono di nuovo un secondo fattore. Scrivi un codice o un codice di backup nel modulo, oppure conferma una volta con una delle tue chiavi.
step-up-passkey-button = Conferma con una passkey
step-up-passkey-nojs = Per confermare con una passkey serve JavaScript, che in questo browser è disattivato; i campi del codice funzionano anche senza.
security-factors-app = Il tuo secondo fattore: un'app di autenticazione.
security-factors-app-and-keys = { $count ->
    [one] I tuoi secondi fattori: un'app di autenticazione e 1 passkey o chiave di sicurezza.
   *[other] I tuoi secondi fattori: un'app di autenticazione e { $count } passkey o chiavi di sicurezza.
}
security-factors-keys = { $count ->
    [one] Il tuo secondo fattore: 1 passkey o chiave di sicurezza.
   *[other] I tuoi secondi fattori: { $count } passkey o chiavi di sicurezza.
}
security-disable-text-keys-stay = Così rimuovi l'app di autenticazione. Le tue passkey e chiavi di sicurezza restano: ti fanno ancora accedere e restano il tuo secondo passaggio, e i tuoi codici di backup restano validi. Conferma con la password e un codice della tua app (o un codice di backup).
security-keys-only-text = Ogni accesso con la password chiede una delle tue passkey o chiavi di sicurezza (o un codice di backup). Rimuovere l'ultima chiave disattiva l'autenticazione a due fattori. Puoi aggiungere anche un'app di autenticazione: un codice a 6 cifre sul telefono.
security-setup-app-button = Configura un'app di autenticazione
notice-passkey-stepped-up = Confermato con la tua chiave: per i prossimi minuti le modifiche qui non chiedono codici.
notice-passkey-removed-two-factor-off = La chiave è stata rimossa. Era il tuo ultimo secondo fattore, quindi l'autenticazione a due fattori è disattivata: basta la password per accedere, i codici di backup non funzionano più e le altre sessioni sono state chiuse.

## Accesso unico (OpenID Connect): la pagina di consenso, la sua pagina di errore, le applicazioni collegate
oidc-consent-title = Autorizzare { $client }?
oidc-consent-heading = Accedere a { $client } con il tuo account?
oidc-consent-lead = { $client } chiede di sapere:
oidc-consent-note = L'applicazione non vede mai la tua password né i tuoi codici. Puoi scollegarla in qualsiasi momento da Impostazioni → Sicurezza → Applicazioni collegate.
oidc-allow = Consenti
oidc-deny = Nega
oidc-scope-openid = Che hai effettuato l'accesso qui, con un identificativo del tuo account (non il tuo nome utente).
oidc-scope-profile = Il tuo nome utente.
oidc-scope-email = Il tuo indirizzo email verificato.
oidc-scope-groups = I gruppi di cui fa parte il tuo account.
oidc-scope-offline = Restare collegata mentre non ci sei, finché non la scolleghi.
oidc-error-title = Questa richiesta di accesso non può essere usata
oidc-error-text = { $message } Torna all'applicazione e riprova; se continua a succedere, avvisa chi la gestisce.
oidc-error-link = Vai al tuo account
oidc-error-return-address = L'indirizzo di ritorno dell'applicazione non è utilizzabile.
oidc-error-malformed = La richiesta non è formata correttamente (un escape non valido o un testo che non è UTF-8).
oidc-error-form = Il modulo non è formato correttamente.
oidc-error-no-decision = Il modulo non indica se consenti l'accesso all'applicazione.
oidc-error-damaged = La richiesta di accesso si è danneggiata lungo il percorso.
oidc-error-too-long = La richiesta è troppo lunga per poterci tornare dopo l'accesso.
oidc-error-client-repeated = La richiesta indica la sua applicazione (client_id) più di una volta.
oidc-error-no-client = La richiesta non indica la sua applicazione (client_id).
oidc-error-unknown-client = Questa applicazione non è registrata presso questo servizio.
oidc-error-redirect-repeated = La richiesta indica il suo indirizzo di ritorno (redirect_uri) più di una volta.
oidc-error-no-redirect = La richiesta non dice dove tornare (redirect_uri).
oidc-error-redirect-unknown = L'indirizzo a cui questa richiesta vuole tornare non è registrato per l'applicazione.
oidc-error-failed = Il servizio non è riuscito a trovare l'applicazione in questo momento.
apps-heading = Applicazioni collegate
apps-text = Le applicazioni a cui hai consentito di farti accedere con questo account. Scollegarne una ti fa uscire da quell'applicazione, e la volta successiva ti chiederà di nuovo il consenso.
apps-none = Ancora nessuna applicazione.
apps-allowed = Consentita il { $when }
apps-may-learn = può sapere: { $scopes }
apps-disconnect = Scollega
notice-app-disconnected = L'applicazione è scollegata: sei uscito da essa e ti chiederà di nuovo il consenso.

## Forward-auth: ciò che un proxy inverso mostra quando l'accesso è negato
authz-header-repeated = { $header } è stato inviato più di una volta.
authz-header-characters = { $header } contiene caratteri che un URL non può avere.
authz-header-missing = Manca { $header }.
authz-bad-method = Il metodo inoltrato non è un metodo HTTP.
authz-url-not-absolute = L'URL originale deve essere un URL http o https assoluto.
authz-url-invalid = L'URL originale non è un URL.
authz-url-host = L'URL originale deve indicare un host e nessun utente.
authz-proto = X-Forwarded-Proto deve essere http o https.
authz-host = X-Forwarded-Host non è un host.
authz-uri = X-Forwarded-Uri deve essere un percorso che inizia con una sola /.
authz-forbidden = Non è autorizzato ad aprire questa pagina.
authz-sign-in = Acceda (con il secondo fattore, se la pagina lo chiede) per aprire questa pagina.
authz-untrusted-proxy = Le intestazioni inoltrate sono accettate solo da un indirizzo --trusted-proxy.

## Ciò che dice passkeys.js
passkey-js-cancelled = La richiesta della passkey è stata annullata o è scaduta. Riprovi.
passkey-js-failed = Qualcosa è andato storto. Riprovi.
passkey-js-server-answered = Il server ha risposto { $status }.
passkey-js-unsupported = Questo browser non può usare passkey né chiavi di sicurezza.

## Browser
browser-on = { $browser } su { $system }
browser-on-system = Un browser su { $system }
browser-unknown = Browser sconosciuto
