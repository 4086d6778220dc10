// Deadbolt: passkeys and security keys in the browser. The one script the
// pages load (CSP: script-src 'self'). It asks the JSON API for WebAuthn
// options, calls navigator.credentials.create/get, and posts the answer
// back. Everything else on the pages works without it; the passkey
// buttons say why when it is off (the <noscript>-like notes it hides).
// It has no words of its own: what it says comes from the page, in the
// page's language (data-cancelled, data-failed, data-server-answered on the
// [data-passkey-message] element, data-unsupported on the notes).
(function () {
  "use strict";

  function decode(s) {
    var b64 = s.replace(/-/g, "+").replace(/_/g, "/");
    while (b64.length % 4) b64 += "=";
    var bin = atob(b64);
    var out = new Uint8Array(bin.length);
    for (var i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
    return out.buffer;
  }

  function encode(buf) {
    var bytes = new Uint8Array(buf);
    var bin = "";
    for (var i = 0; i < bytes.length; i++) bin += String.fromCharCode(bytes[i]);
    return btoa(bin).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
  }

  function decodeIds(list) {
    (list || []).forEach(function (c) { c.id = decode(c.id); });
  }

  function creationOptions(pk) {
    pk.challenge = decode(pk.challenge);
    pk.user.id = decode(pk.user.id);
    decodeIds(pk.excludeCredentials);
    return { publicKey: pk };
  }

  function requestOptions(pk) {
    pk.challenge = decode(pk.challenge);
    decodeIds(pk.allowCredentials);
    return { publicKey: pk };
  }

  function answer(cred) {
    var r = cred.response;
    var out = {
      id: cred.id,
      rawId: encode(cred.rawId),
      type: cred.type,
      extensions: cred.getClientExtensionResults ? cred.getClientExtensionResults() : {},
      response: { clientDataJSON: encode(r.clientDataJSON) }
    };
    if (r.attestationObject) {
      out.response.attestationObject = encode(r.attestationObject);
    } else {
      out.response.authenticatorData = encode(r.authenticatorData);
      out.response.signature = encode(r.signature);
      if (r.userHandle) out.response.userHandle = encode(r.userHandle);
    }
    return out;
  }

  function post(path, body) {
    return fetch(path, {
      method: "POST",
      credentials: "same-origin",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(body)
    }).then(function (resp) {
      return resp.json().catch(function () { return null; }).then(function (json) {
        if (!resp.ok) {
          // The API's message is already in the page's language.
          throw { server: true, message: json && json.error ? json.error.message : null, status: resp.status };
        }
        return json;
      });
    });
  }

  function failed(root) {
    return function (e) {
      var el = root.querySelector("[data-passkey-message]");
      if (!el) return;
      var words = function (name) { return el.getAttribute("data-" + name) || ""; };
      var msg;
      if (e && e.server) {
        msg = e.message || words("server-answered").replace("{status}", String(e.status));
      } else if (e && e.name === "NotAllowedError") {
        msg = words("cancelled");
      } else {
        // The browser's own message is in the browser's language, not the page's.
        msg = words("failed");
      }
      el.textContent = msg;
      el.hidden = false;
    };
  }

  function secondFactorField(value) {
    value = (value || "").trim();
    if (!value) return {};
    return /^[0-9 ]+$/.test(value) ? { code: value } : { backup_code: value };
  }

  function register(form) {
    form.addEventListener("submit", function (ev) {
      ev.preventDefault();
      var data = new FormData(form);
      var start = { password: data.get("password") || "" };
      var extra = secondFactorField(data.get("step_up_code"));
      Object.keys(extra).forEach(function (k) { start[k] = extra[k]; });
      post("/api/v1/me/passkeys/register/start", start)
        .then(function (opts) { return navigator.credentials.create(creationOptions(opts.publicKey)); })
        .then(function (cred) {
          return post("/api/v1/me/passkeys/register/finish", { name: data.get("name") || "", credential: answer(cred) });
        })
        .then(function () { window.location.assign("/settings/account/security?done=passkey-added#passkeys"); })
        .catch(failed(form));
    });
  }

  function signIn(button) {
    var next = button.getAttribute("data-next") || "/account";
    button.addEventListener("click", function () {
      var root = button.closest("[data-passkey-root]") || document;
      if (button.getAttribute("data-passkey") === "login") {
        var ceremony;
        post("/api/v1/login/passkey/start", {})
          .then(function (opts) {
            ceremony = opts.ceremony;
            return navigator.credentials.get(requestOptions(opts.publicKey));
          })
          .then(function (cred) { return post("/api/v1/login/passkey/finish", { ceremony: ceremony, credential: answer(cred) }); })
          .then(function () { window.location.assign(next); })
          .catch(failed(root));
      } else if (button.getAttribute("data-passkey") === "step-up") {
        post("/api/v1/me/step-up/passkey/start", {})
          .then(function (opts) { return navigator.credentials.get(requestOptions(opts.publicKey)); })
          .then(function (cred) { return post("/api/v1/me/step-up/passkey/finish", { credential: answer(cred) }); })
          .then(function () { window.location.assign(next); })
          .catch(failed(root));
      } else {
        post("/api/v1/login/second-factor/passkey/start", {})
          .then(function (opts) { return navigator.credentials.get(requestOptions(opts.publicKey)); })
          .then(function (cred) { return post("/api/v1/login/second-factor/passkey/finish", { credential: answer(cred) }); })
          .then(function () { window.location.assign(next); })
          .catch(failed(root));
      }
    });
  }

  var supported = !!(window.PublicKeyCredential && navigator.credentials);
  document.querySelectorAll("[data-passkey-nojs]").forEach(function (note) {
    if (supported) {
      note.hidden = true;
    } else {
      note.textContent = note.getAttribute("data-unsupported") || note.textContent;
    }
  });
  if (!supported) return;
  document.querySelectorAll("[data-passkey]").forEach(function (el) {
    el.hidden = false;
    if (el.tagName === "FORM") register(el);
    else signIn(el);
  });
})();
