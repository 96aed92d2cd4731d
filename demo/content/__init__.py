"""Texts of the demo site: a fictional inclusion project in Tuscany, in it, en and ar.

Every translatable field is a dict keyed by language code; Italian is the source the
editors write in, English and Arabic are applied through wagtail-localize.
"""

from demo.content.calls import CALL_INDEX, CALLS
from demo.content.news import NEWS
from demo.content.site import (
    CONTACT_PAGE,
    DEMO_ACCOUNTS,
    FUNDING,
    HOME,
    NEWS_INDEX,
    PARTNERS,
    PROJECT,
    PROJECT_PAGE,
    STANDARD_PAGES,
    TERRITORIES,
    TOPICS,
)

__all__ = [
    "CALLS",
    "CALL_INDEX",
    "CONTACT_PAGE",
    "DEMO_ACCOUNTS",
    "FUNDING",
    "HOME",
    "NEWS",
    "NEWS_INDEX",
    "PARTNERS",
    "PROJECT",
    "PROJECT_PAGE",
    "STANDARD_PAGES",
    "TERRITORIES",
    "TOPICS",
]
