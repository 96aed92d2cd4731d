"""Payments in the admin: bank accounts (Payments group only, every showing logged),
payment batches with their files and the bank's answer, and the budgets."""

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel, ObjectList
from wagtail.admin.ui.tables import Column
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets.button import HeaderButton

from allowance.models import AllowanceBudget, BankAccount, BatchState, Payment, PaymentBatch
from allowance.services import exports
from allowance.services import payments as service
from allowance.services.errors import NotPermitted
from companies.backoffice.columns import RowLinkIsTheAction
from companies.backoffice.refusals import ForbiddenNotRedirect, forbidden
from projects.models import FundingSource, Project


class BankAccountForm(forms.ModelForm):
    def clean_iban(self):
        try:
            return service.clean_iban(self.cleaned_data["iban"])
        except ValidationError as error:
            raise ValidationError(error.message_dict["iban"]) from error


class SavedByService:
    """Create and edit go through services.payments.save_bank_account (checked, logged)."""

    def save_instance(self):
        data = self.form.cleaned_data
        participant = data.get("participant") or self.form.instance.participant
        return service.save_bank_account(
            self.request.user,
            participant,
            holder=data["holder"],
            iban=data["iban"],
            bic=data["bic"],
        )


class BankAccountCreateView(ForbiddenNotRedirect, SavedByService, generic.CreateView):
    pass


class BankAccountEditView(ForbiddenNotRedirect, SavedByService, generic.EditView):
    def get(self, request, *args, **kwargs):
        response = super().get(request, *args, **kwargs)
        service.log_views(request.user, [self.object.participant_id], "screen")
        return response


class BankAccountInspectView(ForbiddenNotRedirect, generic.InspectView):
    fields = ["participant", "holder", "iban", "bic", "updated_at"]

    def get(self, request, *args, **kwargs):
        response = super().get(request, *args, **kwargs)
        service.log_views(request.user, [self.object.participant_id], "screen")
        return response


class BankAccountIndexView(RowLinkIsTheAction, ForbiddenNotRedirect, generic.IndexView):
    def get_base_queryset(self):
        return BankAccount.objects.select_related("participant")


class BankAccountViewSet(ModelViewSet):
    model = BankAccount
    icon = "key"
    menu_label = gettext_lazy("Bank accounts")
    url_prefix = "allowance/bank-accounts"
    name = "allowance_bank_accounts"
    index_view_class = BankAccountIndexView
    add_view_class = BankAccountCreateView
    edit_view_class = BankAccountEditView
    inspect_view_class = BankAccountInspectView
    inspect_view_enabled = True
    copy_view_enabled = False
    form_fields = ["participant", "holder", "iban", "bic"]
    # The list shows the code and the IBAN's last digits only: reading it shows no account.
    list_display = [
        "__str__",
        "updated_at",
    ]
    search_fields = ["participant__code"]

    def get_form_class(self, for_update=False):
        return forms.modelform_factory(BankAccount, form=BankAccountForm, fields=self.form_fields)


class BatchForm(forms.Form):
    project = forms.ModelChoiceField(label=gettext_lazy("Project"), queryset=Project.objects.all())
    execution_date = forms.DateField(
        label=gettext_lazy("Execution date"), widget=forms.DateInput(attrs={"type": "date"})
    )

    def clean_execution_date(self):
        day = self.cleaned_data["execution_date"]
        if day < timezone.localdate():
            raise ValidationError(_("The execution date cannot be in the past."))
        return day


def new_batch(request):
    """Puts a project's approved, unpaid statements in a batch."""
    if not request.user.has_perm("allowance.pay_statement"):
        return forbidden()
    form = BatchForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        project = form.cleaned_data["project"]
        if not AllowanceBudget.objects.filter(project=project).exists():
            form.add_error("project", _("Set the project's budget and paying account first."))
        else:
            batch, missing = service.create_batch(
                request.user, project, form.cleaned_data["execution_date"]
            )
            for statement in missing:
                messages.warning(
                    request,
                    _("%(code)s has no bank account: left in the queue.")
                    % {"code": statement.path.participant.code},
                )
            if batch is not None:
                return redirect("allowance_batches:inspect", batch.pk)
            messages.info(request, _("Nothing to pay for this project."))
    return TemplateResponse(
        request,
        "allowance/backoffice/batch_form.html",
        {"form": form, "header_title": _("New payment batch")},
    )


class BatchInspectView(ForbiddenNotRedirect, generic.InspectView):
    template_name = "allowance/backoffice/batch.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["payments"] = self.object.payments.select_related("statement__path__participant")
        context["can_pay"] = self.request.user.has_perm("allowance.pay_statement")
        context["total"] = sum((p.amount for p in context["payments"]), 0)
        return context


def download(request, pk, kind):
    batch = get_object_or_404(PaymentBatch, pk=pk)
    if kind not in ("xlsx", "xml"):
        raise Http404
    try:
        if kind == "xml":
            body = exports.sepa_file(request.user, batch)
            content_type = "application/xml"
        else:
            body = exports.xlsx_file(request.user, batch)
            content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    except NotPermitted:
        return forbidden()
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("allowance_batches:inspect", batch.pk)
    response = HttpResponse(body, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{batch.reference}.{kind}"'
    response["Cache-Control"] = "private, no-store"
    response["X-Content-Type-Options"] = "nosniff"
    return response


@require_POST
def outcome(request, pk, state):
    batch = get_object_or_404(PaymentBatch, pk=pk)
    try:
        if state in (BatchState.PAID, BatchState.FAILED):
            service.mark_batch(request.user, batch, state)
        else:
            raise Http404
    except NotPermitted:
        return forbidden()
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    return redirect("allowance_batches:inspect", batch.pk)


@require_POST
def payment_failed(request, pk):
    payment = get_object_or_404(Payment, pk=pk)
    try:
        service.mark_payment_failed(request.user, payment)
    except NotPermitted:
        return forbidden()
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    return redirect("allowance_batches:inspect", payment.batch_id)


class BatchIndexView(RowLinkIsTheAction, ForbiddenNotRedirect, generic.IndexView):
    def get_base_queryset(self):
        return PaymentBatch.objects.select_related("project")

    @cached_property
    def header_buttons(self):
        buttons = list(super().header_buttons)
        if self.request.user.has_perm("allowance.pay_statement"):
            buttons.append(
                HeaderButton(
                    _("New payment batch"), url=reverse("allowance_batches:make"), icon_name="plus"
                )
            )
        return buttons


class BatchViewSet(ModelViewSet):
    model = PaymentBatch
    icon = "upload"
    menu_label = gettext_lazy("Payment batches")
    url_prefix = "allowance/batches"
    name = "allowance_batches"
    index_view_class = BatchIndexView
    inspect_view_class = BatchInspectView
    inspect_view_enabled = True
    copy_view_enabled = False
    form_fields = ["state"]
    list_display = ["reference", "project", "execution_date", Column("get_state_display")]
    list_filter = ["project", "state"]

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("make/", new_batch, name="make"),
            path("<int:pk>/file/<str:kind>/", download, name="download"),
            path("<int:pk>/outcome/<str:state>/", outcome, name="outcome"),
            path("payment/<int:pk>/failed/", payment_failed, name="payment_failed"),
        ]


class BudgetIndexView(RowLinkIsTheAction, ForbiddenNotRedirect, generic.IndexView):
    """The budgets, then each one's split by funding source (budget_results.html)."""

    results_template_name = "allowance/backoffice/budget_results.html"

    def get_base_queryset(self):
        return service.budgets_with_figures()


class SourceChoiceField(forms.ModelChoiceField):
    """Names the project beside the funder: the list holds every project's sources."""

    def label_from_instance(self, obj):
        return f"{obj.project.code} · {obj}"


class ShareForm(WagtailAdminModelForm):
    """One share; on an existing budget only its project's sources are offered."""

    source = SourceChoiceField(
        label=gettext_lazy("Funding source"),
        queryset=FundingSource.objects.select_related("project").order_by(
            "project__code", "sort_order", "pk"
        ),
    )

    def __init__(self, *args, project=None, **kwargs):
        super().__init__(*args, **kwargs)
        if project is not None:
            field = self.fields["source"]
            field.queryset = field.queryset.filter(project=project)


class SharesPanel(InlinePanel):
    """The budget's shares, each with a funding source labelled by its project."""

    def get_form_options(self):
        options = super().get_form_options()
        options["formsets"][self.relation_name]["form"] = ShareForm
        return options


class BudgetForm(WagtailAdminModelForm):
    """The budget and its shares, checked together (services.payments.check_shares)
    before anything is saved."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.formsets["shares"].form_kwargs["project"] = self.instance.project

    def clean_payer_iban(self):
        try:
            return service.clean_iban(self.cleaned_data["payer_iban"], field="payer_iban")
        except ValidationError as error:
            raise ValidationError(error.message_dict["payer_iban"]) from error

    def clean(self):
        cleaned = super().clean()
        formset = self.formsets["shares"]
        project, amount = cleaned.get("project"), cleaned.get("amount")
        if not formset.is_valid() or project is None or amount is None:
            return cleaned
        shares = [
            (form.cleaned_data["source"], form.cleaned_data["amount"])
            for form in formset.forms
            if form.cleaned_data and not form.cleaned_data.get("DELETE")
        ]
        try:
            service.check_shares(project, amount, shares)
        except ValidationError as error:
            self.add_error(None, error)
        return cleaned


class BudgetViewSet(ModelViewSet):
    model = AllowanceBudget
    icon = "table"
    menu_label = gettext_lazy("Budgets")
    url_prefix = "allowance/budgets"
    name = "allowance_budgets"
    index_view_class = BudgetIndexView
    copy_view_enabled = False
    list_display = [
        "project",
        "funding_source",
        "amount",
        Column("spent", label=gettext_lazy("Spent")),
        Column("committed", label=gettext_lazy("Committed")),
        Column("left", label=gettext_lazy("Left")),
    ]
    edit_handler = ObjectList(
        [
            FieldPanel("project"),
            FieldPanel("funding_source"),
            FieldPanel("amount"),
            SharesPanel(
                "shares",
                panels=[FieldPanel("source"), FieldPanel("amount")],
                heading=gettext_lazy("Shares by funding source"),
                label=gettext_lazy("Share"),
                min_num=1,
            ),
            MultiFieldPanel(
                [FieldPanel("payer_name"), FieldPanel("payer_iban"), FieldPanel("payer_bic")],
                heading=gettext_lazy("Paying account"),
            ),
        ],
        base_form_class=BudgetForm,
    )
