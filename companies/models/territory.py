"""Territories (zone, partners' areas): they scope staff queues and notifications."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Territory(models.Model):
    """A zone of the project (e.g. "Alta Val d'Elsa"); every company belongs to one."""

    name = models.CharField(_("name"), max_length=120, unique=True)
    code = models.SlugField(_("code"), max_length=40, unique=True)
    moderators = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("moderators"),
        blank=True,
        related_name="moderated_territories",
        limit_choices_to={"is_staff": True},
        help_text=_(
            "Staff who review this territory's companies and documents and are told of its "
            "new submissions. Superusers see every territory."
        ),
    )

    class Meta:
        verbose_name = _("territory")
        verbose_name_plural = _("territories")
        ordering = ["name"]

    def __str__(self):
        return self.name
