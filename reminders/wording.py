"""The shipped wording of each reminder and of the digest, with $placeholders.

Staff replace it per kind and language in Settings → E-mail wording (mail.wording); both
are filled with the same plain values, so a replaced wording offers the same placeholders.
"""

from django.utils.translation import gettext_lazy as _

from reminders.models import Kind

DEFAULTS = {
    Kind.DOSSIER_IDLE: (
        _("Your dossier for $company is still a draft"),
        _(
            "The dossier of $company has not changed since $since and has not been sent "
            "yet.\n\nComplete it and send it to the project staff from your dashboard:\n$url"
        ),
    ),
    Kind.CHANGES_UNANSWERED: (
        _("Changes still to make to the dossier of $company"),
        _(
            "On $since the project staff asked you to change the dossier of $company, and it "
            "has not been sent again yet.\n\n$message\n\nUpdate the dossier and send it again "
            "from your dashboard:\n$url"
        ),
    ),
    Kind.DOCUMENTS_MISSING: (
        _("Documents still missing for $company"),
        _(
            "The dossier of $company was approved, but these required documents are still "
            "missing or were rejected:\n$documents\n\nUpload them here:\n$url"
        ),
    ),
    Kind.AGREEMENT_EXPIRING: (
        _("The agreement of $company expires on $expires"),
        _(
            "The signed agreement of $company expires on $expires. Sign and upload a new one "
            "in time to keep hosting interns:\n$url"
        ),
    ),
    Kind.ATTENDANCE_MONTH: (
        _("Confirm the internship attendance of $month"),
        _(
            "$company has not yet confirmed the days and hours of $month for the internship "
            "at $workplace.\n\nConfirm them here:\n$url"
        ),
    ),
    Kind.QUEUE_WAITING: (
        _("Review queue: $count waiting for more than $days days"),
        _(
            "These items in your territories have waited for review for more than $days "
            "days:\n$items\n\nOpen the queue:\n$url"
        ),
    ),
    Kind.STATEMENTS_WAITING: (
        _("Allowance statements waiting for your approval: $count"),
        _(
            "$count checked allowance statements have waited for approval for more than "
            "$days days.\n\nApprove them here:\n$url"
        ),
    ),
    Kind.FOLLOW_UP_OVERDUE: (
        _("Follow-up of $code overdue"),
        _(
            "The six-month follow-up of $code was due on $due and has not been recorded "
            "yet.\n\nRecord it on the person's page:\n$url"
        ),
    ),
    Kind.DIGEST: (
        _("Your week at $site"),
        _(
            "Here is your week.\n\n$summary\n\nOpen the back office:\n$url\n\n"
            "You receive this digest every week. To stop it: $unsubscribe"
        ),
    ),
}
