"""The audit log of the host-companies domain, kept apart from Wagtail's shared one.

Wagtail's *Site history* report (and its CSV/XLSX export) lists every log model's entries
that ``viewable_by_user`` lets through; Wagtail's own rule is "any permission on the content
type", which would show a moderator every territory's companies.
Entries about this domain's objects live here instead, so that listing them goes through
the same scoping querysets as the back office: a staff member reads only the entries about
companies, placements and people they may open themselves. The people in placements are
participants (``participants.Participant``, reached through ``Placement.participant``
without importing that app): their entries are scoped by the participants' own rule,
``visible_to_staff``. Labels never name a person: a participant is logged under the
pseudonymous code.
"""

import functools
import operator

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import CharField, Q
from django.db.models.functions import Cast
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from wagtail.models.audit_log import BaseLogEntry, BaseLogEntryManager

# Models whose string form names no person and may be the label of their log entries
# (a participant's is the pseudonymous code).
LABELLED_BY_STR = {
    "company",
    "companydocument",
    "operatingsite",
    "placement",
    "position",
    "participant",
}
# Settings-like models staff edit as snippets: their entries stay in Wagtail's shared log.
CONFIGURATION = {"territory", "declarationitem", "documentkind"}


def logged_models():
    """The models whose audit entries are scoped here: the companies app's, and the
    people in placements."""
    from django.apps import apps

    from companies.models.placement import people

    return [
        *(
            model
            for model in apps.get_app_config("companies").get_models()
            if model._meta.model_name not in CONFIGURATION and model is not CompanyLogEntry
        ),
        people(),
    ]


def audit_label(instance):
    """What a log entry calls ``instance``: never a person's name.

    Models listed in LABELLED_BY_STR are their usual name;
    any other model (memberships, invitations, declarations… whose names are people or
    e-mail addresses) its kind and id, so a model added later is safe by default.
    """
    meta = instance._meta
    if meta.model_name in LABELLED_BY_STR:
        return str(instance)
    return f"{capfirst(meta.verbose_name)} {instance.pk}"


def visible_objects(model, user):
    """The objects of ``model`` the staff ``user`` may open in the back office."""
    from companies.models import Company, Placement
    from companies.models.placement import people

    name = model._meta.model_name
    if model is people():
        return model.objects.visible_to_staff(user)
    if name == "company":
        return Company.objects.reviewable_by(user)
    if name == "placement":
        return Placement.objects.manageable_by(user)
    fields = {field.name for field in model._meta.get_fields()}
    if "company" in fields:
        return model.objects.filter(company__in=Company.objects.reviewable_by(user))
    if "placement" in fields:
        return model.objects.filter(placement__in=Placement.objects.manageable_by(user))
    return model.objects.none()


class CompanyLogEntryManager(BaseLogEntryManager):
    def get_instance_title(self, instance):
        return audit_label(instance)

    def log_action(self, instance, action, **kwargs):
        kwargs.update(object_id=str(instance.pk))
        return super().log_action(instance, action, **kwargs)

    def for_instance(self, instance):
        return self.filter(
            content_type=ContentType.objects.get_for_model(instance, for_concrete_model=False),
            object_id=str(instance.pk),
        )

    def viewable_by_user(self, user):
        """Entries about objects the user may open; everything for superusers.

        A company's entries follow the company (its territory); placement steps, logged on
        the company, are also shown to the placement's project tutor; a person's entries follow
        the participants' rule (territory, caseload, tutored placements).
        """
        if user.is_superuser:
            return self.all()
        if not getattr(user, "is_authenticated", False) or not user.is_active:
            return self.none()
        from companies.models import Company, Placement

        visible = []
        for model in logged_models():
            ids = visible_objects(model, user).values(text_pk=Cast("pk", CharField()))
            content_type = ContentType.objects.get_for_model(model, for_concrete_model=False)
            visible.append(Q(content_type=content_type, object_id__in=ids))
        tutored = list(
            Placement.objects.manageable_by(user)
            .filter(project_tutor=user)
            .values_list("pk", flat=True)
        )
        if tutored:
            visible.append(
                Q(
                    content_type=ContentType.objects.get_for_model(Company),
                    action="approdo.company.placement",
                    data__placement__in=tutored,
                )
            )
        return self.filter(functools.reduce(operator.or_, visible))


class CompanyLogEntry(BaseLogEntry):
    """One audit entry about a company, a placement, a person in a placement or another
    object of theirs."""

    object_id = models.CharField(max_length=255, blank=False, db_index=True)

    objects = CompanyLogEntryManager()

    class Meta(BaseLogEntry.Meta):
        ordering = ["-timestamp", "-id"]
        verbose_name = _("host-company log entry")
        verbose_name_plural = _("host-company log entries")

    def __str__(self):
        return f"{self.action} on {self.content_type_id}/{self.object_id} ({self.pk})"
