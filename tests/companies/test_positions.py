"""Step 3: positions offered, validated on their own, tied to the company's sites and calls."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from companies.models import Position
from companies.services.status import move_company
from tests.factories.companies import CompanyFactory, MembershipFactory, OperatingSiteFactory
from tests.factories.pages import CallIndexPageFactory, CallPageFactory, home_page
from tests.factories.users import UserFactory
from tests.forms import assert_form_error

pytestmark = pytest.mark.django_db


def make_site(company, name="Laboratorio"):
    return OperatingSiteFactory(company=company, name=name)


def position_data(site, **overrides):
    data = {
        "title": "Aiuto cuoco",
        "site": str(site.pk),
        "call": "",
        "tasks": "Preparazione delle verdure, pulizia della cucina.",
        "weekly_hours": "20",
        "schedule": "Lunedì–venerdì, 9–13",
        "places": "2",
        "starts_on": "2027-01-10",
        "ends_on": "2027-07-10",
        "accommodations": "Orario flessibile.",
        "requirements": "",
    }
    data.update(overrides)
    return data


@pytest.fixture
def member(client):
    user = UserFactory()
    client.force_login(user)
    company = MembershipFactory(user=user).company
    return client, company, make_site(company)


def add_url(company):
    return reverse("companies:position_add", args=[company.pk])


def test_add_change_and_remove_a_position(member):
    client, company, site = member
    assert client.post(add_url(company), position_data(site)).status_code == 302
    position = company.positions.get()
    assert (position.weekly_hours, position.places, position.site) == (20, 2, site)
    client.post(
        reverse("companies:position_edit", args=[company.pk, position.pk]),
        position_data(site, places="3"),
    )
    position.refresh_from_db()
    assert position.places == 3
    assert "Aiuto cuoco" in client.get(reverse("companies:positions", args=[company.pk])).text
    client.post(reverse("companies:position_delete", args=[company.pk, position.pk]))
    assert not company.positions.exists()


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("weekly_hours", "60", "minore o uguale a 40"),
        ("weekly_hours", "2", "maggiore o uguale a 5"),
        ("places", "0", "almeno un posto"),
        ("ends_on", "2026-12-01", "prima del suo inizio"),
        ("title", "", "obbligatorio"),
    ],
)
def test_bad_input_is_refused(member, field, value, message):
    client, company, site = member
    response = client.post(add_url(company), position_data(site, **{field: value}))
    assert response.status_code == 200
    assert message in response.text
    assert not Position.objects.exists()


def test_another_companys_site_cannot_be_used(member):
    client, company, _site = member
    foreign_site = make_site(CompanyFactory(), name="Altrui")
    response = client.post(add_url(company), position_data(foreign_site))
    assert_form_error(response, "site")
    assert not Position.objects.exists()


def test_another_companys_position_is_a_404(member):
    client, company, site = member
    other = CompanyFactory()
    foreign = Position.objects.create(
        company=other,
        site=make_site(other),
        title="Magazziniere",
        tasks="-",
        weekly_hours=20,
        schedule="-",
        places=1,
        starts_on=datetime.date(2027, 1, 1),
        ends_on=datetime.date(2027, 6, 30),
    )
    for company_pk in (company.pk, other.pk):
        for name in ("position_edit", "position_delete"):
            url = reverse(f"companies:{name}", args=[company_pk, foreign.pk])
            assert client.post(url, position_data(site, title="Preso")).status_code == 404
    foreign.refresh_from_db()
    assert foreign.title == "Magazziniere"


def test_the_call_the_company_came_from_is_preselected(member):
    client, company, site = member
    call = CallPageFactory(parent=CallIndexPageFactory(parent=home_page()), title="Avviso imprese")
    client.get(f"/it/companies/?call={call.translation_key}")
    form = client.get(add_url(company)).text
    assert f'<option value="{call.pk}" selected>' in form
    client.post(add_url(company), position_data(site, call=str(call.pk)))
    assert company.positions.get().call == call


def test_a_closed_call_is_refused_with_a_clear_message(member):
    client, company, site = member
    now = timezone.now()
    closed = CallPageFactory(
        parent=CallIndexPageFactory(parent=home_page()),
        title="Avviso 2025",
        opens_at=now - datetime.timedelta(days=200),
        closes_at=now - datetime.timedelta(days=100),
    )
    response = client.post(add_url(company), position_data(site, call=str(closed.pk)))
    assert "non è aperto" in response.text
    assert not Position.objects.exists()


def test_positions_are_frozen_while_under_review(member):
    client, company, site = member
    client.post(add_url(company), position_data(site))
    move_company(company, "submit")
    client.post(add_url(company), position_data(site, title="Altro"))
    assert list(company.positions.values_list("title", flat=True)) == ["Aiuto cuoco"]


def test_without_a_site_the_company_is_sent_to_add_one(client):
    user = UserFactory()
    client.force_login(user)
    company = MembershipFactory(user=user).company
    response = client.get(add_url(company))
    assert response["Location"] == reverse("companies:site_add", args=[company.pk])


def test_a_site_with_positions_cannot_be_removed(member):
    client, company, site = member
    client.post(add_url(company), position_data(site))
    response = client.post(
        reverse("companies:site_delete", args=[company.pk, site.pk]), follow=True
    )
    assert response.status_code == 200
    assert "rimuovili o spostali" in response.text
    assert company.sites.filter(pk=site.pk).exists()
    assert company.positions.count() == 1
