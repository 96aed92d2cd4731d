"""The content generation (home/generation.py): the shared cache asked once per request,
copies in memory that never outlive the shared entry nor survive an edit on another instance.
"""

import datetime

import pytest
import time_machine
from django.core.cache import cache
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import Site

from home import generation
from home.chrome import chrome_for
from home.models import SiteSettings
from tests.factories.pages import (
    NewsIndexPageFactory,
    NewsPageFactory,
    PartnerFactory,
    home_page,
    translate,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def site(settings):
    settings.APPRODO_PAGE_CACHE_SECONDS = 0
    settings.APPRODO_FRAGMENT_CACHE_SECONDS = 60
    home = home_page()
    news = NewsIndexPageFactory(parent=home, show_in_menus=True)
    NewsPageFactory(parent=news, title="Prima notizia")
    return home


@pytest.fixture
def shared_reads(monkeypatch):
    """The keys the page asks the shared cache for, in order."""
    keys = []
    get, get_many = cache.get, cache.get_many

    def spy_get(key, *args, **kwargs):
        keys.append(key)
        return get(key, *args, **kwargs)

    def spy_get_many(many, *args, **kwargs):
        keys.extend(many)
        return get_many(many, *args, **kwargs)

    monkeypatch.setattr(cache, "get", spy_get)
    monkeypatch.setattr(cache, "get_many", spy_get_many)
    return keys


def test_a_render_reads_the_token_once_and_nothing_else_once_warm(client, site, shared_reads):
    # The home page reads the chrome, the private sections (three times) and two listings.
    assert client.get("/it/").status_code == 200
    assert shared_reads.count(generation.GENERATION_KEY) == 1
    shared_reads.clear()
    assert client.get("/it/").status_code == 200
    # Wagtail's site root paths come with the chrome, too.
    assert shared_reads == [generation.GENERATION_KEY]


def test_an_edit_on_another_instance_shows_at_the_next_request(client, site):
    SiteSettings.for_site(Site.objects.get(is_default_site=True))
    assert "altrove@approdo.example" not in client.get("/it/").text
    # Another instance saved the setting: here, no signal runs and this process's copies
    # of the chrome stay in memory; only the shared token goes.
    SiteSettings.objects.update(contact_email="altrove@approdo.example")
    assert "altrove@approdo.example" not in client.get("/it/").text  # as long as the token
    cache.delete(generation.GENERATION_KEY)
    assert "altrove@approdo.example" in client.get("/it/").text


def test_the_copy_in_memory_expires_with_the_shared_entry():
    computed = []

    def compute():
        computed.append(1)
        return len(computed)

    start = timezone.now()
    with time_machine.travel(start, tick=False):
        assert generation.remember("clock", compute, 60) == 1
    # A process that starts later copies the shared entry with what remains of its life.
    generation.LOCAL.clear()
    with time_machine.travel(start + datetime.timedelta(seconds=50), tick=False):
        assert generation.remember("clock", compute, 60) == 1
    with time_machine.travel(start + datetime.timedelta(seconds=61), tick=False):
        assert generation.remember("clock", compute, 60) == 2
    assert len(computed) == 2


def test_a_kept_none_is_not_computed_again():
    computed = []
    assert generation.remember("nothing", lambda: computed.append(1), 60) is None
    assert generation.remember("nothing", lambda: computed.append(1), 60) is None
    assert computed == [1]


def test_an_edit_during_a_request_is_seen_by_the_rest_of_it():
    generation._open_memo()
    try:
        first = generation.generation()
        assert generation.generation() == first
        generation.invalidate()
        assert generation.generation() != first
    finally:
        generation._close_memo()


def test_outside_a_request_the_token_is_read_every_time():
    first = generation.generation()
    cache.delete(generation.GENERATION_KEY)
    assert generation.generation() != first


def test_each_request_gets_its_own_copy_of_the_chrome(site):
    factory = RequestFactory()
    one, two = factory.get("/it/"), factory.get("/it/")
    chrome_one, chrome_two = chrome_for(one), chrome_for(two)
    assert chrome_one.menu == chrome_two.menu and chrome_one.menu
    assert chrome_one is not chrome_two
    # The request primes the settings with itself: a shared object would carry another's.
    assert chrome_one.settings is not chrome_two.settings


def test_a_route_is_kept_and_follows_a_new_slug(client, site, django_capture_on_commit_callbacks):
    news = NewsPageFactory(parent=site.get_children().first(), slug="vecchio")
    assert client.get("/it/notizie/vecchio/").status_code == 200
    with CaptureQueriesContext(connection) as queries:
        assert client.get("/it/notizie/vecchio/").status_code == 200
    assert not [q for q in queries if '"url_path" IN' in q["sql"]]  # the lookup was kept
    news.slug = "nuovo"
    with django_capture_on_commit_callbacks(execute=True):
        news.save_revision().publish()
    old = client.get("/it/notizie/vecchio/")  # Wagtail's automatic redirect, not the page
    assert old.status_code == 301 and old["Location"] == "/it/notizie/nuovo/"
    assert client.get("/it/notizie/nuovo/").status_code == 200


def test_a_missing_path_is_never_kept(client, site, monkeypatch):
    stored = []
    set_ = cache.set

    def spy_set(key, *args, **kwargs):
        stored.append(key)
        return set_(key, *args, **kwargs)

    monkeypatch.setattr(cache, "set", spy_set)
    for n in range(3):
        assert client.get(f"/it/notizie/inventata-{n}/").status_code == 404
    assert not [key for key in stored if ":route:" in key]


def test_a_new_translation_joins_the_hreflang_links(client, site):
    news = NewsPageFactory(parent=site.get_children().first(), slug="tradotta")
    link = '<link rel="alternate" hreflang="en" href="http://testserver/en/'
    assert link not in client.get("/it/notizie/tradotta/").text
    translate(news, "en")  # published: the generation is replaced
    assert link in client.get("/it/notizie/tradotta/").text


def test_a_new_partner_shows_at_the_next_render(client, site, django_capture_on_commit_callbacks):
    assert "Cooperativa Nuova" not in client.get("/it/").text
    with django_capture_on_commit_callbacks(execute=True):
        PartnerFactory(name="Cooperativa Nuova", locale=site.locale)
    assert "Cooperativa Nuova" in client.get("/it/").text
