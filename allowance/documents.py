"""A statement as a PDF for the person, in their preferred language (Arabic right to left).

The page shows what the statement page shows: the month, the project, and every step of
the calculation in plain words (allowance.explanation), so the person can follow each euro.
home.pdf turns the HTML into the same bytes every time.
"""

from django.template.loader import render_to_string
from django.utils import translation

from allowance import explanation
from home.pdf import direction, render_pdf


def language_of(statement):
    return statement.path.participant.preferred_language or "it"


def statement_html(statement):
    """The statement's page as HTML, in the person's language."""
    language = language_of(statement)
    person = statement.path.participant
    with translation.override(language):
        return render_to_string(
            "allowance/statement_pdf.html",
            {
                "statement": statement,
                "person": person,
                "lines": explanation.lines(statement.explanation),
                "total": explanation.money(statement.amount),
                "language": language,
                "direction": direction(language),
            },
        )


def statement_pdf(statement):
    return render_pdf(statement_html(statement))


def filename(statement):
    return f"statement-{statement.path.participant.code}-{statement.month:%Y-%m}.pdf"
