"""Territories (zone, partners' areas): they scope staff queues and notifications."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Territory(models.Model):
    """A zone of the project (e.g. "Alta Val d'Elsa"); every company belongs to one."""

    name = models.CharField(_("name"), max_length=120, unique=True)
    code = models.SlugField(_("code"), max_length=40, unique=True)

    class Meta:
        verbose_name = _("territory")
        verbose_name_plural = _("territories")
        ordering = ["name"]

    def __str__(self):
        return self.name
