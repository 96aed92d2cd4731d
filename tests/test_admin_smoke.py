"""The staff back office opens: dashboard, page explorer, snippets and the project's reports."""

import pytest
from django.urls import reverse
from wagtail.models import Site

from tests.factories.pages import home_page

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "url_name",
    [
        "wagtailadmin_home",
        "wagtailsnippets_companies_territory:list",
        "wagtailsnippets_companies_declarationitem:list",
        "wagtailsnippets_news_topic:list",
        "wagtailsnippets_home_partner:list",
        "translation_coverage_report",
        "page_feedback_report",
        "wagtailsettings:edit",
    ],
)
def test_admin_screens_open_for_a_superuser(staff_client, url_name):
    if url_name == "wagtailsettings:edit":
        site = Site.objects.get(is_default_site=True)
        url = reverse(url_name, args=["home", "sitesettings", site.pk])
    else:
        url = reverse(url_name)
    # No redirects followed: a bounce to the login page (or anywhere) is a failure.
    response = staff_client.get(url)
    assert response.status_code == 200, response.get("Location")


def test_page_editor_opens_for_every_page_type(staff_client):
    from tests.factories.pages import (
        CallIndexPageFactory,
        CallPageFactory,
        NewsIndexPageFactory,
        NewsPageFactory,
        ProjectPageFactory,
        StandardPageFactory,
    )

    home = home_page()
    news_index = NewsIndexPageFactory(parent=home)
    call_index = CallIndexPageFactory(parent=home)
    pages = [
        home,
        ProjectPageFactory(parent=home),
        StandardPageFactory(parent=home),
        news_index,
        NewsPageFactory(parent=news_index),
        call_index,
        CallPageFactory(parent=call_index),
    ]
    for page in pages:
        response = staff_client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
        assert response.status_code == 200, page.specific_class.__name__


def test_staff_reword_a_declaration_in_settings(staff_client):
    """The declaration items sit under Settings and their wording is edited there."""
    from companies.models import DeclarationItem

    item = DeclarationItem.objects.for_language("it")[0]
    menu = staff_client.get(reverse("wagtailadmin_home")).text
    assert reverse("wagtailsnippets_companies_declarationitem:list") in menu
    edit = reverse("wagtailsnippets_companies_declarationitem:edit", args=[item.pk])
    response = staff_client.post(
        edit, {"text": "Testo riformulato.", "sort_order": "5", "active": "on"}
    )
    assert response.status_code == 302
    item.refresh_from_db()
    assert item.text == "Testo riformulato."
