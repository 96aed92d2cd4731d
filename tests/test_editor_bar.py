"""The editors' bar on public pages (users/templatetags/editor_bar.py): shown to whoever may
open the admin, and for every other reader decided without a permission query, following a
change of permissions at once."""

import pytest
from django.contrib.auth.models import Group, Permission
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories.users import UserFactory, staff_in_group

pytestmark = pytest.mark.django_db

BAR = 'id="wagtail-userbar-template"'


def read_home(client):
    """(whether the bar is on the home page, how many permission queries the render ran)."""
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/it/")
    assert response.status_code == 200
    permission_queries = [q for q in queries if '"auth_permission"' in q["sql"]]
    return BAR in response.text, len(permission_queries)


def test_a_company_reader_gets_no_bar_and_asks_once(client):
    client.force_login(UserFactory())
    assert read_home(client) == (False, 2)
    assert read_home(client) == (False, 0)


def test_an_editor_gets_the_bar(client, no_staff_mfa):
    client.force_login(staff_in_group("Editors"))
    assert read_home(client)[0] is True
    assert read_home(client)[0] is True


def test_admin_access_given_or_taken_away_shows_at_once(client, no_staff_mfa):
    reader = UserFactory()
    client.force_login(reader)
    assert read_home(client)[0] is False
    reader.groups.add(Group.objects.get(name="Editors"))
    assert read_home(client)[0] is True
    reader.groups.clear()
    assert read_home(client)[0] is False
    reader.user_permissions.add(Permission.objects.get(codename="access_admin"))
    assert read_home(client)[0] is True
    reader.user_permissions.clear()
    assert read_home(client)[0] is False
    reader.is_superuser = True
    reader.save()
    assert read_home(client)[0] is True


def test_each_reader_has_their_own_answer(client, no_staff_mfa):
    editor = staff_in_group("Editors")
    client.force_login(editor)
    assert read_home(client)[0] is True
    client.force_login(UserFactory())
    assert read_home(client)[0] is False
    client.force_login(editor)
    assert read_home(client)[0] is True


@pytest.mark.django_db(transaction=True)
def test_an_answer_kept_before_the_change_commits_is_dropped_when_it_does(client, no_staff_mfa):
    from django.db import transaction

    from users import sidebar

    reader = UserFactory()
    client.force_login(reader)
    assert read_home(client)[0] is False
    with transaction.atomic():
        reader.groups.add(Group.objects.get(name="Editors"))
        # What a page rendered meanwhile on another connection keeps: the old answer, under
        # the generation the change has just started.
        cache.set(f"admin-access:{reader.pk}", (sidebar.generation(), False), 60)
    assert read_home(client)[0] is True


def test_with_the_cache_unreachable_every_render_asks(client, monkeypatch):
    from users import sidebar

    monkeypatch.setattr(cache, "get_many", lambda keys: {})
    monkeypatch.setattr(sidebar, "generation", lambda: None)
    client.force_login(UserFactory())
    assert read_home(client) == (False, 2)
    assert read_home(client) == (False, 2)
