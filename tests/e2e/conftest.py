"""Browser-test fixtures: a live server with the demo content loaded."""

import io

import pytest
from django.core.management import call_command


@pytest.fixture
def demo_site(live_server, private_dir):
    """The demo site (it/en/ar) and its accounts, served by the live server; returns its
    base URL."""
    call_command("seed_demo", stdout=io.StringIO())
    return live_server.url
