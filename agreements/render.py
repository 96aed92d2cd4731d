"""Renders a generated document: the data as plain values, the template, HTML, then PDF.

The same data and template give the same bytes (home.pdf: no dates in the metadata, a
document identifier derived from the HTML, one embedded font). That is what lets a hash
stand for "the PDF we generated" when the signed file comes back.
"""

from django.template import Context, Engine
from django.utils import formats, translation
from django.utils.html import escape

from agreements.defaults import DEFAULTS, STYLE
from agreements.models import DocumentTemplate, DocumentType, ProjectTerms
from home.pdf import direction, render_pdf  # noqa: F401 (services call render.render_pdf)
from projects.models import Project

# Staff templates get the built-in tags and filters only: no loader (so no {% include %} or
# {% extends %} of the site's templates) and no {% load %} of other libraries.
ENGINE = Engine(loaders=[], libraries={}, autoescape=True)


class NoProject(Exception):
    """No project covers the company's territory: there is nothing to generate an agreement of."""


def project_for(company):
    """The most recent project whose territories include the company's."""
    project = (
        Project.objects.filter(territories=company.territory_id).order_by("-starts_on").first()
    )
    if project is None:
        raise NoProject
    return project


def template_body(project, document_type, language):
    """The staff's template for the project, else the staff's general one, else the default."""
    rows = DocumentTemplate.objects.filter(document_type=document_type, language=language)
    row = rows.filter(project=project).first() or rows.filter(project=None).first()
    return row.body if row else DEFAULTS[(document_type, language)]


def _date(value):
    return formats.date_format(value, "DATE_FORMAT") if value else ""


def context_for(company, project, placement=None):
    """Plain values only: a template edited by staff cannot walk into related records."""
    terms = ProjectTerms.objects.filter(project=project).first()
    data = {
        "company": {
            "legal_name": company.legal_name,
            "legal_form": company.get_legal_form_display(),
            "codice_fiscale": company.codice_fiscale,
            "partita_iva": company.partita_iva,
            "address": company.address,
            "cap": company.cap,
            "comune": company.comune,
            "provincia": company.provincia,
            "pec": company.pec,
            "legal_representative": company.legal_representative,
        },
        "project": {
            "name": project.name,
            "code": project.code,
            "funder": project.funder,
            "starts_on": _date(project.starts_on),
            "ends_on": _date(project.ends_on),
        },
        "terms": {
            "promoter_name": terms.promoter_name if terms else "",
            "promoter_representative": terms.promoter_representative if terms else "",
            "insurance_inail": terms.insurance_inail if terms else "",
            "insurance_liability": terms.insurance_liability if terms else "",
        },
    }
    if placement is not None:
        site = placement.site
        tutor = placement.project_tutor
        position = placement.position
        company_tutor = placement.company_tutor_name
        if placement.company_tutor_role:
            company_tutor += f" ({placement.company_tutor_role})"
        data["placement"] = {
            # The person's code and preferred name only: nothing else of them is printed.
            "intern_code": placement.participant.code,
            "intern_name": placement.participant.display_name,
            "role": position.title if position else "",
            "tasks": position.tasks if position else "",
            "site": f"{site.name}, {site.address}, {site.cap} {site.comune} ({site.provincia})",
            "weekly_hours": placement.weekly_hours,
            "schedule": placement.schedule,
            "starts_on": _date(placement.starts_on),
            "ends_on": _date(placement.ends_on),
            "project_tutor": (tutor.get_full_name() or tutor.email) if tutor else "",
            "company_tutor": company_tutor,
        }
    return data


def render_html(company, document_type, language, placement=None):
    project = project_for(company)
    body = template_body(project, document_type, language)
    with translation.override(language):
        data = context_for(company, project, placement)
        inner = ENGINE.from_string(body).render(Context(data, autoescape=True))
        title = str(DocumentType(document_type).label)
    return (
        f'<!DOCTYPE html><html lang="{language}" dir="{direction(language)}">'
        '<head><meta charset="utf-8">'
        f"<title>{escape(title)} · {escape(company.legal_name)}</title>"
        f"<style>{STYLE}</style></head><body>{inner}</body></html>"
    )
