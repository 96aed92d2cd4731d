"""A visitor's journey through the public site in real chromium, with axe-core checks."""

import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.e2e.axe import axe_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

AXE_PAGES = {
    "home": {"it": "/it/", "ar": "/ar/"},
    "news-index": {"it": "/it/notizie/", "ar": "/ar/news/"},
    "news-page": {"it": "/it/notizie/parte-approdo/", "ar": "/ar/news/approdo-starts/"},
    "call-index": {"it": "/it/avvisi/", "ar": "/ar/calls/"},
    "call-page": {
        "it": "/it/avvisi/avviso-aziende-ospitanti-2026/",
        "ar": "/ar/calls/host-companies-call-2026/",
    },
    "search": {"it": "/it/search/?q=tirocinio", "ar": "/ar/search/?q=تدريب"},
    "results": {
        "it": "/it/progetto-approdo/risultati/",
        "en": "/en/approdo-project/results/",
        "ar": "/ar/approdo-project/results/",
    },
}


def test_visitor_journey(page, demo_site, axe_source, output_path):
    shots = Path(output_path)
    page.goto(f"{demo_site}/it/")
    expect(page.locator("html")).to_have_attribute("lang", "it")
    expect(page.get_by_text("Cofinanziato dall'Unione europea", exact=True)).to_be_visible()
    page.screenshot(path=shots / "1-home-it.png", full_page=True)

    # Opens a news item from the home page, then reads it in English.
    page.get_by_role("link", name="Notizie", exact=True).first.click()
    page.locator("#filter-year").select_option("2025")
    page.locator("#filter-year").evaluate("select => select.form.requestSubmit()")
    page.get_by_role("link", name=re.compile("Parte Approdo")).click()
    expect(page.locator("h1")).to_contain_text("Parte Approdo")
    page.get_by_role("link", name="English").click()
    expect(page).to_have_url(re.compile(r"/en/news/approdo-starts/$"))
    expect(page.locator("h1")).to_contain_text("Approdo starts")
    page.screenshot(path=shots / "2-news-en.png", full_page=True)

    # Filters the calls to the open ones and opens the call for host companies.
    page.goto(f"{demo_site}/en/calls/")
    page.get_by_label("Status").select_option("open")
    page.get_by_role("button", name="Filter").click()
    expect(page).to_have_url(re.compile(r"status=open"))
    expect(page.locator(".badge", has_text="Upcoming")).to_have_count(0)
    page.get_by_role("link", name=re.compile("host companies", re.IGNORECASE)).first.click()
    apply = page.get_by_role("link", name="Apply as host company")
    expect(apply).to_be_visible()
    expect(apply).to_have_attribute("href", re.compile(r"/en/companies/new/\?call="))
    page.screenshot(path=shots / "3-call-en.png", full_page=True)

    # The Arabic home page is mirrored.
    page.goto(f"{demo_site}/ar/")
    expect(page.locator("html")).to_have_attribute("dir", "rtl")
    box = page.locator("#site-header .it-brand-wrapper").bounding_box()
    assert box["x"] > page.viewport_size["width"] / 2
    page.screenshot(path=shots / "4-home-ar.png", full_page=True)

    failures = {}
    for name, urls in AXE_PAGES.items():
        for code, url in urls.items():
            response = page.goto(f"{demo_site}{url}")
            assert response.status == 200, url
            page.screenshot(path=shots / f"axe-{name}-{code}.png", full_page=True)
            violations = axe_violations(page, axe_source)
            if violations:
                failures[url] = violations
    assert failures == {}


def test_skip_link_reaches_main_content(page, live_server):
    page.goto(f"{live_server.url}/en/")
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Skip to main content")
    expect(skip).to_be_focused()
    expect(skip).to_be_visible()
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"#main-content$"))
