"""The project report's CSV and XLSX exports, and its query count at two sizes."""

import csv
from io import BytesIO, StringIO

import openpyxl
import pytest

from companies.models import Placement, PlacementEvent
from participants.models import Participant
from tests.companies.test_report import (
    COMPANY_HEADINGS,
    PLACEMENT_HEADINGS,
    STATUSES,
    URL,
    build_project,
    rome,
    rows,
    superuser_client,
)
from tests.factories.companies import (
    CompanyFactory,
    OperatingSiteFactory,
    PlacementFactory,
    TerritoryFactory,
)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("no_staff_mfa")]


@pytest.fixture
def project():
    return build_project()


class TestExports:
    def test_csv_has_both_tables_one_after_the_other(self, client, project):
        response = superuser_client(client).get(URL, {"year": 2025, "export": "csv"})
        assert response.status_code == 200
        assert response["Content-Type"] == "text/csv; charset=utf-8"
        assert response["Content-Disposition"] == 'attachment; filename="approdo-report-2025.csv"'
        lines = list(csv.reader(StringIO(response.content.decode("utf-8-sig"))))
        assert lines[0] == ["Host companies by territory and current status"]
        assert lines[1] == COMPANY_HEADINGS
        assert lines[2] == ["Val di Merse", "<5", "<5", "<5", "7", "<5", "–"]
        assert lines[3] == ["Valdelsa", "5", "5", "<5", "6", "<5", "21"]
        start = lines.index(["Placements by month and territory, 2025"])
        assert lines[start + 1] == PLACEMENT_HEADINGS
        assert ["October 2025", "Valdelsa", "<5", "<5", "<5", "7", "5", "5", "5"] in lines
        assert len([line for line in lines[start:] if line[1:2] == ["Valdelsa"]]) == 12

    def test_csv_filename_names_the_chosen_territory(self, client, project):
        response = superuser_client(client).get(
            URL, {"year": 2025, "territory": project["valdelsa"].pk, "export": "csv"}
        )
        assert response["Content-Disposition"] == (
            'attachment; filename="approdo-report-2025-valdelsa.csv"'
        )

    def test_xlsx_has_a_sheet_per_table_with_numbers_as_numbers(self, client, project):
        response = superuser_client(client).get(URL, {"year": 2025, "export": "xlsx"})
        assert response.status_code == 200
        assert response["Content-Disposition"] == 'attachment; filename="approdo-report-2025.xlsx"'
        workbook = openpyxl.load_workbook(BytesIO(response.content))
        assert workbook.sheetnames == ["Host companies", "Placements"]
        companies = list(workbook["Host companies"].iter_rows(values_only=True))
        assert list(companies[1]) == COMPANY_HEADINGS
        assert list(companies[3]) == ["Valdelsa", 5, 5, "<5", 6, "<5", 21]
        assert list(companies[2]) == ["Val di Merse", "<5", "<5", "<5", 7, "<5", "–"]
        placements = list(workbook["Placements"].iter_rows(values_only=True))
        assert list(placements[0][:1]) == ["Placements by month and territory, 2025"]
        assert list(placements[1]) == PLACEMENT_HEADINGS
        assert ("May 2025", "Valdelsa", "<5", "<5", "<5", 17, "<5", "<5", "<5") in placements

    def test_exports_keep_formula_like_names_as_text(self, client):
        territory = TerritoryFactory(name="=HYPERLINK(1)", code="formula")
        CompanyFactory.create_batch(5, territory=territory)
        client = superuser_client(client)
        lines = client.get(URL, {"export": "csv"}).content.decode("utf-8-sig").splitlines()
        assert "'=HYPERLINK(1),5,<5,<5,<5,<5,–" in lines
        workbook = openpyxl.load_workbook(BytesIO(client.get(URL, {"export": "xlsx"}).content))
        cell = workbook["Host companies"]["A3"]
        assert (cell.value, cell.data_type) == ("'=HYPERLINK(1)", "s")


# --- Query count --------------------------------------------------------------------------

# Session, user and admin profile; the report's five (territories, first and last year
# with data, companies, placement events); the locales (the admin's language menu). The
# admin menu's own queries (pages, the review queue's badge, the ESF+ monitoring permission)
# ran at the first request, and the menu is kept (users/sidebar.py).
VIEW_QUERIES = 9


def grow(size):
    """``size`` placements across size // 15 + 1 territories, each proposed, accepted,
    started and completed in 2025."""
    territories = TerritoryFactory.create_batch(size // 15 + 1)
    sites = [OperatingSiteFactory(company__territory=territory) for territory in territories]
    interns = Participant.objects.bulk_create(
        [
            Participant(
                given_name="N", family_name="P", territory=territories[n % len(territories)]
            )
            for n in range(size)
        ]
    )
    placements = Placement.objects.bulk_create(
        [
            PlacementFactory.build(
                participant=intern,
                company=sites[n % len(sites)].company,
                site=sites[n % len(sites)],
            )
            for n, intern in enumerate(interns)
        ]
    )
    PlacementEvent.objects.bulk_create(
        [
            PlacementEvent(
                placement=placed,
                action=action,
                from_status=STATUSES[action][0],
                to_status=STATUSES[action][1],
                created_at=rome(2025, month, 10),
            )
            for placed in placements
            for month, action in enumerate(["propose", "accept", "start", "complete"], start=2)
        ]
    )


@pytest.mark.parametrize("size", [3, 60])
def test_query_count_does_not_depend_on_data(client, django_assert_num_queries, size):
    grow(size)
    client = superuser_client(client)
    client.get(URL, {"year": 2025})
    with django_assert_num_queries(VIEW_QUERIES):
        response = client.get(URL, {"year": 2025})
    assert len(rows(response, "placements")) == 12 * (size // 15 + 1)
