//! Server-side keys: AEAD for TOTP secrets at rest, a pepper for backup-code
//! hashes and device cookies, and session tokens.
//!
//! The keys live outside the database (a `keys` file in the data directory, or
//! `DEADBOLT_KEYS`), so a database dump alone yields no usable TOTP secret and
//! no way to test backup codes offline.
//!
//! Just over 600 lines with its unit tests: every use of the keyring (each
//! sealing label and its tests) stays in one file, so a reviewer sees every
//! key's purposes together.

use std::fmt;
use std::io::Write;
use std::path::Path;

use aes_gcm::Aes256Gcm;
use aes_gcm::aead::{Aead, KeyInit, Payload};
use data_encoding::{BASE64URL_NOPAD, HEXLOWER_PERMISSIVE};
use hmac::{Hmac, Mac};
use sha2::{Digest, Sha256};
use zeroize::Zeroizing;

use crate::secret::{DeviceCookie, MailToken, SessionToken};

/// Errors loading or using the keyring.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum KeyError {
    /// The key file could not be read or written.
    #[error("key file: {0}")]
    Io(#[from] std::io::Error),
    /// The key file or `DEADBOLT_KEYS` is malformed (the message never contains key material).
    #[error("malformed key material: {0}")]
    Malformed(&'static str),
    /// A sealed blob names a key this keyring does not hold.
    #[error("sealed with unknown key id {0}")]
    UnknownKey(u32),
    /// Decryption failed: wrong key, wrong associated data, or tampering.
    #[error("sealed secret failed authentication")]
    Open,
    /// The operating system's random generator failed.
    #[error("random generator failure")]
    Random,
}

const SEAL_VERSION: u8 = 1;
/// The associated data of a sealed mail token: ids no device has (device
/// ids start at 1), so a token can never open as a TOTP secret or back.
const MAIL_TOKEN_AAD_USER: i64 = -1;
const MAIL_TOKEN_AAD_DEVICE: i64 = -1;
/// The associated data of a sealed OpenID Connect signing key: other ids
/// no device or mail token has, so neither opens as the other.
const SIGNING_KEY_AAD_USER: i64 = -2;
const SIGNING_KEY_AAD_DEVICE: i64 = -2;
/// The associated data of a passwordless ceremony's sealed state (held by
/// the client between start and finish): ids nothing else is sealed with.
const CEREMONY_AAD_USER: i64 = -3;
const CEREMONY_AAD_DEVICE: i64 = -3;
/// What a key check seals (see [`Keyring::seal_check`]).
const KEY_CHECK: &[u8] = b"deadbolt key check v1";
const NONCE_LEN: usize = 12;

/// The server's secret keys. Never printed: `Debug` shows key ids only.
#[derive(Clone)]
pub struct Keyring {
    /// AEAD keys, newest (the one used for sealing) first.
    keys: Vec<(u32, Zeroizing<[u8; 32]>)>,
    /// HMAC key for backup-code hashes.
    pepper: Zeroizing<[u8; 32]>,
    /// The data directory whose `keys` file this came from, for [`Keyring::reload`].
    dir: Option<std::path::PathBuf>,
}

impl fmt::Debug for Keyring {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let ids: Vec<u32> = self.keys.iter().map(|(id, _)| *id).collect();
        f.debug_struct("Keyring")
            .field("key_ids", &ids)
            .finish_non_exhaustive()
    }
}

/// Fill a buffer from the operating system's generator.
pub(crate) fn os_random(buf: &mut [u8]) -> Result<(), KeyError> {
    getrandom::fill(buf).map_err(|_| KeyError::Random)
}

fn random_key() -> Result<Zeroizing<[u8; 32]>, KeyError> {
    let mut k = Zeroizing::new([0u8; 32]);
    os_random(k.as_mut())?;
    Ok(k)
}

fn parse_key(hex: &str) -> Result<Zeroizing<[u8; 32]>, KeyError> {
    let bytes = Zeroizing::new(
        HEXLOWER_PERMISSIVE
            .decode(hex.trim().as_bytes())
            .map_err(|_| KeyError::Malformed("a key is not hexadecimal"))?,
    );
    let arr: [u8; 32] = bytes
        .as_slice()
        .try_into()
        .map_err(|_| KeyError::Malformed("a key is not 32 bytes (64 hex digits)"))?;
    Ok(Zeroizing::new(arr))
}

impl Keyring {
    /// A fresh keyring with one random key and a random pepper (tests, first start).
    pub fn generate() -> Result<Self, KeyError> {
        Ok(Self {
            keys: vec![(1, random_key()?)],
            pepper: random_key()?,
            dir: None,
        })
    }

    /// Parse the key-file format: one `id:hex` line per AEAD key, newest
    /// first, and one `pepper:hex` line. Lines may also be separated by `,` or
    /// `;` (handy in `DEADBOLT_KEYS`); `#` starts a comment line.
    pub fn from_env_string(s: &str) -> Result<Self, KeyError> {
        let mut keys = Vec::new();
        let mut pepper = None;
        let entries = s
            .lines()
            .map(str::trim)
            .filter(|l| !l.starts_with('#'))
            .flat_map(|l| l.split([',', ';']))
            .map(str::trim)
            .filter(|l| !l.is_empty());
        for line in entries {
            let (name, hex) = line
                .split_once(':')
                .ok_or(KeyError::Malformed("expected id:hex"))?;
            if name == "pepper" {
                pepper = Some(parse_key(hex)?);
            } else {
                let id: u32 = name
                    .trim()
                    .parse()
                    .map_err(|_| KeyError::Malformed("a key id is not a number"))?;
                if keys.iter().any(|(k, _)| *k == id) {
                    return Err(KeyError::Malformed("duplicate key id"));
                }
                keys.push((id, parse_key(hex)?));
            }
        }
        if keys.is_empty() {
            return Err(KeyError::Malformed("no AEAD key"));
        }
        let pepper = pepper.ok_or(KeyError::Malformed("no pepper line"))?;
        Ok(Self {
            keys,
            pepper,
            dir: None,
        })
    }

    /// The key-file text (secret: write it only to a 0600 file).
    pub fn to_file_string(&self) -> Zeroizing<String> {
        let mut s = String::from(
            "# deadbolt keys: id:hex, newest first; pepper for backup codes. Keep secret.\n",
        );
        for (id, k) in &self.keys {
            s.push_str(&format!(
                "{id}:{}\n",
                HEXLOWER_PERMISSIVE.encode(k.as_ref())
            ));
        }
        s.push_str(&format!(
            "pepper:{}\n",
            HEXLOWER_PERMISSIVE.encode(self.pepper.as_ref())
        ));
        Zeroizing::new(s)
    }

    /// Load `dir/keys`, creating it (mode 0600) with fresh keys on first start.
    pub fn load_or_create(dir: &Path) -> Result<Self, KeyError> {
        let path = dir.join("keys");
        match std::fs::read_to_string(&path) {
            Ok(text) => {
                let text = Zeroizing::new(text);
                #[cfg(unix)]
                {
                    use std::os::unix::fs::PermissionsExt;
                    let mode = std::fs::metadata(&path)?.permissions().mode();
                    if mode & 0o077 != 0 {
                        tracing::warn!(
                            path = %path.display(),
                            mode = format!("{:o}", mode & 0o777),
                            "the key file is readable by other users; chmod 600 it"
                        );
                    }
                }
                let mut ring = Self::from_env_string(&text)?;
                ring.dir = Some(dir.to_path_buf());
                Ok(ring)
            }
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                deadbolt_store::private_dir(dir)?;
                let mut ring = Self::generate()?;
                ring.write_new_file(&path)?;
                ring.dir = Some(dir.to_path_buf());
                Ok(ring)
            }
            Err(e) => Err(e.into()),
        }
    }

    /// Read the key file again (after `deadbolt keys rotate` on a running
    /// server): `None` when this keyring did not come from a file or the file
    /// cannot be read.
    pub fn reload(&self) -> Option<Self> {
        let dir = self.dir.as_deref()?;
        match Self::load_or_create(dir) {
            Ok(ring) => Some(ring),
            Err(e) => {
                tracing::error!(error = %e, "reloading the key file failed");
                None
            }
        }
    }

    /// Whether this keyring holds the AEAD key `id`.
    pub fn has_key(&self, id: u32) -> bool {
        self.keys.iter().any(|(k, _)| *k == id)
    }

    /// Write the key file at `dir/keys` (replacing it), mode 0600.
    pub fn save(&self, dir: &Path) -> Result<(), KeyError> {
        let tmp = dir.join("keys.new");
        let _ = std::fs::remove_file(&tmp);
        self.write_new_file(&tmp)?;
        std::fs::rename(&tmp, dir.join("keys"))?;
        Ok(())
    }

    fn write_new_file(&self, path: &Path) -> Result<(), KeyError> {
        let mut opts = std::fs::OpenOptions::new();
        opts.write(true).create_new(true);
        #[cfg(unix)]
        {
            use std::os::unix::fs::OpenOptionsExt;
            opts.mode(0o600);
        }
        let mut f = opts.open(path)?;
        f.write_all(self.to_file_string().as_bytes())?;
        f.sync_all()?;
        Ok(())
    }

    /// Add a new newest key (used for sealing from now on); old keys stay for reading.
    pub fn rotate(&mut self) -> Result<u32, KeyError> {
        let id = self.keys.iter().map(|(id, _)| *id).max().unwrap_or(0) + 1;
        self.keys.insert(0, (id, random_key()?));
        Ok(id)
    }

    /// Id of the key used for sealing.
    pub fn current_key_id(&self) -> u32 {
        self.keys[0].0
    }

    fn aad(key_id: u32, user_id: i64, device_id: i64) -> Vec<u8> {
        let mut aad = b"deadbolt totp secret v1".to_vec();
        aad.extend_from_slice(&key_id.to_be_bytes());
        aad.extend_from_slice(&user_id.to_be_bytes());
        aad.extend_from_slice(&device_id.to_be_bytes());
        aad
    }

    /// Seal a TOTP secret for (user, device) with the newest key.
    /// Layout: version (1) ‖ key id (4, BE) ‖ nonce (12) ‖ ciphertext+tag.
    pub fn seal(&self, user_id: i64, device_id: i64, secret: &[u8]) -> Result<Vec<u8>, KeyError> {
        let (id, key) = &self.keys[0];
        let cipher = Aes256Gcm::new_from_slice(key.as_ref())
            .map_err(|_| KeyError::Malformed("key length"))?;
        let mut nonce = [0u8; NONCE_LEN];
        os_random(&mut nonce)?;
        let aad = Self::aad(*id, user_id, device_id);
        let ct = cipher
            .encrypt(
                &nonce.into(),
                Payload {
                    msg: secret,
                    aad: &aad,
                },
            )
            .map_err(|_| KeyError::Open)?;
        let mut out = Vec::with_capacity(1 + 4 + NONCE_LEN + ct.len());
        out.push(SEAL_VERSION);
        out.extend_from_slice(&id.to_be_bytes());
        out.extend_from_slice(&nonce);
        out.extend_from_slice(&ct);
        Ok(out)
    }

    /// Open a sealed TOTP secret; fails if it was sealed for another (user, device).
    pub fn open(
        &self,
        user_id: i64,
        device_id: i64,
        sealed: &[u8],
    ) -> Result<Zeroizing<Vec<u8>>, KeyError> {
        if sealed.len() < 1 + 4 + NONCE_LEN + 16 || sealed[0] != SEAL_VERSION {
            return Err(KeyError::Open);
        }
        let id = u32::from_be_bytes([sealed[1], sealed[2], sealed[3], sealed[4]]);
        let (_, key) = self
            .keys
            .iter()
            .find(|(k, _)| *k == id)
            .ok_or(KeyError::UnknownKey(id))?;
        let cipher = Aes256Gcm::new_from_slice(key.as_ref())
            .map_err(|_| KeyError::Malformed("key length"))?;
        let mut nonce = [0u8; NONCE_LEN];
        nonce.copy_from_slice(&sealed[5..5 + NONCE_LEN]);
        let aad = Self::aad(id, user_id, device_id);
        let pt = cipher
            .decrypt(
                &nonce.into(),
                Payload {
                    msg: &sealed[5 + NONCE_LEN..],
                    aad: &aad,
                },
            )
            .map_err(|_| KeyError::Open)?;
        Ok(Zeroizing::new(pt))
    }

    /// Seal a token that a mail will carry (a verification or reset link),
    /// for the outbox: opened only by the worker that sends the mail, and
    /// dropped once it is sent.
    pub fn seal_mail_token(&self, token: &[u8]) -> Result<Vec<u8>, KeyError> {
        self.seal(MAIL_TOKEN_AAD_USER, MAIL_TOKEN_AAD_DEVICE, token)
    }

    /// Open a token sealed by [`Keyring::seal_mail_token`].
    pub fn open_mail_token(&self, sealed: &[u8]) -> Result<Zeroizing<Vec<u8>>, KeyError> {
        self.open(MAIL_TOKEN_AAD_USER, MAIL_TOKEN_AAD_DEVICE, sealed)
    }

    /// Seal an OpenID Connect signing key (PKCS#8) with the newest key.
    pub fn seal_signing_key(&self, pkcs8: &[u8]) -> Result<Vec<u8>, KeyError> {
        self.seal(SIGNING_KEY_AAD_USER, SIGNING_KEY_AAD_DEVICE, pkcs8)
    }

    /// Open a signing key sealed by [`Keyring::seal_signing_key`].
    pub fn open_signing_key(&self, sealed: &[u8]) -> Result<Zeroizing<Vec<u8>>, KeyError> {
        self.open(SIGNING_KEY_AAD_USER, SIGNING_KEY_AAD_DEVICE, sealed)
    }

    /// Seal a passwordless sign-in's state for the client to hold until
    /// its finish (AES-256-GCM: the client can neither read nor change it).
    pub fn seal_ceremony(&self, state: &[u8]) -> Result<Vec<u8>, KeyError> {
        self.seal(CEREMONY_AAD_USER, CEREMONY_AAD_DEVICE, state)
    }

    /// Open a state sealed by [`Keyring::seal_ceremony`].
    pub fn open_ceremony(&self, sealed: &[u8]) -> Result<Zeroizing<Vec<u8>>, KeyError> {
        self.open(CEREMONY_AAD_USER, CEREMONY_AAD_DEVICE, sealed)
    }

    /// The ids of the AEAD keys held, newest first.
    pub fn key_ids(&self) -> Vec<u32> {
        self.keys.iter().map(|(id, _)| *id).collect()
    }

    /// The check value of key `id`: a constant sealed under that key (the
    /// database keeps one per key, so a node can tell at start whether its
    /// keys open the database's secrets). `None` if the key is not held.
    pub fn seal_check(&self, id: u32) -> Option<Vec<u8>> {
        let (_, key) = self.keys.iter().find(|(k, _)| *k == id)?;
        let cipher = Aes256Gcm::new_from_slice(key.as_ref()).ok()?;
        let mut nonce = [0u8; NONCE_LEN];
        os_random(&mut nonce).ok()?;
        let ct = cipher
            .encrypt(
                &nonce.into(),
                Payload {
                    msg: KEY_CHECK,
                    aad: &id.to_be_bytes(),
                },
            )
            .ok()?;
        let mut out = nonce.to_vec();
        out.extend_from_slice(&ct);
        Some(out)
    }

    /// Whether `sealed` is key `id`'s check value (so this keyring holds the
    /// very key the database was written with).
    pub fn opens_check(&self, id: u32, sealed: &[u8]) -> bool {
        let Some((_, key)) = self.keys.iter().find(|(k, _)| *k == id) else {
            return false;
        };
        let (Some(nonce), Some(ct)) = (sealed.get(..NONCE_LEN), sealed.get(NONCE_LEN..)) else {
            return false;
        };
        let Ok(cipher) = Aes256Gcm::new_from_slice(key.as_ref()) else {
            return false;
        };
        let mut n = [0u8; NONCE_LEN];
        n.copy_from_slice(nonce);
        cipher
            .decrypt(
                &n.into(),
                Payload {
                    msg: ct,
                    aad: &id.to_be_bytes(),
                },
            )
            .is_ok_and(|pt| pt == KEY_CHECK)
    }

    /// The key id a sealed secret names (`None` for a malformed blob).
    pub fn sealed_key_id(sealed: &[u8]) -> Option<u32> {
        (sealed.len() >= 5 && sealed[0] == SEAL_VERSION)
            .then(|| u32::from_be_bytes([sealed[1], sealed[2], sealed[3], sealed[4]]))
    }

    /// Whether a sealed blob was made with an older key (rotation pending).
    pub fn needs_reseal(&self, sealed: &[u8]) -> bool {
        sealed.len() < 5
            || u32::from_be_bytes([sealed[1], sealed[2], sealed[3], sealed[4]])
                != self.current_key_id()
    }

    /// A new device cookie for a browser that just proved it knows the
    /// password of `username_key` (OWASP's device cookies): a random device id
    /// and an HMAC binding it to the username, `id.mac` in base64url.
    pub fn new_device_cookie(&self, username_key: &str) -> Result<DeviceCookie, KeyError> {
        let mut id = [0u8; 16];
        os_random(&mut id)?;
        let id = BASE64URL_NOPAD.encode(&id);
        let mac = BASE64URL_NOPAD.encode(&self.device_mac(username_key, &id));
        Ok(DeviceCookie::new(format!("{id}.{mac}")))
    }

    /// The device id of a genuine device cookie issued for `username_key`, or
    /// `None` (forged, altered, or issued for another username).
    pub fn verify_device_cookie(
        &self,
        cookie: &DeviceCookie,
        username_key: &str,
    ) -> Option<String> {
        use subtle::ConstantTimeEq;
        let (id, mac) = cookie.expose().split_once('.')?;
        let mac = BASE64URL_NOPAD.decode(mac.as_bytes()).ok()?;
        let want = self.device_mac(username_key, id);
        bool::from(want.as_slice().ct_eq(&mac)).then(|| id.to_owned())
    }

    fn device_mac(&self, username_key: &str, id: &str) -> Vec<u8> {
        let mut mac = <Hmac<Sha256> as KeyInit>::new_from_slice(self.pepper.as_ref())
            .expect("HMAC takes any key length");
        mac.update(b"deadbolt device cookie v1\0");
        mac.update(username_key.as_bytes());
        mac.update(b"\0");
        mac.update(id.as_bytes());
        mac.finalize().into_bytes()[..16].to_vec()
    }

    /// Keyed hash of a normalised backup code, as stored.
    pub fn backup_code_hash(&self, normalised: &str) -> Vec<u8> {
        let mut mac = <Hmac<Sha256> as KeyInit>::new_from_slice(self.pepper.as_ref())
            .expect("HMAC takes any key length");
        mac.update(b"deadbolt backup code v1\0");
        mac.update(normalised.as_bytes());
        mac.finalize().into_bytes().to_vec()
    }
}

/// A new session token: 32 OS-random bytes, base64url for the cookie, and its
/// SHA-256 for the database.
pub fn new_session_token() -> Result<(SessionToken, Vec<u8>), KeyError> {
    let mut raw = Zeroizing::new([0u8; 32]);
    os_random(raw.as_mut())?;
    let token = SessionToken::new(BASE64URL_NOPAD.encode(raw.as_ref()));
    let hash = token_hash(&token);
    Ok((token, hash))
}

/// A new mailed-link token: 32 OS-random bytes (256 bits), base64url, and
/// its SHA-256 for the database.
pub fn new_mail_token() -> Result<(MailToken, Vec<u8>), KeyError> {
    let mut raw = Zeroizing::new([0u8; 32]);
    os_random(raw.as_mut())?;
    let token = MailToken::new(BASE64URL_NOPAD.encode(raw.as_ref()));
    let hash = Sha256::digest(token.expose().as_bytes()).to_vec();
    Ok((token, hash))
}

/// The SHA-256 of a typed mailed-link token, if it has a token's shape (43
/// base64url characters); `None` for anything else, without a lookup.
pub fn mail_token_hash(typed: &str) -> Option<Vec<u8>> {
    let typed = typed.trim();
    let shaped = typed.len() == 43
        && typed
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
    shaped.then(|| Sha256::digest(typed.as_bytes()).to_vec())
}

/// SHA-256 of a session token (what the store keys sessions by).
pub fn token_hash(token: &SessionToken) -> Vec<u8> {
    Sha256::digest(token.expose().as_bytes()).to_vec()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seal_open_roundtrip_and_binding() {
        let ring = Keyring::generate().unwrap();
        let sealed = ring.seal(7, 9, b"secret bytes here!!!").unwrap();
        assert_eq!(
            ring.open(7, 9, &sealed).unwrap().as_slice(),
            b"secret bytes here!!!"
        );
        assert!(ring.open(7, 10, &sealed).is_err(), "bound to the device id");
        assert!(ring.open(8, 9, &sealed).is_err(), "bound to the user id");
        let mut tampered = sealed.clone();
        *tampered.last_mut().unwrap() ^= 1;
        assert!(ring.open(7, 9, &tampered).is_err());
    }

    #[test]
    fn a_sealed_ceremony_opens_as_nothing_else() {
        let ring = Keyring::generate().unwrap();
        let sealed = ring.seal_ceremony(b"{\"state\":1}").unwrap();
        assert_eq!(
            ring.open_ceremony(&sealed).unwrap().as_slice(),
            b"{\"state\":1}"
        );
        assert!(ring.open_mail_token(&sealed).is_err());
        assert!(ring.open_signing_key(&sealed).is_err());
        let token = ring.seal_mail_token(b"token").unwrap();
        assert!(ring.open_ceremony(&token).is_err());
        let other = Keyring::generate().unwrap();
        assert!(other.open_ceremony(&sealed).is_err(), "another ring's key");
    }

    #[test]
    fn rotation_keeps_old_keys_for_reading() {
        let mut ring = Keyring::generate().unwrap();
        let old = ring.seal(1, 2, b"abc").unwrap();
        ring.rotate().unwrap();
        assert!(ring.needs_reseal(&old));
        assert_eq!(ring.open(1, 2, &old).unwrap().as_slice(), b"abc");
        let new = ring.seal(1, 2, b"abc").unwrap();
        assert!(!ring.needs_reseal(&new));
        let reparsed = Keyring::from_env_string(&ring.to_file_string()).unwrap();
        assert_eq!(reparsed.open(1, 2, &old).unwrap().as_slice(), b"abc");
        assert_eq!(reparsed.backup_code_hash("x"), ring.backup_code_hash("x"));
    }

    #[test]
    fn key_file_is_created_private() {
        let dir = tempfile::tempdir().unwrap();
        let a = Keyring::load_or_create(dir.path()).unwrap();
        let b = Keyring::load_or_create(dir.path()).unwrap();
        assert_eq!(a.backup_code_hash("c"), b.backup_code_hash("c"));
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(dir.path().join("keys"))
                .unwrap()
                .permissions()
                .mode();
            assert_eq!(mode & 0o777, 0o600);
        }
        assert!(!format!("{a:?}").contains(&HEXLOWER_PERMISSIVE.encode(a.pepper.as_ref())));
    }

    #[test]
    fn key_checks_open_only_under_their_own_key() {
        let a = Keyring::generate().unwrap();
        let b = Keyring::generate().unwrap();
        let check = a.seal_check(1).unwrap();
        assert!(a.opens_check(1, &check));
        assert!(!b.opens_check(1, &check), "another keyring's key 1");
        assert!(!a.opens_check(2, &check), "a key id it does not hold");
        assert!(a.seal_check(2).is_none());
        let mut tampered = check.clone();
        *tampered.last_mut().unwrap() ^= 1;
        assert!(!a.opens_check(1, &tampered));
        assert_eq!(
            Keyring::sealed_key_id(&a.seal(1, 1, b"x").unwrap()),
            Some(1)
        );
    }

    #[test]
    fn malformed_env_is_refused() {
        assert!(Keyring::from_env_string("").is_err());
        assert!(Keyring::from_env_string("1:abcd\npepper:00").is_err());
    }

    #[test]
    fn tokens_are_long_and_distinct() {
        let (a, ha) = new_session_token().unwrap();
        let (b, _) = new_session_token().unwrap();
        assert_ne!(a, b);
        assert_eq!(a.expose().len(), 43);
        assert_eq!(ha, token_hash(&a));
    }
}
