"""Italian pages write dates and sizes as Italian does, and a bad number of places says why."""

import datetime
import re
from zoneinfo import ZoneInfo

import pytest
from django.template.defaultfilters import filesizeformat
from django.urls import reverse
from django.utils import formats, translation

from companies.models import CompanyDocument, CompanyStatus
from tests import documents_corpus as corpus
from tests.factories.companies import MembershipFactory, OperatingSiteFactory, PositionFactory
from tests.factories.pages import CallIndexPageFactory, CallPageFactory, home_page

pytestmark = pytest.mark.django_db
ROME = ZoneInfo("Europe/Rome")


@pytest.fixture
def member(client):
    membership = MembershipFactory(company__status=CompanyStatus.APPROVED)
    client.force_login(membership.user)
    client.company = membership.company
    return client


def it_url(name, *args):
    with translation.override("it"):
        return reverse(name, args=args)


def test_formats_in_italian_are_lower_case_and_unpadded():
    moment = datetime.datetime(2026, 9, 23, 14, 30, tzinfo=ROME)
    with translation.override("it"):
        assert formats.date_format(moment.date()) == "23 settembre 2026"
        assert formats.date_format(datetime.date(2026, 5, 3)) == "3 maggio 2026"
        assert formats.date_format(moment, "DATETIME_FORMAT") == (
            "mercoledì 23 settembre 2026, 14:30"
        )
        assert filesizeformat(633) == "633\xa0byte"
        assert filesizeformat(1) == "1\xa0byte"
        assert filesizeformat(2048) == "2,0\xa0KB"
    with translation.override("en"):  # other languages keep Django's names
        assert formats.date_format(moment, "DATETIME_FORMAT") == "Sept. 23, 2026, 2:30 p.m."
        assert filesizeformat(633) == "633\xa0bytes"


def test_the_italian_call_page_writes_weekdays_and_months_in_lower_case(client):
    calls = CallIndexPageFactory(parent=home_page())
    call = CallPageFactory(
        parent=calls,
        opens_at=datetime.datetime(2026, 9, 23, 9, 0, tzinfo=ROME),
        closes_at=datetime.datetime(2026, 10, 30, 12, 0, tzinfo=ROME),
    )
    page = client.get(call.url).text
    assert "mercoledì 23 settembre 2026, 09:00" in page
    assert "venerdì 30 ottobre 2026, 12:00" in page
    assert not re.search(r"Mercoledì|Settembre|Venerdì|Ottobre", page)


def test_the_italian_company_pages_show_sizes_and_dates_in_italian(member, private_dir):
    from django.core.files.uploadedfile import SimpleUploadedFile

    company = member.company
    site = OperatingSiteFactory(company=company)
    PositionFactory(
        company=company,
        site=site,
        starts_on=datetime.date(2027, 1, 4),
        ends_on=datetime.date(2027, 7, 2),
    )
    positions = member.get(it_url("companies:positions", company.pk)).text
    assert "4 gennaio 2027 – 2 luglio 2027" in positions

    content = corpus.pdf()
    member.post(
        it_url("companies:document_upload", company.pk, "8d3f5b2a-61c4-4e0f-9a57-3c1d2e4f5a01"),
        {"file": SimpleUploadedFile("convenzione.pdf", content, "application/pdf")},
    )
    assert CompanyDocument.objects.get().size == len(content) < 1024
    documents = member.get(it_url("companies:documents", company.pk)).text
    assert f"({len(content)}\xa0byte)" in documents
    assert "bytes" not in documents


@pytest.mark.parametrize(
    ("places", "message"),
    [
        ("0", "Una posizione offre almeno un posto."),
        ("51", "Una posizione offre al massimo 50 posti."),
    ],
)
def test_a_bad_number_of_places_gets_a_specific_message(client, places, message):
    membership = MembershipFactory()  # a draft dossier, still editable
    client.force_login(membership.user)
    company = membership.company
    site = OperatingSiteFactory(company=company)
    data = {
        "title": "Aiuto cuoco",
        "site": str(site.pk),
        "call": "",
        "tasks": "Preparazione delle verdure.",
        "weekly_hours": "20",
        "schedule": "lunedì–venerdì, 9–13",
        "places": places,
        "starts_on": "2027-01-10",
        "ends_on": "2027-07-10",
        "accommodations": "",
        "requirements": "",
    }
    response = client.post(it_url("companies:position_add", company.pk), data)
    assert response.status_code == 200
    assert message in response.text
    assert "maggiore o uguale" not in response.text and "minore o uguale" not in response.text
    assert not company.positions.exists()
