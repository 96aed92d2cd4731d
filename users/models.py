"""The portal's user: identified by e-mail, no username."""

from django.contrib.auth.models import AbstractUser, UserManager
from django.db import models
from django.utils.translation import gettext_lazy as _


class EmailUserManager(UserManager):
    """Creates users keyed by e-mail; the username argument of Django's manager is gone."""

    use_in_migrations = True

    def _create_user(self, email, password, **extra_fields):
        if not email:
            raise ValueError("An e-mail address is required.")
        email = self.normalize_email(email).lower()
        user = self.model(email=email, **extra_fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email=None, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", False)
        extra_fields.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra_fields)

    def create_superuser(self, email=None, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", True)
        extra_fields.setdefault("is_superuser", True)
        if not extra_fields["is_staff"] or not extra_fields["is_superuser"]:
            raise ValueError("A superuser must have is_staff and is_superuser set.")
        return self._create_user(email, password, **extra_fields)


class User(AbstractUser):
    """A person who signs in: company staff, project staff or administrators.

    The e-mail address is the login. `preferred_language` lets notifications reach each
    person in the language they chose, whatever language the sender is using.
    """

    username = None
    email = models.EmailField(_("e-mail address"), unique=True)
    preferred_language = models.CharField(
        _("preferred language"),
        max_length=8,
        blank=True,
        help_text=_("Language used for e-mails sent to this person."),
    )

    USERNAME_FIELD = "email"
    REQUIRED_FIELDS = []

    objects = EmailUserManager()

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")
        ordering = ["email"]

    def __str__(self):
        return self.get_full_name() or self.email


class TotpEnrolmentCode(models.Model):
    """The one-time code e-mailed before a first authenticator app can be set up.

    A stolen password alone must not let a thief enrol their own authenticator: the code
    proves the person also reads the account's verified address (users.enrolment). One per
    user, stored as a keyed digest, single use, short-lived, a few wrong tries at most.
    """

    user = models.OneToOneField(
        User, on_delete=models.CASCADE, related_name="totp_enrolment_code", verbose_name=_("user")
    )
    digest = models.CharField(_("digest"), max_length=128)
    expires_at = models.DateTimeField(_("expires at"))
    failed_attempts = models.PositiveSmallIntegerField(_("failed attempts"), default=0)

    class Meta:
        verbose_name = _("authenticator enrolment code")
        verbose_name_plural = _("authenticator enrolment codes")

    def __str__(self):
        return str(self.user)
