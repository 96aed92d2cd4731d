"""The Wagtail admin's sidebar, built once per user and language instead of on every page.

Wagtail builds the sidebar's menu on every admin page: each item asks the permissions it
needs (page, collection and group permissions, a few queries), and the whole menu is
serialised for the browser. On a back-office listing that is about a third of the page's
time. What it produces depends only on who is signed in, the language, and what the menu
items count (the companies awaiting review); nothing in it depends on the page shown: the
browser marks the current item itself.

So the serialised menu is kept in the cache per user and language, under a generation that
anything able to change a menu moves on: a user (superuser, active), their groups, their
permissions or profile (dismissed help items), a group's permissions, page and collection
permissions, and, for the counts, the apps that show them
(``changed`` is a signal receiver they connect; companies does for its review queue).
"""

import uuid

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from wagtail.admin.templatetags import wagtailadmin_tags
from wagtail.models import GroupCollectionPermission, GroupPagePermission
from wagtail.users.models import UserProfile

GENERATION_KEY = "admin-sidebar:generation"
# A kept menu is replaced by the next generation; the timeout bounds how long a change that
# sends no signal (a bulk update, a restored backup), or made while Redis was unreachable,
# can go unseen.
TIMEOUT = 10 * 60


def generation():
    """The current sidebar generation (created on first use, and after a cache flush)."""
    value = cache.get(GENERATION_KEY)
    if value is None:
        cache.add(GENERATION_KEY, uuid.uuid4().hex, None)
        value = cache.get(GENERATION_KEY)
    return value


def changed(sender=None, update_fields=None, **kwargs):
    """Signal receiver: some user's menu may differ now. Every kept menu is dropped, at once
    and again when the change commits: a page rendered in between read the old rows and may
    have kept its menu under the new generation. A sign-in, which only writes the user's
    last login, changes nothing."""
    if update_fields is not None and set(update_fields) <= {"last_login"}:
        return
    _next_generation()
    transaction.on_commit(_next_generation)


def _next_generation():
    cache.set(GENERATION_KEY, uuid.uuid4().hex, None)


def sidebar_props(context):
    """Wagtail's ``{% sidebar_props %}``, from the cache when this user's menu in this
    language is kept for the current generation."""
    current = generation()
    if current is None:  # the cache is unreachable: no way to tell a kept menu is current
        return wagtailadmin_tags.sidebar_props(context)
    key = f"admin-sidebar:{current}:{context['request'].user.pk}:{get_language()}"
    props = cache.get(key)
    if props is None:
        props = str(wagtailadmin_tags.sidebar_props(context))
        cache.set(key, props, TIMEOUT)
    # Wagtail's own output (json_script), kept as text.
    return mark_safe(props)


def connect():
    """Puts the cached sidebar in place of Wagtail's and wires the invalidation."""
    wagtailadmin_tags.register.simple_tag(takes_context=True, name="sidebar_props")(sidebar_props)
    user_model = get_user_model()
    for model in (
        user_model,
        UserProfile,
        Group,
        GroupPagePermission,
        GroupCollectionPermission,
    ):
        post_save.connect(changed, sender=model, dispatch_uid=f"sidebar-save-{model.__name__}")
        post_delete.connect(changed, sender=model, dispatch_uid=f"sidebar-delete-{model.__name__}")
    for through in (
        user_model.groups.through,
        user_model.user_permissions.through,
        Group.permissions.through,
    ):
        m2m_changed.connect(changed, sender=through, dispatch_uid=f"sidebar-m2m-{through}")
