"""Seeds the back-office benchmark: 10,000 submitted companies and a signed-in moderator.

Run with the bench environment; prints JSON with the session cookie and the listing URL.
Idempotent: the benchmark territory is emptied and refilled on every run.
"""

import json
import sys

import django

django.setup()

from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret  # noqa: E402
from django.conf import settings  # noqa: E402
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY  # noqa: E402
from django.contrib.auth.models import Group  # noqa: E402
from django.contrib.sessions.backends.db import SessionStore  # noqa: E402
from django.utils import timezone  # noqa: E402
from stdnum import luhn  # noqa: E402
from wagtail.users.models import UserProfile  # noqa: E402

from bench.db import refresh_statistics  # noqa: E402
from companies.models import Company, CompanyStatus, Placement, Territory  # noqa: E402
from participants.models import Participant  # noqa: E402
from users.models import User  # noqa: E402

EMAIL = "bench-moderator@approdo.example"


def partita_iva(n):
    base = f"{n + 2000000:07d}052"
    return base + luhn.calc_check_digit(base)


def main(count):
    territory, _created = Territory.objects.get_or_create(
        code="bench", defaults={"name": "Benchmark"}
    )
    # The report benchmark's placements and interns hold on to the companies: they go first.
    Placement.objects.filter(company__territory=territory).delete()
    Participant.objects.filter(territory=territory, code__startswith="TIR-B").delete()
    Company.objects.filter(territory=territory).delete()
    now = timezone.now()
    Company.objects.bulk_create(
        [
            Company(
                legal_name=f"Impresa di prova {n:05d} s.r.l.",
                legal_form="srl",
                partita_iva=partita_iva(n),
                codice_fiscale=partita_iva(n),
                ateco_code="56.11.11",
                ateco_section="I",
                headcount=8 + n % 40,
                address="Via Roma 1",
                cap="53036",
                comune="Poggibonsi",
                provincia="SI",
                pec=f"prova{n}@pec.example",
                phone="0577 000000",
                legal_representative="Maria Rossi",
                territory=territory,
                status=CompanyStatus.SUBMITTED,
                submitted_at=now - timezone.timedelta(minutes=n),
            )
            for n in range(count)
        ],
        batch_size=2000,
    )
    user, _created = User.objects.get_or_create(email=EMAIL, defaults={"is_staff": True})
    user.groups.add(Group.objects.get(name="Moderators"))
    territory.moderators.add(user)
    if not user.authenticator_set.exists():
        TOTP.activate(user, generate_totp_secret())
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "en"
    profile.save()
    session = SessionStore()
    session[SESSION_KEY] = str(user.pk)
    session[BACKEND_SESSION_KEY] = settings.AUTHENTICATION_BACKENDS[0]
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    session.create()
    refresh_statistics()
    print(json.dumps({"cookie": f"{settings.SESSION_COOKIE_NAME}={session.session_key}"}))


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 10000)
