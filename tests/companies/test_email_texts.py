"""The companies' e-mails, byte for byte, in Italian and Arabic.

Every sender of companies.notifications is run once over fixed objects (fixed ids, names,
dates and invitation key) and what it queues in the outbox (kind, recipient, language,
subject, text and HTML) is compared with tests/companies/data/email_texts.json, recorded
from the shipped senders. A change to a template or a translation that shows in an e-mail
rewrites the file on purpose: ``APPRODO_RECORD_EMAILS=1 pytest tests/companies/test_email_texts.py``
and read the diff.
"""

import datetime
import json
import os
import uuid
from pathlib import Path

import pytest
from django.utils import timezone

from companies import notifications
from companies.models import (
    CompanyDocument,
    CompanyEvent,
    CompanyStatus,
    DocumentKind,
    DocumentStatus,
    MembershipRole,
    PlacementEvent,
    PlacementStatus,
)
from mail.outbox import OutgoingEmail
from tests.factories.companies import (
    CompanyFactory,
    InvitationFactory,
    JoinRequestFactory,
    MembershipFactory,
    OperatingSiteFactory,
    PlacementFactory,
    TerritoryFactory,
)
from tests.factories.participants import ParticipantFactory
from tests.factories.users import UserFactory

pytestmark = pytest.mark.django_db

FIELDS = ("kind", "to", "language", "subject", "text", "html")
RECORDED = Path(__file__).parent / "data" / "email_texts.json"
WHEN = timezone.make_aware(datetime.datetime(2027, 3, 4, 10, 30))
# Fixed, and far enough ahead that the invitation is still pending when the test runs.
STILL_VALID = timezone.make_aware(datetime.datetime(2099, 3, 11, 10, 30))


@pytest.fixture
def company():
    territory = TerritoryFactory(name="Alta Valdelsa", code="alta-valdelsa-mail")
    territory.moderators.add(
        UserFactory(email="moderatrice@progetto.example", preferred_language="ar", is_staff=True)
    )
    company = CompanyFactory(
        pk=990001,
        legal_name="Forno Valdelsa s.r.l.",
        territory=territory,
        status=CompanyStatus.APPROVED,
    )
    MembershipFactory(
        company=company,
        role=MembershipRole.ADMIN,
        user=UserFactory(email="titolare@forno.example", preferred_language="it"),
    )
    MembershipFactory(
        company=company,
        role=MembershipRole.ADMIN,
        user=UserFactory(email="socia@forno.example", preferred_language="ar"),
    )
    return company


def run_every_sender(company):
    inviter = company.memberships.get(user__email="titolare@forno.example").user
    for language, key in (("it", 1), ("ar", 2)):
        invitation = InvitationFactory(
            company=company,
            email=f"collega-{language}@forno.example",
            language=language,
            invited_by=inviter,
            key=uuid.UUID(int=key),
            created_at=WHEN,
            expires_at=STILL_VALID,
        )
        notifications.send_invitation.call(invitation.pk)
    join_request = JoinRequestFactory(
        company=company,
        user=UserFactory(email="richiedente@forno.example"),
        message="Lavoro in amministrazione.",
    )
    notifications.send_join_request.call(join_request.pk)
    for previous, status, message in (
        (CompanyStatus.DRAFT, CompanyStatus.SUBMITTED, ""),
        (CompanyStatus.SUBMITTED, CompanyStatus.CHANGES_REQUESTED, "Aggiornare la PEC."),
        (CompanyStatus.SUBMITTED, CompanyStatus.APPROVED, "Benvenuti."),
        (CompanyStatus.SUBMITTED, CompanyStatus.REJECTED, "Fuori dal territorio."),
    ):
        event = CompanyEvent.objects.create(
            company=company,
            from_status=previous,
            to_status=status,
            message=message,
            created_at=WHEN,
        )
        if status == CompanyStatus.SUBMITTED:
            notifications.send_submission.call(event.pk)
        else:
            notifications.send_decision.call(event.pk)
    kind = DocumentKind.objects.for_language("it")[0]
    for pk, status in ((990011, DocumentStatus.ACCEPTED), (990012, DocumentStatus.REJECTED)):
        document = CompanyDocument.objects.create(
            pk=pk,
            company=company,
            kind_key=kind.translation_key,
            version=pk - 990010,
            file="companies/990001/x.pdf",
            original_name="convenzione.pdf",
            size=1000,
            sha256=str(pk) * 8,
            content_type="application/pdf",
            status=status,
            rejection_reason="Manca la firma." if status == DocumentStatus.REJECTED else "",
        )
        notifications.send_document_decision.call(document.pk, status)
    tutor = UserFactory(email="tutor@progetto.example", preferred_language="it", is_staff=True)
    placement = PlacementFactory(
        pk=990021,
        company=company,
        participant=ParticipantFactory(code="TIR-MAIL01", territory=company.territory),
        site=OperatingSiteFactory(company=company, name="Laboratorio di Colle"),
        project_tutor=tutor,
        status=PlacementStatus.ACCEPTED,
    )
    for action, previous, status, message in (
        ("propose", PlacementStatus.PROPOSED, PlacementStatus.PROPOSED, ""),
        ("accept", PlacementStatus.PROPOSED, PlacementStatus.ACCEPTED, ""),
        ("decline", PlacementStatus.PROPOSED, PlacementStatus.DECLINED, "Chiusi ad agosto."),
        ("start", PlacementStatus.ACCEPTED, PlacementStatus.ACTIVE, ""),
        ("terminate", PlacementStatus.ACTIVE, PlacementStatus.TERMINATED, "Trasferimento."),
    ):
        event = PlacementEvent.objects.create(
            placement=placement,
            action=action,
            from_status=previous,
            to_status=status,
            message=message,
            created_at=WHEN,
        )
        notifications.send_placement_event.call(event.pk)


def queued():
    return [
        {
            name: getattr(email, name)
            for name in ("kind", "to", "language", "subject", "text", "html")
        }
        for email in OutgoingEmail.objects.order_by("pk")
    ]


def test_every_company_email_is_unchanged_in_italian_and_arabic(company):
    run_every_sender(company)
    emails = queued()
    if os.environ.get("APPRODO_RECORD_EMAILS") == "1":
        RECORDED.write_text(json.dumps(emails, ensure_ascii=False, indent=1) + "\n")
    assert {email["language"] for email in emails} == {"it", "ar"}
    assert emails == json.loads(RECORDED.read_text())
