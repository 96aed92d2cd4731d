"""One function per dossier action: lock, check, change, audit-log entry."""

from django.db import transaction
from django.utils import timezone
from wagtail.log_actions import log

from companies import notifications
from companies.completeness import missing_steps
from companies.models import (
    DOSSIER,
    Company,
    CompanyDeclaration,
    Membership,
    MembershipRole,
)
from companies.services.errors import Incomplete, NotEditable, SiteInUse
from companies.services.status import move_company


@transaction.atomic
def start_dossier(user, form):
    """A verified user creates a company dossier (draft) and becomes its administrator."""
    company = form.save()
    Membership.objects.create(user=user, company=company, role=MembershipRole.ADMIN)
    log(company, "approdo.company.create", user=user)
    return company


@transaction.atomic
def update_identity(user, company, form):
    """Saves step 1 of the dossier, only while the company may edit it."""
    _editable(company)
    company = form.save()
    log(company, "wagtail.edit", user=user)
    return company


@transaction.atomic
def submit_dossier(user, company):
    """Sends the dossier to the staff queue; a second click finds it already submitted.

    Raises IllegalTransition (DOSSIER) when the status does not allow it, and
    Incomplete when a step is missing (checked under the lock, after the status).
    """
    locked = Company.objects.select_for_update().get(pk=company.pk)
    if DOSSIER.can(locked, "submit"):
        missing = missing_steps(locked)
        if missing:
            raise Incomplete(missing)
    event = move_company(locked, "submit", actor=user)
    log(locked, "approdo.company.submit", user=user)
    transaction.on_commit(lambda: notifications.send_submission.enqueue(event.pk))
    return event


def _editable(company):
    locked = Company.objects.select_for_update().get(pk=company.pk)
    if not locked.is_editable:
        raise NotEditable
    return locked


@transaction.atomic
def save_site(user, company, form):
    """Adds or changes an operating site (step 2) while the dossier is editable."""
    locked = _editable(company)
    site = form.save(commit=False)
    site.company = locked
    site.save()
    log(locked, "approdo.company.site", user=user, data={"site": site.pk})
    return site


@transaction.atomic
def delete_site(user, company, site):
    """Removes an operating site while the dossier is editable and no position uses it."""
    locked = _editable(company)
    if site.positions.exists():
        raise SiteInUse
    site_id = site.pk
    site.delete()
    log(locked, "approdo.company.site", user=user, data={"site": site_id, "deleted": True})


@transaction.atomic
def save_position(user, company, form):
    """Adds or changes an internship offer (step 3) while the dossier is editable."""
    locked = _editable(company)
    position = form.save(commit=False)
    position.company = locked
    position.save()
    log(locked, "approdo.company.position", user=user, data={"position": position.pk})
    return position


@transaction.atomic
def delete_position(user, company, position):
    """Removes an internship offer while the dossier is editable."""
    locked = _editable(company)
    position_id = position.pk
    position.delete()
    log(
        locked,
        "approdo.company.position",
        user=user,
        data={"position": position_id, "deleted": True},
    )


@transaction.atomic
def sign_declarations(user, company, form):
    """Step 4: records who declared what, and when, with the texts exactly as ticked.

    ``form`` is a valid DeclarationsForm: its items were read from the database when the
    boxes were checked, so a wording changed meanwhile shows up as an unticked new box.
    """
    locked = _editable(company)
    language = form.language
    items = form.items
    declarant_name = form.cleaned_data["declarant_name"]
    declarant_role = form.cleaned_data["declarant_role"]
    declaration = CompanyDeclaration.objects.create(
        company=locked,
        declarant_name=declarant_name,
        declarant_role=declarant_role,
        signed_by=user,
        signed_at=timezone.now(),
        language=language,
        items=[{"key": str(item.translation_key), "text": item.text} for item in items],
    )
    log(locked, "approdo.company.declare", user=user, data={"declaration": declaration.pk})
    return declaration
