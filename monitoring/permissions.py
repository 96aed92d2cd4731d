"""Who may read the special-category answers: only users granted the permission explicitly.

Superusers get every permission implicitly; here that is not enough. The permission must be
held through a group (the Monitoring group, created by a migration) or granted to the user,
so that reading these answers is always a decision somebody took and can be seen.
"""

from django.contrib.auth.models import Permission
from django.db.models import Q

APP_LABEL = "monitoring"
CODENAME = "read_answers"
PERMISSION = f"{APP_LABEL}.{CODENAME}"
GROUP_NAME = "Monitoring"  # created by migration 0002; access is checked on the permission


def can_read_answers(user):
    """Whether ``user`` may read and record monitoring answers (the result is cached)."""
    if not (user and user.is_authenticated and user.is_active and user.is_staff):
        return False
    if not user.is_superuser:
        # For anybody else Django's permission check is exactly "granted through a group or
        # to the user", and reads the permissions the admin's menu has already loaded.
        return user.has_perm(PERMISSION)
    cached = getattr(user, "_approdo_monitoring", None)
    if cached is None:
        cached = Permission.objects.filter(
            Q(group__user=user) | Q(user=user),
            content_type__app_label=APP_LABEL,
            codename=CODENAME,
        ).exists()
        user._approdo_monitoring = cached
    return cached
