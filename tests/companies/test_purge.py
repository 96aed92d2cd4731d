"""purge_personal_data: dry run by default, real run anonymises, a second run changes nothing."""

import datetime
import io
from decimal import Decimal

import pytest
import time_machine
from django.core.management import call_command
from django.utils import timezone

from companies.models import InternCardView, Placement, PlacementEvent, PlacementStatus
from companies.privacy import cutoff, forget_emails
from mail.retention import sent_emails_due
from participants.models import Participant
from participants.privacy import due_for_anonymisation
from tests.erasure import assert_erased, find
from tests.factories.companies import CompanyFactory, OperatingSiteFactory, TerritoryFactory

pytestmark = pytest.mark.django_db


def placement(intern, ends_on, status):
    company = CompanyFactory(territory=intern.territory)
    return Placement.objects.create(
        participant=intern,
        company=company,
        site=OperatingSiteFactory(company=company),
        starts_on=ends_on - datetime.timedelta(days=180),
        ends_on=ends_on,
        weekly_hours=20,
        schedule="9–13",
        monthly_allowance=Decimal("450"),
        company_tutor_name="Paolo Verdi",
        company_tutor_email=f"paolo.{intern.family_name}@impresa.example",
        company_tutor_phone=f"+39 0577 {intern.pk:06d}",
        workplace_notes=f"Istruzioni scritte per {intern.preferred_name}.",
        reason=f"{intern.family_name} ha concluso",
        status=status,
    )


def person(name):
    family = f"{name}zappacosta"
    return {
        "given_name": name,
        "family_name": family,
        "preferred_name": f"{name}ella",
        "phone": f"+39 347 {sum(map(ord, name)):07d}",
        "email": f"{family.lower()}@example.org",
    }


def erased_values(name):
    """What must be nowhere once ``name``'s intern is anonymised (the given name alone
    is too common a word to search for)."""
    return [value for key, value in person(name).items() if key != "given_name"]


def purge(*args):
    out = io.StringIO()
    call_command("purge_personal_data", *args, stdout=out)
    return out.getvalue()


@pytest.fixture
def interns():
    territory = TerritoryFactory()

    def make(name):
        # Every personal field filled, with values the erasure search cannot confuse.
        return Participant.objects.create(**person(name), territory=territory)

    old, recent, ongoing = make("Anna"), make("Bruno"), make("Carla")
    ended = placement(old, datetime.date(2024, 3, 31), PlacementStatus.COMPLETED)
    PlacementEvent.objects.create(
        placement=ended, action="suspend", from_status="active", to_status="suspended",
        message="Anna Zappacosta assente per motivi personali",
    )  # fmt: skip
    InternCardView.objects.create(placement=ended, viewer="titolare@impresa.example")
    placement(recent, datetime.date(2026, 6, 30), PlacementStatus.TERMINATED)
    placement(ongoing, datetime.date(2024, 1, 31), PlacementStatus.COMPLETED)
    placement(ongoing, datetime.date(2027, 1, 31), PlacementStatus.ACTIVE)
    return {"old": old, "recent": recent, "ongoing": ongoing}


@time_machine.travel(datetime.datetime(2026, 11, 29, 12, tzinfo=datetime.UTC))
def test_dry_run_then_real_run_then_nothing_left(interns):
    output = purge("--months", "24")
    assert f"would anonymise {interns['old'].code}" in output
    assert interns["recent"].code not in output and interns["ongoing"].code not in output
    assert "dry run" in output
    interns["old"].refresh_from_db()
    assert interns["old"].given_name == "Anna"  # a dry run changes nothing

    output = purge("--months", "24", "--apply")
    assert f"anonymised {interns['old'].code}" in output
    old = Participant.objects.get(pk=interns["old"].pk)
    assert (old.given_name, old.family_name, old.phone, old.email) == ("—", old.code, "", "")
    assert old.anonymised_at is not None
    kept = old.placements.get()
    # The facts the reports count stay; the free text about the person goes.
    assert kept.status == PlacementStatus.COMPLETED
    assert kept.monthly_allowance == Decimal("450")
    assert kept.company_id is not None
    assert (kept.workplace_notes, kept.company_tutor_email) == ("", "")
    assert list(kept.events.values_list("action", "message")) == [("suspend", "")]
    assert not kept.card_views.exists()
    assert Participant.objects.get(pk=interns["recent"].pk).given_name == "Bruno"
    assert Participant.objects.get(pk=interns["ongoing"].pk).given_name == "Carla"

    assert_erased(erased_values("Anna"))
    assert find(erased_values("Bruno"))  # the others are still there

    assert "0 participant(s) anonymised" in purge("--months", "24", "--apply")


@time_machine.travel(datetime.datetime(2026, 11, 29, 12, tzinfo=datetime.UTC))
def test_a_shorter_retention_reaches_more_interns(interns):
    output = purge("--months", "3")
    assert interns["old"].code in output and interns["recent"].code in output
    assert interns["ongoing"].code not in output  # a placement is still running


def test_an_erasure_request_anonymises_one_intern_now(interns):
    code = interns["recent"].code
    assert "would anonymise" in purge("--intern", code)
    assert Participant.objects.get(code=code).given_name == "Bruno"
    purge("--intern", code, "--apply")
    assert Participant.objects.get(code=code).anonymised_at is not None
    assert_erased(erased_values("Bruno"))
    assert f"{code} was already anonymised" in purge("--intern", code, "--apply")
    assert Participant.objects.get(pk=interns["old"].pk).anonymised_at is None  # only the one asked


def test_an_erasure_request_waits_for_the_placement_to_end(interns):
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="has not ended"):
        purge("--intern", interns["ongoing"].code, "--apply")
    with pytest.raises(CommandError, match="No participant"):
        purge("--intern", "TIR-NOBODY", "--apply")
    assert Participant.objects.get(pk=interns["ongoing"].pk).given_name == "Carla"


@time_machine.travel(datetime.datetime(2026, 11, 29, 12, tzinfo=datetime.UTC))
def test_sent_emails_are_deleted_after_their_period(interns):
    from mail.outbox import OutgoingEmail

    now = datetime.datetime(2026, 11, 29, 12, tzinfo=datetime.UTC)

    def email(sent_days_ago):
        sent = now - datetime.timedelta(days=sent_days_ago) if sent_days_ago is not None else None
        return OutgoingEmail.objects.create(
            kind="invitation", to="a@b.example", language="it", subject="s", text="t",
            sent_at=sent,
        )  # fmt: skip

    old, recent, unsent = email(91), email(10), email(None)
    assert "would delete 1 sent e-mail(s) older than 90 days" in purge()
    assert OutgoingEmail.objects.count() == 3
    assert "deleted 1 sent e-mail(s)" in purge("--apply")
    assert set(OutgoingEmail.objects.values_list("pk", flat=True)) == {recent.pk, unsent.pk}
    assert old.pk not in set(OutgoingEmail.objects.values_list("pk", flat=True))


def test_reasons_logged_by_earlier_versions_leave_the_audit_log(interns):
    from importlib import import_module

    from django.apps import apps
    from wagtail.models import ModelLogEntry

    # Entries written then went to Wagtail's shared log (0021 moves them to CompanyLogEntry).
    log = ModelLogEntry.objects.log_action
    ended = interns["old"].placements.get()
    for reason in ("Ricoverata", ""):
        log(
            ended.company,
            "approdo.company.placement",
            data={"placement": ended.pk, "action": "terminate", "reason": reason},
        )
    log(ended.company, "approdo.company.placement", data={"placement": ended.pk})
    import_module("companies.migrations.0019_placement_log_reasons").forwards(apps, None)
    entries = ModelLogEntry.objects.filter(action="approdo.company.placement").order_by("pk")
    assert [entry.data for entry in entries] == [
        {"placement": ended.pk, "action": "terminate", "reason_given": True},
        {"placement": ended.pk, "action": "terminate", "reason_given": False},
        {"placement": ended.pk},
    ]


def test_the_cutoff_counts_whole_months_back():
    assert cutoff(24, datetime.date(2026, 11, 15)) == datetime.date(2024, 11, 15)
    assert cutoff(1, datetime.date(2026, 1, 15)) == datetime.date(2025, 12, 15)
    # Days past the 28th fall back to the 28th, a day every month has.
    assert cutoff(1, datetime.date(2026, 3, 31)) == datetime.date(2026, 2, 28)


@time_machine.travel(datetime.datetime(2026, 11, 15, 12, tzinfo=datetime.UTC))
def test_who_is_due_at_the_edges_of_the_period():
    """24 months on 2026-11-15: the cut-off is 2024-11-15."""
    territory = TerritoryFactory()

    def make(name, recorded_on):
        intern = Participant.objects.create(**person(name), territory=territory)
        recorded = datetime.datetime.combine(recorded_on, datetime.time(12), datetime.UTC)
        Participant.objects.filter(pk=intern.pk).update(created_at=recorded)
        return intern

    long_ago = datetime.date(2023, 1, 10)
    never_placed = make("Dario", datetime.date(2024, 11, 1))
    make("Elena", datetime.date(2026, 11, 1))  # no placement yet
    placed_lately = make("Fabio", long_ago)  # recorded long ago, placement ended lately
    placement(placed_lately, datetime.date(2026, 6, 30), PlacementStatus.COMPLETED)
    never_closed = make("Gina", long_ago)  # its end date passed, nobody closed it
    placement(never_closed, datetime.date(2024, 1, 31), PlacementStatus.ACTIVE)
    ended_on_cutoff = make("Ivo", long_ago)
    placement(ended_on_cutoff, datetime.date(2024, 11, 15), PlacementStatus.COMPLETED)
    ended_before = make("Luca", long_ago)
    placement(ended_before, datetime.date(2024, 11, 14), PlacementStatus.TERMINATED)

    due = set(due_for_anonymisation(24))
    assert due == {never_placed, ended_before}


def test_sent_emails_due_honours_the_days_asked():
    from mail.outbox import OutgoingEmail

    now = timezone.now()

    def email(sent_hours_ago):
        return OutgoingEmail.objects.create(
            kind="invitation", to="a@b.example", language="it", subject="s", text="t",
            sent_at=now - datetime.timedelta(hours=sent_hours_ago),
        )  # fmt: skip

    two_days = email(48)
    email(12)
    assert list(sent_emails_due(days=1, now=now)) == [two_days]


def test_every_stored_email_about_the_intern_is_forgotten_wherever_it_names_them():
    """Staff may reword an e-mail: the code or a quoted reason may sit in any one part."""
    from mail.outbox import OutgoingEmail

    def email(subject="Aggiornamento", text="Testo", html=""):
        return OutgoingEmail.objects.create(
            kind="placement", to="staff@example.org", language="it",
            subject=subject, text=text, html=html,
        )  # fmt: skip

    code, reasons = "TIR-ABC123", ["assente per motivi familiari", "trasferita a Pisa"]
    about = [
        email(subject=f"Tirocinio {code}"),
        email(text=f"Il tirocinio {code} è sospeso"),
        email(html=f"<p>{code}</p>"),
        email(text="Motivo: assente per motivi familiari"),
        email(html="<p>Motivo: trasferita a Pisa</p>"),
    ]
    other = email(subject="Tirocinio TIR-ZZZ999", text="Motivo: fine del progetto")
    forget_emails(code, reasons)
    assert not OutgoingEmail.objects.filter(pk__in=[e.pk for e in about]).exists()
    assert list(OutgoingEmail.objects.all()) == [other]
