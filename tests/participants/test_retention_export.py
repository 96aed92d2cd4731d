"""The retention command covers participants too, and staff export one person's data as
JSON: permissioned, scoped, logged, and complete over the app's tables."""

import datetime
import json
from decimal import Decimal

import pytest
from django.apps import apps
from django.core.management import call_command
from django.utils import timezone

from companies.models import CompanyLogEntry, PlacementStatus
from participants.export import COVERED
from participants.models import (
    Activity,
    InternshipAdjustment,
    InternshipMonth,
    MonthLock,
    Participant,
    Path,
    Session,
)
from tests.erasure import assert_erased, find
from tests.factories.companies import PlacementFactory, TerritoryFactory
from tests.factories.participants import moderator_for, tutor
from tests.participants.test_erasure import (  # noqa: F401  (the fixture)
    EMAIL,
    FAMILY,
    GIVEN,
    NEEDLES,
    PHONE,
    lived_path,
    url,
)

pytestmark = pytest.mark.django_db


def with_internship(person, ended_years_ago=3):
    """Gives the person a placement with a corrected month."""
    ended = timezone.localdate() - datetime.timedelta(days=365 * ended_years_ago)
    placement = PlacementFactory(
        participant=person,
        status=PlacementStatus.COMPLETED,
        starts_on=ended - datetime.timedelta(days=180),
        ends_on=ended,
    )
    month = InternshipMonth.objects.create(
        placement=placement,
        month=placement.starts_on.replace(day=1),
        days=10,
        hours=Decimal("40"),
        confirmer="Titolare",
        countersigned_at=timezone.now(),
        countersigner="Tutor aziendale",
    )
    InternshipAdjustment.objects.create(
        month=month,
        days=9,
        hours=Decimal("36"),
        days_delta=-1,
        hours_delta=Decimal("-4"),
        reason=f"{GIVEN} assente un giorno",
    )
    return placement


def test_the_retention_command_anonymises_participants_too(lived_path):  # noqa: F811
    with_internship(lived_path)
    Path.objects.filter(participant=lived_path).update(
        updated_at=timezone.now() - datetime.timedelta(days=365 * 3)
    )
    output = _purge("--months", "24")
    assert f"would anonymise {lived_path.code}" in output
    assert Participant.objects.get(pk=lived_path.pk).anonymised_at is None
    assert find(NEEDLES)
    output = _purge("--months", "24", "--apply")
    assert f"anonymised {lived_path.code}" in output and "1 participant(s) anonymised" in output
    assert_erased(NEEDLES)
    assert InternshipMonth.objects.get().hours == Decimal("40")  # the facts stay


def test_people_still_on_their_path_are_kept(lived_path):  # noqa: F811
    Path.objects.filter(participant=lived_path).update(stage="active")
    _purge("--months", "0", "--apply")
    assert Participant.objects.get(pk=lived_path.pk).anonymised_at is None


def _purge(*args):
    from io import StringIO

    out = StringIO()
    call_command("purge_personal_data", *args, stdout=out)
    return out.getvalue()


def test_staff_export_a_persons_data_and_the_export_is_logged(client, lived_path):  # noqa: F811
    with_internship(lived_path, ended_years_ago=0)
    staff = lived_path.operator
    client.force_login(staff)
    address = url("participants_admin:export", lived_path.pk)
    assert client.get(address).status_code == 405
    response = client.post(address)
    assert response.status_code == 200
    assert response["Content-Disposition"] == f'attachment; filename="{lived_path.code}.json"'
    data = json.loads(response.content)
    assert data["person"]["given_name"] == GIVEN and data["person"]["email"] == EMAIL
    assert data["referrals"][0]["contact_name"] == f"A.S. per {FAMILY}"
    assert {event["to_stage"] for event in data["timeline"]} >= {"referred", "withdrawn"}
    assert data["plans"][0]["goals"].startswith(GIVEN)
    assert data["attendance"][0]["hours"] == "4.0"
    assert data["attendance_adjustments"][0]["reason"].startswith(GIVEN)
    assert data["internship_months"][0]["days"] == 10
    assert data["internship_adjustments"][0]["reason"].startswith(GIVEN)
    assert data["page_views"]
    entry = CompanyLogEntry.objects.get(action="approdo.participant.export")
    assert entry.user_id == staff.pk and entry.object_id == str(lived_path.pk)


def test_the_export_is_scoped_and_needs_its_permission(client, lived_path):  # noqa: F811
    address = url("participants_admin:export", lived_path.pk)
    client.force_login(moderator_for(TerritoryFactory()))
    assert client.post(address).status_code == 404
    reader = tutor()
    lived_path.operator = reader  # the tutor sees the person, without the export right
    lived_path.save()
    client.force_login(reader)
    assert client.post(address).status_code in (302, 403)
    assert not CompanyLogEntry.objects.filter(action="approdo.participant.export").exists()


def test_the_export_covers_every_table_about_a_person():
    catalogue = {Activity, Session, MonthLock}  # the project's, not a person's
    models = set(apps.get_app_config("participants").get_models())
    assert models - catalogue - COVERED == set()
