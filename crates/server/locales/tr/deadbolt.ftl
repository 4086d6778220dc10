# Deadbolt Türkçe. Terimler: "iki faktörlü kimlik doğrulama", "yedek kod",
# "kimlik doğrulama uygulaması", "Kur"
# (Ayarlar → Hesap → Güvenlik → İki faktörlü kimlik doğrulama → Kur).

## Tarihler
datetime-pattern = %-d %B %Y, %H:%M UTC

## Tüm sayfalar
skip-to-content = İçeriğe geç
toolbar-label = Araç çubuğu
breadcrumb-label = Gezinti yolu
language-menu-label = Dil
nav-account = Hesap
nav-settings = Ayarlar
nav-security = Güvenlik
nav-sign-out = Çıkış yap
nav-log-in = Giriş yap
nav-sign-up = Kaydol
signed-in-as = { $name } olarak giriş yapıldı
footer-tagline = Deadbolt · parola ve tek kullanımlık kodla giriş
menu-overview = Genel bakış
menu-recent-activity = Son etkinlikler
two-factor-authentication = İki faktörlü kimlik doğrulama
backup-codes = Yedek kodlar
status-on = Açık
status-off = Kapalı
action-continue = Devam et
action-cancel = İptal
action-later = Daha sonra
action-save = Kaydet
apps-any-totp = Açık TOTP standardına dayanan başka herhangi bir uygulama da çalışır (1Password, Bitwarden, KeePassXC vb.).
backup-codes-low = { $count ->
    [0] Hiç yedek kodunuz kalmadı.
   *[other] Yalnızca { $count } yedek kodunuz kaldı.
}
backup-codes-left = { $count ->
   *[other] { $count } yedek kod kaldı.
}

## Alanlar
label-username = Kullanıcı adı
label-password = Parola
label-your-password = Parolanız
label-repeat-password = Parolayı tekrarlayın
label-current-password = Mevcut parola
label-new-password = Yeni parola
label-repeat-new-password = Yeni parolayı tekrarlayın
label-six-digit-code = 6 haneli kod
label-backup-code = Yedek kod
label-code-or-backup = 6 haneli kod veya bir yedek kod
label-current-app-code = Mevcut uygulamanızdaki 6 haneli kod veya bir yedek kod
label-username-or-email = Kullanıcı adı veya e-posta adresi
label-new-email = Yeni e-posta adresi
hint-username = Harfler, rakamlar, noktalar, tireler veya alt çizgiler.
hint-new-password-long = En az 8 karakter. Aklınızda kalacak birkaç kelime iyi bir parola olur.
hint-new-password = En az 8 karakter.
hint-step-up = Bir süre önce giriş yaptınız: bu değişikliği ikinci faktörünüzle onaylayın.

## /login
login-title = Giriş yap
login-submit = Giriş yap
login-passkey = Geçiş anahtarıyla giriş yap
login-passkey-nojs = Geçiş anahtarıyla giriş: bu tarayıcıda kapalı olan JavaScript gerekir.
login-forgot = Parolanızı mı unuttunuz?
login-forgot-no-email = Parolanızı mı unuttunuz? Bu sunucuda e-postayla sıfırlama kurulu değil: sunucuyu yönetenlere başvurun.
login-new-here = Burada yeni misiniz?
login-create-account = Hesap oluşturun

## /signup
signup-title = Hesap oluştur
signup-lead = Bir kullanıcı adı ve parola seçin. İki faktörlü kimlik doğrulamayı hemen ardından ekleyebilirsiniz.
signup-submit = Hesap oluştur
signup-have-account = Zaten bir hesabınız var mı?

## /login/2fa
second-factor-title = Kodunuzu girin
second-factor-lead = Kimlik doğrulama uygulamanızdaki 6 haneli kodu girin.
second-factor-verify = Doğrula
second-factor-lost-phone = Telefonunuzu mu kaybettiniz? Bir yedek kod kullanın
second-factor-backup-hint = İki faktörlü kimlik doğrulamayı kurarken kaydettiğiniz kodlardan biri, örneğin k7mq2-x9vtd. Her kod bir kez çalışır.
second-factor-backup-submit = Yedek kodla giriş yap
second-factor-passkey = Geçiş anahtarı veya güvenlik anahtarı kullan
second-factor-passkey-nojs = Geçiş anahtarı veya güvenlik anahtarı kullanmak için bu tarayıcıda kapalı olan JavaScript gerekir.
second-factor-cancel = İptal et ve başka bir hesapla giriş yap

## /account
account-title = Hesabınız
account-welcome = Hoş geldiniz, { $name }
account-signed-in = Deadbolt'a giriş yaptınız.
account-every-login = Her girişte kimlik doğrulama uygulamanızdan 6 haneli bir kod istenir.
account-backup-way-back = Telefonunuzu kaybederseniz hesabınıza geri dönmenin yolu bunlardır: güvenlik ayarlarınızdan yenilerini oluşturun.
account-manage = Güvenlik ayarlarını yönet
account-password-only = Hesabınız yalnızca parolanızla korunuyor. İkinci bir adım ekleyin: telefonunuzdaki bir uygulamadan 6 haneli bir kod; böylece çalınan bir parola içeri girmeye yetmez.
account-find-later = Daha sonra da şuradan bulabilirsiniz:

## Kurulum
setup-title = İki faktörlü kimlik doğrulamayı kur
setup-replacing = Yeni bir cihaz bağlıyorsunuz. Aynı anda yalnızca bir cihaz bağlı olur: yenisi onaylanınca eskisi çalışmayı bırakır. O zamana kadar eskisi çalışmaya devam eder.
setup-intro = Parolanızdan sonra her girişte telefonunuzdaki veya tabletinizdeki bir uygulamadan 6 haneli bir kod istenecek. Kod her 30 saniyede bir değişir.
setup-install-first = Önce bir kimlik doğrulama uygulaması kurun
setup-confirm-you = Sonra siz olduğunuzu onaylayın
setup-open-app = Kimlik doğrulama uygulamanızı açın
setup-no-app-yet = Henüz uygulamanız yok mu? Bunlardan birini kurun:
setup-scan-title = QR kodunu tarayın
setup-scan-text = Uygulamada hesap eklemeyi seçin ve bu kodu tarayın. Uygulamada { $issuer } görünür; yanında her 30 saniyede bir değişen 6 haneli bir kod vardır.
setup-qr-label = Kimlik doğrulama uygulamanız için QR kodu
setup-on-phone = Telefonda mısınız?
setup-open-in-app = Kimlik doğrulama uygulamasında aç
setup-cannot-scan = Tarayamıyor musunuz? Bunun yerine bu anahtarı uygulamaya yazın:
setup-fact-account = Hesap
setup-fact-type = Tür
setup-fact-type-value = Zamana dayalı (TOTP)
setup-fact-digits = Hane
setup-fact-interval = Aralık
setup-fact-interval-value = 30 saniye
setup-fact-algorithm = Algoritma
setup-enter-code = 6 haneli kodu girin
setup-enter-code-text = Cihazın çalıştığını kanıtlamak için uygulamanın şu an gösterdiği kodu yazın.
setup-previous-keeps-working = Önceki cihazınız o zamana kadar çalışmaya devam eder.
setup-turn-on = Aç
enabled-title = İki faktörlü kimlik doğrulama açık
enabled-linked = Cihazınız bağlandı. Bundan sonra her girişte uygulamanızdaki 6 haneli kod istenir.
enabled-now-generate = Şimdi yedek kodlarınızı oluşturun
enabled-generate-text = Telefonunuzu kaybederseniz bir yedek kodla bir kez giriş yapabilirsiniz. Kodları şimdi oluşturun ve güvenli bir yerde saklayın. Yeni kod oluşturmak öncekileri her zaman geçersiz kılar.
enabled-generate = Yedek kodları oluştur

## Yedek kodlar
codes-title = Yedek kodlarınız
codes-just-enabled = İki faktörlü kimlik doğrulama açık. Bundan sonra her girişte uygulamanızdan bir kod istenir.
codes-print-heading = { $name } için Deadbolt yedek kodları.
codes-generated = Oluşturulma: { $when }.
codes-shown-once = Bu kodlar yalnızca bu kez gösterilir. Şimdi kaydedin: indirin, yazdırın veya parola yöneticinize kopyalayın.
codes-each-once = Kimlik doğrulama uygulamanıza erişiminizi kaybederseniz her kodla bir kez giriş yapabilirsiniz. Önceki kodlar artık çalışmaz.
codes-download = .txt olarak indir
codes-print = Yazdırmak için tarayıcınızın Yazdır komutunu kullanın.
codes-saved = Kodlarımı kaydettim — güvenlik ayarlarına dön
codes-file-each-once = Kimlik doğrulama uygulamanıza erişiminizi kaybederseniz her kodla bir kez giriş yapabilirsiniz.
codes-file-keep-safe = Yeni kod oluşturmak bunları geçersiz kılar. Bu dosyayı güvenli bir yerde saklayın.

## Güvenlik
security-title = Güvenlik ayarları
security-2fa-on-text = Her girişte kimlik doğrulama uygulamanızdan 6 haneli bir kod istenir. Hesabınıza aynı anda yalnızca bir cihaz bağlıdır.
security-new-device = Yeni bir cihaz kur
security-current-device-keeps = Mevcut cihazınız, yenisi bir kodla onaylanana kadar çalışmaya devam eder.
security-disable-summary = İki faktörlü kimlik doğrulamayı kapat
security-disable-text = O olmadan hesabınızı yalnızca parolanız açar. Parolanız ve uygulamanızdan bir kodla (veya bir yedek kodla) onaylayın.
security-disable-submit = Kapat
security-2fa-off-text = Girişinize ikinci bir adım ekleyin: telefonunuzdaki veya tabletinizdeki bir kimlik doğrulama uygulamasından 6 haneli bir kod. O zaman çalınan bir parola tek başına içeri girmeye yetmez.
security-setup-unconfirmed = Bir kurulum başlatıldı ama bir kodla onaylanmadı, bu yüzden etkin değil. Kur, onu yeni bir QR koduyla yeniden başlatır.
security-setup-button = Kur
security-backup-locked-out = Telefonunuzu kaybederseniz hesabınızın dışında kalabilirsiniz: yeni kodlar oluşturun.
security-backup-unused = { $count ->
   *[other] Kullanılmamış { $count } yedek kodunuz var.
}
security-backup-text = Kimlik doğrulama uygulamanıza erişiminizi kaybederseniz her yedek kodla bir kez giriş yapabilirsiniz. Yeni kod oluşturmak öncekileri geçersiz kılar.
security-backup-generate = Yeni kodlar oluştur
security-backup-when-on = Telefonunuzu kaybederseniz yedek kodların her biriyle bir kez giriş yapabilirsiniz. İki faktörlü kimlik doğrulama açılınca kullanılabilirler.
passkeys-heading = Geçiş anahtarları ve güvenlik anahtarları
passkeys-text = Bir geçiş anahtarı (bu cihazda, telefonunuzda veya bir parola yöneticisinde) ya da bir güvenlik anahtarı, PIN'inizi veya parmak izinizi doğruladığında sizi parolasız giriş yaptırır ve paroladan sonra ikinci adım olarak da kullanılır. Birden fazla ekleyin: her birinin kendi adı vardır ve ayrı ayrı kaldırılabilir.
passkeys-none = Henüz anahtar yok.
passkeys-added = Eklenme: { $when }
passkeys-last-used = son kullanım: { $when }
passkeys-never-used = hiç
passkeys-rename-or-remove = Yeniden adlandır veya kaldır
passkeys-new-name = Yeni ad
passkeys-rename = Yeniden adlandır
passkeys-remove = Bu anahtarı kaldır
passkeys-nojs = Geçiş anahtarı eklemek için bu tarayıcıda kapalı olan JavaScript gerekir: anahtarla tarayıcının kendisi konuşur. Bu sayfadaki diğer her şey onsuz çalışır.
passkeys-name = Anahtarın adı
passkeys-name-hint = Örneğin "YubiKey" veya "Dizüstü".
passkeys-add = Geçiş anahtarı veya güvenlik anahtarı ekle
email-heading = E-posta
email-not-set-up = Bu sunucuda e-posta kurulu değil: güvenlik bildirimleri gönderilmez ve unutulan bir parola e-postayla sıfırlanamaz.
email-goes-to = Güvenlik bildirimleri ve parola sıfırlama bağlantıları { $address } adresine gider.
email-none-yet = Henüz doğrulanmış bir adres yok. Hesabınızdaki değişikliklerden haberdar olmak ve unutulan bir parolayı e-postayla sıfırlamak için bir adres ekleyin.
email-send-link = Onay bağlantısı gönder
email-new-used-once = Yeni adres, ona gönderilen bağlantıyı açtığınızda kullanılmaya başlar; mevcut adrese değişiklik bildirilir.
email-new-browser = Biri daha önce görülmemiş bir tarayıcıdan giriş yaptığında bana e-posta gönder
email-other-notices = Diğer bildirimler (iki faktörlü kimlik doğrulama değişiklikleri, yedek kodlar, parola değişiklikleri ve sıfırlamaları, adres değişiklikleri) her zaman gönderilir.
password-change = Parolayı değiştir
sessions-heading = Oturumlar
sessions-text = Hesabınızın şu anda açık olduğu yerler.
sessions-this-browser = Bu tarayıcı
sessions-last-active = son etkinlik: { $when }
sessions-active-now = şu an etkin
sessions-revoke = Sonlandır
sessions-revoke-label = { $device } oturumunu sonlandır
sessions-sign-out-others = Diğer her yerden çıkış yap
activity-heading = Son güvenlik etkinlikleri
activity-none = Henüz bir şey yok.
activity-footer = Saatler UTC'dir. Tanımadığınız bir şey mi var? Parolanızı değiştirin ve diğer her yerden çıkış yapın.

## /enrol
enrol-title = Parolanızı seçin
enrol-lead = Sizin için { $name } hesabı oluşturuldu. Parolasını seçin, sonra giriş yapın.
enrol-submit = Parolayı belirle
enrol-ask-new-link = Bu hizmeti yönetenlerden yeni bir bağlantı isteyin.

## Sıfırlama ve doğrulama
reset-title = Parolanızı sıfırlayın
reset-not-set-up = Bu sunucuda e-postayla parola sıfırlama kurulu değil. Erişiminizi sıfırlamaları için sunucuyu yönetenlere başvurun.
reset-sent = Eşleşen ve doğrulanmış e-posta adresi olan bir hesap varsa, parolasını sıfırlamak için bir bağlantı yolda. Bağlantı 30 dakika boyunca bir kez çalışır.
reset-no-letter = Birkaç dakika sonra hâlâ mesaj yok mu? İstenmeyen posta klasörüne bakın veya yeniden isteyin: biri kullanıldığında yalnızca en yeni bağlantı geçerlidir.
reset-intro = Kullanıcı adınızı veya hesabınızın doğrulanmış e-posta adresini girin. Yeni bir parola seçmeniz için bir bağlantı göndereceğiz. Hesabınızda iki faktörlü kimlik doğrulama varsa uygulamanızdan bir kod veya bir yedek kod da gerekir.
reset-submit = Bana bağlantı gönder
reset-back-to-login = Girişe dön
reset-confirm-title = Yeni bir parola seçin
reset-confirm-sessions = Hesabınızın tüm oturumları kapatılacak ve bu tarayıcıda giriş yapılacak.
reset-confirm-keeps-2fa = Hesabınızda iki faktörlü kimlik doğrulama var: sıfırlama onu açık bırakır.
reset-confirm-submit = Yeni parolayı belirle
reset-ask-new-link = Yeni bir bağlantı iste
verify-title = E-posta adresinizi onaylayın
verify-text = Bu adresi hesabınızın adresi yapmak için onaylayın: güvenlik bildirimleri ve parola sıfırlama bağlantıları buraya gidecek.
verify-submit = Bu adresi onayla
verify-settings-link = Güvenlik ayarlarınız

## Onaylar
notice-account-ready = Hesabınız hazır.
notice-signed-out = Çıkış yaptınız.
notice-password-changed = Parolanız değişti. Diğer tüm oturumlar kapatıldı.
notice-two-factor-off = İki faktörlü kimlik doğrulama kapalı. Artık hesabınızı yalnızca parolanız açar.
notice-app-removed-keys-remain = Kimlik doğrulama uygulaması kaldırıldı. Geçiş anahtarlarınız iki faktörlü kimlik doğrulamayı açık tutuyor ve yedek kodlarınız geçerliliğini koruyor.
notice-session-revoked = O oturum kapatıldı.
notice-session-gone = O oturum zaten sona ermişti.
notice-signed-out-others = Diğer tüm oturumlar kapatıldı.
notice-password-reset = Parolanız sıfırlandı. Diğer tüm oturumlar kapatıldı ve bu tarayıcıda giriş yapıldı.
notice-email-sent = Yeni adrese bir onay bağlantısı yolda. O adresi kullanmaya başlamak için bağlantıyı açın.
notice-notifications-saved = Bildirim ayarlarınız kaydedildi.
notice-passkey-added = Anahtar eklendi. Artık onunla giriş yapabilirsiniz.
notice-passkey-renamed = Anahtar yeniden adlandırıldı.
notice-passkey-removed = Anahtar kaldırıldı: artık onunla giriş yapılamaz.
enrol-done-title = Parolanız belirlendi
enrol-done-text = Yeni parolanızla { $name } olarak giriş yapın.
signup-closed-title = Kayıt kapalı
action-sign-in = Giriş yap
action-back-to-account = Hesabınıza dönün
action-back-to-security = Güvenlik ayarlarına dönün

## Form hataları
err-enter-username = Kullanıcı adınızı girin.
err-enter-password = Parolanızı girin.
err-enter-password-continue = Devam etmek için parolanızı girin.
err-enter-current-password = Mevcut parolanızı girin.
err-enter-username-or-email = Kullanıcı adınızı veya e-posta adresinizi girin.
err-enter-new-email = Yeni e-posta adresini girin.
err-enter-code-or-backup = Uygulamanızdaki 6 haneli kodu veya yedek kodlarınızdan birini girin.
err-enter-backup-code = Yedek kodlarınızdan birini girin.
err-enter-app-code = Kimlik doğrulama uygulamanızdaki 6 haneli kodu girin.
err-enter-code-from-app = Uygulamanızdaki 6 haneli kodu girin.
err-choose-username = Bir kullanıcı adı seçin.
err-choose-password = Bir parola seçin.
err-choose-new-password = Yeni bir parola seçin.
err-passwords-differ = İki parola farklı.
err-passwords-not-same = İki parola aynı değil. Parolayı yeniden yazın.
err-new-passwords-differ = İki yeni parola aynı değil. Yeni parolayı yeniden yazın.
err-username-taken-try = Bu kullanıcı adı zaten alınmış. Başka birini deneyin.
err-backup-code-wrong = Bu yedek kod geçersiz veya zaten kullanılmış. Her kod bir kez çalışır.
err-setup-code-wrong = Bu kod doğru değil. Telefonunuzun saatinin doğru olduğundan emin olun ve uygulamanın şu an gösterdiği kodu girin.
err-no-setup-waiting = Kod bekleyen bir kurulum yok. Parolanızla yeniden başlayın.
err-internal-title = Bir şeyler ters gitti
err-internal = Bizim tarafımızda bir şeyler ters gitti. Lütfen yeniden deneyin.
err-internal-page = Bizim tarafımızda bir şeyler ters gitti ve hiçbir şey değişmedi. Lütfen biraz sonra yeniden deneyin.

## Kural hataları
err-invalid-credentials = Kullanıcı adı veya parola yanlış.
err-wrong-password = Parola yanlış.
err-username-taken = Bu kullanıcı adı zaten alınmış.
err-wrong-code = Bu kod doğru değil. Kimlik doğrulama uygulamanızı kontrol edip yeniden deneyin.
err-code-reused = Bu kod zaten kullanıldı. Uygulamanızdaki bir sonraki kodu bekleyin.
err-throttled = { $count ->
   *[other] Çok fazla deneme. { $count } dakika sonra yeniden deneyin.
}
err-no-pending-setup = Onaylanacak bir iki faktörlü kimlik doğrulama kurulumu yok. Kurulumu yeniden başlatın.
err-setup-expired = Bu kurulum 15 dakika boyunca kod girilmediği için sona erdi. Kurulumu yeniden başlatın.
err-step-up-required = Bu değişikliği onaylamak için kimlik doğrulama uygulamanızdan bir kod (veya bir yedek kod) da girin.
err-two-factor-not-enabled = İki faktörlü kimlik doğrulama açık değil.
err-email-not-configured = Bu sunucuda e-posta kurulu değil, bu yüzden bu işlem e-postayla yapılamaz. Sunucuyu yönetenlere başvurun.
err-invalid-token = Bu bağlantı geçerli değil: süresi dolmuş veya zaten kullanılmış olabilir. Yenisini isteyin.
err-email-taken = Bu e-posta adresini başka bir hesap kullanıyor.
err-second-factor-required = Bu hesapta iki faktörlü kimlik doğrulama var: kimlik doğrulama uygulamanızdan bir kod veya bir yedek kod da girin.
err-passkey-refused = Bu geçiş anahtarı veya güvenlik anahtarı kabul edilmedi.
err-passkey-ceremony-gone = Bu geçiş anahtarı isteğinin süresi doldu veya zaten kullanıldı. Yeniden deneyin.
err-no-passkey = Bu hesap için kayıtlı geçiş anahtarı veya güvenlik anahtarı yok.
err-passkeys-unavailable = Bu sunucuda geçiş anahtarları kullanılamıyor (genel adresinde tarayıcıların kabul ettiği bir ana bilgisayar adı yok).
err-not-found = Bulunamadı.
err-account-disabled = Bu hesap devre dışı. Bu hizmeti yönetenlere başvurun.
err-signup-closed = Bu sunucuda kayıt kapalı: sunucuyu yönetenlerden bir davet bağlantısı isteyin.
err-password-nul = Parola NUL karakteri içermemelidir.
err-password-too-short = { $count ->
   *[other] En az { $count } karakter kullanın.
}
err-password-too-long = { $count ->
   *[other] En fazla { $count } karakter kullanın.
}
err-password-common = Bu parola en yaygın parolalardan biri; tahmin edilmesi daha zor bir parola seçin.
err-password-context = Parola { $word } üzerine kurulmamalıdır; bu hesapla veya hizmetle ilgisi olmayan bir parola seçin.
err-username-too-long = { $count ->
   *[other] Kullanıcı adı için en fazla { $count } karakter kullanın.
}
err-username-characters = Kullanıcı adı yalnızca harf, rakam, '.', '_' ve '-' içerebilir.
err-username-one-script = Kullanıcı adı yalnızca tek bir alfabenin harflerini kullanabilir (Latin, Kiril, Yunan vb.), karışım olamaz.
err-enter-email = Bir e-posta adresi girin.
err-email-too-long = Bu e-posta adresi çok uzun (en fazla 254 karakter).
err-email-spaces = E-posta adresi boşluk veya satır sonu içeremez.
err-email-invalid = Bu geçerli bir e-posta adresi değil (ad@ornek.com).
err-email-domain = Yerel bir ana bilgisayar veya IP adresi değil, bir alan adındaki adresi kullanın (ad@ornek.com).
err-email-same = Bu zaten sizin adresiniz.
err-passkey-response = Bu bir geçiş anahtarı yanıtı değil.
err-passkey-registered = Bu anahtar zaten kayıtlı.
err-passkey-name = { $count ->
   *[other] Anahtara 1 ile { $count } karakter arasında bir ad verin.
}

## JSON API'nin kendi hataları
api-unauthenticated = Giriş yapmadınız.
api-no-pending-login = Kod bekleyen bir giriş yok. Önce parolanızla giriş yapın.
api-cross-site = Siteler arası isteklere izin verilmez.
api-not-found = Bu adreste hiçbir şey yok.
api-too-large = İstek gövdesi çok büyük (en fazla 16 KiB).
api-unsupported-media-type = İstek gövdesini Content-Type: application/json ile JSON olarak gönderin.
api-unreadable-body = İstek gövdesi okunamadı.
api-nul-character = İstek NUL karakteri içermemelidir.
api-body-mismatch = İstek gövdesi bu uç noktaya uymuyor: { $detail }.
api-wrong-type = İstek gövdesinde yanlış türde bir alan var.
api-not-json = İstek gövdesi geçerli JSON değil.
api-code-or-backup-code = Ya "code" ya da "backup_code" gönderin.
api-username-or-email = Ya "username" ya da "email" gönderin.

## Son güvenlik etkinlikleri
event-signed-up = Hesap oluşturuldu
event-sign-in-app-code = Parola ve kimlik doğrulama uygulaması koduyla giriş
event-sign-in-backup-code = Parola ve yedek kodla giriş
event-sign-in-password = Parolayla giriş
event-wrong-password-settings = Güvenlik ayarlarında yanlış parola girildi
event-wrong-password-login = Başarısız giriş: yanlış parola
event-wrong-code = Yanlış iki faktörlü kimlik doğrulama kodu girildi
event-code-entry-paused = Çok fazla yanlış kod: kod girişi duraklatıldı
event-code-replay-refused = Zaten kullanılmış bir kod reddedildi
event-two-factor-on = İki faktörlü kimlik doğrulama açıldı
event-two-factor-off = İki faktörlü kimlik doğrulama kapatıldı
event-app-removed-keys-remain = Kimlik doğrulama uygulaması kaldırıldı (geçiş anahtarları iki faktörlü kimlik doğrulamayı açık tutuyor)
event-two-factor-reset = İki faktörlü kimlik doğrulama bir yönetici tarafından kaldırıldı
event-backup-codes-generated = Yeni yedek kodlar oluşturuldu
event-backup-code-used = { $count ->
   *[other] Yedek kod kullanıldı ({ $count } kaldı)
}
event-password-changed = Parola değiştirildi
event-password-reset = Parola e-postayla sıfırlandı
event-email-changed = E-posta adresi { $address } olarak değiştirildi
event-new-browser = Daha önce görülmemiş bir tarayıcıdan giriş
event-mail-undeliverable = Size gönderilen bir e-posta teslim edilemedi
event-passkey-added = Geçiş anahtarı eklendi
event-passkey-removed = Geçiş anahtarı kaldırıldı
event-passkey-used = Geçiş anahtarıyla giriş
event-passkey-counter-regressed = Geçiş anahtarı reddedildi (sayacı geri gitti, kopyalanmış olabilir)
event-group-added = Bir yönetici tarafından { $group } grubuna eklendi
event-group-removed = Bir yönetici tarafından { $group } grubundan çıkarıldı
event-account-disabled = Hesap bir yönetici tarafından devre dışı bırakıldı
event-account-enabled = Hesap bir yönetici tarafından yeniden etkinleştirildi

## Tek ikinci faktör olarak geçiş anahtarları ve bir anahtarla onay
step-up-passkey-text = Bir süre önce giriş yaptınız: parolanızda ve ikinci faktörlerinizde yapılacak değişiklikler yeniden bir ikinci faktör ister. Forma bir kod veya yedek kod yazın ya da anahtarlarınızdan biriyle bir kez onaylayın.
step-up-passkey-button = Geçiş anahtarıyla onayla
step-up-passkey-nojs = Geçiş anahtarıyla onaylamak için JavaScript gerekir ve bu tarayıcıda kapalıdır; kod alanları onsuz da çalışır.
security-factors-app = İkinci faktörünüz: bir kimlik doğrulama uygulaması.
security-factors-app-and-keys = { $count ->
    [one] İkinci faktörleriniz: bir kimlik doğrulama uygulaması ve 1 geçiş anahtarı veya güvenlik anahtarı.
   *[other] İkinci faktörleriniz: bir kimlik doğrulama uygulaması ve { $count } geçiş anahtarı veya güvenlik anahtarı.
}
security-factors-keys = { $count ->
    [one] İkinci faktörünüz: 1 geçiş anahtarı veya güvenlik anahtarı.
   *[other] İkinci faktörleriniz: { $count } geçiş anahtarı veya güvenlik anahtarı.
}
security-disable-text-keys-stay = Bu, kimlik doğrulama uygulamasını kaldırır. Geçiş anahtarlarınız ve güvenlik anahtarlarınız kalır: sizi yine giriş yaptırır ve ikinci adımınız olmaya devam eder; yedek kodlarınız da geçerli kalır. Parolanız ve uygulamanızdan bir kodla (veya bir yedek kodla) onaylayın.
security-keys-only-text = Parolanızla yapılan her giriş, geçiş anahtarlarınızdan veya güvenlik anahtarlarınızdan birini (ya da bir yedek kodu) ister. Son anahtarınızı kaldırmak iki faktörlü kimlik doğrulamayı kapatır. Bir kimlik doğrulama uygulaması da ekleyebilirsiniz: telefonunuzda 6 haneli bir kod.
security-setup-app-button = Bir kimlik doğrulama uygulaması kur
notice-passkey-stepped-up = Anahtarınızla onaylandı: önümüzdeki birkaç dakika buradaki değişiklikler kod istemez.
notice-passkey-removed-two-factor-off = Anahtar kaldırıldı. Son ikinci faktörünüzdü, bu yüzden iki faktörlü kimlik doğrulama kapalı: artık yalnızca parolanızla giriş yapılır, yedek kodlarınız artık çalışmaz ve diğer oturumlarınız kapatıldı.

## Tek oturum açma (OpenID Connect): onay sayfası, onun hata sayfası, bağlı uygulamalar
oidc-consent-title = { $client } uygulamasına izin verilsin mi?
oidc-consent-heading = Hesabınızla { $client } uygulamasına giriş yapılsın mı?
oidc-consent-lead = { $client } şunları öğrenmek istiyor:
oidc-consent-note = Uygulama parolanızı veya kodlarınızı asla görmez. Bağlantısını istediğiniz zaman Ayarlar → Güvenlik → Bağlı uygulamalar bölümünden kesebilirsiniz.
oidc-allow = İzin ver
oidc-deny = Reddet
oidc-scope-openid = Burada giriş yapmış olduğunuz ve hesabınıza ait bir tanımlayıcı (kullanıcı adınız değil).
oidc-scope-profile = Kullanıcı adınız.
oidc-scope-email = Doğrulanmış e-posta adresiniz.
oidc-scope-groups = Hesabınızın dahil olduğu gruplar.
oidc-scope-offline = Siz bağlantısını kesene kadar, siz yokken de bağlı kalmak.
oidc-error-title = Bu giriş isteği kullanılamıyor
oidc-error-text = { $message } Uygulamaya dönüp yeniden deneyin; bu tekrarlanırsa uygulamayı yöneten kişiye haber verin.
oidc-error-link = Hesabınıza git
oidc-error-return-address = Uygulamanın dönüş adresi kullanılamıyor.
oidc-error-malformed = İstek hatalı biçimlendirilmiş (geçersiz bir kaçış dizisi veya UTF-8 olmayan metin).
oidc-error-form = Form hatalı biçimlendirilmiş.
oidc-error-no-decision = Form, uygulamaya izin verip vermediğinizi belirtmiyor.
oidc-error-damaged = Giriş isteği yolda bozuldu.
oidc-error-too-long = İstek, giriş yaptıktan sonra geri dönülemeyecek kadar uzun.
oidc-error-client-repeated = İstek, uygulamasını (client_id) birden fazla kez belirtiyor.
oidc-error-no-client = İstek, uygulamasını (client_id) belirtmiyor.
oidc-error-unknown-client = Bu uygulama bu hizmete kayıtlı değil.
oidc-error-redirect-repeated = İstek, dönüş adresini (redirect_uri) birden fazla kez belirtiyor.
oidc-error-no-redirect = İstek, nereye dönüleceğini (redirect_uri) belirtmiyor.
oidc-error-redirect-unknown = Bu isteğin dönmek istediği adres, uygulama için kayıtlı değil.
oidc-error-failed = Hizmet, uygulamayı şu anda bulamadı.
apps-heading = Bağlı uygulamalar
apps-text = Bu hesapla giriş yapmanıza izin verdiğiniz uygulamalar. Birinin bağlantısını keserseniz o uygulamadan çıkış yaparsınız ve bir dahaki sefere size yeniden sorar.
apps-none = Henüz uygulama yok.
apps-allowed = İzin verilme: { $when }
apps-may-learn = öğrenebilir: { $scopes }
apps-disconnect = Bağlantıyı kes
notice-app-disconnected = Uygulamanın bağlantısı kesildi: uygulamadaki oturumunuz kapatıldı ve size yeniden soracak.

## Forward-auth: erişim reddedildiğinde ters vekil sunucunun gösterdiği
authz-header-repeated = { $header } birden fazla kez gönderildi.
authz-header-characters = { $header } bir URL'de bulunamayacak karakterler içeriyor.
authz-header-missing = { $header } eksik.
authz-bad-method = İletilen yöntem bir HTTP yöntemi değil.
authz-url-not-absolute = Özgün URL mutlak bir http ya da https URL'si olmalı.
authz-url-invalid = Özgün URL geçerli bir URL değil.
authz-url-host = Özgün URL bir ana makine belirtmeli ve kullanıcı içermemeli.
authz-proto = X-Forwarded-Proto http ya da https olmalı.
authz-host = X-Forwarded-Host bir ana makine değil.
authz-uri = X-Forwarded-Uri tek bir / ile başlayan bir yol olmalı.
authz-forbidden = Bu sayfayı açma izniniz yok.
authz-sign-in = Bu sayfayı açmak için oturum açın (sayfa isterse ikinci adımınızla birlikte).
authz-untrusted-proxy = İletilen başlıklara yalnızca bir --trusted-proxy adresinden gelince güvenilir.

## passkeys.js'in söyledikleri
passkey-js-cancelled = Geçiş anahtarı isteği iptal edildi ya da zaman aşımına uğradı. Yeniden deneyin.
passkey-js-failed = Bir şeyler ters gitti. Yeniden deneyin.
passkey-js-server-answered = Sunucu { $status } yanıtını verdi.
passkey-js-unsupported = Bu tarayıcı geçiş anahtarlarını ya da güvenlik anahtarlarını kullanamıyor.

## Browser
browser-on = { $system } üzerinde { $browser }
browser-on-system = { $system } üzerinde bir tarayıcı
browser-unknown = Bilinmeyen tarayıcı
