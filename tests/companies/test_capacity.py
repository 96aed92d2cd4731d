"""The headcount rule for how many interns a company may host at once."""

import pytest

from companies.capacity import DEFAULT_RULE, capacity_for


@pytest.mark.parametrize(
    ("headcount", "interns"),
    [
        (0, 0),
        (1, 1),
        (5, 1),
        (6, 2),
        (19, 2),
        (20, 2),
        (21, 3),
        (29, 3),
        (30, 3),
        (31, 4),
        (200, 20),
    ],
)
def test_default_rule(headcount, interns):
    assert capacity_for(headcount).interns == interns


@pytest.mark.parametrize(("mode", "interns"), [("up", 3), ("down", 2), ("nearest", 3)])
def test_rounding_is_configurable(mode, interns):
    rule = {**DEFAULT_RULE, "rounding": mode}
    assert capacity_for(25, rule).interns == interns


def test_a_deployment_can_set_its_own_rule(settings):
    settings.APPRODO_CAPACITY_RULE = {
        "bands": [(1, 9, 1)],
        "percent_from": 10,
        "percent": 5,
        "rounding": "down",
    }
    assert capacity_for(9).interns == 1
    assert capacity_for(40).interns == 2
    assert capacity_for(40).band == "5%"
