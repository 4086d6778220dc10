# De brieven van Deadbolt in het Nederlands (dezelfde sleutels als locales/en/mail.ftl).

## Datums
datetime-pattern = %-d %B %Y, %H:%M UTC

## Onder de tekst van elke melding
row-when = Wanneer
row-from-address = Vanaf adres
browser-on = { $browser } op { $system }
browser-on-system = Een browser op { $system }
row-browser = Browser
not-you = Was u dit niet, wijzig dan nu uw wachtwoord en controleer de sessies en activiteit van uw account op { $url }.

## De link die een nieuw adres bevestigt
verify-subject = Bevestig uw e-mailadres voor { $issuer }
verify-body = Iemand wil dit e-mailadres gebruiken voor een account bij { $issuer }. Open de link hieronder binnen 24 uur om het te bevestigen; hij werkt één keer.
verify-link = Dit adres bevestigen
verify-closing = Hebt u hier niet om gevraagd, negeer deze brief dan: het adres wordt niet gebruikt.

## De link die een vergeten wachtwoord herstelt
reset-subject = Herstel uw wachtwoord voor { $issuer }
reset-body = Iemand wil het wachtwoord van uw account bij { $issuer } herstellen. Open de link hieronder binnen 30 minuten om een nieuw wachtwoord te kiezen; hij werkt één keer.
reset-body-second-factor = Staat tweestapsverificatie aan, dan hebt u ook een code uit uw authenticator-app of een back-upcode nodig: herstellen zet die nooit uit.
reset-link = Een nieuw wachtwoord kiezen
reset-closing = Hebt u hier niet om gevraagd, negeer deze brief dan: uw wachtwoord blijft zoals het is.

## deadbolt mail test
test-subject = Testbericht van { $issuer }
test-body = Dit is een testbericht van { $issuer }: de e-mailinstellingen werken.
test-closing = U hoeft niets te doen.

## Beveiligingsmeldingen
two-factor-enabled-subject = Tweestapsverificatie is aangezet
two-factor-enabled-body = Tweestapsverificatie is aangezet voor uw account bij { $issuer }. Voortaan is voor inloggen een code uit uw authenticator-app nodig.
two-factor-disabled-subject = Tweestapsverificatie is uitgezet
two-factor-disabled-body = Tweestapsverificatie is uitgezet voor uw account bij { $issuer }. Voor inloggen is nu alleen uw wachtwoord nodig.
two-factor-reset-subject = Een beheerder heeft uw tweestapsverificatie gereset
two-factor-reset-body = Een beheerder van { $issuer } heeft de authenticator-app en de back-upcodes van uw account verwijderd en het overal uitgelogd. Stel tweestapsverificatie opnieuw in nadat u bent ingelogd.
backup-codes-generated-subject = Er zijn nieuwe back-upcodes gemaakt
backup-codes-generated-body = { $count ->
    [one] Er is een nieuwe set van { $count } back-upcode gemaakt voor uw account bij { $issuer }; de eerdere codes werken niet meer.
   *[other] Er is een nieuwe set van { $count } back-upcodes gemaakt voor uw account bij { $issuer }; de eerdere codes werken niet meer.
}
backup-code-used-subject = Er is een back-upcode gebruikt
backup-code-used-body = Er is een back-upcode gebruikt voor uw account bij { $issuer }. Resterende back-upcodes: { $count }.
password-changed-subject = Uw wachtwoord is gewijzigd
password-changed-body = Het wachtwoord van uw account bij { $issuer } is gewijzigd, en de andere sessies zijn uitgelogd.
password-reset-subject = Uw wachtwoord is hersteld
password-reset-body = Het wachtwoord van uw account bij { $issuer } is hersteld via een link die naar dit adres is gestuurd, en alle sessies zijn uitgelogd.
email-changed-subject = Uw e-mailadres is gewijzigd
email-changed-body = Uw account bij { $issuer } gebruikt nu het adres { $address }. Dit adres ontvangt geen meldingen meer.
new-browser-subject = Nieuwe aanmelding vanuit een onbekende browser
new-browser-body = Uw wachtwoord voor { $issuer } is juist ingevoerd in een browser die nog nooit op uw account had ingelogd.
passkey-added-subject = Er is een passkey toegevoegd
passkey-added-body = Er is een passkey toegevoegd aan uw account bij { $issuer } ({ $name }). Daarmee kunt u nu inloggen zonder wachtwoord.
other-subject = Beveiligingsactiviteit op uw account bij { $issuer }
other-body = Er is iets gebeurd op uw account bij { $issuer } ({ $name }). Bekijk de activiteit op de beveiligingspagina.
