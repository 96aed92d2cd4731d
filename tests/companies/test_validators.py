"""P.IVA, codice fiscale and ATECO 2025 validation with real valid and invalid examples."""

import pytest
from django.core.exceptions import ValidationError

from companies.validators import (
    ateco_section,
    ateco_title,
    normalize_ateco,
    validate_ateco,
    validate_codice_fiscale,
    validate_partita_iva,
)


@pytest.mark.parametrize(
    "number",
    [
        "06363391001",  # Agenzia delle Entrate
        "00743110157",  # a Milan company (office 015)
        "00010000529",
    ],
)
def test_valid_partita_iva(number):
    validate_partita_iva(number)


@pytest.mark.parametrize(
    ("number", "code"),
    [
        ("06363391002", "invalid_checksum"),
        ("0636339100", "invalid_length"),
        ("063633910011", "invalid_length"),
        ("0636339100A", "invalid_format"),
        ("00000000000", "invalid_format"),
        ("12345671234", "invalid_office"),
    ],
)
def test_invalid_partita_iva(number, code):
    with pytest.raises(ValidationError) as error:
        validate_partita_iva(number)
    assert error.value.code == code


@pytest.mark.parametrize("value", ["06363391001", "RSSMRA85T10A562S", "rssmra85t10a562s"])
def test_valid_codice_fiscale(value):
    validate_codice_fiscale(value)


@pytest.mark.parametrize("value", ["06363391002", "RSSMRA85T10A562X", "RSSMRA85T10", "1234"])
def test_invalid_codice_fiscale(value):
    with pytest.raises(ValidationError):
        validate_codice_fiscale(value)


def test_ateco_2025_codes_are_checked_against_the_classification():
    validate_ateco("56.11.11")
    validate_ateco("561111")  # compact form accepted
    assert normalize_ateco("561111") == "56.11.11"
    assert ateco_title("56.11.11").startswith("Attività di ristoranti")
    assert ateco_section("56.11.11") == "I"
    with pytest.raises(ValidationError) as error:
        validate_ateco("56.10.11")  # an ATECO 2007 code that 2025 dropped
    assert error.value.code == "unknown"
    with pytest.raises(ValidationError) as error:
        validate_ateco("56")  # a division, not an activity
    assert error.value.code == "too_general"
    with pytest.raises(ValidationError):
        validate_ateco("")
