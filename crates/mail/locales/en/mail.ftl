# Deadbolt's letters in English: the reference catalogue. Every other
# language has exactly these keys and placeables (crates/mail/tests/i18n.rs).
# $issuer is the service's name (--issuer); $url, $address and $name are
# shown as they are.

## Dates (strftime, month names from the language's locale)
datetime-pattern = %-d %B %Y, %H:%M UTC

## What every notice shows under its text
row-when = When
row-from-address = From address
browser-on = { $browser } on { $system }
browser-on-system = A browser on { $system }
row-browser = Browser
not-you = If this was not you, change your password now and review your account's sessions and activity at { $url }.

## The link that verifies a new address
verify-subject = Confirm your email address for { $issuer }
verify-body = Someone asked to use this email address for an account at { $issuer }. Open the link below within 24 hours to confirm it; it works once.
verify-link = Confirm this address
verify-closing = If you did not ask for this, ignore this letter: the address will not be used.

## The link that resets a forgotten password
reset-subject = Reset your { $issuer } password
reset-body = Someone asked to reset the password of your { $issuer } account. Open the link below within 30 minutes to choose a new one; it works once.
reset-body-second-factor = If two-factor authentication is on, you will also need a code from your authenticator app or a backup code: a reset never turns it off.
reset-link = Choose a new password
reset-closing = If you did not ask for this, ignore this letter: your password stays as it is.

## deadbolt mail test
test-subject = Test message from { $issuer }
test-body = This is a test message from { $issuer }: its mail settings work.
test-closing = Nothing needs doing.

## Security notices: a subject (the service's name is added in brackets) and a lead
two-factor-enabled-subject = Two-factor authentication was turned on
two-factor-enabled-body = Two-factor authentication was turned on for your { $issuer } account. From now on, signing in needs a code from your authenticator app.
two-factor-disabled-subject = Two-factor authentication was turned off
two-factor-disabled-body = Two-factor authentication was turned off for your { $issuer } account. Signing in now needs only your password.
two-factor-reset-subject = An operator reset your two-factor authentication
two-factor-reset-body = An operator of { $issuer } removed the authenticator app and backup codes of your account, and signed it out everywhere. Set up two-factor authentication again after you sign in.
backup-codes-generated-subject = New backup codes were made
backup-codes-generated-body = { $count ->
    [one] A new set of { $count } backup code was made for your { $issuer } account; the earlier codes no longer work.
   *[other] A new set of { $count } backup codes was made for your { $issuer } account; the earlier codes no longer work.
}
backup-code-used-subject = A backup code was used
backup-code-used-body = A backup code was used for your { $issuer } account. Backup codes left: { $count }.
password-changed-subject = Your password was changed
password-changed-body = The password of your { $issuer } account was changed, and its other sessions were signed out.
password-reset-subject = Your password was reset
password-reset-body = The password of your { $issuer } account was reset through a link sent to this address, and every session was signed out.
email-changed-subject = Your email address was changed
email-changed-body = Your { $issuer } account now uses the address { $address }. This address will receive no more notices.
new-browser-subject = New sign-in from a browser not seen before
new-browser-body = Your { $issuer } password was entered correctly from a browser that had not signed in to your account before.
passkey-added-subject = A passkey was added
passkey-added-body = A passkey was added to your { $issuer } account ({ $name }). It can now sign in without the password.
other-subject = Security activity on your { $issuer } account
other-body = Something happened on your { $issuer } account ({ $name }). Review its activity on the security page.
