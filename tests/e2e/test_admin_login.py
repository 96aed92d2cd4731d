"""Staff reach the Wagtail admin through the allauth login with a TOTP code."""

import re
from pathlib import Path

import pytest
from django.test import override_settings
from playwright.sync_api import expect

from tests.e2e.axe import axe_violations
from tests.factories.users import DEFAULT_PASSWORD, StaffUserFactory
from tests.totp import current_code, enrol_totp

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@override_settings(APPRODO_STAFF_REQUIRE_MFA=True)
def test_staff_logs_into_admin_with_totp(page, live_server, axe_source, output_path):
    staff = StaffUserFactory(email="staff@approdo.example", first_name="Sara")
    secret = enrol_totp(staff)

    page.goto(f"{live_server.url}/admin/")
    expect(page).to_have_url(re.compile(r"/accounts/login/\?next=/admin/"))
    assert axe_violations(page, axe_source) == []
    page.get_by_label(re.compile(r"^E-?mail")).fill(staff.email)
    page.get_by_label("Password", exact=False).first.fill(DEFAULT_PASSWORD)
    page.get_by_role("button", name=re.compile("Accedi|Sign In")).click()

    expect(page).to_have_url(re.compile(r"/accounts/2fa/authenticate/"))
    page.screenshot(path=Path(output_path) / "totp-step.png")
    page.get_by_label(re.compile("Codice|Code", re.IGNORECASE)).fill(current_code(secret))
    page.get_by_role("button", name=re.compile("Accedi|Sign In")).click()

    expect(page).to_have_url(re.compile(r"/admin/$"))
    expect(page.locator("body")).to_contain_text("Sara")
    page.screenshot(path=Path(output_path) / "admin-dashboard.png")
