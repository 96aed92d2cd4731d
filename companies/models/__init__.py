"""Models of the onboarding domain, one module per concept."""

from companies.models.audit import CompanyLogEntry
from companies.models.company import DOSSIER, Company, CompanyEvent, CompanyStatus
from companies.models.declaration import CompanyDeclaration, DeclarationItem
from companies.models.document import VERSION, CompanyDocument, DocumentKind, DocumentStatus
from companies.models.membership import Membership, MembershipRole
from companies.models.placement import (
    PLACEMENT,
    InternCardView,
    Placement,
    PlacementEvent,
    PlacementStatus,
)
from companies.models.position import Position
from companies.models.site import OperatingSite
from companies.models.team import (
    JOIN_REQUEST,
    Invitation,
    InvitationState,
    JoinRequest,
    JoinRequestStatus,
)
from companies.models.territory import Territory

__all__ = [
    "DOSSIER",
    "JOIN_REQUEST",
    "PLACEMENT",
    "VERSION",
    "Company",
    "CompanyDeclaration",
    "CompanyDocument",
    "CompanyEvent",
    "CompanyLogEntry",
    "CompanyStatus",
    "DeclarationItem",
    "DocumentKind",
    "DocumentStatus",
    "InternCardView",
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
