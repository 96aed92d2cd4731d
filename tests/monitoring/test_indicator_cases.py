"""Annex I counts against hand-built cases: each entry indicator and each special-category
indicator category by category, answers missing or withheld, and a person who leaves the
project and later enters another one.

Every case places a few people in two territories, A and B, and states by hand the count
each category must show in A, in B and in all (the tables' columns, in that order).
"""

import datetime

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.utils import timezone

from monitoring import services
from monitoring.indicators import Scope, counts
from participants.models import PATH, PathEvent, Stage
from participants.services import path as path_services
from tests.factories.companies import TerritoryFactory
from tests.factories.participants import (
    ParticipantFactory,
    PathFactory,
    ProjectFactory,
    ReferringOrganisationFactory,
    moderator_for,
)

pytestmark = pytest.mark.django_db

ENTRY = datetime.date(2026, 3, 10)
CONSENT = datetime.date(2026, 3, 10)


@pytest.fixture
def project():
    """A project over two territories, named so that A sorts before B."""
    project = ProjectFactory()
    project.territories.add(
        TerritoryFactory(name="A Lunigiana"), TerritoryFactory(name="B Versilia")
    )
    return project


def territory(project, letter):
    return project.territories.order_by("name")[0 if letter == "A" else 1]


def enter(project, letter, **person):
    """A person of territory ``letter`` enrolled in ``project`` on ENTRY."""
    participant = ParticipantFactory(territory=territory(project, letter), **person)
    path = PathFactory(participant=participant, project=project, stage=Stage.ACTIVE)
    PathEvent.objects.create(
        path=path,
        action="enrol",
        from_stage=Stage.ELIGIBLE,
        to_stage=Stage.ENROLLED,
        created_at=timezone.make_aware(datetime.datetime.combine(ENTRY, datetime.time(10))),
    )
    return participant


def scope(project):
    return Scope(project=project, starts_on=project.starts_on, ends_on=project.ends_on)


# --- entry indicators on the participant ---------------------------------------------------

# (people as (territory, answer), then [A, B, total] per category in the order of the
# choices, "not recorded" last).
LABOUR_STATUS = [
    # employed, unemployed, long-term unemployed, inactive, prefers not to say, not recorded
    (
        [("A", "employed"), ("B", "employed"), ("B", "employed")],
        [[1, 2, 3], [0, 0, 0], [0, 0, 0], [0, 0, 0], [0, 0, 0], [0, 0, 0]],
    ),
    (
        [("A", "unemployed"), ("A", "long_term_unemployed"), ("B", "long_term_unemployed")],
        [[0, 0, 0], [1, 0, 1], [1, 1, 2], [0, 0, 0], [0, 0, 0], [0, 0, 0]],
    ),
    (
        [("B", "inactive"), ("A", "not_stated"), ("A", "")],
        [[0, 0, 0], [0, 0, 0], [0, 0, 0], [0, 1, 1], [1, 0, 1], [1, 0, 1]],
    ),
    (
        [("A", "employed"), ("A", "unemployed"), ("B", "inactive"), ("B", ""), ("B", "")],
        [[1, 0, 1], [1, 0, 1], [0, 0, 0], [0, 1, 1], [0, 0, 0], [0, 2, 2]],
    ),
]

EDUCATION = [
    # ISCED 0-2, ISCED 3-4, ISCED 5-8, prefers not to say, not recorded
    (
        [("A", "isced_0_2"), ("A", "isced_0_2"), ("B", "isced_3_4")],
        [[2, 0, 2], [0, 1, 1], [0, 0, 0], [0, 0, 0], [0, 0, 0]],
    ),
    (
        [("B", "isced_5_8"), ("A", "isced_3_4"), ("B", "not_stated"), ("A", "")],
        [[0, 0, 0], [1, 0, 1], [0, 1, 1], [0, 1, 1], [1, 0, 1]],
    ),
]

HOUSEHOLD = [
    # jobless, jobless with children, single adult with children, none, prefers not to
    # say, not recorded
    (
        [("A", "jobless"), ("B", "jobless_with_children"), ("B", "jobless_with_children")],
        [[1, 0, 1], [0, 2, 2], [0, 0, 0], [0, 0, 0], [0, 0, 0], [0, 0, 0]],
    ),
    (
        [("A", "single_adult_children"), ("A", "none"), ("B", "none"), ("B", "not_stated")],
        [[0, 0, 0], [0, 0, 0], [1, 0, 1], [1, 1, 2], [0, 1, 1], [0, 0, 0]],
    ),
    (
        [("A", ""), ("B", "")],
        [[0, 0, 0], [0, 0, 0], [0, 0, 0], [0, 0, 0], [0, 0, 0], [1, 1, 2]],
    ),
]


def entry_case(project, field, people):
    for letter, value in people:
        enter(project, letter, **{field: value})
    return counts(scope(project))


@pytest.mark.parametrize(("people", "expected"), LABOUR_STATUS)
def test_labour_status_at_entry(project, people, expected):
    _columns, margin, entry, _special = entry_case(project, "labour_status", people)
    assert entry["labour_status"] == expected
    assert margin[-1] == len(people)


@pytest.mark.parametrize(("people", "expected"), EDUCATION)
def test_education_level(project, people, expected):
    _columns, margin, entry, _special = entry_case(project, "education_level", people)
    assert entry["education_level"] == expected
    assert margin[-1] == len(people)


@pytest.mark.parametrize(("people", "expected"), HOUSEHOLD)
def test_household_situation(project, people, expected):
    _columns, margin, entry, _special = entry_case(project, "household", people)
    assert entry["household"] == expected
    assert margin[-1] == len(people)


def test_one_answer_counts_in_its_own_indicator_only(project):
    enter(project, "A", labour_status="inactive", education_level="isced_5_8", household="none")
    _columns, _margin, entry, _special = counts(scope(project))
    assert entry["labour_status"][3] == [1, 0, 1]
    assert entry["education_level"][2] == [1, 0, 1]
    assert entry["household"][3] == [1, 0, 1]
    assert entry["gender"][-1] == [1, 0, 1]  # the factory leaves it empty: not recorded


# --- special-category indicators of the monitoring record ----------------------------------

SPECIAL_CODES = [
    "disability",
    "third_country",
    "foreign_background",
    "minority",
    "housing_exclusion",
    "rural",
]

# (people as (territory, what their record holds for the code), then [A, B, total] for
# yes, no, prefers not to say, not asked). "no record": no consent, nothing stored;
# "left out": a record whose answers skip this question; "withdrawn": consent withdrawn.
SPECIAL = [
    (
        [("A", "yes"), ("A", "yes"), ("B", "no")],
        [[2, 0, 2], [0, 1, 1], [0, 0, 0], [0, 0, 0]],
    ),
    (
        [("A", "not_stated"), ("B", "not_stated"), ("B", "yes")],
        [[0, 1, 1], [0, 0, 0], [1, 1, 2], [0, 0, 0]],
    ),
    (
        [("A", "no record"), ("B", "left out"), ("B", "no")],
        [[0, 0, 0], [0, 1, 1], [0, 0, 0], [1, 1, 2]],
    ),
    (
        [("A", "withdrawn"), ("A", "yes"), ("B", "not_stated"), ("B", "no record")],
        [[1, 0, 1], [0, 0, 0], [0, 1, 1], [1, 1, 2]],
    ),
]

OTHER_ANSWER = {"yes": "no", "no": "not_stated", "not_stated": "yes"}


@pytest.mark.parametrize("code", SPECIAL_CODES)
@pytest.mark.parametrize(("people", "expected"), SPECIAL)
def test_special_category_indicator(project, monitoring_user, code, people, expected):
    others = [other for other in SPECIAL_CODES if other != code]
    for letter, held in people:
        person = enter(project, letter)
        if held == "no record":
            continue
        # The other questions get another answer, so a count taken from the wrong
        # question differs.
        answers = {other: OTHER_ANSWER.get(held, "yes") for other in others}
        if held in OTHER_ANSWER:
            answers[code] = held
        elif held == "withdrawn":
            answers[code] = "yes"  # answered, then the consent went: counted as not asked
        services.record(monitoring_user, person, consent_given_on=CONSENT, answers=answers)
        if held == "withdrawn":
            services.withdraw_consent(monitoring_user, person)
    _columns, margin, _entry, special = counts(scope(project))
    assert special[code] == expected
    assert margin == [sum(row[0] for row in expected), sum(row[1] for row in expected), len(people)]


def test_a_record_of_somebody_who_did_not_enter_is_not_counted(project, monitoring_user):
    enter(project, "A")
    outside = ParticipantFactory(territory=territory(project, "A"))
    PathFactory(participant=outside, project=project, stage=Stage.ELIGIBLE)
    services.record(monitoring_user, outside, consent_given_on=CONSENT, answers={"minority": "yes"})
    _columns, margin, _entry, special = counts(scope(project))
    assert margin == [1, 0, 1]
    assert special["minority"] == [[0, 0, 0], [0, 0, 0], [0, 0, 0], [1, 0, 1]]


# --- leaving and entering again --------------------------------------------------------------


def at(day):
    return time_machine.travel(
        timezone.make_aware(datetime.datetime.combine(day, datetime.time(11))), tick=False
    )


def test_a_person_who_leaves_and_enters_again_counts_once_per_project(project, monitoring_user):
    """One path per person and project: having withdrawn, the person cannot be enrolled in
    the same project again, and enters again through a path in another project. Each
    project counts them once, aged as on the day of its own enrolment."""
    place = territory(project, "A")
    staff = moderator_for(place)
    later_project = ProjectFactory()
    later_project.territories.add(place)
    # 30 on 1 September 2026: under 30 when first enrolled, 30 at the second entry.
    person = ParticipantFactory(
        territory=place, date_of_birth=datetime.date(1996, 9, 1), labour_status="unemployed"
    )
    services.record(monitoring_user, person, consent_given_on=CONSENT, answers={"minority": "yes"})
    organisation = ReferringOrganisationFactory()
    first = PathFactory(participant=person, project=project, stage=Stage.ELIGIBLE)
    with at(datetime.date(2026, 3, 2)):
        path_services.enrol(staff, first)
        path_services.start(staff, first)
    with at(datetime.date(2026, 5, 20)):
        first = path_services.withdraw(staff, first, reason="personal", outcome="looking")
    assert first.stage == Stage.WITHDRAWN
    assert "enrol" not in {move.name for move in PATH.available(first)}
    with pytest.raises(ValidationError), at(datetime.date(2026, 10, 1)):
        path_services.refer(
            staff, person, project=project, organisation=organisation, referred_on=ENTRY
        )
    with at(datetime.date(2026, 10, 1)):
        second = path_services.refer(
            staff,
            person,
            project=later_project,
            organisation=organisation,
            referred_on=datetime.date(2026, 10, 1),
        )
    # Contact, assessment and eligibility have their own tests: the path is eligible.
    second.stage = Stage.ELIGIBLE
    second.save()
    with at(datetime.date(2026, 10, 5)):
        path_services.enrol(staff, second)

    _columns, margin, entry, special = counts(scope(project))
    assert margin == [1, 0, 1]  # the withdrawn person still counts as having entered
    assert entry["age"] == [[1, 0, 1], [0, 0, 0], [0, 0, 0], [0, 0, 0]]  # under 30 on 2 March
    assert entry["labour_status"][1] == [1, 0, 1]
    assert special["minority"][0] == [1, 0, 1]

    later = Scope(
        project=later_project, starts_on=later_project.starts_on, ends_on=later_project.ends_on
    )
    _columns, margin, entry, special = counts(later)
    assert margin == [1, 1]  # the later project has only this territory
    assert entry["age"] == [[0, 0], [1, 1], [0, 0], [0, 0]]  # 30 on 5 October
    assert special["minority"][0] == [1, 1]

    # A period that ends before the first project's enrolment counts nobody.
    early = Scope(
        project=project, starts_on=datetime.date(2026, 1, 1), ends_on=datetime.date(2026, 3, 1)
    )
    assert counts(early)[1] == [0, 0, 0]


def test_two_enrolments_on_one_path_count_once_aged_on_the_first(project):
    """Should a path ever carry two enrolments (a correction, an import), the person still
    counts once, with the age on the first day, as monitoring.indicators documents."""
    person = enter(project, "B", date_of_birth=datetime.date(1996, 9, 1))
    path = person.paths.get()
    PathEvent.objects.create(
        path=path,
        action="enrol",
        from_stage=Stage.ELIGIBLE,
        to_stage=Stage.ENROLLED,
        created_at=timezone.make_aware(datetime.datetime(2026, 10, 5, 10)),
    )
    _columns, margin, entry, _special = counts(scope(project))
    assert margin == [0, 1, 1]
    assert entry["age"][0] == [0, 1, 1]  # under 30 on 10 March, 30 on 5 October
