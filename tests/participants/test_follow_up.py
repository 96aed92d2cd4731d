"""The six-month follow-up is a task for the case operator: on the home panel and by e-mail."""

import datetime

import pytest
from django.core.management import call_command

from mail.outbox import OutgoingEmail
from participants.models import Stage
from tests.factories.companies import TerritoryFactory
from tests.factories.participants import PathFactory, moderator_for

pytestmark = pytest.mark.django_db
DUE = datetime.date(2027, 6, 1)


@pytest.fixture
def due_path():
    territory = TerritoryFactory()
    operator = moderator_for(territory)
    path = PathFactory(
        participant__territory=territory,
        participant__operator=operator,
        stage=Stage.COMPLETED,
        follow_up_due=DUE,
    )
    return path, operator


def test_the_operator_is_reminded_by_email_on_the_day(due_path, django_capture_on_commit_callbacks):
    path, operator = due_path
    with django_capture_on_commit_callbacks(execute=True):
        call_command("remind_follow_ups", on=DUE - datetime.timedelta(days=1))
    assert not OutgoingEmail.objects.exists()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("remind_follow_ups", on=DUE)
    sent = OutgoingEmail.objects.get()
    assert sent.to == operator.email and sent.kind == "participants.follow_up_due"
    assert path.participant.code in sent.text
    assert path.participant.family_name not in sent.text


def test_the_home_panel_lists_the_follow_ups_due(client, due_path, no_staff_mfa, monkeypatch):
    path, operator = due_path
    import participants.services.path as moves

    monkeypatch.setattr(moves.timezone, "localdate", lambda: DUE)
    client.force_login(operator)
    home = client.get("/admin/")
    assert 'id="caseload-panel"' in home.text
    assert path.participant.code in home.text
