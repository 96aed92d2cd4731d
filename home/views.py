"""Site-shell views: site search."""

from django.core.paginator import Paginator
from django.template.response import TemplateResponse
from django.views.decorators.http import require_GET
from wagtail.models import Locale, Page

RESULTS_PER_PAGE = 10


@require_GET
def search(request):
    """Full-text search over live public pages in the visitor's language only."""
    query = request.GET.get("q", "").strip()[:200]
    results_page = None
    if query:
        pages = Page.objects.live().public().filter(locale=Locale.get_active()).specific()
        results = pages.search(query, operator="and")
        results_page = Paginator(results, RESULTS_PER_PAGE).get_page(request.GET.get("page"))
    return TemplateResponse(
        request, "home/search.html", {"query": query, "results_page": results_page}
    )
