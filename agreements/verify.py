"""Verifies a signed upload: our document, a valid signature, an entitled signer.

(a) The bytes that were signed are a PDF Approdo generated: for PAdES, the revision before
the first signature (what the signature's ByteRange covers up to it); for CAdES (.p7m), the
envelope's content. Their SHA-256 must equal a generated version's.
(b) The signature is intact, the certificate was valid at the signing time and chains to the
deployer's trust list (APPRODO_TRUSTED_CERTIFICATES, a PEM bundle), checked by pyHanko.
(c) The certificate's tax code belongs to the company's legal representative or a delegate.

(a) and (b) failing refuse the file with a translated message (SignatureRefused); (c) is a
verdict staff see and must accept explicitly.
"""

import asyncio
import datetime
import hashlib
import io
import logging
import os
import re
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from functools import lru_cache

from asn1crypto import cms
from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from pyhanko.keys import load_certs_from_pemder
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign.diff_analysis import ModificationLevel
from pyhanko.sign.validation import validate_pdf_signature
from pyhanko.sign.validation.generic_cms import (
    async_validate_cms_signature,
    extract_self_reported_ts,
)
from pyhanko.sign.validation.status import StandardCMSSignatureStatus
from pyhanko_certvalidator import ValidationContext

from agreements.models import Verdict

logger = logging.getLogger(__name__)

# Clocks differ: a signature a few minutes "before" the download is still after it.
CLOCK_TOLERANCE = datetime.timedelta(minutes=10)
# Later revisions that keep the signed document as it was (another signature, validation data).
HARMLESS_CHANGES = {ModificationLevel.NONE, ModificationLevel.LTA_UPDATES}
MAX_MARKERS = 4
TAX_CODE = re.compile(r"^(?:TINIT-|IT:)?([A-Z0-9]{11,16})$")


class SignatureRefused(Exception):
    """The signed file cannot be accepted; ``message`` is shown to the company."""

    def __init__(self, message, code):
        self.message = message
        self.code = code
        super().__init__(code)


MESSAGES = {
    "not_signed": _(
        "The file carries no digital signature: sign the PDF you downloaded from this page "
        "(PAdES, or CAdES as .p7m) and upload the signed file."
    ),
    "not_ours": _(
        "This is not the document Approdo generated for you: download it from this page, "
        "sign it without changing it, and upload the signed file."
    ),
    "outdated": _(
        "This is an older version of the document: the data has changed since. Download the "
        "current version from this page, sign it and upload it."
    ),
    "broken": _(
        "The signature does not match the file: the document was changed after it was signed "
        "or the signature is damaged. Sign the downloaded document again."
    ),
    "modified": _(
        "The document was changed after it was signed. Sign the downloaded document again "
        "and upload it without further changes."
    ),
    "expired": _(
        "The signing certificate was not valid when the document was signed (expired or not "
        "yet valid). Sign with a valid certificate."
    ),
    "untrusted": _(
        "The signing certificate was not issued by a trusted certification authority: sign "
        "with a qualified electronic signature."
    ),
    "signing_time": _(
        "The signing time in the signature is before the document was generated or in the "
        "future: check the clock of the signing device and sign again."
    ),
    "no_trust_list": _(
        "Signatures cannot be verified at the moment. Please try again later or contact the "
        "project staff."
    ),
    "unreadable": _("The signed file cannot be read: sign the downloaded PDF again."),
}


def refuse(code):
    raise SignatureRefused(MESSAGES[code], code)


@dataclass
class Result:
    """What the three checks found, stored with the signed version."""

    signature_format: str  # pades | cades
    generated: object  # the GeneratedDocument matched
    signer_name: str
    signer_tax_code: str
    signed_at: datetime.datetime
    signer_verdict: str
    details: dict = field(default_factory=dict)


@lru_cache(maxsize=4)
def _trust_roots(path, mtime):
    return tuple(load_certs_from_pemder([path]))


def trust_roots():
    """The deployer's trust list, reloaded when the file changes; empty when not configured."""
    path = getattr(settings, "APPRODO_TRUSTED_CERTIFICATES", "")
    if not path:
        return ()
    try:
        return _trust_roots(str(path), os.stat(path).st_mtime_ns)
    except (OSError, ValueError):
        logger.exception("The trust list %s cannot be read", path)
        return ()


def _match(signed_bytes, candidates, current):
    """The generated version whose bytes were signed; refuses others and older ones."""
    sha = hashlib.sha256(signed_bytes).hexdigest()
    generated = candidates.get(sha)
    if generated is None:
        refuse("not_ours")
    if sha not in current:
        refuse("outdated")
    return generated, sha


def _pades_signed_revision(data, first):
    """The bytes of the revision before the first signature, as candidates to hash.

    The file must be our PDF with the signature appended as an incremental update: the
    prefix that ends at an end-of-file marker before the signature's /Contents and holds
    exactly the revisions before the signed one.
    """
    byte_range = first.byte_range
    if len(byte_range) != 4 or byte_range[0] != 0:
        refuse("broken")
    limit = int(byte_range[1])
    # The revision before the signature ends at one of the last end-of-file markers before
    # its /Contents; looking at a few only keeps a file full of markers cheap.
    markers = list(re.finditer(rb"%%EOF(\r\n|\r|\n)?", data[:limit]))[-MAX_MARKERS:]
    for found in reversed(markers):
        prefix = data[: found.end()]
        try:
            revisions = PdfFileReader(io.BytesIO(prefix), strict=False).xrefs.total_revisions
        except Exception:  # noqa: S112 - a cut that is no PDF is simply not a candidate
            continue
        if revisions == first.signed_revision:
            yield prefix


def _signer_facts(certificate):
    subject = certificate.subject.native
    serial = str(subject.get("serial_number", "")).strip().upper()
    match = TAX_CODE.match(serial)
    return certificate.subject.human_friendly, match.group(1) if match else ""


def _signing_time(claimed, generated_at):
    """The time the signer claims (signingTime, or the PDF's /M), checked as plausible.

    It must lie between the generation of the document and now: a certificate is judged at
    this moment, so a signer may not move it back into the certificate's validity.
    """
    claimed = claimed or timezone.now()
    if claimed < generated_at - CLOCK_TOLERANCE or claimed > timezone.now() + CLOCK_TOLERANCE:
        refuse("signing_time")
    return claimed


def _context(moment):
    roots = trust_roots()
    if not roots:
        logger.error("APPRODO_TRUSTED_CERTIFICATES is not set or empty: signatures refused")
        refuse("no_trust_list")
    return ValidationContext(
        trust_roots=list(roots),
        moment=moment,
        allow_fetching=getattr(settings, "APPRODO_SIGNATURE_FETCH_REVOCATION", False),
        revocation_mode="soft-fail",
    )


def _judge(status, moment):
    """Refuses a broken, out-of-validity or untrusted signature."""
    if not (status.intact and status.valid):
        refuse("broken")
    certificate = status.signing_cert
    validity = certificate["tbs_certificate"]["validity"]
    if not (validity["not_before"].native <= moment <= validity["not_after"].native):
        refuse("expired")
    if not status.trusted or status.revoked:
        refuse("untrusted")


def verify(data, candidates, current, signatories):
    """Runs the three checks on the uploaded bytes; returns a Result or raises SignatureRefused.

    ``candidates`` maps the SHA-256 of every version generated for this slot to its
    GeneratedDocument; ``current`` is the set of hashes of what the data gives today;
    ``signatories`` maps tax codes to the role of the person.
    """
    if data.startswith(b"%PDF-"):
        return _verify_pades(data, candidates, current, signatories)
    return _verify_cades(data, candidates, current, signatories)


def _verify_pades(data, candidates, current, signatories):
    try:
        reader = PdfFileReader(io.BytesIO(data), strict=False)
        signatures = reader.embedded_regular_signatures
    except Exception:
        refuse("unreadable")
    if not signatures:
        refuse("not_signed")
    first = signatures[0]
    prefixes = list(_pades_signed_revision(data, first))
    if not prefixes:
        refuse("not_ours")
    signed = next(
        (p for p in prefixes if hashlib.sha256(p).hexdigest() in candidates), prefixes[-1]
    )
    generated, sha = _match(signed, candidates, current)
    moment = _signing_time(first.self_reported_timestamp, generated.created_at)
    try:
        status = _outside_event_loop(
            validate_pdf_signature, first, signer_validation_context=_context(moment)
        )
    except SignatureRefused:
        raise
    except Exception:
        logger.exception("PAdES validation failed on an upload")
        refuse("broken")
    _judge(status, moment)
    if status.modification_level not in HARMLESS_CHANGES:
        refuse("modified")
    return _result("pades", generated, sha, status, moment, signatories, len(signatures))


def _outside_event_loop(function, *args, **kwargs):
    """Calls a synchronous pyHanko entry point, which runs its coroutines with ``asyncio.run``.

    That refuses to start inside a thread whose event loop is already running (an async
    server's thread, or a test process driving a browser); there the call gets a thread of
    its own.
    """
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return function(*args, **kwargs)
    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(function, *args, **kwargs).result()


def _verify_cades(data, candidates, current, signatories):
    try:
        info = cms.ContentInfo.load(data, strict=True)
        signed_data = info["content"]
        content = signed_data["encap_content_info"]["content"].native
        signer_info = signed_data["signer_infos"][0]
    except (ValueError, TypeError, KeyError, IndexError):
        refuse("not_signed")
    if not isinstance(content, bytes):
        refuse("not_ours")
    generated, sha = _match(content, candidates, current)
    moment = _signing_time(extract_self_reported_ts(signer_info), generated.created_at)
    try:
        status = _outside_event_loop(
            asyncio.run,
            async_validate_cms_signature(
                signed_data,
                status_cls=StandardCMSSignatureStatus,
                validation_context=_context(moment),
            ),
        )
    except SignatureRefused:
        raise
    except Exception:
        logger.exception("CAdES validation failed on an upload")
        refuse("broken")
    _judge(status, moment)
    count = len(signed_data["signer_infos"])
    return _result("cades", generated, sha, status, moment, signatories, count)


def _result(signature_format, generated, sha, status, moment, signatories, count):
    name, tax_code = _signer_facts(status.signing_cert)
    role = signatories.get(tax_code) if tax_code else None
    anchor = status.validation_path.trust_anchor if status.validation_path else None
    try:
        anchor_name = anchor.authority.name.human_friendly
    except AttributeError:
        anchor_name = ""
    return Result(
        signature_format=signature_format,
        generated=generated,
        signer_name=name[:500],
        signer_tax_code=tax_code,
        signed_at=moment,
        signer_verdict=Verdict.PASSED if role else Verdict.WARNING,
        details={
            "signed_sha256": sha,
            "generated_version": generated.version,
            "signatures": count,
            "trust_anchor": anchor_name,
            "certificate_serial": str(status.signing_cert.serial_number),
            "signer_role": role or "",
        },
    )
