"""Public site pages: tree rules, rendering in every language, filters, constant queries."""

import datetime
import zoneinfo

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.test.utils import WagtailPageTestCase

from home.models import FormPage, HomePage, ProjectPage, StandardPage
from news.models import CallIndexPage, CallPage, CallStatus, NewsIndexPage, NewsPage
from results.models import ResultsPage
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
ROME = zoneinfo.ZoneInfo("Europe/Rome")


class TestTreeRules(WagtailPageTestCase):
    """What editors may create where (Wagtail's own page-test assertions)."""

    def test_allowed_children(self):
        self.assertAllowedSubpageTypes(
            HomePage,
            {NewsIndexPage, CallIndexPage, ProjectPage, StandardPage, FormPage, ResultsPage},
        )
        self.assertAllowedSubpageTypes(
            ProjectPage, {NewsIndexPage, CallIndexPage, StandardPage, FormPage, ResultsPage}
        )
        self.assertAllowedSubpageTypes(NewsIndexPage, {NewsPage})
        self.assertAllowedSubpageTypes(CallIndexPage, {CallPage})
        self.assertAllowedSubpageTypes(NewsPage, set())
        self.assertAllowedSubpageTypes(CallPage, set())

    def test_news_only_under_a_news_index(self):
        self.assertCanNotCreateAt(HomePage, NewsPage)
        self.assertCanNotCreateAt(StandardPage, NewsPage)
        self.assertCanCreateAt(NewsIndexPage, NewsPage)
        self.assertCanNotCreateAt(NewsIndexPage, CallPage)
        self.assertCanCreateAt(ProjectPage, CallIndexPage)


@pytest.fixture
def site_tree():
    home = home_page()
    project = ProjectPageFactory(parent=home, title="Approdo Valdelsa", slug="approdo")
    news_index = NewsIndexPageFactory(parent=home)
    call_index = CallIndexPageFactory(parent=home)
    return {"home": home, "project": project, "news": news_index, "calls": call_index}


class TestRendering:
    def test_every_page_type_renders_in_three_languages(self, client, site_tree):
        news = NewsPageFactory(parent=site_tree["news"], title="Tirocini al via", slug="tirocini")
        call = CallPageFactory(parent=site_tree["calls"], title="Avviso imprese", slug="avviso")
        pages = [
            site_tree["home"],
            site_tree["project"],
            site_tree["news"],
            news,
            site_tree["calls"],
            call,
        ]
        for code in ("en", "ar"):
            for page in pages:
                translate(page, code)
        for code, direction in (("it", "ltr"), ("en", "ltr"), ("ar", "rtl")):
            for page in pages:
                translated = page.get_translation(_locale(code))
                response = client.get(translated.url)
                assert response.status_code == 200, (code, translated.url)
                assert f'<html lang="{code}" dir="{direction}">' in response.text

    def test_project_lists_its_news_and_calls(self, client, site_tree):
        project = site_tree["project"]
        NewsPageFactory(parent=site_tree["news"], title="Notizia del progetto", project=project)
        NewsPageFactory(parent=site_tree["news"], title="Notizia senza progetto")
        CallPageFactory(parent=site_tree["calls"], title="Avviso del progetto", project=project)
        text = client.get(project.url).text
        assert "Notizia del progetto" in text
        assert "Notizia senza progetto" not in text
        assert "Avviso del progetto" in text

    def test_project_is_filled_from_the_tree(self, site_tree):
        index = NewsIndexPageFactory(parent=site_tree["project"], slug="notizie-progetto")
        news = NewsPageFactory(parent=index)
        assert news.project_id == site_tree["project"].pk


def _locale(code):
    from wagtail.models import Locale

    return Locale.objects.get(language_code=code)


class TestNewsIndex:
    def test_filters_by_topic_project_and_year(self, client, site_tree):
        topic = TopicFactory(slug="imprese", name="Imprese")
        tagged = NewsPageFactory(
            parent=site_tree["news"], title="Con tema", date=datetime.date(2025, 5, 1)
        )
        tagged.topics.add(topic)
        tagged.save_revision().publish()
        NewsPageFactory(
            parent=site_tree["news"],
            title="Del progetto",
            project=site_tree["project"],
            date=datetime.date(2026, 2, 1),
        )
        url = site_tree["news"].url
        by_topic = client.get(url, {"topic": "imprese"}).text
        assert "Con tema" in by_topic and "Del progetto" not in by_topic
        by_project = client.get(url, {"project": site_tree["project"].pk}).text
        assert "Del progetto" in by_project and "Con tema" not in by_project
        by_year = client.get(url, {"year": "2025"}).text
        assert "Con tema" in by_year and "Del progetto" not in by_year
        assert client.get(url, {"year": "nonsense", "project": "x"}).status_code == 200

    @pytest.mark.parametrize("listing", ["news", "calls"])
    def test_constant_queries_with_2_and_12_items(self, client, site_tree, listing):
        # 12 fills a whole page (9 news, 10 calls) and starts a second: a query per item or
        # per page shows as well as with hundreds, in a second instead of twenty.
        topic = TopicFactory()
        factory = NewsPageFactory if listing == "news" else CallPageFactory

        def add(count):
            for _ in range(count):
                page = factory(parent=site_tree[listing])
                if listing == "news":
                    page.topics.add(topic)

        def count_queries():
            client.get(site_tree[listing].url)  # warm per-process caches (site roots, settings)
            with CaptureQueriesContext(connection) as queries:
                response = client.get(site_tree[listing].url)
            assert response.status_code == 200
            return len(queries)

        add(2)
        small = count_queries()
        add(10)
        large = count_queries()
        assert small == large, f"{small} queries with 2 items, {large} with 12"


class TestCallStatus:
    def _call(self, site_tree):
        return CallPageFactory(
            parent=site_tree["calls"],
            opens_at=datetime.datetime(2026, 3, 30, 9, 0, tzinfo=ROME),  # CEST from 29 March
            closes_at=datetime.datetime(2026, 10, 25, 12, 0, tzinfo=ROME),  # CET from 25 October
        )

    @pytest.mark.parametrize(
        ("moment", "expected"),
        [
            (datetime.datetime(2026, 3, 30, 8, 59, 59, tzinfo=ROME), CallStatus.UPCOMING),
            (datetime.datetime(2026, 3, 30, 9, 0, 0, tzinfo=ROME), CallStatus.OPEN),
            (datetime.datetime(2026, 10, 25, 11, 59, 59, tzinfo=ROME), CallStatus.OPEN),
            (datetime.datetime(2026, 10, 25, 12, 0, 0, tzinfo=ROME), CallStatus.CLOSED),
        ],
    )
    def test_status_at_the_boundaries(self, site_tree, moment, expected):
        call = self._call(site_tree)
        with time_machine.travel(moment, tick=False):
            assert call.status == expected
            # The queryset filter agrees with the property.
            assert CallPage.objects.with_status(expected).filter(pk=call.pk).exists()
            others = {CallStatus.UPCOMING, CallStatus.OPEN, CallStatus.CLOSED} - {expected}
            for other in others:
                assert not CallPage.objects.with_status(other).filter(pk=call.pk).exists()

    def test_closed_calls_move_to_the_archive(self, client, site_tree):
        open_call = CallPageFactory(parent=site_tree["calls"], title="Avviso aperto")
        closed = CallPageFactory(
            parent=site_tree["calls"],
            title="Avviso chiuso",
            opens_at=datetime.datetime(2025, 1, 1, tzinfo=ROME),
            closes_at=datetime.datetime(2025, 3, 1, tzinfo=ROME),
        )
        upcoming = CallPageFactory(
            parent=site_tree["calls"],
            title="Avviso futuro",
            opens_at=datetime.datetime(2030, 1, 1, tzinfo=ROME),
            closes_at=datetime.datetime(2030, 3, 1, tzinfo=ROME),
        )
        current = client.get(site_tree["calls"].url).text
        assert open_call.title in current and upcoming.title in current
        assert closed.title not in current
        archive = client.get(site_tree["calls"].url + "archive/").text
        assert closed.title in archive and open_call.title not in archive
        only_open = client.get(site_tree["calls"].url, {"status": "open"}).text
        assert open_call.title in only_open and upcoming.title not in only_open

    def test_host_company_call_offers_onboarding_only_while_open(self, client, site_tree):
        call = CallPageFactory(parent=site_tree["calls"])
        response = client.get(call.url)
        assert 'id="apply-host-company"' in response.text
        assert f"?call={call.translation_key}" in response.text
        for audience, opens, closes in (
            ("participants", -10, 30),
            ("host_companies", -60, -30),
        ):
            other = CallPageFactory(
                parent=site_tree["calls"],
                audience=audience,
                opens_at=call.opens_at + datetime.timedelta(days=opens + 10),
                closes_at=call.opens_at + datetime.timedelta(days=closes + 10),
            )
            assert 'id="apply-host-company"' not in client.get(other.url).text

    def test_closing_before_opening_is_refused(self, site_tree):
        from django.core.exceptions import ValidationError

        call = CallPageFactory.build(
            opens_at=datetime.datetime(2026, 5, 1, tzinfo=ROME),
            closes_at=datetime.datetime(2026, 4, 1, tzinfo=ROME),
        )
        with pytest.raises(ValidationError) as error:
            call.clean()
        assert "closes_at" in error.value.message_dict


class TestSearch:
    def test_finds_a_term_only_in_the_visitors_language(self, client, site_tree):
        italian = NewsPageFactory(
            parent=site_tree["news"],
            title="Vendemmia solidale",
            slug="vendemmia",
            lead="Una vendemmia con i tirocinanti.",
        )
        english = translate(italian, "en")
        english.title = "Harvest together"
        english.lead = "A grape harvest with the interns."
        english.save_revision().publish()
        it_results = client.get("/it/search/", {"q": "vendemmia"}).text
        assert "Vendemmia solidale" in it_results
        assert client.get("/en/search/", {"q": "vendemmia"}).text.count("Vendemmia solidale") == 0
        en_results = client.get("/en/search/", {"q": "harvest"}).text
        assert "Harvest together" in en_results
        assert "Harvest together" not in client.get("/it/search/", {"q": "harvest"}).text

    def test_empty_query_shows_the_form(self, client):
        response = client.get("/it/search/")
        assert response.status_code == 200
        assert 'role="search"' in response.text
