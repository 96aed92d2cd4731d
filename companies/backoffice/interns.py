"""Back office for interns: staff keep the minimum record and read who opened the cards."""

from django.shortcuts import get_object_or_404
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.views import generic
from wagtail.admin.views.generic.history import HistoryView
from wagtail.admin.views.generic.usage import UsageView

from companies.backoffice.refusals import ForbiddenNotRedirect
from companies.models import Intern, InternCardView, Territory


class InternForm(WagtailAdminModelForm):
    """Only the user's own territories can be chosen."""

    def __init__(self, *args, for_user=None, **kwargs):
        super().__init__(*args, for_user=for_user, **kwargs)
        if for_user is not None and not for_user.is_superuser:
            self.fields["territory"].queryset = Territory.objects.filter(moderators=for_user)


class ScopedObjectMixin(ForbiddenNotRedirect):
    def get_object(self, queryset=None):
        pk = self.kwargs.get("pk") or getattr(self, "pk", None)
        return get_object_or_404(Intern.objects.visible_to_staff(self.request.user), pk=pk)


class InternIndexView(ForbiddenNotRedirect, generic.IndexView):
    def get_base_queryset(self):
        return Intern.objects.visible_to_staff(self.request.user).select_related("territory")


class InternEditView(ScopedObjectMixin, generic.EditView):
    pass


class InternHistoryView(ScopedObjectMixin, HistoryView):
    pass


class InternUsageView(ScopedObjectMixin, UsageView):
    pass


class InternDeleteView(ScopedObjectMixin, generic.DeleteView):
    pass


class InternInspectView(ScopedObjectMixin, generic.InspectView):
    """The record, its placements, and every view of its cards by company users."""

    template_name = "companies/backoffice/intern.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        intern = self.object
        context["placements"] = intern.placements.select_related("company", "site")
        context["card_views"] = (
            InternCardView.objects.filter(placement__intern=intern)
            .select_related("user", "placement__company")
            .order_by("-viewed_at")[:200]
        )
        return context
