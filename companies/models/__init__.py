"""Models of the onboarding domain, one module per concept."""

from companies.models.company import Company, CompanyEvent, CompanyStatus, InvalidTransition
from companies.models.membership import Membership, MembershipRole
from companies.models.position import Position
from companies.models.site import OperatingSite
from companies.models.territory import Territory

__all__ = [
    "Company",
    "CompanyEvent",
    "CompanyStatus",
    "InvalidTransition",
    "Membership",
    "MembershipRole",
    "OperatingSite",
    "Position",
    "Territory",
]
