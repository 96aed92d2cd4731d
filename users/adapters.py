"""allauth adapter: keeps e-mails lower-case, records the signup language and queues allauth's
e-mails in the project's outbox."""

from allauth.account.adapter import DefaultAccountAdapter
from django.conf import settings
from django.urls import reverse
from django.utils import translation

from mail.outbox import OutboxBackend

# allauth's e-mails whose body holds a key or a code: erased from the outbox once sent.
SECRET_EMAILS = ("email_confirmation", "password_reset_key", "login_code", "_code")


class AccountAdapter(DefaultAccountAdapter):
    """Project-specific allauth behaviour.

    Public signup creates company accounts only: never staff, never Wagtail admin users.
    """

    def render_mail(self, template_prefix, email, context, headers=None):
        """allauth's e-mail, bound to the outbox: sending it stores it for the worker, so an
        SMTP outage delays it and the user still gets an answer (not a 500)."""
        message = super().render_mail(template_prefix, email, context, headers=headers)
        name = template_prefix.rsplit("/", 1)[-1]
        message.connection = OutboxBackend(
            kind=f"account.{name}"[:60],
            erase_after_send=any(secret in name for secret in SECRET_EMAILS),
        )
        return message

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
