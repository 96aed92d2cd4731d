"""What the app tells nginx's front cache: keep this page, and refresh that one now."""

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.contrib.auth import get_user_model

from operations.front_cache import NginxRefreshBackend

pytestmark = pytest.mark.django_db


@pytest.fixture
def front_cache(settings):
    settings.APPRODO_PAGE_CACHE_SECONDS = 600
    settings.APPRODO_FRONT_CACHE_SECONDS = 60


def test_anonymous_pages_may_be_kept_by_nginx_on_a_miss_and_a_hit(client, front_cache):
    miss = client.get("/it/")
    hit = client.get("/it/")
    assert (miss["X-Approdo-Cache"], hit["X-Approdo-Cache"]) == ("miss", "hit")
    assert miss["X-Accel-Expires"] == hit["X-Accel-Expires"] == "60"


def test_nothing_personal_is_offered_to_nginx(client, front_cache):
    user = get_user_model().objects.create_user(email="lettrice@example.org", password="x" * 12)
    client.force_login(user)
    assert "X-Accel-Expires" not in client.get("/it/")
    client.logout()
    assert "X-Accel-Expires" not in client.get("/it/search/?q=approdo")


def test_without_a_front_cache_nothing_is_offered(client, settings):
    settings.APPRODO_PAGE_CACHE_SECONDS = 600
    settings.APPRODO_FRONT_CACHE_SECONDS = 0
    client.get("/it/")
    assert "X-Accel-Expires" not in client.get("/it/")


@pytest.fixture
def nginx_stand_in():
    """Records the requests the refresh backend sends."""
    seen = []

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):
            seen.append((self.command, self.path, dict(self.headers)))
            self.send_response(404 if "gone" in self.path else 200)
            self.end_headers()

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}", seen
    server.shutdown()


def test_a_purge_is_a_marked_get_with_the_sites_host(nginx_stand_in, caplog):
    location, seen = nginx_stand_in
    backend = NginxRefreshBackend({"LOCATION": location})
    backend.purge("https://approdo.example/it/notizie/?pagina=2")
    backend.purge("https://approdo.example/it/gone/")
    (method, path, headers), (_m, gone, _h) = seen
    assert (method, path) == ("GET", "/it/notizie/?pagina=2")
    assert headers["X-Approdo-Refresh"] == "1"
    assert headers["Host"] == "approdo.example"
    assert gone == "/it/gone/"
    assert "answered" not in caplog.text  # a 404 is the expected answer for an unpublished page
