"""The demo content: believable, translated through wagtail-localize, idempotent."""

import io

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from wagtail.models import Page
from wagtail_localize.models import Translation

from home.models import HomePage, SiteSettings
from news.models import NewsPage


@pytest.fixture
def seed(site_structure):
    """Run seed_demo with real commits, as `make run` does.

    wagtail-localize publishes translations on transaction commit; inside a test
    transaction those publishes would be replayed late and out of order.
    """

    def run():
        out = io.StringIO()
        call_command("seed_demo", stdout=out)
        return out.getvalue()

    return run


def test_builds_translated_site_and_accounts(seed):
    output = seed()
    for code in ("it", "en", "ar"):
        assert HomePage.objects.filter(locale__language_code=code, live=True).exists()
        assert NewsPage.objects.filter(locale__language_code=code, live=True).count() >= 4
    # Translations went through wagtail-localize, so editors can keep them in sync.
    assert Translation.objects.filter(target_locale__language_code="ar").count() >= 6
    arabic = NewsPage.objects.filter(locale__language_code="ar").first()
    assert any("\u0600" <= ch <= "\u06ff" for ch in arabic.title)
    emails = set(get_user_model().objects.values_list("email", flat=True))
    assert {
        "editor@approdo.example",
        "moderator@approdo.example",
        "azienda@approdo.example",
    } <= emails
    assert "editor@approdo.example" in output
    settings = SiteSettings.objects.get()
    assert settings.funding_disclosure is not None
    assert settings.privacy_page is not None


def test_second_run_adds_nothing_and_resets_passwords(seed):
    seed()
    pages = Page.objects.count()
    user = get_user_model().objects.get(email="editor@approdo.example")
    old_hash = user.password
    seed()
    assert Page.objects.count() == pages
    user.refresh_from_db()
    assert user.password != old_hash


def test_pages_render_in_every_language(client, seed):
    seed()
    for url in ("/it/notizie/", "/en/news/", "/ar/news/", "/en/news/approdo-starts/"):
        response = client.get(url)
        assert response.status_code == 200, url
    response = client.get("/en/")
    assert "Co-funded by the European Union" in response.text
    assert "European Social Fund Plus" in response.text
    assert 'href="/en/privacy/"' in response.text
