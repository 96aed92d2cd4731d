"""The nginx block of docs/operations.md, run by a real nginx: a download handed over with
X-Accel-Redirect keeps the view's sandbox CSP and safe headers and sends the stored bytes.

nginx keeps only a few of the upstream's headers when it follows X-Accel-Redirect, so the
internal location must add the rest itself. `make nginx` installs Debian's nginx-light.
"""

import http.client
import os
import re
import shutil
import socket
import subprocess
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation

from companies.models import CompanyDocument, CompanyStatus
from tests import documents_corpus as corpus
from tests.conftest import BASE_DIR
from tests.factories.companies import MembershipFactory

pytestmark = pytest.mark.django_db

NGINX = shutil.which("nginx") or ("/usr/sbin/nginx" if os.path.exists("/usr/sbin/nginx") else None)
PREFIX = "/protected-documents/"


def documented_block():
    """The ```nginx block of the private-documents section, as a deployer would paste it."""
    text = (BASE_DIR / "docs" / "operations.md").read_text()
    blocks = re.findall(r"```nginx\n(.*?)```", text, re.S)
    return next(block for block in blocks if PREFIX in block)


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def replaying_upstream(response):
    """A stand-in for gunicorn that answers every request with Django's download response."""
    headers = list(response.items())

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):
            self.send_response(response.status_code)
            for name, value in headers:
                self.send_header(name, value)
            self.send_header("Content-Length", "0")
            self.end_headers()

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def nginx_conf(directory, port, upstream_port, private_root):
    block = re.sub(r"alias [^;]+;", f"alias {private_root}/;", documented_block())
    temp = "\n".join(
        f"    {kind}_temp_path {directory}/{kind};"
        for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
    )
    user = "user root;\n" if os.geteuid() == 0 else ""  # the workers read the test's tmp dir
    return f"""{user}daemon off;
worker_processes 1;
pid {directory}/nginx.pid;
error_log {directory}/error.log;
events {{}}
http {{
    access_log off;
{temp}
    server {{
        listen 127.0.0.1:{port};
        location / {{ proxy_pass http://127.0.0.1:{upstream_port}; }}
        {block}
    }}
}}
"""


@pytest.mark.skipif(NGINX is None, reason="needs Debian's nginx-light: make nginx")
def test_the_documented_nginx_block_keeps_the_sandbox_csp(client, private_dir, tmp_path, settings):
    settings.APPRODO_PRIVATE_ACCEL_PREFIX = PREFIX
    membership = MembershipFactory(company__status=CompanyStatus.APPROVED)
    client.force_login(membership.user)
    company = membership.company
    with translation.override("it"):
        upload = reverse(
            "companies:document_upload", args=[company.pk, "8d3f5b2a-61c4-4e0f-9a57-3c1d2e4f5a01"]
        )
        content = corpus.pdf()
        client.post(upload, {"file": SimpleUploadedFile("c.pdf", content, "application/pdf")})
        document = CompanyDocument.objects.get()
        django_response = client.get(
            reverse("companies:document_download", args=[company.pk, document.pk])
        )
    assert django_response["X-Accel-Redirect"].startswith(PREFIX)

    upstream = replaying_upstream(django_response)
    port = free_port()
    conf = tmp_path / "nginx.conf"
    conf.write_text(
        nginx_conf(tmp_path, port, upstream.server_port, document.file.storage.location.rstrip("/"))
    )
    nginx = subprocess.Popen([NGINX, "-c", str(conf), "-p", str(tmp_path)])
    try:
        for _ in range(100):
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.1).close()
                break
            except OSError:
                time.sleep(0.05)
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
        connection.request("GET", "/download")
        response = connection.getresponse()
        body = response.read()
    finally:
        nginx.terminate()
        nginx.wait(timeout=10)
        upstream.shutdown()
    assert response.status == 200, (tmp_path / "error.log").read_text()
    assert body == content
    assert response.getheader("Content-Security-Policy") == "default-src 'none'; sandbox"
    assert response.getheader("X-Content-Type-Options") == "nosniff"
    cache_control = [v.strip() for v in response.getheader("Cache-Control").split(",")]
    assert {"private", "no-store"} <= set(cache_control)
    assert len(cache_control) == len(set(cache_control)), "said twice"
    assert response.getheader("Content-Disposition") == 'attachment; filename="c.pdf"'
