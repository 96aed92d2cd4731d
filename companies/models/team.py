"""Joining a company's team: invitations sent by its admins, requests sent by users."""

import datetime
import uuid

from django.conf import settings
from django.core import signing
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from companies.models.membership import MembershipRole
from lifecycle import Machine, Transition

INVITATION_VALIDITY = datetime.timedelta(days=7)
INVITATION_SALT = "companies.invitation"


class InvitationState(models.TextChoices):
    PENDING = "pending", _("Pending")
    ACCEPTED = "accepted", _("Accepted")
    REVOKED = "revoked", _("Revoked")
    EXPIRED = "expired", _("Expired")


class Invitation(models.Model):
    """An admin's invitation to an e-mail address: single use, revocable, valid for 7 days.

    The link carries ``key`` signed with the project's secret, so the key alone (e.g. read
    from a database copy) is not enough to build a working link without SECRET_KEY.
    """

    company = models.ForeignKey(
        "companies.Company", on_delete=models.CASCADE, related_name="invitations"
    )
    email = models.EmailField(_("e-mail"))
    role = models.CharField(
        _("role"), max_length=10, choices=MembershipRole.choices, default=MembershipRole.MEMBER
    )
    key = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    language = models.CharField(_("language"), max_length=10, blank=True)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("sent"), default=timezone.now)
    expires_at = models.DateTimeField(_("expires"), blank=True)
    accepted_at = models.DateTimeField(_("accepted"), null=True, blank=True)
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True)

    class Meta:
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return f"{self.email} → {self.company}"

    def save(self, *args, **kwargs):
        if self.expires_at is None:
            self.expires_at = self.created_at + INVITATION_VALIDITY
        super().save(*args, **kwargs)

    @property
    def state(self):
        if self.accepted_at:
            return InvitationState.ACCEPTED
        if self.revoked_at:
            return InvitationState.REVOKED
        if self.expires_at <= timezone.now():
            return InvitationState.EXPIRED
        return InvitationState.PENDING

    def get_state_display(self):
        return InvitationState(self.state).label

    @property
    def is_pending(self):
        return self.state == InvitationState.PENDING

    @property
    def token(self):
        return signing.Signer(salt=INVITATION_SALT).sign(self.key.hex)

    @classmethod
    def key_from_token(cls, token):
        """The key a link carries, or None when the link was altered or made up."""
        try:
            return signing.Signer(salt=INVITATION_SALT).unsign(token)
        except signing.BadSignature:
            return None


class JoinRequestStatus(models.TextChoices):
    PENDING = "pending", _("Waiting for an answer")
    APPROVED = "approved", _("Approved")
    REFUSED = "refused", _("Refused")


# An admin answers a request once; accepting an invitation approves the person's open one.
JOIN_REQUEST = Machine(
    "status",
    Transition("approve", {JoinRequestStatus.PENDING}, JoinRequestStatus.APPROVED),
    Transition("refuse", {JoinRequestStatus.PENDING}, JoinRequestStatus.REFUSED),
)


class JoinRequest(models.Model):
    """A user asks to join a company already registered with the same partita IVA."""

    company = models.ForeignKey(
        "companies.Company", on_delete=models.CASCADE, related_name="join_requests"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="join_requests"
    )
    message = models.TextField(_("message to the administrators"), max_length=500, blank=True)
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=JoinRequestStatus.choices,
        default=JoinRequestStatus.PENDING,
    )
    created_at = models.DateTimeField(_("sent"), default=timezone.now)
    decided_at = models.DateTimeField(_("answered"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("request to join")
        verbose_name_plural = _("requests to join")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["company", "user"],
                condition=models.Q(status="pending"),
                name="one_pending_join_request",
            )
        ]

    def __str__(self):
        return f"{self.user} → {self.company} ({self.status})"
