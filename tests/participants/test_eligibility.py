"""Eligibility per project: age limits, municipalities, authorised referrers, ADI/GOL
exclusions as attested yes/no answers; the check says which rule failed and stores who
attested what, when."""

import datetime

import pytest
from django.utils import translation

from participants.models import Attestation, Stage
from participants.services.eligibility import Answer, check_eligibility
from projects.eligibility import age_on, failures
from projects.models import EligibilityQuestion
from tests.factories.participants import (
    MunicipalityFactory,
    PathFactory,
    ProjectFactory,
    ReferringOrganisationFactory,
    moderator_for,
)

pytestmark = pytest.mark.django_db
DAY = datetime.date(2026, 12, 1)


@pytest.fixture
def apuane():
    """Like the Apuane project: 16 and over, three municipalities, no ADI, no GOL."""
    project = ProjectFactory(min_age=16)
    towns = MunicipalityFactory.create_batch(3)
    project.municipalities.set(towns)
    adi = EligibilityQuestion.objects.create(project=project, text="Receives the ADI")
    gol = EligibilityQuestion.objects.create(project=project, text="Enrolled in GOL")
    unemployed = EligibilityQuestion.objects.create(
        project=project, text="Is unemployed", excludes_when=False
    )
    return {"project": project, "town": towns[0], "adi": adi, "gol": gol, "job": unemployed}


def codes(project, **facts):
    return [f.code for f in failures(project, on=DAY, **facts)]


def facts(world, **changes):
    answers = {world["adi"].pk: False, world["gol"].pk: False, world["job"].pk: True}
    base = {
        "date_of_birth": datetime.date(2000, 1, 1),
        "municipality": world["town"],
        "referrer": None,
        "answers": answers,
    }
    return {**base, **changes}


def test_someone_who_meets_every_rule_passes(apuane):
    assert codes(apuane["project"], **facts(apuane)) == []


@pytest.mark.parametrize(
    ("born", "passes"),
    [
        (datetime.date(2010, 12, 1), True),  # 16 today
        (datetime.date(2010, 12, 2), False),  # 16 tomorrow
    ],
)
def test_the_minimum_age_counts_completed_years(apuane, born, passes):
    assert (codes(apuane["project"], **facts(apuane, date_of_birth=born)) == []) is passes


def test_an_age_range_refuses_above_the_maximum():
    project = ProjectFactory(min_age=18, max_age=40)
    assert age_on(datetime.date(1985, 12, 1), DAY) == 41
    found = failures(
        project,
        on=DAY,
        date_of_birth=datetime.date(1985, 12, 1),
        municipality=None,
        referrer=None,
        answers={},
    )
    assert [f.code for f in found] == ["age"]
    assert "40" in str(found[0].message)


@pytest.mark.parametrize("question", ["adi", "gol"])
def test_adi_and_gol_exclude(apuane, question):
    answers = facts(apuane)["answers"] | {apuane[question].pk: True}
    assert codes(apuane["project"], **facts(apuane, answers=answers)) == [
        f"question:{apuane[question].pk}"
    ]


def test_a_requirement_answered_no_and_a_missing_answer_both_fail(apuane):
    answers = {apuane["adi"].pk: False, apuane["job"].pk: False}
    assert codes(apuane["project"], **facts(apuane, answers=answers)) == [
        f"question:{apuane['gol'].pk}",
        f"question:{apuane['job'].pk}",
    ]


def test_residence_and_referrer_rules(apuane):
    project = apuane["project"]
    accepted = ReferringOrganisationFactory()
    project.authorised_referrers.set([accepted])
    elsewhere = MunicipalityFactory()
    assert codes(project, **facts(apuane, municipality=elsewhere, referrer=accepted)) == [
        "municipality"
    ]
    assert codes(project, **facts(apuane, referrer=ReferringOrganisationFactory())) == ["referrer"]


def answers_for(world, adi):
    said = {"attested_by": "Centro per l'impiego di Massa", "attested_on": DAY}
    return {
        world["adi"].pk: Answer(answer=adi, **said),
        world["gol"].pk: Answer(answer=False, **said),
        world["job"].pk: Answer(answer=True, **said),
    }


@pytest.mark.parametrize(("adi", "stage"), [(False, Stage.ELIGIBLE), (True, Stage.NOT_ELIGIBLE)])
def test_the_check_moves_the_path_and_stores_who_attested_what(apuane, adi, stage):
    path = PathFactory(
        project=apuane["project"],
        stage=Stage.ASSESSED,
        participant__municipality=apuane["town"],
    )
    user = moderator_for(path.participant.territory)
    with translation.override("en"):  # the messages are stored as shown, in English here
        check = check_eligibility(user, path, answers_for(apuane, adi), on=DAY)
    path.refresh_from_db()
    assert path.stage == stage
    assert check.eligible is (not adi)
    assert check.checked_by == user
    if adi:
        assert check.failed_rules == [
            {"code": f"question:{apuane['adi'].pk}", "message": "Excluded by: Receives the ADI"}
        ]
    stored = Attestation.objects.get(check_record=check, question=apuane["adi"])
    assert (stored.answer, stored.attested_by, stored.attested_on) == (
        adi,
        "Centro per l'impiego di Massa",
        DAY,
    )
    assert list(path.events.values_list("action", flat=True)) == [
        "find_not_eligible" if adi else "find_eligible"
    ]
