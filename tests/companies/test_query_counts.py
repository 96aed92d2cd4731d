"""Company pages issue the same number of queries whatever the amount of data behind them."""

import datetime
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from companies.models import MembershipRole, Placement, PlacementStatus
from companies.services.status import move_company
from participants.models import Participant
from tests.factories.companies import (
    CompanyDeclarationFactory,
    CompanyFactory,
    InvitationFactory,
    JoinRequestFactory,
    MembershipFactory,
    OperatingSiteFactory,
    PositionFactory,
)

pytestmark = pytest.mark.django_db

# Ceilings include the session, the user, the site settings and the menu of the base page;
# the dashboard's include one query for the interns' months of attendance to sign.
DASHBOARD_MAX = 15
TEAM_MAX = 20
INDEX_MAX = 13


def queries(client, path):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(path)
    assert response.status_code == 200, response
    return len(captured)


def grow(company, size):
    """Gives a company ``size`` sites, positions, members, invitations, requests, events."""
    sites = OperatingSiteFactory.create_batch(size, company=company)
    for site in sites:
        PositionFactory(company=company, site=site)
    MembershipFactory.create_batch(size, company=company, role=MembershipRole.MEMBER)
    InvitationFactory.create_batch(size, company=company)
    JoinRequestFactory.create_batch(size, company=company)
    CompanyDeclarationFactory.create_batch(size, company=company)
    for _ in range(size):
        move_company(company, "submit")
        move_company(company, "request_changes", message="Aggiornare la PEC.")
    add_placements(company, sites[0], size)


def add_placements(company, site, count):
    """``count`` placements (half of them proposed, so the to-do list has work too)."""
    interns = Participant.objects.bulk_create(
        [
            Participant(given_name=f"Nome{n}", family_name="Prova", territory=company.territory)
            for n in range(count)
        ]
    )
    Placement.objects.bulk_create(
        [
            Placement(
                participant=intern,
                company=company,
                site=site,
                starts_on=datetime.date(2027, 2, 1),
                ends_on=datetime.date(2027, 8, 1),
                weekly_hours=20,
                schedule="9–13",
                monthly_allowance=Decimal("500"),
                company_tutor_name="Paolo Verdi",
                status=PlacementStatus.PROPOSED if n % 2 else PlacementStatus.ACTIVE,
            )
            for n, intern in enumerate(interns)
        ]
    )


@pytest.fixture
def admin_client(client):
    def make(size):
        membership = MembershipFactory(role=MembershipRole.ADMIN)
        grow(membership.company, size)
        # Other companies of the same user feed the switcher.
        for _ in range(size):
            MembershipFactory(user=membership.user)
        client.force_login(membership.user)
        return membership.company

    return make


@pytest.mark.parametrize(("name", "ceiling"), [("dashboard", DASHBOARD_MAX), ("team", TEAM_MAX)])
def test_company_pages_do_not_grow_with_data(admin_client, client, name, ceiling):
    counts = []
    for size in (1, 6):  # every related list grows sixfold: a query per row would show
        company = admin_client(size)
        with translation.override("it"):
            path = reverse(f"companies:{name}", args=[company.pk])
        client.get(path)  # warm Wagtail's site and locale caches
        counts.append(queries(client, path))
    assert counts[0] == counts[1], counts
    assert counts[1] <= ceiling, counts


def test_company_index_does_not_grow_with_companies(client):
    counts = []
    for size in (2, 40):
        membership = MembershipFactory()
        for company in CompanyFactory.create_batch(size - 1):
            MembershipFactory(user=membership.user, company=company)
        JoinRequestFactory.create_batch(3, user=membership.user)
        client.force_login(membership.user)
        client.get("/it/companies/")
        counts.append(queries(client, "/it/companies/"))
    assert counts[0] == counts[1], counts
    assert counts[1] <= INDEX_MAX, counts


def test_dashboard_queries_do_not_grow_from_1_to_200_placements(client):
    counts = []
    for size in (1, 200):
        membership = MembershipFactory(role=MembershipRole.ADMIN)
        site = OperatingSiteFactory(company=membership.company)
        add_placements(membership.company, site, size)
        client.force_login(membership.user)
        with translation.override("it"):
            path = reverse("companies:dashboard", args=[membership.company.pk])
        client.get(path)
        counts.append(queries(client, path))
    assert counts[0] == counts[1], counts
    assert counts[1] <= DASHBOARD_MAX, counts
