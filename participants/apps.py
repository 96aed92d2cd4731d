from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ParticipantsConfig(AppConfig):
    """The person's path: referral, eligibility, plan, activities, attendance, exit."""

    name = "participants"
    verbose_name = _("Participants")

    def ready(self):
        from django.urls import path

        from companies import extensions
        from participants.company import attendance_todo
        from participants.company_views import internship_attendance

        extensions.add(extensions.dashboard_todos, attendance_todo)
        if not any(p.name == "internship_attendance" for p in extensions.company_urls):
            extensions.company_urls.append(
                path(
                    "<int:pk>/interns/<int:placement_pk>/attendance/",
                    internship_attendance,
                    name="internship_attendance",
                )
            )
