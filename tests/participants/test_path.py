"""The path's moves: one service each, illegal moves refused, timeline, audit log labelled
with the code only, e-mail to the operator who must act."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from companies.models import CompanyLogEntry
from lifecycle import IllegalTransition
from mail.outbox import OutgoingEmail
from participants.models import ExitOutcome, Participant, Path, Stage
from participants.services import path as moves
from participants.services.errors import NotPermitted
from tests.factories.companies import TerritoryFactory
from tests.factories.participants import (
    ParticipantFactory,
    PathFactory,
    ProjectFactory,
    ReferringOrganisationFactory,
    moderator_for,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    territory = TerritoryFactory()
    staff = moderator_for(territory)
    return {"territory": territory, "staff": staff, "project": ProjectFactory()}


def referral(world, person, **kwargs):
    return moves.refer(
        world["staff"],
        person,
        project=world["project"],
        organisation=ReferringOrganisationFactory(),
        referred_on=datetime.date(2026, 11, 2),
        **kwargs,
    )


def test_a_referral_opens_the_path_and_tells_the_operator(
    world, django_capture_on_commit_callbacks
):
    operator = world["staff"]
    person = Participant(
        given_name="Amina", family_name="Diallo", territory=world["territory"], operator=operator
    )
    with django_capture_on_commit_callbacks(execute=True):
        path = referral(world, person)
    assert path.stage == Stage.REFERRED
    assert path.referral.organisation is not None
    sent = OutgoingEmail.objects.get(kind="participants.referred")
    assert sent.to == operator.email
    assert person.code in sent.text and "Amina" not in sent.text + sent.subject
    entry = CompanyLogEntry.objects.get(action="approdo.participant.path")
    assert entry.label == person.code
    assert "Diallo" not in str(entry.data)


def test_the_whole_path_in_order(world):
    path = referral(world, ParticipantFactory(territory=world["territory"]))
    user = world["staff"]
    moves.record_contact(user, path)
    Path.objects.filter(pk=path.pk).update(stage=Stage.ELIGIBLE)  # assessment: own tests
    moves.enrol(user, path)
    moves.start(user, path)
    moves.complete(
        user,
        path,
        outcome=ExitOutcome.EMPLOYED,
        contract_type="fixed_term",
        exited_on=datetime.date(2027, 6, 30),
    )
    path.refresh_from_db()
    assert path.stage == Stage.COMPLETED
    assert path.follow_up_due == datetime.date(2027, 12, 30)
    assert moves.follow_ups_due(user, on=datetime.date(2027, 12, 29)).count() == 0
    assert list(moves.follow_ups_due(user, on=datetime.date(2027, 12, 30))) == [path]
    moves.record_follow_up(user, path, outcome=ExitOutcome.LOOKING)
    path.refresh_from_db()
    assert path.stage == Stage.FOLLOWED_UP
    assert list(path.events.values_list("action", flat=True)) == [
        "refer",
        "contact",
        "enrol",
        "start",
        "complete",
        "follow_up",
    ]


@pytest.mark.parametrize(
    ("stage", "move"),
    [
        (Stage.REFERRED, moves.enrol),
        (Stage.ASSESSED, moves.start),
        (Stage.NOT_ELIGIBLE, moves.enrol),
        (Stage.COMPLETED, moves.record_contact),
    ],
)
def test_illegal_moves_are_refused_and_leave_no_trace(world, stage, move):
    path = PathFactory(participant__territory=world["territory"], stage=stage)
    with pytest.raises(IllegalTransition):
        move(world["staff"], path)
    path.refresh_from_db()
    assert path.stage == stage
    assert not path.events.exists()
    assert not CompanyLogEntry.objects.filter(action="approdo.participant.path").exists()


def test_a_withdrawal_needs_a_coded_reason_and_an_outcome(world):
    path = PathFactory(participant__territory=world["territory"], stage=Stage.ACTIVE)
    with pytest.raises(ValidationError):
        moves.withdraw(world["staff"], path, reason="", outcome=ExitOutcome.OTHER)
    with pytest.raises(ValidationError):
        moves.withdraw(world["staff"], path, reason="moved", outcome=ExitOutcome.EMPLOYED)
    moves.withdraw(world["staff"], path, reason="moved", outcome=ExitOutcome.LOOKING)
    path.refresh_from_db()
    assert (path.stage, path.withdrawal_reason) == (Stage.WITHDRAWN, "moved")
    assert path.follow_up_due is not None


def test_a_minor_is_enrolled_only_with_the_guardians_consent(world):
    path = PathFactory(
        participant__territory=world["territory"],
        participant__date_of_birth=datetime.date.today().replace(
            year=datetime.date.today().year - 17
        ),
        stage=Stage.ELIGIBLE,
    )
    with pytest.raises(ValidationError):
        moves.enrol(world["staff"], path)
    Participant.objects.filter(pk=path.participant_id).update(
        guardian_consent_on=datetime.date(2026, 11, 1), guardian_name="Fatou Diallo"
    )
    assert moves.enrol(world["staff"], path).stage == Stage.ENROLLED


def test_staff_of_another_territory_cannot_move_the_path(world):
    path = PathFactory(participant__territory=world["territory"])
    stranger = moderator_for(TerritoryFactory())
    with pytest.raises(NotPermitted):
        moves.record_contact(stranger, path)
    with pytest.raises(NotPermitted):
        referral(
            {**world, "staff": stranger}, ParticipantFactory.build(territory=world["territory"])
        )


def test_a_second_path_in_the_same_project_is_refused(world):
    path = referral(world, ParticipantFactory(territory=world["territory"]))
    with pytest.raises(ValidationError):
        referral(world, path.participant)


def test_bulk_referrals_are_all_stored_or_none(world):
    good = ParticipantFactory.build(territory=world["territory"], email="a@example.net")
    bad = ParticipantFactory.build(territory=world["territory"], email="not an address")
    with translation.override("en"), pytest.raises(ValidationError, match="Row 2"):
        moves.refer_many(
            world["staff"],
            [good, bad],
            project=world["project"],
            organisation=ReferringOrganisationFactory(),
            referred_on=datetime.date(2026, 11, 2),
        )
    assert not Path.objects.exists()
    paths = moves.refer_many(
        world["staff"],
        [ParticipantFactory.build(territory=world["territory"]) for _ in range(3)],
        project=world["project"],
        organisation=ReferringOrganisationFactory(),
        referred_on=datetime.date(2026, 11, 2),
    )
    assert len(paths) == 3
