"""Staff are reminded of the work waiting in their own scope, once a week (or once per
follow-up), in their admin language, with a link to the screen where they act."""

import datetime
from decimal import Decimal

import pytest
from django.core.management import call_command
from django.utils import translation

from agreements.models import SignedStatus
from allowance.models import Statement
from allowance.models.statements import State
from companies.models import CompanyDocument, CompanyLogEntry, CompanyStatus, DocumentKind
from companies.services.status import move_company
from operations.models import JobState, Outcome
from participants.models import Stage
from reminders.models import Kind, SentReminder
from tests.allowance.helpers import operator_and_coordinator
from tests.factories.companies import CompanyFactory, TerritoryFactory, complete_dossier
from tests.factories.participants import PathFactory, moderator_for
from tests.reminders.helpers import T0, accepted_agreement, at, days, emails, run_staff

pytestmark = pytest.mark.django_db


@pytest.fixture
def territory():
    return TerritoryFactory(name="Alta Val d'Elsa")


@pytest.fixture
def waiting(territory):
    company = complete_dossier(CompanyFactory(territory=territory, legal_name="Forno Bianchi"))
    with at(T0):
        move_company(company, "submit")
    return company


def test_a_dossier_waiting_is_reminded_to_its_territorys_moderators_once_a_week(territory, waiting):
    moderator = moderator_for(territory)  # reads the admin in English
    moderator_for(TerritoryFactory())  # another territory: nothing waits there
    run_staff(days(4, 23))
    assert emails(Kind.QUEUE_WAITING) == []

    run_staff(days(5))
    run_staff(days(6))  # same ISO week
    (email,) = emails(Kind.QUEUE_WAITING)
    assert email.to == moderator.email
    assert email.language == "en"
    assert email.subject == "Review queue: 1 waiting for more than 5 days"
    assert "- Forno Bianchi" in email.text
    assert "/admin/host-companies/companies/" in email.text

    run_staff(days(12))  # next week, still waiting
    assert len(emails(Kind.QUEUE_WAITING)) == 2


def test_a_decided_dossier_is_no_longer_reminded(territory, waiting):
    moderator_for(territory)
    with at(days(2)):
        move_company(waiting, "approve")
    run_staff(days(8))
    assert emails(Kind.QUEUE_WAITING) == []


def test_documents_waiting_for_review_are_in_the_reminder(territory):
    moderator_for(territory)
    company = CompanyFactory(territory=territory, status=CompanyStatus.APPROVED)
    kind = DocumentKind.objects.for_language("en")[0]
    CompanyDocument.objects.create(
        company=company,
        kind_key=kind.translation_key,
        version=1,
        file="companies/x.pdf",
        original_name="visura.pdf",
        size=10,
        sha256="0" * 64,
        content_type="application/pdf",
        uploaded_at=T0,
    )
    signed = accepted_agreement(company, None)
    signed.status, signed.uploaded_at = SignedStatus.UPLOADED, T0
    signed.save()
    run_staff(days(6))
    (email,) = emails(Kind.QUEUE_WAITING)
    assert f"- {company.legal_name}: {kind.name}" in email.text
    assert f"- {company.legal_name}: Internship agreement (convenzione di tirocinio)" in email.text
    assert "visura.pdf" not in email.text  # a file's own name may say anything


def checked_statement(territory, checked_by, checked_at):
    path = PathFactory(participant__territory=territory, stage=Stage.ACTIVE)
    return Statement.objects.create(
        path=path,
        project=path.project,
        month=datetime.date(2026, 12, 1),
        state=State.CHECKED,
        amount=Decimal("100.00"),
        checked_by=checked_by,
        checked_at=checked_at,
    )


def test_statements_to_approve_are_reminded_to_who_may_approve_them(territory):
    operator, coordinator = operator_and_coordinator(territory)
    checked_statement(territory, operator, T0)
    checked_statement(territory, operator, T0)
    run_staff(days(2))
    assert emails(Kind.STATEMENTS_WAITING) == []
    run_staff(days(3))
    run_staff(days(4))
    (email,) = emails(Kind.STATEMENTS_WAITING)
    assert email.to == coordinator.email
    assert email.subject == "Allowance statements waiting for your approval: 2"
    assert "/admin/allowance/statements/" in email.text


def test_approved_statements_are_not_reminded(territory):
    operator, _coordinator = operator_and_coordinator(territory)
    statement = checked_statement(territory, operator, T0)
    statement.state = State.APPROVED
    statement.save()
    run_staff(days(10))
    assert emails(Kind.STATEMENTS_WAITING) == []


DUE = datetime.date(2027, 6, 1)


@pytest.fixture
def follow_up(territory):
    return PathFactory(
        participant__territory=territory,
        participant__operator=moderator_for(territory),
        stage=Stage.COMPLETED,
        follow_up_due=DUE,
    )


def on(day):
    return datetime.datetime.combine(day, datetime.time(9), tzinfo=datetime.UTC)


def test_an_overdue_follow_up_is_reminded_once_to_the_operator(follow_up):
    run_staff(on(DUE + datetime.timedelta(days=6)))
    assert emails(Kind.FOLLOW_UP_OVERDUE) == []
    run_staff(on(DUE + datetime.timedelta(days=7)))
    run_staff(on(DUE + datetime.timedelta(days=30)))
    (email,) = emails(Kind.FOLLOW_UP_OVERDUE)
    person = follow_up.participant
    assert email.to == person.operator.email
    assert person.code in email.subject
    assert person.family_name not in email.text  # staff e-mails name the code only
    assert f"/admin/participants/people/inspect/{person.pk}/" in email.text
    # The person's history says a reminder went out.
    entry = CompanyLogEntry.objects.get(action="approdo.reminder.sent")
    assert entry.object_id == str(person.pk)
    with translation.override("en"):
        assert entry.message == "Reminder sent: Follow-up overdue"


def test_a_recorded_follow_up_is_not_reminded(follow_up):
    follow_up.stage = Stage.FOLLOWED_UP
    follow_up.save()
    run_staff(on(DUE + datetime.timedelta(days=10)))
    assert emails(Kind.FOLLOW_UP_OVERDUE) == []


def test_run_jobs_runs_the_reminder_jobs(territory, waiting, settings):
    moderator_for(territory)
    with at(days(6)):
        call_command("run_jobs")
    states = {state.name: state.last_outcome for state in JobState.objects.all()}
    for name in ("remind_companies", "remind_staff", "weekly_digests"):
        assert states[name] == Outcome.SUCCEEDED
    assert SentReminder.objects.filter(kind=Kind.QUEUE_WAITING).count() == 1
