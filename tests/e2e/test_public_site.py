"""A visitor reads the home page in Italian, English and Arabic (real chromium)."""

import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.e2e.axe import axe_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_home_in_three_languages_is_accessible(page, demo_site, axe_source, output_path):
    page.goto(f"{demo_site}/it/")
    expect(page.locator("html")).to_have_attribute("lang", "it")
    expect(page.locator("h1")).to_have_text("Approdo")
    expect(page.get_by_text("Cofinanziato dall'Unione europea", exact=True)).to_be_visible()
    page.screenshot(path=Path(output_path) / "home-it.png", full_page=True)
    assert axe_violations(page, axe_source) == []

    page.get_by_role("link", name="English").click()
    expect(page).to_have_url(re.compile(r"/en/$"))
    expect(page.locator("html")).to_have_attribute("dir", "ltr")
    expect(page.get_by_role("heading", name="Latest news")).to_be_visible()
    page.screenshot(path=Path(output_path) / "home-en.png", full_page=True)
    assert axe_violations(page, axe_source) == []

    page.get_by_role("link", name="العربية").click()
    expect(page).to_have_url(re.compile(r"/ar/$"))
    expect(page.locator("html")).to_have_attribute("lang", "ar")
    expect(page.locator("html")).to_have_attribute("dir", "rtl")
    # The layout really is mirrored: the brand sits on the right half of the header.
    box = page.locator("#site-header .it-brand-wrapper").bounding_box()
    assert box["x"] > page.viewport_size["width"] / 2
    page.screenshot(path=Path(output_path) / "home-ar.png", full_page=True)
    assert axe_violations(page, axe_source) == []


def test_skip_link_reaches_main_content(page, demo_site):
    page.goto(f"{demo_site}/en/")
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Skip to main content")
    expect(skip).to_be_focused()
    expect(skip).to_be_visible()
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"#main-content$"))


def test_language_switcher_keeps_the_article(page, demo_site):
    page.goto(f"{demo_site}/it/notizie/parte-approdo/")
    page.get_by_role("link", name="English").click()
    expect(page).to_have_url(re.compile(r"/en/news/approdo-starts/$"))
    expect(page.locator("h1")).to_contain_text("Approdo starts")
