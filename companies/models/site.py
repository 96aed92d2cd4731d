"""Operating sites (sedi operative): where interns would actually work."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from companies.models.company import CAP, PROVINCE


class OperatingSite(models.Model):
    """A place of work of a company, with the accessibility facts a tutor needs to match."""

    company = models.ForeignKey("companies.Company", on_delete=models.CASCADE, related_name="sites")
    name = models.CharField(
        _("name"), max_length=120, help_text=_("How you call this site, e.g. “Laboratorio”.")
    )
    address = models.CharField(_("address"), max_length=255)
    cap = models.CharField(_("CAP"), max_length=5, validators=[CAP])
    comune = models.CharField(_("comune"), max_length=120)
    provincia = models.CharField(_("province"), max_length=2, validators=[PROVINCE])
    step_free_access = models.BooleanField(_("step-free access"), default=False)
    accessible_toilet = models.BooleanField(_("accessible toilet"), default=False)
    public_transport_nearby = models.BooleanField(
        _("public transport nearby"),
        default=False,
        help_text=_("A bus or train stop within about 500 metres."),
    )
    accessibility_notes = models.TextField(
        _("accessibility notes"),
        blank=True,
        max_length=1000,
        help_text=_("Anything else that helps: stairs, lifts, parking, working areas."),
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("operating site")
        verbose_name_plural = _("operating sites")
        ordering = ["name", "pk"]

    def __str__(self):
        return f"{self.name} — {self.comune}"
