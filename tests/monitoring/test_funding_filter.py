"""Annex I by funding source: an operation co-financed by a kind of fund reports all its
participants, a project without that kind reports none of them; the downloads say which
funding source they cover; the cost does not grow with the people."""

import datetime
import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from openpyxl import load_workbook

from monitoring.indicators import Scope, counts
from monitoring.results import result_counts
from participants.models import Path
from tests.factories.companies import TerritoryFactory
from tests.factories.participants import FundingSourceFactory, ProjectFactory, moderator_for
from tests.monitoring.test_indicators import _monitoring_user, born, enter, url

pytestmark = pytest.mark.django_db

ESF = "eu_esf_plus"
START, END = datetime.date(2026, 1, 1), datetime.date(2028, 12, 31)


@pytest.fixture
def projects():
    """An ESF+ co-financed project (ESF+ and the Region) with 7 people, 2 of whom left, and
    a project paid by the municipality alone with 9 people, 3 of whom left."""
    esf = ProjectFactory(code="apuane-fse")
    esf.territories.add(TerritoryFactory(name="Massa"))
    FundingSourceFactory(project=esf, kind=ESF)
    FundingSourceFactory(project=esf, kind="region", funder="Regione Toscana")
    municipal = ProjectFactory(code="carrara-comune")
    municipal.territories.add(TerritoryFactory(name="Carrara"))
    FundingSourceFactory(project=municipal, kind="municipality", funder="Comune di Carrara")
    for project, people, leavers in ((esf, 7, 2), (municipal, 9, 3)):
        for index in range(people):
            person = enter(project, gender="female", date_of_birth=born(40))
            if index < leavers:
                Path.objects.filter(participant=person).update(
                    exited_on=datetime.date(2026, 6, 1), exit_outcome="employed"
                )
    return esf, municipal


def by_kind(kind, project=None):
    return Scope(project=project, starts_on=START, ends_on=END, funding_kind=kind)


@pytest.mark.usefixtures("projects")
def test_a_funding_source_counts_everyone_in_the_projects_it_cofinances():
    columns, margin, entry, _special = counts(by_kind(ESF))
    assert [territory.name for territory in columns] == ["Massa"]
    assert margin == [7, 7]
    assert entry["gender"][0] == [7, 7]  # women
    assert counts(by_kind("municipality"))[1] == [9, 9]
    assert counts(by_kind("region"))[1] == [7, 7]  # the same operation, by its other fund
    assert counts(by_kind("foundation"))[1] == [0]
    _columns, leavers, _groups = result_counts(by_kind(ESF))
    assert leavers == [2, 2]


def test_a_project_and_a_funding_source_together_narrow_each_other(projects):
    esf, municipal = projects
    assert counts(by_kind(ESF, project=esf))[1] == [7, 7]
    assert counts(by_kind(ESF, project=municipal))[1][-1] == 0


def test_two_sources_of_the_same_kind_do_not_count_people_twice(projects):
    esf, _municipal = projects
    FundingSourceFactory(project=esf, kind=ESF, funder="FSE+ second call")
    assert counts(by_kind(ESF))[1] == [7, 7]


def test_the_page_and_the_xlsx_name_the_funding_source(client, projects, no_staff_mfa):
    client.force_login(_monitoring_user())
    response = client.get(url(funding_kind=ESF))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Funding source: European Union – ESF+" in html
    assert "Every project co-financed by the funding source" in html
    assert "whatever its share" in html  # the rule, in the field's help text
    download = client.get(url(funding_kind=ESF, export="xlsx"))
    assert (
        'filename="approdo-annex-i-eu-esf-plus-2026-01-01-2028-12-31.xlsx"'
        in (download["Content-Disposition"])
    )
    book = load_workbook(io.BytesIO(download.content))
    assert book.properties.title == "ESF+ indicators (Annex I)"
    entry_sheet = book.worksheets[0]
    header = [row[0] for row in entry_sheet.iter_rows(max_row=5, values_only=True)]
    assert header[0] == "ESF+ indicators (Annex I)"
    assert "Funding source: European Union – ESF+" in header
    assert "Period: 2026-01-01 to 2028-12-31" in header
    participants = next(
        row for row in entry_sheet.iter_rows(values_only=True) if row[0] == "Participants"
    )
    assert participants[-1] == 7  # the municipal project's 9 are not in it


def test_the_form_asks_for_a_project_or_a_funding_source(client, projects, no_staff_mfa):
    client.force_login(_monitoring_user())
    response = client.get(url(territory=""))
    assert "Choose a project, a funding source or both." in response.content.decode()
    assert response.context["tables"] == []
    response = client.get(url(funding_kind="foundation"))
    assert "No project is co-financed by this kind of fund." in response.content.decode()


def test_others_do_not_reach_the_funding_source_report(client, projects, no_staff_mfa):
    esf, _municipal = projects
    client.force_login(moderator_for(esf.territories.first()))
    assert client.get(url(funding_kind=ESF)).status_code == 404
    assert client.get(url(funding_kind=ESF, export="xlsx")).status_code == 404


@pytest.mark.parametrize("export", ["", "xlsx"])
def test_the_report_by_funding_source_costs_the_same_queries_at_two_sizes(
    client, no_staff_mfa, export
):
    user = _monitoring_user()
    client.force_login(user)

    def queries(people):
        project = ProjectFactory()
        FundingSourceFactory(project=project, kind=ESF)
        for _ in range(people):
            enter(project, gender="female")
        client.get(url(funding_kind=ESF, export=export))  # warm the session and caches
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url(funding_kind=ESF, export=export)).status_code == 200
        return len(captured)

    assert queries(3) == queries(12)


@pytest.mark.parametrize("by", ["project", "funding_kind"])
def test_the_report_page_costs_the_same_queries_at_two_sizes(client, no_staff_mfa, by):
    client.force_login(_monitoring_user())

    def queries(people):
        project = ProjectFactory()
        FundingSourceFactory(project=project, kind=ESF)
        for index in range(people):
            person = enter(project, gender="female")
            if index % 2:
                Path.objects.filter(participant=person).update(exited_on=datetime.date(2026, 5, 1))
        params = {"project": project.pk} if by == "project" else {"funding_kind": ESF}
        client.get(url(**params))
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url(**params)).status_code == 200
        return len(captured)

    assert queries(3) == queries(14)
