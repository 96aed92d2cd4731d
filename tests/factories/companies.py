"""Factories for host companies: valid Italian identifiers generated with python-stdnum."""

import factory
from stdnum import luhn

from companies.models import Company, Membership, MembershipRole, OperatingSite, Territory


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
