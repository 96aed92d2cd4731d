"""Internship attendance confirmed by the host company month by month, countersigned by its
tutor, then locked: corrections are staff adjustments. Company scoping, double clicks, bad
input, the staff page, and the dashboard's query count."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation

from companies.models import CompanyStatus, Membership, MembershipRole, PlacementStatus
from participants.models import InternshipAdjustment, InternshipMonth
from participants.services import internship
from participants.services.errors import NotPermitted
from tests.factories.companies import CompanyFactory, MembershipFactory, PlacementFactory
from tests.factories.participants import moderator_for

pytestmark = pytest.mark.django_db


def url(name, *args, language="it"):
    with translation.override(language):
        return reverse(name, args=args)


def months_ago(count):
    today = timezone.localdate().replace(day=1)
    for _ in range(count):
        today = (today - datetime.timedelta(days=1)).replace(day=1)
    return today


def running_placement(company=None, **kwargs):
    """An active placement that began three months ago."""
    options = {"company": company} if company else {}
    placement = PlacementFactory(
        status=PlacementStatus.ACTIVE,
        starts_on=months_ago(3),
        ends_on=months_ago(3) + datetime.timedelta(days=183),
        **options,
        **kwargs,
    )
    return placement


@pytest.fixture
def host():
    placement = running_placement()
    confirmer = MembershipFactory(company=placement.company, role=MembershipRole.ADMIN).user
    tutor = MembershipFactory(company=placement.company).user
    return {"placement": placement, "confirmer": confirmer, "tutor": tutor}


def confirm(client, placement, month, days="18", hours="72"):
    return client.post(
        url("companies:internship_attendance", placement.company_id, placement.pk),
        {
            "action": "confirm",
            "month": month.isoformat(),
            f"{month}-days": days,
            f"{month}-hours": hours,
        },
    )


def countersign(client, placement, month):
    return client.post(
        url("companies:internship_attendance", placement.company_id, placement.pk),
        {"action": "countersign", "month": month.isoformat()},
    )


def test_the_company_confirms_and_the_tutor_countersigns(client, host):
    placement, month = host["placement"], months_ago(2)
    client.force_login(host["confirmer"])
    page = client.get(url("companies:internship_attendance", placement.company_id, placement.pk))
    assert page.status_code == 200 and f'id="month-{month:%Y-%m}"' in page.text
    assert confirm(client, placement, month).status_code == 302
    row = InternshipMonth.objects.get(placement=placement, month=month)
    assert (row.days, row.hours, row.confirmed_by) == (18, Decimal("72.0"), host["confirmer"])
    assert not row.locked
    # The confirmer cannot countersign their own confirmation.
    countersign(client, placement, month)
    row.refresh_from_db()
    assert not row.locked
    client.force_login(host["tutor"])
    assert countersign(client, placement, month).status_code == 302
    row.refresh_from_db()
    assert row.locked and row.countersigned_by == host["tutor"]


def test_a_second_confirmation_of_the_same_month_is_refused(client, host):
    placement, month = host["placement"], months_ago(1)
    client.force_login(host["confirmer"])
    confirm(client, placement, month, days="10", hours="40")
    response = confirm(client, placement, month, days="20", hours="80")
    assert response.status_code == 302
    row = InternshipMonth.objects.get(placement=placement, month=month)
    assert (row.days, row.hours) == (10, Decimal("40.0"))
    with pytest.raises(internship.AlreadyConfirmed):
        internship.confirm_month(host["tutor"], placement, month, days=5, hours=20)


def test_a_countersigned_month_is_not_countersigned_again(host):
    placement, month = host["placement"], months_ago(1)
    row = internship.confirm_month(host["confirmer"], placement, month, days=10, hours=40)
    internship.countersign_month(host["tutor"], row)
    with pytest.raises(internship.AlreadyCountersigned):
        internship.countersign_month(host["tutor"], row)


def test_the_tutor_named_on_the_placement_countersigns_when_they_have_an_account(host):
    placement = host["placement"]
    placement.company_tutor_email = host["tutor"].email.upper()
    placement.save()
    third = MembershipFactory(company=placement.company).user
    row = internship.confirm_month(host["confirmer"], placement, months_ago(1), days=3, hours=9)
    with pytest.raises(ValidationError):
        internship.countersign_month(third, row)
    internship.countersign_month(host["tutor"], row)
    # When the named tutor confirmed, another member countersigns.
    row = internship.confirm_month(host["tutor"], placement, months_ago(2), days=3, hours=9)
    internship.countersign_month(third, row)


@pytest.mark.parametrize(
    ("days", "hours", "message"),
    [
        ("40", "10", "I giorni devono essere tra 0 e"),
        ("2", "30", "Le ore devono essere tra 0 e 24 per 2 giorni."),
        ("due", "10", "Inserisci un numero intero."),
        ("", "", "Questo campo è obbligatorio."),
    ],
)
def test_bad_numbers_store_nothing_and_say_why_in_the_users_language(
    client, host, days, hours, message
):
    client.force_login(host["confirmer"])
    response = confirm(client, host["placement"], months_ago(1), days=days, hours=hours)
    assert response.status_code == 200
    assert not InternshipMonth.objects.exists()
    assert message in response.text
    assert "Nulla è stato salvato" in response.text or "Nothing was saved" not in response.text


def test_a_month_not_begun_or_outside_the_placement_is_refused(host):
    placement = host["placement"]
    next_month = (timezone.localdate().replace(day=28) + datetime.timedelta(days=5)).replace(day=1)
    for month in (next_month, months_ago(5)):
        with pytest.raises(ValidationError):
            internship.confirm_month(host["confirmer"], placement, month, days=1, hours=4)
    assert not InternshipMonth.objects.exists()


def test_only_members_of_the_company_sign(host):
    outsider = MembershipFactory().user
    with pytest.raises(NotPermitted):
        internship.confirm_month(outsider, host["placement"], months_ago(1), days=1, hours=4)
    row = internship.confirm_month(
        host["confirmer"], host["placement"], months_ago(1), days=1, hours=4
    )
    with pytest.raises(NotPermitted):
        internship.countersign_month(outsider, row)


def test_another_companys_placement_is_a_404(client, host):
    mine = MembershipFactory(company=CompanyFactory(status=CompanyStatus.APPROVED)).user
    running_placement(company=mine.memberships.get().company)
    client.force_login(mine)
    own_company = mine.memberships.get().company_id
    foreign = host["placement"]
    address = url("companies:internship_attendance", own_company, foreign.pk)
    assert client.get(address).status_code == 404
    response = client.post(
        address,
        {"action": "confirm", "month": months_ago(1).isoformat(), "days": "1", "hours": "1"},
    )
    assert response.status_code == 404
    # The foreign company's own address is a 404 too: the user is not a member.
    foreign_address = url("companies:internship_attendance", foreign.company_id, foreign.pk)
    assert client.get(foreign_address).status_code == 404
    assert not InternshipMonth.objects.exists()


def test_a_placement_not_started_has_no_attendance_page(client, host):
    placement = host["placement"]
    placement.status = PlacementStatus.PROPOSED
    placement.save()
    client.force_login(host["confirmer"])
    address = url("companies:internship_attendance", placement.company_id, placement.pk)
    assert client.get(address).status_code == 404


def test_corrections_after_the_countersignature_are_logged_adjustments(client, host, no_staff_mfa):
    placement, month = host["placement"], months_ago(1)
    row = internship.confirm_month(host["confirmer"], placement, month, days=10, hours=40)
    staff = moderator_for(placement.participant.territory)
    with pytest.raises(ValidationError):
        internship.adjust_month(staff, row, days=9, hours=36, reason="Un giorno di malattia")
    internship.countersign_month(host["tutor"], row)
    client.force_login(staff)
    address = url("participants_admin:adjust_month", row.pk, language="en")
    response = client.post(address, {"days": "9", "hours": "36", "reason": ""})
    assert response.status_code == 200 and not InternshipAdjustment.objects.exists()
    response = client.post(address, {"days": "9", "hours": "36", "reason": "Giorno non svolto"})
    assert response.status_code == 302
    row.refresh_from_db()
    assert (row.days, row.hours) == (10, Decimal("40.0"))  # the signed values stay
    adjustment = row.adjustments.get()
    assert (adjustment.days_delta, adjustment.hours_delta) == (-1, Decimal("-4.0"))
    assert internship.confirmed_hours([placement.participant_id]) == {
        placement.participant_id: Decimal("36.0")
    }
    # The company cannot confirm the month again.
    with pytest.raises(internship.AlreadyConfirmed):
        internship.confirm_month(host["confirmer"], placement, month, days=10, hours=40)


def test_staff_see_the_confirmed_months_on_the_persons_page(client, host, no_staff_mfa):
    placement = host["placement"]
    row = internship.confirm_month(host["confirmer"], placement, months_ago(1), days=10, hours=40)
    internship.countersign_month(host["tutor"], row)
    staff = moderator_for(placement.participant.territory)
    client.force_login(staff)
    person = placement.participant
    page = client.get(url("participants_admin:inspect", person.pk, language="en")).text
    assert 'id="internship-months"' in page and placement.company.legal_name in page
    assert url("participants_admin:adjust_month", row.pk, language="en") in page
    # Staff of another territory: the correction form is a 404.
    other = moderator_for(CompanyFactory().territory)
    client.force_login(other)
    assert (
        client.get(url("participants_admin:adjust_month", row.pk, language="en")).status_code == 404
    )
    with pytest.raises(NotPermitted):
        internship.adjust_month(other, row, days=1, hours=1, reason="x")


def dashboard_queries(client, size):
    membership = MembershipFactory(
        role=MembershipRole.ADMIN, company=CompanyFactory(status=CompanyStatus.APPROVED)
    )
    company = membership.company
    other = MembershipFactory(company=company).user
    for _ in range(size):
        placement = running_placement(company=company)
        internship.confirm_month(other, placement, months_ago(2), days=10, hours=40)
        row = internship.confirm_month(other, placement, months_ago(1), days=10, hours=40)
        internship.countersign_month(membership.user, row)
    client.force_login(membership.user)
    address = url("companies:dashboard", company.pk)
    client.get(address)
    with CaptureQueriesContext(connection) as captured:
        response = client.get(address)
    assert response.status_code == 200
    assert response.text.count("internship_attendance") == 0  # the links are resolved
    assert response.text.count("/attendance/") >= 2 * size
    return len(captured)


def test_the_dashboard_does_not_grow_with_placements(client):
    assert dashboard_queries(client, 1) == dashboard_queries(client, 8)


def test_membership_is_checked_again_by_the_service(host):
    Membership.objects.filter(user=host["tutor"]).delete()
    row = internship.confirm_month(
        host["confirmer"], host["placement"], months_ago(1), days=1, hours=4
    )
    with pytest.raises(NotPermitted):
        internship.countersign_month(host["tutor"], row)
