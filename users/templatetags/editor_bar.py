"""``{% editor_bar %}``: Wagtail's editors' bar on public pages, asked only for those who may
open the admin.

Wagtail's ``{% wagtailuserbar %}`` first asks whether the reader may access the admin. For a
company user reading the news that is two permission queries, a third of what a signed-in
reading costs, to draw nothing. The answer is kept per user with the admin sidebar's
generation (users/sidebar.py), which moves on at once whenever a user, a group or a
permission changes; when the cache is unreachable the permission is asked every time.
"""

from django import template
from django.core.cache import cache
from wagtail.admin.templatetags.wagtailuserbar import wagtailuserbar

from users import sidebar

register = template.Library()


def may_access_admin(user):
    """Whether ``user`` holds Wagtail's admin access, kept until permissions change.

    The generation and the kept answer are read together (one round trip); the answer
    carries the generation it was worked out under, read before the permissions were.
    """
    if not user.is_authenticated:
        return False
    key = f"admin-access:{user.pk}"
    found = cache.get_many([sidebar.GENERATION_KEY, key])
    current = found.get(sidebar.GENERATION_KEY) or sidebar.generation()
    if current is None:
        return user.has_perm("wagtailadmin.access_admin")
    kept = found.get(key)
    if kept is not None and kept[0] == current:
        return kept[1]
    allowed = user.has_perm("wagtailadmin.access_admin")
    cache.set(key, (current, allowed), sidebar.TIMEOUT)
    return allowed


@register.simple_tag(takes_context=True)
def editor_bar(context, position="bottom-right"):
    """Wagtail's userbar for those who may edit, nothing (and no query) for everybody else."""
    user = getattr(context.get("request"), "user", None)
    if user is None or not may_access_admin(user):
        return ""
    return wagtailuserbar(context, position)
