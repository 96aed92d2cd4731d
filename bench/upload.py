"""Upload benchmark: a 50 MB PDF must not raise the worker's peak memory by more than 10 MB.

The worker's peak resident memory (VmHWM in /proc) is read before and after the upload; the
upload directory must be empty afterwards (the file was streamed to a temporary file, then
moved into the private storage).
"""

import http.client
import io
import json
import re
import secrets
import subprocess
import time
import urllib.parse
from pathlib import Path

from pypdf import PdfWriter
from pypdf.generic import NameObject, StreamObject

from bench.harness import HEADERS, PYTHON, VAR, fetch, gunicorn_process

SIZE = 50 * 1024 * 1024
MAX_GROWTH_KB = 10 * 1024


def big_pdf(size=SIZE):
    """A valid one-page PDF of ``size`` bytes (a long but harmless content stream)."""
    writer = PdfWriter()
    page = writer.add_blank_page(width=595, height=842)
    stream = StreamObject()
    stream.set_data(b"q Q\n" * (size // 4))
    page[NameObject("/Contents")] = writer._add_object(stream)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def peak_kb(pid):
    status = Path(f"/proc/{pid}/status").read_text()
    return int(re.search(r"VmHWM:\s+(\d+) kB", status).group(1))


def worker_pid(master_pid):
    children = Path(f"/proc/{master_pid}/task/{master_pid}/children").read_text().split()
    return int(children[0])


def multipart(fields, file_field, filename, content):
    boundary = "----approdo" + secrets.token_hex(8)
    parts = []
    for name, value in fields.items():
        parts.append(
            f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{value}\r\n'
        )
    head = (
        f'--{boundary}\r\nContent-Disposition: form-data; name="{file_field}"; '
        f'filename="{filename}"\r\nContent-Type: application/pdf\r\n\r\n'
    )
    body = "".join(parts).encode() + head.encode() + content + f"\r\n--{boundary}--\r\n".encode()
    return body, f"multipart/form-data; boundary={boundary}"


def measure(env):
    upload_tmp = VAR / "upload-tmp"
    upload_tmp.mkdir(parents=True, exist_ok=True)
    env = {**env, "APPRODO_UPLOAD_TEMP_DIR": str(upload_tmp)}
    seeded = subprocess.run(
        [PYTHON, "-m", "bench.seed_upload"], env=env, capture_output=True, text=True, check=True
    )
    info = json.loads(seeded.stdout.strip().splitlines()[-1])
    content = big_pdf()
    with gunicorn_process(env, 8776, workers=1) as (url, process):
        time.sleep(1)
        page, headers = fetch(url + info["documents"], headers={"Cookie": info["cookie"]})
        csrf_cookie = re.search(r"csrftoken=([^;]+)", headers.get("Set-Cookie", "")).group(1)
        token = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1).decode()
        pid = worker_pid(process.pid)
        before = peak_kb(pid)
        body, content_type = multipart(
            {"csrfmiddlewaretoken": token}, "file", "grande.pdf", content
        )
        parsed = urllib.parse.urlsplit(url)
        connection = http.client.HTTPConnection(parsed.hostname, parsed.port, timeout=300)
        started = time.monotonic()
        connection.request(
            "POST",
            info["upload"],
            body=body,
            headers={
                **HEADERS,
                "Cookie": f"{info['cookie']}; csrftoken={csrf_cookie}",
                "Content-Type": content_type,
                "Referer": "https://127.0.0.1" + info["documents"],
            },
        )
        response = connection.getresponse()
        response.read()
        seconds = time.monotonic() - started
        after = peak_kb(pid)
        assert response.status == 302, response.status
        followed, _ = fetch(url + info["documents"], headers={"Cookie": info["cookie"]})
    stored = any(f.stat().st_size >= SIZE for f in (VAR / "private").rglob("*") if f.is_file())
    leftovers = list(upload_tmp.iterdir())
    return {
        "size": len(content),
        "seconds": seconds,
        "growth_kb": after - before,
        "stored": stored and b"grande.pdf" in followed,
        "leftovers": len(leftovers),
    }
