"""Listings kept between renders (home/fragments.py): reused, and never out of date with
the content, the language or, beyond their lifetime, the clock."""

import datetime
import inspect

import pytest
import time_machine
from django.core.cache import cache
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import Site

from home import fragments
from tests.factories.pages import (
    CallIndexPageFactory,
    CallPageFactory,
    NewsIndexPageFactory,
    NewsPageFactory,
    ProjectPageFactory,
    TopicFactory,
    home_page,
    translate,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def site(settings):
    settings.APPRODO_PAGE_CACHE_SECONDS = 0
    settings.APPRODO_FRAGMENT_CACHE_SECONDS = 60
    home = home_page()
    project = ProjectPageFactory(parent=home, slug="approdo")
    news_index = NewsIndexPageFactory(parent=home)
    call_index = CallIndexPageFactory(parent=home)
    topic = TopicFactory()
    first = NewsPageFactory(parent=news_index, title="Prima notizia", project=project)
    second = NewsPageFactory(parent=news_index, title="Seconda notizia", project=project)
    for page in (first, second):
        page.topics.add(topic)
        page.save()
    return {
        "home": home,
        "project": project,
        "news": news_index,
        "calls": call_index,
        "first": first,
        "second": second,
        "topic": topic,
    }


def listing_queries(client, url):
    """Queries of a render that list news or calls (ordered reads of those tables)."""
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return [
        q["sql"]
        for q in queries
        if ('FROM "news_newspage"' in q["sql"] or 'FROM "news_callpage"' in q["sql"])
        and ("ORDER BY" in q["sql"] or "COUNT(" in q["sql"])
    ]


@pytest.mark.parametrize("page", ["home", "project", "first", "news"])
def test_a_second_render_reuses_the_listing(client, site, page):
    url = "/it/" if page == "home" else site[page].url
    first = client.get(url).content
    assert listing_queries(client, url) == []
    assert client.get(url).content == first


@pytest.mark.parametrize(
    ("page", "builders"),
    [
        ("home", ["NewsIndexPage.latest", "CallIndexPage.open_calls"]),
        ("project", ["NewsIndexPage.of_project", "CallIndexPage.current_of_project"]),
        # The page of news and the years' filter each start from the index's news.
        ("news", ["NewsIndexPage.news", "NewsIndexPage.news"]),
    ],
)
def test_a_kept_listing_is_not_even_built(client, site, page, builders, monkeypatch):
    from news import models

    built = []
    for name in dict.fromkeys(builders):  # each builder wrapped once, however often it runs
        owner, method = name.split(".")
        original = getattr(getattr(models, owner), method)

        def counting(*args, _name=name, _original=original):
            built.append(_name)
            return _original(*args)

        static = isinstance(inspect.getattr_static(getattr(models, owner), method), staticmethod)
        monkeypatch.setattr(
            getattr(models, owner), method, staticmethod(counting) if static else counting
        )
    url = "/it/" if page == "home" else site[page].url
    client.get(url)
    assert sorted(built) == sorted(builders)
    client.get(url)
    assert sorted(built) == sorted(builders), "a warm render built a listing it never showed"


def test_the_news_index_keeps_one_listing_per_query_string(client, site):
    NewsPageFactory(parent=site["news"], title="Terza notizia")  # no topic
    url = site["news"].url
    assert "Terza notizia" in client.get(url).content.decode()  # stored unfiltered
    filtered = client.get(url, {"topic": site["topic"].slug}).content.decode()
    assert "Prima notizia" in filtered and "Terza notizia" not in filtered
    assert "Terza notizia" in client.get(url).content.decode()
    assert client.get(url, {"topic": site["topic"].slug}).content.decode() == filtered


def test_turned_off_every_render_reads_the_listings(client, site, settings):
    settings.APPRODO_FRAGMENT_CACHE_SECONDS = 0
    client.get("/it/")
    assert listing_queries(client, "/it/")


def test_a_news_published_or_unpublished_shows_on_the_next_render(client, site):
    assert "Terza notizia" not in client.get("/it/").content.decode()
    third = NewsPageFactory(parent=site["news"], title="Terza notizia")
    assert "Terza notizia" in client.get("/it/").content.decode()
    third.unpublish()
    assert "Terza notizia" not in client.get("/it/").content.decode()
    third.save_revision().publish()
    assert "Terza notizia" in client.get("/it/").content.decode()


def test_a_call_leaves_the_open_calls_within_the_lifetime_of_closing(client, site):
    closes = timezone.now().replace(microsecond=0) + datetime.timedelta(hours=2)
    CallPageFactory(parent=site["calls"], title="Avviso in chiusura", closes_at=closes)
    with time_machine.travel(closes - datetime.timedelta(seconds=5), tick=False):
        assert "Avviso in chiusura" in client.get("/it/").content.decode()
    with time_machine.travel(closes + datetime.timedelta(seconds=61), tick=False):
        assert "Avviso in chiusura" not in client.get("/it/").content.decode()


def test_each_language_keeps_its_own_listing(client, site):
    translate(site["home"], "en")
    english_index = translate(site["news"], "en")
    NewsPageFactory(parent=english_index, title="English only news")
    assert "English only news" not in client.get("/it/").content.decode()
    assert "English only news" in client.get("/en/").content.decode()
    assert "English only news" not in client.get("/it/").content.decode()


def test_a_preview_neither_reads_nor_stores_a_listing(client, site):
    """A draft that changes its topics previews its own related news, and the live page
    keeps the related news of what is published."""
    for n in range(3):
        NewsPageFactory(
            parent=site["news"], title=f"Ultima {n}", date=datetime.date(2027, 1, n + 1)
        )
    elsewhere = TopicFactory()
    other = NewsPageFactory(
        parent=site["news"], title="Altra notizia", date=datetime.date(2020, 1, 1)
    )
    other.topics.add(elsewhere)
    other.save()
    # Previews are rendered for the site's own host: the client's must be the same, so that
    # an entry a preview stored would be found.
    Site.objects.filter(is_default_site=True).update(hostname="testserver")
    cache.clear()
    live_html = client.get(site["first"].url).content.decode()
    assert "Altra notizia" not in live_html

    site["first"].topics.set([elsewhere])
    site["first"].save_revision()
    draft = site["first"].get_latest_revision_as_object()
    preview = draft.make_preview_request()
    preview = preview.render() if hasattr(preview, "render") else preview
    assert "Altra notizia" in preview.content.decode()
    assert "Altra notizia" not in client.get(site["first"].url).content.decode()

    request = RequestFactory().get("/it/")
    request.is_preview = True
    assert fragments.key_for(request, "related", site["first"].pk) is None
