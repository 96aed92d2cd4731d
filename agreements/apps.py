from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AgreementsConfig(AppConfig):
    """Agreements and individual training projects: generated from the data, signed, verified."""

    name = "agreements"
    verbose_name = _("Agreements")

    def ready(self):
        from django.db.models.signals import post_save

        from agreements.conditions import missing_for_start
        from agreements.privacy import forget_intern
        from companies import extensions

        # Named by string: the person is a participant, and this app builds on companies only.
        post_save.connect(
            forget_intern,
            sender="participants.Participant",
            dispatch_uid="agreements_forget_intern",
        )
        extensions.add(extensions.start_conditions, missing_for_start)
