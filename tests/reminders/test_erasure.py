"""The record of reminders about a person goes with them when they are erased."""

import datetime

import pytest

from companies.models import PlacementStatus
from participants.models import Stage
from participants.privacy import anonymise
from reminders import for_companies, for_staff
from reminders.models import Kind, SentReminder
from tests.erasure import assert_erased
from tests.factories.companies import MembershipFactory, PlacementFactory, TerritoryFactory
from tests.factories.participants import PathFactory, moderator_for
from tests.reminders.helpers import at

pytestmark = pytest.mark.django_db


def test_reminders_about_a_person_are_deleted_with_them():
    territory = TerritoryFactory()
    path = PathFactory(
        participant__territory=territory,
        participant__operator=moderator_for(territory),
        participant__family_name="Zanzottera",
        stage=Stage.COMPLETED,
        follow_up_due=datetime.date(2027, 6, 1),
    )
    other = PathFactory(
        participant__territory=territory,
        participant__operator=path.participant.operator,
        stage=Stage.COMPLETED,
        follow_up_due=datetime.date(2027, 6, 1),
    )
    with at(datetime.datetime(2027, 6, 9, 9, tzinfo=datetime.UTC)):
        assert for_staff.follow_up_overdue(for_staff.timezone.now()) == 2
    assert SentReminder.objects.filter(participant=path.participant).count() == 1

    anonymise(path.participant)

    assert not SentReminder.objects.filter(participant=path.participant).exists()
    assert SentReminder.objects.filter(participant=other.participant).count() == 1
    assert SentReminder.objects.filter(kind=Kind.FOLLOW_UP_OVERDUE).count() == 1
    assert_erased(["Zanzottera"])


def test_the_months_attendance_reminders_go_with_the_intern_erased():
    placement = PlacementFactory(status=PlacementStatus.ACTIVE)
    MembershipFactory(company=placement.company)
    person = placement.participant
    with at(datetime.datetime(2027, 3, 1, 9, tzinfo=datetime.UTC)):
        assert for_companies.attendance_month(for_companies.timezone.now()) == 1
    assert SentReminder.objects.get(kind=Kind.ATTENDANCE_MONTH).participant == person

    anonymise(person)

    assert not SentReminder.objects.filter(kind=Kind.ATTENDANCE_MONTH).exists()
