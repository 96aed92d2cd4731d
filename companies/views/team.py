"""The company team: members and roles, invitations, join requests, leaving."""

from allauth.account.adapter import get_adapter
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from companies import services
from companies.forms.team import InviteForm, JoinForm, RoleForm
from companies.models import Invitation, JoinRequestStatus, MembershipRole
from companies.views.common import render_company, visible_company
from users.http import private


def _last_admin(request):
    messages.error(
        request,
        _("The company needs at least one administrator: make someone else administrator first."),
    )


def _admin_company(request, pk):
    """The company, if the user administers it; members get 403, strangers 404."""
    company = visible_company(request, pk)
    if not company.memberships.filter(user=request.user, role=MembershipRole.ADMIN).exists():
        raise PermissionDenied
    return company


@private
def team(request, pk, invite_form=None):
    """Who works on the dossier; admins also see invitations and requests to join."""
    company = visible_company(request, pk)
    membership = company.memberships.get(user=request.user)
    context = {
        "members": company.memberships.select_related("user").order_by("role", "user__email"),
        "role_choices": RoleForm.base_fields["role"].choices,
    }
    if membership.is_admin:
        context.update(
            invite_form=invite_form or InviteForm(),
            invitations=company.invitations.select_related("invited_by")[:20],
            join_requests=company.join_requests.filter(
                status=JoinRequestStatus.PENDING
            ).select_related("user"),
        )
    return render_company(request, "companies/team.html", company, context, membership)


@require_POST
@private
def invite(request, pk):
    company = _admin_company(request, pk)
    form = InviteForm(request.POST)
    if form.is_valid():
        try:
            invitation = services.invite(
                request.user, company, form.cleaned_data["email"], form.cleaned_data["role"]
            )
        except services.AlreadyMember:
            form.add_error("email", _("This person is already in the team."))
        except services.TooManyRequests:
            form.add_error(
                None, _("Too many invitations are waiting: revoke some before sending more.")
            )
        else:
            messages.success(
                request,
                _("Invitation sent to %(email)s; it is valid for 7 days.")
                % {"email": invitation.email},
            )
            return redirect("companies:team", pk=company.pk)
    response = team(request, pk, invite_form=form)
    response.status_code = 400
    return response


@require_POST
@private
def invitation_revoke(request, pk, invitation_pk):
    company = _admin_company(request, pk)
    invitation = get_object_or_404(company.invitations.all(), pk=invitation_pk)
    try:
        services.revoke_invitation(request.user, company, invitation)
    except services.InvitationNotUsable:
        messages.info(request, _("This invitation can no longer be used anyway."))
    else:
        messages.success(request, _("Invitation revoked: its link no longer works."))
    return redirect("companies:team", pk=company.pk)


@require_POST
@private
def member_role(request, pk, member_pk):
    company = _admin_company(request, pk)
    membership = get_object_or_404(company.memberships.all(), pk=member_pk)
    form = RoleForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose a role."))
    else:
        try:
            services.change_role(request.user, company, membership, form.cleaned_data["role"])
        except services.LastAdmin:
            _last_admin(request)
        else:
            messages.success(request, _("Role changed."))
    return redirect("companies:team", pk=company.pk)


@require_POST
@private
def member_remove(request, pk, member_pk):
    company = _admin_company(request, pk)
    membership = get_object_or_404(company.memberships.all(), pk=member_pk)
    if membership.user_id == request.user.pk:
        return leave(request, pk)
    try:
        services.remove_member(request.user, company, membership)
    except services.LastAdmin:
        _last_admin(request)
    else:
        messages.success(
            request, _("%(person)s no longer belongs to the team.") % {"person": membership.user}
        )
    return redirect("companies:team", pk=company.pk)


@require_POST
@private
def leave(request, pk):
    company = visible_company(request, pk)
    try:
        services.leave_company(request.user, company)
    except services.LastAdmin:
        _last_admin(request)
        return redirect("companies:team", pk=company.pk)
    messages.success(request, _("You left %(company)s.") % {"company": company})
    return redirect("companies:index")


@require_POST
@private
def join_request_decide(request, pk, request_pk):
    company = _admin_company(request, pk)
    join_request = get_object_or_404(company.join_requests.all(), pk=request_pk)
    approve = request.POST.get("decision") == "approve"
    form = RoleForm(request.POST or {"role": MembershipRole.MEMBER})
    role = form.cleaned_data["role"] if form.is_valid() else MembershipRole.MEMBER
    if services.decide_join_request(request.user, company, join_request, approve, role):
        if approve:
            messages.success(
                request, _("%(person)s joined the team.") % {"person": join_request.user}
            )
        else:
            messages.success(request, _("Request refused."))
    else:
        messages.info(request, _("Another administrator already answered this request."))
    return redirect("companies:team", pk=company.pk)


@private
def join(request):
    """A user asks to join a company already registered with a partita IVA."""
    form = JoinForm(request.POST or None, initial={"partita_iva": request.GET.get("partita_iva")})
    if request.method == "POST" and form.is_valid():
        try:
            services.request_to_join(request.user, form.company, form.cleaned_data["message"])
        except services.AlreadyMember:
            return redirect("companies:dashboard", pk=form.company.pk)
        except services.TooManyRequests:
            form.add_error(
                None,
                _("You already have several requests waiting: wait for an answer first."),
            )
        else:
            messages.success(
                request,
                _(
                    "Request sent to the administrators of %(company)s. You will find the "
                    "company here once they approve it."
                )
                % {"company": form.company},
            )
            return redirect("companies:index")
    return TemplateResponse(request, "companies/join_form.html", {"form": form})


@never_cache
def invitation(request, token):
    """The link in an invitation e-mail: shows it, and accepts it for the invited account.

    Anonymous visitors are offered sign-in or sign-up; signing up with the invited address
    counts as verifying it, since the link proves the person reads that mailbox.
    """
    key = Invitation.key_from_token(token)
    found = Invitation.objects.select_related("company", "invited_by").filter(key=key)
    invitation = found.first() if key else None
    if invitation is None:
        raise Http404
    context = {"invitation": invitation, "company": invitation.company}
    if not request.user.is_authenticated:
        if invitation.is_pending:
            get_adapter(request).stash_verified_email(request, invitation.email)
        here = urlencode({"next": request.get_full_path()})
        context.update(
            login_url=f"{reverse('account_login')}?{here}",
            signup_url=f"{reverse('account_signup')}?{here}",
        )
    elif request.method == "POST":
        try:
            services.accept_invitation(request.user, invitation)
        except services.InvitationNotUsable:
            pass  # the page explains the invitation's state
        except services.WrongAccount:
            context["wrong_account"] = True
        except services.AlreadyMember:
            return redirect("companies:dashboard", pk=invitation.company_id)
        else:
            messages.success(
                request, _("Welcome to the team of %(company)s.") % {"company": invitation.company}
            )
            return redirect("companies:dashboard", pk=invitation.company_id)
        invitation.refresh_from_db()
    return TemplateResponse(request, "companies/invitation.html", context)
