#!/usr/bin/env python3
"""SMTP sink for Deadbolt's tests (aiosmtpd): every accepted message -> DIR/<n>-<uuid>.eml,
written atomically (a reader never sees half a file).

  mailsink.py --dir /tmp/mail [--host 127.0.0.1] [--port 2525|0]
              [--mode accept|stall|tempfail|permfail]
              [--tls-cert C --tls-key K [--require-starttls]]   # STARTTLS
              [--smtps-cert C --smtps-key K]                    # implicit TLS

Prints exactly one line "READY <port>" on stdout once it accepts connections,
then runs until SIGTERM/SIGINT (exit 0).  --port 0 picks a free port.
"""
import argparse, itertools, os, signal, socket, ssl, sys, threading, uuid

_counter = itertools.count(1)


class EmlHandler:
    def __init__(self, directory: str, mode: str):
        self.dir = directory
        self.mode = mode

    async def handle_DATA(self, server, session, envelope):
        if self.mode == "tempfail":
            return "451 4.3.0 Try again later"
        if self.mode == "permfail":
            return "554 5.6.0 Rejected"
        name = f"{next(_counter):04d}-{uuid.uuid4().hex}.eml"
        tmp = os.path.join(self.dir, "." + name + ".tmp")
        with open(tmp, "wb") as f:   # envelope.content = raw bytes (decode_data=False default)
            f.write(f"X-Envelope-From: {envelope.mail_from}\r\n".encode())
            f.write(f"X-Envelope-To: {', '.join(envelope.rcpt_tos)}\r\n".encode())
            f.write(envelope.original_content or envelope.content)
        os.rename(tmp, os.path.join(self.dir, name))  # atomic: readers never see half a file
        return "250 2.0.0 Message accepted for delivery"


def free_port(host: str) -> int:
    with socket.socket() as s:
        s.bind((host, 0))
        return s.getsockname()[1]


def stall(host: str, port: int, stop: threading.Event) -> None:
    """Accept TCP connections and never say a word (no 220 greeting)."""
    srv = socket.socket()
    srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    srv.bind((host, port))
    srv.listen(64)
    srv.settimeout(0.2)
    print(f"READY {srv.getsockname()[1]}", flush=True)
    held = []
    while not stop.is_set():
        try:
            conn, _ = srv.accept()
            held.append(conn)  # keep it open, never write
        except socket.timeout:
            pass
    for c in held:
        c.close()
    srv.close()


def main() -> int:
    p = argparse.ArgumentParser()
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=int, default=2525)
    p.add_argument("--dir", required=True)
    p.add_argument("--mode", choices=["accept", "stall", "tempfail", "permfail"], default="accept")
    p.add_argument("--tls-cert"); p.add_argument("--tls-key")
    p.add_argument("--require-starttls", action="store_true")
    p.add_argument("--smtps-cert"); p.add_argument("--smtps-key")
    a = p.parse_args()
    os.makedirs(a.dir, exist_ok=True)
    port = a.port or free_port(a.host)   # Controller itself can't use port 0 (it self-connects to check)

    stop = threading.Event()
    for sig in (signal.SIGTERM, signal.SIGINT):
        signal.signal(sig, lambda *_: stop.set())

    if a.mode == "stall":
        stall(a.host, port, stop)
        return 0

    from aiosmtpd.controller import Controller

    kwargs = {}
    if a.tls_cert:  # STARTTLS offered (and optionally required) on the plain port
        ctx = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        ctx.load_cert_chain(a.tls_cert, a.tls_key)
        kwargs.update(tls_context=ctx, require_starttls=a.require_starttls)
    if a.smtps_cert:  # implicit TLS (smtps://)
        ctx = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        ctx.load_cert_chain(a.smtps_cert, a.smtps_key)
        kwargs.update(ssl_context=ctx)

    controller = Controller(EmlHandler(a.dir, a.mode), hostname=a.host, port=port, **kwargs)
    controller.start()  # asyncio loop in a daemon thread; returns once listening
    print(f"READY {port}", flush=True)
    try:
        stop.wait()
    finally:
        controller.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
