"""The funding a page discloses: the EU emblem and statement only for EU-funded projects.

A project page, and a news item or call linked to a project, disclose that project's
funders (answered by the app that knows projects, through the PAGE_FUNDING hook); every
other page discloses the site's funding statement (site settings), which is the EU one.
"""

from dataclasses import dataclass, field

from wagtail import hooks
from wagtail.models import Page

from home.models import PAGE_FUNDING


@dataclass(frozen=True)
class PageFunding:
    """What the footer and the project page show about who pays for a project."""

    eu: bool
    programme: str = ""
    funders: list = field(default_factory=list)
    sources: list = field(default_factory=list)  # (kind label, funder, amount)


def funding_for(page):
    """The PageFunding of ``page`` (asked once per page object), or None."""
    if not isinstance(page, Page):
        return None
    if not hasattr(page, "_approdo_funding"):
        page._approdo_funding = None
        for answer in hooks.get_hooks(PAGE_FUNDING):
            found = answer(page)
            if found is not None:
                page._approdo_funding = found
                break
    return page._approdo_funding
