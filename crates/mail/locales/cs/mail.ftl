# Dopisy Deadboltu v češtině (stejné klíče jako locales/en/mail.ftl).

## Data
datetime-pattern = %-d. %B %Y, %H:%M UTC

## Pod textem každého oznámení
row-when = Kdy
row-from-address = Z adresy
browser-on = { $browser } v systému { $system }
browser-on-system = Prohlížeč v systému { $system }
row-browser = Prohlížeč
not-you = Pokud jste to nebyli vy, hned si změňte heslo a zkontrolujte relace a aktivitu svého účtu na { $url }.

## Odkaz, který ověří novou adresu
verify-subject = Potvrďte svou e-mailovou adresu pro { $issuer }
verify-body = Někdo požádal o použití této e-mailové adresy pro účet ve službě { $issuer }. Otevřete odkaz níže do 24 hodin a potvrďte ji; funguje jen jednou.
verify-link = Potvrdit tuto adresu
verify-closing = Pokud jste o to nežádali, dopis ignorujte: adresa nebude použita.

## Odkaz, který obnoví zapomenuté heslo
reset-subject = Obnovte své heslo pro { $issuer }
reset-body = Někdo požádal o obnovení hesla vašeho účtu ve službě { $issuer }. Otevřete odkaz níže do 30 minut a zvolte nové; funguje jen jednou.
reset-body-second-factor = Pokud máte zapnuté dvoufázové ověření, budete potřebovat také kód z ověřovací aplikace nebo záložní kód: obnovení hesla ho nikdy nevypne.
reset-link = Zvolit nové heslo
reset-closing = Pokud jste o to nežádali, dopis ignorujte: vaše heslo zůstane beze změny.

## deadbolt mail test
test-subject = Zkušební zpráva od { $issuer }
test-body = Toto je zkušební zpráva od { $issuer }: nastavení pošty funguje.
test-closing = Není třeba nic dělat.

## Bezpečnostní oznámení
two-factor-enabled-subject = Dvoufázové ověření bylo zapnuto
two-factor-enabled-body = Pro váš účet ve službě { $issuer } bylo zapnuto dvoufázové ověření. Přihlášení od teď vyžaduje kód z ověřovací aplikace.
two-factor-disabled-subject = Dvoufázové ověření bylo vypnuto
two-factor-disabled-body = Pro váš účet ve službě { $issuer } bylo vypnuto dvoufázové ověření. K přihlášení teď stačí jen heslo.
two-factor-reset-subject = Správce obnovil vaše dvoufázové ověření
two-factor-reset-body = Správce služby { $issuer } odebral z vašeho účtu ověřovací aplikaci a záložní kódy a všude jej odhlásil. Po přihlášení si dvoufázové ověření nastavte znovu.
backup-codes-generated-subject = Byly vytvořeny nové záložní kódy
backup-codes-generated-body = { $count ->
    [one] Pro váš účet ve službě { $issuer } byla vytvořena nová sada s { $count } záložním kódem; dřívější kódy už nefungují.
   *[other] Pro váš účet ve službě { $issuer } byla vytvořena nová sada záložních kódů (počet: { $count }); dřívější kódy už nefungují.
}
backup-code-used-subject = Byl použit záložní kód
backup-code-used-body = Pro váš účet ve službě { $issuer } byl použit záložní kód. Zbývající záložní kódy: { $count }.
password-changed-subject = Vaše heslo bylo změněno
password-changed-body = Heslo vašeho účtu ve službě { $issuer } bylo změněno a jeho ostatní relace byly odhlášeny.
password-reset-subject = Vaše heslo bylo obnoveno
password-reset-body = Heslo vašeho účtu ve službě { $issuer } bylo obnoveno odkazem zaslaným na tuto adresu a všechny relace byly odhlášeny.
email-changed-subject = Vaše e-mailová adresa byla změněna
email-changed-body = Váš účet ve službě { $issuer } nyní používá adresu { $address }. Na tuto adresu už nebudou chodit žádná oznámení.
new-browser-subject = Nové přihlášení z dosud neznámého prohlížeče
new-browser-body = Vaše heslo ke službě { $issuer } bylo správně zadáno v prohlížeči, který se k vašemu účtu dosud nikdy nepřihlásil.
passkey-added-subject = Byl přidán přístupový klíč
passkey-added-body = K vašemu účtu ve službě { $issuer } byl přidán přístupový klíč ({ $name }). Teď se s ním lze přihlásit bez hesla.
other-subject = Bezpečnostní událost ve vašem účtu ve službě { $issuer }
other-body = Ve vašem účtu ve službě { $issuer } se něco stalo ({ $name }). Zkontrolujte aktivitu na stránce zabezpečení.
