"""A month's run for 1,000 people: how long it takes, and the same number of queries."""

import time

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.test.utils import CaptureQueriesContext

from allowance.models import Statement
from allowance.services.statements import compute_month
from participants.models import MonthLock
from tests.allowance.helpers import NOV, november

pytestmark = [pytest.mark.django_db, pytest.mark.slow]


def test_a_month_of_1000_people_is_computed_in_seconds():
    project, _paths, _sessions = november(1000)
    MonthLock.objects.create(project=project, month=NOV)
    ContentType.objects.clear_cache()  # the same cold start as the 1-and-50 test
    started = time.perf_counter()
    with CaptureQueriesContext(connection) as captured:
        compute_month(project, NOV)
    first = time.perf_counter() - started
    started = time.perf_counter()
    compute_month(project, NOV)
    again = time.perf_counter() - started
    print(f"\n1000 people: first run {first:.2f} s, {len(captured)} queries; again {again:.2f} s")
    assert Statement.objects.filter(project=project).count() == 1000
    assert len(captured) == 16
    assert first < 10 and again < 10
