"""The loop the project exists for, on the demo site: the moderator approves the demo
company and proposes one of the waiting interns; the company accepts, opens the intern card
and uploads the signed agreement; the moderator accepts it, starts the placement, reads who
opened the card and finds it in the project report. Two real browsers, axe-core on every
screen, the e-mails of each step.
"""

import re

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from playwright.sync_api import expect

from companies.models import Company, Placement, PlacementStatus
from tests.e2e.axe import axe_violations
from tests.e2e.test_moderation import assert_screen_clean, sign_in, upload_signed_agreement
from tests.factories.users import DEFAULT_PASSWORD, admin_user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def known_password(email):
    user = get_user_model().objects.get(email=email)
    user.set_password(DEFAULT_PASSWORD)
    user.save()
    return admin_user(user)  # reads the admin in English


@pytest.fixture
def demo(demo_site, no_staff_mfa):
    return demo_site


def test_propose_accept_read_the_card_and_the_access_log(
    page, demo, mailoutbox, browser, browser_context_args, axe_source, private_dir, tmp_path
):
    moderator = known_password("moderator@approdo.example")
    tutor = known_password("tutor@approdo.example")
    owner = known_password("azienda@approdo.example")
    forno = Company.objects.get(legal_name="Forno Valdelsa s.r.l.")

    # The moderator approves the demo company, then proposes an intern for its position.
    sign_in(page, demo, "en", moderator.email)
    page.goto(demo + reverse("companies_admin:inspect", args=[forno.pk]))
    page.get_by_label("Approve", exact=True).check()
    page.get_by_role("button", name="Record the decision").click()
    expect(page.locator("#review-status")).to_have_text("Approved")
    assert_screen_clean(page, axe_source)
    page.get_by_role("link", name="Propose an intern for “Aiuto fornaio”").click()
    page.locator("#id_participant").select_option(label="Samira Benali (TIR-DEMO01)")
    page.locator("#id_project_tutor").select_option(label="Teresa Tutor")
    page.locator("#id_company_tutor_name").fill("Paolo Verdi")
    page.locator("#id_workplace_notes").fill("Istruzioni scritte al mattino.")
    assert axe_violations(page, axe_source) == []
    page.locator("#w-editor-form").get_by_role("button", name=re.compile("^Create")).click()
    expect(page.locator("#placement-status")).to_have_text("Proposed")
    assert_screen_clean(page, axe_source)
    placement = Placement.objects.get(participant__code="TIR-DEMO01")

    # The company finds the proposal on its dashboard, opens the card and accepts.
    company_context = browser.new_context(**browser_context_args)
    company_page = company_context.new_page()
    sign_in(company_page, demo, "it", owner.email)
    company_page.goto(f"{demo}/it/companies/{forno.pk}/")
    company_page.locator("#intern-list").get_by_role("link", name="Sami").click()
    expect(company_page.locator("#intern-name")).to_have_text("Sami")
    expect(company_page.get_by_text("Benali")).to_have_count(0)
    expect(company_page.get_by_text("TIR-DEMO01")).to_have_count(0)
    expect(company_page.get_by_text("Istruzioni scritte al mattino.")).to_be_visible()
    assert axe_violations(company_page, axe_source) == []
    company_page.get_by_role("button", name="Accetta l'inserimento").click()
    expect(company_page.locator("#placement-status")).to_have_text("Accettato dall'impresa")
    assert axe_violations(company_page, axe_source) == []

    # The placement cannot start before the signed agreement is accepted.
    page.reload()
    expect(page.locator("#placement-status")).to_have_text("Accepted by the company")
    expect(page.locator("#placement-missing-documents")).to_be_visible()
    page.get_by_role("button", name="Start the placement").click()
    expect(page.locator("#placement-status")).to_have_text("Accepted by the company")
    upload_signed_agreement(company_page, tmp_path)
    company_context.close()
    page.goto(demo + reverse("companies_admin:inspect", args=[forno.pk]))
    page.get_by_role("button", name="Accept version 1").click()
    expect(page.get_by_text("Document accepted.")).to_be_visible()

    # Now the moderator starts it and reads, on the person's page, who opened the card.
    page.goto(demo + reverse("placements_admin:inspect", args=[placement.pk]))
    expect(page.locator("#placement-missing-documents")).to_have_count(0)
    page.get_by_role("button", name="Start the placement").click()
    expect(page.locator("#placement-status")).to_have_text("Active")
    assert_screen_clean(page, axe_source)
    page.get_by_role("link", name=placement.participant.code, exact=True).click()
    log = page.locator("#card-views")
    expect(log.get_by_text(owner.email).first).to_be_visible()
    expect(log.get_by_text("Forno Valdelsa s.r.l.").first).to_be_visible()
    assert axe_violations(page, axe_source) == []
    placement.refresh_from_db()
    assert placement.status == PlacementStatus.ACTIVE
    assert placement.card_views.filter(user=owner).count() >= 2  # opened, then answered

    # The report counts it (every cell of this small demo is below five).
    page.goto(demo + reverse("project_report"))
    table = page.locator("#report-placements")
    expect(table.get_by_role("row", name=re.compile("Alta Val d'Elsa")).first).to_be_visible()
    assert axe_violations(page, axe_source) == []

    # Each step reached the other side, and no e-mail to the company named the intern.
    sent = [(message.to[0], message.subject, message.body) for message in mailoutbox]
    to_owner = [(subject, body) for to, subject, body in sent if to == owner.email]
    assert any("Forno Valdelsa" in subject for subject, _body in to_owner)
    assert not any("Benali" in body or "Sami" in body for _subject, body in to_owner)
    to_staff = {to for to, subject, _body in sent if "TIR-DEMO01" in subject}
    assert {moderator.email, tutor.email} <= to_staff
