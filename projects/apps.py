from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProjectsConfig(AppConfig):
    """Funded projects: funding, partners, targets, eligibility rules and the lists they draw
    from."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "projects"
    verbose_name = _("Projects")

    def ready(self):
        from django.db.models.signals import post_delete, post_save

        from home.cache import purge_everything_on_commit
        from home.generation import invalidate
        from projects.models import FundingSource, Project

        # A project's funders show in the footer of its pages and of the news linked to it:
        # cached pages must not keep a funder (or the EU emblem) the project no longer has.
        for model in (Project, FundingSource):
            uid = f"approdo.projects.purge.{model.__name__}"
            post_save.connect(purge_everything_on_commit, sender=model, dispatch_uid=f"{uid}.s")
            post_delete.connect(purge_everything_on_commit, sender=model, dispatch_uid=f"{uid}.d")
            # ...nor the footers rendered from the cached funding (projects/wagtail_hooks.py).
            post_save.connect(invalidate, sender=model, dispatch_uid=f"{uid}.chrome.s")
            post_delete.connect(invalidate, sender=model, dispatch_uid=f"{uid}.chrome.d")
