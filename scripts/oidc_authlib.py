#!/usr/bin/env python3
"""authlib side of Deadbolt's OpenID Connect tests (crates/cli/tests/it/oidc.rs).

Drives the whole authorization code flow against a running `deadbolt serve`
with Python's authlib (PyPI) as the client, and a requests session as the
browser on Deadbolt's real pages (password, a TOTP code from oathtool,
consent):

    oidc_authlib.py ISSUER CLIENT_ID CLIENT_SECRET REDIRECT_URI USERNAME PASSWORD TOTP_SECRET

Prints one JSON object (the checked claims) and exits 0, or fails with the
reason. Nothing is skipped: a missing module or tool is a failure.
"""

import html.parser
import json
import secrets
import subprocess
import sys
import urllib.parse

import requests
from authlib.integrations.requests_client import OAuth2Session
from authlib.jose import JsonWebKey, jwt
from authlib.oidc.core import CodeIDToken


class Hidden(html.parser.HTMLParser):
    """The hidden inputs of a page, in order."""

    def __init__(self):
        super().__init__()
        self.fields = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "input" and a.get("type") == "hidden":
            self.fields.append((a.get("name"), a.get("value") or ""))


def hidden(page):
    p = Hidden()
    p.feed(page)
    return p.fields


def fail(msg):
    sys.exit(f"oidc_authlib.py: {msg}")


def main():
    issuer, client_id, secret, redirect_uri, username, password, totp = sys.argv[1:8]
    meta = requests.get(f"{issuer}/.well-known/openid-configuration", timeout=10).json()
    if meta["issuer"] != issuer:
        fail(f"issuer {meta['issuer']!r} is not {issuer!r}")
    jwks = JsonWebKey.import_key_set(requests.get(meta["jwks_uri"], timeout=10).json())

    client = OAuth2Session(
        client_id,
        secret,
        scope="openid profile email groups",
        redirect_uri=redirect_uri,
        code_challenge_method="S256",
        token_endpoint_auth_method="client_secret_post",
    )
    verifier = secrets.token_urlsafe(48)
    nonce = secrets.token_urlsafe(16)
    url, state = client.create_authorization_url(
        meta["authorization_endpoint"], nonce=nonce, code_verifier=verifier
    )

    # The browser: follow Deadbolt's own redirects, fill its forms.
    browser = requests.Session()
    browser.headers["Sec-Fetch-Site"] = "same-origin"
    r = browser.get(url, timeout=10)
    if "name=\"password\"" not in r.text:
        fail(f"expected the login page at {r.url}")
    next_ = dict(hidden(r.text))["next"]
    r = browser.post(
        f"{issuer}/login",
        data={"username": username, "password": password, "next": next_},
        timeout=30,
    )
    if "/login/2fa" not in r.url:
        fail(f"expected the code page, got {r.url}")
    code = subprocess.run(
        ["oathtool", "--totp", "-b", totp], capture_output=True, text=True, check=True
    ).stdout.strip()
    r = browser.post(
        f"{issuer}/login/2fa", data={"code": code, "next": next_}, timeout=30
    )
    if "consent-form" not in r.text:
        fail(f"expected the consent page at {r.url}: {r.text[:300]}")
    fields = hidden(r.text) + [("decision", "allow")]
    r = browser.post(
        f"{issuer}/oauth2/authorize", data=fields, allow_redirects=False, timeout=10
    )
    callback = r.headers.get("Location", "")
    if not callback.startswith(redirect_uri):
        fail(f"expected a redirect to the client, got {r.status_code} {callback!r}")
    query = dict(urllib.parse.parse_qsl(urllib.parse.urlsplit(callback).query))
    if query.get("state") != state:
        fail("state changed on the way")

    token = client.fetch_token(
        meta["token_endpoint"], authorization_response=callback, code_verifier=verifier
    )
    claims = jwt.decode(
        token["id_token"],
        jwks,
        claims_cls=CodeIDToken,
        claims_options={"iss": {"essential": True, "value": issuer}},
        claims_params={"nonce": nonce, "client_id": client_id},
    )
    claims.validate()  # iss, aud, exp, iat, nonce, auth_time
    if claims["amr"] != ["pwd", "otp"] or claims["acr"] != "2fa":
        fail(f"amr/acr do not tell the truth: {claims['amr']} {claims['acr']}")

    info = client.get(meta["userinfo_endpoint"]).json()
    if info["sub"] != claims["sub"] or info["preferred_username"] != username:
        fail(f"userinfo disagrees: {info}")

    first = token["refresh_token"]
    new = client.refresh_token(meta["token_endpoint"], refresh_token=first)
    if new["refresh_token"] == first:
        fail("the refresh token did not rotate")
    reuse = requests.post(
        meta["token_endpoint"],
        data={"grant_type": "refresh_token", "refresh_token": first,
              "client_id": client_id, "client_secret": secret},
        timeout=10,
    )
    if reuse.status_code != 400 or reuse.json()["error"] != "invalid_grant":
        fail(f"a spent refresh token was not refused: {reuse.status_code} {reuse.text}")

    later = OAuth2Session(client_id, secret, token_endpoint_auth_method="client_secret_post")
    r = later.revoke_token(meta["revocation_endpoint"], token=new["refresh_token"],
                           token_type_hint="refresh_token")
    if r.status_code != 200:
        fail(f"revocation failed: {r.status_code} {r.text}")
    print(json.dumps({"sub": claims["sub"], "amr": claims["amr"], "acr": claims["acr"],
                      "preferred_username": info["preferred_username"]}))


if __name__ == "__main__":
    main()
