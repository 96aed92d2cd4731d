"""Browser-test fixtures: a live server with the demo content loaded."""

import io

import pytest
from django.core.management import call_command


@pytest.fixture
def demo_site(site_structure, live_server):
    """The demo site (it/en/ar) served by the live server; returns its base URL."""
    call_command("seed_demo", stdout=io.StringIO())
    return live_server.url
