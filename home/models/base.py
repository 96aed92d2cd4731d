"""The page base every public page shares."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.images import get_image_model
from wagtail.models import Page
from wagtail.search import index

from home.chrome import CachedViewRestrictionsMixin


class BasePage(CachedViewRestrictionsMixin, Page):
    """Fields and behaviour every public page shares (social image, listing summary)."""

    # Its rendered parts are kept per content generation (home/fragments.py); False for a
    # page that shows what changes without an edit.
    keep_rendered_parts = True

    listing_summary = models.CharField(
        _("listing summary"),
        max_length=255,
        blank=True,
        help_text=_("Shown where this page is listed and in link previews."),
    )
    social_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("social image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    promote_panels = [
        *Page.promote_panels,
        FieldPanel("listing_summary"),
        FieldPanel("social_image"),
    ]
    search_fields = [*Page.search_fields, index.SearchField("listing_summary")]

    class Meta:
        abstract = True

    @property
    def summary(self):
        return self.listing_summary or self.search_description

    def clean(self):
        super().clean()
        errors = {}
        for field in self._meta.concrete_fields:
            if not field.is_relation or field.related_model is not get_image_model():
                continue
            image = getattr(self, field.name)
            if image is not None and not (image.description or "").strip():
                errors[field.name] = _(
                    "This image has no alternative text. Add a description to the image "
                    "in the image library, then choose it again."
                )
        if errors:
            raise ValidationError(errors)
