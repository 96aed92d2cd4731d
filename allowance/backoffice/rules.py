"""Allowance rules in the admin: versions per project, with their extra items inline."""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
)
from wagtail.admin.ui.tables import Column
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet

from allowance.models import AllowanceRule
from companies.backoffice.columns import RowLinkIsTheAction
from companies.backoffice.refusals import refusing
from participants.models import ActivityKind


class RuleForm(WagtailAdminModelForm):
    """The kinds of activity are ticked, not typed as JSON."""

    counted_kinds = forms.MultipleChoiceField(
        label=_("Activities that count"),
        choices=ActivityKind.choices,
        widget=forms.CheckboxSelectMultiple,
    )


class RuleIndexView(RowLinkIsTheAction, refusing(generic.IndexView)):
    def get_base_queryset(self):
        return AllowanceRule.objects.select_related("project")


class RuleViewSet(ModelViewSet):
    model = AllowanceRule
    icon = "decimal"
    menu_label = _("Allowance rules")
    url_prefix = "allowance/rules"
    name = "allowance_rules"
    index_view_class = RuleIndexView
    add_view_class = refusing(generic.CreateView)
    edit_view_class = refusing(generic.EditView)
    delete_view_class = refusing(generic.DeleteView)
    copy_view_enabled = True
    list_display = [
        "name",
        "project",
        "valid_from",
        "valid_to",
        Column("get_basis_display", label=_("Amount")),
        "rate",
        "monthly_cap",
    ]
    list_filter = ["project"]
    edit_handler = ObjectList(
        [
            FieldPanel("project"),
            FieldPanel("name"),
            FieldRowPanel([FieldPanel("valid_from"), FieldPanel("valid_to")]),
            FieldPanel("counted_kinds"),
            MultiFieldPanel(
                [
                    FieldRowPanel([FieldPanel("basis"), FieldPanel("rate")]),
                    FieldPanel("monthly_cap"),
                    FieldRowPanel([FieldPanel("rounding"), FieldPanel("rounding_step")]),
                ],
                heading=_("Amount"),
            ),
            MultiFieldPanel(
                [
                    FieldRowPanel([FieldPanel("threshold_percent"), FieldPanel("below_threshold")]),
                    FieldPanel("justified_count"),
                ],
                heading=_("Attendance"),
            ),
            InlinePanel("extras", heading=_("Extra items"), label=_("Extra item")),
        ],
        base_form_class=RuleForm,
    )
