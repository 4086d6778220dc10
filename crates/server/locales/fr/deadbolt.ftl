# Deadbolt en français. Termes : « authentification à deux facteurs »,
# « code de secours », « application d'authentification », « Configurer »
# (Paramètres → Compte → Sécurité → Authentification à deux facteurs → Configurer).

## Dates
datetime-pattern = %-d %B %Y, %H:%M UTC

## Toutes les pages
skip-to-content = Aller au contenu
toolbar-label = Barre d'outils
breadcrumb-label = Fil d'Ariane
language-menu-label = Langue
nav-account = Compte
nav-settings = Paramètres
nav-security = Sécurité
nav-sign-out = Se déconnecter
nav-log-in = Se connecter
nav-sign-up = S'inscrire
signed-in-as = Connecté en tant que { $name }
footer-tagline = Deadbolt · connexion par mot de passe et code à usage unique
menu-overview = Vue d'ensemble
menu-recent-activity = Activité récente
two-factor-authentication = Authentification à deux facteurs
backup-codes = Codes de secours
status-on = Activée
status-off = Désactivée
action-continue = Continuer
action-cancel = Annuler
action-later = Plus tard
action-save = Enregistrer
apps-any-totp = Toute autre application fondée sur le standard ouvert TOTP fonctionne aussi (1Password, Bitwarden, KeePassXC, etc.).
backup-codes-low = { $count ->
    [0] Vous n'avez plus aucun code de secours.
    [one] Il ne vous reste qu'{ $count } code de secours.
   *[other] Il ne vous reste que { $count } codes de secours.
}
backup-codes-left = { $count ->
    [one] { $count } code de secours restant.
   *[other] { $count } codes de secours restants.
}

## Champs
label-username = Nom d'utilisateur
label-password = Mot de passe
label-your-password = Votre mot de passe
label-repeat-password = Répétez le mot de passe
label-current-password = Mot de passe actuel
label-new-password = Nouveau mot de passe
label-repeat-new-password = Répétez le nouveau mot de passe
label-six-digit-code = Code à 6 chiffres
label-backup-code = Code de secours
label-code-or-backup = Code à 6 chiffres ou code de secours
label-current-app-code = Code à 6 chiffres de votre application actuelle, ou un code de secours
label-username-or-email = Nom d'utilisateur ou adresse e-mail
label-new-email = Nouvelle adresse e-mail
hint-username = Lettres, chiffres, points, tirets ou tirets bas.
hint-new-password-long = Au moins 8 caractères. Quelques mots dont vous vous souviendrez font un bon mot de passe.
hint-new-password = Au moins 8 caractères.
hint-step-up = Vous vous êtes connecté il y a un moment : confirmez cette modification avec votre second facteur.

## /login
login-title = Connexion
login-submit = Se connecter
login-passkey = Se connecter avec une clé d'accès
login-passkey-nojs = Connexion avec une clé d'accès : nécessite JavaScript, désactivé dans ce navigateur.
login-forgot = Mot de passe oublié ?
login-forgot-no-email = Mot de passe oublié ? La réinitialisation par e-mail n'est pas configurée sur ce serveur : adressez-vous aux personnes qui le gèrent.
login-new-here = Nouveau ici ?
login-create-account = Créer un compte

## /signup
signup-title = Créer un compte
signup-lead = Choisissez un nom d'utilisateur et un mot de passe. Vous pourrez ajouter l'authentification à deux facteurs juste après.
signup-submit = Créer le compte
signup-have-account = Vous avez déjà un compte ?

## /login/2fa
second-factor-title = Saisissez votre code
second-factor-lead = Saisissez le code à 6 chiffres affiché par votre application d'authentification.
second-factor-verify = Vérifier
second-factor-lost-phone = Téléphone perdu ? Utilisez un code de secours
second-factor-backup-hint = L'un des codes enregistrés lors de la configuration de l'authentification à deux facteurs, par exemple k7mq2-x9vtd. Chaque code ne sert qu'une fois.
second-factor-backup-submit = Se connecter avec un code de secours
second-factor-passkey = Utiliser une clé d'accès ou une clé de sécurité
second-factor-passkey-nojs = Utiliser une clé d'accès ou une clé de sécurité : nécessite JavaScript, désactivé dans ce navigateur.
second-factor-cancel = Annuler et se connecter avec un autre compte

## /account
account-title = Votre compte
account-welcome = Bienvenue, { $name }
account-signed-in = Vous êtes connecté à Deadbolt.
account-every-login = Chaque connexion demande un code à 6 chiffres de votre application d'authentification.
account-backup-way-back = Si vous perdez votre téléphone, ils sont votre moyen de revenir : générez-en de nouveaux dans vos paramètres de sécurité.
account-manage = Gérer les paramètres de sécurité
account-password-only = Votre compte n'est protégé que par votre mot de passe. Ajoutez une deuxième étape : un code à 6 chiffres d'une application sur votre téléphone, pour qu'un mot de passe volé ne suffise pas à entrer.
account-find-later = Vous le retrouverez aussi plus tard :

## Configuration
setup-title = Configurer l'authentification à deux facteurs
setup-replacing = Vous associez un nouvel appareil. Un seul appareil est associé à la fois : dès que le nouveau est confirmé, l'ancien cesse de fonctionner. D'ici là, l'ancien continue de fonctionner.
setup-intro = Après votre mot de passe, chaque connexion demandera un code à 6 chiffres d'une application sur votre téléphone ou votre tablette. Le code change toutes les 30 secondes.
setup-install-first = D'abord, installez une application d'authentification
setup-confirm-you = Puis confirmez votre identité
setup-open-app = Ouvrez votre application d'authentification
setup-no-app-yet = Pas encore d'application ? Installez l'une de celles-ci :
setup-scan-title = Scannez le code QR
setup-scan-text = Dans l'application, choisissez d'ajouter un compte et scannez ce code. { $issuer } apparaît dans l'application, avec un code à 6 chiffres qui change toutes les 30 secondes.
setup-qr-label = Code QR pour votre application d'authentification
setup-on-phone = Sur votre téléphone ?
setup-open-in-app = Ouvrir dans l'application d'authentification
setup-cannot-scan = Impossible de scanner ? Saisissez plutôt cette clé dans l'application :
setup-fact-account = Compte
setup-fact-type = Type
setup-fact-type-value = Basé sur le temps (TOTP)
setup-fact-digits = Chiffres
setup-fact-interval = Intervalle
setup-fact-interval-value = 30 secondes
setup-fact-algorithm = Algorithme
setup-enter-code = Saisissez le code à 6 chiffres
setup-enter-code-text = Saisissez le code que l'application affiche maintenant, pour prouver que l'appareil fonctionne.
setup-previous-keeps-working = Votre appareil précédent continue de fonctionner jusque-là.
setup-turn-on = Activer
enabled-title = L'authentification à deux facteurs est activée
enabled-linked = Votre appareil est associé. Désormais, chaque connexion demande le code à 6 chiffres de votre application.
enabled-now-generate = Générez maintenant vos codes de secours
enabled-generate-text = Si vous perdez votre téléphone, un code de secours vous permet de vous connecter une fois. Générez-les maintenant et conservez-les en lieu sûr. Générer de nouveaux codes invalide toujours les précédents.
enabled-generate = Générer les codes de secours

## Codes de secours
codes-title = Vos codes de secours
codes-just-enabled = L'authentification à deux facteurs est activée. Désormais, chaque connexion demande un code de votre application.
codes-print-heading = Codes de secours Deadbolt de { $name }.
codes-generated = Générés le { $when }.
codes-shown-once = Ces codes ne sont affichés qu'une seule fois. Enregistrez-les maintenant : téléchargez-les, imprimez-les ou copiez-les dans votre gestionnaire de mots de passe.
codes-each-once = Si vous perdez l'accès à votre application d'authentification, chaque code vous permet de vous connecter une fois. Les codes précédents ne fonctionnent plus.
codes-download = Télécharger en .txt
codes-print = Pour les imprimer, utilisez la commande Imprimer de votre navigateur.
codes-saved = J'ai enregistré mes codes — retour aux paramètres de sécurité
codes-file-each-once = Chaque code vous permet de vous connecter une fois si vous perdez l'accès à votre application d'authentification.
codes-file-keep-safe = Générer de nouveaux codes invalide ceux-ci. Conservez ce fichier en lieu sûr.

## Sécurité
security-title = Paramètres de sécurité
security-2fa-on-text = Chaque connexion demande un code à 6 chiffres de votre application d'authentification. Un seul appareil est associé à votre compte à la fois.
security-new-device = Configurer un nouvel appareil
security-current-device-keeps = Votre appareil actuel continue de fonctionner jusqu'à ce que le nouveau soit confirmé par un code.
security-disable-summary = Désactiver l'authentification à deux facteurs
security-disable-text = Sans elle, votre mot de passe seul ouvre votre compte. Confirmez avec votre mot de passe et un code de votre application (ou un code de secours).
security-disable-submit = Désactiver
security-2fa-off-text = Ajoutez une deuxième étape à votre connexion : un code à 6 chiffres d'une application d'authentification sur votre téléphone ou votre tablette. Un mot de passe volé ne suffit alors plus pour entrer.
security-setup-unconfirmed = Une configuration a été commencée mais pas confirmée par un code : elle n'est donc pas active. Configurer la recommence avec un nouveau code QR.
security-setup-button = Configurer
security-backup-locked-out = Si vous perdez votre téléphone, vous risquez de ne plus pouvoir entrer : générez de nouveaux codes.
security-backup-unused = { $count ->
    [one] Vous avez { $count } code de secours inutilisé.
   *[other] Vous avez { $count } codes de secours inutilisés.
}
security-backup-text = Si vous perdez l'accès à votre application d'authentification, chaque code de secours vous permet de vous connecter une fois. Générer de nouveaux codes invalide les précédents.
security-backup-generate = Générer de nouveaux codes
security-backup-when-on = Les codes de secours permettent chacun une connexion si vous perdez votre téléphone. Ils sont disponibles une fois l'authentification à deux facteurs activée.
passkeys-heading = Clés d'accès et clés de sécurité
passkeys-text = Une clé d'accès (sur cet appareil, votre téléphone ou un gestionnaire de mots de passe) ou une clé de sécurité vous connecte sans mot de passe lorsqu'elle vérifie votre code PIN ou votre empreinte, et sert de deuxième étape après le mot de passe. Ajoutez-en plusieurs : chacune a son propre nom et peut être supprimée séparément.
passkeys-none = Aucune clé pour l'instant.
passkeys-added = Ajoutée le { $when }
passkeys-last-used = dernière utilisation : { $when }
passkeys-never-used = jamais
passkeys-rename-or-remove = Renommer ou supprimer
passkeys-new-name = Nouveau nom
passkeys-rename = Renommer
passkeys-remove = Supprimer cette clé
passkeys-nojs = Ajouter une clé d'accès nécessite JavaScript, désactivé dans ce navigateur : c'est le navigateur lui-même qui dialogue avec la clé. Tout le reste de cette page fonctionne sans.
passkeys-name = Nom de la clé
passkeys-name-hint = Par exemple « YubiKey » ou « Portable ».
passkeys-add = Ajouter une clé d'accès ou une clé de sécurité
email-heading = E-mail
email-not-set-up = L'e-mail n'est pas configuré sur ce serveur : aucun avis de sécurité n'est envoyé et un mot de passe oublié ne peut pas être réinitialisé par e-mail.
email-goes-to = Les avis de sécurité et les liens de réinitialisation du mot de passe sont envoyés à { $address }.
email-none-yet = Aucune adresse vérifiée pour l'instant. Ajoutez-en une pour être averti des modifications de votre compte et pour réinitialiser un mot de passe oublié par e-mail.
email-send-link = Envoyer un lien de confirmation
email-new-used-once = La nouvelle adresse est utilisée dès que vous ouvrez le lien qui lui est envoyé ; l'adresse actuelle est informée du changement.
email-new-browser = M'avertir par e-mail quand quelqu'un se connecte depuis un navigateur jamais vu
email-other-notices = Les autres avis (authentification à deux facteurs, codes de secours, changements et réinitialisations du mot de passe, changements d'adresse) sont toujours envoyés.
password-change = Changer le mot de passe
sessions-heading = Sessions
sessions-text = Là où votre compte est connecté en ce moment.
sessions-this-browser = Ce navigateur
sessions-last-active = dernière activité : { $when }
sessions-active-now = actif en ce moment
sessions-revoke = Révoquer
sessions-revoke-label = Révoquer la session de { $device }
sessions-sign-out-others = Se déconnecter partout ailleurs
activity-heading = Activité de sécurité récente
activity-none = Rien pour l'instant.
activity-footer = Les heures sont en UTC. Quelque chose que vous ne reconnaissez pas ? Changez votre mot de passe et déconnectez-vous partout ailleurs.

## /enrol
enrol-title = Choisissez votre mot de passe
enrol-lead = Un compte { $name } a été créé pour vous. Choisissez son mot de passe, puis connectez-vous.
enrol-submit = Définir le mot de passe
enrol-ask-new-link = Demandez un nouveau lien aux personnes qui gèrent ce service.

## Réinitialisation et vérification
reset-title = Réinitialiser votre mot de passe
reset-not-set-up = La réinitialisation du mot de passe par e-mail n'est pas configurée sur ce serveur. Demandez aux personnes qui le gèrent de réinitialiser votre accès.
reset-sent = Si un compte correspond et possède une adresse e-mail vérifiée, un lien pour réinitialiser son mot de passe est en route. Il fonctionne une fois, pendant 30 minutes.
reset-no-letter = Pas de message après quelques minutes ? Vérifiez le dossier des indésirables, ou redemandez : seul le lien le plus récent compte une fois utilisé.
reset-intro = Saisissez votre nom d'utilisateur ou l'adresse e-mail vérifiée de votre compte. Nous vous enverrons un lien pour choisir un nouveau mot de passe. Si votre compte utilise l'authentification à deux facteurs, il vous faudra aussi un code de votre application ou un code de secours.
reset-submit = M'envoyer un lien
reset-back-to-login = Retour à la connexion
reset-confirm-title = Choisissez un nouveau mot de passe
reset-confirm-sessions = Toutes les sessions de votre compte seront déconnectées, et ce navigateur sera connecté.
reset-confirm-keeps-2fa = Votre compte utilise l'authentification à deux facteurs : une réinitialisation la laisse activée.
reset-confirm-submit = Définir le nouveau mot de passe
reset-ask-new-link = Demander un nouveau lien
verify-title = Confirmez votre adresse e-mail
verify-text = Confirmez pour faire de cette adresse celle de votre compte : les avis de sécurité et les liens de réinitialisation du mot de passe y seront envoyés.
verify-submit = Confirmer cette adresse
verify-settings-link = Vos paramètres de sécurité

## Confirmations
notice-account-ready = Votre compte est prêt.
notice-signed-out = Vous êtes déconnecté.
notice-password-changed = Votre mot de passe est modifié. Toutes les autres sessions ont été déconnectées.
notice-two-factor-off = L'authentification à deux facteurs est désactivée. Votre mot de passe seul ouvre désormais votre compte.
notice-app-removed-keys-remain = L'application d'authentification est retirée. Vos clés d'accès gardent l'authentification à deux facteurs activée, et vos codes de secours restent valables.
notice-session-revoked = Cette session est déconnectée.
notice-session-gone = Cette session avait déjà pris fin.
notice-signed-out-others = Toutes les autres sessions sont déconnectées.
notice-password-reset = Votre mot de passe est réinitialisé. Toutes les autres sessions ont été déconnectées, et ce navigateur est connecté.
notice-email-sent = Un lien de confirmation est en route vers la nouvelle adresse. Ouvrez-le pour commencer à utiliser cette adresse.
notice-notifications-saved = Vos réglages d'avis sont enregistrés.
notice-passkey-added = La clé est ajoutée. Elle peut vous connecter dès maintenant.
notice-passkey-renamed = La clé est renommée.
notice-passkey-removed = La clé est supprimée : elle ne vous connecte plus.
enrol-done-title = Votre mot de passe est défini
enrol-done-text = Connectez-vous en tant que { $name } avec votre nouveau mot de passe.
signup-closed-title = Les inscriptions sont fermées
action-sign-in = Se connecter
action-back-to-account = Retour à votre compte
action-back-to-security = Retour aux paramètres de sécurité

## Erreurs de formulaire
err-enter-username = Saisissez votre nom d'utilisateur.
err-enter-password = Saisissez votre mot de passe.
err-enter-password-continue = Saisissez votre mot de passe pour continuer.
err-enter-current-password = Saisissez votre mot de passe actuel.
err-enter-username-or-email = Saisissez votre nom d'utilisateur ou votre adresse e-mail.
err-enter-new-email = Saisissez la nouvelle adresse e-mail.
err-enter-code-or-backup = Saisissez le code à 6 chiffres de votre application, ou l'un de vos codes de secours.
err-enter-backup-code = Saisissez l'un de vos codes de secours.
err-enter-app-code = Saisissez le code à 6 chiffres de votre application d'authentification.
err-enter-code-from-app = Saisissez le code à 6 chiffres de votre application.
err-choose-username = Choisissez un nom d'utilisateur.
err-choose-password = Choisissez un mot de passe.
err-choose-new-password = Choisissez un nouveau mot de passe.
err-passwords-differ = Les deux mots de passe diffèrent.
err-passwords-not-same = Les deux mots de passe ne sont pas identiques. Saisissez de nouveau le mot de passe.
err-new-passwords-differ = Les deux nouveaux mots de passe ne sont pas identiques. Saisissez de nouveau le nouveau mot de passe.
err-username-taken-try = Ce nom d'utilisateur est déjà pris. Essayez-en un autre.
err-backup-code-wrong = Ce code de secours n'est pas valide ou a déjà été utilisé. Chaque code ne sert qu'une fois.
err-setup-code-wrong = Ce code n'est pas correct. Vérifiez que l'heure de votre téléphone est juste et saisissez le code que l'application affiche maintenant.
err-no-setup-waiting = Aucune configuration n'attend de code. Recommencez avec votre mot de passe.
err-internal-title = Une erreur s'est produite
err-internal = Une erreur s'est produite de notre côté. Veuillez réessayer.
err-internal-page = Une erreur s'est produite de notre côté et rien n'a été modifié. Veuillez réessayer dans un instant.

## Erreurs des règles
err-invalid-credentials = Le nom d'utilisateur ou le mot de passe est incorrect.
err-wrong-password = Le mot de passe est incorrect.
err-username-taken = Ce nom d'utilisateur est déjà pris.
err-wrong-code = Ce code n'est pas correct. Vérifiez votre application d'authentification et réessayez.
err-code-reused = Ce code a déjà été utilisé. Attendez le code suivant dans votre application.
err-throttled = { $count ->
    [one] Trop de tentatives. Réessayez dans { $count } minute.
   *[other] Trop de tentatives. Réessayez dans { $count } minutes.
}
err-no-pending-setup = Aucune configuration de l'authentification à deux facteurs n'est à confirmer. Recommencez la configuration.
err-setup-expired = Cette configuration a expiré après 15 minutes sans code. Recommencez la configuration.
err-step-up-required = Pour confirmer cette modification, saisissez aussi un code de votre application d'authentification (ou un code de secours).
err-two-factor-not-enabled = L'authentification à deux facteurs n'est pas activée.
err-email-not-configured = L'e-mail n'est pas configuré sur ce serveur : cela ne peut donc pas se faire par e-mail. Adressez-vous aux personnes qui le gèrent.
err-invalid-token = Ce lien n'est pas valide : il a peut-être expiré ou déjà servi. Demandez-en un nouveau.
err-email-taken = Un autre compte utilise cette adresse e-mail.
err-second-factor-required = Ce compte utilise l'authentification à deux facteurs : saisissez aussi un code de votre application d'authentification ou un code de secours.
err-passkey-refused = Cette clé d'accès ou clé de sécurité n'a pas été acceptée.
err-passkey-ceremony-gone = Cette demande de clé d'accès a expiré ou a déjà servi. Réessayez.
err-no-passkey = Aucune clé d'accès ni clé de sécurité n'est enregistrée pour ce compte.
err-passkeys-unavailable = Les clés d'accès ne sont pas disponibles sur ce serveur (son adresse publique n'a pas de nom d'hôte accepté par les navigateurs).
err-not-found = Introuvable.
err-account-disabled = Ce compte est désactivé. Adressez-vous aux personnes qui gèrent ce service.
err-signup-closed = Les inscriptions sont fermées sur ce serveur : demandez un lien d'invitation aux personnes qui le gèrent.
err-password-nul = Le mot de passe ne doit pas contenir de caractère NUL.
err-password-too-short = { $count ->
    [one] Utilisez au moins { $count } caractère.
   *[other] Utilisez au moins { $count } caractères.
}
err-password-too-long = { $count ->
    [one] Utilisez au plus { $count } caractère.
   *[other] Utilisez au plus { $count } caractères.
}
err-password-common = Ce mot de passe fait partie des plus courants ; choisissez-en un plus difficile à deviner.
err-password-context = Le mot de passe ne doit pas être construit à partir de { $word } ; choisissez-en un qui n'a rien à voir avec ce compte ou ce service.
err-username-too-long = { $count ->
    [one] Utilisez au plus { $count } caractère pour le nom d'utilisateur.
   *[other] Utilisez au plus { $count } caractères pour le nom d'utilisateur.
}
err-username-characters = Un nom d'utilisateur ne peut contenir que des lettres, des chiffres, « . », « _ » et « - ».
err-username-one-script = Un nom d'utilisateur ne peut utiliser les lettres que d'un seul alphabet (latin, cyrillique, grec, etc.), sans mélange.
err-enter-email = Saisissez une adresse e-mail.
err-email-too-long = Cette adresse e-mail est trop longue (254 caractères au plus).
err-email-spaces = Une adresse e-mail ne peut pas contenir d'espaces ni de sauts de ligne.
err-email-invalid = Ce n'est pas une adresse e-mail valide (nom@exemple.com).
err-email-domain = Utilisez une adresse sur un nom de domaine (nom@exemple.com), pas sur un hôte local ni une adresse IP.
err-email-same = C'est déjà votre adresse.
err-passkey-response = Ce n'est pas une réponse de clé d'accès.
err-passkey-registered = Cette clé est déjà enregistrée.
err-passkey-name = { $count ->
    [one] Donnez à la clé un nom de 1 à { $count } caractère.
   *[other] Donnez à la clé un nom de 1 à { $count } caractères.
}

## Erreurs propres à l'API JSON
api-unauthenticated = Vous n'êtes pas connecté.
api-no-pending-login = Aucune connexion n'attend de code. Connectez-vous d'abord avec votre mot de passe.
api-cross-site = Les requêtes intersites ne sont pas autorisées.
api-not-found = Il n'y a rien à cette adresse.
api-too-large = Le corps de la requête est trop gros (16 Kio au plus).
api-unsupported-media-type = Envoyez le corps de la requête en JSON avec Content-Type: application/json.
api-unreadable-body = Le corps de la requête n'a pas pu être lu.
api-nul-character = La requête ne doit pas contenir de caractères NUL.
api-body-mismatch = Le corps de la requête ne correspond pas à ce point d'accès : { $detail }.
api-wrong-type = Le corps de la requête contient un champ du mauvais type.
api-not-json = Le corps de la requête n'est pas du JSON valide.
api-code-or-backup-code = Envoyez soit « code », soit « backup_code ».
api-username-or-email = Envoyez soit « username », soit « email ».

## Activité de sécurité récente
event-signed-up = Compte créé
event-sign-in-app-code = Connexion avec mot de passe et code de l'application d'authentification
event-sign-in-backup-code = Connexion avec mot de passe et code de secours
event-sign-in-password = Connexion avec mot de passe
event-wrong-password-settings = Mot de passe erroné saisi dans les paramètres de sécurité
event-wrong-password-login = Échec de connexion : mot de passe erroné
event-wrong-code = Code d'authentification à deux facteurs erroné
event-code-entry-paused = Trop de codes erronés : saisie des codes suspendue
event-code-replay-refused = Un code déjà utilisé a été refusé
event-two-factor-on = Authentification à deux facteurs activée
event-two-factor-off = Authentification à deux facteurs désactivée
event-app-removed-keys-remain = Application d'authentification retirée (les clés d'accès gardent l'authentification à deux facteurs activée)
event-two-factor-reset = Authentification à deux facteurs retirée par un administrateur
event-backup-codes-generated = Nouveaux codes de secours générés
event-backup-code-used = { $count ->
    [one] Code de secours utilisé ({ $count } restant)
   *[other] Code de secours utilisé ({ $count } restants)
}
event-password-changed = Mot de passe modifié
event-password-reset = Mot de passe réinitialisé par e-mail
event-email-changed = Adresse e-mail changée pour { $address }
event-new-browser = Connexion depuis un navigateur jamais vu
event-mail-undeliverable = Un e-mail qui vous était destiné n'a pas pu être remis
event-passkey-added = Clé d'accès ajoutée
event-passkey-removed = Clé d'accès supprimée
event-passkey-used = Connexion avec une clé d'accès
event-passkey-counter-regressed = Clé d'accès refusée (son compteur a reculé, elle est peut-être clonée)
event-group-added = Ajouté au groupe { $group } par un administrateur
event-group-removed = Retiré du groupe { $group } par un administrateur
event-account-disabled = Compte désactivé par un administrateur
event-account-enabled = Compte réactivé par un administrateur

## Clés d'accès comme seul second facteur, et confirmation par une clé
step-up-passkey-text = Vous vous êtes connecté il y a un moment : les modifications de votre mot de passe et de vos seconds facteurs demandent à nouveau un second facteur. Saisissez un code ou un code de secours dans le formulaire, ou confirmez une fois avec l'une de vos clés.
step-up-passkey-button = Confirmer avec une clé d'accès
step-up-passkey-nojs = La confirmation avec une clé d'accès nécessite JavaScript, désactivé dans ce navigateur ; les champs de code fonctionnent sans lui.
security-factors-app = Votre second facteur : une application d'authentification.
security-factors-app-and-keys = { $count ->
    [one] Vos seconds facteurs : une application d'authentification et 1 clé d'accès ou clé de sécurité.
   *[other] Vos seconds facteurs : une application d'authentification et { $count } clés d'accès ou clés de sécurité.
}
security-factors-keys = { $count ->
    [one] Votre second facteur : 1 clé d'accès ou clé de sécurité.
   *[other] Vos seconds facteurs : { $count } clés d'accès ou clés de sécurité.
}
security-disable-text-keys-stay = Cela retire l'application d'authentification. Vos clés d'accès et clés de sécurité restent : elles vous connectent toujours et restent votre seconde étape, et vos codes de secours restent valables. Confirmez avec votre mot de passe et un code de votre application (ou un code de secours).
security-keys-only-text = Chaque connexion avec votre mot de passe demande l'une de vos clés d'accès ou clés de sécurité (ou un code de secours). Retirer votre dernière clé désactive l'authentification à deux facteurs. Vous pouvez aussi ajouter une application d'authentification : un code à 6 chiffres sur votre téléphone.
security-setup-app-button = Configurer une application d'authentification
notice-passkey-stepped-up = Confirmé avec votre clé : pendant les prochaines minutes, les modifications ici ne demandent aucun code.
notice-passkey-removed-two-factor-off = La clé est supprimée. C'était votre dernier second facteur, l'authentification à deux facteurs est donc désactivée : votre mot de passe seul vous connecte, vos codes de secours ne fonctionnent plus et vos autres sessions ont été déconnectées.

## Authentification unique (OpenID Connect) : la page de consentement, sa page d'erreur, les applications connectées
oidc-consent-title = Autoriser { $client } ?
oidc-consent-heading = Se connecter à { $client } avec votre compte ?
oidc-consent-lead = { $client } demande à connaître :
oidc-consent-note = L'application ne voit jamais votre mot de passe ni vos codes. Vous pouvez la déconnecter à tout moment dans Paramètres → Sécurité → Applications connectées.
oidc-allow = Autoriser
oidc-deny = Refuser
oidc-scope-openid = Que vous êtes connecté ici, avec un identifiant propre à votre compte (pas votre nom d'utilisateur).
oidc-scope-profile = Votre nom d'utilisateur.
oidc-scope-email = Votre adresse e-mail vérifiée.
oidc-scope-groups = Les groupes dont votre compte fait partie.
oidc-scope-offline = Rester connectée en votre absence, jusqu'à ce que vous la déconnectiez.
oidc-error-title = Cette demande de connexion ne peut pas être utilisée
oidc-error-text = { $message } Revenez à l'application et réessayez ; si cela se reproduit, prévenez la personne qui la gère.
oidc-error-link = Aller à votre compte
oidc-error-return-address = L'adresse de retour de l'application n'est pas utilisable.
oidc-error-malformed = La requête est mal formée (un échappement incorrect ou un texte qui n'est pas en UTF-8).
oidc-error-form = Le formulaire est mal formé.
oidc-error-no-decision = Le formulaire n'indique pas si vous autorisez l'application.
oidc-error-damaged = La demande de connexion a été abîmée en chemin.
oidc-error-too-long = La demande est trop longue pour qu'on puisse y revenir après la connexion.
oidc-error-client-repeated = La demande nomme son application (client_id) plus d'une fois.
oidc-error-no-client = La demande ne nomme pas son application (client_id).
oidc-error-unknown-client = Cette application n'est pas enregistrée auprès de ce service.
oidc-error-redirect-repeated = La demande donne son adresse de retour (redirect_uri) plus d'une fois.
oidc-error-no-redirect = La demande n'indique pas où revenir (redirect_uri).
oidc-error-redirect-unknown = L'adresse à laquelle cette demande veut revenir n'est pas enregistrée pour l'application.
oidc-error-failed = Le service n'a pas pu retrouver l'application pour le moment.
apps-heading = Applications connectées
apps-text = Les applications que vous avez autorisées à vous connecter avec ce compte. En déconnecter une ferme votre session dans celle-ci, et elle vous redemandera votre accord la prochaine fois.
apps-none = Aucune application pour l'instant.
apps-allowed = Autorisée le { $when }
apps-may-learn = peut connaître : { $scopes }
apps-disconnect = Déconnecter
notice-app-disconnected = L'application est déconnectée : votre session y est fermée et elle vous redemandera votre accord.

## Forward-auth : ce qu'affiche un proxy inverse quand l'accès est refusé
authz-header-repeated = { $header } a été envoyé plus d'une fois.
authz-header-characters = { $header } contient des caractères impossibles dans une URL.
authz-header-missing = { $header } est absent.
authz-bad-method = La méthode transmise n'est pas une méthode HTTP.
authz-url-not-absolute = L'URL d'origine doit être une URL http ou https absolue.
authz-url-invalid = L'URL d'origine n'est pas une URL.
authz-url-host = L'URL d'origine doit nommer un hôte et aucun utilisateur.
authz-proto = X-Forwarded-Proto doit valoir http ou https.
authz-host = X-Forwarded-Host n'est pas un hôte.
authz-uri = X-Forwarded-Uri doit être un chemin commençant par un seul /.
authz-forbidden = Vous n'êtes pas autorisé à ouvrir cette page.
authz-sign-in = Connectez-vous (avec votre second facteur si la page le demande) pour ouvrir cette page.
authz-untrusted-proxy = Les en-têtes transmis ne sont crus que depuis une adresse --trusted-proxy.

## Ce que dit passkeys.js
passkey-js-cancelled = La demande de clé d'accès a été annulée ou a expiré. Réessayez.
passkey-js-failed = Une erreur s'est produite. Réessayez.
passkey-js-server-answered = Le serveur a répondu { $status }.
passkey-js-unsupported = Ce navigateur ne peut pas utiliser de clés d'accès ni de clés de sécurité.

## Browser
browser-on = { $browser } sous { $system }
browser-on-system = Un navigateur sous { $system }
browser-unknown = Navigateur inconnu
