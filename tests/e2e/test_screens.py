"""What a person sees on the company screens: things axe does not measure.

The header's search button must stand out from the blue header (WCAG 1.4.11, non-text
contrast at least 3:1), on the intern card the decline reason's label must not sit
under the Accept button, and no company screen may be wider than the phone showing it
(the signed-in header's language links and account buttons once made every page twice as
wide), in every language and at desktop and phone widths.
"""

import os

import pytest
from django.urls import reverse
from django.utils import translation

from companies.models import (
    Company,
    CompanyStatus,
    Membership,
    MembershipRole,
    Placement,
    PlacementStatus,
)
from tests.e2e.test_moderation import sign_in
from tests.e2e.test_placements import known_password

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

WIDTHS = (1280, 375)
LANGUAGES = ("it", "en", "ar")
# Set APPRODO_SCREENSHOTS=<dir> to keep a picture of every screen visited.
SHOTS = os.environ.get("APPRODO_SCREENSHOTS")

# The colours as drawn: the icon's fill against the first opaque background behind the link.
CONTRAST_JS = """
(link) => {
  const rgb = (c) => (c.match(/[\\d.]+/g) || []).map(Number);
  const lum = ([r, g, b]) => {
    const f = (v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; };
    return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
  };
  const icon = link.querySelector("svg");
  const fill = rgb(getComputedStyle(icon).fill);
  let node = link, bg = null;
  while (node && node.nodeType === 1) {
    const c = rgb(getComputedStyle(node).backgroundColor);
    if (c.length >= 3 && (c.length === 3 || c[3] > 0.99)) { bg = c; break; }
    node = node.parentElement;
  }
  bg = bg || [255, 255, 255];
  const [hi, lo] = [lum(fill), lum(bg)].sort((a, b) => b - a);
  return (hi + 0.05) / (lo + 0.05);
}
"""


def shoot(page, name, always=False):
    if SHOTS:
        os.makedirs(SHOTS, exist_ok=True)
        page.screenshot(path=os.path.join(SHOTS, f"{name}.png"), full_page=True)
    elif always:
        page.screenshot(full_page=True)


@pytest.fixture
def company_page(demo_site, no_staff_mfa, page):
    owner = known_password("azienda@approdo.example")
    company = Company.objects.get(partita_iva="01234560520", status=CompanyStatus.APPROVED)
    Membership.objects.get_or_create(user=owner, company=company, role=MembershipRole.ADMIN)
    running = company.placements.filter(status=PlacementStatus.ACTIVE).first()
    proposed = Placement.objects.get(pk=running.pk)
    proposed.pk = None
    proposed.status = PlacementStatus.PROPOSED
    proposed.participant = (
        type(running.participant).objects.exclude(placements__isnull=False).first()
    )
    proposed.save()
    sign_in(page, demo_site, "it", owner.email)
    page.wait_for_url(lambda url: "/login/" not in url)
    page.base, page.company, page.proposed = demo_site, company, proposed
    return page


def url(page, language, name, *args):
    with translation.override(language):
        return page.base + reverse(name, args=args)


def test_company_screens_in_every_language_and_width(company_page):
    """One demo site for all screens: seeding it costs more than the screens themselves."""
    page = company_page
    for width in WIDTHS:
        page.set_viewport_size({"width": width, "height": 900})
        for language in LANGUAGES:
            search_button_stands_out(page, language, width)
            decline_label_clear_of_the_buttons(page, language, width)
            for name in ("documents", "positions", "team"):
                page.goto(url(page, language, f"companies:{name}", page.company.pk))
                shoot(page, f"{name}-{language}-{width}")
                fits_the_screen(page, language, width, name)
            invite_label_clear_of_its_heading(page, language, width)


def invite_label_clear_of_its_heading(page, language, width):
    """The team page is the last one visited: its form's first floating label sits under the
    section's heading, not on it."""
    heading = page.locator("#invite-title").bounding_box()
    label = page.locator("label[for=id_email]").bounding_box()
    assert heading and label
    assert label["y"] >= heading["y"] + heading["height"], f"{language} at {width}px"


def fits_the_screen(page, language, width, name):
    """Nothing scrolls sideways: the page is no wider than the window."""
    wide, window = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
    assert wide <= window, f"{name} in {language} at {width}px is {wide}px wide"


def search_button_stands_out(page, language, width):
    page.goto(url(page, language, "companies:dashboard", page.company.pk))
    # A full-page capture re-lays the page out, as a resize or a print does: the colours
    # are measured right after it, when Bootstrap Italia's animation is half-way.
    shoot(page, f"dashboard-{language}-{width}", always=True)
    ratio = page.locator(".it-search-wrapper a.search-link").evaluate(CONTRAST_JS)
    assert ratio >= 3, f"{language} at {width}px: search icon contrast {ratio:.2f}:1"
    fits_the_screen(page, language, width, "dashboard")


def decline_label_clear_of_the_buttons(page, language, width):
    page.goto(url(page, language, "companies:intern_card", page.company.pk, page.proposed.pk))
    shoot(page, f"intern-card-{language}-{width}")
    label = page.locator("label[for=decline-reason]").bounding_box()
    accept = page.locator("button[value=accept]").bounding_box()
    field = page.locator("#decline-reason").bounding_box()
    assert label and accept and field
    assert label["y"] >= accept["y"] + accept["height"], f"{language} at {width}px"
    assert label["y"] + label["height"] <= field["y"] + 1, f"{language} at {width}px"
    fits_the_screen(page, language, width, "intern card")
