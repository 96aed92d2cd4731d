"""The statement as a PDF: in the person's language (Arabic right to left), with the total
and the calculation in plain words; scoped like the statement page; every download logged."""

import io

import pytest
from django.urls import reverse
from django.utils import translation
from pypdf import PdfReader
from wagtail.models import ModelLogEntry

from allowance import documents, explanation
from allowance.models import Statement
from allowance.services import statements as service
from participants.models import MonthLock
from tests.allowance.helpers import NOV, november, operator_and_coordinator
from tests.factories.companies import TerritoryFactory

pytestmark = pytest.mark.django_db


def pdf_url(statement):
    with translation.override("en"):
        return reverse("allowance_statements:pdf", args=[statement.pk])


def text_of(response):
    reader = PdfReader(io.BytesIO(response.content))
    return " ".join(page.extract_text() for page in reader.pages)


def plain(text):
    """Spaces and bidirectional marks aside: extraction may break lines or reorder them."""
    return "".join(ch for ch in text if not ch.isspace() and ch not in "\u200e\u200f\u061c")


@pytest.fixture
def computed():
    territory = TerritoryFactory()
    project, paths, _sessions = november(2, territory)
    MonthLock.objects.create(project=project, month=NOV)
    service.compute_month(project, NOV)
    operator, _coordinator = operator_and_coordinator(territory)
    return Statement.objects.get(path=paths[0]), operator


@pytest.mark.parametrize("language", ["it", "ar"])
def test_the_pdf_in_the_person_s_language(client, no_staff_mfa, computed, language):
    statement, operator = computed
    person = statement.path.participant
    person.preferred_language = language
    person.save()
    client.force_login(operator)
    response = client.get(pdf_url(statement))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    text = text_of(response)
    with translation.override(language):
        total = explanation.money(statement.amount)
        steps = explanation.lines(statement.explanation)
    line = next(text for text, _amount, code in steps if code == "attendance")
    assert plain(total) in plain(text)
    if language == "ar":
        # Extraction gives right-to-left runs in visual order: every word is there.
        words = [word for word in line.split() if word.isalpha()]
        assert len(words) >= 3 and all(word in text for word in words)
        assert 'dir="rtl"' in documents.statement_html(statement)
    else:
        assert plain(line) in plain(text)


def test_another_territory_s_statement_is_a_404_and_nothing_is_logged(
    client, no_staff_mfa, computed
):
    statement, _operator = computed
    stranger, coordinator = operator_and_coordinator(TerritoryFactory())
    for user in (stranger, coordinator):
        client.force_login(user)
        assert client.get(pdf_url(statement)).status_code == 404
    missing = Statement.objects.order_by("pk").last().pk + 1
    assert client.get(pdf_url(Statement(pk=missing))).status_code == 404
    assert not ModelLogEntry.objects.filter(action="approdo.allowance.pdf").exists()


def test_every_download_goes_to_the_audit_log(client, no_staff_mfa, computed):
    statement, operator = computed
    client.force_login(operator)
    for _ in range(2):
        assert client.get(pdf_url(statement)).status_code == 200
    entries = ModelLogEntry.objects.filter(action="approdo.allowance.pdf")
    assert entries.count() == 2
    entry = entries.first()
    assert (entry.object_id, entry.user_id) == (str(statement.pk), operator.pk)
    assert entry.data == {"language": "it"}


def test_the_same_statement_gives_the_same_bytes(computed):
    statement, _operator = computed
    assert documents.statement_pdf(statement) == documents.statement_pdf(statement)


def test_the_statement_page_offers_the_download(client, no_staff_mfa, computed):
    statement, operator = computed
    client.force_login(operator)
    with translation.override("en"):
        page = client.get(reverse("allowance_statements:inspect", args=[statement.pk]))
    assert pdf_url(statement) in page.text


def test_without_the_view_permission_there_is_no_pdf(client, no_staff_mfa, computed):
    from tests.factories.users import staff_in_group

    statement, _operator = computed
    editor = staff_in_group("Editors")
    statement.path.participant.territory.moderators.add(editor)
    client.force_login(editor)
    assert client.get(pdf_url(statement)).status_code in (403, 404)
