"""The kept test database survives transactional tests: their flush gives back the migrations' rows.

Ordinary tests run before transactional ones, so a flush that loses rows only shows in the
next run on the kept database (``make test-fast`` twice); this test looks straight after it.
"""

import pytest
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.test import TransactionTestCase
from wagtail.models import Collection, Locale, Site, Workflow

from companies.models import Company
from tests.factories.companies import CompanyFactory


class _Flushed(TransactionTestCase):
    """A transactional test case, torn down by hand: the flush every such test ends with."""

    __test__ = False  # not collected: it only lends its teardown

    def runTest(self):
        """Nothing: only the teardown matters."""


@pytest.mark.django_db(transaction=True)
def test_flush_after_a_transactional_test_gives_back_exactly_what_migrations_made():
    before = connection.creation.serialize_db_to_string()
    CompanyFactory()
    ContentType.objects.clear_cache()  # cold, as after other threads or a new process

    _Flushed()._fixture_teardown()

    assert not Company.objects.exists()  # the test's own rows are gone
    assert connection.creation.serialize_db_to_string() == before
    # What the second run of `make test-fast` used to miss, by name:
    assert {"Editors", "Moderators", "Tutors"} <= set(Group.objects.values_list("name", flat=True))
    assert Workflow.objects.filter(active=True).exists()
    assert Collection.objects.filter(depth=1).exists()
    assert Site.objects.get(is_default_site=True).root_page.specific_class.__name__ == "HomePage"
    assert Locale.objects.count() >= 3
    assert Permission.objects.filter(codename="submit_translation").exists()
