"""Seeds the participants benchmark: N people on paths in one territory, a session with
the first S of them enrolled, and a signed-in moderator of the territory.

Run with the bench environment: `python -m bench.seed_participants 10000 30`. Prints JSON
with the session cookie and the URLs to measure. Idempotent: the benchmark territory's
people are removed and created again on every run.
"""

import datetime
import json
import sys
from decimal import Decimal

import django

django.setup()

from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret  # noqa: E402
from django.conf import settings  # noqa: E402
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY  # noqa: E402
from django.contrib.auth.models import Group  # noqa: E402
from django.contrib.sessions.backends.db import SessionStore  # noqa: E402
from wagtail.users.models import UserProfile  # noqa: E402

from bench.db import refresh_statistics  # noqa: E402
from companies.models import Placement, Territory  # noqa: E402
from participants.models import (  # noqa: E402
    Activity,
    Attendance,
    Enrolment,
    Participant,
    Path,
    Referral,
    Session,
    Stage,
)
from projects.models import Project, ReferringOrganisation  # noqa: E402
from users.models import User  # noqa: E402

EMAIL = "bench-operator@approdo.example"
GIVEN = ["Aisha", "Marco", "Giulia", "Omar", "Sara", "Davide", "Fatima", "Paolo", "Irina"]
FAMILY = ["Rossi", "Bianchi", "El Amrani", "Conti", "Popa", "Greco", "Diallo", "Lombardi"]
STAGES = [Stage.REFERRED, Stage.CONTACTED, Stage.ASSESSED, Stage.ELIGIBLE, Stage.ACTIVE]
LIST = "/admin/participants/people/"


def signed_in_cookie(user):
    """A database session for ``user``, as the login would leave it."""
    if not user.authenticator_set.exists():
        TOTP.activate(user, generate_totp_secret())
    session = SessionStore()
    session[SESSION_KEY] = str(user.pk)
    session[BACKEND_SESSION_KEY] = settings.AUTHENTICATION_BACKENDS[0]
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    session.create()
    return f"{settings.SESSION_COOKIE_NAME}={session.session_key}"


def seed(count, session_size):
    """Seeds and returns what the benchmark reads: the cookie, the URLs, the sizes."""
    territory, _created = Territory.objects.get_or_create(
        code="bench-participants", defaults={"name": "Benchmark (participants)"}
    )
    # Placements hold on to their interns (bench.seed_monitoring gives some people one).
    Placement.objects.filter(participant__territory=territory).delete()
    Participant.objects.filter(territory=territory).delete()
    Activity.objects.filter(project__code="bench-participants").delete()
    Project.objects.filter(code="bench-participants").delete()
    project = Project.objects.create(
        name="Benchmark project",
        code="bench-participants",
        starts_on=datetime.date(2026, 1, 1),
        ends_on=datetime.date(2028, 12, 31),
        target_hours=36,
    )
    referrer, _created = ReferringOrganisation.objects.get_or_create(
        name="Benchmark referrer", defaults={"kind": "social_services"}
    )
    people = Participant.objects.bulk_create(
        [
            Participant(
                code=f"PAR-B{n:06d}",
                given_name=GIVEN[n % len(GIVEN)],
                family_name=f"{FAMILY[n % len(FAMILY)]} {n:05d}",
                email=f"bench{n}@example.net",
                territory=territory,
            )
            for n in range(count)
        ],
        batch_size=2000,
    )
    referrals = Referral.objects.bulk_create(
        [
            Referral(participant=p, organisation=referrer, referred_on=datetime.date(2026, 11, 2))
            for p in people
        ],
        batch_size=2000,
    )
    paths = Path.objects.bulk_create(
        [
            Path(
                participant=p,
                project=project,
                referral=r,
                stage=Stage.ACTIVE if n < session_size else STAGES[n % len(STAGES)],
            )
            for n, (p, r) in enumerate(zip(people, referrals, strict=True))
        ],
        batch_size=2000,
    )
    course = Activity.objects.create(
        project=project, kind="course", name="Corso di sicurezza", planned_hours=Decimal("8")
    )
    session = Session.objects.create(
        activity=course, date=datetime.date(2026, 11, 16), hours=Decimal("4"), place="Aula 1"
    )
    enrolled = paths[:session_size]
    Enrolment.objects.bulk_create([Enrolment(activity=course, path=p) for p in enrolled])
    # Half the register already filled in, as an operator returning to it.
    Attendance.objects.bulk_create(
        [
            Attendance(session=session, path=p, presence="present", hours=Decimal("4"))
            for p in enrolled[: session_size // 2]
        ]
    )
    user, _created = User.objects.get_or_create(email=EMAIL, defaults={"is_staff": True})
    user.groups.add(Group.objects.get(name="Moderators"))
    territory.moderators.add(user)
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "en"
    profile.save()
    return {
        "cookie": signed_in_cookie(user),
        "list": LIST,
        "register": f"/admin/participants/sessions/register/{session.pk}/",
        "people": count,
        "session_size": session_size,
    }


def main(count, session_size):
    seeded = seed(count, session_size)
    refresh_statistics()
    print(json.dumps(seeded))


if __name__ == "__main__":
    main(
        int(sys.argv[1]) if len(sys.argv) > 1 else 10000,
        int(sys.argv[2]) if len(sys.argv) > 2 else 30,
    )
