"""Step 4 of the dossier: the self-declarations a host company signs (DPR 445/2000).

Staff edit the wording of each item (Settings → Company declarations) and translate it like
any other snippet. What a company signed is copied into CompanyDeclaration, so a later edit
of the wording never changes what was declared.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import TranslatableMixin


class LocalizedItemsQuerySet(models.QuerySet):
    """Staff-managed, translated items (declarations, document kinds) in one language."""

    def for_language(self, language_code=None):
        """Active items in the given language, falling back to the default language's text.

        One query whatever the number of items; ordered as staff arranged them.
        """
        language_code = language_code or translation.get_language()
        # The default language's code, as Locale.get_default() finds it, without its query.
        default = get_supported_content_language_variant(settings.LANGUAGE_CODE)
        rows = (
            self.filter(active=True)
            .filter(locale__language_code__in=[language_code, default])
            .select_related("locale")
            .order_by("sort_order", "pk")
        )
        chosen = {}
        for item in rows:
            current = chosen.get(item.translation_key)
            if current is None or item.locale.language_code == language_code:
                chosen[item.translation_key] = item
        return sorted(chosen.values(), key=lambda item: (item.sort_order, item.pk))


class DeclarationItem(TranslatableMixin, models.Model):
    """One statement the company declares by ticking a box, e.g. compliance with D.lgs. 81/2008."""

    text = models.TextField(
        _("text"),
        help_text=_("The statement as the company reads it, after “I declare that”."),
    )
    sort_order = models.PositiveSmallIntegerField(
        _("order"), default=0, help_text=_("Items are shown from the lowest number up.")
    )
    active = models.BooleanField(
        _("asked to companies"),
        default=True,
        help_text=_("Untick to stop asking this item; dossiers already signed keep it."),
    )

    objects = LocalizedItemsQuerySet.as_manager()

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("company declaration")
        verbose_name_plural = _("company declarations")
        ordering = ["sort_order", "pk"]

    def __str__(self):
        return self.text[:80]


class CompanyDeclaration(models.Model):
    """A signed set of declarations: who declared, when, and the exact texts they accepted."""

    company = models.ForeignKey(
        "companies.Company", on_delete=models.CASCADE, related_name="declarations"
    )
    declarant_name = models.CharField(_("name of the declaring person"), max_length=160)
    declarant_role = models.CharField(
        _("in the capacity of"),
        max_length=120,
        help_text=_("E.g. legal representative, or delegate of the legal representative."),
    )
    signed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("account"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    signed_at = models.DateTimeField(_("signed"), default=timezone.now)
    language = models.CharField(_("language"), max_length=10)
    # [{"key": translation key of the item, "text": the text as shown}]
    items = models.JSONField(_("declared items"), default=list)

    class Meta:
        verbose_name = _("signed declaration")
        verbose_name_plural = _("signed declarations")
        ordering = ["-signed_at", "-pk"]
        get_latest_by = ["signed_at", "pk"]

    def __str__(self):
        return f"{self.company} · {self.declarant_name} · {self.signed_at:%Y-%m-%d %H:%M}"

    def is_current(self, items=None):
        """Whether it still covers every active item, with the wording it was signed in.

        When staff add an item or change its wording, the company is asked to sign again.
        """
        items = DeclarationItem.objects.for_language(self.language) if items is None else items
        signed = {entry["key"]: entry["text"] for entry in self.items}
        return all(signed.get(str(item.translation_key)) == item.text for item in items)
