"""A new company user signs up, confirms the e-mail, builds the four-step dossier and sends it.

Run in Italian and in English; every page along the way is checked with axe-core.
"""

import re
from pathlib import Path

import pytest
from django.core import mail
from playwright.sync_api import expect

from tests.e2e.axe import axe_violations
from tests.factories.companies import TerritoryFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "Forno-Valdelsa-2027!"

# What a person reads on the screen, per language.
UI = {
    "it": {
        "signup": "Registrazione",
        "confirm": "Conferma",
        "legal_name": "Ragione sociale",
        "legal_form": "Forma giuridica",
        "ateco": "codice ATECO 2025",
        "headcount": "Dipendenti",
        "representative": "Legale rappresentante",
        "address": "Indirizzo della sede legale",
        "comune": "Comune",
        "province": "Provincia",
        "phone": "Telefono",
        "territory": "Territorio",
        "save_continue": "Salva e continua",
        "draft": "Bozza",
        "sites": "Sedi operative",
        "add_site": "Aggiungi una sede",
        "name": "Nome",
        "site_address": "Indirizzo",
        "step_free": "Accesso senza gradini",
        "save": "Salva",
        "dashboard": "Riepilogo",
        "positions": "Posti di tirocinio offerti",
        "add_position": "Aggiungi un posto di tirocinio",
        "role": "Ruolo",
        "site": "Sede",
        "tasks": "Mansioni",
        "hours": "Ore settimanali",
        "schedule": "Orario",
        "places": "Posti",
        "from": "Disponibile dal",
        "until": "Disponibile fino al",
        "declarations": "Dichiarazioni",
        "sign": "Firma le dichiarazioni",
        "send": "Invia la scheda",
        "submitted": "Inviata",
        "incomplete": "non è ancora completa",
    },
    "en": {
        "signup": "Sign Up",
        "confirm": "Confirm",
        "legal_name": "Legal name",
        "legal_form": "Legal form",
        "ateco": "ATECO 2025 code",
        "headcount": "Employees",
        "representative": "Legal representative",
        "address": "Registered office address",
        "comune": "Comune",
        "province": "Province",
        "phone": "Phone",
        "territory": "Territory",
        "save_continue": "Save and continue",
        "draft": "Draft",
        "sites": "Operating sites",
        "add_site": "Add a site",
        "name": "Name",
        "site_address": "Address",
        "step_free": "Step-free access",
        "save": "Save",
        "dashboard": "Dashboard",
        "positions": "Positions offered",
        "add_position": "Add a position",
        "role": "Role",
        "site": "Site",
        "tasks": "Tasks",
        "hours": "Hours per week",
        "schedule": "Schedule",
        "places": "Places",
        "from": "Available from",
        "until": "Available until",
        "declarations": "Declarations",
        "sign": "Sign the declarations",
        "send": "Send the dossier",
        "submitted": "Submitted",
        "incomplete": "not complete yet",
    },
}


def clean(page, axe_source):
    assert axe_violations(page, axe_source) == [], page.url


@pytest.mark.parametrize("lang", ["it", "en"])
def test_signup_to_submitted_dossier(page, live_server, axe_source, output_path, lang, mailoutbox):
    ui = UI[lang]
    shots = Path(output_path)
    TerritoryFactory(name="Alta Val d'Elsa", code="alta-val-elsa")
    email = f"titolare-{lang}@forno.example"

    # Sign up: only an account is created, and a confirmation e-mail is sent.
    page.goto(f"{live_server.url}/{lang}/accounts/signup/")
    clean(page, axe_source)
    page.get_by_label(re.compile(r"^E-?mail", re.I)).fill(email)
    page.locator("input[name=password1]").fill(PASSWORD)
    page.locator("input[name=password2]").fill(PASSWORD)
    page.get_by_role("button", name=ui["signup"]).click()
    expect(page).to_have_url(re.compile(rf"/{lang}/accounts/confirm-email/$"))
    clean(page, axe_source)

    # Confirm the address from the test outbox; confirming signs the person in.
    assert [m.to for m in mail.outbox] == [[email]]
    link = re.search(r"https?://\S+/accounts/confirm-email/\S+/", mail.outbox[0].body).group(0)
    page.goto(link)
    clean(page, axe_source)
    page.get_by_role("button", name=ui["confirm"]).click()
    expect(page).to_have_url(re.compile(rf"/{lang}/companies/new/$"))
    clean(page, axe_source)

    # Step 1: identity.
    page.get_by_label(ui["legal_name"]).fill("Forno Valdelsa s.r.l.")
    page.get_by_label(ui["legal_form"]).select_option("srl")
    page.get_by_label("partita IVA", exact=False).first.fill("06363391001")
    page.get_by_label("codice fiscale", exact=False).first.fill("06363391001")
    page.get_by_label(ui["ateco"], exact=False).fill("10.71.10")
    page.get_by_label(ui["headcount"], exact=False).fill("8")
    page.get_by_label(ui["representative"], exact=False).fill("Maria Rossi")
    page.get_by_label(ui["address"], exact=False).fill("Via Roma 1")
    page.get_by_label(re.compile(r"^CAP")).fill("53036")
    page.get_by_label(ui["comune"], exact=False).fill("Poggibonsi")
    page.get_by_label(ui["province"], exact=False).fill("SI")
    page.get_by_label(re.compile(r"^PEC")).fill("forno@pec.example")
    page.get_by_label(ui["phone"], exact=False).fill("0577 000000")
    page.get_by_label(ui["territory"], exact=False).select_option(label="Alta Val d'Elsa")
    page.get_by_role("button", name=ui["save_continue"]).click()
    expect(page.locator("#company-status")).to_have_text(ui["draft"])
    expect(page.locator("#company-capacity")).to_have_text("2")
    clean(page, axe_source)

    # Sending too early is refused with what is missing.
    page.get_by_role("button", name=ui["send"]).click()
    expect(page.get_by_role("alert").filter(has_text=ui["incomplete"])).to_be_visible()
    expect(page.locator("#company-status")).to_have_text(ui["draft"])

    # Step 2: a site.
    page.locator("#dossier-steps").get_by_role("link", name=ui["sites"], exact=True).click()
    page.get_by_role("link", name=ui["add_site"]).click()
    clean(page, axe_source)
    page.get_by_label(ui["name"], exact=False).first.fill("Laboratorio")
    page.get_by_label(ui["site_address"], exact=False).first.fill("Via del Commercio 4")
    page.get_by_label(re.compile(r"^CAP")).fill("53036")
    page.get_by_label(ui["comune"], exact=False).fill("Poggibonsi")
    page.get_by_label(ui["province"], exact=False).fill("SI")
    # Bootstrap Italia draws the box on the label, which is what a person clicks.
    page.get_by_text(ui["step_free"]).click()
    expect(page.get_by_label(ui["step_free"])).to_be_checked()
    page.get_by_role("button", name=ui["save"], exact=True).click()
    expect(page.get_by_role("heading", name="Laboratorio")).to_be_visible()
    clean(page, axe_source)

    # Step 3: a position.
    page.get_by_role("link", name=ui["dashboard"], exact=True).click()
    page.locator("#dossier-steps").get_by_role("link", name=ui["positions"], exact=True).click()
    clean(page, axe_source)
    page.get_by_role("link", name=ui["add_position"]).click()
    page.get_by_label(ui["role"], exact=False).first.fill("Aiuto fornaio")
    page.get_by_label(ui["site"], exact=False).first.select_option(label="Laboratorio — Poggibonsi")
    page.get_by_label(ui["tasks"], exact=False).fill("Preparazione degli impasti.")
    page.get_by_label(ui["hours"], exact=False).fill("20")
    page.get_by_label(ui["schedule"], exact=False).fill("Lunedì–venerdì, 6–10")
    page.get_by_label(ui["places"], exact=False).first.fill("1")
    page.get_by_label(ui["from"], exact=False).fill("2027-01-11")
    page.get_by_label(ui["until"], exact=False).fill("2027-07-10")
    clean(page, axe_source)
    page.get_by_role("button", name=ui["save"], exact=True).click()
    expect(page.get_by_role("heading", name="Aiuto fornaio")).to_be_visible()

    # Step 4: declarations, each box ticked by the person signing.
    page.get_by_role("link", name=ui["dashboard"], exact=True).click()
    page.locator("#dossier-steps").get_by_role("link", name=ui["declarations"]).click()
    clean(page, axe_source)
    boxes = page.locator("input[type=checkbox][name^=item_]")
    assert boxes.count() == 5
    for index in range(boxes.count()):
        page.locator(f"label[for={boxes.nth(index).get_attribute('id')}]").click()
    page.screenshot(path=shots / f"declarations-{lang}.png", full_page=True)
    page.get_by_role("button", name=ui["sign"]).click()

    # Send, and see "submitted" on the dashboard.
    page.get_by_role("button", name=ui["send"]).click()
    expect(page.locator("#company-status")).to_have_text(ui["submitted"])
    page.screenshot(path=shots / f"submitted-{lang}.png", full_page=True)
    clean(page, axe_source)
