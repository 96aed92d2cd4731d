"""The attendance register: one screen, one request, constant queries; month locks and
logged adjustments."""

import datetime
from decimal import Decimal

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from participants.models import Attendance, AttendanceAdjustment
from participants.services import attendance
from participants.services.errors import MonthLocked, NotEnrolled
from tests.factories.companies import TerritoryFactory
from tests.factories.participants import (
    EnrolmentFactory,
    PathFactory,
    SessionFactory,
    moderator_for,
)

pytestmark = pytest.mark.django_db


def course_of(size):
    territory = TerritoryFactory()
    session = SessionFactory()
    paths = [
        EnrolmentFactory(activity=session.activity, path__participant__territory=territory).path
        for _ in range(size)
    ]
    return session, paths, moderator_for(territory)


def url(name, *args):
    with translation.override("en"):
        return reverse(name, args=args)


def post_data(paths, presence="present", hours="4"):
    data = {}
    for path in paths:
        data[f"presence-{path.pk}"] = presence
        data[f"hours-{path.pk}"] = hours
    return data


def queries(client, method, address, data=None):
    # Every measurement starts from the same cold content-type cache (the audit log uses it).
    ContentType.objects.clear_cache()
    with CaptureQueriesContext(connection) as captured:
        response = getattr(client, method)(address, data or {})
    assert response.status_code in (200, 302), response.status_code
    return len(captured)


def test_the_register_reads_and_saves_in_constant_queries(client, no_staff_mfa):
    counts = {}
    for size in (1, 30):
        session, paths, staff = course_of(size)
        client.force_login(staff)
        address = url("participant_sessions:register", session.pk)
        client.get(address)  # warm the per-user caches, as a real session has them
        read = queries(client, "get", address)
        first = queries(client, "post", address, post_data(paths))
        again = queries(client, "post", address, post_data(paths, "absent"))
        counts[size] = (read, first, again)
        assert Attendance.objects.filter(session=session, presence="absent").count() == size
    assert counts[1] == counts[30], counts


def test_the_grid_shows_everyone_enrolled(client, no_staff_mfa):
    session, paths, staff = course_of(3)
    client.force_login(staff)
    page = client.get(url("participant_sessions:register", session.pk))
    for path in paths:
        assert path.participant.code in page.text
        assert f'name="presence-{path.pk}"' in page.text


def test_one_bad_row_stores_nothing(client, no_staff_mfa):
    session, paths, staff = course_of(3)
    rows = {p.pk: ("present", "4") for p in paths}
    rows[paths[1].pk] = ("present", "9")  # more than the session lasted
    with pytest.raises(ValidationError) as refused:
        attendance.save_register(staff, session, rows)
    assert list(refused.value.message_dict) == [paths[1].pk]
    assert not Attendance.objects.exists()


def test_absences_count_no_hours_and_strangers_are_refused():
    session, paths, staff = course_of(2)
    attendance.save_register(staff, session, {paths[0].pk: ("justified", "4")})
    assert Attendance.objects.get(path=paths[0]).hours == 0
    outsider = PathFactory(participant__territory=paths[0].participant.territory)
    with pytest.raises(NotEnrolled):
        attendance.save_register(staff, session, {outsider.pk: ("present", "")})


def test_a_locked_month_changes_only_by_logged_adjustments():
    session, paths, staff = course_of(1)
    attendance.save_register(staff, session, {paths[0].pk: ("present", "4")})
    attendance.lock_month(staff, session.activity.project, datetime.date(2026, 11, 30))
    with pytest.raises(MonthLocked):
        attendance.save_register(staff, session, {paths[0].pk: ("absent", "")})
    recorded = Attendance.objects.get(path=paths[0])
    with pytest.raises(ValidationError):
        attendance.adjust(staff, recorded, presence="present", hours="2", reason=" ")
    attendance.adjust(staff, recorded, presence="present", hours="2", reason="Uscita anticipata")
    attendance.adjust(staff, recorded, presence="present", hours="3", reason="Rettifica")
    recorded.refresh_from_db()
    assert recorded.hours == Decimal("4")  # the recorded row is never edited
    assert list(AttendanceAdjustment.objects.values_list("hours_delta", flat=True)) == [
        Decimal("-2"),
        Decimal("1"),
    ]
    assert attendance.effective_hours(recorded) == Decimal("3")


def test_lock_and_correct_through_the_screens(client, no_staff_mfa):
    session, paths, staff = course_of(2)
    client.force_login(staff)
    register = url("participant_sessions:register", session.pk)
    client.post(register, post_data(paths))
    client.post(url("participant_sessions:lock", session.pk))
    refused = client.post(register, post_data(paths, "absent"), follow=True)
    assert "locked" in refused.text
    assert not Attendance.objects.filter(presence="absent").exists()
    recorded = Attendance.objects.get(path=paths[0])
    assert url("participant_sessions:adjust", recorded.pk) in client.get(register).text
    client.post(
        url("participant_sessions:adjust", recorded.pk),
        {"presence": "justified", "hours": "", "reason": "Certificato presentato"},
    )
    adjustment = AttendanceAdjustment.objects.get()
    assert (adjustment.presence, adjustment.hours_delta) == ("justified", Decimal("-4"))


def test_another_territorys_staff_cannot_reach_the_session(client, no_staff_mfa):
    session, paths, _staff = course_of(1)
    attendance.save_register(_staff, session, {paths[0].pk: ("present", "4")})
    client.force_login(moderator_for(TerritoryFactory()))
    recorded = Attendance.objects.get()
    for address in [
        url("participant_sessions:edit", session.pk),
        url("participant_sessions:register", session.pk),
        url("participant_sessions:adjust", recorded.pk),
    ]:
        assert client.get(address).status_code == 404, address
    assert client.post(url("participant_sessions:lock", session.pk)).status_code == 404
