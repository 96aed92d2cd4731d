"""Defaults that must not surprise: an unscanned upload is said out loud, production needs a
scanner address."""

import pytest
from django.urls import reverse
from django.utils import translation

from companies.models import CompanyStatus
from tests.factories.companies import MembershipFactory
from tests.test_infra import PRODUCTION_ENV, run_manage

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("address", "environment", "shown"),
    [
        ("", "development", True),
        ("none", "development", True),
        ("/var/run/clamav/clamd.ctl", "development", False),
        ("", "production", False),  # companies are not told; staff are (below)
    ],
)
def test_the_upload_page_says_when_uploads_are_not_scanned(
    client, settings, address, environment, shown
):
    settings.APPRODO_CLAMD_ADDRESS = address
    settings.APPRODO_ENVIRONMENT = environment
    membership = MembershipFactory(company__status=CompanyStatus.APPROVED)
    client.force_login(membership.user)
    with translation.override("it"):
        page = client.get(reverse("companies:documents", args=[membership.company.pk])).text
    assert ('id="unscanned-notice"' in page) is shown
    if shown:
        assert "non vengono controllati dall'antivirus" in page


@pytest.mark.parametrize(("address", "shown"), [("", True), ("none", True), ("h:3310", False)])
def test_staff_are_told_on_the_admin_home_page(staff_client, settings, address, shown):
    settings.APPRODO_CLAMD_ADDRESS = address
    page = staff_client.get(reverse("wagtailadmin_home")).text
    assert ('id="scanner-off-panel"' in page) is shown


def test_production_refuses_to_start_without_a_scanner_address():
    env = {k: v for k, v in PRODUCTION_ENV.items() if k != "APPRODO_CLAMD_ADDRESS"}
    result = run_manage("check", "--settings=portal.settings.production", env=env)
    assert result.returncode != 0
    assert "APPRODO_CLAMD_ADDRESS" in result.stderr
