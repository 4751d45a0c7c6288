"""A real SMTP server for tests (aiosmtpd), used by SmtpSink.cs.

Usage: python3 smtp_sink.py PORT FOLDER
Every accepted message is written to FOLDER as one .eml file (written aside, then renamed in).
A recipient whose address starts with "refuse" is refused with a permanent 550 reply.
Prints READY once it listens; stops on SIGTERM or when stdin closes.
"""
import asyncio
import os
import signal
import sys
import threading
import uuid

from aiosmtpd.controller import Controller


class Sink:
    def __init__(self, folder):
        self.folder = folder

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address.lower().startswith("refuse"):
            return "550 5.1.1 No such user here"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        name = uuid.uuid4().hex
        temporary = os.path.join(self.folder, name + ".tmp")
        with open(temporary, "wb") as f:
            f.write(envelope.original_content or envelope.content)
        os.replace(temporary, os.path.join(self.folder, name + ".eml"))
        return "250 Message accepted for delivery"


def main():
    port = int(sys.argv[1])
    folder = sys.argv[2]
    os.makedirs(folder, exist_ok=True)
    controller = Controller(Sink(folder), hostname="127.0.0.1", port=port)
    controller.start()
    print("READY", flush=True)

    stopped = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stopped.set())

    def watch_stdin():
        sys.stdin.read()
        stopped.set()

    threading.Thread(target=watch_stdin, daemon=True).start()
    stopped.wait()
    controller.stop()


if __name__ == "__main__":
    main()
