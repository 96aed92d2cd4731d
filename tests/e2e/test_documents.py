"""An approved company uploads its signed agreement and downloads it back unchanged."""

import re

import pytest
from playwright.sync_api import expect

from companies.models import CompanyStatus
from tests import documents_corpus as corpus
from tests.e2e.axe import axe_violations
from tests.factories.companies import CompanyFactory, MembershipFactory
from tests.factories.users import DEFAULT_PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_upload_the_signed_agreement_and_download_it_back(
    page, live_server, axe_source, tmp_path, private_dir
):
    company = CompanyFactory(legal_name="Forno Valdelsa s.r.l.", status=CompanyStatus.APPROVED)
    owner = MembershipFactory(company=company, user__email="titolare@forno.example").user
    signed = tmp_path / "convenzione-firmata.pdf.p7m"
    signed.write_bytes(corpus.cades())

    page.goto(f"{live_server.url}/it/accounts/login/")
    page.get_by_label(re.compile(r"^E-?mail")).fill(owner.email)
    page.get_by_label("Password", exact=False).first.fill(DEFAULT_PASSWORD)
    page.get_by_role("button", name="Accedi").click()
    expect(page.locator("#document-checklist")).to_contain_text("Mancante")

    page.get_by_role("link", name="Documenti", exact=True).click()
    assert axe_violations(page, axe_source) == []
    page.get_by_label(re.compile(r"^File \(PDF")).set_input_files(str(signed))
    page.get_by_role("button", name="Carica", exact=True).click()
    expect(page.locator(".document-state").first).to_have_text("Caricato, in attesa di verifica")
    expect(
        page.get_by_role("cell", name="Firma CAdES (.p7m) presente, non verificata")
    ).to_be_visible()
    assert axe_violations(page, axe_source) == []

    with page.expect_download() as download_info:
        page.get_by_role("link", name="convenzione-firmata.pdf.p7m").click()
    download = download_info.value
    assert download.suggested_filename == "convenzione-firmata.pdf.p7m"
    assert download.path().read_bytes() == signed.read_bytes()

    page.get_by_role("link", name="Riepilogo", exact=True).click()
    expect(page.locator("#document-checklist")).to_contain_text("Caricato, in attesa di verifica")
