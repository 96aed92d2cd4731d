"""Validators for Italian company identifiers, backed by maintained data libraries.

P.IVA and codice fiscale checksums come from python-stdnum; ATECO 2025 codes and titles
from the `ateco` package (ISTAT classification shipped as data).
"""

import ateco
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from stdnum.exceptions import (
    InvalidChecksum,
    InvalidComponent,
    InvalidFormat,
    InvalidLength,
)
from stdnum.exceptions import ValidationError as StdnumError
from stdnum.it import codicefiscale, iva

ATECO_EDITION = "2025"
# Only the most detailed level identifies an activity; sections and divisions are groupings.
ATECO_LEVELS = {"subcategory", "category"}


def normalize_partita_iva(value):
    return iva.compact(value or "")


def validate_partita_iva(value):
    """An 11-digit Italian VAT number with a valid check digit."""
    try:
        iva.validate(value)
    except InvalidLength:
        raise ValidationError(_("A partita IVA has 11 digits."), code="invalid_length") from None
    except InvalidFormat:
        raise ValidationError(
            _("A partita IVA contains digits only."), code="invalid_format"
        ) from None
    except InvalidComponent:
        raise ValidationError(
            _("Digits 8 to 10 of a partita IVA must be a tax-office code: check the number."),
            code="invalid_office",
        ) from None
    except InvalidChecksum:
        raise ValidationError(
            _("This partita IVA is not valid: check the digits (the last one is a check digit)."),
            code="invalid_checksum",
        ) from None
    except StdnumError:
        raise ValidationError(_("This partita IVA is not valid."), code="invalid") from None


def normalize_codice_fiscale(value):
    return codicefiscale.compact(value or "")


def validate_codice_fiscale(value):
    """A company's codice fiscale: 11 digits (companies) or 16 characters (sole traders)."""
    compact = normalize_codice_fiscale(value)
    if len(compact) == 11:
        try:
            iva.validate(compact)
        except StdnumError:
            raise ValidationError(
                _("This 11-digit codice fiscale is not valid: check the digits."),
                code="invalid_checksum",
            ) from None
        return
    try:
        codicefiscale.validate(compact)
    except InvalidLength:
        raise ValidationError(
            _("A codice fiscale has 11 digits (companies) or 16 characters (individuals)."),
            code="invalid_length",
        ) from None
    except StdnumError:
        raise ValidationError(
            _("This codice fiscale is not valid: check the characters."), code="invalid"
        ) from None


def ateco_node(code):
    """The ATECO 2025 entry for a code (dotted or compact), or None."""
    if not code:
        return None
    try:
        return ateco.lookup(code.strip(), edition=ATECO_EDITION)
    except (ValueError, KeyError):
        return None


def normalize_ateco(value):
    node = ateco_node(value)
    return node.code if node else (value or "").strip()


def validate_ateco(value):
    """A code of the ATECO 2025 classification at category or subcategory level."""
    node = ateco_node(value)
    if node is None:
        raise ValidationError(
            _("%(code)s is not an ATECO 2025 code."), code="unknown", params={"code": value}
        )
    if node.level not in ATECO_LEVELS:
        raise ValidationError(
            _("%(code)s is a group of activities: give the full code (e.g. 56.11.10)."),
            code="too_general",
            params={"code": node.code},
        )


def ateco_title(code):
    """The Italian description of an ATECO 2025 code, or an empty string."""
    node = ateco_node(code)
    return node.title if node else ""


def ateco_section(code):
    """The section letter (A–V) of an ATECO 2025 code, for staff filters."""
    node = ateco_node(code)
    while node is not None and node.level != "section":
        node = ateco_node(node.parent) if node.parent else None
    return node.code if node else ""
