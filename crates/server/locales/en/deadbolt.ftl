# Deadbolt's words in English: the reference catalogue. Every other
# language has exactly these keys (crates/server/tests/it/i18n.rs).
# Terms: "two factor authentication", "backup code", "authenticator app",
# "Set-up" (the seed's step names: Settings → Account → Security →
# Two factor authentication → Set-up).

## Dates (strftime, month names from the language's locale)
datetime-pattern = %-d %B %Y, %H:%M UTC

## Every page
skip-to-content = Skip to content
toolbar-label = Toolbar
breadcrumb-label = Breadcrumb
language-menu-label = Language
nav-account = Account
nav-settings = Settings
nav-security = Security
nav-sign-out = Sign out
nav-log-in = Log in
nav-sign-up = Sign up
signed-in-as = Signed in as { $name }
footer-tagline = Deadbolt · sign-in with a password and a one-time code
menu-overview = Overview
menu-recent-activity = Recent activity
two-factor-authentication = Two factor authentication
backup-codes = Backup codes
status-on = On
status-off = Off
action-continue = Continue
action-cancel = Cancel
action-later = Later
action-save = Save
apps-any-totp = Any other app based on the open TOTP standard works too (1Password, Bitwarden, KeePassXC, ...).
backup-codes-low = { $count ->
    [0] You have no backup codes.
    [one] Only { $count } backup code left.
   *[other] Only { $count } backup codes left.
}
backup-codes-left = { $count ->
    [one] { $count } backup code left.
   *[other] { $count } backup codes left.
}

## Form fields
label-username = Username
label-password = Password
label-your-password = Your password
label-repeat-password = Repeat the password
label-current-password = Current password
label-new-password = New password
label-repeat-new-password = Repeat the new password
label-six-digit-code = 6-digit code
label-backup-code = Backup code
label-code-or-backup = 6-digit code or a backup code
label-current-app-code = 6-digit code from your current app, or a backup code
label-username-or-email = Username or email address
label-new-email = New email address
hint-username = Letters, digits, dots, dashes or underscores.
hint-new-password-long = At least 8 characters. A few words you will remember make a good password.
hint-new-password = At least 8 characters.
hint-step-up = You signed in a while ago: confirm this change with your second factor.

## /login
login-title = Log in
login-submit = Log in
login-passkey = Sign in with a passkey
login-passkey-nojs = Sign in with a passkey: needs JavaScript, which is off in this browser.
login-forgot = Forgot your password?
login-forgot-no-email = Forgot your password? Reset by email is not set up on this server: ask the people who run it.
login-new-here = New here?
login-create-account = Create an account

## /signup
signup-title = Create an account
signup-lead = Choose a username and a password. You can add two factor authentication right after.
signup-submit = Create account
signup-have-account = Already have an account?

## /login/2fa
second-factor-title = Enter your code
second-factor-lead = Enter the 6-digit code from your authenticator app.
second-factor-verify = Verify
second-factor-lost-phone = Lost your phone? Use a backup code
second-factor-backup-hint = One of the codes you saved when you set up two factor authentication, for example k7mq2-x9vtd. Each code works once.
second-factor-backup-submit = Log in with a backup code
second-factor-passkey = Use a passkey or security key
second-factor-passkey-nojs = Use a passkey or security key: needs JavaScript, which is off in this browser.
second-factor-cancel = Cancel and log in as someone else

## /account
account-title = Your account
account-welcome = Welcome, { $name }
account-signed-in = You are signed in to Deadbolt.
account-every-login = Every login asks for a 6-digit code from your authenticator app.
account-backup-way-back = If you lose your phone, they are your way back in: generate new ones in your security settings.
account-manage = Manage security settings
account-password-only = Your account is protected by your password only. Add a second step: a 6-digit code from an app on your phone, so a stolen password is not enough to get in.
account-find-later = You can also find it later:

## Set-up
setup-title = Set up two factor authentication
setup-replacing = You are linking a new device. Only one device is linked at a time: once the new one is confirmed, the old one stops working. Until then, the old one keeps working.
setup-intro = After your password, every login will ask for a 6-digit code from an app on your phone or tablet. The code changes every 30 seconds.
setup-install-first = First, install an authenticator app
setup-confirm-you = Then confirm it is you
setup-open-app = Open your authenticator app
setup-no-app-yet = No app yet? Install one of these:
setup-scan-title = Scan the QR code
setup-scan-text = In the app, choose to add an account and scan this code. { $issuer } appears in the app, along with a 6-digit code that changes every 30 seconds.
setup-qr-label = QR code for your authenticator app
setup-on-phone = On your phone?
setup-open-in-app = Open in authenticator app
setup-cannot-scan = Cannot scan? Type this key into the app instead:
setup-fact-account = Account
setup-fact-type = Type
setup-fact-type-value = Time based (TOTP)
setup-fact-digits = Digits
setup-fact-interval = Interval
setup-fact-interval-value = 30 seconds
setup-fact-algorithm = Algorithm
setup-enter-code = Enter the 6-digit code
setup-enter-code-text = Type the code the app shows now, to prove the device works.
setup-previous-keeps-working = Your previous device keeps working until then.
setup-turn-on = Turn on
enabled-title = Two factor authentication is on
enabled-linked = Your device is linked. From now on, every login asks for the 6-digit code from your app.
enabled-now-generate = Now generate your backup codes
enabled-generate-text = If you lose your phone, a backup code lets you log in once. Generate them now and store them in a safe place. Generating new codes always invalidates the previous ones.
enabled-generate = Generate backup codes

## The backup codes page and file
codes-title = Your backup codes
codes-just-enabled = Two factor authentication is on. From now on, every login asks for a code from your app.
codes-print-heading = Deadbolt backup codes for { $name }.
codes-generated = Generated { $when }.
codes-shown-once = These codes are shown only this once. Save them now: download them, print them, or copy them to your password manager.
codes-each-once = If you lose access to your authenticator app, each code lets you log in once. Any previous codes no longer work.
codes-download = Download as .txt
codes-print = To print them, use your browser's Print command.
codes-saved = I have saved my codes — back to security settings
codes-file-each-once = Each code lets you log in once if you lose access to your authenticator app.
codes-file-keep-safe = Generating new codes invalidates these ones. Keep this file somewhere safe.

## /settings/account/security
security-title = Security settings
security-2fa-on-text = Every login asks for a 6-digit code from your authenticator app. Only one device is linked to your account at a time.
security-new-device = Set up a new device
security-current-device-keeps = Your current device keeps working until the new one is confirmed with a code.
security-disable-summary = Turn off two factor authentication
security-disable-text = Without it, your password alone opens your account. Confirm with your password and a code from your app (or a backup code).
security-disable-submit = Turn off
security-2fa-off-text = Add a second step to your login: a 6-digit code from an authenticator app on your phone or tablet. A stolen password alone is then not enough to get in.
security-setup-unconfirmed = A set-up was started but not confirmed with a code, so it is not active. Set-up starts it again with a new QR code.
security-setup-button = Set-up
security-backup-locked-out = If you lose your phone you could be locked out: generate new codes.
security-backup-unused = { $count ->
    [one] You have { $count } unused backup code.
   *[other] You have { $count } unused backup codes.
}
security-backup-text = If you lose access to your authenticator app, each backup code lets you log in once. Generating new codes invalidates the previous ones.
security-backup-generate = Generate new codes
security-backup-when-on = Backup codes let you log in once each if you lose your phone. They are available once two factor authentication is on.
passkeys-heading = Passkeys and security keys
passkeys-text = A passkey (on this device, your phone, or a password manager) or a security key signs you in without a password when it checks your PIN or fingerprint, and serves as your second step after the password. Add several: each has its own name and can be removed on its own.
passkeys-none = No keys yet.
passkeys-added = Added { $when }
passkeys-last-used = last used { $when }
passkeys-never-used = never
passkeys-rename-or-remove = Rename or remove
passkeys-new-name = New name
passkeys-rename = Rename
passkeys-remove = Remove this key
passkeys-nojs = Adding a passkey needs JavaScript, which is off in this browser: the browser itself talks to the key. Everything else on this page works without it.
passkeys-name = Name of the key
passkeys-name-hint = For example "YubiKey" or "Laptop".
passkeys-add = Add a passkey or security key
email-heading = Email
email-not-set-up = Email is not set up on this server: no security notices are sent, and a forgotten password cannot be reset by email.
email-goes-to = Security notices and password-reset links go to { $address }.
email-none-yet = No verified address yet. Add one to hear about changes to your account and to reset a forgotten password by email.
email-send-link = Send a confirmation link
email-new-used-once = The new address is used once you open the link sent to it; the current one is told about the change.
email-new-browser = Email me when someone signs in from a browser not seen before
email-other-notices = The other notices (two-factor changes, backup codes, password changes and resets, address changes) always go.
password-change = Change password
sessions-heading = Sessions
sessions-text = Where your account is signed in right now.
sessions-this-browser = This browser
sessions-last-active = last active { $when }
sessions-active-now = active now
sessions-revoke = Revoke
sessions-revoke-label = Revoke the session of { $device }
sessions-sign-out-others = Sign out everywhere else
activity-heading = Recent security activity
activity-none = Nothing yet.
activity-footer = Times are in UTC. Something you do not recognise? Change your password and sign out everywhere else.

## /enrol
enrol-title = Choose your password
enrol-lead = An account { $name } was made for you. Choose its password; then sign in.
enrol-submit = Set the password
enrol-ask-new-link = Ask the people who run this service for a new link.

## Password reset and address verification
reset-title = Reset your password
reset-not-set-up = Password reset by email is not set up on this server. Ask the people who run it to reset your access.
reset-sent = If an account matches and has a verified email address, a link to reset its password is on its way. It works once, for 30 minutes.
reset-no-letter = No letter after a few minutes? Check the spam folder, or ask again: only the newest link matters once it is used.
reset-intro = Enter your username or your account's verified email address. We will email a link to choose a new password. If your account has two-factor authentication, you will also need a code from your app or a backup code.
reset-submit = Email me a link
reset-back-to-login = Back to log in
reset-confirm-title = Choose a new password
reset-confirm-sessions = Every session of your account will be signed out, and this browser signed in.
reset-confirm-keeps-2fa = Your account has two-factor authentication: a reset keeps it on.
reset-confirm-submit = Set the new password
reset-ask-new-link = Ask for a new link
verify-title = Confirm your email address
verify-text = Confirm to make this address your account's: security notices and password-reset links will go to it.
verify-submit = Confirm this address
verify-settings-link = Your security settings

## Confirmations after a redirect
notice-account-ready = Your account is ready.
notice-signed-out = You are signed out.
notice-password-changed = Your password is changed. Every other session was signed out.
notice-two-factor-off = Two factor authentication is off. Your password alone now opens your account.
notice-app-removed-keys-remain = The authenticator app is removed. Your passkeys keep two factor authentication on, and your backup codes still work.
notice-session-revoked = That session is signed out.
notice-session-gone = That session had already ended.
notice-signed-out-others = Every other session is signed out.
notice-password-reset = Your password is reset. Every other session was signed out, and this browser is signed in.
notice-email-sent = A confirmation link is on its way to the new address. Open it to start using that address.
notice-notifications-saved = Your notice settings are saved.
notice-passkey-added = The key is added. It can sign you in from now on.
notice-passkey-renamed = The key is renamed.
notice-passkey-removed = The key is removed: it no longer signs you in.
enrol-done-title = Your password is set
enrol-done-text = Sign in as { $name } with your new password.
signup-closed-title = Sign-up is closed
action-sign-in = Sign in
action-back-to-account = Back to your account
action-back-to-security = Back to the security settings

## Form errors
err-enter-username = Enter your username.
err-enter-password = Enter your password.
err-enter-password-continue = Enter your password to continue.
err-enter-current-password = Enter your current password.
err-enter-username-or-email = Enter your username or email address.
err-enter-new-email = Enter the new email address.
err-enter-code-or-backup = Enter the 6-digit code from your app, or one of your backup codes.
err-enter-backup-code = Enter one of your backup codes.
err-enter-app-code = Enter the 6-digit code from your authenticator app.
err-enter-code-from-app = Enter the 6-digit code from your app.
err-choose-username = Choose a username.
err-choose-password = Choose a password.
err-choose-new-password = Choose a new password.
err-passwords-differ = The two passwords differ.
err-passwords-not-same = The two passwords are not the same. Type the password again.
err-new-passwords-differ = The two new passwords are not the same. Type the new password again.
err-username-taken-try = This username is already taken. Try another one.
err-backup-code-wrong = That backup code is not valid or was already used. Each code works once.
err-setup-code-wrong = That code is not correct. Check that the time on your phone is right and enter the code the app shows now.
err-no-setup-waiting = There is no set-up waiting for a code. Start again with your password.
err-internal-title = Something went wrong
err-internal = Something went wrong on our side. Please try again.
err-internal-page = Something went wrong on our side and nothing was changed. Please try again in a moment.

## The rules' errors (pages and the JSON API's "message"; the "code" never changes)
err-invalid-credentials = The username or password is incorrect.
err-wrong-password = The password is incorrect.
err-username-taken = This username is already taken.
err-wrong-code = That code is not correct. Check your authenticator app and try again.
err-code-reused = That code has already been used. Wait for the next code in your app.
err-throttled = { $count ->
    [one] Too many attempts. Try again in { $count } minute.
   *[other] Too many attempts. Try again in { $count } minutes.
}
err-no-pending-setup = There is no two-factor setup to confirm. Start the setup again.
err-setup-expired = This set-up expired after 15 minutes without a code. Start the set-up again.
err-step-up-required = To confirm this change, also enter a code from your authenticator app (or a backup code).
err-two-factor-not-enabled = Two-factor authentication is not enabled.
err-email-not-configured = Email is not set up on this server, so this cannot be done by email. Ask the people who run it.
err-invalid-token = This link is not valid: it may have expired or been used already. Ask for a new one.
err-email-taken = Another account uses this email address.
err-second-factor-required = This account has two-factor authentication: also enter a code from your authenticator app or a backup code.
err-passkey-refused = This passkey or security key was not accepted.
err-passkey-ceremony-gone = This passkey request expired or was already used. Try again.
err-no-passkey = No passkey or security key is registered for this account.
err-passkeys-unavailable = Passkeys are not available on this server (its public URL has no host a browser accepts).
err-not-found = Not found.
err-account-disabled = This account is disabled. Ask the people who run this service.
err-signup-closed = Sign-up is closed on this server: ask the people who run it for an invitation link.
err-password-nul = The password must not contain a NUL character.
err-password-too-short = { $count ->
    [one] Use at least { $count } character.
   *[other] Use at least { $count } characters.
}
err-password-too-long = { $count ->
    [one] Use at most { $count } character.
   *[other] Use at most { $count } characters.
}
err-password-common = This password is one of the most common passwords; choose one that is harder to guess.
err-password-context = The password must not be built from { $word }; choose one that has nothing to do with this account or service.
err-username-too-long = { $count ->
    [one] Use at most { $count } character for the username.
   *[other] Use at most { $count } characters for the username.
}
err-username-characters = A username may contain only letters, digits, '.', '_' and '-'.
err-username-one-script = A username may use the letters of one alphabet only (Latin, Cyrillic, Greek, ...), not a mix.
err-enter-email = Enter an email address.
err-email-too-long = This email address is too long (254 characters at most).
err-email-spaces = An email address cannot contain spaces or line breaks.
err-email-invalid = This is not a valid email address (name@example.com).
err-email-domain = Use an address at a domain name (name@example.com), not a local host or an IP address.
err-email-same = This is already your address.
err-passkey-response = This is not a passkey response.
err-passkey-registered = This key is registered already.
err-passkey-name = { $count ->
    [one] Give the key a name of 1 to { $count } character.
   *[other] Give the key a name of 1 to { $count } characters.
}

## The JSON API's own errors
api-unauthenticated = You are not signed in.
api-no-pending-login = There is no sign-in waiting for a code. Sign in with your password first.
api-cross-site = Cross-site requests are not allowed.
api-not-found = There is nothing at this address.
api-too-large = The request body is too large (16 KiB at most).
api-unsupported-media-type = Send the request body as JSON with Content-Type: application/json.
api-unreadable-body = The request body could not be read.
api-nul-character = The request must not contain NUL characters.
api-body-mismatch = The request body does not match this endpoint: { $detail }.
api-wrong-type = The request body has a field of the wrong type.
api-not-json = The request body is not valid JSON.
api-code-or-backup-code = Send either "code" or "backup_code".
api-username-or-email = Send either "username" or "email".

## Recent security activity
event-signed-up = Account created
event-sign-in-app-code = Signed in with password and authenticator code
event-sign-in-backup-code = Signed in with password and a backup code
event-sign-in-password = Signed in with password
event-wrong-password-settings = Wrong password entered in the security settings
event-wrong-password-login = Failed sign-in: wrong password
event-wrong-code = Wrong two-factor code entered
event-code-entry-paused = Too many wrong codes: code entry paused
event-code-replay-refused = A code that was already used was refused
event-two-factor-on = Two factor authentication turned on
event-two-factor-off = Two factor authentication turned off
event-app-removed-keys-remain = Authenticator app removed (passkeys keep two factor authentication on)
event-two-factor-reset = Two factor authentication removed by an administrator
event-backup-codes-generated = New backup codes generated
event-backup-code-used = { $count ->
    [one] Backup code used ({ $count } left)
   *[other] Backup code used ({ $count } left)
}
event-password-changed = Password changed
event-password-reset = Password reset by email
event-email-changed = Email address changed to { $address }
event-new-browser = Sign-in from a browser not seen before
event-mail-undeliverable = An email to you could not be delivered
event-passkey-added = Passkey added
event-passkey-removed = Passkey removed
event-passkey-used = Signed in with a passkey
event-passkey-counter-regressed = Passkey refused (its counter went backwards, it may be cloned)
event-group-added = Added to the group { $group } by an administrator
event-group-removed = Removed from the group { $group } by an administrator
event-account-disabled = Account disabled by an administrator
event-account-enabled = Account enabled again by an administrator

## Passkeys as the only second factor, and step-up with a key
step-up-passkey-text = You signed in a while ago: changes to your password and second factors ask for a second factor again. Type a code or a backup code in the form, or confirm once with one of your keys.
step-up-passkey-button = Confirm with a passkey
step-up-passkey-nojs = Confirming with a passkey needs JavaScript, which is off in this browser; the code fields work without it.
security-factors-app = Your second factor: an authenticator app.
security-factors-app-and-keys = { $count ->
    [one] Your second factors: an authenticator app and 1 passkey or security key.
   *[other] Your second factors: an authenticator app and { $count } passkeys or security keys.
}
security-factors-keys = { $count ->
    [one] Your second factor: 1 passkey or security key.
   *[other] Your second factors: { $count } passkeys or security keys.
}
security-disable-text-keys-stay = This removes the authenticator app. Your passkeys and security keys stay: they still sign you in and stay your second step, and your backup codes keep working. Confirm with your password and a code from your app (or a backup code).
security-keys-only-text = Every login with your password asks for one of your passkeys or security keys (or a backup code). Removing your last key turns two factor authentication off. You can add an authenticator app too: a 6-digit code from your phone.
security-setup-app-button = Set up an authenticator app
notice-passkey-stepped-up = Confirmed with your key: for the next few minutes, changes here need no code.
notice-passkey-removed-two-factor-off = The key is removed. It was your last second factor, so two factor authentication is off: your password alone signs you in, your backup codes no longer work, and your other sessions were signed out.

## Single sign-on (OpenID Connect): the consent page, its error page, connected applications
oidc-consent-title = Allow { $client }?
oidc-consent-heading = Sign in to { $client } with your account?
oidc-consent-lead = { $client } asks to learn:
oidc-consent-note = It never sees your password or your codes. You can disconnect it any time under Settings → Security → Connected applications.
oidc-allow = Allow
oidc-deny = Deny
oidc-scope-openid = That you are signed in here, with an identifier for your account (not your username).
oidc-scope-profile = Your username.
oidc-scope-email = Your verified email address.
oidc-scope-groups = The groups your account is in.
oidc-scope-offline = To stay connected while you are away, until you disconnect it.
oidc-error-title = This sign-in request cannot be used
oidc-error-text = { $message } Go back to the application and try again; if this keeps happening, tell whoever runs it.
oidc-error-link = Go to your account
oidc-error-return-address = The application's return address is not usable.
oidc-error-malformed = The request is malformed (a bad escape or text that is not UTF-8).
oidc-error-form = The form is malformed.
oidc-error-no-decision = The form does not say whether you allow the application.
oidc-error-damaged = The sign-in request got damaged on its way.
oidc-error-too-long = The request is too long to come back to after signing in.
oidc-error-client-repeated = The request names its application (client_id) more than once.
oidc-error-no-client = The request does not name its application (client_id).
oidc-error-unknown-client = This application is not registered with this service.
oidc-error-redirect-repeated = The request gives its return address (redirect_uri) more than once.
oidc-error-no-redirect = The request does not say where to return (redirect_uri).
oidc-error-redirect-unknown = The address this request wants to return to is not registered for the application.
oidc-error-failed = The service could not look the application up just now.
apps-heading = Connected applications
apps-text = Applications you allowed to sign you in with this account. Disconnecting one signs you out of it and asks you again next time.
apps-none = No applications yet.
apps-allowed = Allowed { $when }
apps-may-learn = may learn: { $scopes }
apps-disconnect = Disconnect
notice-app-disconnected = The application is disconnected: it is signed out and will ask you again.

## Forward-auth: what a reverse proxy shows when it asks and is refused
authz-header-repeated = { $header } was sent more than once.
authz-header-characters = { $header } holds characters a URL cannot have.
authz-header-missing = { $header } is missing.
authz-bad-method = The forwarded method is not an HTTP method.
authz-url-not-absolute = The original URL must be an absolute http or https URL.
authz-url-invalid = The original URL is not a URL.
authz-url-host = The original URL must name a host and no user.
authz-proto = X-Forwarded-Proto must be http or https.
authz-host = X-Forwarded-Host is not a host.
authz-uri = X-Forwarded-Uri must be a path starting with one /.
authz-forbidden = You are not allowed to open this page.
authz-sign-in = Sign in (with your second factor where the page asks for it) to open this page.
authz-untrusted-proxy = Forwarded headers are believed only from a --trusted-proxy address.

## What passkeys.js says (it has no words of its own)
passkey-js-cancelled = The passkey request was cancelled or timed out. Try again.
passkey-js-failed = Something went wrong. Try again.
passkey-js-server-answered = The server answered { $status }.
passkey-js-unsupported = This browser cannot use passkeys or security keys.

## A browser (the session list)
browser-on = { $browser } on { $system }
browser-on-system = A browser on { $system }
browser-unknown = Unknown browser
