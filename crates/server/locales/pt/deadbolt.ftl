# Deadbolt em português. Termos: «autenticação de dois fatores», «código de
# recuperação», «aplicação de autenticação», «Configurar»
# (Definições → Conta → Segurança → Autenticação de dois fatores → Configurar).

## Datas
datetime-pattern = %-d de %B de %Y, %H:%M UTC

## Todas as páginas
skip-to-content = Saltar para o conteúdo
toolbar-label = Barra de ferramentas
breadcrumb-label = Caminho de navegação
language-menu-label = Idioma
nav-account = Conta
nav-settings = Definições
nav-security = Segurança
nav-sign-out = Terminar sessão
nav-log-in = Iniciar sessão
nav-sign-up = Registar-se
signed-in-as = Sessão iniciada como { $name }
footer-tagline = Deadbolt · início de sessão com palavra-passe e código de utilização única
menu-overview = Resumo
menu-recent-activity = Atividade recente
two-factor-authentication = Autenticação de dois fatores
backup-codes = Códigos de recuperação
status-on = Ativada
status-off = Desativada
action-continue = Continuar
action-cancel = Cancelar
action-later = Mais tarde
action-save = Guardar
apps-any-totp = Qualquer outra aplicação baseada na norma aberta TOTP também funciona (1Password, Bitwarden, KeePassXC, etc.).
backup-codes-low = { $count ->
    [0] Não tem nenhum código de recuperação.
    [one] Resta-lhe apenas { $count } código de recuperação.
   *[other] Restam-lhe apenas { $count } códigos de recuperação.
}
backup-codes-left = { $count ->
    [one] Resta { $count } código de recuperação.
   *[other] Restam { $count } códigos de recuperação.
}

## Campos
label-username = Nome de utilizador
label-password = Palavra-passe
label-your-password = A sua palavra-passe
label-repeat-password = Repita a palavra-passe
label-current-password = Palavra-passe atual
label-new-password = Nova palavra-passe
label-repeat-new-password = Repita a nova palavra-passe
label-six-digit-code = Código de 6 dígitos
label-backup-code = Código de recuperação
label-code-or-backup = Código de 6 dígitos ou código de recuperação
label-current-app-code = Código de 6 dígitos da sua aplicação atual, ou um código de recuperação
label-username-or-email = Nome de utilizador ou endereço de e-mail
label-new-email = Novo endereço de e-mail
hint-username = Letras, algarismos, pontos, hífenes ou sublinhados.
hint-new-password-long = Pelo menos 8 caracteres. Algumas palavras de que se lembre fazem uma boa palavra-passe.
hint-new-password = Pelo menos 8 caracteres.
hint-step-up = Iniciou sessão há algum tempo: confirme esta alteração com o seu segundo fator.

## /login
login-title = Iniciar sessão
login-submit = Iniciar sessão
login-passkey = Iniciar sessão com uma chave de acesso
login-passkey-nojs = Iniciar sessão com uma chave de acesso: requer JavaScript, que está desativado neste navegador.
login-forgot = Esqueceu-se da palavra-passe?
login-forgot-no-email = Esqueceu-se da palavra-passe? A reposição por e-mail não está configurada neste servidor: contacte quem o gere.
login-new-here = É novo por aqui?
login-create-account = Criar uma conta

## /signup
signup-title = Criar uma conta
signup-lead = Escolha um nome de utilizador e uma palavra-passe. Pode adicionar a autenticação de dois fatores logo a seguir.
signup-submit = Criar conta
signup-have-account = Já tem uma conta?

## /login/2fa
second-factor-title = Introduza o seu código
second-factor-lead = Introduza o código de 6 dígitos da sua aplicação de autenticação.
second-factor-verify = Verificar
second-factor-lost-phone = Perdeu o telemóvel? Use um código de recuperação
second-factor-backup-hint = Um dos códigos que guardou ao configurar a autenticação de dois fatores, por exemplo k7mq2-x9vtd. Cada código funciona uma só vez.
second-factor-backup-submit = Iniciar sessão com um código de recuperação
second-factor-passkey = Usar uma chave de acesso ou chave de segurança
second-factor-passkey-nojs = Usar uma chave de acesso ou chave de segurança: requer JavaScript, que está desativado neste navegador.
second-factor-cancel = Cancelar e iniciar sessão com outra conta

## /account
account-title = A sua conta
account-welcome = Bem-vindo, { $name }
account-signed-in = Tem sessão iniciada no Deadbolt.
account-every-login = Cada início de sessão pede um código de 6 dígitos da sua aplicação de autenticação.
account-backup-way-back = Se perder o telemóvel, são a sua forma de voltar a entrar: gere novos nas definições de segurança.
account-manage = Gerir as definições de segurança
account-password-only = A sua conta está protegida apenas pela palavra-passe. Adicione um segundo passo: um código de 6 dígitos de uma aplicação no telemóvel, para que uma palavra-passe roubada não chegue para entrar.
account-find-later = Também o encontra mais tarde em:

## Configuração
setup-title = Configurar a autenticação de dois fatores
setup-replacing = Está a associar um novo dispositivo. Só há um dispositivo associado de cada vez: assim que o novo for confirmado, o antigo deixa de funcionar. Até lá, o antigo continua a funcionar.
setup-intro = Depois da palavra-passe, cada início de sessão vai pedir um código de 6 dígitos de uma aplicação no seu telemóvel ou tablet. O código muda a cada 30 segundos.
setup-install-first = Primeiro, instale uma aplicação de autenticação
setup-confirm-you = Depois, confirme que é você
setup-open-app = Abra a sua aplicação de autenticação
setup-no-app-yet = Ainda não tem aplicação? Instale uma destas:
setup-scan-title = Leia o código QR
setup-scan-text = Na aplicação, escolha adicionar uma conta e leia este código. { $issuer } aparece na aplicação, com um código de 6 dígitos que muda a cada 30 segundos.
setup-qr-label = Código QR para a sua aplicação de autenticação
setup-on-phone = Está no telemóvel?
setup-open-in-app = Abrir na aplicação de autenticação
setup-cannot-scan = Não consegue ler? Escreva antes esta chave na aplicação:
setup-fact-account = Conta
setup-fact-type = Tipo
setup-fact-type-value = Baseado no tempo (TOTP)
setup-fact-digits = Dígitos
setup-fact-interval = Intervalo
setup-fact-interval-value = 30 segundos
setup-fact-algorithm = Algoritmo
setup-enter-code = Introduza o código de 6 dígitos
setup-enter-code-text = Escreva o código que a aplicação mostra agora, para provar que o dispositivo funciona.
setup-previous-keeps-working = O seu dispositivo anterior continua a funcionar até lá.
setup-turn-on = Ativar
enabled-title = A autenticação de dois fatores está ativada
enabled-linked = O seu dispositivo está associado. A partir de agora, cada início de sessão pede o código de 6 dígitos da sua aplicação.
enabled-now-generate = Agora gere os seus códigos de recuperação
enabled-generate-text = Se perder o telemóvel, um código de recuperação permite-lhe iniciar sessão uma vez. Gere-os agora e guarde-os num lugar seguro. Gerar novos códigos invalida sempre os anteriores.
enabled-generate = Gerar códigos de recuperação

## Códigos de recuperação
codes-title = Os seus códigos de recuperação
codes-just-enabled = A autenticação de dois fatores está ativada. A partir de agora, cada início de sessão pede um código da sua aplicação.
codes-print-heading = Códigos de recuperação Deadbolt de { $name }.
codes-generated = Gerados em { $when }.
codes-shown-once = Estes códigos só são mostrados desta vez. Guarde-os já: descarregue-os, imprima-os ou copie-os para o seu gestor de palavras-passe.
codes-each-once = Se perder o acesso à sua aplicação de autenticação, cada código permite-lhe iniciar sessão uma vez. Os códigos anteriores deixaram de funcionar.
codes-download = Descarregar como .txt
codes-print = Para os imprimir, use o comando Imprimir do seu navegador.
codes-saved = Guardei os meus códigos — voltar às definições de segurança
codes-file-each-once = Cada código permite-lhe iniciar sessão uma vez se perder o acesso à sua aplicação de autenticação.
codes-file-keep-safe = Gerar novos códigos invalida estes. Guarde este ficheiro num lugar seguro.

## Segurança
security-title = Definições de segurança
security-2fa-on-text = Cada início de sessão pede um código de 6 dígitos da sua aplicação de autenticação. Só há um dispositivo associado à sua conta de cada vez.
security-new-device = Configurar um novo dispositivo
security-current-device-keeps = O seu dispositivo atual continua a funcionar até o novo ser confirmado com um código.
security-disable-summary = Desativar a autenticação de dois fatores
security-disable-text = Sem ela, a palavra-passe sozinha abre a sua conta. Confirme com a palavra-passe e um código da sua aplicação (ou um código de recuperação).
security-disable-submit = Desativar
security-2fa-off-text = Adicione um segundo passo ao início de sessão: um código de 6 dígitos de uma aplicação de autenticação no seu telemóvel ou tablet. Assim, uma palavra-passe roubada já não chega para entrar.
security-setup-unconfirmed = Foi iniciada uma configuração, mas não foi confirmada com um código, por isso não está ativa. Configurar recomeça-a com um novo código QR.
security-setup-button = Configurar
security-backup-locked-out = Se perder o telemóvel, pode ficar sem acesso: gere novos códigos.
security-backup-unused = { $count ->
    [one] Tem { $count } código de recuperação por usar.
   *[other] Tem { $count } códigos de recuperação por usar.
}
security-backup-text = Se perder o acesso à sua aplicação de autenticação, cada código de recuperação permite-lhe iniciar sessão uma vez. Gerar novos códigos invalida os anteriores.
security-backup-generate = Gerar novos códigos
security-backup-when-on = Os códigos de recuperação permitem iniciar sessão uma vez cada, se perder o telemóvel. Ficam disponíveis assim que a autenticação de dois fatores estiver ativada.
passkeys-heading = Chaves de acesso e chaves de segurança
passkeys-text = Uma chave de acesso (neste dispositivo, no telemóvel ou num gestor de palavras-passe) ou uma chave de segurança inicia sessão sem palavra-passe quando verifica o seu PIN ou impressão digital, e serve de segundo passo depois da palavra-passe. Adicione várias: cada uma tem o seu nome e pode ser removida à parte.
passkeys-none = Ainda não há chaves.
passkeys-added = Adicionada em { $when }
passkeys-last-used = última utilização: { $when }
passkeys-never-used = nunca
passkeys-rename-or-remove = Mudar o nome ou remover
passkeys-new-name = Novo nome
passkeys-rename = Mudar o nome
passkeys-remove = Remover esta chave
passkeys-nojs = Adicionar uma chave de acesso requer JavaScript, que está desativado neste navegador: é o próprio navegador que fala com a chave. Tudo o resto nesta página funciona sem ele.
passkeys-name = Nome da chave
passkeys-name-hint = Por exemplo «YubiKey» ou «Portátil».
passkeys-add = Adicionar uma chave de acesso ou chave de segurança
email-heading = E-mail
email-not-set-up = O e-mail não está configurado neste servidor: não são enviados avisos de segurança e uma palavra-passe esquecida não pode ser reposta por e-mail.
email-goes-to = Os avisos de segurança e as ligações de reposição da palavra-passe são enviados para { $address }.
email-none-yet = Ainda não há nenhum endereço verificado. Adicione um para saber das alterações à sua conta e para repor por e-mail uma palavra-passe esquecida.
email-send-link = Enviar uma ligação de confirmação
email-new-used-once = O novo endereço passa a ser usado quando abrir a ligação que lhe é enviada; o atual é avisado da alteração.
email-new-browser = Avisar-me por e-mail quando alguém iniciar sessão num navegador nunca visto
email-other-notices = Os outros avisos (alterações à autenticação de dois fatores, códigos de recuperação, alterações e reposições da palavra-passe, alterações de endereço) são sempre enviados.
password-change = Alterar a palavra-passe
sessions-heading = Sessões
sessions-text = Onde a sua conta tem sessão iniciada neste momento.
sessions-this-browser = Este navegador
sessions-last-active = última atividade: { $when }
sessions-active-now = ativa agora
sessions-revoke = Revogar
sessions-revoke-label = Revogar a sessão de { $device }
sessions-sign-out-others = Terminar sessão em todos os outros lados
activity-heading = Atividade de segurança recente
activity-none = Nada por agora.
activity-footer = As horas estão em UTC. Algo que não reconhece? Altere a palavra-passe e termine sessão em todos os outros lados.

## /enrol
enrol-title = Escolha a sua palavra-passe
enrol-lead = Foi criada para si uma conta { $name }. Escolha a palavra-passe e depois inicie sessão.
enrol-submit = Definir a palavra-passe
enrol-ask-new-link = Peça uma nova ligação a quem gere este serviço.

## Reposição e verificação
reset-title = Repor a sua palavra-passe
reset-not-set-up = A reposição da palavra-passe por e-mail não está configurada neste servidor. Peça a quem o gere que reponha o seu acesso.
reset-sent = Se houver uma conta correspondente com um endereço de e-mail verificado, está a caminho uma ligação para repor a palavra-passe. Funciona uma vez, durante 30 minutos.
reset-no-letter = Nenhuma mensagem após alguns minutos? Veja a pasta de spam ou peça de novo: depois de usada, só conta a ligação mais recente.
reset-intro = Introduza o seu nome de utilizador ou o endereço de e-mail verificado da sua conta. Enviaremos uma ligação para escolher uma nova palavra-passe. Se a sua conta tiver a autenticação de dois fatores, também vai precisar de um código da aplicação ou de um código de recuperação.
reset-submit = Enviar-me uma ligação
reset-back-to-login = Voltar ao início de sessão
reset-confirm-title = Escolha uma nova palavra-passe
reset-confirm-sessions = Todas as sessões da sua conta serão terminadas, e este navegador ficará com sessão iniciada.
reset-confirm-keeps-2fa = A sua conta tem a autenticação de dois fatores: a reposição mantém-na ativada.
reset-confirm-submit = Definir a nova palavra-passe
reset-ask-new-link = Pedir uma nova ligação
verify-title = Confirme o seu endereço de e-mail
verify-text = Confirme para tornar este endereço o da sua conta: os avisos de segurança e as ligações de reposição da palavra-passe passam a ir para ele.
verify-submit = Confirmar este endereço
verify-settings-link = As suas definições de segurança

## Confirmações
notice-account-ready = A sua conta está pronta.
notice-signed-out = Terminou a sessão.
notice-password-changed = A sua palavra-passe foi alterada. Todas as outras sessões foram terminadas.
notice-two-factor-off = A autenticação de dois fatores está desativada. Agora a palavra-passe sozinha abre a sua conta.
notice-app-removed-keys-remain = A aplicação de autenticação foi removida. As suas chaves de acesso mantêm a autenticação de dois fatores ativada e os seus códigos de recuperação continuam válidos.
notice-session-revoked = Essa sessão foi terminada.
notice-session-gone = Essa sessão já tinha terminado.
notice-signed-out-others = Todas as outras sessões foram terminadas.
notice-password-reset = A sua palavra-passe foi reposta. Todas as outras sessões foram terminadas, e este navegador tem sessão iniciada.
notice-email-sent = Está a caminho uma ligação de confirmação para o novo endereço. Abra-a para começar a usar esse endereço.
notice-notifications-saved = As suas definições de avisos foram guardadas.
notice-passkey-added = A chave foi adicionada. Já pode iniciar sessão com ela.
notice-passkey-renamed = A chave mudou de nome.
notice-passkey-removed = A chave foi removida: já não inicia sessão.
enrol-done-title = A sua palavra-passe está definida
enrol-done-text = Inicie sessão como { $name } com a sua nova palavra-passe.
signup-closed-title = O registo está fechado
action-sign-in = Iniciar sessão
action-back-to-account = Voltar à sua conta
action-back-to-security = Voltar às definições de segurança

## Erros de formulário
err-enter-username = Introduza o seu nome de utilizador.
err-enter-password = Introduza a sua palavra-passe.
err-enter-password-continue = Introduza a sua palavra-passe para continuar.
err-enter-current-password = Introduza a sua palavra-passe atual.
err-enter-username-or-email = Introduza o seu nome de utilizador ou endereço de e-mail.
err-enter-new-email = Introduza o novo endereço de e-mail.
err-enter-code-or-backup = Introduza o código de 6 dígitos da sua aplicação ou um dos seus códigos de recuperação.
err-enter-backup-code = Introduza um dos seus códigos de recuperação.
err-enter-app-code = Introduza o código de 6 dígitos da sua aplicação de autenticação.
err-enter-code-from-app = Introduza o código de 6 dígitos da sua aplicação.
err-choose-username = Escolha um nome de utilizador.
err-choose-password = Escolha uma palavra-passe.
err-choose-new-password = Escolha uma nova palavra-passe.
err-passwords-differ = As duas palavras-passe são diferentes.
err-passwords-not-same = As duas palavras-passe não são iguais. Escreva de novo a palavra-passe.
err-new-passwords-differ = As duas novas palavras-passe não são iguais. Escreva de novo a nova palavra-passe.
err-username-taken-try = Este nome de utilizador já está a ser usado. Experimente outro.
err-backup-code-wrong = Esse código de recuperação não é válido ou já foi usado. Cada código funciona uma só vez.
err-setup-code-wrong = Esse código não está correto. Verifique se a hora do seu telemóvel está certa e introduza o código que a aplicação mostra agora.
err-no-setup-waiting = Não há nenhuma configuração à espera de um código. Recomece com a sua palavra-passe.
err-internal-title = Algo correu mal
err-internal = Algo correu mal do nosso lado. Tente novamente.
err-internal-page = Algo correu mal do nosso lado e nada foi alterado. Tente novamente daqui a pouco.

## Erros das regras
err-invalid-credentials = O nome de utilizador ou a palavra-passe estão incorretos.
err-wrong-password = A palavra-passe está incorreta.
err-username-taken = Este nome de utilizador já está a ser usado.
err-wrong-code = Esse código não está correto. Verifique a sua aplicação de autenticação e tente novamente.
err-code-reused = Esse código já foi usado. Aguarde pelo próximo código na sua aplicação.
err-throttled = { $count ->
    [one] Demasiadas tentativas. Tente novamente daqui a { $count } minuto.
   *[other] Demasiadas tentativas. Tente novamente daqui a { $count } minutos.
}
err-no-pending-setup = Não há nenhuma configuração da autenticação de dois fatores para confirmar. Recomece a configuração.
err-setup-expired = Esta configuração expirou após 15 minutos sem código. Recomece a configuração.
err-step-up-required = Para confirmar esta alteração, introduza também um código da sua aplicação de autenticação (ou um código de recuperação).
err-two-factor-not-enabled = A autenticação de dois fatores não está ativada.
err-email-not-configured = O e-mail não está configurado neste servidor, por isso isto não pode ser feito por e-mail. Contacte quem o gere.
err-invalid-token = Esta ligação não é válida: pode ter expirado ou já ter sido usada. Peça uma nova.
err-email-taken = Outra conta usa este endereço de e-mail.
err-second-factor-required = Esta conta tem a autenticação de dois fatores: introduza também um código da sua aplicação de autenticação ou um código de recuperação.
err-passkey-refused = Esta chave de acesso ou chave de segurança não foi aceite.
err-passkey-ceremony-gone = Este pedido de chave de acesso expirou ou já foi usado. Tente novamente.
err-no-passkey = Não há nenhuma chave de acesso nem chave de segurança registada para esta conta.
err-passkeys-unavailable = As chaves de acesso não estão disponíveis neste servidor (o seu endereço público não tem um nome de anfitrião que os navegadores aceitem).
err-not-found = Não encontrado.
err-account-disabled = Esta conta está desativada. Contacte quem gere este serviço.
err-signup-closed = O registo está fechado neste servidor: peça uma ligação de convite a quem o gere.
err-password-nul = A palavra-passe não pode conter um carácter NUL.
err-password-too-short = { $count ->
    [one] Use pelo menos { $count } carácter.
   *[other] Use pelo menos { $count } caracteres.
}
err-password-too-long = { $count ->
    [one] Use no máximo { $count } carácter.
   *[other] Use no máximo { $count } caracteres.
}
err-password-common = Esta palavra-passe é uma das mais comuns; escolha uma mais difícil de adivinhar.
err-password-context = A palavra-passe não pode ser construída a partir de { $word }; escolha uma que não tenha nada a ver com esta conta nem com este serviço.
err-username-too-long = { $count ->
    [one] Use no máximo { $count } carácter no nome de utilizador.
   *[other] Use no máximo { $count } caracteres no nome de utilizador.
}
err-username-characters = Um nome de utilizador só pode conter letras, algarismos, «.», «_» e «-».
err-username-one-script = Um nome de utilizador só pode usar as letras de um alfabeto (latino, cirílico, grego, etc.), sem misturas.
err-enter-email = Introduza um endereço de e-mail.
err-email-too-long = Este endereço de e-mail é demasiado longo (254 caracteres no máximo).
err-email-spaces = Um endereço de e-mail não pode conter espaços nem quebras de linha.
err-email-invalid = Este não é um endereço de e-mail válido (nome@exemplo.com).
err-email-domain = Use um endereço num nome de domínio (nome@exemplo.com), não num anfitrião local nem num endereço IP.
err-email-same = Este já é o seu endereço.
err-passkey-response = Esta não é uma resposta de chave de acesso.
err-passkey-registered = Esta chave já está registada.
err-passkey-name = { $count ->
    [one] Dê à chave um nome de 1 a { $count } carácter.
   *[other] Dê à chave um nome de 1 a { $count } caracteres.
}

## Erros próprios da API JSON
api-unauthenticated = Não tem sessão iniciada.
api-no-pending-login = Não há nenhum início de sessão à espera de um código. Inicie sessão primeiro com a sua palavra-passe.
api-cross-site = Não são permitidos pedidos entre sites.
api-not-found = Não há nada neste endereço.
api-too-large = O corpo do pedido é demasiado grande (16 KiB no máximo).
api-unsupported-media-type = Envie o corpo do pedido em JSON com Content-Type: application/json.
api-unreadable-body = Não foi possível ler o corpo do pedido.
api-nul-character = O pedido não pode conter caracteres NUL.
api-body-mismatch = O corpo do pedido não corresponde a este ponto de acesso: { $detail }.
api-wrong-type = O corpo do pedido tem um campo do tipo errado.
api-not-json = O corpo do pedido não é JSON válido.
api-code-or-backup-code = Envie «code» ou «backup_code», apenas um deles.
api-username-or-email = Envie «username» ou «email», apenas um deles.

## Atividade de segurança recente
event-signed-up = Conta criada
event-sign-in-app-code = Início de sessão com palavra-passe e código da aplicação de autenticação
event-sign-in-backup-code = Início de sessão com palavra-passe e código de recuperação
event-sign-in-password = Início de sessão com palavra-passe
event-wrong-password-settings = Palavra-passe errada nas definições de segurança
event-wrong-password-login = Início de sessão falhado: palavra-passe errada
event-wrong-code = Código de autenticação de dois fatores errado
event-code-entry-paused = Demasiados códigos errados: introdução de códigos em pausa
event-code-replay-refused = Foi recusado um código já usado
event-two-factor-on = Autenticação de dois fatores ativada
event-two-factor-off = Autenticação de dois fatores desativada
event-app-removed-keys-remain = Aplicação de autenticação removida (as chaves de acesso mantêm a autenticação de dois fatores ativada)
event-two-factor-reset = Autenticação de dois fatores removida por um administrador
event-backup-codes-generated = Novos códigos de recuperação gerados
event-backup-code-used = { $count ->
    [one] Código de recuperação usado (resta { $count })
   *[other] Código de recuperação usado (restam { $count })
}
event-password-changed = Palavra-passe alterada
event-password-reset = Palavra-passe reposta por e-mail
event-email-changed = Endereço de e-mail alterado para { $address }
event-new-browser = Início de sessão num navegador nunca visto
event-mail-undeliverable = Não foi possível entregar um e-mail que lhe era destinado
event-passkey-added = Chave de acesso adicionada
event-passkey-removed = Chave de acesso removida
event-passkey-used = Início de sessão com uma chave de acesso
event-passkey-counter-regressed = Chave de acesso recusada (o contador recuou, pode estar clonada)
event-group-added = Adicionado ao grupo { $group } por um administrador
event-group-removed = Removido do grupo { $group } por um administrador
event-account-disabled = Conta desativada por um administrador
event-account-enabled = Conta reativada por um administrador

## Chaves de acesso como único segundo fator, e confirmação com uma chave
step-up-passkey-text = Iniciou sessão há algum tempo: as alterações à palavra-passe e aos segundos fatores voltam a pedir um segundo fator. Escreva um código ou um código de recuperação no formulário, ou confirme uma vez com uma das suas chaves.
step-up-passkey-button = Confirmar com uma chave de acesso
step-up-passkey-nojs = Confirmar com uma chave de acesso precisa de JavaScript, que está desligado neste navegador; os campos de código funcionam sem ele.
security-factors-app = O seu segundo fator: uma aplicação de autenticação.
security-factors-app-and-keys = { $count ->
    [one] Os seus segundos fatores: uma aplicação de autenticação e 1 chave de acesso ou chave de segurança.
   *[other] Os seus segundos fatores: uma aplicação de autenticação e { $count } chaves de acesso ou chaves de segurança.
}
security-factors-keys = { $count ->
    [one] O seu segundo fator: 1 chave de acesso ou chave de segurança.
   *[other] Os seus segundos fatores: { $count } chaves de acesso ou chaves de segurança.
}
security-disable-text-keys-stay = Isto remove a aplicação de autenticação. As suas chaves de acesso e de segurança ficam: continuam a iniciar sessão e a ser o seu segundo passo, e os seus códigos de recuperação continuam válidos. Confirme com a palavra-passe e um código da sua aplicação (ou um código de recuperação).
security-keys-only-text = Cada início de sessão com a palavra-passe pede uma das suas chaves de acesso ou de segurança (ou um código de recuperação). Remover a última chave desliga a autenticação de dois fatores. Também pode adicionar uma aplicação de autenticação: um código de 6 dígitos no telemóvel.
security-setup-app-button = Configurar uma aplicação de autenticação
notice-passkey-stepped-up = Confirmado com a sua chave: nos próximos minutos, as alterações aqui não pedem código.
notice-passkey-removed-two-factor-off = A chave foi removida. Era o seu último segundo fator, por isso a autenticação de dois fatores está desligada: a palavra-passe sozinha inicia sessão, os códigos de recuperação já não funcionam e as outras sessões foram terminadas.

## Início de sessão único (OpenID Connect): a página de consentimento, a sua página de erro, as aplicações ligadas
oidc-consent-title = Permitir { $client }?
oidc-consent-heading = Iniciar sessão em { $client } com a sua conta?
oidc-consent-lead = { $client } pede para saber:
oidc-consent-note = A aplicação nunca vê a sua palavra-passe nem os seus códigos. Pode desligá-la a qualquer momento em Definições → Segurança → Aplicações ligadas.
oidc-allow = Permitir
oidc-deny = Recusar
oidc-scope-openid = Que tem sessão iniciada aqui, com um identificador da sua conta (não o seu nome de utilizador).
oidc-scope-profile = O seu nome de utilizador.
oidc-scope-email = O seu endereço de e-mail verificado.
oidc-scope-groups = Os grupos a que a sua conta pertence.
oidc-scope-offline = Manter-se ligada enquanto está ausente, até que a desligue.
oidc-error-title = Este pedido de início de sessão não pode ser usado
oidc-error-text = { $message } Volte à aplicação e tente novamente; se isto continuar a acontecer, avise quem a gere.
oidc-error-link = Ir para a sua conta
oidc-error-return-address = O endereço de retorno da aplicação não é utilizável.
oidc-error-malformed = O pedido está mal formado (um escape inválido ou texto que não é UTF-8).
oidc-error-form = O formulário está mal formado.
oidc-error-no-decision = O formulário não indica se dá permissão à aplicação.
oidc-error-damaged = O pedido de início de sessão foi danificado pelo caminho.
oidc-error-too-long = O pedido é demasiado longo para se voltar a ele depois de iniciar sessão.
oidc-error-client-repeated = O pedido indica a sua aplicação (client_id) mais de uma vez.
oidc-error-no-client = O pedido não indica a sua aplicação (client_id).
oidc-error-unknown-client = Esta aplicação não está registada neste serviço.
oidc-error-redirect-repeated = O pedido indica o seu endereço de retorno (redirect_uri) mais de uma vez.
oidc-error-no-redirect = O pedido não indica para onde voltar (redirect_uri).
oidc-error-redirect-unknown = O endereço para onde este pedido quer voltar não está registado para a aplicação.
oidc-error-failed = O serviço não conseguiu consultar a aplicação neste momento.
apps-heading = Aplicações ligadas
apps-text = Aplicações a que deu permissão para iniciar sessão com esta conta. Desligar uma termina a sessão nela, e da próxima vez volta a pedir-lhe permissão.
apps-none = Ainda não há aplicações.
apps-allowed = Permitida em { $when }
apps-may-learn = pode saber: { $scopes }
apps-disconnect = Desligar
notice-app-disconnected = A aplicação foi desligada: a sessão nela foi terminada e voltará a pedir-lhe permissão.

## Forward-auth: o que um proxy inverso mostra quando o acesso é recusado
authz-header-repeated = { $header } foi enviado mais de uma vez.
authz-header-characters = { $header } contém caracteres que um URL não pode ter.
authz-header-missing = Falta { $header }.
authz-bad-method = O método reencaminhado não é um método HTTP.
authz-url-not-absolute = O URL original tem de ser um URL http ou https absoluto.
authz-url-invalid = O URL original não é um URL.
authz-url-host = O URL original tem de indicar um anfitrião e nenhum utilizador.
authz-proto = X-Forwarded-Proto tem de ser http ou https.
authz-host = X-Forwarded-Host não é um anfitrião.
authz-uri = X-Forwarded-Uri tem de ser um caminho que comece por uma só /.
authz-forbidden = Não tem permissão para abrir esta página.
authz-sign-in = Inicie sessão (com o seu segundo fator, se a página o pedir) para abrir esta página.
authz-untrusted-proxy = Os cabeçalhos reencaminhados só são aceites a partir de um endereço --trusted-proxy.

## O que o passkeys.js diz
passkey-js-cancelled = O pedido da chave de acesso foi cancelado ou expirou. Tente de novo.
passkey-js-failed = Algo correu mal. Tente de novo.
passkey-js-server-answered = O servidor respondeu { $status }.
passkey-js-unsupported = Este navegador não pode usar chaves de acesso nem chaves de segurança.

## Browser
browser-on = { $browser } em { $system }
browser-on-system = Um navegador em { $system }
browser-unknown = Navegador desconhecido
