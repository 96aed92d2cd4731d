"""A Redis outage: public pages are still served, rate-limited actions are refused clearly.

Redis is taken away by pointing the cache at a closed port or by killing a private
redis-server: the machine's shared Redis is never touched.
"""

import logging
import runpy
import time

import pytest
from allauth.core.internal.ratelimit import Rate, get_cache_key
from django.core.cache import caches
from django.test import RequestFactory

from operations.cache import CacheUnavailable, TolerantRedisCache
from portal.settings import base
from tests.factories.users import DEFAULT_PASSWORD, UserFactory
from tests.redis_server import redis_binary, running_redis
from tests.seaweedfs import free_port

pytestmark = pytest.mark.skipif(redis_binary() is None, reason="redis-server is not installed")

RATE_LIMIT_KEY = "allauth:rl:account:login:30/60/ip:127.0.0.1"


def tolerant(url, **params):
    return {
        "BACKEND": "operations.cache.TolerantRedisCache",
        "LOCATION": url,
        "KEY_PREFIX": "approdo-test",
        "FAIL_CLOSED_KEYS": ["allauth:rl:"],
        "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 1},
        **params,
    }


@pytest.fixture
def redis_down(settings, db):
    settings.CACHES = {"default": tolerant(f"redis://127.0.0.1:{free_port()}/0")}
    return caches["default"]


def test_an_outage_is_a_miss_and_its_end_is_noticed(caplog):
    with running_redis() as server:
        cache = TolerantRedisCache(server.url, tolerant(server.url, RETRY_AFTER=0.2))
        cache.set("chrome", "menu")
        assert cache.get("chrome") == "menu"
        assert cache.get_many(key for key in ["chrome"]) == {"chrome": "menu"}

        server.stop()
        with caplog.at_level(logging.WARNING, logger="approdo.cache"):
            assert cache.get("chrome", "rebuilt") == "rebuilt"
        assert "Redis unreachable" in caplog.text
        assert cache.get_many(["chrome", "footer"]) == {}
        assert cache.add("lock", 1) is False
        cache.set("chrome", "menu")
        cache.delete("chrome")
        cache.delete_many(["chrome"])
        cache.clear()
        with pytest.raises(ValueError):
            cache.incr("counter")
        with pytest.raises(CacheUnavailable):
            cache.get(RATE_LIMIT_KEY)
        with pytest.raises(CacheUnavailable):
            cache.add(RATE_LIMIT_KEY + ":lock", True)

        server.start()
        time.sleep(0.3)
        cache.set("chrome", "again")
        assert cache.get("chrome") == "again"
        assert cache.add(RATE_LIMIT_KEY + ":lock", True) is True


def test_one_error_spares_redis_the_next_calls_for_a_moment():
    url = f"redis://127.0.0.1:{free_port()}/0"
    cache = TolerantRedisCache(url, tolerant(url, RETRY_AFTER=60))
    assert cache.get("a") is None
    started = time.monotonic()
    cache.get_client = None  # a second call that reached Redis would fail here
    assert cache.get("b", "x") == "x"
    with pytest.raises(CacheUnavailable):
        cache.get(RATE_LIMIT_KEY)
    assert time.monotonic() - started < 0.1


def test_public_pages_are_served_while_redis_is_down(client, redis_down):
    for _ in range(2):
        response = client.get("/it/")
        assert response.status_code == 200


def test_login_is_refused_clearly_while_redis_is_down(client, redis_down):
    user = UserFactory()

    italian = client.post(
        "/it/accounts/login/", {"login": user.email, "password": DEFAULT_PASSWORD}
    )
    english = client.post(
        "/en/accounts/login/", {"login": user.email, "password": DEFAULT_PASSWORD}
    )

    assert italian.status_code == english.status_code == 503
    assert italian["Retry-After"] == "60"
    assert "Temporaneamente non disponibile" in italian.text
    assert "Temporarily unavailable" in english.text
    assert "_auth_user_id" not in client.session
    assert client.get("/it/accounts/login/").status_code == 200  # the form itself still shows


def test_a_signup_is_refused_and_stores_nothing_while_redis_is_down(client, redis_down):
    from django.contrib.auth import get_user_model

    response = client.post(
        "/it/accounts/signup/",
        {
            "email": "nuova.azienda@example.org",
            "password1": "una-Password-lunga-9",
            "password2": "una-Password-lunga-9",
        },
    )

    assert response.status_code == 503
    assert "Temporaneamente non disponibile" in response.text
    assert not get_user_model().objects.filter(email="nuova.azienda@example.org").exists()


def test_a_signed_in_person_keeps_working_while_redis_is_down(client, redis_down):
    client.force_login(UserFactory())
    assert client.get("/it/accounts/email/").status_code == 200


def test_readiness_names_the_cache_while_redis_is_down(client, redis_down):
    response = client.get("/readyz")
    assert response.status_code == 503
    assert response.json()["cache"] == "unavailable"


def test_with_redis_the_settings_fail_closed_on_allauth_rate_limits(monkeypatch):
    """allauth's key format is its own: if it changes, this says the limits went tolerant."""
    monkeypatch.setenv("REDIS_URL", "redis://127.0.0.1:6379/0")
    default = runpy.run_path(base.__file__)["CACHES"]["default"]
    request = RequestFactory().post("/it/accounts/login/", REMOTE_ADDR="127.0.0.1")
    key = get_cache_key(request, app="allauth.account", action="login", rate=Rate(30, 60, "ip"))

    assert default["BACKEND"] == "operations.cache.TolerantRedisCache"
    assert key.startswith(tuple(default["FAIL_CLOSED_KEYS"]))


def test_one_redis_client_serves_every_call_and_thread(monkeypatch):
    """Django builds a client per call; the alias builds one per pool and shares it."""
    import threading

    import redis

    built = []
    original = redis.Redis.__init__

    def counting(self, *args, **kwargs):
        built.append(self)
        time.sleep(0.01)  # a slow build, so that threads racing to build one would show
        original(self, *args, **kwargs)

    monkeypatch.setattr(redis.Redis, "__init__", counting)
    with running_redis() as server:
        cache = TolerantRedisCache(server.url, tolerant(server.url))
        errors = []
        # The threads' first calls at once: building the pool and the client must not race.
        start = threading.Barrier(4)

        def work(n):
            try:
                start.wait(timeout=10)
                for i in range(20):
                    cache.set(f"k{n}:{i}", i)
                    assert cache.get(f"k{n}:{i}") == i
                    assert cache.get_many([f"k{n}:{i}"]) == {f"k{n}:{i}": i}
            except Exception as error:  # reported below: a thread's assert is not the test's
                errors.append(error)

        threads = [threading.Thread(target=work, args=(n,)) for n in range(4)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert errors == []
        assert len(built) == 1
