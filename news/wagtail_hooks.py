"""News and calls fill the listings of the home page and of each project page."""

from django.utils.functional import SimpleLazyObject
from wagtail import hooks

from home.models import HOME_PAGE_LISTINGS, PROJECT_PAGE_LISTINGS
from news.models import CallIndexPage, NewsIndexPage

# The listings are built only if the template reads them: they are rendered inside a cached
# fragment (home/fragments.py), so on most renders nobody does, and building the querysets
# alone took a fifth of an uncached home page (about 1 ms of 4.5).


@hooks.register(HOME_PAGE_LISTINGS)
def latest_news_and_open_calls(page, context):
    context["latest_news"] = SimpleLazyObject(lambda: NewsIndexPage.latest(page.locale))
    context["open_calls"] = SimpleLazyObject(lambda: CallIndexPage.open_calls(page.locale))


@hooks.register(PROJECT_PAGE_LISTINGS)
def news_and_calls_of_the_project(page, context):
    context["news"] = SimpleLazyObject(lambda: NewsIndexPage.of_project(page))
    context["calls"] = SimpleLazyObject(lambda: CallIndexPage.current_of_project(page))
