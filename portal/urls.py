"""URL configuration: language-neutral endpoints first, then the localised site."""

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path, re_path, reverse
from django.views.generic import RedirectView
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from home.feedback_views import page_feedback
from home.routing import serve as page_serve
from home.seo import robots_txt
from home.sitemaps import sitemap
from home.views import search
from news.api import api_router
from news.feeds import CallsAtomFeed, CallsFeed, NewsAtomFeed, NewsFeed
from operations.views import healthz, readyz
from reminders.views import unsubscribe


class AdminLoginRedirectView(RedirectView):
    """Sends Wagtail's own login page to allauth, which adds rate limits and two-factor."""

    def get_redirect_url(self, *args, **kwargs):
        url = reverse("account_login")
        query = self.request.META.get("QUERY_STRING", "")
        return f"{url}?{query}" if query else f"{url}?next=/admin/"


urlpatterns = [
    path("healthz", healthz, name="healthz"),
    path("readyz", readyz, name="readyz"),
    path("admin/login/", AdminLoginRedirectView.as_view(), name="admin_login_redirect"),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("api/v2/", api_router.urls),
    path("sitemap.xml", sitemap, name="sitemap"),
    path("robots.txt", robots_txt, name="robots_txt"),
    # Language-neutral: the address sits in the digest's List-Unsubscribe header.
    path("reminders/unsubscribe/<str:token>/", unsubscribe, name="reminders_unsubscribe"),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns += i18n_patterns(
    # The user's own account pages first: allauth's URLs share the prefix.
    path("accounts/reminders/", include("reminders.urls")),
    path("accounts/", include("users.urls")),
    path("accounts/", include("allauth.urls")),
    path("search/", search, name="search"),
    path("companies/<int:pk>/agreements/", include("agreements.urls")),
    path("companies/", include("companies.urls")),
    path("feedback/<int:page_id>/", page_feedback, name="page_feedback"),
    path("feeds/news/rss/", NewsFeed(), name="news_feed_rss"),
    path("feeds/news/atom/", NewsAtomFeed(), name="news_feed_atom"),
    path("feeds/calls/rss/", CallsFeed(), name="calls_feed_rss"),
    path("feeds/calls/atom/", CallsAtomFeed(), name="calls_feed_atom"),
    # Wagtail's page view routed in one query (home/routing.py): Wagtail's pattern and name,
    # leaving its own /_util/ views (page passwords, login) to the include below.
    re_path(r"^(?!_util/)((?:[\w\-]+/)*)$", page_serve, name="wagtail_serve"),
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)
