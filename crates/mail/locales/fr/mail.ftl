# Les lettres de Deadbolt en français (mêmes clés que locales/en/mail.ftl).

## Dates
datetime-pattern = %-d %B %Y, %H:%M UTC

## Sous le texte de chaque avis
row-when = Quand
row-from-address = Depuis l'adresse
browser-on = { $browser } sous { $system }
browser-on-system = Un navigateur sous { $system }
row-browser = Navigateur
not-you = Si ce n'était pas vous, changez votre mot de passe dès maintenant et vérifiez les sessions et l'activité de votre compte sur { $url }.

## Le lien qui vérifie une nouvelle adresse
verify-subject = Confirmez votre adresse e-mail pour { $issuer }
verify-body = Quelqu'un a demandé à utiliser cette adresse e-mail pour un compte sur { $issuer }. Ouvrez le lien ci-dessous dans les 24 heures pour la confirmer ; il ne fonctionne qu'une fois.
verify-link = Confirmer cette adresse
verify-closing = Si vous n'avez rien demandé, ignorez cette lettre : l'adresse ne sera pas utilisée.

## Le lien qui réinitialise un mot de passe oublié
reset-subject = Réinitialisez votre mot de passe { $issuer }
reset-body = Quelqu'un a demandé à réinitialiser le mot de passe de votre compte { $issuer }. Ouvrez le lien ci-dessous dans les 30 minutes pour en choisir un nouveau ; il ne fonctionne qu'une fois.
reset-body-second-factor = Si l'authentification à deux facteurs est activée, il vous faudra aussi un code de votre application d'authentification ou un code de secours : une réinitialisation ne la désactive jamais.
reset-link = Choisir un nouveau mot de passe
reset-closing = Si vous n'avez rien demandé, ignorez cette lettre : votre mot de passe reste inchangé.

## deadbolt mail test
test-subject = Message de test de { $issuer }
test-body = Ceci est un message de test de { $issuer } : ses réglages de messagerie fonctionnent.
test-closing = Il n'y a rien à faire.

## Avis de sécurité
two-factor-enabled-subject = L'authentification à deux facteurs a été activée
two-factor-enabled-body = L'authentification à deux facteurs a été activée pour votre compte { $issuer }. Désormais, la connexion demande un code de votre application d'authentification.
two-factor-disabled-subject = L'authentification à deux facteurs a été désactivée
two-factor-disabled-body = L'authentification à deux facteurs a été désactivée pour votre compte { $issuer }. La connexion ne demande plus que votre mot de passe.
two-factor-reset-subject = Un opérateur a réinitialisé votre authentification à deux facteurs
two-factor-reset-body = Un opérateur de { $issuer } a retiré l'application d'authentification et les codes de secours de votre compte, et l'a déconnecté partout. Configurez de nouveau l'authentification à deux facteurs après vous être connecté.
backup-codes-generated-subject = De nouveaux codes de secours ont été créés
backup-codes-generated-body = { $count ->
    [one] Une nouvelle série de { $count } code de secours a été créée pour votre compte { $issuer } ; les anciens codes ne fonctionnent plus.
   *[other] Une nouvelle série de { $count } codes de secours a été créée pour votre compte { $issuer } ; les anciens codes ne fonctionnent plus.
}
backup-code-used-subject = Un code de secours a été utilisé
backup-code-used-body = Un code de secours a été utilisé pour votre compte { $issuer }. Codes de secours restants : { $count }.
password-changed-subject = Votre mot de passe a été modifié
password-changed-body = Le mot de passe de votre compte { $issuer } a été modifié, et ses autres sessions ont été déconnectées.
password-reset-subject = Votre mot de passe a été réinitialisé
password-reset-body = Le mot de passe de votre compte { $issuer } a été réinitialisé grâce à un lien envoyé à cette adresse, et toutes les sessions ont été déconnectées.
email-changed-subject = Votre adresse e-mail a été modifiée
email-changed-body = Votre compte { $issuer } utilise désormais l'adresse { $address }. Cette adresse-ci ne recevra plus d'avis.
new-browser-subject = Nouvelle connexion depuis un navigateur inconnu
new-browser-body = Votre mot de passe { $issuer } a été saisi correctement depuis un navigateur qui ne s'était encore jamais connecté à votre compte.
passkey-added-subject = Une clé d'accès a été ajoutée
passkey-added-body = Une clé d'accès a été ajoutée à votre compte { $issuer } ({ $name }). Elle permet désormais de se connecter sans le mot de passe.
other-subject = Activité de sécurité sur votre compte { $issuer }
other-body = Il s'est passé quelque chose sur votre compte { $issuer } ({ $name }). Vérifiez son activité sur la page de sécurité.
