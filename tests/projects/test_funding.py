"""A project's funding, partners and targets; the EU emblem only where EU funds are."""

import datetime
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from home.models import FundingDisclosure, SiteSettings
from projects.funding import FundingKind, FundingSource, Partnership, TerritoryTarget
from projects.models import Project
from tests.factories.companies import TerritoryFactory
from tests.factories.pages import (
    NewsIndexPageFactory,
    NewsPageFactory,
    ProjectPageFactory,
    StandardPageFactory,
    home_page,
)
from tests.factories.participants import ProjectFactory

pytestmark = pytest.mark.django_db

EMBLEM = "eu-emblem.svg"
EU_LINE = "Co-funded by the European Union"


@pytest.fixture
def pages(settings):
    settings.APPRODO_PAGE_CACHE_SECONDS = 0
    home = home_page()
    eu_page = ProjectPageFactory(parent=home, slug="eu", programme="Scheda")
    local_page = ProjectPageFactory(parent=home, slug="locale", programme="Scheda")
    news_index = NewsIndexPageFactory(parent=home)
    local_news = NewsPageFactory(parent=news_index, slug="locale-news", project=local_page)
    other = StandardPageFactory(parent=home, slug="chi-siamo")
    eu = ProjectFactory(page=eu_page, programme="PR FSE+ Toscana 2021–2027")
    FundingSource.objects.create(
        project=eu, kind=FundingKind.EU_ESF_PLUS, funder="Regione Toscana", amount=900000
    )
    local = ProjectFactory(page=local_page, programme="Bando welfare 2026")
    FundingSource.objects.create(
        project=local, kind=FundingKind.FOUNDATION, funder="Fondazione del Monte", amount=80000
    )
    FundingSource.objects.create(
        project=local, kind=FundingKind.MUNICIPALITY, funder="Comune di Poggibonsi", amount=20000
    )
    return {"eu": eu_page, "local": local_page, "local_news": local_news, "other": other}


def disclose_site_wide():
    disclosure = FundingDisclosure.objects.create(
        name="FSE+", programme="PR FSE+ Toscana 2021–2027", statement="Progetto cofinanziato."
    )
    SiteSettings.objects.update_or_create(
        site=home_page().get_site(), defaults={"funding_disclosure": disclosure}
    )


def english(client, page):
    with translation.override("en"):
        return client.get(page.url, HTTP_ACCEPT_LANGUAGE="en").content.decode()


def test_an_eu_funded_project_page_shows_the_emblem_and_its_sources(client, pages):
    html = client.get(pages["eu"].url).content.decode()
    assert EMBLEM in html
    assert "PR FSE+ Toscana 2021–2027" in html
    assert "Regione Toscana" in html and "900.000,00" in html


def test_a_project_without_eu_funds_never_shows_the_emblem(client, pages):
    disclose_site_wide()  # even when the site as a whole discloses EU funding
    for page in (pages["local"], pages["local_news"]):
        html = client.get(page.url).content.decode()
        assert EMBLEM not in html, page.url
        assert "Fondazione del Monte, Comune di Poggibonsi" in html
        assert "Bando welfare 2026" in html


def test_other_pages_follow_the_site_statement(client, pages):
    assert EMBLEM not in client.get(pages["other"].url).content.decode()  # nothing disclosed
    disclose_site_wide()
    html = client.get(pages["other"].url).content.decode()
    assert EMBLEM in html and "Progetto cofinanziato." in html


def test_adding_eu_funds_brings_the_emblem(client, pages):
    assert EMBLEM not in client.get(pages["local"].url).content.decode()
    project = Project.objects.get(page=pages["local"])
    FundingSource.objects.create(
        project=project, kind=FundingKind.EU_ESF_PLUS, funder="FSE+", amount=Decimal("1")
    )
    assert project.has_eu_funds
    assert EMBLEM in client.get(pages["local"].url).content.decode()


def test_the_funding_is_read_once_and_follows_every_change(client, pages):
    client.get(pages["local_news"].url)
    with CaptureQueriesContext(connection) as queries:
        html = client.get(pages["local_news"].url).content.decode()
    assert "Fondazione del Monte" in html
    assert not [q for q in queries if "projects_fundingsource" in q["sql"]]
    source = FundingSource.objects.get(funder="Fondazione del Monte")
    source.funder = "Fondazione Monte dei Paschi"
    source.save()
    assert "Fondazione Monte dei Paschi" in client.get(pages["local_news"].url).content.decode()
    source.delete()
    assert "Fondazione Monte dei Paschi" not in client.get(pages["local_news"].url).content.decode()


def test_the_funding_kinds_are_named_in_the_readers_language(pages):
    from projects.wagtail_hooks import project_funding

    with translation.override("it"):
        italian = project_funding(pages["local"]).sources
    with translation.override("en"):
        english_labels = project_funding(pages["local"]).sources
    assert {label for label, _funder, _amount in english_labels} == {"Foundation", "Municipality"}
    assert italian != english_labels


def test_a_funding_change_purges_the_page_cache(pages, django_capture_on_commit_callbacks):
    from unittest import mock

    project = Project.objects.get(page=pages["local"])
    with (
        mock.patch("home.cache.purge_everything") as purge,
        django_capture_on_commit_callbacks(execute=True),
    ):
        project.funding_sources.first().delete()
    purge.assert_called()


def edit_url(project):
    with translation.override("en"):
        return reverse("projects_admin:edit", args=[project.pk])


def inline(prefix, rows):
    data = {
        f"{prefix}-TOTAL_FORMS": str(len(rows)),
        f"{prefix}-INITIAL_FORMS": "0",
        f"{prefix}-MIN_NUM_FORMS": "0",
        f"{prefix}-MAX_NUM_FORMS": "1000",
    }
    for index, row in enumerate(rows):
        for key, value in {**row, "ORDER": str(index + 1), "DELETE": ""}.items():
            data[f"{prefix}-{index}-{key}"] = value
    return data


def project_form(project, territory, **changes):
    data = {
        "name": project.name,
        "code": project.code,
        "cup": "D12H23000450006",
        "funder": "Regione Toscana",
        "programme": "PR FSE+ Toscana 2021–2027",
        "starts_on": "2026-01-01",
        "ends_on": "2028-12-31",
        "territories": [str(territory.pk)],
        "target_people": "800",
        "target_women_percent": "55",
        "target_internships": "196",
        "target_hires": "60",
        "target_hours": "120",
        **inline(
            "funding_sources",
            [
                {"kind": "eu_esf_plus", "funder": "Regione Toscana (FSE+)", "amount": "1000000"},
                {"kind": "municipality", "funder": "Comune di Siena", "amount": "50000"},
            ],
        ),
        **inline("partners", [{"name": "Coop. Il Ponte", "role": "lead", "tasks": "guidance"}]),
        **inline("territory_targets", [{"territory": str(territory.pk), "people": "400"}]),
    }
    data.update(changes)
    return data


def test_staff_record_funding_partners_and_targets_in_one_form(staff_client):
    project = ProjectFactory()
    territory = TerritoryFactory()
    response = staff_client.post(edit_url(project), project_form(project, territory))
    assert response.status_code == 302, response.context["form"].errors
    project.refresh_from_db()
    assert project.cup == "D12H23000450006"
    assert (project.target_women_percent, project.target_internships) == (55, 196)
    assert project.has_eu_funds and project.funding_total == Decimal("1050000")
    assert list(Partnership.objects.values_list("name", "role")) == [("Coop. Il Ponte", "lead")]
    assert TerritoryTarget.objects.get().people == 400


@pytest.mark.parametrize(
    ("field", "value"),
    [("cup", "D12-H23"), ("target_women_percent", "120"), ("funding_sources-0-amount", "-5")],
)
def test_bad_project_input_is_refused_and_stores_nothing(staff_client, field, value):
    project = ProjectFactory(cup="")
    territory = TerritoryFactory()
    response = staff_client.post(
        edit_url(project), project_form(project, territory, **{field: value})
    )
    assert response.status_code == 200
    project.refresh_from_db()
    assert project.cup == "" and not FundingSource.objects.exists()
    assert not TerritoryTarget.objects.exists()


def test_a_territory_has_one_target_per_project():
    from django.db import IntegrityError, transaction

    project, territory = ProjectFactory(), TerritoryFactory()
    TerritoryTarget.objects.create(project=project, territory=territory, people=10)
    with pytest.raises(IntegrityError), transaction.atomic():
        TerritoryTarget.objects.create(project=project, territory=territory, people=20)
    assert datetime.date(2026, 1, 1) == project.starts_on
