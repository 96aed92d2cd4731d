"""Company-facing views: thin, and every object reached through visible_to(user)."""

from companies.views.documents import documents, download, upload, withdraw
from companies.views.dossier import company_index, dashboard, declarations, identity, start, submit
from companies.views.interns import intern_card, placement_decide
from companies.views.team import (
    invitation,
    invitation_revoke,
    invite,
    join,
    join_request_decide,
    leave,
    member_remove,
    member_role,
    team,
)
from companies.views.workplaces import (
    position_delete,
    position_form,
    positions,
    site_delete,
    site_form,
    sites,
)

__all__ = [
    "company_index",
    "dashboard",
    "declarations",
    "documents",
    "download",
    "identity",
    "intern_card",
    "invitation",
    "invitation_revoke",
    "invite",
    "join",
    "join_request_decide",
    "leave",
    "member_remove",
    "member_role",
    "placement_decide",
    "position_delete",
    "position_form",
    "positions",
    "site_delete",
    "site_form",
    "sites",
    "start",
    "submit",
    "team",
    "upload",
    "withdraw",
]
