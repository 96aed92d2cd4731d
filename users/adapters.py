"""allauth adapter: keeps e-mails lower-case and records the signup language."""

from allauth.account.adapter import DefaultAccountAdapter
from django.conf import settings
from django.urls import reverse
from django.utils import translation


class AccountAdapter(DefaultAccountAdapter):
    """Project-specific allauth behaviour.

    Public signup creates company accounts only: never staff, never Wagtail admin users.
    """

    def clean_email(self, email):
        return super().clean_email(email).strip().lower()

    def get_login_redirect_url(self, request):
        """Company users land in their dossier; staff and explicit ?next= go where asked."""
        url = super().get_login_redirect_url(request)
        if url == settings.LOGIN_REDIRECT_URL and not request.user.is_staff:
            return reverse("companies:index")
        return url

    def get_signup_redirect_url(self, request):
        """A new company user goes straight to onboarding once the address is confirmed."""
        return reverse("companies:index")

    def save_user(self, request, user, form, commit=True):
        user.is_staff = False
        user.is_superuser = False
        user.preferred_language = translation.get_language() or ""
        return super().save_user(request, user, form, commit=commit)
