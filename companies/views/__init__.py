"""Company-facing views: thin, and every object reached through visible_to(user)."""

from companies.views.attendance import internship_attendance
from companies.views.documents import documents, download, upload, withdraw
from companies.views.dossier import company_index, dashboard, declarations, identity, start, submit
from companies.views.interns import intern_card, placement_decide
from companies.views.steps import (
    position_delete,
    position_form,
    positions,
    site_delete,
    site_form,
    sites,
)
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

__all__ = [
    "company_index",
    "dashboard",
    "declarations",
    "documents",
    "download",
    "identity",
    "intern_card",
    "internship_attendance",
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
