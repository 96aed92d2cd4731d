"""/healthz says the process is alive; /readyz names every dependency that does not answer."""

import datetime
from unittest import mock

import pytest
import time_machine
from django.core.management import call_command
from django.utils import timezone

pytestmark = pytest.mark.django_db

ALL_OK = {
    "database": "ok",
    "cache": "ok",
    "storage": "ok",
    "antivirus": "not used",
    "scheduler": "not used",
    "worker": "not used",
}


def test_healthz_answers_while_the_database_is_down(client):
    with mock.patch("operations.health.connection.cursor", side_effect=RuntimeError("down")):
        response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}
    assert "no-cache" in response["Cache-Control"]


def test_ready_when_everything_used_answers(client, private_dir):
    response = client.get("/readyz")
    assert response.status_code == 200
    assert response.json() == ALL_OK
    assert "no-cache" in response["Cache-Control"]


def test_not_ready_without_the_database(client, private_dir):
    with mock.patch("operations.health.connection.cursor", side_effect=RuntimeError("secret")):
        response = client.get("/readyz")
    assert response.status_code == 503
    assert response.json() == {**ALL_OK, "database": "unavailable"}
    assert "secret" not in response.text


def test_not_ready_when_redis_is_down(client, private_dir, settings):
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": "redis://127.0.0.1:1/0",  # nothing listens on port 1
        }
    }
    response = client.get("/readyz")
    assert response.status_code == 503
    assert response.json()["cache"] == "unavailable"


def test_not_ready_when_the_private_storage_refuses_files(client, private_dir, tmp_path):
    from django.core.files.storage import storages

    blocker = tmp_path / "a-file-not-a-directory"
    blocker.write_text("x")
    store = storages["private"]
    with (
        mock.patch.object(store, "location", str(blocker)),
        mock.patch.object(store, "base_location", str(blocker)),
    ):
        response = client.get("/readyz")
    assert response.status_code == 503
    assert response.json() == {**ALL_OK, "storage": "unavailable"}


def test_the_storage_probe_leaves_no_file(client, private_dir, tmp_path):
    client.get("/readyz")
    assert [p for p in (tmp_path / "private").rglob("*") if p.is_file()] == []


def test_clamd_answering_or_not(client, private_dir, settings, clamd_socket, tmp_path):
    settings.APPRODO_CLAMD_ADDRESS = str(clamd_socket)
    assert client.get("/readyz").json()["antivirus"] == "ok"

    settings.APPRODO_CLAMD_ADDRESS = str(tmp_path / "no-clamd-here.sock")
    response = client.get("/readyz")
    assert response.status_code == 503
    assert response.json()["antivirus"] == "unavailable"


class TestBackground:
    """In production /readyz also wants a scheduler and a task worker seen lately."""

    @pytest.fixture(autouse=True)
    def _needs_background(self, settings, private_dir):
        settings.APPRODO_READY_NEEDS_BACKGROUND = True
        settings.APPRODO_HEARTBEAT_MAX_AGE = 300

    def test_not_ready_before_any_heartbeat(self, client):
        response = client.get("/readyz")
        assert response.status_code == 503
        assert response.json()["scheduler"] == "unavailable"
        assert response.json()["worker"] == "unavailable"

    def test_one_scheduler_run_proves_both_then_they_go_stale(self, client, settings):
        settings.APPRODO_SCHEDULE = {"worker_heartbeat": (["worker_heartbeat"], 60)}
        start = timezone.now()
        with time_machine.travel(start, tick=False):
            # The scheduler stamps itself and queues the heartbeat task a worker runs
            # (the test settings run tasks immediately).
            call_command("run_jobs")
            response = client.get("/readyz")
            assert response.status_code == 200, response.json()
            assert response.json()["scheduler"] == response.json()["worker"] == "ok"
        with time_machine.travel(start + datetime.timedelta(seconds=301), tick=False):
            response = client.get("/readyz")
        assert response.status_code == 503
        assert response.json()["scheduler"] == response.json()["worker"] == "unavailable"

    def test_a_queue_nobody_works_is_not_ready(self, client, settings):
        settings.APPRODO_SCHEDULE = {"worker_heartbeat": (["worker_heartbeat"], 60)}
        # The task is queued but no worker runs it: the scheduler is alive, the worker not.
        settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
        call_command("run_jobs")
        body = client.get("/readyz").json()
        assert (body["scheduler"], body["worker"]) == ("ok", "unavailable")
