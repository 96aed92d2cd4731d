"""The project's edit form in the back office: identity, funding, partners, targets, rules."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel

PROJECT_PANELS = [
    MultiFieldPanel(
        [
            FieldPanel("name"),
            FieldRowPanel([FieldPanel("code"), FieldPanel("cup")]),
            FieldPanel("funder"),
            FieldPanel("programme"),
            FieldRowPanel([FieldPanel("starts_on"), FieldPanel("ends_on")]),
            FieldPanel("page"),
        ],
        heading=_("Project"),
    ),
    InlinePanel("funding_sources", heading=_("Funding sources"), label=_("Funding source")),
    InlinePanel("partners", heading=_("Partners"), label=_("Partner")),
    MultiFieldPanel(
        [
            FieldPanel("territories"),
            FieldRowPanel([FieldPanel("target_people"), FieldPanel("target_women_percent")]),
            FieldRowPanel(
                [
                    FieldPanel("target_internships"),
                    FieldPanel("target_hires"),
                    FieldPanel("target_hours"),
                ]
            ),
        ],
        heading=_("Territories and targets"),
    ),
    InlinePanel(
        "territory_targets", heading=_("People per territory"), label=_("Territory target")
    ),
    MultiFieldPanel(
        [
            FieldRowPanel([FieldPanel("min_age"), FieldPanel("max_age")]),
            FieldPanel("municipalities"),
            FieldPanel("authorised_referrers"),
        ],
        heading=_("Eligibility"),
    ),
]
