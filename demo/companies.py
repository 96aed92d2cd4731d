"""Demo host companies for `make run`: something for the moderator to review.

The demo company user owns a complete, submitted dossier; a second company waits in the
other territory's queue, a third is still a draft and a fourth is approved, with one
completed placement (the intern was hired) and one running, so the intern cards and the
project report have something to show. Three interns wait for a placement in the demo
company's territory. Idempotent (keyed by partita IVA and by the interns' codes).
"""

import datetime
import hashlib
import io

from django.core.files.base import ContentFile
from django.utils import timezone
from pypdf import PdfWriter

from companies.models import (
    Company,
    CompanyDeclaration,
    CompanyDocument,
    CompanyStatus,
    DeclarationItem,
    DocumentKind,
    DocumentStatus,
    Membership,
    MembershipRole,
    OperatingSite,
    Placement,
    PlacementEvent,
    PlacementStatus,
    Position,
    Territory,
)
from companies.services.status import move_company
from news.models import CallAudience, CallPage, CallStatus
from participants.models import Participant

COMPANIES = [
    {
        "partita_iva": "06363391001",
        "legal_name": "Forno Valdelsa s.r.l.",
        "ateco_code": "10.71.10",
        "headcount": 8,
        "territory": "alta-val-elsa",
        "comune": "Poggibonsi",
        "cap": "53036",
        "site": "Laboratorio",
        "position": "Aiuto fornaio",
        "submit": True,
        "owner": True,
    },
    {
        "partita_iva": "01114601006",
        "legal_name": "Cooperativa Sociale Il Ponte",
        "ateco_code": "88.10.00",
        "headcount": 24,
        "territory": "val-di-cecina",
        "comune": "Volterra",
        "cap": "56048",
        "provincia": "PI",
        "site": "Centro diurno",
        "position": "Addetto all'accoglienza",
        "submit": True,
    },
    {
        "partita_iva": "00743110157",
        "legal_name": "Ortofrutta Colle s.n.c.",
        "ateco_code": "47.21.01",
        "headcount": 3,
        "territory": "alta-val-elsa",
        "comune": "Colle di Val d'Elsa",
        "cap": "53034",
        "site": "Negozio",
        "position": "Addetto al banco",
        "submit": False,
    },
    {
        "partita_iva": "01234560520",
        "legal_name": "Bottega Le Balze s.r.l.",
        "ateco_code": "47.21.01",
        "headcount": 12,
        "territory": "val-di-cecina",
        "comune": "Volterra",
        "cap": "56048",
        "provincia": "PI",
        "site": "Negozio",
        "position": "Addetto al magazzino",
        "submit": True,
        "approve": True,
    },
]

# Interns waiting for a placement (the first three) and the approved company's two.
INTERNS = [
    ("TIR-DEMO01", "Samira", "Benali", "Sami", "alta-val-elsa"),
    ("TIR-DEMO02", "Luca", "Ferri", "", "alta-val-elsa"),
    ("TIR-DEMO03", "Ioana", "Popescu", "", "alta-val-elsa"),
    ("TIR-DEMO04", "Karim", "Haddad", "", "val-di-cecina"),
    ("TIR-DEMO05", "Elisa", "Marchi", "Eli", "val-di-cecina"),
]


def build_demo(accounts):
    """The companies' demo data, for the demo accounts by role (see demo.builder)."""
    build_demo_companies(accounts["company"], accounts["moderator"])
    build_demo_interns(accounts["tutor"])


def build_demo_companies(company_user, moderator):
    """Creates the demo companies once; assigns the moderator to every territory."""
    for territory in Territory.objects.all():
        territory.moderators.add(moderator)
    call = next(
        (
            page
            for page in CallPage.objects.live().filter(audience=CallAudience.HOST_COMPANIES)
            if page.status == CallStatus.OPEN
        ),
        None,
    )
    for spec in COMPANIES:
        if Company.objects.filter(partita_iva=spec["partita_iva"]).exists():
            continue
        company = Company.objects.create(
            legal_name=spec["legal_name"],
            legal_form="srl",
            partita_iva=spec["partita_iva"],
            codice_fiscale=spec["partita_iva"],
            ateco_code=spec["ateco_code"],
            headcount=spec["headcount"],
            address="Via Roma 1",
            cap=spec["cap"],
            comune=spec["comune"],
            provincia=spec.get("provincia", "SI"),
            pec=f"{spec['partita_iva']}@pec.example",
            phone="0577 000000",
            legal_representative="Maria Rossi",
            territory=Territory.objects.get(code=spec["territory"]),
        )
        site = OperatingSite.objects.create(
            company=company,
            name=spec["site"],
            address="Via Roma 1",
            cap=spec["cap"],
            comune=spec["comune"],
            provincia=company.provincia,
            step_free_access=True,
            public_transport_nearby=True,
        )
        today = timezone.localdate()
        Position.objects.create(
            company=company,
            site=site,
            call=call,
            title=spec["position"],
            tasks="Affiancamento al personale nelle attività quotidiane.",
            weekly_hours=20,
            schedule="Lunedì–venerdì, 9–13",
            places=1,
            starts_on=today + datetime.timedelta(days=45),
            ends_on=today + datetime.timedelta(days=45 + 182),
            accommodations="Orario flessibile, compiti spiegati passo per passo.",
        )
        if spec.get("owner"):
            Membership.objects.create(user=company_user, company=company, role=MembershipRole.ADMIN)
        if spec["submit"]:
            CompanyDeclaration.objects.create(
                company=company,
                declarant_name="Maria Rossi",
                declarant_role="Legale rappresentante",
                signed_by=company_user if spec.get("owner") else None,
                language="it",
                items=[
                    {"key": str(item.translation_key), "text": item.text}
                    for item in DeclarationItem.objects.for_language("it")
                ],
            )
            move_company(company, "submit", actor=company_user if spec.get("owner") else None)
        if spec.get("approve"):
            move_company(company, "approve", actor=moderator)


def build_demo_interns(tutor):
    """The demo interns, and the approved company's placements: one ended with a hire,
    one running. Their steps are dated in the past months so the report shows them."""

    def person(code):
        _code, given, family, preferred, territory = next(i for i in INTERNS if i[0] == code)
        return Participant.objects.get_or_create(
            code=code,
            defaults={
                "given_name": given,
                "family_name": family,
                "preferred_name": preferred,
                "territory": Territory.objects.get(code=territory),
            },
        )[0]

    for code in ("TIR-DEMO01", "TIR-DEMO02", "TIR-DEMO03"):
        person(code)
    company = Company.objects.filter(
        partita_iva="01234560520", status=CompanyStatus.APPROVED
    ).first()
    if company is None or company.placements.exists():
        return
    # The placed people only with their placements: the participants' demo gives these
    # placements to people on a path (participants/demo.py) and removes these records.
    interns = {code: person(code) for code in ("TIR-DEMO04", "TIR-DEMO05")}
    _accepted_agreement(company)
    today = timezone.localdate()
    days = datetime.timedelta
    for code, starts, ends, steps, hired in [
        ("TIR-DEMO04", today - days(270), today - days(87), _ENDED_STEPS, True),
        ("TIR-DEMO05", today - days(60), today + days(123), _RUNNING_STEPS, None),
    ]:
        placement = Placement.objects.create(
            participant=interns[code],
            company=company,
            position=company.positions.first(),
            site=company.sites.first(),
            starts_on=starts,
            ends_on=ends,
            weekly_hours=20,
            schedule="Lunedì–venerdì, 9–13",
            monthly_allowance=500,
            project_tutor=tutor,
            company_tutor_name="Anna Bianchi",
            company_tutor_role="Responsabile di negozio",
            company_tutor_email="anna.bianchi@lebalze.example",
            workplace_notes="Istruzioni scritte per le prime settimane; pausa a metà turno.",
            status=steps[-1][2],
            hired_after=hired,
        )
        previous = PlacementStatus.PROPOSED
        for action, offset, status in steps:
            moment = timezone.make_aware(
                datetime.datetime.combine(starts + days(offset), datetime.time(10))
            )
            PlacementEvent.objects.create(
                placement=placement,
                action=action,
                from_status=previous,
                to_status=status,
                created_at=moment,
            )
            previous = status


def _accepted_agreement(company):
    """The approved company's signed agreement, accepted: placements start only after it."""
    buffer = io.BytesIO()
    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    writer.add_metadata({"/Title": "Convenzione di tirocinio (demo)"})
    writer.write(buffer)
    content = buffer.getvalue()
    for kind in DocumentKind.objects.for_language("it"):
        if kind.required and kind.is_due_for(company):
            CompanyDocument.objects.create(
                company=company,
                kind_key=kind.translation_key,
                version=1,
                file=ContentFile(content, name="convenzione-firmata.pdf"),
                original_name="convenzione-firmata.pdf",
                size=len(content),
                sha256=hashlib.sha256(content).hexdigest(),
                content_type="application/pdf",
                status=DocumentStatus.ACCEPTED,
                reviewed_at=timezone.now(),
            )


# (action, days from the start, status it leads to)
_RUNNING_STEPS = [
    ("propose", -20, PlacementStatus.PROPOSED),
    ("accept", -15, PlacementStatus.ACCEPTED),
    ("start", 0, PlacementStatus.ACTIVE),
]
_ENDED_STEPS = [*_RUNNING_STEPS, ("complete", 183, PlacementStatus.COMPLETED)]
