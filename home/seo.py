"""``/robots.txt``: what crawlers may index, and where the sitemap is."""

from django.conf import settings
from django.http import HttpResponse
from django.urls import reverse
from django.views.decorators.http import require_safe


def robots_lines(sitemap_url):
    """The rules: everything public, except the admin, accounts, search results and the API."""
    lines = ["User-agent: *", "Disallow: /admin/", "Disallow: /api/"]
    for code, _name in settings.LANGUAGES:
        # Login and sign-up forms are no content; search results are an endless URL space.
        lines += [f"Disallow: /{code}/accounts/", f"Disallow: /{code}/search/"]
    lines += ["Allow: /", "", f"Sitemap: {sitemap_url}"]
    return lines


def absolute_url(request, page):
    """The page's absolute URL on the host the request came to, or None when it has none.

    Wagtail's ``get_full_url`` answers with the Site's configured ``root_url``
    (``http://localhost`` for the default Site), not the address being served, so feeds, the
    sitemap and hreflang links would send `make run` visitors and crawlers elsewhere. The host
    is Django's validated one (ALLOWED_HOSTS), and the page cache keys on it.
    """
    url = page.get_url(request)
    return request.build_absolute_uri(url) if url else None


@require_safe
def robots_txt(request):
    """Plain-text robots rules naming this host's absolute sitemap URL."""
    sitemap_url = request.build_absolute_uri(reverse("sitemap"))
    body = "\n".join(robots_lines(sitemap_url)) + "\n"
    return HttpResponse(body, content_type="text/plain; charset=utf-8")
