"""Factories for host companies: valid Italian identifiers generated with python-stdnum."""

import datetime
from decimal import Decimal

import factory
from django.utils import timezone
from stdnum import luhn

from companies.models import (
    Company,
    CompanyDeclaration,
    CompanyDocument,
    CompanyStatus,
    DeclarationItem,
    DocumentKind,
    DocumentStatus,
    Invitation,
    JoinRequest,
    Membership,
    MembershipRole,
    OperatingSite,
    Placement,
    PlacementStatus,
    Position,
    Territory,
)


def partita_iva(n):
    """A valid, unique P.IVA: company number, a real office code (052 Siena), check digit."""
    base = f"{n + 1000:07d}052"
    return base + luhn.calc_check_digit(base)


class TerritoryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Territory
        django_get_or_create = ["code"]

    name = factory.Sequence(lambda n: f"Zona {n}")
    code = factory.Sequence(lambda n: f"zona-{n}")


class CompanyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Company

    legal_name = factory.Sequence(lambda n: f"Impresa Esempio {n} s.r.l.")
    legal_form = "srl"
    partita_iva = factory.Sequence(partita_iva)
    codice_fiscale = factory.SelfAttribute("partita_iva")
    ateco_code = "56.11.11"
    headcount = 8
    address = "Via Roma 1"
    cap = "53036"
    comune = "Poggibonsi"
    provincia = "SI"
    pec = factory.Sequence(lambda n: f"impresa{n}@pec.example")
    phone = "+39 0577 000000"
    legal_representative = "Maria Rossi"
    territory = factory.SubFactory(TerritoryFactory)


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    user = factory.SubFactory("tests.factories.users.UserFactory")
    company = factory.SubFactory(CompanyFactory)
    role = MembershipRole.ADMIN


class OperatingSiteFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = OperatingSite

    company = factory.SubFactory(CompanyFactory)
    name = "Laboratorio"
    address = "Via Roma 1"
    cap = "53036"
    comune = "Poggibonsi"
    provincia = "SI"


class PositionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Position

    company = factory.SubFactory(CompanyFactory)
    site = factory.SubFactory(OperatingSiteFactory, company=factory.SelfAttribute("..company"))
    title = "Aiuto cuoco"
    tasks = "Preparazione delle verdure."
    weekly_hours = 20
    schedule = "Lunedì–venerdì, 9–13"
    places = 1
    starts_on = datetime.date(2027, 1, 11)
    ends_on = datetime.date(2027, 7, 10)


class PlacementFactory(factory.django.DjangoModelFactory):
    """A placement stored directly in ``status`` (services are tested on their own).

    The company is approved and in the participant's territory, the site is the company's.
    """

    class Meta:
        model = Placement

    participant = factory.SubFactory("tests.factories.participants.ParticipantFactory")
    company = factory.SubFactory(
        CompanyFactory,
        status=CompanyStatus.APPROVED,
        territory=factory.SelfAttribute("..participant.territory"),
    )
    site = factory.SubFactory(OperatingSiteFactory, company=factory.SelfAttribute("..company"))
    starts_on = datetime.date(2027, 2, 1)
    ends_on = datetime.date(2027, 8, 1)
    weekly_hours = 20
    schedule = "Lunedì–venerdì, 9–13"
    monthly_allowance = Decimal("450.00")
    company_tutor_name = "Paolo Verdi"
    status = PlacementStatus.PROPOSED


def accepted_documents(company):
    """Accepted versions of every required document kind (the file itself is not needed)."""
    for kind in DocumentKind.objects.for_language("it"):
        if kind.required:
            CompanyDocument.objects.create(
                company=company,
                kind_key=kind.translation_key,
                version=1,
                file=f"companies/{company.pk}/accettato.pdf",
                original_name="convenzione-firmata.pdf",
                size=1000,
                sha256="0" * 64,
                content_type="application/pdf",
                status=DocumentStatus.ACCEPTED,
            )


def signed_items(language="it"):
    """The current declaration items as a signed record stores them."""
    return [
        {"key": str(item.translation_key), "text": item.text}
        for item in DeclarationItem.objects.for_language(language)
    ]


class CompanyDeclarationFactory(factory.django.DjangoModelFactory):
    """A declaration signed just now over every current item, in Italian."""

    class Meta:
        model = CompanyDeclaration

    company = factory.SubFactory(CompanyFactory)
    declarant_name = "Maria Rossi"
    declarant_role = "Legale rappresentante"
    signed_at = factory.LazyFunction(timezone.now)
    language = "it"
    items = factory.LazyAttribute(lambda o: signed_items(o.language))


def complete_dossier(company):
    """Gives a company what it needs to be sent: a site, a position, signed declarations."""
    PositionFactory(company=company)
    CompanyDeclarationFactory(company=company)
    return company


class InvitationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Invitation

    company = factory.SubFactory(CompanyFactory)
    email = factory.Sequence(lambda n: f"collega{n}@impresa.example")
    role = MembershipRole.MEMBER
    language = "it"


class JoinRequestFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = JoinRequest

    company = factory.SubFactory(CompanyFactory)
    user = factory.SubFactory("tests.factories.users.UserFactory")
