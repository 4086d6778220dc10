# Deadbolt en español. Términos: «autenticación de dos factores», «código de
# respaldo», «aplicación de autenticación», «Configurar»
# (Ajustes → Cuenta → Seguridad → Autenticación de dos factores → Configurar).

## Fechas
datetime-pattern = %-d de %B de %Y, %H:%M UTC

## Todas las páginas
skip-to-content = Saltar al contenido
toolbar-label = Barra de herramientas
breadcrumb-label = Ruta de navegación
language-menu-label = Idioma
nav-account = Cuenta
nav-settings = Ajustes
nav-security = Seguridad
nav-sign-out = Cerrar sesión
nav-log-in = Iniciar sesión
nav-sign-up = Registrarse
signed-in-as = Sesión iniciada como { $name }
footer-tagline = Deadbolt · inicio de sesión con contraseña y código de un solo uso
menu-overview = Resumen
menu-recent-activity = Actividad reciente
two-factor-authentication = Autenticación de dos factores
backup-codes = Códigos de respaldo
status-on = Activada
status-off = Desactivada
action-continue = Continuar
action-cancel = Cancelar
action-later = Más tarde
action-save = Guardar
apps-any-totp = Cualquier otra aplicación basada en el estándar abierto TOTP también funciona (1Password, Bitwarden, KeePassXC, etc.).
backup-codes-low = { $count ->
    [0] No le queda ningún código de respaldo.
    [one] Solo le queda { $count } código de respaldo.
   *[other] Solo le quedan { $count } códigos de respaldo.
}
backup-codes-left = { $count ->
    [one] Queda { $count } código de respaldo.
   *[other] Quedan { $count } códigos de respaldo.
}

## Campos
label-username = Nombre de usuario
label-password = Contraseña
label-your-password = Su contraseña
label-repeat-password = Repita la contraseña
label-current-password = Contraseña actual
label-new-password = Contraseña nueva
label-repeat-new-password = Repita la contraseña nueva
label-six-digit-code = Código de 6 dígitos
label-backup-code = Código de respaldo
label-code-or-backup = Código de 6 dígitos o código de respaldo
label-current-app-code = Código de 6 dígitos de su aplicación actual, o un código de respaldo
label-username-or-email = Nombre de usuario o dirección de correo electrónico
label-new-email = Nueva dirección de correo electrónico
hint-username = Letras, dígitos, puntos, guiones o guiones bajos.
hint-new-password-long = Al menos 8 caracteres. Unas cuantas palabras que vaya a recordar forman una buena contraseña.
hint-new-password = Al menos 8 caracteres.
hint-step-up = Inició sesión hace un rato: confirme este cambio con su segundo factor.

## /login
login-title = Iniciar sesión
login-submit = Iniciar sesión
login-passkey = Iniciar sesión con una llave de acceso
login-passkey-nojs = Iniciar sesión con una llave de acceso: requiere JavaScript, que está desactivado en este navegador.
login-forgot = ¿Olvidó su contraseña?
login-forgot-no-email = ¿Olvidó su contraseña? El restablecimiento por correo electrónico no está configurado en este servidor: consulte a quienes lo administran.
login-new-here = ¿Es nuevo?
login-create-account = Crear una cuenta

## /signup
signup-title = Crear una cuenta
signup-lead = Elija un nombre de usuario y una contraseña. Podrá añadir la autenticación de dos factores justo después.
signup-submit = Crear cuenta
signup-have-account = ¿Ya tiene una cuenta?

## /login/2fa
second-factor-title = Introduzca su código
second-factor-lead = Introduzca el código de 6 dígitos de su aplicación de autenticación.
second-factor-verify = Verificar
second-factor-lost-phone = ¿Perdió su teléfono? Use un código de respaldo
second-factor-backup-hint = Uno de los códigos que guardó al configurar la autenticación de dos factores, por ejemplo k7mq2-x9vtd. Cada código sirve una sola vez.
second-factor-backup-submit = Iniciar sesión con un código de respaldo
second-factor-passkey = Usar una llave de acceso o una llave de seguridad
second-factor-passkey-nojs = Usar una llave de acceso o una llave de seguridad: requiere JavaScript, que está desactivado en este navegador.
second-factor-cancel = Cancelar e iniciar sesión con otra cuenta

## /account
account-title = Su cuenta
account-welcome = Bienvenido, { $name }
account-signed-in = Ha iniciado sesión en Deadbolt.
account-every-login = Cada inicio de sesión pide un código de 6 dígitos de su aplicación de autenticación.
account-backup-way-back = Si pierde su teléfono, son su forma de volver a entrar: genere otros nuevos en sus ajustes de seguridad.
account-manage = Gestionar los ajustes de seguridad
account-password-only = Su cuenta está protegida solo por su contraseña. Añada un segundo paso: un código de 6 dígitos de una aplicación en su teléfono, para que una contraseña robada no baste para entrar.
account-find-later = También lo encontrará más tarde en:

## Configuración
setup-title = Configurar la autenticación de dos factores
setup-replacing = Está vinculando un dispositivo nuevo. Solo hay un dispositivo vinculado a la vez: en cuanto se confirme el nuevo, el anterior deja de funcionar. Hasta entonces, el anterior sigue funcionando.
setup-intro = Después de su contraseña, cada inicio de sesión pedirá un código de 6 dígitos de una aplicación en su teléfono o tableta. El código cambia cada 30 segundos.
setup-install-first = Primero, instale una aplicación de autenticación
setup-confirm-you = Después, confirme que es usted
setup-open-app = Abra su aplicación de autenticación
setup-no-app-yet = ¿Aún no tiene aplicación? Instale una de estas:
setup-scan-title = Escanee el código QR
setup-scan-text = En la aplicación, elija añadir una cuenta y escanee este código. { $issuer } aparece en la aplicación, junto con un código de 6 dígitos que cambia cada 30 segundos.
setup-qr-label = Código QR para su aplicación de autenticación
setup-on-phone = ¿Está en su teléfono?
setup-open-in-app = Abrir en la aplicación de autenticación
setup-cannot-scan = ¿No puede escanear? Escriba esta clave en la aplicación:
setup-fact-account = Cuenta
setup-fact-type = Tipo
setup-fact-type-value = Basado en el tiempo (TOTP)
setup-fact-digits = Dígitos
setup-fact-interval = Intervalo
setup-fact-interval-value = 30 segundos
setup-fact-algorithm = Algoritmo
setup-enter-code = Introduzca el código de 6 dígitos
setup-enter-code-text = Escriba el código que muestra ahora la aplicación, para comprobar que el dispositivo funciona.
setup-previous-keeps-working = Su dispositivo anterior sigue funcionando hasta entonces.
setup-turn-on = Activar
enabled-title = La autenticación de dos factores está activada
enabled-linked = Su dispositivo está vinculado. A partir de ahora, cada inicio de sesión pide el código de 6 dígitos de su aplicación.
enabled-now-generate = Ahora genere sus códigos de respaldo
enabled-generate-text = Si pierde su teléfono, un código de respaldo le permite iniciar sesión una vez. Genérelos ahora y guárdelos en un lugar seguro. Generar códigos nuevos siempre invalida los anteriores.
enabled-generate = Generar códigos de respaldo

## Códigos de respaldo
codes-title = Sus códigos de respaldo
codes-just-enabled = La autenticación de dos factores está activada. A partir de ahora, cada inicio de sesión pide un código de su aplicación.
codes-print-heading = Códigos de respaldo de Deadbolt de { $name }.
codes-generated = Generados el { $when }.
codes-shown-once = Estos códigos solo se muestran esta vez. Guárdelos ahora: descárguelos, imprímalos o cópielos en su gestor de contraseñas.
codes-each-once = Si pierde el acceso a su aplicación de autenticación, cada código le permite iniciar sesión una vez. Los códigos anteriores ya no funcionan.
codes-download = Descargar como .txt
codes-print = Para imprimirlos, use la orden Imprimir de su navegador.
codes-saved = He guardado mis códigos: volver a los ajustes de seguridad
codes-file-each-once = Cada código le permite iniciar sesión una vez si pierde el acceso a su aplicación de autenticación.
codes-file-keep-safe = Generar códigos nuevos invalida estos. Guarde este archivo en un lugar seguro.

## Seguridad
security-title = Ajustes de seguridad
security-2fa-on-text = Cada inicio de sesión pide un código de 6 dígitos de su aplicación de autenticación. Solo hay un dispositivo vinculado a su cuenta a la vez.
security-new-device = Configurar un dispositivo nuevo
security-current-device-keeps = Su dispositivo actual sigue funcionando hasta que el nuevo se confirme con un código.
security-disable-summary = Desactivar la autenticación de dos factores
security-disable-text = Sin ella, su contraseña sola abre su cuenta. Confirme con su contraseña y un código de su aplicación (o un código de respaldo).
security-disable-submit = Desactivar
security-2fa-off-text = Añada un segundo paso a su inicio de sesión: un código de 6 dígitos de una aplicación de autenticación en su teléfono o tableta. Así, una contraseña robada ya no basta para entrar.
security-setup-unconfirmed = Se empezó una configuración pero no se confirmó con un código, así que no está activa. Configurar la empieza de nuevo con un código QR nuevo.
security-setup-button = Configurar
security-backup-locked-out = Si pierde su teléfono, podría quedarse sin acceso: genere códigos nuevos.
security-backup-unused = { $count ->
    [one] Tiene { $count } código de respaldo sin usar.
   *[other] Tiene { $count } códigos de respaldo sin usar.
}
security-backup-text = Si pierde el acceso a su aplicación de autenticación, cada código de respaldo le permite iniciar sesión una vez. Generar códigos nuevos invalida los anteriores.
security-backup-generate = Generar códigos nuevos
security-backup-when-on = Los códigos de respaldo le permiten iniciar sesión una vez cada uno si pierde su teléfono. Están disponibles en cuanto la autenticación de dos factores está activada.
passkeys-heading = Llaves de acceso y llaves de seguridad
passkeys-text = Una llave de acceso (en este dispositivo, su teléfono o un gestor de contraseñas) o una llave de seguridad le permite iniciar sesión sin contraseña cuando comprueba su PIN o su huella, y sirve como segundo paso después de la contraseña. Añada varias: cada una tiene su propio nombre y se puede eliminar por separado.
passkeys-none = Aún no hay llaves.
passkeys-added = Añadida el { $when }
passkeys-last-used = último uso: { $when }
passkeys-never-used = nunca
passkeys-rename-or-remove = Cambiar el nombre o eliminar
passkeys-new-name = Nombre nuevo
passkeys-rename = Cambiar el nombre
passkeys-remove = Eliminar esta llave
passkeys-nojs = Añadir una llave de acceso requiere JavaScript, que está desactivado en este navegador: es el propio navegador quien habla con la llave. Todo lo demás de esta página funciona sin él.
passkeys-name = Nombre de la llave
passkeys-name-hint = Por ejemplo «YubiKey» o «Portátil».
passkeys-add = Añadir una llave de acceso o una llave de seguridad
email-heading = Correo electrónico
email-not-set-up = El correo electrónico no está configurado en este servidor: no se envían avisos de seguridad y una contraseña olvidada no se puede restablecer por correo.
email-goes-to = Los avisos de seguridad y los enlaces para restablecer la contraseña se envían a { $address }.
email-none-yet = Aún no hay ninguna dirección verificada. Añada una para enterarse de los cambios en su cuenta y para restablecer por correo una contraseña olvidada.
email-send-link = Enviar un enlace de confirmación
email-new-used-once = La dirección nueva se usa en cuanto abra el enlace que se le envía; la actual recibe un aviso del cambio.
email-new-browser = Avisarme por correo cuando alguien inicie sesión desde un navegador nunca visto
email-other-notices = Los demás avisos (cambios en la autenticación de dos factores, códigos de respaldo, cambios y restablecimientos de contraseña, cambios de dirección) se envían siempre.
password-change = Cambiar la contraseña
sessions-heading = Sesiones
sessions-text = Dónde está iniciada su cuenta en este momento.
sessions-this-browser = Este navegador
sessions-last-active = última actividad: { $when }
sessions-active-now = activa ahora
sessions-revoke = Revocar
sessions-revoke-label = Revocar la sesión de { $device }
sessions-sign-out-others = Cerrar sesión en todos los demás sitios
activity-heading = Actividad de seguridad reciente
activity-none = Nada por ahora.
activity-footer = Las horas están en UTC. ¿Algo que no reconoce? Cambie su contraseña y cierre sesión en todos los demás sitios.

## /enrol
enrol-title = Elija su contraseña
enrol-lead = Se ha creado para usted una cuenta { $name }. Elija su contraseña y luego inicie sesión.
enrol-submit = Establecer la contraseña
enrol-ask-new-link = Pida un enlace nuevo a quienes administran este servicio.

## Restablecimiento y verificación
reset-title = Restablecer su contraseña
reset-not-set-up = El restablecimiento de contraseña por correo electrónico no está configurado en este servidor. Pida a quienes lo administran que restablezcan su acceso.
reset-sent = Si hay una cuenta que coincide y tiene una dirección de correo verificada, va de camino un enlace para restablecer su contraseña. Funciona una vez, durante 30 minutos.
reset-no-letter = ¿Ningún mensaje después de unos minutos? Mire la carpeta de correo no deseado o vuelva a pedirlo: una vez usado, solo cuenta el enlace más reciente.
reset-intro = Introduzca su nombre de usuario o la dirección de correo verificada de su cuenta. Le enviaremos un enlace para elegir una contraseña nueva. Si su cuenta tiene la autenticación de dos factores, también necesitará un código de su aplicación o un código de respaldo.
reset-submit = Enviarme un enlace
reset-back-to-login = Volver a iniciar sesión
reset-confirm-title = Elija una contraseña nueva
reset-confirm-sessions = Se cerrarán todas las sesiones de su cuenta y se iniciará sesión en este navegador.
reset-confirm-keeps-2fa = Su cuenta tiene la autenticación de dos factores: el restablecimiento la mantiene activada.
reset-confirm-submit = Establecer la contraseña nueva
reset-ask-new-link = Pedir un enlace nuevo
verify-title = Confirme su dirección de correo electrónico
verify-text = Confirme para que esta dirección sea la de su cuenta: los avisos de seguridad y los enlaces para restablecer la contraseña se enviarán a ella.
verify-submit = Confirmar esta dirección
verify-settings-link = Sus ajustes de seguridad

## Confirmaciones
notice-account-ready = Su cuenta está lista.
notice-signed-out = Ha cerrado la sesión.
notice-password-changed = Su contraseña ha cambiado. Se han cerrado todas las demás sesiones.
notice-two-factor-off = La autenticación de dos factores está desactivada. Ahora su contraseña sola abre su cuenta.
notice-app-removed-keys-remain = La aplicación de autenticación se ha quitado. Sus llaves de acceso mantienen activada la autenticación de dos factores y sus códigos de respaldo siguen funcionando.
notice-session-revoked = Esa sesión está cerrada.
notice-session-gone = Esa sesión ya había terminado.
notice-signed-out-others = Todas las demás sesiones están cerradas.
notice-password-reset = Su contraseña se ha restablecido. Se han cerrado todas las demás sesiones y este navegador ha iniciado sesión.
notice-email-sent = Va de camino un enlace de confirmación a la dirección nueva. Ábralo para empezar a usar esa dirección.
notice-notifications-saved = Sus ajustes de avisos están guardados.
notice-passkey-added = La llave está añadida. Ya puede iniciar sesión con ella.
notice-passkey-renamed = La llave tiene un nombre nuevo.
notice-passkey-removed = La llave está eliminada: ya no inicia sesión.
enrol-done-title = Su contraseña está establecida
enrol-done-text = Inicie sesión como { $name } con su contraseña nueva.
signup-closed-title = El registro está cerrado
action-sign-in = Iniciar sesión
action-back-to-account = Volver a su cuenta
action-back-to-security = Volver a los ajustes de seguridad

## Errores de formulario
err-enter-username = Introduzca su nombre de usuario.
err-enter-password = Introduzca su contraseña.
err-enter-password-continue = Introduzca su contraseña para continuar.
err-enter-current-password = Introduzca su contraseña actual.
err-enter-username-or-email = Introduzca su nombre de usuario o su dirección de correo electrónico.
err-enter-new-email = Introduzca la nueva dirección de correo electrónico.
err-enter-code-or-backup = Introduzca el código de 6 dígitos de su aplicación o uno de sus códigos de respaldo.
err-enter-backup-code = Introduzca uno de sus códigos de respaldo.
err-enter-app-code = Introduzca el código de 6 dígitos de su aplicación de autenticación.
err-enter-code-from-app = Introduzca el código de 6 dígitos de su aplicación.
err-choose-username = Elija un nombre de usuario.
err-choose-password = Elija una contraseña.
err-choose-new-password = Elija una contraseña nueva.
err-passwords-differ = Las dos contraseñas son distintas.
err-passwords-not-same = Las dos contraseñas no coinciden. Escriba de nuevo la contraseña.
err-new-passwords-differ = Las dos contraseñas nuevas no coinciden. Escriba de nuevo la contraseña nueva.
err-username-taken-try = Este nombre de usuario ya está en uso. Pruebe con otro.
err-backup-code-wrong = Ese código de respaldo no es válido o ya se ha usado. Cada código sirve una sola vez.
err-setup-code-wrong = Ese código no es correcto. Compruebe que la hora de su teléfono es correcta e introduzca el código que muestra ahora la aplicación.
err-no-setup-waiting = No hay ninguna configuración esperando un código. Empiece de nuevo con su contraseña.
err-internal-title = Algo ha fallado
err-internal = Algo ha fallado por nuestra parte. Inténtelo de nuevo.
err-internal-page = Algo ha fallado por nuestra parte y no se ha cambiado nada. Inténtelo de nuevo dentro de un momento.

## Errores de las reglas
err-invalid-credentials = El nombre de usuario o la contraseña no son correctos.
err-wrong-password = La contraseña no es correcta.
err-username-taken = Este nombre de usuario ya está en uso.
err-wrong-code = Ese código no es correcto. Compruebe su aplicación de autenticación e inténtelo de nuevo.
err-code-reused = Ese código ya se ha usado. Espere al siguiente código de su aplicación.
err-throttled = { $count ->
    [one] Demasiados intentos. Inténtelo de nuevo dentro de { $count } minuto.
   *[other] Demasiados intentos. Inténtelo de nuevo dentro de { $count } minutos.
}
err-no-pending-setup = No hay ninguna configuración de la autenticación de dos factores que confirmar. Empiece de nuevo la configuración.
err-setup-expired = Esta configuración caducó tras 15 minutos sin código. Empiece de nuevo la configuración.
err-step-up-required = Para confirmar este cambio, introduzca también un código de su aplicación de autenticación (o un código de respaldo).
err-two-factor-not-enabled = La autenticación de dos factores no está activada.
err-email-not-configured = El correo electrónico no está configurado en este servidor, así que esto no se puede hacer por correo. Consulte a quienes lo administran.
err-invalid-token = Este enlace no es válido: puede que haya caducado o que ya se haya usado. Pida uno nuevo.
err-email-taken = Otra cuenta usa esta dirección de correo electrónico.
err-second-factor-required = Esta cuenta tiene la autenticación de dos factores: introduzca también un código de su aplicación de autenticación o un código de respaldo.
err-passkey-refused = No se aceptó esta llave de acceso o llave de seguridad.
err-passkey-ceremony-gone = Esta solicitud de llave de acceso caducó o ya se usó. Inténtelo de nuevo.
err-no-passkey = No hay ninguna llave de acceso ni llave de seguridad registrada para esta cuenta.
err-passkeys-unavailable = Las llaves de acceso no están disponibles en este servidor (su dirección pública no tiene un nombre de host que acepten los navegadores).
err-not-found = No encontrado.
err-account-disabled = Esta cuenta está desactivada. Consulte a quienes administran este servicio.
err-signup-closed = El registro está cerrado en este servidor: pida un enlace de invitación a quienes lo administran.
err-password-nul = La contraseña no debe contener un carácter NUL.
err-password-too-short = { $count ->
    [one] Use al menos { $count } carácter.
   *[other] Use al menos { $count } caracteres.
}
err-password-too-long = { $count ->
    [one] Use como máximo { $count } carácter.
   *[other] Use como máximo { $count } caracteres.
}
err-password-common = Esta contraseña es una de las más comunes; elija una más difícil de adivinar.
err-password-context = La contraseña no debe construirse a partir de { $word }; elija una que no tenga nada que ver con esta cuenta ni con este servicio.
err-username-too-long = { $count ->
    [one] Use como máximo { $count } carácter para el nombre de usuario.
   *[other] Use como máximo { $count } caracteres para el nombre de usuario.
}
err-username-characters = Un nombre de usuario solo puede contener letras, dígitos, «.», «_» y «-».
err-username-one-script = Un nombre de usuario solo puede usar las letras de un alfabeto (latino, cirílico, griego, etc.), sin mezclarlas.
err-enter-email = Introduzca una dirección de correo electrónico.
err-email-too-long = Esta dirección de correo electrónico es demasiado larga (254 caracteres como máximo).
err-email-spaces = Una dirección de correo electrónico no puede contener espacios ni saltos de línea.
err-email-invalid = Esta no es una dirección de correo electrónico válida (nombre@ejemplo.com).
err-email-domain = Use una dirección de un nombre de dominio (nombre@ejemplo.com), no de un host local ni una dirección IP.
err-email-same = Esta ya es su dirección.
err-passkey-response = Esta no es una respuesta de llave de acceso.
err-passkey-registered = Esta llave ya está registrada.
err-passkey-name = { $count ->
    [one] Dé a la llave un nombre de 1 a { $count } carácter.
   *[other] Dé a la llave un nombre de 1 a { $count } caracteres.
}

## Errores propios de la API JSON
api-unauthenticated = No ha iniciado sesión.
api-no-pending-login = No hay ningún inicio de sesión esperando un código. Inicie sesión primero con su contraseña.
api-cross-site = No se permiten solicitudes entre sitios.
api-not-found = No hay nada en esta dirección.
api-too-large = El cuerpo de la solicitud es demasiado grande (16 KiB como máximo).
api-unsupported-media-type = Envíe el cuerpo de la solicitud en JSON con Content-Type: application/json.
api-unreadable-body = No se pudo leer el cuerpo de la solicitud.
api-nul-character = La solicitud no debe contener caracteres NUL.
api-body-mismatch = El cuerpo de la solicitud no corresponde a este punto de acceso: { $detail }.
api-wrong-type = El cuerpo de la solicitud tiene un campo de tipo incorrecto.
api-not-json = El cuerpo de la solicitud no es JSON válido.
api-code-or-backup-code = Envíe «code» o «backup_code», pero solo uno.
api-username-or-email = Envíe «username» o «email», pero solo uno.

## Actividad de seguridad reciente
event-signed-up = Cuenta creada
event-sign-in-app-code = Inicio de sesión con contraseña y código de la aplicación de autenticación
event-sign-in-backup-code = Inicio de sesión con contraseña y código de respaldo
event-sign-in-password = Inicio de sesión con contraseña
event-wrong-password-settings = Contraseña incorrecta en los ajustes de seguridad
event-wrong-password-login = Inicio de sesión fallido: contraseña incorrecta
event-wrong-code = Código de autenticación de dos factores incorrecto
event-code-entry-paused = Demasiados códigos incorrectos: introducción de códigos en pausa
event-code-replay-refused = Se rechazó un código ya usado
event-two-factor-on = Autenticación de dos factores activada
event-two-factor-off = Autenticación de dos factores desactivada
event-app-removed-keys-remain = Aplicación de autenticación quitada (las llaves de acceso mantienen activada la autenticación de dos factores)
event-two-factor-reset = Autenticación de dos factores retirada por un administrador
event-backup-codes-generated = Códigos de respaldo nuevos generados
event-backup-code-used = { $count ->
    [one] Código de respaldo usado (queda { $count })
   *[other] Código de respaldo usado (quedan { $count })
}
event-password-changed = Contraseña cambiada
event-password-reset = Contraseña restablecida por correo electrónico
event-email-changed = Dirección de correo electrónico cambiada a { $address }
event-new-browser = Inicio de sesión desde un navegador nunca visto
event-mail-undeliverable = No se pudo entregar un correo dirigido a usted
event-passkey-added = Llave de acceso añadida
event-passkey-removed = Llave de acceso eliminada
event-passkey-used = Inicio de sesión con una llave de acceso
event-passkey-counter-regressed = Llave de acceso rechazada (su contador retrocedió, quizá esté clonada)
event-group-added = Añadido al grupo { $group } por un administrador
event-group-removed = Quitado del grupo { $group } por un administrador
event-account-disabled = Cuenta desactivada por un administrador
event-account-enabled = Cuenta activada de nuevo por un administrador

## Llaves de acceso como único segundo factor, y confirmación con una llave
step-up-passkey-text = Inició sesión hace un rato: los cambios en su contraseña y en sus segundos factores vuelven a pedir un segundo factor. Escriba un código o un código de respaldo en el formulario, o confirme una vez con una de sus llaves.
step-up-passkey-button = Confirmar con una llave de acceso
step-up-passkey-nojs = Confirmar con una llave de acceso necesita JavaScript, que está desactivado en este navegador; los campos de código funcionan sin él.
security-factors-app = Su segundo factor: una aplicación de autenticación.
security-factors-app-and-keys = { $count ->
    [one] Sus segundos factores: una aplicación de autenticación y 1 llave de acceso o llave de seguridad.
   *[other] Sus segundos factores: una aplicación de autenticación y { $count } llaves de acceso o llaves de seguridad.
}
security-factors-keys = { $count ->
    [one] Su segundo factor: 1 llave de acceso o llave de seguridad.
   *[other] Sus segundos factores: { $count } llaves de acceso o llaves de seguridad.
}
security-disable-text-keys-stay = Esto quita la aplicación de autenticación. Sus llaves de acceso y de seguridad se quedan: siguen iniciando sesión y siguen siendo su segundo paso, y sus códigos de respaldo siguen funcionando. Confirme con su contraseña y un código de su aplicación (o un código de respaldo).
security-keys-only-text = Cada inicio de sesión con su contraseña pide una de sus llaves de acceso o de seguridad (o un código de respaldo). Quitar su última llave desactiva la autenticación de dos factores. También puede añadir una aplicación de autenticación: un código de 6 dígitos en su teléfono.
security-setup-app-button = Configurar una aplicación de autenticación
notice-passkey-stepped-up = Confirmado con su llave: durante los próximos minutos, los cambios aquí no piden código.
notice-passkey-removed-two-factor-off = La llave está eliminada. Era su último segundo factor, así que la autenticación de dos factores está desactivada: su contraseña sola inicia sesión, sus códigos de respaldo ya no funcionan y sus otras sesiones se cerraron.

## Inicio de sesión único (OpenID Connect): la página de consentimiento, su página de error, las aplicaciones conectadas
oidc-consent-title = ¿Permitir a { $client }?
oidc-consent-heading = ¿Iniciar sesión en { $client } con su cuenta?
oidc-consent-lead = { $client } solicita conocer:
oidc-consent-note = La aplicación nunca ve su contraseña ni sus códigos. Puede desconectarla en cualquier momento en Ajustes → Seguridad → Aplicaciones conectadas.
oidc-allow = Permitir
oidc-deny = Denegar
oidc-scope-openid = Que ha iniciado sesión aquí, con un identificador de su cuenta (no su nombre de usuario).
oidc-scope-profile = Su nombre de usuario.
oidc-scope-email = Su dirección de correo electrónico verificada.
oidc-scope-groups = Los grupos a los que pertenece su cuenta.
oidc-scope-offline = Seguir conectada mientras usted no está, hasta que la desconecte.
oidc-error-title = Esta solicitud de inicio de sesión no se puede usar
oidc-error-text = { $message } Vuelva a la aplicación e inténtelo de nuevo; si sigue ocurriendo, avise a quien la administre.
oidc-error-link = Ir a su cuenta
oidc-error-return-address = La dirección de retorno de la aplicación no se puede usar.
oidc-error-malformed = La solicitud está mal formada (un escape incorrecto o texto que no es UTF-8).
oidc-error-form = El formulario está mal formado.
oidc-error-no-decision = El formulario no indica si da permiso a la aplicación.
oidc-error-damaged = La solicitud de inicio de sesión se dañó por el camino.
oidc-error-too-long = La solicitud es demasiado larga para volver a ella después de iniciar sesión.
oidc-error-client-repeated = La solicitud nombra su aplicación (client_id) más de una vez.
oidc-error-no-client = La solicitud no nombra su aplicación (client_id).
oidc-error-unknown-client = Esta aplicación no está registrada en este servicio.
oidc-error-redirect-repeated = La solicitud da su dirección de retorno (redirect_uri) más de una vez.
oidc-error-no-redirect = La solicitud no indica adónde volver (redirect_uri).
oidc-error-redirect-unknown = La dirección a la que esta solicitud quiere volver no está registrada para la aplicación.
oidc-error-failed = El servicio no ha podido consultar la aplicación en este momento.
apps-heading = Aplicaciones conectadas
apps-text = Aplicaciones a las que ha permitido iniciar su sesión con esta cuenta. Si desconecta una, se cierra su sesión en ella y la próxima vez le volverá a pedir permiso.
apps-none = Aún no hay aplicaciones.
apps-allowed = Permitida el { $when }
apps-may-learn = puede conocer: { $scopes }
apps-disconnect = Desconectar
notice-app-disconnected = La aplicación está desconectada: su sesión en ella está cerrada y le volverá a pedir permiso.

## Forward-auth: lo que muestra un proxy inverso cuando se deniega el acceso
authz-header-repeated = { $header } se envió más de una vez.
authz-header-characters = { $header } contiene caracteres que una URL no puede tener.
authz-header-missing = Falta { $header }.
authz-bad-method = El método reenviado no es un método HTTP.
authz-url-not-absolute = La URL original debe ser una URL http o https absoluta.
authz-url-invalid = La URL original no es una URL.
authz-url-host = La URL original debe indicar un host y ningún usuario.
authz-proto = X-Forwarded-Proto debe ser http o https.
authz-host = X-Forwarded-Host no es un host.
authz-uri = X-Forwarded-Uri debe ser una ruta que empiece por una sola /.
authz-forbidden = No tiene permiso para abrir esta página.
authz-sign-in = Inicie sesión (con su segundo factor si la página lo pide) para abrir esta página.
authz-untrusted-proxy = Las cabeceras reenviadas solo se creen desde una dirección --trusted-proxy.

## Lo que dice passkeys.js
passkey-js-cancelled = La solicitud de la llave de acceso se canceló o caducó. Inténtelo de nuevo.
passkey-js-failed = Algo salió mal. Inténtelo de nuevo.
passkey-js-server-answered = El servidor respondió { $status }.
passkey-js-unsupported = Este navegador no puede usar llaves de acceso ni llaves de seguridad.

## Browser
browser-on = { $browser } en { $system }
browser-on-system = Un navegador en { $system }
browser-unknown = Navegador desconocido
