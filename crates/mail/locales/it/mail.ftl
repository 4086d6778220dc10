# Le lettere di Deadbolt in italiano (le stesse chiavi di locales/en/mail.ftl).

## Date
datetime-pattern = %-d %B %Y, %H:%M UTC

## Sotto il testo di ogni avviso
row-when = Quando
row-from-address = Dall'indirizzo
browser-on = { $browser } su { $system }
browser-on-system = Un browser su { $system }
row-browser = Browser
not-you = Se non è stato lei, cambi subito la password e controlli le sessioni e l'attività del suo account su { $url }.

## Il link che verifica un nuovo indirizzo
verify-subject = Confermi il suo indirizzo email per { $issuer }
verify-body = Qualcuno ha chiesto di usare questo indirizzo email per un account su { $issuer }. Apra il link qui sotto entro 24 ore per confermarlo; funziona una sola volta.
verify-link = Conferma questo indirizzo
verify-closing = Se non l'ha chiesto lei, ignori questa lettera: l'indirizzo non verrà usato.

## Il link che reimposta una password dimenticata
reset-subject = Reimposti la sua password di { $issuer }
reset-body = Qualcuno ha chiesto di reimpostare la password del suo account { $issuer }. Apra il link qui sotto entro 30 minuti per sceglierne una nuova; funziona una sola volta.
reset-body-second-factor = Se l'autenticazione a due fattori è attiva, le servirà anche un codice dell'app di autenticazione o un codice di riserva: una reimpostazione non la disattiva mai.
reset-link = Scegli una nuova password
reset-closing = Se non l'ha chiesto lei, ignori questa lettera: la sua password resta com'è.

## deadbolt mail test
test-subject = Messaggio di prova da { $issuer }
test-body = Questo è un messaggio di prova da { $issuer }: le sue impostazioni di posta funzionano.
test-closing = Non c'è niente da fare.

## Avvisi di sicurezza
two-factor-enabled-subject = L'autenticazione a due fattori è stata attivata
two-factor-enabled-body = L'autenticazione a due fattori è stata attivata per il suo account { $issuer }. D'ora in poi l'accesso richiede un codice dell'app di autenticazione.
two-factor-disabled-subject = L'autenticazione a due fattori è stata disattivata
two-factor-disabled-body = L'autenticazione a due fattori è stata disattivata per il suo account { $issuer }. Ora per accedere basta la password.
two-factor-reset-subject = Un operatore ha reimpostato la sua autenticazione a due fattori
two-factor-reset-body = Un operatore di { $issuer } ha rimosso l'app di autenticazione e i codici di riserva del suo account, e ha chiuso tutte le sue sessioni. Configuri di nuovo l'autenticazione a due fattori dopo l'accesso.
backup-codes-generated-subject = Sono stati creati nuovi codici di riserva
backup-codes-generated-body = { $count ->
    [one] È stata creata una nuova serie di { $count } codice di riserva per il suo account { $issuer }; i codici precedenti non funzionano più.
   *[other] È stata creata una nuova serie di { $count } codici di riserva per il suo account { $issuer }; i codici precedenti non funzionano più.
}
backup-code-used-subject = È stato usato un codice di riserva
backup-code-used-body = È stato usato un codice di riserva per il suo account { $issuer }. Codici di riserva rimasti: { $count }.
password-changed-subject = La sua password è stata cambiata
password-changed-body = La password del suo account { $issuer } è stata cambiata, e le altre sessioni sono state chiuse.
password-reset-subject = La sua password è stata reimpostata
password-reset-body = La password del suo account { $issuer } è stata reimpostata tramite un link inviato a questo indirizzo, e tutte le sessioni sono state chiuse.
email-changed-subject = Il suo indirizzo email è stato cambiato
email-changed-body = Il suo account { $issuer } ora usa l'indirizzo { $address }. Questo indirizzo non riceverà più avvisi.
new-browser-subject = Nuovo accesso da un browser mai visto prima
new-browser-body = La sua password di { $issuer } è stata inserita correttamente da un browser che non aveva mai effettuato l'accesso al suo account.
passkey-added-subject = È stata aggiunta una passkey
passkey-added-body = È stata aggiunta una passkey al suo account { $issuer } ({ $name }). Ora può accedere senza la password.
other-subject = Attività di sicurezza sul suo account { $issuer }
other-body = È successo qualcosa sul suo account { $issuer } ({ $name }). Controlli l'attività nella pagina di sicurezza.
