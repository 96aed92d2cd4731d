"""The mail app's models, defined next to the code that uses them: the outbox
(mail.outbox) and the staff-edited wording of the notifications (mail.wording)."""

from mail.outbox import OutgoingEmail
from mail.wording import EmailWording

__all__ = ["EmailWording", "OutgoingEmail"]
