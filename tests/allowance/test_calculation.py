"""The allowance of a person-month, case by case: every amount and the steps behind it.

The rules are those of the two seed projects: Apuane pays 5 € an hour of courses and
internship up to 500 € a month, nothing below 70 % attendance, justified absences not
counted; Lucca pays 400 € a month of participation, in proportion below 80 %, justified
absences counted. November 2026 has 30 days and 21 weekdays.
"""

import datetime
from dataclasses import replace
from decimal import Decimal

import pytest
from django.utils import translation

from allowance import explanation
from allowance.calculation import Extra, Line, PersonMonth, Rule, compute

D = datetime.date
NOV = D(2026, 11, 1)

APUANE = Rule(
    name="Apuane FSE+",
    valid_from=D(2026, 1, 1),
    valid_to=None,
    counted_kinds=frozenset({"course", "workshop", "internship"}),
    basis="hour",
    rate=Decimal("5.00"),
    monthly_cap=Decimal("500.00"),
    threshold_percent=Decimal("70"),
    below_threshold="nothing",
)
LUCCA = Rule(
    name="Lucca frequenza",
    valid_from=D(2026, 1, 1),
    valid_to=None,
    counted_kinds=frozenset({"course", "internship"}),
    basis="month",
    rate=Decimal("400.00"),
    threshold_percent=Decimal("80"),
    below_threshold="proportional",
    justified_count=True,
)
HOUSING = Extra(
    kind="housing",
    label="Autonomia abitativa",
    basis="month",
    amount=Decimal("200.00"),
    min_attendance_percent=Decimal("70"),
)


def weekdays(start=1, end=30):
    return [D(2026, 11, d) for d in range(start, end + 1) if D(2026, 11, d).weekday() < 5]


def month(absent=(), justified=(), hours="4", kind="course", start=1, end=30, periods=None):
    """Sessions on the weekdays from ``start`` to ``end``; the ``absent`` and ``justified``
    ones are the n-th weekdays counted from the first."""
    lines = []
    for n, day in enumerate(weekdays(start, end)):
        status = "absent" if n in absent else "justified" if n in justified else "present"
        attended = Decimal(hours) if status == "present" else Decimal("0")
        lines.append(Line(day, kind, Decimal(hours), attended, status))
    return PersonMonth(NOV, tuple(lines), periods)


CASES = [
    # id, rules, person-month, total, steps that must appear
    ("full month, by the hour", [APUANE], month(), "420.00", ["per_hour", "threshold_met"]),
    ("the cap", [APUANE], month(hours="6"), "500.00", ["cap"]),
    (
        "partial month from the 17th",
        [LUCCA],
        month(start=17, periods=((D(2026, 11, 17), D(2026, 11, 30)),)),
        "186.67",
        ["on_path", "per_month"],
    ),
    (
        "partial month, rounded down",
        [replace(LUCCA, rounding="ROUND_DOWN")],
        month(start=17, periods=((D(2026, 11, 17), D(2026, 11, 30)),)),
        "186.66",
        ["per_month"],
    ),
    (
        "a suspension from the 11th to the 20th",
        [LUCCA],
        PersonMonth(
            NOV,
            month(end=10).lines + month(start=21).lines,
            ((D(2026, 11, 1), D(2026, 11, 10)), (D(2026, 11, 21), D(2026, 11, 30))),
        ),
        "266.67",
        ["on_path"],
    ),
    (
        "under the threshold: nothing",
        [APUANE],
        month(absent=range(7)),
        "0.00",
        ["below_nothing"],
    ),
    (
        "under the threshold: proportional",
        [LUCCA],
        month(absent=range(6)),
        "285.72",
        ["below_proportional"],
    ),
    (
        "by the hour under the threshold, proportional: the hours already say it",
        [replace(APUANE, below_threshold="proportional")],
        month(absent=range(7)),
        "280.00",
        ["below_already_proportional"],
    ),
    (
        "justified absences not counted: under the threshold",
        [APUANE],
        month(justified=range(7)),
        "0.00",
        ["justified_not_counted", "below_nothing"],
    ),
    (
        "justified absences counted: full amount",
        [replace(APUANE, justified_count=True)],
        month(justified=range(7)),
        "420.00",
        ["justified_counted", "threshold_met"],
    ),
    (
        "justified absences counted, by the month",
        [LUCCA],
        month(justified=range(4)),
        "400.00",
        ["justified_counted"],
    ),
    (
        "a rule changing mid-month",
        [
            replace(APUANE, valid_to=D(2026, 11, 15)),
            replace(
                APUANE,
                name="Apuane 2",
                valid_from=D(2026, 11, 16),
                rate=Decimal("6.00"),
                monthly_cap=Decimal("600.00"),
            ),
        ],
        month(),
        "464.00",
        ["subtotal"],
    ),
    (
        "a rule changing mid-month: each version's cap counts for its days",
        [
            replace(APUANE, valid_to=D(2026, 11, 15), monthly_cap=Decimal("100.00")),
            replace(APUANE, name="Apuane 2", valid_from=D(2026, 11, 16)),
        ],
        month(),
        "270.00",  # 50.00 (half of 100) + 44 h at 5 euro
        ["cap"],
    ),
    (
        "activities the rule does not pay for",
        [APUANE],
        month(kind="guidance"),
        "0.00",
        ["not_counted", "nothing_planned"],
    ),
    (
        "an extra item on top of the cap",
        [replace(APUANE, extras=(HOUSING,))],
        month(hours="6"),
        "700.00",
        ["cap", "extra_month"],
    ),
    (
        "an extra item whose condition is not met",
        [replace(APUANE, extras=(HOUSING,), threshold_percent=Decimal("0"))],
        month(absent=range(10)),
        "220.00",
        ["extra_not_met"],
    ),
    (
        "an extra item by the day, with its own cap",
        [
            replace(
                APUANE,
                extras=(replace(HOUSING, basis="day", amount=Decimal("10"), cap=Decimal("150")),),
            )
        ],
        month(),
        "570.00",
        ["extra_capped"],
    ),
    (
        "by the day, with an extra item by the day",
        [
            replace(
                APUANE,
                basis="day",
                rate=Decimal("20.00"),
                extras=(replace(HOUSING, basis="day", amount=Decimal("10")),),
            )
        ],
        month(absent=(0,)),
        "600.00",  # 20 days at 20 euro + 20 days at 10 euro
        ["per_day", "extra_day"],
    ),
    (
        "days under no rule",
        [replace(APUANE, valid_from=D(2026, 11, 16))],
        month(),
        "220.00",
        ["no_rule"],
    ),
    (
        "a correction of an earlier month",
        [APUANE],
        replace(month(), carried=(("carried", {"label": "ottobre 2026"}, Decimal("-12.50")),)),
        "407.50",
        ["carried"],
    ),
    (
        "a coordinator's correction of an earlier month",
        [APUANE],
        replace(
            month(),
            carried=(("carried_manual", {"label": "2026-10", "reason": "transport"}, "7.20"),),
        ),
        "427.20",
        ["carried_manual"],
    ),
]


SUBTOTALS = ("subtotal", "carried", "carried_manual", "no_rule")


@pytest.mark.parametrize(
    ("rules", "person_month", "total", "codes"),
    [case[1:] for case in CASES],
    ids=[case[0] for case in CASES],
)
def test_the_amount_and_its_explanation(rules, person_month, total, codes):
    result = compute(rules, person_month)
    assert result.total == Decimal(total)
    assert isinstance(result.total, Decimal)
    found = [step.code for step in result.steps]
    assert set(codes) <= set(found), found
    assert found[-1] == "total" and result.steps[-1].amount == result.total
    subtotals = [s.amount for s in result.steps if s.code in SUBTOTALS]
    assert sum(subtotals, Decimal("0")) == result.total  # every euro is explained


def test_no_rule_at_all_pays_nothing_and_says_so():
    result = compute([], month())
    assert result.total == 0
    assert [s.code for s in result.steps] == ["no_rule", "total"]


@pytest.mark.parametrize("language", ["it", "en", "ar"])
def test_every_step_reads_in_plain_words(language):
    steps = []
    for _name, rules, person_month, _total, _codes in CASES:
        steps += compute(rules, person_month).steps
    data = explanation.to_data(steps)
    assert {item["code"] for item in data} == set(explanation.TEXTS)  # every text is used
    with translation.override(language):
        rendered = explanation.lines(data)
    assert all(text and "%(" not in text for text, _amount, _code in rendered)
    amounts = [step.amount for step in explanation.from_data(data)]
    assert amounts == [step.amount for step in steps]


def test_amounts_are_written_the_local_way():
    data = explanation.to_data(compute([APUANE], month(hours="6")).steps)
    with translation.override("it"):
        rendered = {code: (text, amount) for text, amount, code in explanation.lines(data)}
    text, amount = rendered["cap"]
    assert amount == "500,00"
    assert "500,00 €" in text and "126 hours" not in text
    assert rendered["per_hour"][1] == "630,00"
