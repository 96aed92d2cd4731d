"""Browser-test fixtures: a live server with the demo content loaded."""

import io

import pytest
from django.core.management import call_command


@pytest.fixture
def demo_site(site_structure, live_server, private_dir):
    """The demo site (it/en/ar) and its accounts, served by the live server; returns its
    base URL. The staff groups come first, so the demo staff get their rights."""
    from tests.factories.users import ensure_staff_groups

    ensure_staff_groups()
    call_command("seed_demo", stdout=io.StringIO())
    return live_server.url
