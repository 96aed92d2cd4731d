"""The "related news" of a news page: what shares its topics first, then the latest."""

import datetime

import pytest

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
