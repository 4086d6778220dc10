#!/usr/bin/env python3
"""pyotp side of Deadbolt's interoperability tests (crates/cli/tests/it/interop.rs).

One process handles a whole batch: JSON objects in, one line of output per
input line, so a thousand cases cost one interpreter start-up.

    interop.py codes   < {"secret","time","algorithm","digits","period"} per line -> the code
    interop.py parse   < one otpauth URI per line -> {"secret","issuer","name","algorithm","digits","period"}
    interop.py build   < {"secret","issuer","name","algorithm","digits","period"} per line -> URI
    interop.py verify  SECRET CODE N  -> time N rejections of a wrong code (benchmark reference)
"""

import hashlib
import json
import sys
import time

import pyotp

DIGESTS = {"SHA1": hashlib.sha1, "SHA256": hashlib.sha256, "SHA512": hashlib.sha512}


def totp(case):
    return pyotp.TOTP(
        case["secret"],
        digits=case["digits"],
        digest=DIGESTS[case["algorithm"].upper()],
        interval=case["period"],
        name=case.get("name"),
        issuer=case.get("issuer"),
    )


def main():
    mode = sys.argv[1]
    out = sys.stdout
    if mode == "verify":
        secret, code, n = sys.argv[2], sys.argv[3], int(sys.argv[4])
        t = pyotp.TOTP(secret)
        start = time.perf_counter()
        for _ in range(n):
            assert not t.verify(code, for_time=1111111111, valid_window=1)
        elapsed = time.perf_counter() - start
        out.write(f"{elapsed / n * 1e9:.0f}\n")
        return
    for line in sys.stdin:
        line = line.strip()
        if not line:
            continue
        if mode == "codes":
            case = json.loads(line)
            out.write(totp(case).at(case["time"]) + "\n")
        elif mode == "parse":
            parsed = pyotp.parse_uri(line)
            out.write(
                json.dumps(
                    {
                        "secret": parsed.secret,
                        "issuer": parsed.issuer,
                        "name": parsed.name,
                        "algorithm": parsed.digest().name.upper(),
                        "digits": parsed.digits,
                        "period": parsed.interval,
                    }
                )
                + "\n"
            )
        elif mode == "build":
            out.write(totp(json.loads(line)).provisioning_uri() + "\n")
        else:
            sys.exit(f"unknown mode {mode!r}")


if __name__ == "__main__":
    main()
