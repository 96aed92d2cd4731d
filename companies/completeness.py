"""The dossier's four steps and whether each is complete: the dashboard and submit share it."""

from dataclasses import dataclass

from django.db.models import Exists, OuterRef
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from companies.models import DeclarationItem, OperatingSite, Position


def sites_exist():
    """Whether the company (the outer row) has a site: an annotation for company queries."""
    return Exists(OperatingSite.objects.filter(company=OuterRef("pk")))


def positions_exist():
    """Whether the company (the outer row) offers a position."""
    return Exists(Position.objects.filter(company=OuterRef("pk")))


@dataclass(frozen=True)
class Step:
    """One step of the dossier, as the company sees it on the dashboard."""

    name: str
    label: Promise
    url_name: str
    done: bool
    detail: str | Promise = ""


def dossier_steps(company, language_code=None):
    """The four steps in order, with what is missing; three queries whatever the data size,
    two when the company was read with ``has_sites`` and ``has_positions`` annotated."""
    if hasattr(company, "has_sites") and hasattr(company, "has_positions"):
        has_sites, has_positions = company.has_sites, company.has_positions
    else:
        found = (
            type(company)
            .objects.filter(pk=company.pk)
            .values(has_sites=sites_exist(), has_positions=positions_exist())
            .get()
        )
        has_sites, has_positions = found["has_sites"], found["has_positions"]
    declaration = company.declarations.first()
    items = DeclarationItem.objects.for_language(
        declaration.language if declaration else language_code
    )
    declared = declaration is not None and declaration.is_current(items)
    if declared:
        declaration_detail = ""
    elif declaration is not None:
        declaration_detail = _("The declarations changed since you signed them: sign again.")
    else:
        declaration_detail = _("Not signed yet.")
    return [
        Step("identity", _("Company identity"), "companies:identity", True),
        Step(
            "sites",
            _("Operating sites"),
            "companies:sites",
            has_sites,
            "" if has_sites else _("Add at least one site where interns would work."),
        ),
        Step(
            "positions",
            _("Positions offered"),
            "companies:positions",
            has_positions,
            "" if has_positions else _("Offer at least one internship position."),
        ),
        Step(
            "declarations",
            _("Declarations"),
            "companies:declarations",
            declared,
            declaration_detail,
        ),
    ]


def missing_steps(company):
    """The steps that stop the dossier from being sent; empty when it is complete."""
    return [step for step in dossier_steps(company) if not step.done]
