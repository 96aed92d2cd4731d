"""The steps of a calculation in plain words, in the reader's language.

A statement stores its steps as data (code, values, amount: ``to_data``), not as text, so
the same statement reads in Italian to the person, in Arabic to their mediator and in
English to an auditor, and a better wording reaches old statements too.
"""

import datetime
from decimal import Decimal

from django.utils.formats import date_format, number_format
from django.utils.translation import gettext_lazy as _

from allowance.calculation import Step
from allowance.models.rules import Rounding
from allowance.models.statements import CorrectionReason

TEXTS = {
    "on_path": _("On the path %(days)s of the month's %(month_days)s days."),
    "rule": _(
        "Rule “%(name)s”, from %(start)s to %(end)s; amounts rounded %(rounding)s to %(step)s."
    ),
    "not_counted": _("%(hours)s planned hours of activities this rule does not pay for."),
    "justified_counted": _("%(hours)s hours of justified absence count as attended."),
    "justified_not_counted": _("%(hours)s hours of justified absence do not count."),
    "attendance": _("Attended %(attended)s of %(planned)s planned hours (%(percent)s%%)."),
    "nothing_planned": _("No hours were planned in this period: nothing is due."),
    "per_hour": _("%(hours)s hours × %(rate)s € an hour"),
    "per_day": _("%(days)s days attended × %(rate)s € a day"),
    "per_month": _("%(rate)s € a month × %(days)s / %(month_days)s days on the path"),
    "below_nothing": _(
        "Attendance %(percent)s%% is below the minimum of %(threshold)s%%: nothing is paid."
    ),
    "below_proportional": _(
        "Attendance %(percent)s%% is below the minimum of %(threshold)s%%: "
        "%(percent)s%% of the amount is paid."
    ),
    "below_already_proportional": _(
        "Attendance %(percent)s%% is below the minimum of %(threshold)s%%: "
        "the amount already follows the hours attended."
    ),
    "threshold_met": _("Attendance %(percent)s%% reaches the minimum of %(threshold)s%%."),
    "cap": _("Reduced to the cap of %(cap)s € (%(full_cap)s € for a whole month)."),
    "extra_month": _("%(label)s: %(rate)s € a month × %(days)s / %(month_days)s days"),
    "extra_day": _("%(label)s: %(days)s days attended × %(rate)s €"),
    "extra_capped": _("%(label)s: the cap of %(cap)s €"),
    "extra_not_met": _(
        "%(label)s: not due (it needs %(percent)s%% attendance and %(days)s days attended)."
    ),
    "subtotal": _("Due under “%(name)s”"),
    "no_rule": _("%(days)s days fall under no rule: nothing is due for them."),
    "carried": _("Correction: %(label)s"),
    "carried_manual": _("Correction of %(label)s made by the coordinator: %(reason)s."),
    "total": _("Total for the month"),
}

DATES = {"start", "end"}
MONEY = {"rate", "cap", "full_cap"}
NUMBERS = {"hours", "planned", "attended", "percent", "threshold", "step"}


def to_data(steps):
    """Steps as JSON-ready values (dates ISO, Decimals as strings)."""

    def plain(value):
        if isinstance(value, datetime.date):
            return value.isoformat()
        if isinstance(value, Decimal):
            return str(value)
        return value

    return [
        {
            "code": step.code,
            "params": {key: plain(value) for key, value in step.params.items()},
            "amount": None if step.amount is None else str(step.amount),
        }
        for step in steps
    ]


def from_data(data):
    return [
        Step(
            item["code"],
            item["params"],
            None if item["amount"] is None else Decimal(item["amount"]),
        )
        for item in data
    ]


def money(value):
    return number_format(Decimal(value), decimal_pos=2, use_l10n=True, force_grouping=True)


def _shown(key, value):
    if key in DATES:
        return date_format(datetime.date.fromisoformat(str(value)), "SHORT_DATE_FORMAT")
    if key in MONEY:
        return money(value)
    if key in NUMBERS:
        number = Decimal(value)
        number = number.quantize(1) if number == number.to_integral() else number.normalize()
        return number_format(number, use_l10n=True)
    if key == "rounding":
        return str(Rounding(value).label)
    if key == "reason":
        return str(CorrectionReason(value).label)
    return value


def sentence(step):
    """One step in the active language."""
    params = {key: _shown(key, value) for key, value in step.params.items()}
    return str(TEXTS[step.code]) % params


def lines(data):
    """(sentence, amount or None, is_total) for each stored step, for a template."""
    return [
        (sentence(step), None if step.amount is None else money(step.amount), step.code)
        for step in from_data(data)
    ]
