"""The admin sidebar is built once per user and language (users/sidebar.py) and rebuilt as
soon as anything it shows may have changed: permissions, groups, the review queue's count."""

import re

import pytest
from django.contrib.auth.models import Group, Permission
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation
from wagtail.users.models import UserProfile

from companies.services.status import move_company
from tests.factories.companies import CompanyFactory, TerritoryFactory, complete_dossier
from tests.factories.users import UserFactory, admin_user, moderator_of, staff_in_group

pytestmark = pytest.mark.django_db

PROPS = re.compile(
    r'<script id="wagtail-sidebar-props" type="application/json">(.*?)</script>', re.S
)


def dashboard():
    with translation.override("en"):
        return reverse("wagtailadmin_home")


def sidebar(client):
    """The sidebar's props on the admin dashboard, and how many queries the page ran."""
    with CaptureQueriesContext(connection) as queries:
        response = client.get(dashboard())
    assert response.status_code == 200
    return PROPS.search(response.text).group(1), len(queries)


@pytest.fixture
def territory():
    return TerritoryFactory(name="Alta Val d'Elsa", code="alta-val-elsa-sidebar")


def submitted(territory, name):
    company = complete_dossier(CompanyFactory(territory=territory, legal_name=name))
    move_company(company, "submit")
    return company


def test_the_second_page_reuses_the_menu(client, no_staff_mfa, territory, monkeypatch):
    from wagtail.admin.templatetags import wagtailadmin_tags

    built = []
    build = wagtailadmin_tags.sidebar_props
    monkeypatch.setattr(
        wagtailadmin_tags, "sidebar_props", lambda context: built.append(1) or build(context)
    )
    submitted(territory, "Forno Nord s.r.l.")
    client.force_login(moderator_of(territory))
    first, first_queries = sidebar(client)
    second, second_queries = sidebar(client)
    assert len(built) == 1
    assert second == first
    # The menu's own queries (page and collection permissions, the queue's count) are gone.
    assert second_queries < first_queries


def test_the_queue_count_follows_a_submission(client, no_staff_mfa, territory):
    submitted(territory, "Forno Nord s.r.l.")
    waiting = complete_dossier(CompanyFactory(territory=territory, legal_name="Officina"))
    client.force_login(moderator_of(territory))
    before, _ = sidebar(client)
    assert "Companies (1)" in before
    move_company(waiting, "submit")
    after, _ = sidebar(client)
    assert "Companies (2)" in after


def test_a_moderator_added_to_a_territory_sees_its_queue_count(client, no_staff_mfa, territory):
    submitted(territory, "Forno Nord s.r.l.")
    moderator = moderator_of(TerritoryFactory(code="val-di-merse-sidebar"))
    client.force_login(moderator)
    before, _ = sidebar(client)
    assert "Companies (1)" not in before
    territory.moderators.add(moderator)
    after, _ = sidebar(client)
    assert "Companies (1)" in after


def test_a_permission_given_through_a_group_shows_its_menu_at_once(client, no_staff_mfa):
    editor = staff_in_group("Editors")
    group = Group.objects.create(name="User managers")
    group.permissions.add(Permission.objects.get(codename="change_user"))
    client.force_login(editor)
    before, _ = sidebar(client)
    users = reverse("wagtailusers_users:index")
    assert users not in before
    editor.groups.add(group)
    after, _ = sidebar(client)
    assert users in after
    group.permissions.clear()
    assert users not in sidebar(client)[0]
    editor.user_permissions.add(Permission.objects.get(codename="change_user"))
    assert users in sidebar(client)[0]


def test_each_user_and_language_has_their_own_menu(client, no_staff_mfa, territory):
    submitted(territory, "Forno Nord s.r.l.")
    moderator = moderator_of(territory)
    editor = staff_in_group("Editors")
    client.force_login(moderator)
    english, _ = sidebar(client)
    assert "Companies (1)" in english
    client.force_login(editor)
    assert "Companies (1)" not in sidebar(client)[0]
    # A language chosen with no signal sent: only the cache key tells the two apart.
    UserProfile.objects.filter(user=moderator).update(preferred_language="it")
    client.force_login(moderator)
    italian, _ = sidebar(client)
    assert "Companies (1)" not in italian
    assert "(1)" in italian


def test_a_sign_in_keeps_every_menu(client, no_staff_mfa, territory):
    from users import sidebar as kept

    moderator = moderator_of(territory)
    client.force_login(moderator)
    sidebar(client)
    generation = kept.generation()
    client.logout()
    client.force_login(moderator)  # writes last_login, as a real sign-in does
    assert kept.generation() == generation


def test_page_and_collection_permissions_show_their_menus_at_once(client, no_staff_mfa):
    from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission, Page

    group = Group.objects.create(name="Plain staff")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    user = UserFactory(is_staff=True)
    user.groups.add(group)
    client.force_login(admin_user(user))
    explorer, images = reverse("wagtailadmin_explore_root"), reverse("wagtailimages:index")
    before, _ = sidebar(client)
    assert explorer not in before and images not in before
    granted = GroupPagePermission.objects.create(
        group=group, page=Page.get_first_root_node(), permission_type="change"
    )
    assert explorer in sidebar(client)[0]
    granted.delete()
    assert explorer not in sidebar(client)[0]
    GroupCollectionPermission.objects.create(
        group=group,
        collection=Collection.get_first_root_node(),
        permission=Permission.objects.get(codename="add_image"),
    )
    assert images in sidebar(client)[0]


def test_a_user_made_superuser_sees_the_whole_menu_at_once(client, no_staff_mfa):
    editor = staff_in_group("Editors")
    client.force_login(editor)
    groups = reverse("wagtailusers_groups:index")
    assert groups not in sidebar(client)[0]
    editor.is_superuser = True
    editor.save()
    assert groups in sidebar(client)[0]


def test_a_help_item_dismissed_stays_dismissed(client, no_staff_mfa):
    editor = staff_in_group("Editors")
    client.force_login(editor)
    assert "dismissed-value" not in sidebar(client)[0]
    profile = UserProfile.get_for_user(editor)
    profile.dismissibles = {"editor-guide": True}
    profile.save(update_fields=["dismissibles"])
    assert "dismissed-value" in sidebar(client)[0]


@pytest.mark.django_db(transaction=True)
def test_a_menu_kept_before_the_change_commits_is_dropped_when_it_does(client, no_staff_mfa):
    from django.db import transaction

    from users import sidebar as kept

    editor = staff_in_group("Editors")
    group = Group.objects.create(name="User managers")
    group.permissions.add(Permission.objects.get(codename="change_user"))
    client.force_login(editor)
    users = reverse("wagtailusers_users:index")
    assert users not in sidebar(client)[0]
    with transaction.atomic():
        editor.groups.add(group)
        # What a page rendered meanwhile on another connection keeps: the old menu, under
        # the generation the change has just started.
        old = "<script>stale</script>"
        cache.set(f"admin-sidebar:{kept.generation()}:{editor.pk}:en", old, 60)
    assert users in sidebar(client)[0]


def test_with_the_cache_unreachable_every_page_builds_its_menu(client, no_staff_mfa, monkeypatch):
    from wagtail.admin.templatetags import wagtailadmin_tags

    from users import sidebar as kept

    built = []
    build = wagtailadmin_tags.sidebar_props
    monkeypatch.setattr(
        wagtailadmin_tags, "sidebar_props", lambda context: built.append(1) or build(context)
    )
    monkeypatch.setattr(kept, "generation", lambda: None)
    client.force_login(staff_in_group("Editors"))
    first, _ = sidebar(client)
    assert sidebar(client)[0] == first
    assert len(built) == 2
