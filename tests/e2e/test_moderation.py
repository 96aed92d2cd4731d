"""The whole loop: request changes, resubmit, approve, upload the agreement, accept it.

Moderator and company in two real browsers, each screen checked with axe-core, and the
e-mails of every step delivered.
"""

import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

from companies.services.status import move_company
from tests import documents_corpus as corpus
from tests.e2e.axe import axe_violations
from tests.factories.companies import (
    CompanyFactory,
    MembershipFactory,
    TerritoryFactory,
    complete_dossier,
)
from tests.factories.users import DEFAULT_PASSWORD, moderator_of

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def sign_in(page, base, language, email):
    page.goto(f"{base}/{language}/accounts/login/")
    page.get_by_label(re.compile(r"^E-?mail")).fill(email)
    page.get_by_label("Password", exact=False).first.fill(DEFAULT_PASSWORD)
    page.get_by_role("button", name=re.compile("Accedi|Sign In")).click()


def upload_signed_agreement(company_page, tmp_path):
    """The company, on its dashboard in Italian, uploads a CAdES-signed agreement."""
    signed = tmp_path / "convenzione-firmata.pdf.p7m"
    signed.write_bytes(corpus.cades())
    company_page.get_by_role("link", name="Documenti", exact=True).click()
    company_page.get_by_label(re.compile(r"^File \(PDF")).set_input_files(str(signed))
    company_page.get_by_role("button", name="Carica", exact=True).click()
    expect(company_page.locator(".document-state").first).to_have_text(
        "Caricato, in attesa di verifica"
    )


def assert_screen_clean(page, axe_source):
    """axe on the review screen itself, reloaded without the one-off confirmation message.

    Wagtail slides and fades its messages in; measured mid-animation their colours are half
    transparent and axe reports a contrast failure that no person sees.
    """
    page.reload()
    assert axe_violations(page, axe_source) == []


def test_request_changes_resubmit_approve_upload_accept(
    page,
    mailoutbox,
    private_dir,
    tmp_path,
    browser,
    browser_context_args,
    live_server,
    axe_source,
    output_path,
    no_staff_mfa,
):
    shots = Path(output_path)
    north = TerritoryFactory(name="Alta Val d'Elsa", code="alta-val-elsa")
    south = TerritoryFactory(name="Val di Merse", code="val-di-merse")
    company = complete_dossier(CompanyFactory(territory=north, legal_name="Forno Nord s.r.l."))
    move_company(company, "submit")
    elsewhere = complete_dossier(CompanyFactory(territory=south, legal_name="Cantina Sud"))
    move_company(elsewhere, "submit")
    owner = MembershipFactory(
        company=company, user__email="titolare@forno.example", user__preferred_language="it"
    ).user
    moderator = moderator_of(north, email="moderatrice@approdo.example")

    # The moderator filters the queue to the territory and opens the company.
    sign_in(page, live_server.url, "en", moderator.email)
    page.goto(f"{live_server.url}/admin/host-companies/companies/?territory={north.pk}")
    expect(page.get_by_role("link", name="Forno Nord s.r.l.")).to_be_visible()
    expect(page.get_by_text("Cantina Sud")).to_have_count(0)
    assert axe_violations(page, axe_source) == []
    page.get_by_role("link", name="Forno Nord s.r.l.").click()
    expect(page.locator("#review-status")).to_have_text("Submitted")
    assert axe_violations(page, axe_source) == []
    page.get_by_label("Request changes").check()
    page.get_by_label("Message to the company").fill("Indicate la PEC corretta.")
    page.get_by_role("button", name="Record the decision").click()
    expect(page.locator("#review-status")).to_have_text("Changes requested")

    # The company reads the message and sends the dossier again.
    company_context = browser.new_context(**browser_context_args)
    company_page = company_context.new_page()
    sign_in(company_page, live_server.url, "it", owner.email)
    expect(company_page.locator("#company-status")).to_have_text("Modifiche richieste")
    expect(company_page.get_by_text("Indicate la PEC corretta.")).to_be_visible()
    assert axe_violations(company_page, axe_source) == []
    company_page.get_by_role("button", name="Invia di nuovo la scheda").click()
    expect(company_page.locator("#company-status")).to_have_text("Inviata")
    company_page.screenshot(path=shots / "company-resubmitted.png", full_page=True)

    # The moderator approves.
    page.reload()
    expect(page.locator("#review-status")).to_have_text("Submitted")
    page.get_by_label("Approve", exact=True).check()
    page.get_by_role("button", name="Record the decision").click()
    expect(page.locator("#review-status")).to_have_text("Approved")
    page.screenshot(path=shots / "moderator-approved.png", full_page=True)
    assert_screen_clean(page, axe_source)
    company_page.reload()
    expect(company_page.locator("#company-status")).to_have_text("Approvata")

    # The company uploads the signed agreement; the moderator accepts it.
    upload_signed_agreement(company_page, tmp_path)
    page.reload()
    page.get_by_role("button", name="Accept version 1").click()
    expect(page.get_by_text("Document accepted.")).to_be_visible()
    assert_screen_clean(page, axe_source)
    company_page.reload()
    expect(company_page.locator(".document-state").first).to_have_text("Accettato")
    company_context.close()

    # Every step reached the right inbox.
    sent = [(message.to[0], message.subject) for message in mailoutbox]
    owner_subjects = " | ".join(subject for to, subject in sent if to == owner.email)
    moderator_subjects = " | ".join(subject for to, subject in sent if to == moderator.email)
    assert "Modifiche richieste alla scheda di Forno Nord s.r.l." in owner_subjects
    assert "Scheda ricevuta: Forno Nord s.r.l." in owner_subjects
    assert "Forno Nord s.r.l. è approvata come impresa ospitante" in owner_subjects
    assert "Documento accettato: Convenzione di tirocinio firmata" in owner_subjects
    assert "Nuova scheda da esaminare: Forno Nord s.r.l." in moderator_subjects
