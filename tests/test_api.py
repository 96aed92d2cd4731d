"""The public read-only API (/api/v2/): what it exposes and what it refuses."""

import datetime

import pytest
from django.core.files.base import ContentFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from django.utils.text import slugify
from wagtail.documents import get_document_model
from wagtail.models import Locale, PageViewRestriction

from home.models import HomePage, ProjectPage, StandardPage
from news.models import CallAttachment, CallIndexPage, CallPage, NewsIndexPage, NewsPage, Topic
from tests.factories.users import StaffUserFactory
from tests.test_feeds_sitemap import make_image, publish, translate

pytestmark = pytest.mark.django_db

PAGES = "/api/v2/pages/"


def document(title):
    return get_document_model().objects.create(
        title=title, file=ContentFile(b"%PDF-1.4 test", name=f"{slugify(title)}.pdf")
    )


@pytest.fixture
def content():
    """A project with news and a call, an English translation, and pages the API must hide."""
    home = HomePage.objects.get(depth=2, locale__language_code="it")
    italian = Locale.objects.get(language_code="it")
    project = publish(
        home,
        ProjectPage(
            title="Progetto Approdo",
            slug="progetto",
            programme="PR FSE+ Toscana 2021–2027",
            budget="120000.00",
            start_date=datetime.date(2025, 3, 1),
            end_date=datetime.date(2027, 2, 28),
            target_participants=40,
        ),
    )
    news_index = publish(project, NewsIndexPage(title="Notizie", slug="notizie"))
    photo = make_image("Foto", "Tirocinanti al lavoro")
    unused_photo = make_image("Non pubblicata", "Persona")
    news = NewsPage(
        title="Prima notizia",
        slug="prima",
        lead="Apertura.",
        date=datetime.date(2026, 2, 1),
        image=photo,
    )
    news = publish(news_index, news)
    news.topics.add(Topic.objects.create(name="Imprese", slug="imprese", locale=italian))
    news.save_revision().publish()
    call_index = publish(project, CallIndexPage(title="Avvisi", slug="avvisi"))
    guidelines = document("Linee guida")
    internal = document("Documento interno")
    call = CallPage(
        title="Avviso aziende",
        slug="avviso",
        audience="host_companies",
        lead="Cerchiamo aziende.",
        opens_at=timezone.now() - datetime.timedelta(days=1),
        closes_at=timezone.now() + datetime.timedelta(days=30),
    )
    call.attachments.add(CallAttachment(document=guidelines, title="Linee guida 2026"))
    call = publish(call_index, call)
    draft = NewsPage(title="Bozza", slug="bozza", lead="Bozza.", live=False)
    news_index.add_child(instance=draft)
    private = publish(news_index, NewsPage(title="Riservata", slug="riservata", lead="R."))
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    standard = publish(home, StandardPage(title="Chi siamo", slug="chi-siamo"))
    english = translate(news, "en")
    return {
        "project": project,
        "english_project": english.get_parent().get_parent(),
        "news": news,
        "call": call,
        "english": english,
        "hidden": [draft, private, standard, news_index, call_index, home],
        "photo": photo,
        "unused_photo": unused_photo,
        "guidelines": guidelines,
        "internal": internal,
    }


def get_json(client, url, status=200):
    response = client.get(url)
    assert response.status_code == status, response.content
    assert response["Content-Type"] == "application/json"
    return response.json()


def listed_ids(client, url):
    return {item["id"] for item in get_json(client, url)["items"]}


class TestPages:
    def test_lists_only_live_public_news_calls_and_projects(self, client, content):
        ids = listed_ids(client, PAGES)
        exposed = ("project", "english_project", "news", "call", "english")
        expected = {content[name].pk for name in exposed}
        assert ids == expected
        for page in content["hidden"]:
            get_json(client, f"{PAGES}{page.pk}/", status=404)

    def test_a_logged_in_editor_sees_no_more_than_the_public(self, client, content):
        client.force_login(StaffUserFactory())
        assert content["hidden"][1].pk not in listed_ids(client, PAGES)

    def test_locale_filter(self, client, content):
        english = {content["english"].pk, content["english_project"].pk}
        assert listed_ids(client, f"{PAGES}?locale=en") == english
        italian = listed_ids(client, f"{PAGES}?locale=it")
        assert content["english"].pk not in italian and content["news"].pk in italian

    def test_type_filter_stays_within_the_exposed_types(self, client, content):
        assert listed_ids(client, f"{PAGES}?type=news.CallPage") == {content["call"].pk}
        assert listed_ids(client, f"{PAGES}?type=home.StandardPage") == set()
        assert listed_ids(client, f"{PAGES}?type=news.NewsIndexPage") == set()

    def test_news_fields(self, client, content):
        data = get_json(client, f"{PAGES}?type=news.NewsPage&locale=it&fields=*")
        [item] = data["items"]
        assert item["date"] == "2026-02-01"
        assert item["lead"] == "Apertura."
        assert item["topics"] == [{"slug": "imprese", "name": "Imprese"}]
        assert item["project"]["id"] == content["project"].pk
        assert item["meta"]["html_url"] == content["news"].full_url
        assert item["meta"]["locale"] == "it"

    def test_call_detail(self, client, content):
        data = get_json(client, f"{PAGES}{content['call'].pk}/")
        assert data["status"] == "open"
        assert data["audience"] == "host_companies"
        assert data["lead"] == "Cerchiamo aziende."
        [attachment] = data["attachments"]
        assert attachment["title"] == "Linee guida 2026"
        assert attachment["document"] == content["guidelines"].pk
        assert attachment["url"].startswith("http")
        assert attachment["url"].endswith(content["guidelines"].url)

    def test_project_detail(self, client, content):
        data = get_json(client, f"{PAGES}{content['project'].pk}/")
        assert data["programme"] == "PR FSE+ Toscana 2021–2027"
        assert data["budget"] == "120000.00"
        assert data["start_date"] == "2025-03-01"
        assert data["target_participants"] == 40
        assert "project_partners" not in data

    def test_search_and_pagination(self, client, content):
        data = get_json(client, f"{PAGES}?search=aziende")
        assert [item["id"] for item in data["items"]] == [content["call"].pk]
        data = get_json(client, f"{PAGES}?limit=1&offset=1")
        assert data["meta"]["total_count"] == 5
        assert len(data["items"]) == 1


class TestMedia:
    def test_images_used_by_exposed_pages_only(self, client, content):
        ids = listed_ids(client, "/api/v2/images/")
        assert content["photo"].pk in ids
        assert content["unused_photo"].pk not in ids
        get_json(client, f"/api/v2/images/{content['unused_photo'].pk}/", status=404)

    def test_documents_attached_to_exposed_calls_only(self, client, content):
        assert listed_ids(client, "/api/v2/documents/") == {content["guidelines"].pk}


class TestReadOnly:
    @pytest.mark.parametrize("method", ["post", "put", "patch", "delete"])
    def test_write_methods_are_refused(self, client, content, method):
        url = f"{PAGES}{content['news'].pk}/"
        assert getattr(client, method)(url, {"title": "x"}).status_code == 405
        assert getattr(client, method)(PAGES, {"title": "x"}).status_code == 405

    def test_no_browsable_api(self, client, content):
        response = client.get(PAGES, HTTP_ACCEPT="text/html")
        assert response.status_code == 406
        assert response["Content-Type"] == "application/json"

    def test_head_is_allowed(self, client, content):
        assert client.head(PAGES).status_code == 200


@pytest.mark.parametrize("page_type", ["news.NewsPage", "news.CallPage"])
def test_listing_query_count_does_not_grow_with_pages(client, content, page_type):
    url = f"{PAGES}?type={page_type}&fields=*"

    def count():
        client.get(url)  # warm Wagtail's caches (site root paths)
        with CaptureQueriesContext(connection) as queries:
            assert len(get_json(client, url)["items"]) >= 1
        return len(queries)

    few = count()
    news, call = content["news"], content["call"]
    for n in range(4):
        news.copy(update_attrs={"slug": f"copia-{n}", "title": f"Copia {n}"})
        call.copy(update_attrs={"slug": f"copia-{n}", "title": f"Copia {n}"})
    assert count() == few
