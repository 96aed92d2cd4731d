"""Wagtail's page serving with the route found in one query instead of one per URL segment.

Wagtail walks the tree from the site root: the root's translation, then each segment's
child and its specific row, two queries per level. ``serve`` finds every page along the
path at once by ``url_path`` below the language's home page (known from the cached chrome),
a lookup kept under the content generation (home/generation.py) for paths that exist,
takes the specific page of the last one (kept under the generation too: every save of a
page replaces it), and hands the result to Wagtail's own ``serve``
through the attribute ``Page.route_for_request`` reads first, so privacy checks, hooks,
previews and everything after routing stay Wagtail's. A routable page along the way whose
own routes match the rest of the path is left to Wagtail, which gives those precedence.
The pages above the one served are kept on the request for the breadcrumbs.
"""

from django.http import Http404
from django.urls import Resolver404
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.models import Page
from wagtail.views import serve as wagtail_serve

from home.chrome import chrome_for
from home.generation import remember


def _claims(page, components):
    """Whether a routable page's own routes match ``components`` (checked without queries)."""
    page_class = page.specific_class
    if page_class is None or not issubclass(page_class, RoutablePageMixin) or not page.live:
        return False
    try:
        page_class.get_resolver().resolve("/" + "".join(f"{c}/" for c in components))
    except Resolver404:
        return False
    return True


def _pages_along(home, prefixes):
    """{depth: page} of the pages at the URL paths ``prefixes`` below ``home``.

    Kept until content changes when a page answers every prefix; a path with a missing page
    is read every time, or any visitor could fill the cache with made-up paths.
    """
    return remember(
        f"route:{prefixes[-1]}",
        lambda: {
            page.depth: page
            for page in Page.objects.filter(url_path__in=prefixes, path__startswith=home.path)
        },
        keep_if=lambda by_depth: len(by_depth) == len(prefixes),
    )


def find_route(request, path):
    """Sets ``request._wagtail_route_for_request`` when the fast lookup is conclusive."""
    home = chrome_for(request).home
    if home is None:
        return
    components = [component for component in path.split("/") if component]
    prefixes = [
        home.url_path + "".join(f"{c}/" for c in components[:i])
        for i in range(1, len(components) + 1)
    ]
    chain = [home]
    if prefixes:
        by_depth = _pages_along(home, prefixes)
        while home.depth + len(chain) in by_depth:
            chain.append(by_depth[home.depth + len(chain)])
    for depth, page in enumerate(chain[:-1]):
        if _claims(page, components[depth:]):
            return  # a routable ancestor's route wins: Wagtail's walk handles it
    target = chain[-1]
    remaining = components[len(chain) - 1 :]
    if remaining and not issubclass(target.specific_class or Page, RoutablePageMixin):
        request._wagtail_route_for_request = None  # no such child: a 404 without a query
        return
    # Kept like the route: each request gets its own copy (unpickled), which it may annotate.
    specific = remember(f"specific:{target.pk}", lambda: target.specific)
    if len(chain) > 1:
        specific._cached_parent_obj = chain[-2]
    if specific.locale_id == chrome_for(request).locale.pk:
        specific.locale = chrome_for(request).locale
    try:
        request._wagtail_route_for_request = specific.route(request, remaining)
    except Http404:
        request._wagtail_route_for_request = None
        return
    request._approdo_ancestors = (specific.pk, chain[:-1])


def serve(request, path):
    """Wagtail's ``serve`` view, routed by ``find_route`` first."""
    if not hasattr(request, "_wagtail_route_for_request"):
        find_route(request, path)
    return wagtail_serve(request, path)


def routed_ancestors(request, page):
    """The pages above ``page`` (from the home page down) when ``serve`` routed to it."""
    routed = getattr(request, "_approdo_ancestors", None)
    if routed and routed[0] == page.pk:
        return routed[1]
    return None
