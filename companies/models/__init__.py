"""Models of the onboarding domain, one module per concept."""

from companies.models.audit import CompanyLogEntry
from companies.models.company import Company, CompanyEvent, CompanyStatus, InvalidTransition
from companies.models.declaration import CompanyDeclaration, DeclarationItem
from companies.models.document import CompanyDocument, DocumentKind, DocumentStatus
from companies.models.membership import Membership, MembershipRole
from companies.models.placement import (
    Intern,
    InternCardView,
    InvalidPlacementMove,
    Placement,
    PlacementEvent,
    PlacementStatus,
)
from companies.models.position import Position
from companies.models.site import OperatingSite
from companies.models.team import (
    Invitation,
    InvitationState,
    JoinRequest,
    JoinRequestStatus,
)
from companies.models.territory import Territory

__all__ = [
    "Company",
    "CompanyDeclaration",
    "CompanyDocument",
    "CompanyEvent",
    "CompanyLogEntry",
    "CompanyStatus",
    "DeclarationItem",
    "DocumentKind",
    "DocumentStatus",
    "Intern",
    "InternCardView",
    "InvalidPlacementMove",
    "InvalidTransition",
    "Invitation",
    "InvitationState",
    "JoinRequest",
    "JoinRequestStatus",
    "Membership",
    "MembershipRole",
    "OperatingSite",
    "Placement",
    "PlacementEvent",
    "PlacementStatus",
    "Position",
    "Territory",
]
