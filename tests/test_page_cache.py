"""Anonymous page cache: hits without queries, what is never cached, purges on publish."""

import datetime

import pytest
from django.core.cache import cache
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.test import Client, RequestFactory, override_settings
from django.urls import resolve
from django.utils.cache import patch_cache_control
from wagtail.contrib.frontend_cache.utils import PurgeBatch
from wagtail.models import Locale, PageViewRestriction

from home.cache import (
    HEADER,
    AnonymousPageCacheMiddleware,
    DjangoCacheBackend,
    add_page_urls,
    page_cache,
    purge_everything,
    related_pages,
)
from home.models import FundingDisclosure, HomePage, ProjectPage, SiteSettings, StandardPage
from news.models import CallIndexPage, NewsIndexPage, NewsPage
from tests.factories.users import UserFactory

pytestmark = pytest.mark.django_db

ARABIC_SLUG = "خبر-أول"


def state(client, url, **extra):
    """The page cache's verdict for one anonymous GET, after checking it succeeded."""
    response = client.get(url, **extra)
    assert response.status_code == 200, url
    return response.headers.get(HEADER)


def prime(client, urls):
    """Caches each URL and checks that the next GET is served from the cache."""
    for url in urls:
        client.get(url)
        assert state(client, url) == "hit", url


def publish(page):
    page.save_revision().publish()
    return page


def translate(page, language_code, slug=None):
    """A published copy of ``page`` in another locale, as wagtail-localize would make."""
    copy = page.copy_for_translation(Locale.objects.get(language_code=language_code))
    if slug:
        copy.slug = slug
        copy.save()
    return publish(copy)


@pytest.fixture
def home():
    return HomePage.objects.get(depth=2, locale__language_code="it")


@pytest.fixture
def tree(home):
    """Home, an about page, a news index and two news items in it, en and ar.

    The Arabic article has its own slug, so only the translation link (not Wagtail's
    language-prefix substitution) can find its URL.
    """
    about = home.add_child(instance=StandardPage(title="Chi siamo", slug="chi-siamo"))
    index = home.add_child(instance=NewsIndexPage(title="Notizie", slug="notizie"))
    item = index.add_child(
        instance=NewsPage(title="Prima notizia", slug="prima-notizia", lead="Apre la serie.")
    )
    other = index.add_child(
        instance=NewsPage(title="Altra notizia", slug="altra-notizia", lead="Resta uguale.")
    )
    for code in ("en", "ar"):
        if not home.get_translations().filter(locale__language_code=code).exists():
            translate(home, code)
        translate(index, code)
        translate(item, code, slug=ARABIC_SLUG if code == "ar" else None)
    return {"home": home, "about": about, "index": index, "item": item, "other": other}


def test_second_anonymous_get_is_a_hit_without_queries(client, django_assert_num_queries):
    first = client.get("/it/")
    assert first.status_code == 200
    assert first[HEADER] == "miss"
    with django_assert_num_queries(0):
        second = client.get("/it/")
        head = client.head("/it/")
    assert second[HEADER] == "hit"
    assert second.content == first.content
    assert head[HEADER] == "hit"


def test_hit_keeps_the_headers_of_the_page(client):
    first = client.get("/it/")
    second = client.get("/it/")
    assert second[HEADER] == "hit"
    for header in ("Content-Security-Policy", "Content-Language", "Content-Type", "Vary"):
        assert second[header] == first[header], header
    assert "frame-ancestors 'none'" in second["Content-Security-Policy"]
    assert second["Content-Language"] == "it"
    # Headers of middleware before the cache are added to hits as well.
    assert second["X-Content-Type-Options"] == "nosniff"
    assert second["X-Frame-Options"] == "DENY"


def test_query_string_is_part_of_the_key(client, tree):
    prime(client, ["/it/notizie/"])
    assert state(client, "/it/notizie/?page=1") == "miss"
    assert state(client, "/it/notizie/?page=1") == "hit"


def test_logged_in_users_neither_get_nor_fill_the_cache(client):
    anonymous = client.get("/it/")
    member = Client()
    member.force_login(UserFactory())

    response = member.get("/it/")
    assert HEADER not in response
    assert response.content != anonymous.content
    assert b"/it/accounts/logout/" in response.content

    client.get("/it/")  # the anonymous copy is still there, untouched by the member
    assert client.get("/it/")[HEADER] == "hit"

    # Nothing the member saw was stored: a fresh cache stays empty after their visit.
    cache.clear()
    member.get("/it/")
    assert client.get("/it/")[HEADER] == "miss"


@pytest.mark.parametrize(
    "extra",
    [
        {"HTTP_COOKIE": "sessionid=abc"},
        {"HTTP_COOKIE": "messages=abc"},
        {"HTTP_AUTHORIZATION": "Bearer abc"},
    ],
    ids=["session", "messages", "authorization"],
)
def test_personal_requests_bypass_the_cache(client, extra):
    client.get("/it/")
    assert client.get("/it/")[HEADER] == "hit"
    assert HEADER not in client.get("/it/", **extra)


def test_forms_are_never_served_from_the_cache(client):
    for _ in range(2):
        login = client.get("/it/accounts/login/")
        assert login.status_code == 200
        assert HEADER not in login
        client.cookies.clear()


def test_a_missing_page_is_served_from_the_cache_the_second_time(client, django_assert_num_queries):
    first = client.get("/it/no-such-page/")
    assert (first.status_code, first[HEADER]) == (404, "miss")
    with django_assert_num_queries(0):
        second = client.get("/it/no-such-page/")
    assert (second.status_code, second[HEADER]) == (404, "hit")
    assert second.content == first.content


def _view(request, kind):
    """A 200 HTML response, made unfit for other visitors in the way ``kind`` names."""
    request.resolver_match = resolve("/it/accounts/login/" if kind == "not-a-page" else "/it/")
    response = HttpResponse("<p>page</p>")
    if kind == "form":
        response.content = f"<form><input value='{get_token(request)}'></form>"
    elif kind == "cookie":
        response.set_cookie("seen", "1")
    elif kind == "preview":
        request.is_preview = True
    elif kind == "private":
        patch_cache_control(response, private=True)
    elif kind == "nonce":
        response["Content-Security-Policy"] = "script-src 'nonce-abc'"
    return response


def test_a_hit_is_one_round_trip_to_the_cache(client, monkeypatch):
    client.get("/it/")
    shared = page_cache()
    calls = []
    for name in ("get", "get_many", "add", "set", "delete"):
        original = getattr(shared, name)

        def counted(*args, _name=name, _original=original, **kwargs):
            # Only the middleware's own calls: the test cache answers get_many with gets.
            calls.append(_name)
            depth = len(calls)
            try:
                return _original(*args, **kwargs)
            finally:
                del calls[depth:]

        monkeypatch.setattr(shared, name, counted)
    assert client.get("/it/")[HEADER] == "hit"
    assert calls == ["get_many"]


@pytest.mark.parametrize("purge", ["everything", "the path"])
def test_a_page_rendered_across_a_purge_is_never_served(purge):
    """The purge lands while the old content renders, and another visitor stores the new
    content before the old rendering is stored over it: the old copy must never be a hit."""
    renders = []

    def get_response(request):
        renders.append(request)
        number = len(renders)
        if number == 1:
            if purge == "everything":
                purge_everything()
            else:
                DjangoCacheBackend({}).purge("https://localhost/it/")
            assert middleware(RequestFactory().get("/it/"))[HEADER] == "miss"
        response = _view(request, "plain")
        response.content = f"<p>render {number}</p>"
        return response

    middleware = AnonymousPageCacheMiddleware(get_response)
    assert middleware(RequestFactory().get("/it/")).content == b"<p>render 1</p>"
    later = [middleware(RequestFactory().get("/it/")) for _ in range(2)]
    assert [(r[HEADER], r.content) for r in later] == [
        ("miss", b"<p>render 3</p>"),
        ("hit", b"<p>render 3</p>"),
    ]


@pytest.mark.parametrize(
    "kind", ["plain", "form", "cookie", "preview", "private", "nonce", "not-a-page"]
)
def test_only_pages_fit_for_everybody_are_stored(kind):
    calls = []

    def get_response(request):
        calls.append(request)
        return _view(request, kind)

    middleware = AnonymousPageCacheMiddleware(get_response)
    verdicts = [middleware(RequestFactory().get("/it/"))[HEADER] for _ in range(2)]
    stored = kind == "plain"
    assert verdicts == (["miss", "hit"] if stored else ["miss", "miss"])
    assert len(calls) == (1 if stored else 2)


def test_preview_renders_the_draft_not_the_cached_page(client, tree):
    url = "/it/notizie/prima-notizia/"
    prime(client, [url])
    item = tree["item"]
    item.title = "Bozza non pubblicata"
    item.save_revision()

    preview = item.get_latest_revision_as_object().make_preview_request()
    assert b"Bozza non pubblicata" in preview.content
    assert preview.headers.get(HEADER) is None

    live = client.get(url)
    assert live[HEADER] == "hit"
    assert b"Bozza non pubblicata" not in live.content


def test_publishing_purges_the_page_its_ancestors_and_translations(
    client, tree, django_capture_on_commit_callbacks
):
    affected = [
        "/it/",
        "/en/",
        "/ar/",
        "/it/notizie/",
        "/it/notizie/?page=1",
        "/en/notizie/",
        "/ar/notizie/",
        "/it/notizie/prima-notizia/",
        "/en/notizie/prima-notizia/",
        f"/ar/notizie/{ARABIC_SLUG}/",
    ]
    unrelated = ["/it/chi-siamo/", "/it/notizie/altra-notizia/"]
    prime(client, affected + unrelated)

    item = tree["item"]
    item.title = "Notizia aggiornata"
    with django_capture_on_commit_callbacks(execute=True):
        publish(item)

    for url in affected:
        assert state(client, url) == "miss", url
    for url in unrelated:
        assert state(client, url) == "hit", url
    for url in ("/it/", "/it/notizie/", "/it/notizie/prima-notizia/"):
        assert b"Notizia aggiornata" in client.get(url).content, url


def test_unpublishing_purges_the_page_and_its_listings(
    client, tree, django_capture_on_commit_callbacks
):
    prime(client, ["/it/", "/it/notizie/", "/it/notizie/prima-notizia/", "/en/notizie/"])
    with django_capture_on_commit_callbacks(execute=True):
        tree["item"].unpublish()

    assert client.get("/it/notizie/prima-notizia/").status_code == 404
    for url in ("/it/", "/it/notizie/"):
        response = client.get(url)
        assert response[HEADER] == "miss", url
        assert b"Prima notizia" not in response.content, url
    assert state(client, "/en/notizie/") == "miss"


def test_menu_pages_settings_and_snippets_purge_everything(
    client, tree, home, django_capture_on_commit_callbacks
):
    page = "/it/notizie/prima-notizia/"
    prime(client, [page])
    with django_capture_on_commit_callbacks(execute=True):
        publish(tree["about"])  # a child of home: it is in the main menu of every page
    assert state(client, page) == "miss"

    prime(client, [page])
    settings = SiteSettings.for_site(home.get_site())
    settings.contact_email = "info@approdo.example"
    with django_capture_on_commit_callbacks(execute=True):
        settings.save()
    assert state(client, page) == "miss"

    prime(client, [page])
    with django_capture_on_commit_callbacks(execute=True):
        FundingDisclosure.objects.create(name="FSE+", programme="PR FSE+", statement="UE.")
    assert state(client, page) == "miss"


def test_backend_purges_every_query_variant_of_a_percent_encoded_url(client, tree):
    arabic = tree["item"].get_translation(Locale.objects.get(language_code="ar"))
    url = f"/ar/notizie/{ARABIC_SLUG}/"
    prime(client, [url, f"{url}?utm_source=x"])
    full_url = arabic.get_full_url()
    assert "%" in full_url  # Wagtail hands the backend an encoded URL

    DjangoCacheBackend({}).purge(full_url)

    assert state(client, url) == "miss"
    assert state(client, f"{url}?utm_source=x") == "miss"


def test_routes_of_routable_pages_are_purged_with_them(home):
    calls = home.add_child(instance=CallIndexPage(title="Bandi", slug="bandi"))
    batch = PurgeBatch()
    add_page_urls(batch, calls)
    assert {"http://localhost/it/bandi/", "http://localhost/it/bandi/archive/"} <= batch.urls


def test_making_a_page_private_stops_serving_it_at_once(
    client, tree, django_capture_on_commit_callbacks
):
    url = "/it/notizie/prima-notizia/"
    prime(client, [url])
    with django_capture_on_commit_callbacks(execute=True):
        PageViewRestriction.objects.create(
            page=tree["index"], restriction_type=PageViewRestriction.LOGIN
        )
    assert client.get(url).status_code == 302


def test_linked_project_page_is_purged_with_its_news(tree, home):
    project = home.add_child(
        instance=ProjectPage(
            title="Progetto",
            slug="progetto",
            programme="PR FSE+ Toscana 2021–2027",
            start_date=datetime.date(2025, 1, 1),
            end_date=datetime.date(2026, 12, 31),
        )
    )
    item = tree["item"]
    item.project = project
    item.save()
    assert project.pk in {page.pk for page in related_pages(item)}


@override_settings(APPRODO_PAGE_CACHE_SECONDS=0)
def test_zero_seconds_turns_the_cache_off(client):
    client.get("/it/")
    assert HEADER not in client.get("/it/")


def test_publishing_at_a_missing_path_replaces_its_cached_404(
    client, tree, django_capture_on_commit_callbacks
):
    url = tree["about"].url + "nuova-pagina/"
    assert client.get(url).status_code == 404
    assert client.get(url)[HEADER] == "hit"
    page = StandardPage(title="Nuova pagina", slug="nuova-pagina", live=False)
    tree["about"].add_child(instance=page)
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()
    response = client.get(url)
    assert (response.status_code, response[HEADER]) == (200, "miss")
    assert b"Nuova pagina" in response.content
