"""The status machines of the host-companies domain: the same maps as before they were
declared, and every move they do not allow refused with IllegalTransition, nothing saved."""

import pytest

from companies.models import (
    DOSSIER,
    JOIN_REQUEST,
    PLACEMENT,
    VERSION,
    CompanyDocument,
    CompanyStatus,
    DocumentStatus,
    JoinRequestStatus,
    PlacementEvent,
    PlacementStatus,
)
from companies.services import team
from companies.services.status import move_placement
from lifecycle import IllegalTransition
from tests.factories.companies import (
    JoinRequestFactory,
    MembershipFactory,
    PlacementFactory,
    accepted_documents,
)
from tests.factories.users import UserFactory

pytestmark = pytest.mark.django_db

C, P, D, J = CompanyStatus, PlacementStatus, DocumentStatus, JoinRequestStatus

# Written out by hand: a change to a machine must be a change to this table too.
EXPECTED = {
    "dossier": (
        DOSSIER,
        {
            "submit": ({C.DRAFT, C.CHANGES_REQUESTED}, C.SUBMITTED),
            "request_changes": ({C.SUBMITTED}, C.CHANGES_REQUESTED),
            "approve": ({C.SUBMITTED}, C.APPROVED),
            "reject": ({C.SUBMITTED}, C.REJECTED),
        },
    ),
    "placement": (
        PLACEMENT,
        {
            "accept": ({P.PROPOSED}, P.ACCEPTED),
            "decline": ({P.PROPOSED}, P.DECLINED),
            "start": ({P.ACCEPTED}, P.ACTIVE),
            "withdraw": ({P.PROPOSED, P.ACCEPTED}, P.WITHDRAWN),
            "suspend": ({P.ACTIVE}, P.SUSPENDED),
            "resume": ({P.SUSPENDED}, P.ACTIVE),
            "extend": ({P.ACTIVE}, P.ACTIVE),
            "complete": ({P.ACTIVE}, P.COMPLETED),
            "terminate": ({P.ACTIVE, P.SUSPENDED}, P.TERMINATED),
        },
    ),
    "version": (
        VERSION,
        {
            "accept": ({D.UPLOADED}, D.ACCEPTED),
            "reject": ({D.UPLOADED}, D.REJECTED),
            "supersede": ({D.UPLOADED, D.REJECTED}, D.SUPERSEDED),
            "retire": ({D.ACCEPTED}, D.SUPERSEDED),
            "restore_uploaded": ({D.SUPERSEDED}, D.UPLOADED),
            "restore_rejected": ({D.SUPERSEDED}, D.REJECTED),
        },
    ),
    "join_request": (
        JOIN_REQUEST,
        {
            "approve": ({J.PENDING}, J.APPROVED),
            "refuse": ({J.PENDING}, J.REFUSED),
        },
    ),
}


@pytest.mark.parametrize("name", EXPECTED)
def test_each_machine_declares_exactly_the_expected_moves(name):
    machine, expected = EXPECTED[name]
    assert {t.name: (set(t.sources), t.target) for t in machine} == expected


def test_an_illegal_placement_move_raises_and_saves_nothing():
    placement = PlacementFactory(status=P.PROPOSED)
    staff = UserFactory(is_staff=True)
    for action in ["start", "suspend", "resume", "extend", "complete", "terminate"]:
        with pytest.raises(IllegalTransition) as refused:
            move_placement(placement, action, staff, "Motivo")
        assert refused.value.name == action
        assert refused.value.status == P.PROPOSED
        placement.refresh_from_db()
        assert placement.status == P.PROPOSED
        assert placement.reason == ""
    assert not PlacementEvent.objects.filter(placement=placement).exists()


def test_a_legal_placement_move_is_saved_with_its_event():
    """The counterpart of the refusal above: the same call does move a placement it may."""
    placement = PlacementFactory(status=P.ACTIVE)
    staff = UserFactory(is_staff=True)
    event = move_placement(placement, "suspend", staff, "Chiusura estiva")
    placement.refresh_from_db()
    assert placement.status == P.SUSPENDED
    assert (event.from_status, event.to_status, event.actor) == (P.ACTIVE, P.SUSPENDED, staff)


def test_an_illegal_document_move_raises_and_changes_nothing():
    placement = PlacementFactory()
    accepted_documents(placement.company)
    document = CompanyDocument.objects.filter(company=placement.company).first()
    for action in ["accept", "reject", "supersede", "restore_uploaded", "restore_rejected"]:
        with pytest.raises(IllegalTransition):
            VERSION.apply(document, action)
        assert document.status == D.ACCEPTED
    document.refresh_from_db()
    assert document.status == D.ACCEPTED


def test_an_answered_join_request_stays_answered():
    join_request = JoinRequestFactory(status=J.REFUSED)
    admin = MembershipFactory(company=join_request.company, role="admin").user
    with pytest.raises(IllegalTransition):
        JOIN_REQUEST.apply(join_request, "approve")
    join_request.refresh_from_db()
    assert not team.decide_join_request(admin, join_request.company, join_request, approve=True)
    join_request.refresh_from_db()
    assert join_request.status == J.REFUSED
    assert join_request.decided_by is None
    assert not join_request.company.memberships.filter(user=join_request.user).exists()
