"""A real SMTP server for the end-to-end tests: accepts every message and saves it as a file.

Usage: python3 smtp_sink.py FOLDER [PORT]
Listens on 127.0.0.1 (PORT 0 or absent: a free port), prints "LISTENING <port>" once ready, and writes
each message to FOLDER/<time>-<n>.eml (written to a temporary name first, then renamed, so a reader
never sees half a message). The envelope is kept in X-Envelope-From / X-Envelope-To headers.
Exits when its standard input closes, so it never outlives the test process that started it.
"""
import asyncio
import os
import signal
import sys
import time

from aiosmtpd.smtp import SMTP


class SaveToFolder:
    def __init__(self, folder):
        self.folder = folder
        self.count = 0

    async def handle_DATA(self, server, session, envelope):
        self.count += 1
        name = f"{time.time_ns()}-{self.count:05d}.eml"
        head = (f"X-Envelope-From: {envelope.mail_from}\r\n"
                f"X-Envelope-To: {', '.join(envelope.rcpt_tos)}\r\n").encode()
        temporary = os.path.join(self.folder, name + ".tmp")
        with open(temporary, "wb") as f:
            f.write(head + envelope.original_content)
        os.replace(temporary, os.path.join(self.folder, name))
        return "250 Message accepted for delivery"


async def main():
    folder = sys.argv[1]
    port = int(sys.argv[2]) if len(sys.argv) > 2 else 0
    os.makedirs(folder, exist_ok=True)
    loop = asyncio.get_running_loop()
    handler = SaveToFolder(folder)
    server = await loop.create_server(
        lambda: SMTP(handler, hostname="smtp-sink.test", enable_SMTPUTF8=True),
        host="127.0.0.1", port=port, reuse_address=True)
    print(f"LISTENING {server.sockets[0].getsockname()[1]}", flush=True)

    stop = loop.create_future()

    def finish(*_):
        if not stop.done():
            stop.set_result(None)

    def on_stdin():
        if not os.read(sys.stdin.fileno(), 4096):
            loop.remove_reader(sys.stdin.fileno())
            finish()

    loop.add_reader(sys.stdin.fileno(), on_stdin)
    for sig in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(sig, finish)
    await stop
    server.close()
    await server.wait_closed()


if __name__ == "__main__":
    asyncio.run(main())
