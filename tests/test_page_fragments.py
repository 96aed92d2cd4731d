"""Parts of a Wagtail page kept between renders ({% page_fragment %}, home/fragments.py):
reused, and never shared where a reader, a form, a password or a draft makes a page differ."""

from urllib.parse import urlsplit

import pytest
from django.test import Client
from django.urls import reverse
from wagtail.contrib.forms.models import FormSubmission
from wagtail.models import Locale, PageViewRestriction

from home.models import FormField, FormPage
from home.templatetags import fragment_tags
from tests.factories.pages import (
    NewsIndexPageFactory,
    NewsPageFactory,
    StandardPageFactory,
    home_page,
)
from tests.factories.users import UserFactory

pytestmark = pytest.mark.django_db

PARTS = ["head", "header-top", "header-navigation", "breadcrumbs", "main", "footer"]


@pytest.fixture(autouse=True)
def kept(settings):
    # The page cache would answer anonymous readers before any part is rendered.
    settings.APPRODO_PAGE_CACHE_SECONDS = 0
    settings.APPRODO_FRAGMENT_CACHE_SECONDS = 60


@pytest.fixture
def news():
    index = NewsIndexPageFactory(parent=home_page())
    return NewsPageFactory(parent=index, title="Notizia da leggere", slug="da-leggere")


@pytest.fixture
def rendered(monkeypatch):
    """The names of the parts rendered (not taken from the cache), in order."""
    names = []
    original = fragment_tags.cached_page_part

    def counting(context, name, render):
        def counted():
            names.append(name)
            return render()

        return original(context, name, counted)

    monkeypatch.setattr(fragment_tags, "cached_page_part", counting)
    return names


def test_a_second_render_takes_every_part_from_the_cache(client, news, rendered):
    first = client.get(news.url).content
    assert sorted(rendered) == sorted(PARTS)
    rendered.clear()
    assert client.get(news.url).content == first
    assert rendered == []


def test_the_account_links_are_the_readers_own(client, news):
    company = Client()
    company.force_login(UserFactory())
    sign_in, sign_out = reverse("account_login"), reverse("account_logout")
    area = reverse("companies:index")
    for reader, signed_in in [(client, False), (company, True), (client, False), (company, True)]:
        html = reader.get(news.url).content.decode()
        assert (f'href="{sign_out}"' in html) is signed_in
        assert (f'href="{area}"' in html) is signed_in
        assert (f'href="{sign_in}"' in html) is not signed_in
        assert "Notizia da leggere" in html


def test_a_published_edit_shows_in_every_part(client, news):
    assert "Notizia da leggere" in client.get(news.url).content.decode()
    news.title = "Notizia corretta"
    news.save_revision().publish()
    html = client.get(news.url).content.decode()
    assert "Notizia da leggere" not in html
    assert html.count("Notizia corretta") >= 3  # title, breadcrumbs' current page, heading


def test_a_query_string_is_a_page_of_its_own(client, news):
    thanks = "Grazie per la tua valutazione"
    assert thanks in client.get(news.url, {"feedback": "thanks"}).content.decode()
    assert thanks not in client.get(news.url).content.decode()
    assert thanks in client.get(news.url, {"feedback": "thanks"}).content.decode()


def test_a_draft_previewed_never_reaches_the_live_page(client, news):
    # The preview's request is made for the page's own URL, on the site's host.
    host = urlsplit(news.full_url).hostname
    client.get(news.url, HTTP_HOST=host)
    news.title = "Titolo in bozza"
    news.save_revision()
    preview = news.make_preview_request()
    assert "Titolo in bozza" in preview.content.decode()
    live = client.get(news.url, HTTP_HOST=host).content.decode()
    assert "Titolo in bozza" not in live and "Notizia da leggere" in live


@pytest.fixture
def contact_page():
    page = FormPage(title="Contatti", slug="contatti", to_address="", from_address="")
    home_page().add_child(instance=page)
    locale = Locale.objects.get(language_code="it")
    FormField.objects.create(
        page=page, sort_order=0, label="Nome", field_type="singleline", required=True, locale=locale
    )
    page.save_revision().publish()
    return page


def test_a_form_is_each_visitors_own(contact_page, rendered):
    """A render that used the CSRF token is not kept: each visitor's form carries a token
    that matches the visitor's own cookie."""
    visitors = [Client(enforce_csrf_checks=True) for _ in range(2)]
    for visitor in visitors:
        html = visitor.get(contact_page.url).content.decode()
        token = html.split('name="csrfmiddlewaretoken" value="', 1)[1].split('"', 1)[0]
        response = visitor.post(contact_page.url, {"nome": "Giulia", "csrfmiddlewaretoken": token})
        assert response.status_code == 200
    assert FormSubmission.objects.filter(page=contact_page).count() == 2
    assert rendered.count("main") == 4, "a form's part was taken from the cache"


def test_what_a_visitor_typed_is_never_shown_to_the_next(client, contact_page):
    refused = client.post(contact_page.url, {"nome": ""}).content.decode()
    assert 'aria-invalid="true"' in refused
    client.post(contact_page.url, {"nome": "Testo-di-Giulia", "website": "x"})  # honeypot
    html = Client().get(contact_page.url).content.decode()
    assert "Testo-di-Giulia" not in html and 'aria-invalid="true"' not in html


def test_a_password_protected_page_asks_whoever_has_not_given_it(client):
    page = StandardPageFactory(
        parent=home_page(), title="Area riservata", slug="riservata", intro="Solo per chi sa"
    )
    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.PASSWORD, password="segreta"
    )
    client.post(
        reverse("wagtailcore_authenticate_with_password", args=[restriction.pk, page.pk]),
        {"password": "segreta", "return_url": page.url},
    )
    assert "Solo per chi sa" in client.get(page.url).content.decode()
    stranger = Client().get(page.url).content.decode()
    assert 'name="password"' in stranger
    assert "Solo per chi sa" not in stranger
    # And the password form, kept for strangers, is not what the reader with it gets.
    assert 'name="password"' not in client.get(page.url).content.decode()


def test_a_part_is_kept_per_template_and_never_off_a_page(rf, news):
    """Wagtail renders other templates at a page's URL (a password form, a form's thanks):
    each has parts of its own; outside a page (a form view, a 404) nothing is kept."""
    from django.template import Context, Template

    from home.fragments import page_key_for

    request = rf.get(news.url)

    def key(template_name, **context):
        template = Template("", name=template_name)
        bound = Context({"request": request, **context})
        with bound.bind_template(template):
            return page_key_for(bound, "main")

    page_template = key("news/news_page.html", page=news)
    assert page_template is not None
    assert key("wagtailcore/password_required.html", page=news) != page_template
    assert key("news/news_page.html", page=news) == page_template
    assert key("news/news_page.html") is None
    assert key("news/news_page.html", page="not a page") is None
    request.method = "POST"
    assert key("news/news_page.html", page=news) is None
