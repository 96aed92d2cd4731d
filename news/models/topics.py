"""Topics that group news across languages."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import Locale, TranslatableMixin
from wagtail.snippets.models import register_snippet


@register_snippet
class Topic(TranslatableMixin, models.Model):
    """A news topic ("Imprese", "Storie", "Avvisi"), translated per language.

    The slug is shared by all translations so a filter link such as ?topic=imprese works
    in every language; news pages keep the source-language topics (wagtail-localize copies
    many-to-many relations as they are).
    """

    name = models.CharField(_("name"), max_length=80)
    slug = models.SlugField(_("slug"), max_length=80, allow_unicode=True)

    panels = [FieldPanel("name"), FieldPanel("slug")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("topic")
        verbose_name_plural = _("topics")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["slug", "locale"], name="unique_topic_slug_locale")
        ]

    def __str__(self):
        return self.name

    @classmethod
    def names_by_slug(cls, locale=None):
        """{slug: name} in the given (or active) language, falling back to any language."""
        locale = locale or Locale.get_active()
        names = {}
        for slug, name, locale_id in cls.objects.values_list("slug", "name", "locale_id"):
            if locale_id == locale.pk or slug not in names:
                names[slug] = name
        return names
