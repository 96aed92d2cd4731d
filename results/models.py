"""The public results page: a project's live figures, in aggregate and masked.

The figures are counted when the page renders (results.tables.public_figures), never
typed by editors, so a project can publish its results as soon as they are known. The page
cache keeps the rendered page; results.cache purges it when the people's paths change.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel

from home.models.base import BasePage

DASHBOARD_PERMISSION = "results.view_dashboard"


class ResultsPage(BasePage):
    """A project's results: people supported, internships, hires and women's share."""

    project = models.ForeignKey(
        "projects.Project",
        verbose_name=_("project"),
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("The operational project whose figures the page shows."),
    )
    intro = models.TextField(_("introduction"), blank=True)

    parent_page_types = ["home.ProjectPage", "home.HomePage"]
    subpage_types = []
    # The figures change with people's paths, not with a publish: rendered afresh every time
    # the page cache does not answer (home/fragments.py).
    keep_rendered_parts = False
    content_panels = [*BasePage.content_panels, FieldPanel("project"), FieldPanel("intro")]

    class Meta:
        verbose_name = _("results page")
        verbose_name_plural = _("results pages")
        # The coordinators' dashboard has no model of its own; its permission lives here,
        # beside the page that shows the same figures to the public.
        permissions = [("view_dashboard", _("Can see the targets-vs-actuals dashboard"))]

    def get_context(self, request, *args, **kwargs):
        from results.tables import HIDDEN, SMALL_CELL, public_figures

        context = super().get_context(request, *args, **kwargs)
        context["figures"] = public_figures(self.project)
        context["hidden_mark"] = HIDDEN
        context["small_cell"] = SMALL_CELL
        return context
