"""Demo data for participants' paths: one project of about 40 people at every stage.

`build_participants_demo` is called by `manage.py seed_demo` after the demo companies and
interns. It is deterministic (fixed names and codes, dates counted back from today) and
idempotent: when the demo project exists it adds nothing. Records are written directly,
with their timeline, rather than through the services: no e-mail leaves a demo.
"""

import datetime
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from companies.models import (
    Company,
    CompanyStatus,
    Membership,
    MembershipRole,
    PlacementStatus,
)
from participants.models import (
    PATH,
    Activity,
    Attendance,
    Enrolment,
    IndividualPlan,
    InternshipMonth,
    MonthLock,
    Participant,
    Path,
    PathEvent,
    PlannedActivity,
    Referral,
    Session,
    Stage,
)
from projects.models import EligibilityQuestion, Municipality, Project, ReferringOrganisation

PROJECT_CODE = "apuane-demo"
GIVEN = [
    "Aisha", "Marco", "Giulia", "Omar", "Sara", "Davide", "Fatima", "Paolo", "Irina", "Luca",
    "Nadia", "Simone", "Mariam", "Andrea", "Elena", "Youssef", "Chiara", "Matteo", "Leila",
    "Stefano",
]  # fmt: skip
FAMILY = ["Rossi", "Bianchi", "El Amrani", "Conti", "Popa", "Greco", "Diallo", "Lombardi"]
# How many people stand at each stage (40 in all); two withdrawals, one follow-up due.
SPREAD = [
    (Stage.REFERRED, 4),
    (Stage.CONTACTED, 4),
    (Stage.ASSESSED, 3),
    (Stage.ELIGIBLE, 3),
    (Stage.NOT_ELIGIBLE, 3),
    (Stage.ENROLLED, 4),
    (Stage.ACTIVE, 11),
    (Stage.COMPLETED, 4),
    (Stage.WITHDRAWN, 2),
    (Stage.FOLLOWED_UP, 2),
]
ROUTE = ["contact", "assess", "find_eligible", "enrol", "start"]
ROUTES = {
    Stage.REFERRED: [],
    Stage.CONTACTED: ROUTE[:1],
    Stage.ASSESSED: ROUTE[:2],
    Stage.ELIGIBLE: ROUTE[:3],
    Stage.NOT_ELIGIBLE: [*ROUTE[:2], "find_not_eligible"],
    Stage.ENROLLED: ROUTE[:4],
    Stage.ACTIVE: ROUTE,
    Stage.COMPLETED: [*ROUTE, "complete"],
    Stage.WITHDRAWN: [*ROUTE, "withdraw"],
    Stage.FOLLOWED_UP: [*ROUTE, "complete", "follow_up"],
}
PLANNED = Stage.ENROLLED, Stage.ACTIVE, Stage.COMPLETED, Stage.WITHDRAWN, Stage.FOLLOWED_UP


def _catalogue(project, operator, today):
    """The 36-hour path: guidance, the safety course, the kitchen workshop; the internship."""
    days = datetime.timedelta

    def activity(kind, name, hours):
        return Activity.objects.create(project=project, kind=kind, name=name, planned_hours=hours)

    guidance = activity("guidance", "Colloquio di orientamento", Decimal("4"))
    safety = activity("course", "Sicurezza sul lavoro (D.lgs. 81/2008)", Decimal("8"))
    kitchen = activity("course", "Corso HACCP e cucina di base", Decimal("24"))
    internship = activity("internship", "Tirocinio di inclusione sociale", Decimal("480"))
    sessions = {
        safety: [
            Session.objects.create(
                activity=safety, date=today - days(n), hours=Decimal("4"), place="Aula 1",
                operator=operator,
            )
            for n in (62, 55)
        ],
        kitchen: [
            Session.objects.create(
                activity=kitchen, date=today - days(n), hours=Decimal("6"),
                place="Cucina didattica", operator=operator,
            )
            for n in (35, 28, 21, 14)
        ],
    }  # fmt: skip
    return [guidance, safety, kitchen], internship, sessions


def _timeline(path, stage, actor, start):
    """Stores the path's moves up to ``stage``, one every ten days from ``start``."""
    events = [PathEvent(path=path, action="refer", to_stage=Stage.REFERRED, actor=actor)]
    events[0].created_at = timezone.make_aware(datetime.datetime.combine(start, datetime.time(9)))
    previous = Stage.REFERRED
    for step, action in enumerate(ROUTES[stage], start=1):
        target = PATH[action].target
        moment = datetime.datetime.combine(
            start + datetime.timedelta(days=10 * step), datetime.time(9)
        )
        events.append(
            PathEvent(
                path=path,
                action=action,
                from_stage=previous,
                to_stage=target,
                actor=actor,
                created_at=timezone.make_aware(moment),
            )
        )
        previous = target
    PathEvent.objects.bulk_create(events)


def _close(path, stage, number, today):
    """Exit, withdrawal and follow-up fields; the first completed person's follow-up is due."""
    days = datetime.timedelta
    if stage == Stage.WITHDRAWN:
        path.withdrawal_reason = ["found_work", "moved"][number % 2]
        path.exit_outcome = ["employed", "looking"][number % 2]
        path.contract_type = "fixed_term" if number % 2 == 0 else ""
        path.exited_on = today - days(40)
    elif stage in (Stage.COMPLETED, Stage.FOLLOWED_UP):
        path.exit_outcome = ["employed", "education", "looking"][number % 3]
        path.contract_type = "apprenticeship" if path.exit_outcome == "employed" else ""
        # Six months ago for the first one: their follow-up is due now.
        path.exited_on = today - days(190 if number == 0 or stage == Stage.FOLLOWED_UP else 30)
    else:
        return
    path.follow_up_due = path.exited_on + days(183)
    if stage == Stage.FOLLOWED_UP:
        path.follow_up_outcome = "employed"
        path.follow_up_contract_type = "open_ended"


def _attendance(path, sessions, number, operator):
    rows = []
    for column, session in enumerate(sessions):
        turn = (number + column) % 9
        presence = "absent" if turn == 0 else "justified" if turn == 4 else "present"
        hours = session.hours if presence == "present" else Decimal("0")
        rows.append(
            Attendance(
                session=session, path=path, presence=presence, hours=hours, recorded_by=operator
            )
        )
    return rows


def _link_internship(person, placement, company_users, today):
    """Makes ``person`` the intern of ``placement`` (taking over the names and territory of
    the person the host-company demo placed there, who had no path) and records its months
    as the company confirmed them: all countersigned, but for a running placement's last
    month, which waits for the tutor (the current month waits for confirmation)."""
    confirmer, countersigner = company_users
    placed = placement.participant
    person.given_name, person.family_name = placed.given_name, placed.family_name
    person.preferred_name, person.territory = placed.preferred_name, placed.territory
    person.save()
    placement.participant = person
    placement.save(update_fields=["participant"])
    if not placed.paths.exists() and not placed.placements.exists():
        placed.delete()
    month = placement.starts_on.replace(day=1)
    last = min(placement.ends_on, today).replace(day=1)
    running = placement.status in (PlacementStatus.ACTIVE, PlacementStatus.SUSPENDED)
    while month < last or (not running and month == last):
        following = (month + datetime.timedelta(days=32)).replace(day=1)
        signed = not running or following < last
        InternshipMonth.objects.create(
            placement=placement,
            month=month,
            days=16,
            hours=Decimal("64"),
            confirmed_by=confirmer,
            confirmer=confirmer.get_full_name(),
            countersigned_by=countersigner if signed else None,
            countersigner=countersigner.get_full_name() if signed else "",
            countersigned_at=timezone.now() if signed else None,
        )
        month = following


def _company_member(company, email, first_name, last_name):
    """A member of the host company who signs attendance (no password: nobody logs in as
    them in the demo)."""
    user, created = get_user_model().objects.get_or_create(
        email=email, defaults={"first_name": first_name, "last_name": last_name}
    )
    if created:
        user.set_unusable_password()
        user.save()
    Membership.objects.get_or_create(
        user=user, company=company, defaults={"role": MembershipRole.MEMBER}
    )
    return user


@transaction.atomic
def build_participants_demo(operator, tutor, company=None):
    """The demo project and its 40 people; ``operator`` runs their paths, ``tutor`` follows
    those on internships at ``company`` (by default the demo's approved host company),
    whose two members confirm and countersign the months. Returns the project (None: no
    company)."""
    existing = Project.objects.filter(code=PROJECT_CODE).first()
    if existing is not None:
        return existing
    company = company or (
        Company.objects.filter(status=CompanyStatus.APPROVED).order_by("pk").first()
    )
    if company is None:
        return None
    today = timezone.localdate()
    territory = company.territory
    project = Project.objects.create(
        name="Percorsi di inclusione Apuane (demo)",
        code=PROJECT_CODE,
        funder="FSE+ Regione Toscana 2021–2027",
        starts_on=today - datetime.timedelta(days=365),
        ends_on=today + datetime.timedelta(days=730),
        target_people=40,
        target_hours=36,
        min_age=16,
    )
    project.territories.add(territory)
    towns = [
        Municipality.objects.get_or_create(name=name, defaults={"province": "MS"})[0]
        for name in ("Massa", "Carrara", "Montignoso")
    ]
    project.municipalities.add(*towns)
    referrers = [
        ReferringOrganisation.objects.get_or_create(name=name, defaults={"kind": kind})[0]
        for name, kind in [
            ("Servizi sociali Apuane (demo)", "social_services"),
            ("Centro per l'impiego di Massa (demo)", "job_centre"),
        ]
    ]
    project.authorised_referrers.add(*referrers)
    for order, text in enumerate(
        ["Riceve l'Assegno di inclusione (ADI)", "È iscritto/a al programma GOL"], start=1
    ):
        EligibilityQuestion.objects.create(
            project=project, text=text, excludes_when=True, sort_order=order
        )
    plan_activities, internship, sessions = _catalogue(project, operator, today)
    company_users = (
        _company_member(company, f"titolare.{company.partita_iva}@example.org", "Marco", "Neri"),
        _company_member(company, f"tutor.{company.partita_iva}@example.org", "Anna", "Bianchi"),
    )
    # The host company's placements that have started: a running one goes to an active
    # person, an ended one to a completed person.
    placements = {
        stage: [p for p in company.placements.select_related("participant") if p.status in statuses]
        for stage, statuses in [
            (Stage.ACTIVE, {PlacementStatus.ACTIVE, PlacementStatus.SUSPENDED}),
            (Stage.COMPLETED, {PlacementStatus.COMPLETED, PlacementStatus.TERMINATED}),
        ]
    }
    number = 0
    for stage, count in SPREAD:
        for index in range(count):
            person = Participant.objects.create(
                code=f"PAR-DEMO{number + 1:02d}",
                given_name=GIVEN[number % len(GIVEN)],
                family_name=FAMILY[number % len(FAMILY)],
                email=f"partecipante{number + 1}@example.net",
                date_of_birth=datetime.date(1975 + number % 30, 1 + number % 12, 1 + number % 27),
                municipality=towns[number % 3],
                territory=territory,
                operator=operator,
            )
            start = today - datetime.timedelta(days=120 + number)
            referral = Referral.objects.create(
                participant=person,
                organisation=referrers[number % 2],
                referred_on=start,
                contact_name="Assistente sociale di riferimento",
                created_by=operator,
            )
            path = Path(participant=person, project=project, referral=referral, stage=stage)
            _close(path, stage, index, today)
            path.save()
            _timeline(path, stage, operator, start)
            if stage in PLANNED:
                placement = placements.get(stage) and placements[stage].pop(0)
                _plan(path, plan_activities, internship if placement else None, start)
                if stage != Stage.ENROLLED:
                    rows = []
                    for activity in plan_activities[1:]:
                        rows += _attendance(path, sessions[activity], number, operator)
                    Attendance.objects.bulk_create(rows)
                if placement:
                    # The placement's project tutor follows them as case operator too.
                    person.operator = placement.project_tutor or tutor
                    _link_internship(person, placement, company_users, today)
            number += 1
    first = sessions[plan_activities[1]][0].date
    MonthLock.objects.get_or_create(
        project=project, month=first.replace(day=1), defaults={"locked_by": operator}
    )
    return project


def _plan(path, activities, internship, start):
    plan = IndividualPlan.objects.create(
        path=path,
        assessed_on=start + datetime.timedelta(days=20),
        members="Assistente sociale; operatrice del Centro per l'impiego",
        goals="Conoscere il lavoro in cucina; ottenere gli attestati di sicurezza e HACCP.",
    )
    chosen = [*activities, internship] if internship else activities
    PlannedActivity.objects.bulk_create(
        [PlannedActivity(plan=plan, activity=a, planned_hours=a.planned_hours) for a in chosen]
    )
    Enrolment.objects.bulk_create(
        [Enrolment(activity=a, path=path, enrolled_on=plan.assessed_on) for a in chosen]
    )


def build_demo(accounts):
    """The demo app's entry point (demo/builder.py calls every app's ``build_demo``)."""
    return build_participants_demo(accounts["moderator"], accounts["tutor"])
