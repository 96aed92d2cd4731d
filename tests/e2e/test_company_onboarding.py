"""A verified company user builds the first three steps of the dossier and sends it."""

import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.e2e.axe import axe_violations
from tests.factories.companies import TerritoryFactory
from tests.factories.users import DEFAULT_PASSWORD, UserFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_identity_site_position_and_submission(
    page, site_structure, live_server, axe_source, output_path
):
    shots = Path(output_path)
    TerritoryFactory(name="Alta Val d'Elsa", code="alta-val-elsa")
    user = UserFactory(email="titolare@forno.example")

    page.goto(f"{live_server.url}/it/accounts/login/")
    page.get_by_label(re.compile(r"^E-?mail")).fill(user.email)
    page.get_by_label("Password", exact=False).first.fill(DEFAULT_PASSWORD)
    page.get_by_role("button", name="Accedi").click()
    expect(page).to_have_url(re.compile(r"/it/companies/new/$"))
    assert axe_violations(page, axe_source) == []

    page.get_by_label("Ragione sociale").fill("Forno Valdelsa s.r.l.")
    page.get_by_label("Forma giuridica").select_option("srl")
    page.get_by_label("partita IVA", exact=False).first.fill("06363391001")
    page.get_by_label("codice fiscale", exact=False).first.fill("06363391001")
    page.get_by_label("codice ATECO 2025", exact=False).fill("10.71.10")
    page.get_by_label("Dipendenti", exact=False).fill("8")
    page.get_by_label("Legale rappresentante", exact=False).fill("Maria Rossi")
    page.get_by_label("Indirizzo della sede legale", exact=False).fill("Via Roma 1")
    page.get_by_label(re.compile(r"^CAP")).fill("53036")
    page.get_by_label("Comune", exact=False).fill("Poggibonsi")
    page.get_by_label("Provincia", exact=False).fill("SI")
    page.get_by_label(re.compile(r"^PEC")).fill("forno@pec.example")
    page.get_by_label("Telefono", exact=False).fill("0577 000000")
    page.get_by_label("Territorio", exact=False).select_option(label="Alta Val d'Elsa")
    page.screenshot(path=shots / "identity.png", full_page=True)
    page.get_by_role("button", name="Salva e continua").click()

    expect(page.locator("#company-status")).to_have_text("Bozza")
    expect(page.locator("#company-capacity")).to_have_text("2")
    assert axe_violations(page, axe_source) == []

    page.get_by_role("link", name="Sedi operative").click()
    page.get_by_role("link", name="Aggiungi una sede").click()
    assert axe_violations(page, axe_source) == []
    page.get_by_label("Nome", exact=False).first.fill("Laboratorio")
    page.get_by_label("Indirizzo", exact=False).first.fill("Via del Commercio 4")
    page.get_by_label(re.compile(r"^CAP")).fill("53036")
    page.get_by_label("Comune", exact=False).fill("Poggibonsi")
    page.get_by_label("Provincia", exact=False).fill("SI")
    # Bootstrap Italia draws the box on the label, which is what a person clicks.
    page.get_by_text("Accesso senza gradini").click()
    expect(page.get_by_label("Accesso senza gradini")).to_be_checked()
    page.get_by_role("button", name="Salva").click()
    expect(page.get_by_role("heading", name="Laboratorio")).to_be_visible()
    assert axe_violations(page, axe_source) == []

    page.get_by_role("link", name="Torna all'area azienda").click()
    page.get_by_role("link", name="Posti di tirocinio offerti").click()
    page.get_by_role("link", name="Aggiungi un posto di tirocinio").click()
    page.get_by_label("Ruolo", exact=False).fill("Aiuto fornaio")
    page.get_by_label("Sede", exact=False).first.select_option(label="Laboratorio — Poggibonsi")
    page.get_by_label("Mansioni", exact=False).fill("Preparazione degli impasti e confezionamento.")
    page.get_by_label("Ore settimanali", exact=False).fill("20")
    page.get_by_label("Orario", exact=False).fill("Lunedì–venerdì, 6–10")
    page.get_by_label("Posti", exact=False).first.fill("1")
    page.get_by_label("Disponibile dal", exact=False).fill("2027-01-11")
    page.get_by_label("Disponibile fino al", exact=False).fill("2027-07-10")
    assert axe_violations(page, axe_source) == []
    page.get_by_role("button", name="Salva").click()
    expect(page.get_by_role("heading", name="Aiuto fornaio")).to_be_visible()

    page.get_by_role("link", name="Torna all'area azienda").click()
    page.get_by_role("button", name="Invia la scheda").click()
    expect(page.locator("#company-status")).to_have_text("Inviata")
    page.screenshot(path=shots / "submitted.png", full_page=True)
    assert axe_violations(page, axe_source) == []
