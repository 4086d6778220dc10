# Las cartas de Deadbolt en español (las mismas claves que locales/en/mail.ftl).

## Fechas
datetime-pattern = %-d de %B de %Y, %H:%M UTC

## Bajo el texto de cada aviso
row-when = Cuándo
row-from-address = Desde la dirección
browser-on = { $browser } en { $system }
browser-on-system = Un navegador en { $system }
row-browser = Navegador
not-you = Si no fue usted, cambie su contraseña ahora y revise las sesiones y la actividad de su cuenta en { $url }.

## El enlace que verifica una dirección nueva
verify-subject = Confirme su dirección de correo para { $issuer }
verify-body = Alguien pidió usar esta dirección de correo para una cuenta en { $issuer }. Abra el enlace de abajo en las próximas 24 horas para confirmarla; funciona una sola vez.
verify-link = Confirmar esta dirección
verify-closing = Si usted no lo pidió, ignore esta carta: la dirección no se usará.

## El enlace que restablece una contraseña olvidada
reset-subject = Restablezca su contraseña de { $issuer }
reset-body = Alguien pidió restablecer la contraseña de su cuenta de { $issuer }. Abra el enlace de abajo en los próximos 30 minutos para elegir una nueva; funciona una sola vez.
reset-body-second-factor = Si la autenticación en dos pasos está activada, también necesitará un código de su aplicación de autenticación o un código de respaldo: un restablecimiento nunca la desactiva.
reset-link = Elegir una contraseña nueva
reset-closing = Si usted no lo pidió, ignore esta carta: su contraseña sigue igual.

## deadbolt mail test
test-subject = Mensaje de prueba de { $issuer }
test-body = Este es un mensaje de prueba de { $issuer }: su configuración de correo funciona.
test-closing = No hay nada que hacer.

## Avisos de seguridad
two-factor-enabled-subject = Se activó la autenticación en dos pasos
two-factor-enabled-body = Se activó la autenticación en dos pasos para su cuenta de { $issuer }. A partir de ahora, iniciar sesión requiere un código de su aplicación de autenticación.
two-factor-disabled-subject = Se desactivó la autenticación en dos pasos
two-factor-disabled-body = Se desactivó la autenticación en dos pasos para su cuenta de { $issuer }. Ahora iniciar sesión solo requiere su contraseña.
two-factor-reset-subject = Un operador restableció su autenticación en dos pasos
two-factor-reset-body = Un operador de { $issuer } quitó la aplicación de autenticación y los códigos de respaldo de su cuenta, y cerró todas sus sesiones. Vuelva a configurar la autenticación en dos pasos después de iniciar sesión.
backup-codes-generated-subject = Se crearon códigos de respaldo nuevos
backup-codes-generated-body = { $count ->
    [one] Se creó un juego nuevo de { $count } código de respaldo para su cuenta de { $issuer }; los códigos anteriores ya no funcionan.
   *[other] Se creó un juego nuevo de { $count } códigos de respaldo para su cuenta de { $issuer }; los códigos anteriores ya no funcionan.
}
backup-code-used-subject = Se usó un código de respaldo
backup-code-used-body = Se usó un código de respaldo en su cuenta de { $issuer }. Códigos de respaldo restantes: { $count }.
password-changed-subject = Se cambió su contraseña
password-changed-body = Se cambió la contraseña de su cuenta de { $issuer } y se cerraron sus demás sesiones.
password-reset-subject = Se restableció su contraseña
password-reset-body = La contraseña de su cuenta de { $issuer } se restableció mediante un enlace enviado a esta dirección, y se cerraron todas las sesiones.
email-changed-subject = Se cambió su dirección de correo
email-changed-body = Su cuenta de { $issuer } ahora usa la dirección { $address }. Esta dirección ya no recibirá avisos.
new-browser-subject = Nuevo inicio de sesión desde un navegador desconocido
new-browser-body = Su contraseña de { $issuer } se introdujo correctamente desde un navegador que nunca antes había iniciado sesión en su cuenta.
passkey-added-subject = Se añadió una llave de acceso
passkey-added-body = Se añadió una llave de acceso a su cuenta de { $issuer } ({ $name }). Ahora puede iniciar sesión sin la contraseña.
other-subject = Actividad de seguridad en su cuenta de { $issuer }
other-body = Ocurrió algo en su cuenta de { $issuer } ({ $name }). Revise su actividad en la página de seguridad.
