# As cartas do Deadbolt em português (as mesmas chaves de locales/en/mail.ftl).

## Datas
datetime-pattern = %-d de %B de %Y, %H:%M UTC

## Sob o texto de cada aviso
row-when = Quando
row-from-address = A partir do endereço
browser-on = { $browser } em { $system }
browser-on-system = Um navegador em { $system }
row-browser = Navegador
not-you = Se não foi você, altere já a sua palavra-passe e reveja as sessões e a atividade da sua conta em { $url }.

## A ligação que verifica um endereço novo
verify-subject = Confirme o seu endereço de e-mail para { $issuer }
verify-body = Alguém pediu para usar este endereço de e-mail numa conta em { $issuer }. Abra a ligação abaixo nas próximas 24 horas para o confirmar; só funciona uma vez.
verify-link = Confirmar este endereço
verify-closing = Se não foi você a pedir, ignore esta carta: o endereço não será usado.

## A ligação que repõe uma palavra-passe esquecida
reset-subject = Reponha a sua palavra-passe de { $issuer }
reset-body = Alguém pediu para repor a palavra-passe da sua conta de { $issuer }. Abra a ligação abaixo nos próximos 30 minutos para escolher uma nova; só funciona uma vez.
reset-body-second-factor = Se a autenticação de dois fatores estiver ativa, também vai precisar de um código da sua aplicação de autenticação ou de um código de recuperação: uma reposição nunca a desativa.
reset-link = Escolher uma nova palavra-passe
reset-closing = Se não foi você a pedir, ignore esta carta: a sua palavra-passe fica como está.

## deadbolt mail test
test-subject = Mensagem de teste de { $issuer }
test-body = Esta é uma mensagem de teste de { $issuer }: as suas definições de correio funcionam.
test-closing = Não é preciso fazer nada.

## Avisos de segurança
two-factor-enabled-subject = A autenticação de dois fatores foi ativada
two-factor-enabled-body = A autenticação de dois fatores foi ativada na sua conta de { $issuer }. A partir de agora, iniciar sessão exige um código da sua aplicação de autenticação.
two-factor-disabled-subject = A autenticação de dois fatores foi desativada
two-factor-disabled-body = A autenticação de dois fatores foi desativada na sua conta de { $issuer }. Iniciar sessão passa a exigir apenas a sua palavra-passe.
two-factor-reset-subject = Um operador repôs a sua autenticação de dois fatores
two-factor-reset-body = Um operador de { $issuer } removeu a aplicação de autenticação e os códigos de recuperação da sua conta, e terminou todas as sessões. Configure de novo a autenticação de dois fatores depois de iniciar sessão.
backup-codes-generated-subject = Foram criados novos códigos de recuperação
backup-codes-generated-body = { $count ->
    [one] Foi criado um novo conjunto de { $count } código de recuperação para a sua conta de { $issuer }; os códigos anteriores deixaram de funcionar.
   *[other] Foi criado um novo conjunto de { $count } códigos de recuperação para a sua conta de { $issuer }; os códigos anteriores deixaram de funcionar.
}
backup-code-used-subject = Foi usado um código de recuperação
backup-code-used-body = Foi usado um código de recuperação na sua conta de { $issuer }. Códigos de recuperação restantes: { $count }.
password-changed-subject = A sua palavra-passe foi alterada
password-changed-body = A palavra-passe da sua conta de { $issuer } foi alterada, e as outras sessões foram terminadas.
password-reset-subject = A sua palavra-passe foi reposta
password-reset-body = A palavra-passe da sua conta de { $issuer } foi reposta através de uma ligação enviada para este endereço, e todas as sessões foram terminadas.
email-changed-subject = O seu endereço de e-mail foi alterado
email-changed-body = A sua conta de { $issuer } usa agora o endereço { $address }. Este endereço deixará de receber avisos.
new-browser-subject = Novo início de sessão a partir de um navegador desconhecido
new-browser-body = A sua palavra-passe de { $issuer } foi introduzida corretamente num navegador que nunca tinha iniciado sessão na sua conta.
passkey-added-subject = Foi adicionada uma chave de acesso
passkey-added-body = Foi adicionada uma chave de acesso à sua conta de { $issuer } ({ $name }). Passa a poder iniciar sessão sem a palavra-passe.
other-subject = Atividade de segurança na sua conta de { $issuer }
other-body = Aconteceu algo na sua conta de { $issuer } ({ $name }). Reveja a atividade na página de segurança.
