"""A company user who opens /admin/ lands in the company area with a word why, no loop."""

import pytest
from django.urls import reverse
from django.utils import translation

from tests.factories.companies import CompanyStatus, MembershipFactory
from tests.factories.users import UserFactory

pytestmark = pytest.mark.django_db

WHY = "L&#x27;area di amministrazione è per lo staff del progetto"


def company_url(name, *args):
    with translation.override("it"):
        return reverse(f"companies:{name}", args=args)


@pytest.mark.parametrize("path", ["/admin/", "/admin/pages/", "/admin/reports/site-history/"])
def test_one_redirect_to_the_company_area_not_to_the_login(client, path):
    client.force_login(MembershipFactory(user__preferred_language="it").user)
    response = client.get(path)
    assert response.status_code == 302
    assert response["Location"] == company_url("index")
    assert "login" not in response["Location"]


def test_followed_to_the_end_it_is_the_dashboard_with_the_message(client):
    membership = MembershipFactory(
        company__status=CompanyStatus.APPROVED, user__preferred_language="it"
    )
    client.force_login(membership.user)
    response = client.get("/admin/", follow=True)
    assert response.status_code == 200
    assert [url for url, _ in response.redirect_chain] == [
        company_url("index"),
        company_url("dashboard", membership.company.pk),
    ]
    assert WHY in response.text


def test_a_user_without_a_company_is_sent_to_start_one(client):
    client.force_login(UserFactory(preferred_language="it"))
    response = client.get("/admin/", follow=True)
    assert response.status_code == 200
    assert response.redirect_chain[-1][0] == company_url("start")
    assert WHY in response.text


def test_the_back_office_still_answers_403(client):
    client.force_login(MembershipFactory().user)
    assert client.get("/admin/host-companies/companies/").status_code == 403


def test_staff_still_open_the_admin(staff_client):
    assert staff_client.get("/admin/").status_code == 200
