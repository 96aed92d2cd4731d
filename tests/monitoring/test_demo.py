"""The monitoring demo: the demo project funded with EU money, with targets, entry data and
consented answers for two people in three, so that every indicator table shows; a second
run adds nothing."""

import pytest
from django.utils import translation

from monitoring.demo import build_demo
from monitoring.indicators import Scope, counts
from monitoring.models import MonitoringRecord
from tests.participants.test_demo import built  # noqa: F401  (the participants' demo)

pytestmark = pytest.mark.django_db


def test_the_demo_fills_funding_targets_and_monitoring(built):  # noqa: F811
    project = build_demo({"moderator": built["operator"]})
    assert project.has_eu_funds and project.target_women_percent == 55
    assert project.territory_targets.count() == project.territories.count()
    assert MonitoringRecord.objects.count() == 26  # 40 people, every third without consent
    build_demo({"moderator": built["operator"]})
    assert MonitoringRecord.objects.count() == 26
    assert project.funding_sources.count() == 2
    _columns, margin, entry, special = counts(Scope(project, project.starts_on, project.ends_on))
    assert margin[-1] > 0
    assert entry["gender"][0][-1] > 0  # women
    with translation.override("en"):
        assert sum(row[-1] for row in special["rural"]) == margin[-1]
