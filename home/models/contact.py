"""The contact / feedback form page: Wagtail form builder plus a honeypot and a rate limit."""

from allauth.core import ratelimit
from django import forms
from django.db import models
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.mail import send_mail
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.forms.models import AbstractEmailForm, AbstractFormField
from wagtail.contrib.forms.panels import FormSubmissionsPanel
from wagtail.fields import RichTextField
from wagtail.models import TranslatableMixin

from mail.outbox import OutboxBackend

HONEYPOT_FIELD = "website"


class FormField(TranslatableMixin, AbstractFormField):
    """A field of a contact form, defined by editors.

    Translatable so wagtail-localize translates labels, help texts and choices with the page.
    """

    page = ParentalKey("home.FormPage", on_delete=models.CASCADE, related_name="form_fields")

    class Meta(TranslatableMixin.Meta, AbstractFormField.Meta):
        pass


class FormPage(AbstractEmailForm):
    """A contact or feedback form; submissions are stored for staff and optionally e-mailed.

    Bots are turned away by a honeypot field (hidden from people, filled by naive bots:
    accepted silently and dropped) and by allauth's rate limiter, keyed by client IP.
    """

    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])
    thank_you_text = RichTextField(_("thank-you text"), blank=True, features=["bold", "link"])

    parent_page_types = ["home.HomePage", "home.StandardPage", "home.ProjectPage"]
    subpage_types = []
    content_panels = [
        *AbstractEmailForm.content_panels,
        FormSubmissionsPanel(),
        FieldPanel("intro"),
        InlinePanel("form_fields", label=_("Form fields")),
        FieldPanel("thank_you_text"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("from_address"), FieldPanel("to_address")]),
                FieldPanel("subject"),
            ],
            heading=_("E-mail to staff"),
        ),
    ]

    class Meta:
        verbose_name = _("form page")

    def get_form_class(self):
        form_class = super().get_form_class()
        honeypot = forms.CharField(
            required=False,
            label=_("Leave this field empty"),
            widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
        )
        return type(form_class.__name__, (form_class,), {HONEYPOT_FIELD: honeypot})

    def serve(self, request, *args, **kwargs):
        if request.method == "POST":
            if request.POST.get(HONEYPOT_FIELD):
                return self.render_landing_page(request, None, *args, **kwargs)
            if not ratelimit.consume(request, action="contact_form"):
                response = TemplateResponse(
                    request,
                    self.get_template(request),
                    {
                        **self.get_context(request),
                        "form": self.get_form(request.POST, page=self, user=request.user),
                        "rate_limited": True,
                    },
                    status=429,
                )
                return response
        return super().serve(request, *args, **kwargs)

    def send_mail(self, form):
        """The copy for staff goes through the outbox, like every e-mail of the project."""
        addresses = [address.strip() for address in self.to_address.split(",")]
        send_mail(
            self.subject,
            self.render_email(form),
            addresses,
            self.from_address,
            connection=OutboxBackend(kind="contact_form"),
        )

    def process_form_submission(self, form):
        form.cleaned_data.pop(HONEYPOT_FIELD, None)
        return super().process_form_submission(form)
