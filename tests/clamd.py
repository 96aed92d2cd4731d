"""A real clamd for the upload tests, with one signature built by sigtool for the EICAR string.

The machines cannot download ClamAV's signature database, and the tests need a known
positive anyway: the EICAR test string is what every antivirus is meant to detect. It is
assembled at run time so that this source file itself does not look infected.
"""

import contextlib
import os
import shutil
import socket
import subprocess
import time
from pathlib import Path

EICAR = "X5O!P%@AP[4\\PZX54(P^)7CC)7}$" + "EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*"
SIGNATURE_NAME = "Approdo.Test.EICAR"


def clamd_binary():
    return shutil.which("clamd") or (
        "/usr/sbin/clamd" if os.path.exists("/usr/sbin/clamd") else None
    )


def build_database(directory):
    """A body signature (.ndb) for the EICAR string, its hex made by `sigtool --hex-dump`."""
    hexdump = (
        subprocess.run(
            [shutil.which("sigtool"), "--hex-dump"],
            input=EICAR.encode(),
            capture_output=True,
            check=True,
        )
        .stdout.decode()
        .strip()
    )
    (directory / "approdo-test.ndb").write_text(f"{SIGNATURE_NAME}:0:*:{hexdump}\n")


def ping(path):
    with contextlib.closing(socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)) as client:
        client.settimeout(2)
        client.connect(str(path))
        client.sendall(b"zPING\0")
        return client.recv(64).startswith(b"PONG")


@contextlib.contextmanager
def running_clamd(directory: Path):
    """Starts clamd on a private socket; yields the socket path; stops it afterwards."""
    database = directory / "db"
    database.mkdir(parents=True)
    build_database(database)
    sock = directory / "clamd.sock"
    config = directory / "clamd.conf"
    config.write_text(
        "\n".join(
            [
                f"LocalSocket {sock}",
                "LocalSocketMode 660",
                f"DatabaseDirectory {database}",
                f"LogFile {directory / 'clamd.log'}",
                f"PidFile {directory / 'clamd.pid'}",
                "Foreground yes",
                "StreamMaxLength 120M",
                "MaxFileSize 120M",
                "MaxScanSize 120M",
                "",
            ]
        )
    )
    process = subprocess.Popen(
        [clamd_binary(), f"--config-file={config}"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                if sock.exists() and ping(sock):
                    break
            except OSError:
                pass
            if process.poll() is not None or time.monotonic() > deadline:
                log = (
                    (directory / "clamd.log").read_text()
                    if (directory / "clamd.log").exists()
                    else ""
                )
                raise RuntimeError(f"clamd did not start:\n{log}")
            time.sleep(0.2)
        yield str(sock)
    finally:
        process.terminate()
        process.wait(timeout=30)
