"""News and calls: index pages, detail pages and the Topic snippet."""

from news.models.calls import (
    CallAttachment,
    CallAudience,
    CallIndexPage,
    CallPage,
    CallStatus,
)
from news.models.news import NewsIndexPage, NewsPage
from news.models.topics import Topic

__all__ = [
    "CallAttachment",
    "CallAudience",
    "CallIndexPage",
    "CallPage",
    "CallStatus",
    "NewsIndexPage",
    "NewsPage",
    "Topic",
]
