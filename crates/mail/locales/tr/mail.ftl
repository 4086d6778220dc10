# Deadbolt'un mektupları Türkçe (locales/en/mail.ftl ile aynı anahtarlar).

## Tarihler
datetime-pattern = %-d %B %Y, %H:%M UTC

## Her bildirimin metninin altında
row-when = Ne zaman
row-from-address = Kaynak adres
browser-on = { $system } üzerinde { $browser }
browser-on-system = { $system } üzerinde bir tarayıcı
row-browser = Tarayıcı
not-you = Bu siz değilseniz, parolanızı hemen değiştirin ve hesabınızın oturumlarını ve etkinliğini { $url } adresinden gözden geçirin.

## Yeni bir adresi doğrulayan bağlantı
verify-subject = { $issuer } için e-posta adresinizi onaylayın
verify-body = Birisi bu e-posta adresini { $issuer } üzerindeki bir hesap için kullanmak istedi. Onaylamak için aşağıdaki bağlantıyı 24 saat içinde açın; bağlantı yalnızca bir kez çalışır.
verify-link = Bu adresi onayla
verify-closing = Bunu siz istemediyseniz bu mektubu dikkate almayın: adres kullanılmayacak.

## Unutulan bir parolayı sıfırlayan bağlantı
reset-subject = { $issuer } parolanızı sıfırlayın
reset-body = Birisi { $issuer } hesabınızın parolasını sıfırlamak istedi. Yeni bir parola seçmek için aşağıdaki bağlantıyı 30 dakika içinde açın; bağlantı yalnızca bir kez çalışır.
reset-body-second-factor = İki adımlı doğrulama açıksa, doğrulama uygulamanızdan bir kod ya da bir yedek kod da gerekecek: sıfırlama onu asla kapatmaz.
reset-link = Yeni bir parola seç
reset-closing = Bunu siz istemediyseniz bu mektubu dikkate almayın: parolanız olduğu gibi kalır.

## deadbolt mail test
test-subject = { $issuer } tarafından deneme iletisi
test-body = Bu, { $issuer } tarafından gönderilen bir deneme iletisidir: e-posta ayarları çalışıyor.
test-closing = Yapmanız gereken bir şey yok.

## Güvenlik bildirimleri
two-factor-enabled-subject = İki adımlı doğrulama açıldı
two-factor-enabled-body = { $issuer } hesabınız için iki adımlı doğrulama açıldı. Bundan sonra oturum açmak için doğrulama uygulamanızdan bir kod gerekecek.
two-factor-disabled-subject = İki adımlı doğrulama kapatıldı
two-factor-disabled-body = { $issuer } hesabınız için iki adımlı doğrulama kapatıldı. Artık oturum açmak için yalnızca parolanız yeterli.
two-factor-reset-subject = Bir yönetici iki adımlı doğrulamanızı sıfırladı
two-factor-reset-body = { $issuer } yöneticilerinden biri hesabınızın doğrulama uygulamasını ve yedek kodlarını kaldırdı ve hesabınızın tüm oturumlarını kapattı. Oturum açtıktan sonra iki adımlı doğrulamayı yeniden kurun.
backup-codes-generated-subject = Yeni yedek kodlar oluşturuldu
backup-codes-generated-body = { $count ->
    [one] { $issuer } hesabınız için { $count } yedek koddan oluşan yeni bir set oluşturuldu; önceki kodlar artık çalışmıyor.
   *[other] { $issuer } hesabınız için { $count } yedek koddan oluşan yeni bir set oluşturuldu; önceki kodlar artık çalışmıyor.
}
backup-code-used-subject = Bir yedek kod kullanıldı
backup-code-used-body = { $issuer } hesabınız için bir yedek kod kullanıldı. Kalan yedek kod sayısı: { $count }.
password-changed-subject = Parolanız değiştirildi
password-changed-body = { $issuer } hesabınızın parolası değiştirildi ve diğer oturumları kapatıldı.
password-reset-subject = Parolanız sıfırlandı
password-reset-body = { $issuer } hesabınızın parolası bu adrese gönderilen bir bağlantıyla sıfırlandı ve tüm oturumlar kapatıldı.
email-changed-subject = E-posta adresiniz değiştirildi
email-changed-body = { $issuer } hesabınız artık { $address } adresini kullanıyor. Bu adrese artık bildirim gönderilmeyecek.
new-browser-subject = Daha önce görülmemiş bir tarayıcıdan yeni oturum açma
new-browser-body = { $issuer } parolanız, hesabınızda daha önce hiç oturum açmamış bir tarayıcıda doğru girildi.
passkey-added-subject = Bir geçiş anahtarı eklendi
passkey-added-body = { $issuer } hesabınıza bir geçiş anahtarı eklendi ({ $name }). Artık onunla parola olmadan oturum açılabilir.
other-subject = { $issuer } hesabınızda güvenlik etkinliği
other-body = { $issuer } hesabınızda bir şey oldu ({ $name }). Etkinliği güvenlik sayfasında gözden geçirin.
