"""Company status transitions, timeline and need-to-know querysets."""

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from companies.models import Company, CompanyEvent, CompanyStatus
from companies.services.status import move_company
from lifecycle import IllegalTransition
from tests.factories.companies import CompanyFactory, MembershipFactory
from tests.factories.users import UserFactory

pytestmark = pytest.mark.django_db

ALL_ACTIONS = ["submit", "request_changes", "approve", "reject"]
LEGAL = {
    CompanyStatus.DRAFT: {"submit"},
    CompanyStatus.SUBMITTED: {"request_changes", "approve", "reject"},
    CompanyStatus.CHANGES_REQUESTED: {"submit"},
    CompanyStatus.APPROVED: set(),
    CompanyStatus.REJECTED: set(),
}


@pytest.mark.parametrize("status", list(CompanyStatus))
@pytest.mark.parametrize("action", ALL_ACTIONS)
def test_transitions_refuse_illegal_moves(status, action):
    company = CompanyFactory(status=status)
    if action in LEGAL[status]:
        event = move_company(company, action)
        assert event.from_status == status
        company.refresh_from_db()
        assert company.status == event.to_status
    else:
        with pytest.raises(IllegalTransition):
            move_company(company, action)
        company.refresh_from_db()
        assert company.status == status
        assert not CompanyEvent.objects.filter(company=company).exists()


def test_the_round_trip_is_on_the_timeline():
    company = CompanyFactory()
    moderator = UserFactory(is_staff=True)
    assert company.is_editable
    move_company(company, "submit")
    assert not company.is_editable
    assert company.submitted_at is not None
    move_company(company, "request_changes", actor=moderator, message="Manca la PEC corretta.")
    assert company.is_editable
    move_company(company, "submit")
    move_company(company, "approve", actor=moderator)
    assert company.decided_at is not None
    steps = list(company.events.values_list("to_status", "message"))
    assert steps == [
        ("submitted", ""),
        ("changes_requested", "Manca la PEC corretta."),
        ("submitted", ""),
        ("approved", ""),
    ]


def test_partita_iva_is_unique():
    company = CompanyFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        CompanyFactory(partita_iva=company.partita_iva)


def test_model_validation_uses_the_italian_validators():
    company = CompanyFactory.build(partita_iva="06363391002", ateco_code="99.99.99", cap="5303")
    with pytest.raises(ValidationError) as error:
        company.full_clean(exclude=["territory"])
    assert {"partita_iva", "ateco_code", "cap"} <= set(error.value.message_dict)


def test_capacity_and_ateco_are_exposed():
    company = CompanyFactory(headcount=25, ateco_code="56.11.11")
    assert company.capacity.interns == 3
    assert company.ateco_section == "I"
    assert "ristoranti" in company.ateco_title


class TestVisibleTo:
    def test_members_see_only_their_companies(self):
        mine, theirs = MembershipFactory(), MembershipFactory()
        visible = Company.objects.visible_to(mine.user)
        assert list(visible) == [mine.company]
        assert not visible.filter(pk=theirs.company.pk).exists()

    def test_a_user_may_belong_to_several_companies(self):
        membership = MembershipFactory()
        other = MembershipFactory(user=membership.user)
        visible = set(Company.objects.visible_to(membership.user))
        assert visible == {membership.company, other.company}

    def test_anonymous_and_outsiders_see_nothing(self):
        from django.contrib.auth.models import AnonymousUser

        MembershipFactory()
        assert not Company.objects.visible_to(AnonymousUser()).exists()
        assert not Company.objects.visible_to(UserFactory()).exists()

    def test_awaiting_review_is_oldest_first(self):
        first, second = CompanyFactory(), CompanyFactory()
        CompanyFactory()  # a draft
        move_company(first, "submit")
        move_company(second, "submit")
        assert list(Company.objects.awaiting_review()) == [first, second]

    def test_awaiting_review_follows_submission_time_not_creation_order(self):
        import datetime

        created_first, created_second = CompanyFactory(), CompanyFactory()
        move_company(created_first, "submit")
        move_company(created_second, "submit")
        earlier = created_first.submitted_at - datetime.timedelta(days=1)
        Company.objects.filter(pk=created_second.pk).update(submitted_at=earlier)
        assert list(Company.objects.awaiting_review()) == [created_second, created_first]

    def test_without_a_user_nothing_is_visible(self):
        # Code run outside a request (a task, a command) may have no user at all; a
        # company nobody has joined yet must not match "the companies of nobody".
        CompanyFactory()
        assert not Company.objects.visible_to(None).exists()
        assert not Company.objects.reviewable_by(None).exists()


class TestReviewableBy:
    def test_a_deactivated_superuser_sees_nothing(self):
        from tests.factories.users import StaffUserFactory

        CompanyFactory()
        assert Company.objects.reviewable_by(StaffUserFactory()).exists()
        assert not Company.objects.reviewable_by(StaffUserFactory(is_active=False)).exists()
