"""News listings: a news page's related news (what shares its topics first, then the
latest) and the news index's topic filter."""

import datetime

import pytest
from wagtail.models import Locale

from tests.factories.pages import (
    NewsIndexPageFactory,
    NewsPageFactory,
    TopicFactory,
    home_page,
    translate,
)

pytestmark = pytest.mark.django_db


def news(index, day, *topics):
    page = NewsPageFactory(parent=index, date=datetime.date(2026, 3, day))
    page.topics.set(topics)
    page.save()  # a parental many-to-many is written when the page is
    return page


def test_news_sharing_a_topic_come_first_once_each_newest_first_then_the_latest():
    index = NewsIndexPageFactory(parent=home_page())
    jobs, courses, other = TopicFactory(), TopicFactory(), TopicFactory()
    page = news(index, 10, jobs, courses)
    both = news(index, 5, jobs, courses)  # shares two topics: listed once
    one = news(index, 8, courses)
    newest = news(index, 20, other)  # shares nothing: only a filler
    news(index, 15)
    news(index, 1, other)
    assert page.related_news() == [one, both, newest]
    assert page.related_news(count=2) == [one, both]
    assert page not in page.related_news(count=10)
    unpublished = news(index, 9, jobs)
    unpublished.unpublish()
    assert unpublished not in page.related_news(count=10)


def test_only_news_in_the_pages_own_language_are_related():
    index = NewsIndexPageFactory(parent=home_page())
    topic = TopicFactory()
    page = news(index, 10, topic)
    sibling = news(index, 4, topic)
    english = translate(sibling, "en")
    assert page.related_news() == [sibling]
    assert translate(page, "en").related_news() == [english]


def test_a_topic_filter_lists_each_news_once(client, settings):
    settings.APPRODO_PAGE_CACHE_SECONDS = 0
    index = NewsIndexPageFactory(parent=home_page())
    italian = TopicFactory(slug="lavoro")
    english = TopicFactory(slug="lavoro", locale=Locale.objects.get(language_code="en"))
    both = news(index, 5, italian, english)  # the same topic twice, in two languages
    news(index, 6)
    listed = client.get(index.url, {"topic": "lavoro"}).context["news_page"]
    assert list(listed) == [both]
    assert listed.paginator.count == 1
