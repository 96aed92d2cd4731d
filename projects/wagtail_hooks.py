"""Projects on the public site: a project page, and the news and calls linked to it,
disclose the project's own funders."""

from django.utils import translation
from wagtail import hooks

from home.funding import PageFunding
from home.generation import remember
from home.models import PAGE_FUNDING, ProjectPage
from projects.funding import EU_KINDS


def funding_sources_for_page(page):
    """The funding sources of the operational project ``page`` presents (a project page in
    any language) or is linked to (a news item or call), latest project first; [] for any
    other page. One query: the public pages keep a fixed, small query count."""
    from projects.models import FundingSource

    if isinstance(page, ProjectPage):
        keys = [page.translation_key]
    elif getattr(page, "project_id", None):
        keys = ProjectPage.objects.filter(pk=page.project_id).values("translation_key")
    else:
        return []
    sources = list(
        FundingSource.objects.filter(project__page__translation_key__in=keys)
        .select_related("project")
        .order_by("-project__starts_on", "project_id", "sort_order", "pk")
    )
    return [source for source in sources if source.project_id == sources[0].project_id]


def _funding_key(page):
    """Which project's funding ``page`` shows, as a cache key part; None for no project."""
    if isinstance(page, ProjectPage):
        return f"project:{page.translation_key}"
    if getattr(page, "project_id", None):
        return f"linked:{page.project_id}"
    return None


@hooks.register(PAGE_FUNDING)
def project_funding(page):
    """The project's funders; None (the site's statement applies) when it declares none.

    Kept in the shared cache under the content generation (home/generation.py), which pages,
    projects and funding sources replace when they change (projects/apps.py): every page of
    a project, and every news item or call linked to it, would otherwise ask again. The
    kind labels are words, so the language is part of the key.
    """
    which = _funding_key(page)
    if which is None:
        return None
    return remember(f"funding:{translation.get_language()}:{which}", lambda: _read_funding(page))


def _read_funding(page):
    sources = funding_sources_for_page(page)
    if not sources:
        return None
    return PageFunding(
        eu=any(source.kind in EU_KINDS for source in sources),
        programme=sources[0].project.programme,
        funders=list(dict.fromkeys(source.funder for source in sources)),
        sources=[(s.get_kind_display(), s.funder, s.amount) for s in sources],
    )
