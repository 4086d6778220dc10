#!/usr/bin/env python3
"""Fault test: PostgreSQL restarts under load; nothing acknowledged is lost.

    fault-pg-restart.py PATH/TO/deadbolt

Starts two `deadbolt serve` nodes on a fresh PostgreSQL database (same
DEADBOLT_KEYS), creates users with 2FA and backup codes, runs backup-code
logins from several threads for about 20 s and restarts PostgreSQL in the
middle (`pg_ctlcluster ... main restart`). Then checks that:

  * the outage was visible (/healthz answered 503, or requests failed) and
    /healthz is 200 again on both nodes, by itself, within 30 s;
  * every backup-code spend that was acknowledged (200) stays spent (a second
    use is refused) and is counted in `backup_codes_remaining`;
  * every confirmed device stays confirmed (its next TOTP code signs in);
  * new logins work again after the outage.

Prints one line `N passed, M failed` and exits 0 only when nothing failed.
It restarts the machine's PostgreSQL: never run it concurrently with other
PostgreSQL tests. Standard library only.
"""

import base64
import hashlib
import hmac
import http.client
import json
import os
import random
import secrets
import shutil
import struct
import subprocess
import sys
import tempfile
import threading
import time

PG_HOST = "127.0.0.1"
PASSWORD = "correct horse battery staple"
USERS = 40
THREADS = 8
LOAD_SECONDS = 24.0
RESTART_AT = 6.0
# Seconds PostgreSQL stays down (0: a plain `pg_ctlcluster restart`, which the
# connection pool rides out by waiting: nothing fails and /healthz never says 503).
OUTAGE_SECONDS = float(os.environ.get("FAULT_OUTAGE_SECONDS", "12"))
# Budgets per account (see crates/auth/src/service.rs): a burst of 10 password
# logins and 10 second-factor attempts. Per user: 1 setup login + LOAD_SPENDS
# load logins + 1 verification login <= 10; LOAD_SPENDS spends + SECOND_USES
# second uses + 1 TOTP code <= 10.
LOAD_SPENDS = 5
SECOND_USES = 3

checks = {"passed": 0, "failed": 0}
failures = []


def check(ok, what):
    if ok:
        checks["passed"] += 1
    else:
        checks["failed"] += 1
        failures.append(what)
        print(f"FAIL: {what}", file=sys.stderr)


def log(msg):
    print(f"[{time.strftime('%H:%M:%S')}] {msg}", file=sys.stderr, flush=True)


def psql(db, sql):
    out = subprocess.run(
        ["psql", "-h", PG_HOST, "-U", "postgres", "-d", db, "-v", "ON_ERROR_STOP=1", "-tAc", sql],
        capture_output=True,
        text=True,
        env={**os.environ, "PGCONNECT_TIMEOUT": "5"},
    )
    if out.returncode != 0:
        raise RuntimeError(f"psql {sql!r}: {out.stderr.strip()}")
    return out.stdout.strip()


def pg_ready():
    return subprocess.run(["pg_isready", "-h", PG_HOST, "-q"]).returncode == 0


def pg_ctl(action):
    version = sorted(os.listdir("/etc/postgresql"))[-1]
    subprocess.run(
        ["pg_ctlcluster", "--skip-systemctl-redirect", version, "main", action],
        check=True,
        capture_output=True,
    )


def restart_postgres(hold):
    """`restart`, or `stop`, `hold` seconds down, `start` (an outage longer
    than the pool's 10 s acquire timeout, so that it cannot be hidden by
    requests simply waiting for a connection)."""
    if hold <= 0:
        pg_ctl("restart")
        return
    pg_ctl("stop")
    try:
        time.sleep(hold)
    finally:
        pg_ctl("start")


def totp(secret_b32, step):
    key = base64.b32decode(secret_b32.upper() + "=" * (-len(secret_b32) % 8))
    mac = hmac.new(key, struct.pack(">Q", step), hashlib.sha1).digest()
    off = mac[-1] & 0x0F
    return "%06d" % ((struct.unpack(">I", mac[off : off + 4])[0] & 0x7FFFFFFF) % 1_000_000)


def fake_ip():
    return "10.%d.%d.%d" % (random.randrange(256), random.randrange(256), random.randrange(1, 255))


class Api:
    """One cookie jar against a node address; every request from a fresh client IP."""

    def __init__(self, addr):
        self.addr = addr
        self.cookie = None

    def on(self, addr):
        other = Api(addr)
        other.cookie = self.cookie
        return other

    def call(self, method, path, body=None, timeout=15):
        """(status, json-or-None); status 0 when the request failed at the HTTP level."""
        host, port = self.addr.rsplit(":", 1)
        headers = {"X-Forwarded-For": fake_ip(), "Connection": "close"}
        data = None
        if body is not None:
            data = json.dumps(body).encode()
            headers["Content-Type"] = "application/json"
        if self.cookie:
            headers["Cookie"] = self.cookie
        try:
            conn = http.client.HTTPConnection(host, int(port), timeout=timeout)
            conn.request(method, path, body=data, headers=headers)
            resp = conn.getresponse()
            raw = resp.read()
            for k, v in resp.getheaders():
                if k.lower() == "set-cookie" and "deadbolt_session=" in v:
                    pair = v.split(";", 1)[0].strip()
                    self.cookie = None if pair.endswith("=") else pair
            conn.close()
        except (OSError, http.client.HTTPException):
            return 0, None
        try:
            return resp.status, json.loads(raw) if raw else None
        except ValueError:
            return resp.status, None


def health(addr):
    return Api(addr).call("GET", "/healthz", timeout=3)[0]


class Node:
    def __init__(self, binary, url, keys, workdir, name):
        self.log_path = os.path.join(workdir, f"{name}.log")
        env = {k: v for k, v in os.environ.items() if not k.startswith("DEADBOLT_")}
        env.update({"DEADBOLT_KEYS": keys, "RUST_LOG": "info"})
        self.proc = subprocess.Popen(
            [binary, "serve", "--listen", "127.0.0.1:0", "--database-url", url,
             "--data-dir", os.path.join(workdir, name), "--trusted-proxy", "127.0.0.1"],
            stdout=subprocess.PIPE,
            stderr=open(self.log_path, "w"),
            stdin=subprocess.DEVNULL,
            env=env,
            text=True,
        )
        line = self.proc.stdout.readline()
        if "listening on http://" not in line:
            self.proc.kill()
            raise RuntimeError(f"{name} did not start: {line!r} {open(self.log_path).read()}")
        self.addr = line.split("listening on http://", 1)[1].split()[0]
        deadline = time.time() + 30
        while health(self.addr) != 200:
            if time.time() > deadline:
                raise RuntimeError(f"{name}: /healthz never 200")
            time.sleep(0.05)

    def stop(self):
        if self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait()


class User:
    def __init__(self, name):
        self.name = name
        self.secret = None
        self.last_step = None
        self.codes = []
        self.session = None  # full session from the setup login (for /me)
        self.acked = []  # backup codes whose spend answered 200
        self.unknown = []  # spends whose answer was lost (5xx / connection error)
        self.refused = []  # spends answered 401 (must not happen for a fresh code)
        self.attempts = 0

    def next_code(self):
        """A TOTP code for a step after every step used before, within ±1 of now."""
        while True:
            now = int(time.time())
            cur = now // 30
            lowest = cur if now % 30 >= 27 else cur - 1
            step = lowest if self.last_step is None else max(self.last_step + 1, lowest)
            if step <= cur + 1:
                self.last_step = step
                return totp(self.secret, step)
            time.sleep(0.2)


def setup_user(addr, name):
    u = User(name)
    api = Api(addr)
    st, body = api.call("POST", "/api/v1/signup", {"username": name, "password": PASSWORD})
    assert st == 201, (st, body)
    st, body = api.call("POST", "/api/v1/login", {"username": name, "password": PASSWORD})
    assert st == 200 and body["status"] == "authenticated", (st, body)
    st, body = api.call("POST", "/api/v1/me/two-factor/setup", {"password": PASSWORD})
    assert st == 200, (st, body)
    u.secret = body["secret"]
    st, body = api.call("POST", "/api/v1/me/two-factor/confirm", {"code": u.next_code()})
    assert st == 200 and body["enabled"] is True, (st, body)
    st, body = api.call("POST", "/api/v1/me/backup-codes", {"password": PASSWORD})
    assert st == 200 and len(body["codes"]) == 10, (st, body)
    u.codes = list(body["codes"])
    u.session = api
    return u


def spend(addr, user, code):
    """Password step then the backup code. Returns 'ok', 'refused' or 'unknown'."""
    api = Api(addr)
    st, body = api.call("POST", "/api/v1/login", {"username": user.name, "password": PASSWORD})
    if st != 200:
        return "no_login", st
    if body.get("status") != "second_factor_required":
        return "odd_login", st
    st, body = api.call("POST", "/api/v1/login/second-factor", {"backup_code": code})
    if st == 200:
        return "ok", st
    if st == 401:
        return "refused", st
    return "unknown", st


def main():
    if len(sys.argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    binary = os.path.abspath(sys.argv[1])
    if not pg_ready():
        print("0 passed, 1 failed (PostgreSQL on 127.0.0.1:5432 is not reachable)")
        return 1
    db = "deadbolt_fault_" + secrets.token_hex(6)
    url = f"postgres://postgres@{PG_HOST}:5432/{db}"
    keys = f"1:{secrets.token_hex(32)};pepper:{secrets.token_hex(32)}"
    workdir = tempfile.mkdtemp(prefix="deadbolt-fault-")
    nodes = []
    psql("postgres", f"CREATE DATABASE {db}")
    try:
        return run(binary, url, keys, workdir, nodes)
    except Exception as e:  # a crash of the script itself is a failure too
        check(False, f"unexpected error: {e!r}")
        print(f"{checks['passed']} passed, {checks['failed']} failed")
        return 1
    finally:
        for n in nodes:
            n.stop()
        if checks["failed"]:
            for n in nodes:
                try:
                    tail = open(n.log_path).read()[-3000:]
                    print(f"--- {n.log_path} (tail) ---\n{tail}", file=sys.stderr)
                except OSError:
                    pass
        if not pg_ready():
            try:
                pg_ctl("start")
            except (OSError, subprocess.CalledProcessError) as e:
                log(f"cleanup: cannot start PostgreSQL: {e}")
        for _ in range(30):
            if pg_ready():
                break
            time.sleep(1)
        try:
            psql("postgres", f"DROP DATABASE IF EXISTS {db} WITH (FORCE)")
        except RuntimeError as e:
            log(f"cleanup: {e}")
        shutil.rmtree(workdir, ignore_errors=True)


def run(binary, url, keys, workdir, nodes):
    for i in range(2):
        nodes.append(Node(binary, url, keys, workdir, f"node{i}"))
    check(True, "two nodes started")
    addrs = [n.addr for n in nodes]
    log(f"nodes on {addrs}; creating {USERS} users with 2FA and backup codes")

    users = []
    lock = threading.Lock()

    def make(i):
        u = setup_user(addrs[i % 2], f"user{i}")
        with lock:
            users.append(u)

    ts = [threading.Thread(target=make, args=(i,)) for i in range(USERS)]
    for t in ts:
        t.start()
    for t in ts:
        t.join()
    check(len(users) == USERS, f"all {USERS} users set up ({len(users)})")
    users.sort(key=lambda u: u.name)

    # Watch /healthz of both nodes through the whole run.
    stop = threading.Event()
    seen = {"503": 0, "down": 0, "samples": 0}

    seen["slowest"] = 0.0

    def watch(a):
        while not stop.is_set():
            t = time.time()
            st = Api(a).call("GET", "/healthz", timeout=20)[0]
            took = time.time() - t
            with lock:
                seen["samples"] += 1
                seen["slowest"] = max(seen["slowest"], round(took, 1))
                if st == 503:
                    seen["503"] += 1
                elif st != 200:
                    seen["down"] += 1
            time.sleep(0.05)

    watchers = [threading.Thread(target=watch, args=(a,)) for a in addrs]
    for w in watchers:
        w.start()

    # The load: each thread owns USERS/THREADS users and spreads LOAD_SPENDS
    # spends per user over LOAD_SECONDS, alternating nodes.
    outcomes = {}
    t0 = time.time()

    def load(k):
        mine = users[k::THREADS]
        plan = [(u, j) for j in range(LOAD_SPENDS) for u in mine]
        gap = LOAD_SECONDS / max(1, len(plan))
        for n, (u, j) in enumerate(plan):
            delay = t0 + n * gap - time.time()
            if delay > 0:
                time.sleep(delay)
            code = u.codes[j]
            res, st = spend(addrs[(n + k) % 2], u, code)
            with lock:
                key = res if res == "ok" else f"{res}:{st}"
                outcomes[key] = outcomes.get(key, 0) + 1
                u.attempts += 1
                if res == "ok":
                    u.acked.append(code)
                elif res == "refused":
                    u.refused.append(code)
                elif res == "unknown":
                    u.unknown.append(code)

    loaders = [threading.Thread(target=load, args=(k,)) for k in range(THREADS)]
    for t in loaders:
        t.start()
    time.sleep(max(0.0, t0 + RESTART_AT - time.time()))
    log(f"restarting PostgreSQL ({OUTAGE_SECONDS:.0f} s down)")
    r0 = time.time()
    restart_postgres(OUTAGE_SECONDS)
    restarted = time.time()
    log(f"PostgreSQL back after {restarted - r0:.1f} s")

    # Back by itself within 30 s.
    back = {}
    deadline = restarted + 30
    while time.time() < deadline and len(back) < len(addrs):
        for a in addrs:
            if a not in back and health(a) == 200:
                back[a] = time.time() - restarted
        time.sleep(0.1)
    check(len(back) == len(addrs), f"/healthz 200 again on every node within 30 s ({back})")

    for t in loaders:
        t.join()
    stop.set()
    for w in watchers:
        w.join()
    log(f"load outcomes: {outcomes}; healthz samples {seen}")
    failed_requests = sum(n for k, n in outcomes.items() if k.startswith(("unknown", "no_login")))
    if OUTAGE_SECONDS > 0:
        # Down longer than the pool waits for a connection: the outage must show.
        check(seen["503"] > 0, f"/healthz answered 503 during the outage ({seen})")
        check(failed_requests > 0, f"requests failed during the outage ({outcomes})")
    else:
        log(f"plain restart: /healthz 503 x{seen['503']}, failed requests {failed_requests}")
    acked = sum(len(u.acked) for u in users)
    check(acked > 0, "some spends were acknowledged")
    # A fresh, never-used backup code is never refused (401) by a healthy store.
    check(all(not u.refused for u in users),
          f"no fresh backup code refused: {[(u.name, u.refused) for u in users if u.refused]}")

    # Nothing acknowledged was lost.
    for i, u in enumerate(users):
        addr = addrs[i % 2]
        st, me = u.session.on(addr).call("GET", "/api/v1/me")
        if st != 200:
            check(False, f"{u.name}: /me after the outage answered {st}")
            continue
        check(me["two_factor"]["enabled"] is True, f"{u.name}: 2FA still enabled")
        left = me["two_factor"]["backup_codes_remaining"]
        hi = 10 - len(u.acked)
        lo = hi - len(u.unknown)
        check(lo <= left <= hi,
              f"{u.name}: {left} backup codes left, expected {lo}..{hi} "
              f"(acked {len(u.acked)}, unknown {len(u.unknown)})")
        api = Api(addrs[(i + 1) % 2])
        st, body = api.call("POST", "/api/v1/login", {"username": u.name, "password": PASSWORD})
        if st != 200 or body.get("status") != "second_factor_required":
            check(False, f"{u.name}: verification login answered {st} {body}")
            continue
        for code in u.acked[:SECOND_USES]:
            st, body = api.call("POST", "/api/v1/login/second-factor", {"backup_code": code})
            check(st == 401, f"{u.name}: acknowledged backup code {code} spent again ({st} {body})")
        st, body = api.call("POST", "/api/v1/login/second-factor", {"code": u.next_code()})
        check(st == 200, f"{u.name}: confirmed device no longer signs in ({st} {body})")

    print(f"{checks['passed']} passed, {checks['failed']} failed")
    return 0 if checks["failed"] == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
