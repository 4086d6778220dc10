//! ES256 signing keys: made with `p256`, kept sealed by the keyring in the
//! store (so every node signs with the same key), published as a JWKS, and
//! used through `jsonwebtoken` (no hand-written signature code). Each node
//! keeps the current key for a minute, so signing costs no store read; a
//! key rotated by `deadbolt keys rotate` on another process is picked up
//! within that minute, and the old key stays published meanwhile.

use std::sync::{Arc, RwLock};

use data_encoding::BASE64URL_NOPAD;
use jsonwebtoken::jwk::{Jwk, JwkSet, PublicKeyUse};
use jsonwebtoken::{Algorithm, EncodingKey, Header};
use p256::pkcs8::EncodePrivateKey;
use serde::Serialize;
use sha2::{Digest, Sha256};
use zeroize::Zeroizing;

use super::{OidcError, OidcResult, RETIRED_KEY_SECS};
use crate::error::AuthError;
use crate::keys::os_random;
use crate::service::Auth;
use deadbolt_store::SigningKeyRow;

/// How long a node signs with the key it loaded before it looks again.
const KEY_CACHE_SECS: i64 = 60;

/// A loaded signing key.
struct Signer {
    kid: String,
    key: EncodingKey,
}

/// The node's current signing key and when it was loaded.
#[derive(Default)]
pub(crate) struct KeyCache(RwLock<Option<(i64, Arc<Signer>)>>);

/// A new P-256 key: (PKCS#8 DER, its public JWK with `kid` = the RFC 7638
/// thumbprint).
fn generate() -> OidcResult<(Zeroizing<Vec<u8>>, Jwk)> {
    let secret = loop {
        let mut raw = Zeroizing::new([0u8; 32]);
        os_random(raw.as_mut())?;
        // Out of range (zero or ≥ n) with probability ~2^-128: draw again.
        if let Ok(k) = p256::SecretKey::from_slice(raw.as_ref()) {
            break k;
        }
    };
    let der = secret
        .to_pkcs8_der()
        .map_err(|_| AuthError::bug("a P-256 key does not encode as PKCS#8"))?;
    let der = Zeroizing::new(der.as_bytes().to_vec());
    let mut jwk = Jwk::from_encoding_key(&EncodingKey::from_ec_der(&der), Algorithm::ES256)
        .map_err(|_| AuthError::bug("jsonwebtoken refused a P-256 key"))?;
    let (x, y) = match &jwk.algorithm {
        jsonwebtoken::jwk::AlgorithmParameters::EllipticCurve(ec) => (ec.x.clone(), ec.y.clone()),
        _ => return Err(AuthError::bug("not an EC JWK").into()),
    };
    let thumbprint = format!(r#"{{"crv":"P-256","kty":"EC","x":"{x}","y":"{y}"}}"#);
    jwk.common.key_id = Some(BASE64URL_NOPAD.encode(&Sha256::digest(thumbprint.as_bytes())));
    jwk.common.public_key_use = Some(PublicKeyUse::Signature);
    Ok((der, jwk))
}

impl Auth {
    /// Make a new signing key and store it sealed. With `retire`, it
    /// replaces the current key (`deadbolt keys rotate`); without, it is
    /// added only if there is none yet (false: another node made one).
    pub async fn oidc_new_signing_key(&self, retire: bool) -> OidcResult<(String, bool)> {
        let (der, jwk) = generate()?;
        let kid = jwk.common.key_id.clone().unwrap_or_default();
        let row = SigningKeyRow {
            kid: kid.clone(),
            public_jwk: serde_json::to_string(&jwk)
                .map_err(|_| AuthError::bug("a JWK does not serialise"))?,
            sealed_private: self.keys().seal_signing_key(&der)?,
            created_at: self.now(),
            retired_at: None,
        };
        let added = self.store.oidc_add_key(&row, retire).await?;
        if added {
            *self.oidc_keys.0.write().unwrap_or_else(|e| e.into_inner()) = None;
            let cutoff = self.now() - RETIRED_KEY_SECS;
            self.store.oidc_drop_retired_keys(cutoff).await?;
        }
        Ok((kid, added))
    }

    /// The key to sign with now: the cached one, else the store's current
    /// key (made on first use).
    async fn signer(&self) -> OidcResult<Arc<Signer>> {
        let now = self.now();
        if let Some((at, s)) = &*self.oidc_keys.0.read().unwrap_or_else(|e| e.into_inner())
            && now - at < KEY_CACHE_SECS
        {
            return Ok(s.clone());
        }
        let mut current = self.store.oidc_keys().await?;
        if !current.iter().any(|k| k.retired_at.is_none()) {
            self.oidc_new_signing_key(false).await?;
            current = self.store.oidc_keys().await?;
        }
        let row = current
            .into_iter()
            .find(|k| k.retired_at.is_none())
            .ok_or(AuthError::bug("no current signing key after making one"))?;
        let der = self.open_sealed_signing_key(&row.sealed_private)?;
        let signer = Arc::new(Signer {
            kid: row.kid,
            key: EncodingKey::from_ec_der(&der),
        });
        *self.oidc_keys.0.write().unwrap_or_else(|e| e.into_inner()) = Some((now, signer.clone()));
        Ok(signer)
    }

    fn open_sealed_signing_key(&self, sealed: &[u8]) -> OidcResult<Zeroizing<Vec<u8>>> {
        let keys = self.keys();
        match keys.open_signing_key(sealed) {
            Err(crate::KeyError::UnknownKey(id)) => {
                let fresh = keys
                    .reload()
                    .filter(|k| k.has_key(id))
                    .ok_or(crate::KeyError::UnknownKey(id))?;
                Ok(fresh.open_signing_key(sealed)?)
            }
            other => Ok(other?),
        }
    }

    /// Sign `claims` as a JWT with the current key (ES256, `kid` set).
    pub(crate) async fn oidc_sign<T: Serialize>(&self, claims: &T) -> OidcResult<String> {
        let signer = self.signer().await?;
        let mut header = Header::new(Algorithm::ES256);
        header.kid = Some(signer.kid.clone());
        jsonwebtoken::encode(&header, claims, &signer.key)
            .map_err(|_| OidcError::Server(AuthError::bug("ES256 signing failed")))
    }

    /// The public keys (current, and retired ones whose tokens may still
    /// be valid), as a JWK set.
    pub async fn oidc_jwks(&self) -> OidcResult<JwkSet> {
        // A client fetches the keys before the first token exists: the
        // first key is made now, not at the first signature.
        self.signer().await?;
        let cutoff = self.now() - RETIRED_KEY_SECS;
        let mut keys = Vec::new();
        for row in self.store.oidc_keys().await? {
            if row.retired_at.is_some_and(|at| at < cutoff) {
                continue;
            }
            let jwk: Jwk = serde_json::from_str(&row.public_jwk)
                .map_err(|_| AuthError::bug("a stored JWK does not parse"))?;
            keys.push(jwk);
        }
        Ok(JwkSet { keys })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn generated_key_signs_and_its_jwk_verifies() {
        let (der, jwk) = generate().unwrap();
        let kid = jwk.common.key_id.clone().unwrap();
        assert_eq!(kid.len(), 43, "a SHA-256 thumbprint");
        let mut header = Header::new(Algorithm::ES256);
        header.kid = Some(kid);
        let claims = serde_json::json!({"sub": "x", "exp": 4_000_000_000_u64, "aud": "a"});
        let jwt = jsonwebtoken::encode(&header, &claims, &EncodingKey::from_ec_der(&der)).unwrap();
        let key = jsonwebtoken::DecodingKey::from_jwk(&jwk).unwrap();
        let mut v = jsonwebtoken::Validation::new(Algorithm::ES256);
        v.set_audience(&["a"]);
        let back = jsonwebtoken::decode::<serde_json::Value>(&jwt, &key, &v).unwrap();
        assert_eq!(back.claims["sub"], "x");
        // Another key's JWK does not verify it.
        let (_, other) = generate().unwrap();
        let wrong = jsonwebtoken::DecodingKey::from_jwk(&other).unwrap();
        assert!(jsonwebtoken::decode::<serde_json::Value>(&jwt, &wrong, &v).is_err());
    }
}
