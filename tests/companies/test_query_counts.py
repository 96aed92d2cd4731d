"""Company pages issue the same number of queries whatever the amount of data behind them."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from companies.models import MembershipRole
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

# Ceilings include the session, the user, the site settings and the menu of the base page.
DASHBOARD_MAX = 25
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
        company.transition("submit")
        company.transition("request_changes", message="Aggiornare la PEC.")


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
    for size in (1, 30):
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
