"""A private redis-server on a free loopback port, for tests that take Redis away.

The machine's shared Redis is never stopped: a test that needs an outage starts its own,
points the app at it and kills it.
"""

import contextlib
import shutil
import socket
import subprocess
import time

from tests.seaweedfs import free_port


def redis_binary():
    return shutil.which("redis-server")


class RedisServer:
    """One redis-server without persistence; start() and stop() may be called repeatedly."""

    def __init__(self, port=None):
        self.port = port or free_port()
        self.process = None

    @property
    def url(self):
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self):
        self.process = subprocess.Popen(
            [
                redis_binary(),
                "--port",
                str(self.port),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "no",
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 10
        while True:
            with (
                contextlib.suppress(OSError),
                socket.create_connection(("127.0.0.1", self.port), timeout=1),
            ):
                return self
            if time.monotonic() > deadline:
                raise RuntimeError("redis-server did not start")
            time.sleep(0.05)

    def stop(self):
        if self.process is not None and self.process.poll() is None:
            self.process.kill()
            self.process.wait(10)
        self.process = None


@contextlib.contextmanager
def running_redis():
    server = RedisServer().start()
    try:
        yield server
    finally:
        server.stop()
