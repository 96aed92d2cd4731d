"""Refuses the Wagtail admin to staff who have not set up two-factor authentication."""

from allauth.account.views import email as manage_email_view
from allauth.mfa.models import Authenticator
from django.conf import settings
from django.contrib import messages
from django.shortcuts import redirect
from django.utils.translation import gettext as _

ADMIN_PREFIX = "/admin/"


class StaffTwoFactorMiddleware:
    """Sends a signed-in admin user without TOTP to the TOTP set-up page.

    allauth already asks for the code at login once TOTP exists; this closes the gap for
    accounts that never enrolled. Controlled by APPRODO_STAFF_REQUIRE_MFA, which
    production settings refuse to turn off.

    Until then the same users cannot manage their e-mail addresses either: the first
    authenticator needs a code sent to the verified address (users.enrolment), and someone
    holding only the password must not make an address of theirs the verified one first.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path.startswith(ADMIN_PREFIX) and self._needs_totp(request):
            messages.warning(
                request,
                _("Set up two-factor authentication to open the administration area."),
            )
            return redirect("mfa_activate_totp")
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if view_func is manage_email_view and self._needs_totp(request):
            messages.warning(
                request,
                _("Set up two-factor authentication before changing your e-mail addresses."),
            )
            return redirect("mfa_activate_totp")
        return None

    @staticmethod
    def _needs_totp(request):
        return (
            settings.APPRODO_STAFF_REQUIRE_MFA
            and request.user.is_authenticated
            and request.user.has_perm("wagtailadmin.access_admin")
            and not has_totp(request.user)
        )


def has_totp(user):
    """Whether the user has set up an authenticator app (TOTP)."""
    return Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()
