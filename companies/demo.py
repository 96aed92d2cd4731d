"""Demo host companies for `make run`: something for the moderator to review.

The demo company user owns a complete, submitted dossier; a second company waits in the
other territory's queue and a third is still a draft. Idempotent (keyed by partita IVA).
"""

import datetime

from django.utils import timezone

from companies.models import (
    Company,
    CompanyDeclaration,
    DeclarationItem,
    Membership,
    MembershipRole,
    OperatingSite,
    Position,
    Territory,
)
from news.models import CallAudience, CallPage, CallStatus

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
]


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
            company.transition("submit", actor=company_user if spec.get("owner") else None)
