# Deadbolts brev på svenska (samma nycklar som locales/en/mail.ftl).

## Datum
datetime-pattern = %-d %B %Y, %H:%M UTC

## Under texten i varje meddelande
row-when = När
row-from-address = Från adressen
browser-on = { $browser } på { $system }
browser-on-system = En webbläsare på { $system }
row-browser = Webbläsare
not-you = Om det inte var du, byt lösenord nu och granska ditt kontos sessioner och aktivitet på { $url }.

## Länken som bekräftar en ny adress
verify-subject = Bekräfta din e-postadress för { $issuer }
verify-body = Någon har bett att få använda den här e-postadressen för ett konto hos { $issuer }. Öppna länken nedan inom 24 timmar för att bekräfta den; den fungerar en gång.
verify-link = Bekräfta den här adressen
verify-closing = Om du inte har bett om detta kan du strunta i brevet: adressen kommer inte att användas.

## Länken som återställer ett glömt lösenord
reset-subject = Återställ ditt lösenord för { $issuer }
reset-body = Någon har bett om att återställa lösenordet för ditt konto hos { $issuer }. Öppna länken nedan inom 30 minuter för att välja ett nytt; den fungerar en gång.
reset-body-second-factor = Om tvåfaktorsautentisering är påslagen behöver du också en kod från din autentiseringsapp eller en reservkod: en återställning stänger aldrig av den.
reset-link = Välj ett nytt lösenord
reset-closing = Om du inte har bett om detta kan du strunta i brevet: ditt lösenord förblir som det är.

## deadbolt mail test
test-subject = Testmeddelande från { $issuer }
test-body = Det här är ett testmeddelande från { $issuer }: e-postinställningarna fungerar.
test-closing = Du behöver inte göra något.

## Säkerhetsmeddelanden
two-factor-enabled-subject = Tvåfaktorsautentisering slogs på
two-factor-enabled-body = Tvåfaktorsautentisering slogs på för ditt konto hos { $issuer }. Från och med nu kräver inloggning en kod från din autentiseringsapp.
two-factor-disabled-subject = Tvåfaktorsautentisering stängdes av
two-factor-disabled-body = Tvåfaktorsautentisering stängdes av för ditt konto hos { $issuer }. Nu räcker ditt lösenord för att logga in.
two-factor-reset-subject = En administratör återställde din tvåfaktorsautentisering
two-factor-reset-body = En administratör för { $issuer } tog bort autentiseringsappen och reservkoderna från ditt konto och loggade ut det överallt. Ställ in tvåfaktorsautentisering igen när du har loggat in.
backup-codes-generated-subject = Nya reservkoder skapades
backup-codes-generated-body = { $count ->
    [one] En ny uppsättning med { $count } reservkod skapades för ditt konto hos { $issuer }; de tidigare koderna fungerar inte längre.
   *[other] En ny uppsättning med { $count } reservkoder skapades för ditt konto hos { $issuer }; de tidigare koderna fungerar inte längre.
}
backup-code-used-subject = En reservkod användes
backup-code-used-body = En reservkod användes för ditt konto hos { $issuer }. Återstående reservkoder: { $count }.
password-changed-subject = Ditt lösenord byttes
password-changed-body = Lösenordet för ditt konto hos { $issuer } byttes, och dess andra sessioner loggades ut.
password-reset-subject = Ditt lösenord återställdes
password-reset-body = Lösenordet för ditt konto hos { $issuer } återställdes via en länk som skickades till den här adressen, och alla sessioner loggades ut.
email-changed-subject = Din e-postadress ändrades
email-changed-body = Ditt konto hos { $issuer } använder nu adressen { $address }. Den här adressen får inga fler meddelanden.
new-browser-subject = Ny inloggning från en okänd webbläsare
new-browser-body = Ditt lösenord för { $issuer } angavs korrekt i en webbläsare som aldrig tidigare hade loggat in på ditt konto.
passkey-added-subject = En nyckel lades till
passkey-added-body = En nyckel lades till på ditt konto hos { $issuer } ({ $name }). Med den går det nu att logga in utan lösenordet.
other-subject = Säkerhetshändelse på ditt konto hos { $issuer }
other-body = Något hände på ditt konto hos { $issuer } ({ $name }). Granska aktiviteten på säkerhetssidan.
