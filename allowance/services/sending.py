"""Sending an approved statement to the person, as a PDF attached to an e-mail in their language.

Only an approved statement is sent: it never changes afterwards, so what the person keeps is
what is paid. The outbox erases the attachment and the text once the mail server has accepted
them (the PDF can be made again from the statement); the audit log records each sending.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from allowance import documents
from allowance.models import State, Statement
from allowance.services.errors import NotPermitted
from allowance.services.statements import visible_statements
from mail.outbox import queue_email

PERMISSION = "allowance.check_statement"


@transaction.atomic
def send_to_person(user, statement):
    """Queues the statement's PDF to the person's e-mail address; returns the statement."""
    if not user.has_perm(PERMISSION):
        raise NotPermitted
    statement = (
        visible_statements(user)
        .select_for_update(of=("self",))
        .select_related("path__participant", "project")
        .filter(pk=statement.pk)
        .first()
    )
    if statement is None:
        raise NotPermitted
    if statement.state != State.APPROVED:
        raise ValidationError(_("Only an approved statement can be sent to the person."))
    person = statement.path.participant
    if not person.email:
        raise ValidationError(_("The person has no e-mail address: print the PDF instead."))
    language = documents.language_of(statement)
    with translation.override(language):
        context = {"statement": statement, "person": person, "project": statement.project}
        subject = " ".join(
            render_to_string("allowance/email/statement_subject.txt", context).split()
        )
        text = render_to_string("allowance/email/statement.txt", context)
    queue_email(
        "allowance.statement",
        person.email,
        language,
        subject,
        text,
        erase_after_send=True,
        attachment=(
            documents.filename(statement),
            documents.statement_pdf(statement),
            "application/pdf",
        ),
    )
    statement.sent_at = timezone.now()
    Statement.objects.filter(pk=statement.pk).update(sent_at=statement.sent_at)
    log(statement, "approdo.allowance.sent", user=user, data={"language": language})
    return statement
