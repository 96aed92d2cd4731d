"""Per-IP rate limits count the client's real address, never one it wrote itself.

Exercised on a real limit, the contact form's (5 messages in 10 minutes per address), with
the settings production requires (portal/settings/production.py, tests/test_infra.py).
"""

import pytest
from wagtail.models import Locale

from home.models import FormField, FormPage
from tests.factories.pages import home_page

pytestmark = pytest.mark.django_db

CLIENT = "203.0.113.7"
OTHER_CLIENT = "203.0.113.8"
PROXY = "127.0.0.1"
LIMIT = 5


@pytest.fixture
def contact_page():
    page = FormPage(title="Contatti", slug="contatti", to_address="", from_address="")
    home_page().add_child(instance=page)
    FormField.objects.create(
        page=page,
        label="Messaggio",
        field_type="singleline",
        locale=Locale.objects.get(language_code="it"),
    )
    page.save_revision().publish()
    return page


def post(client, page, remote_addr, forwarded_for=None):
    headers = {"REMOTE_ADDR": remote_addr}
    if forwarded_for is not None:
        headers["HTTP_X_FORWARDED_FOR"] = forwarded_for
    return client.post(page.url, {"messaggio": "Vorrei informazioni."}, **headers).status_code


def test_direct_clients_cannot_pick_their_address(client, contact_page, settings):
    """No proxy in front (ALLAUTH_TRUSTED_PROXY_COUNT=0): X-Forwarded-For is the client's own
    words, so a new made-up address on every message must not reset its count."""
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 0
    answers = [
        post(client, contact_page, CLIENT, forwarded_for=f"198.51.100.{n}")
        for n in range(LIMIT + 1)
    ]
    assert answers == [200] * LIMIT + [429]


def test_behind_one_proxy_the_address_it_saw_is_counted(client, contact_page, settings):
    """One nginx in front (ALLAUTH_TRUSTED_PROXY_COUNT=1) appends the address it saw; what
    the client put before it is ignored, and the proxy's own address is not the client's."""
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 1
    answers = [
        post(client, contact_page, PROXY, forwarded_for=f"198.51.100.{n}, {CLIENT}")
        for n in range(LIMIT + 1)
    ]
    assert answers == [200] * LIMIT + [429]
    # Another client behind the same proxy has its own count.
    assert post(client, contact_page, PROXY, forwarded_for=OTHER_CLIENT) == 200
