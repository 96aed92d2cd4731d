"""Demo data for the allowance: the demo project's rules and budget (split across the
project's funding sources), and two approved months with one correction carried from the
first to the second.

`build_demo` runs after the participants' demo (INSTALLED_APPS order), which builds the
project, its registers and locks the month of the first session. Statements go through the
services, as in production: computed, checked by the demo moderator, approved by a
coordinator (a second person: nobody approves what they checked). Deterministic (fixed
amounts, months counted from the participants' sessions) and idempotent: when the project
has rules it adds nothing.
"""

import datetime
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import transaction

from allowance.budget_split import pro_rata
from allowance.models import (
    AllowanceBudget,
    AllowanceRule,
    BudgetShare,
    ExtraItem,
    State,
    Statement,
)
from allowance.services import statements as service
from participants.demo import PROJECT_CODE
from participants.models import Attendance, MonthLock, Presence, Session
from participants.services.attendance import adjust
from projects.models import Project

COORDINATOR_EMAIL = "coordinatrice.indennita@approdo.example"
COORDINATORS = "Allowance coordinators"
REASON = "Foglio firme della sessione ritrovato dopo la chiusura del mese (demo)"


def _coordinator(territories):
    """The demo's allowance coordinator, moderating the project's territories so its
    statements are in her scope (no password: the demo's own accounts log in)."""
    user, created = get_user_model().objects.get_or_create(
        email=COORDINATOR_EMAIL,
        defaults={"first_name": "Laura", "last_name": "Ferri", "is_staff": True},
    )
    if created:
        user.set_unusable_password()
        user.save()
    group = Group.objects.filter(name=COORDINATORS).first()
    if group is not None:
        user.groups.add(group)
    for territory in territories:
        territory.moderators.add(user)
    return user


def _rules(project):
    """The Apuane FSE+ terms: 8 € an hour of courses and internship, up to 500 € a month,
    at least 70 % attendance (justified absences count), and a transport allowance."""
    rule = AllowanceRule.objects.create(
        project=project,
        name="Avviso FSE+ Apuane – indennità di partecipazione (demo)",
        valid_from=project.starts_on,
        counted_kinds=["course", "internship"],
        basis="hour",
        rate=Decimal("8.00"),
        monthly_cap=Decimal("500.00"),
        threshold_percent=Decimal("70"),
        below_threshold="nothing",
        justified_count=True,
    )
    ExtraItem.objects.create(
        rule=rule,
        kind="transport",
        label="Rimborso trasporto",
        basis="day",
        amount=Decimal("3.50"),
        cap=Decimal("40.00"),
        min_attendance_percent=Decimal("70"),
        min_days=1,
    )
    budget, created = AllowanceBudget.objects.get_or_create(
        project=project,
        defaults={
            "funding_source": "FSE+ Regione Toscana 2021–2027, priorità 3 (demo)",
            "amount": Decimal("120000.00"),
            "payer_name": "Consorzio Approdo (demo)",
            "payer_iban": "IT60X0542811101000000123456",
            "payer_bic": "BPMOIT22XXX",
        },
    )
    if created:
        _share(budget)
    return rule


def _share(budget):
    """Splits the budget across the project's funding sources (the funder's reports' demo,
    e.g. ESF+ and the Region) in the proportion of their funding."""
    sources = list(budget.project.funding_sources.order_by("sort_order", "pk"))
    amounts = pro_rata(budget.amount, [source.amount for source in sources])
    BudgetShare.objects.bulk_create(
        BudgetShare(budget=budget, source=source, amount=amount, sort_order=n)
        for n, (source, amount) in enumerate(zip(sources, amounts, strict=True))
    )


def _approve(project, month, operator, coordinator):
    service.compute_month(project, month, user=operator)
    for statement in Statement.objects.filter(project=project, month=month).order_by("pk"):
        if statement.state == State.COMPUTED:
            statement = service.check(operator, statement)
        if statement.state == State.CHECKED:
            service.approve(coordinator, statement)


def _correct(project, month, operator):
    """The register of one person's absence in an approved month turns out wrong: the
    adjustment makes them present, and the recomputation records the difference."""
    last = (month + datetime.timedelta(days=32)).replace(day=1) - datetime.timedelta(days=1)
    absence = (
        Attendance.objects.filter(
            session__activity__project=project,
            session__date__range=(month, last),
            presence=Presence.ABSENT,
            path__statements__month=month,
        )
        .select_related("session__activity")
        .order_by("path__participant__code", "session__date", "pk")
        .first()
    )
    if absence is None:
        return
    adjust(operator, absence, presence=Presence.PRESENT, hours=absence.session.hours, reason=REASON)
    service.compute_month(project, month, user=operator)


@transaction.atomic
def build_allowance_demo(operator, coordinator=None):
    """Rules, budget and two approved months of the demo project; ``operator`` checks,
    ``coordinator`` (by default the demo's coordinator) approves. Returns the project, or
    None when there is no demo project."""
    project = Project.objects.filter(code=PROJECT_CODE).first()
    if project is None or AllowanceRule.objects.filter(project=project).exists():
        return project
    coordinator = coordinator or _coordinator(project.territories.all())
    _rules(project)
    first_session = (
        Session.objects.filter(activity__project=project).order_by("date").values("date").first()
    )
    if first_session is None:
        return project
    first = first_session["date"].replace(day=1)
    second = (first + datetime.timedelta(days=32)).replace(day=1)
    MonthLock.objects.get_or_create(project=project, month=first, defaults={"locked_by": operator})
    _approve(project, first, operator, coordinator)
    _correct(project, first, operator)
    MonthLock.objects.get_or_create(project=project, month=second, defaults={"locked_by": operator})
    _approve(project, second, operator, coordinator)
    return project


def build_demo(accounts):
    """The demo app's entry point (demo/builder.py calls every app's ``build_demo``)."""
    return build_allowance_demo(accounts["moderator"])
