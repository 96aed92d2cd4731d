"""Statements of a locked month: computing them, and the approval chain.

``compute_month`` runs when a month is locked (allowance.receivers) and may run again at
any time: it creates each person's statement once (unique path and month, and the month
lock's row held for update so two runs queue), recomputes those not yet checked, never
touches checked or approved ones, and turns a changed total of an approved month into a
Correction for the person's next statement. Its queries do not grow with the number of
people (tests/allowance/test_statements.py counts them at 1 and 50).

check, approve and reopen are one function each: permission, scope, row lock, the move,
the audit log.
"""

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q, Sum
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from allowance import explanation
from allowance.calculation import compute, month_bounds
from allowance.collect import active_paths, person_months
from allowance.models import (
    STATEMENT,
    AllowanceRule,
    Correction,
    CorrectionKind,
    State,
    Statement,
    as_rule,
)
from allowance.services.errors import MonthNotLocked, NotPermitted
from participants.models import MonthLock, Participant


def rule_versions(project, month):
    first, last = month_bounds(month)
    versions = list(
        AllowanceRule.objects.filter(project=project, valid_from__lte=last)
        .filter(Q(valid_to__isnull=True) | Q(valid_to__gte=first))
        .prefetch_related("extras")
    )
    return versions, [as_rule(version) for version in versions]


def _carried(paths, month, statements):
    """Corrections each statement of ``month`` carries: those waiting, and those it already
    carries (a recomputation must keep them)."""
    mine = [s.pk for s in statements.values()]
    pending = Correction.objects.select_for_update().filter(
        Q(carried_by__isnull=True, for_month__lt=month, path__in=paths) | Q(carried_by__in=mine)
    )
    by_path = {}
    for correction in pending.order_by("for_month", "pk"):
        by_path.setdefault(correction.path_id, []).append(correction)
    return by_path


@transaction.atomic
def compute_month(project, month, user=None):
    """Computes the statements of a locked month; returns (created, updated, corrections)."""
    first, _last = month_bounds(month)
    lock = MonthLock.objects.select_for_update().filter(project=project, month=first).first()
    if lock is None:
        raise MonthNotLocked
    versions, rules = rule_versions(project, first)
    paths = list(active_paths(project, first))
    existing = {
        s.path_id: s
        for s in Statement.objects.select_for_update().filter(project=project, month=first)
    }
    corrections = _carried([p.pk for p in paths], first, existing)
    carried = {path_id: [c.step() for c in items] for path_id, items in corrections.items()}
    months = person_months(project, first, paths, carried)
    already = _corrected_totals(existing, first)
    new, changed, found = [], [], []
    rule_ids = [v.pk for v in versions]
    for path in paths:
        result = compute(rules, months[path.pk])
        statement = existing.get(path.pk)
        if statement is None:
            new.append(
                Statement(
                    path=path,
                    project=project,
                    month=first,
                    amount=result.total,
                    explanation=explanation.to_data(result.steps),
                    rule_ids=rule_ids,
                )
            )
        elif statement.state == State.COMPUTED:
            data = explanation.to_data(result.steps)
            if (statement.amount, statement.explanation) != (result.total, data):
                statement.amount, statement.explanation = result.total, data
                statement.rule_ids, statement.computed_at = rule_ids, timezone.now()
                changed.append(statement)
        elif statement.state == State.APPROVED:
            difference = result.total - statement.amount - already.get(path.pk, Decimal("0"))
            if difference:
                found.append(Correction(path=path, for_month=first, amount=difference))
    Statement.objects.bulk_create(new)
    Statement.objects.bulk_update(
        changed, ["amount", "explanation", "rule_ids", "computed_at"], batch_size=500
    )
    Correction.objects.bulk_create(found)
    _attach(corrections, {s.path_id: s for s in new + changed})
    log(
        project,
        "approdo.allowance.compute",
        user=user,
        data={"month": str(first), "created": len(new), "updated": len(changed)},
    )
    return len(new), len(changed), len(found)


def _corrected_totals(existing, month):
    """Corrections found by earlier recomputations of ``month`` for its approved statements,
    per path. A coordinator's own corrections stay out: the register does not show them,
    so netting them would reverse them."""
    approved = [s.path_id for s in existing.values() if s.state == State.APPROVED]
    if not approved:
        return {}
    rows = (
        Correction.objects.filter(
            path__in=approved, for_month=month, kind=CorrectionKind.RECOMPUTED
        )
        .values("path")
        .annotate(total=Sum("amount"))
    )
    return {row["path"]: row["total"] for row in rows}


def _attach(corrections, statements):
    attached = []
    for path_id, items in corrections.items():
        statement = statements.get(path_id)
        for correction in items:
            if statement is not None and correction.carried_by_id != statement.pk:
                correction.carried_by = statement
                attached.append(correction)
    Correction.objects.bulk_update(attached, ["carried_by"])


def visible_statements(user):
    """Statements of the people the user may see (participants' scope)."""
    if not user.has_perm("allowance.view_statement"):
        return Statement.objects.none()
    return Statement.objects.filter(
        path__participant__in=Participant.objects.visible_to_staff(user)
    )


def _move(user, statement, action, permission):
    if not user.has_perm(permission):
        raise NotPermitted
    if not visible_statements(user).filter(pk=statement.pk).exists():
        raise NotPermitted
    statement = Statement.objects.select_for_update().get(pk=statement.pk)
    previous, _target = STATEMENT.apply(statement, action)
    return statement, previous


@transaction.atomic
def check(user, statement):
    """The operator confirms the statement matches the register."""
    statement, previous = _move(user, statement, "check", "allowance.check_statement")
    statement.checked_by, statement.checked_at = user, timezone.now()
    statement.save(update_fields=["state", "checked_by", "checked_at"])
    _log(user, statement, "check", previous)
    return statement


@transaction.atomic
def approve(user, statement):
    """The coordinator approves: from now on the statement never changes."""
    statement, previous = _move(user, statement, "approve", "allowance.approve_statement")
    if statement.checked_by_id == user.pk:
        raise ValidationError(_("Somebody other than who checked it must approve it."))
    statement.approved_by, statement.approved_at = user, timezone.now()
    statement.save(update_fields=["state", "approved_by", "approved_at"])
    _log(user, statement, "approve", previous)
    return statement


@transaction.atomic
def reopen(user, statement):
    """The coordinator sends a checked statement back (to be recomputed and checked)."""
    statement, previous = _move(user, statement, "reopen", "allowance.approve_statement")
    statement.checked_by, statement.checked_at = None, None
    statement.save(update_fields=["state", "checked_by", "checked_at"])
    _log(user, statement, "reopen", previous)
    return statement


def _log(user, statement, action, previous):
    log(
        statement,
        f"approdo.allowance.{action}",
        user=user,
        data={"from": previous, "to": statement.state, "amount": str(statement.amount)},
    )
