"""News and calls fill the listings of the home page and of each project page."""

from wagtail import hooks

from home.models import HOME_PAGE_LISTINGS, PROJECT_PAGE_LISTINGS
from news.models import CallIndexPage, NewsIndexPage


@hooks.register(HOME_PAGE_LISTINGS)
def latest_news_and_open_calls(page, context):
    context["latest_news"] = NewsIndexPage.latest(page.locale)
    context["open_calls"] = CallIndexPage.open_calls(page.locale)


@hooks.register(PROJECT_PAGE_LISTINGS)
def news_and_calls_of_the_project(page, context):
    context["news"] = NewsIndexPage.of_project(page)
    context["calls"] = CallIndexPage.current_of_project(page)
