"""The schedule runs each due job once per period, whatever runs it and however often."""

import datetime
import io
import threading

import pytest
import time_machine
from django.core.management import CommandError, call_command
from django.utils import timezone

from operations import scheduler
from operations.models import Heartbeat, JobState, Outcome

MINUTE = datetime.timedelta(minutes=1)
START = datetime.datetime(2026, 12, 1, 8, 0, tzinfo=datetime.UTC)


@pytest.fixture
def calls(monkeypatch, settings):
    """A two-job schedule whose commands are recorded instead of run."""
    settings.APPRODO_SCHEDULE = {
        "often": (["often", "--flag"], 60),
        "daily": (["daily"], 24 * 60 * 60),
    }
    made = []
    lock = threading.Lock()

    def record(*args, **kwargs):
        with lock:
            made.append(args)

    monkeypatch.setattr(scheduler, "call_command", record)
    return made


def run_at(moment, **kwargs):
    with time_machine.travel(moment, tick=False):
        return scheduler.run_due(**kwargs)


@pytest.mark.django_db
class TestPeriods:
    def test_everything_is_due_the_first_time_then_nothing_until_its_period_passes(self, calls):
        assert run_at(START) == {"often": Outcome.SUCCEEDED, "daily": Outcome.SUCCEEDED}
        assert calls == [("often", "--flag"), ("daily",)]

        assert run_at(START + 30 * datetime.timedelta(seconds=1)) == {"often": None, "daily": None}
        assert run_at(START + MINUTE) == {"often": Outcome.SUCCEEDED, "daily": None}
        assert run_at(START + 24 * 60 * MINUTE) == {
            "often": Outcome.SUCCEEDED,
            "daily": Outcome.SUCCEEDED,
        }
        assert calls.count(("daily",)) == 2
        assert JobState.objects.get(name="often").runs == 3

    def test_a_failing_job_is_recorded_without_its_message_and_does_not_stop_the_others(
        self, calls, monkeypatch
    ):
        def boom(*args, **kwargs):
            if args[0] == "often":
                raise ValueError("Mario Rossi's record is broken")
            calls.append(args)

        monkeypatch.setattr(scheduler, "call_command", boom)
        assert run_at(START) == {"often": Outcome.FAILED, "daily": Outcome.SUCCEEDED}
        state = JobState.objects.get(name="often")
        assert (state.last_outcome, state.last_error) == (Outcome.FAILED, "ValueError")
        assert state.last_succeeded_at is None
        # Tried again next period, not at once.
        assert run_at(START + MINUTE / 2)["often"] is None
        assert run_at(START + MINUTE)["often"] == Outcome.FAILED

    def test_only_and_force(self, calls):
        run_at(START)
        assert run_at(START, only="daily") == {"daily": None}
        assert run_at(START, only="daily", force=True) == {"daily": Outcome.SUCCEEDED}
        assert calls.count(("daily",)) == 2

    def test_a_deployment_changes_a_period_or_switches_a_job_off(self, calls, monkeypatch):
        monkeypatch.setenv("APPRODO_SCHEDULE_DAILY_EVERY", "0")
        monkeypatch.setenv("APPRODO_SCHEDULE_OFTEN_EVERY", "600")
        assert run_at(START) == {"often": Outcome.SUCCEEDED}
        assert run_at(START + 5 * MINUTE) == {"often": None}
        assert run_at(START + 10 * MINUTE) == {"often": Outcome.SUCCEEDED}

    def test_every_run_stamps_the_scheduler_heartbeat(self, calls):
        run_at(START)
        run_at(START + MINUTE / 2)
        assert Heartbeat.objects.get(role=Heartbeat.SCHEDULER).seen_at == START + MINUTE / 2


@pytest.mark.django_db
class TestCommand:
    def test_runs_and_lists(self, calls):
        out = io.StringIO()
        with time_machine.travel(START, tick=False):
            call_command("run_jobs", stdout=out)
        assert out.getvalue().splitlines() == ["often: succeeded", "daily: succeeded"]

        out = io.StringIO()
        with time_machine.travel(START + 3 * MINUTE, tick=False):
            call_command("run_jobs", "--list", stdout=out)
        often, daily = out.getvalue().splitlines()
        assert often.startswith("often") and "OVERDUE" in often
        assert daily.startswith("daily") and "OVERDUE" not in daily

    def test_refuses_an_unknown_job_and_a_blanket_force(self, calls):
        with pytest.raises(CommandError, match="No scheduled job 'nope'"):
            call_command("run_jobs", "--job", "nope")
        with pytest.raises(CommandError, match="--force needs --job"):
            call_command("run_jobs", "--force")
        assert calls == []

    def test_the_default_schedule_names_commands_that_exist(self):
        from django.core.management import get_commands

        known = get_commands()
        for job in scheduler.schedule():
            assert job.command[0] in known, job.name


def test_two_schedulers_at_once_run_a_job_once(race, calls, settings):
    settings.APPRODO_SCHEDULE = {"often": (["often"], 60)}
    JobState.objects.create(name="often")
    now = timezone.now()

    first, second = race(
        lambda: scheduler.run_due(now=now),
        lambda: scheduler.run_due(now=now),
        holds_lock=lambda sql: sql.startswith('UPDATE "operations_jobstate"'),
    )

    assert sorted([first.value["often"] or "", second.value["often"] or ""]) == [
        "",
        Outcome.SUCCEEDED,
    ]
    assert calls == [("often",)]
    assert JobState.objects.get(name="often").runs == 1
