"""A moderator requests changes, the company resubmits, the moderator approves.

Both sides in real browsers, each screen checked with axe-core.
"""

import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

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


def settle_messages(page):
    """Wagtail fades its messages in; contrast is measured once they are fully shown."""
    page.wait_for_function(
        "[...document.querySelectorAll('.messages li')]"
        ".every((li) => getComputedStyle(li).opacity === '1')"
    )
    page.wait_for_timeout(300)


def test_request_changes_resubmit_approve(
    page,
    browser,
    browser_context_args,
    site_structure,
    live_server,
    axe_source,
    output_path,
    no_staff_mfa,
):
    shots = Path(output_path)
    north = TerritoryFactory(name="Alta Val d'Elsa", code="alta-val-elsa")
    south = TerritoryFactory(name="Val di Merse", code="val-di-merse")
    company = complete_dossier(CompanyFactory(territory=north, legal_name="Forno Nord s.r.l."))
    company.transition("submit")
    elsewhere = complete_dossier(CompanyFactory(territory=south, legal_name="Cantina Sud"))
    elsewhere.transition("submit")
    owner = MembershipFactory(company=company, user__email="titolare@forno.example").user
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
    settle_messages(page)
    page.screenshot(path=shots / "moderator-approved.png", full_page=True)
    assert axe_violations(page, axe_source) == []
    company_page.reload()
    expect(company_page.locator("#company-status")).to_have_text("Approvata")
    company_context.close()
