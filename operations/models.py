"""The state the scheduler and the health checks share across instances, in the database."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Outcome(models.TextChoices):
    RUNNING = "running", _("Running")
    SUCCEEDED = "succeeded", _("Succeeded")
    FAILED = "failed", _("Failed")


class JobState(models.Model):
    """One row per scheduled job: when it last ran, and how it went.

    The row is also the claim: a runner takes a due job by moving ``last_started_at`` forward
    with a conditional UPDATE, so two schedulers on two machines never run it twice in one
    period (see operations.scheduler.claim).
    """

    name = models.CharField(_("job"), max_length=64, primary_key=True)
    last_started_at = models.DateTimeField(_("last started"), null=True, blank=True)
    last_finished_at = models.DateTimeField(_("last finished"), null=True, blank=True)
    last_succeeded_at = models.DateTimeField(_("last succeeded"), null=True, blank=True)
    last_outcome = models.CharField(
        _("outcome"), max_length=16, choices=Outcome.choices, blank=True
    )
    # The exception's class only: a job's error text may quote a person's data.
    last_error = models.CharField(_("error"), max_length=200, blank=True)
    runs = models.PositiveIntegerField(_("runs"), default=0)

    class Meta:
        verbose_name = _("scheduled job")
        verbose_name_plural = _("scheduled jobs")

    def __str__(self):
        return self.name


class Heartbeat(models.Model):
    """The last sign of life of a background role (the scheduler, the task workers)."""

    SCHEDULER = "scheduler"
    WORKER = "worker"

    role = models.CharField(_("role"), max_length=32, primary_key=True)
    seen_at = models.DateTimeField(_("last seen"))
    host = models.CharField(_("host"), max_length=255, blank=True)
    pid = models.PositiveIntegerField(_("process"), null=True, blank=True)

    class Meta:
        verbose_name = _("heartbeat")
        verbose_name_plural = _("heartbeats")

    def __str__(self):
        return self.role
