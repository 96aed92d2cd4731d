from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ParticipantsConfig(AppConfig):
    """The person's path: referral, eligibility, plan, activities, attendance, exit."""

    name = "participants"
    verbose_name = _("Participants")
