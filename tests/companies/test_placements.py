"""Placements, domain core: what is stored about the people in them, the lifecycle, the
capacity rule."""

import datetime
import re
from decimal import Decimal

import pytest
from django.apps import apps
from django.core.exceptions import ValidationError

from companies.models import (
    CompanyLogEntry,
    CompanyStatus,
    Placement,
    PlacementStatus,
)
from companies.services import placements
from lifecycle import IllegalTransition
from participants.models import Participant
from tests.factories.companies import (
    CompanyFactory,
    MembershipFactory,
    OperatingSiteFactory,
    PlacementFactory,
    TerritoryFactory,
    accepted_documents,
)
from tests.factories.users import StaffUserFactory, UserFactory, admin_user, moderator_of

pytestmark = pytest.mark.django_db

# Special categories the project must never store (GDPR art. 9 and 10, and what would
# reveal them): any field whose name or label matches fails the suite.
FORBIDDEN = re.compile(
    r"health|salute|disab|handicap|invalid|diagnos|illness|malatt|medic|mental|psych|"
    r"criminal|penal|convict|condann|prison|carcer|detenut|offen|"
    r"migra|asylum|asilo|refugee|rifugiat|permesso|residence_permit|nationality|cittadinanz|"
    r"ethnic|etnia|religio|target_group|vulnerab|fragil|category",
    re.IGNORECASE,
)


def test_no_model_stores_sensitive_categories():
    offending = []
    for model in apps.get_models():
        if not model.__module__.startswith(("companies.", "users.", "home.", "news.")):
            continue
        for field in model._meta.get_fields():
            label = f"{field.name} {getattr(field, 'verbose_name', '')}"
            if FORBIDDEN.search(label):
                offending.append(f"{model._meta.label}.{field.name}")
    assert offending == []


def test_the_intern_card_exposes_only_the_preferred_name():
    intern = Participant(given_name="Amina", family_name="Diallo", preferred_name="Ami")
    assert intern.display_name == "Ami"
    assert Participant(given_name="Amina", family_name="Diallo").display_name == "Amina"


@pytest.fixture
def setting():
    territory = TerritoryFactory()
    company = CompanyFactory(territory=territory, status=CompanyStatus.APPROVED, headcount=8)
    accepted_documents(company)
    staff = moderator_of(territory)
    admin_user(staff, "companies.manage_placement")
    return {
        "territory": territory,
        "company": company,
        "site": OperatingSiteFactory(company=company),
        "staff": staff,
        "member": MembershipFactory(company=company).user,
    }


def new_placement(setting, **overrides):
    intern = Participant.objects.create(
        given_name="Amina", family_name="Diallo", territory=setting["territory"]
    )
    data = {
        "participant": intern,
        "company": setting["company"],
        "site": setting["site"],
        "starts_on": datetime.date(2027, 2, 1),
        "ends_on": datetime.date(2027, 8, 1),
        "weekly_hours": 20,
        "schedule": "Lunedì–venerdì, 9–13",
        "monthly_allowance": Decimal("500.00"),
        "project_tutor": setting["staff"],
        "company_tutor_name": "Paolo Verdi",
    }
    data.update(overrides)
    return Placement(**data)


class TestProposal:
    def test_proposal_is_recorded_and_logged(self, setting):
        placement = placements.propose(setting["staff"], new_placement(setting))
        assert placement.status == PlacementStatus.PROPOSED
        assert placement.participant.code.startswith("PAR-")
        assert CompanyLogEntry.objects.filter(action="approdo.company.placement").count() == 1

    @pytest.mark.parametrize(
        ("overrides", "field"),
        [
            ({"monthly_allowance": Decimal("500.01")}, "monthly_allowance"),
            ({"ends_on": datetime.date(2027, 1, 1)}, "ends_on"),
        ],
    )
    def test_bad_input_is_refused_and_nothing_stored(self, setting, overrides, field):
        with pytest.raises(ValidationError) as refused:
            placements.propose(setting["staff"], new_placement(setting, **overrides))
        assert field in refused.value.message_dict
        assert not Placement.objects.exists()

    def test_another_companys_site_is_refused(self, setting):
        foreign_site = OperatingSiteFactory()
        with pytest.raises(ValidationError):
            placements.propose(setting["staff"], new_placement(setting, site=foreign_site))

    def test_staff_of_another_territory_cannot_propose(self, setting):
        stranger = moderator_of(TerritoryFactory())
        admin_user(stranger, "companies.manage_placement")
        with pytest.raises(placements.NotPermitted):
            placements.propose(stranger, new_placement(setting))

    def test_only_approved_companies(self, setting):
        setting["company"].status = CompanyStatus.SUBMITTED
        setting["company"].save()
        with pytest.raises(placements.CompanyNotApproved):
            placements.propose(setting["staff"], new_placement(setting))


class TestCapacity:
    def test_beyond_capacity_is_refused_unless_overridden_with_the_permission(self, setting):
        # 8 employees: 2 interns at once.
        for _ in range(2):
            placements.propose(setting["staff"], new_placement(setting))
        with pytest.raises(placements.CapacityExceeded) as refused:
            placements.propose(setting["staff"], new_placement(setting))
        assert (refused.value.capacity, refused.value.occupied) == (2, 2)
        with pytest.raises(placements.CapacityExceeded):
            placements.propose(setting["staff"], new_placement(setting), override_capacity=True)
        admin_user(setting["staff"], "companies.override_capacity")
        setting["staff"] = type(setting["staff"]).objects.get(pk=setting["staff"].pk)
        placements.propose(setting["staff"], new_placement(setting), override_capacity=True)
        entry = (
            CompanyLogEntry.objects.filter(action="approdo.company.placement").order_by("pk").last()
        )
        assert entry.data["capacity_override"] is True

    def test_declined_and_ended_placements_free_their_place(self, setting):
        # 8 employees: 2 interns at once. A decline, a completion and a termination each
        # free one place, so five proposals fit and a sixth does not.
        staff, member, company = setting["staff"], setting["member"], setting["company"]
        first = placements.propose(staff, new_placement(setting))
        second = placements.propose(staff, new_placement(setting))
        placements.company_decision(member, company, first, accept=False, reason="Non adatto.")
        third = placements.propose(staff, new_placement(setting))
        for placement, end in ((second, "complete"), (third, "terminate")):
            placements.company_decision(member, company, placement, True)
            placements.staff_move(staff, placement, "start")
            with pytest.raises(placements.CapacityExceeded):
                placements.propose(staff, new_placement(setting))
            placements.staff_move(staff, placement, end, reason="Ritiro.")
            placements.propose(staff, new_placement(setting))
        assert set(Placement.objects.values_list("status", flat=True)) == {
            PlacementStatus.DECLINED,
            PlacementStatus.COMPLETED,
            PlacementStatus.TERMINATED,
            PlacementStatus.PROPOSED,
        }
        with pytest.raises(placements.CapacityExceeded) as refused:
            placements.propose(staff, new_placement(setting))
        assert (refused.value.capacity, refused.value.occupied) == (2, 2)

    def test_a_member_cannot_decide_on_another_companys_placement(self, setting):
        # Their own company passes the membership check; the placement is someone else's.
        other = CompanyFactory(territory=setting["territory"], status=CompanyStatus.APPROVED)
        accepted_documents(other)
        foreign = placements.propose(
            setting["staff"],
            new_placement(setting, company=other, site=OperatingSiteFactory(company=other)),
        )
        for accept in (True, False):
            with pytest.raises(placements.NotPermitted):
                placements.company_decision(
                    setting["member"], setting["company"], foreign, accept, reason="No."
                )
        foreign.refresh_from_db()
        assert foreign.status == PlacementStatus.PROPOSED
        assert not foreign.events.exclude(action="propose").exists()


class TestLifecycle:
    def test_the_whole_life_of_a_placement(self, setting):
        placement = placements.propose(setting["staff"], new_placement(setting))
        placements.company_decision(setting["member"], setting["company"], placement, True)
        for action in ("start", "suspend", "resume"):
            placements.staff_move(setting["staff"], placement, action)
        placements.staff_move(
            setting["staff"], placement, "extend", ends_on=datetime.date(2027, 10, 1)
        )
        placements.staff_move(setting["staff"], placement, "complete")
        placement.refresh_from_db()
        assert placement.status == PlacementStatus.COMPLETED
        assert placement.ends_on == datetime.date(2027, 10, 1)
        assert [e.action for e in placement.events.all()] == [
            "propose", "accept", "start", "suspend", "resume", "extend", "complete",
        ]  # fmt: skip
        # Each step names who took it, on the placement's timeline and in the audit log.
        staff, member = setting["staff"], setting["member"]
        assert [e.actor for e in placement.events.all()] == [staff, member] + [staff] * 5
        logged = CompanyLogEntry.objects.filter(action="approdo.company.placement")
        assert [entry.user for entry in logged.order_by("pk")] == [staff, member] + [staff] * 5

    @pytest.mark.parametrize(
        ("steps", "action"),
        [
            ([], "start"),  # not accepted yet
            ([], "complete"),
            (["accept"], "accept"),
            (["accept", "start", "complete"], "suspend"),
        ],
    )
    def test_illegal_moves_are_refused(self, setting, steps, action):
        placement = placements.propose(setting["staff"], new_placement(setting))
        for step in steps:
            if step == "accept":
                placements.company_decision(setting["member"], setting["company"], placement, True)
            else:
                placements.staff_move(setting["staff"], placement, step)
        with pytest.raises((IllegalTransition, placements.NotPermitted)):
            if action == "accept":
                placements.company_decision(setting["member"], setting["company"], placement, True)
            else:
                placements.staff_move(setting["staff"], placement, action)

    def test_declining_and_terminating_need_a_reason(self, setting):
        placement = placements.propose(setting["staff"], new_placement(setting))
        with pytest.raises(placements.ReasonRequired):
            placements.company_decision(
                setting["member"], setting["company"], placement, False, " "
            )
        placements.company_decision(setting["member"], setting["company"], placement, True)
        placements.staff_move(setting["staff"], placement, "start")
        with pytest.raises(placements.ReasonRequired):
            placements.staff_move(setting["staff"], placement, "terminate")
        placements.staff_move(setting["staff"], placement, "terminate", "Assunto altrove.")
        placement.refresh_from_db()
        assert placement.status == PlacementStatus.TERMINATED
        assert placement.reason == "Assunto altrove."

    def test_companies_act_only_on_their_own_placements(self, setting):
        placement = placements.propose(setting["staff"], new_placement(setting))
        other = MembershipFactory().user
        with pytest.raises(placements.NotPermitted):
            placements.company_decision(other, setting["company"], placement, True)
        with pytest.raises(placements.NotPermitted):
            placements.staff_move(setting["member"], placement, "start")

    def test_superusers_manage_everywhere_and_tutors_their_own(self, setting):
        placement = placements.propose(setting["staff"], new_placement(setting))
        placements.company_decision(setting["member"], setting["company"], placement, True)
        placements.staff_move(admin_user(StaffUserFactory()), placement, "start")
        tutor = moderator_of()  # no territory: acts through being the project tutor
        admin_user(tutor, "companies.manage_placement")
        with pytest.raises(placements.NotPermitted):
            placements.staff_move(tutor, placement, "suspend")
        Placement.objects.filter(pk=placement.pk).update(project_tutor=tutor)
        placements.staff_move(tutor, placement, "suspend")
        placement.refresh_from_db()
        assert placement.status == PlacementStatus.SUSPENDED


def test_only_active_users_with_the_permission_manage_placements():
    placement = PlacementFactory()
    tutor = UserFactory(is_staff=True)  # follows the placement but lacks the permission
    Placement.objects.filter(pk=placement.pk).update(project_tutor=tutor)
    assert list(Placement.objects.manageable_by(StaffUserFactory())) == [placement]
    assert not Placement.objects.manageable_by(StaffUserFactory(is_active=False)).exists()
    assert not Placement.objects.manageable_by(tutor).exists()
    assert not Placement.objects.manageable_by(None).exists()
