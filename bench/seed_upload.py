"""Seeds the upload benchmark: an approved company, its signed-in owner and a 60 MB kind.

Run with the bench environment; prints JSON with the session cookie and the upload path.
"""

import json

import django

django.setup()

from allauth.account.models import EmailAddress  # noqa: E402
from django.conf import settings  # noqa: E402
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY  # noqa: E402
from django.contrib.sessions.backends.db import SessionStore  # noqa: E402
from wagtail.models import Locale  # noqa: E402

from companies.models import (  # noqa: E402
    Company,
    CompanyStatus,
    DocumentKind,
    Membership,
    MembershipRole,
    Territory,
)
from users.models import User  # noqa: E402

EMAIL = "bench-company@approdo.example"


def main():
    territory, _created = Territory.objects.get_or_create(
        code="bench", defaults={"name": "Benchmark"}
    )
    company, _created = Company.objects.get_or_create(
        partita_iva="06363391001",
        defaults={
            "legal_name": "Impresa per il benchmark s.r.l.",
            "legal_form": "srl",
            "codice_fiscale": "06363391001",
            "ateco_code": "56.11.11",
            "headcount": 8,
            "address": "Via Roma 1",
            "cap": "53036",
            "comune": "Poggibonsi",
            "provincia": "SI",
            "pec": "bench@pec.example",
            "phone": "0577 000000",
            "legal_representative": "Maria Rossi",
            "territory": territory,
            "status": CompanyStatus.APPROVED,
        },
    )
    company.documents.all().delete()
    user, _created = User.objects.get_or_create(email=EMAIL)
    EmailAddress.objects.update_or_create(
        user=user, email=EMAIL, defaults={"verified": True, "primary": True}
    )
    Membership.objects.get_or_create(
        user=user, company=company, defaults={"role": MembershipRole.ADMIN}
    )
    kind, _created = DocumentKind.objects.get_or_create(
        name="Documento di prova (benchmark)",
        locale=Locale.get_default(),
        defaults={"due_from": CompanyStatus.DRAFT, "max_size_mb": 60, "required": False},
    )
    session = SessionStore()
    session[SESSION_KEY] = str(user.pk)
    session[BACKEND_SESSION_KEY] = settings.AUTHENTICATION_BACKENDS[0]
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    session.create()
    print(
        json.dumps(
            {
                "cookie": f"{settings.SESSION_COOKIE_NAME}={session.session_key}",
                "documents": f"/it/companies/{company.pk}/documents/",
                "upload": f"/it/companies/{company.pk}/documents/{kind.translation_key}/upload/",
            }
        )
    )


if __name__ == "__main__":
    main()
