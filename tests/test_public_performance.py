"""Uncached public pages: a fixed, small number of queries; the cached chrome kept correct.

The page cache is off here (test settings), so every request renders the page; the site
chrome (settings, menu, footer, language homes, private sections) is cached per language
and must follow every edit: settings and snippets saved, pages published, unpublished,
moved, deleted or made private, while drafts stay out of it.
"""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page, PageViewRestriction, Site

from home import generation
from home.models import FundingDisclosure, SiteSettings
from tests.factories.pages import (
    CallIndexPageFactory,
    CallPageFactory,
    NewsIndexPageFactory,
    NewsPageFactory,
    ProjectPageFactory,
    StandardPageFactory,
    TopicFactory,
    home_page,
    translate,
)

pytestmark = pytest.mark.django_db

MAX_QUERIES = 10
# With the chrome, routes, the page itself, translations and listings kept: none.
WARM_QUERIES = 0
# The first render after a publish rebuilds the chrome and the listings too.
COLD_MAX_QUERIES = 20
NOT_FOUND_MAX_QUERIES = 3


@pytest.fixture
def site(settings):
    settings.APPRODO_PAGE_CACHE_SECONDS = 0
    home = home_page()
    project = ProjectPageFactory(parent=home, title="Approdo Valdelsa", slug="approdo")
    news_index = NewsIndexPageFactory(parent=home, show_in_menus=True)
    call_index = CallIndexPageFactory(parent=home, show_in_menus=True)
    call = CallPageFactory(parent=call_index, slug="avviso", project=project)
    first = NewsPageFactory(parent=news_index, slug="prima", project=project)
    first.topics.add(TopicFactory())
    translate(home, "ar")
    return {
        "home": home,
        "project": project,
        "news": news_index,
        "calls": call_index,
        "call": call,
        "first": first,
    }


def add_news(site, count):
    topic = TopicFactory()
    for _ in range(count):
        page = NewsPageFactory(parent=site["news"], project=site["project"])
        page.topics.add(topic)
        page.topics.add(*site["first"].topics.all())
        page.save()


def count(client, url, cold=False):
    """Queries of a render with warm caches, as a running worker has them, or (``cold``) of
    the first render after a publish, when every kept value is out of reach."""
    client.get(url)
    if cold:
        generation.invalidate()
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(queries), [query["sql"] for query in queries]


def urls(site):
    return [
        "/it/",
        site["news"].url,
        site["first"].url,
        site["call"].url,
        site["project"].url,
        "/ar/",
    ]


def test_public_pages_cost_the_same_few_queries_with_2_and_12_news(client, site):
    # 12 fills a page of the news index (9) and starts a second; the home page, the
    # project and the related news list a few: a query per item would show.
    add_news(site, 2)
    small = {url: count(client, url) for url in urls(site)}
    add_news(site, 10)
    large = {url: count(client, url) for url in urls(site)}
    for url in urls(site):
        assert small[url][0] <= MAX_QUERIES, (url, small[url])
        assert small[url][0] == WARM_QUERIES, (url, small[url])
        assert small[url][0] == large[url][0], (url, small[url][0], large[url][0])


def test_the_first_render_after_a_publish_costs_the_same_with_2_and_12_news(client, site):
    add_news(site, 2)
    small = {url: count(client, url, cold=True)[0] for url in urls(site)}
    add_news(site, 10)
    large = {url: count(client, url, cold=True)[0] for url in urls(site)}
    for url in urls(site):
        assert WARM_QUERIES < small[url] <= COLD_MAX_QUERIES, (url, small[url])
        assert small[url] == large[url], (url, small[url], large[url])


def test_missing_page_costs_at_most_three_queries(client, site):
    client.get("/it/no-such-page/")
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/it/no-such-page/")
    assert response.status_code == 404
    assert len(queries) <= NOT_FOUND_MAX_QUERIES, [q["sql"] for q in queries]


def test_footer_setting_change_shows_on_the_next_render(
    client, site, django_capture_on_commit_callbacks
):
    assert "nuovo@approdo.example" not in client.get("/it/").text
    site_settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    site_settings.contact_email = "nuovo@approdo.example"
    with django_capture_on_commit_callbacks(execute=True):
        site_settings.save()
    assert "nuovo@approdo.example" in client.get("/it/").text
    assert "nuovo@approdo.example" in client.get(site["first"].url).text


def test_funding_statement_change_shows_on_the_next_render(
    client, site, django_capture_on_commit_callbacks
):
    disclosure = FundingDisclosure.objects.create(
        name="FSE+", programme="PR FSE+ Toscana", statement="Prima versione."
    )
    site_settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    site_settings.funding_disclosure = disclosure
    with django_capture_on_commit_callbacks(execute=True):
        site_settings.save()
    assert "Prima versione." in client.get("/it/").text
    disclosure.statement = "Seconda versione."
    with django_capture_on_commit_callbacks(execute=True):
        disclosure.save()
    text = client.get("/it/").text
    assert "Seconda versione." in text and "Prima versione." not in text


def test_the_page_itself_follows_its_publishing(client, site, django_capture_on_commit_callbacks):
    """The page's own row is kept with the route: a published edit shows on the next
    render, a draft does not, and an unpublished page is gone."""
    first = site["first"]
    assert client.get(first.url).status_code == 200
    first.lead = "Un sommario nuovo."
    with django_capture_on_commit_callbacks(execute=True):
        revision = first.save_revision()
    assert "Un sommario nuovo." not in client.get(first.url).text
    with django_capture_on_commit_callbacks(execute=True):
        revision.publish()
    assert "Un sommario nuovo." in client.get(first.url).text
    with django_capture_on_commit_callbacks(execute=True):
        first.unpublish()
    assert client.get(first.url).status_code == 404


def menu_titles(client):
    text = client.get("/it/").text
    nav = text[text.index('class="navbar-nav"') :]
    return nav[: nav.index("</ul>")]


def test_published_page_joins_the_menu_and_its_draft_does_not(
    client, site, django_capture_on_commit_callbacks
):
    home = site["home"]
    page = StandardPageFactory(parent=home, title="Chi siamo", show_in_menus=True, live=False)
    assert "Chi siamo" not in menu_titles(client)
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()
    assert "Chi siamo" in menu_titles(client)

    page.title = "Titolo in bozza"
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision()
    assert "Titolo in bozza" not in menu_titles(client)
    assert "Chi siamo" in menu_titles(client)


def test_unpublished_moved_and_deleted_pages_leave_the_menu(
    client, site, django_capture_on_commit_callbacks
):
    home = site["home"]
    pages = [
        StandardPageFactory(parent=home, title=f"Voce {n}", show_in_menus=True) for n in range(3)
    ]
    assert all(f"Voce {n}" in menu_titles(client) for n in range(3))
    with django_capture_on_commit_callbacks(execute=True):
        pages[0].unpublish()
    assert "Voce 0" not in menu_titles(client)
    with django_capture_on_commit_callbacks(execute=True):
        pages[1].move(site["project"], pos="last-child")
    assert "Voce 1" not in menu_titles(client)
    with django_capture_on_commit_callbacks(execute=True):
        Page.objects.get(pk=pages[2].pk).delete()
    assert "Voce 2" not in menu_titles(client)


def test_private_section_leaves_the_menu_and_its_pages_the_listings(
    client, site, django_capture_on_commit_callbacks
):
    site["news"].title = "Notizie riservate"
    site["news"].save_revision().publish()
    assert "Notizie riservate" in menu_titles(client)
    assert site["first"].title in client.get("/it/").text
    with django_capture_on_commit_callbacks(execute=True):
        PageViewRestriction.objects.create(
            page=site["news"], restriction_type=PageViewRestriction.LOGIN
        )
    assert "Notizie riservate" not in menu_titles(client)
    assert site["first"].title not in client.get("/it/").text
    response = client.get(site["first"].url)
    assert response.status_code == 302 and "login" in response["Location"]


def test_editor_preview_shows_the_draft(admin_client, site):
    page = site["first"]
    page.title = "Titolo della bozza"
    page.save_revision()
    response = admin_client.get(f"/admin/pages/{page.pk}/edit/preview/")
    assert response.status_code in (200, 302)
    assert "Titolo della bozza" not in admin_client.get(page.url).text


def test_arabic_home_has_its_own_chrome(client, site, django_capture_on_commit_callbacks):
    arabic = site["home"].get_translation(
        site["home"].locale.__class__.objects.get(language_code="ar")
    )
    news_ar = translate(site["news"], "ar")
    news_ar.title = "الأخبار"
    with django_capture_on_commit_callbacks(execute=True):
        news_ar.save_revision().publish()
    text = client.get(arabic.url).text
    assert "الأخبار" in text
    assert "الأخبار" not in menu_titles(client)
