"""The task worker (operations/management/commands/db_worker.py) outlives a database restart.

PostgreSQL ends the worker's session right after the library's connection check, as a restart
does when it lands there: the worker reconnects and runs the queued task; an error on a live
connection still stops it.
"""

import psycopg
import pytest
from django.core.management import call_command
from django.db import OperationalError, connection
from django_tasks_db.models import DBTaskResult, DBTaskResultQuerySet

from operations.management.commands.db_worker import Worker
from operations.models import Heartbeat
from operations.tasks import worker_heartbeat
from tests.operations.conftest import batch_worker, connection_url

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def queued(settings):
    """A heartbeat waiting in the database queue, as production settings queue it."""
    if connection.vendor != "postgresql":
        pytest.skip("the session is ended by PostgreSQL")
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    worker_heartbeat.enqueue()
    assert DBTaskResult.objects.ready().count() == 1


def end_own_session():
    """What a restart does to the worker's session, from another one."""
    pid = connection.connection.info.backend_pid
    with psycopg.connect(connection_url(connection.settings_dict["NAME"])) as admin:
        admin.execute("SELECT pg_terminate_backend(%s)", [pid])


def test_manage_py_db_worker_runs_this_worker(queued, monkeypatch):
    ran = []
    monkeypatch.setattr(Worker, "configure_signals", lambda self: None)
    monkeypatch.setattr(Worker, "run", lambda self: ran.append(type(self)))
    call_command("db_worker", "--batch")
    assert ran == [Worker]


def test_a_session_ended_before_the_claim_costs_a_reconnection_not_the_worker(queued, monkeypatch):
    claims = []
    get_locked = DBTaskResultQuerySet.get_locked

    def ended_first_time(queryset):
        claims.append(connection.connection.info.backend_pid)
        if len(claims) == 1:
            end_own_session()
        return get_locked(queryset)

    monkeypatch.setattr(DBTaskResultQuerySet, "get_locked", ended_first_time)
    batch_worker().run()

    assert Heartbeat.objects.filter(role=Heartbeat.WORKER).exists()
    assert not DBTaskResult.objects.ready().exists()
    assert DBTaskResult.objects.get().status == "SUCCESSFUL"
    assert claims[0] != claims[1], "the second claim should come on a new session"


def test_an_error_on_a_live_connection_still_stops_the_worker(queued, monkeypatch):
    calls = []
    get_locked = DBTaskResultQuerySet.get_locked

    def cancelled(queryset):
        calls.append(1)
        if len(calls) > 1:  # a worker that retried would run the task instead of stopping
            return get_locked(queryset)
        with connection.cursor() as cursor:
            cursor.execute("SET LOCAL statement_timeout = 1")
            cursor.execute("SELECT pg_sleep(1)")

    monkeypatch.setattr(DBTaskResultQuerySet, "get_locked", cancelled)
    with pytest.raises(OperationalError, match="statement timeout"):
        batch_worker().run()
    assert len(calls) == 1
    assert DBTaskResult.objects.ready().count() == 1
