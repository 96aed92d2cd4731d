"""Checks an uploaded agreement by its content before anything is kept.

Accepted: a PDF that a PDF library can open (not encrypted against reading), or a CAdES
``.p7m`` (PKCS#7 SignedData) whose content is such a PDF. Extensions and the browser's
content type are never trusted. The result says whether a signature is present (PAdES in
the PDF, or the CAdES envelope) and, when readable, the signer's certificate subject; the
signature is not verified (certificate chains are later work). PDFs with JavaScript or
launch actions are accepted but flagged for staff; PDFs carrying embedded files are refused,
or accepted and flagged where APPRODO_PDF_EMBEDDED_FILES is "flag".
"""

import hashlib
import io
import re
import unicodedata
from dataclasses import dataclass, field

import filetype
from asn1crypto import cms
from django.conf import settings
from django.utils.translation import gettext_lazy as _
from pypdf import PdfReader

PDF = "application/pdf"
P7M = "application/pkcs7-mime"
CHUNK = 64 * 1024


class UploadRefused(Exception):
    """The file cannot be accepted; ``message`` is shown to the company (translated)."""

    def __init__(self, message, code):
        self.message = message
        self.code = code
        super().__init__(code)


@dataclass
class Inspection:
    """What the content check found, stored with the document for staff."""

    content_type: str
    size: int
    sha256: str
    name: str = ""
    signature: str = "none"  # none | pades | cades
    signer: str = ""
    flags: list = field(default_factory=list)  # "javascript", "launch", "embedded_files"


# Characters that change how a name reads without being visible (right-to-left override…).
BIDI_CONTROLS = set("\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
RISKY_INNER = {
    "exe", "com", "bat", "cmd", "scr", "msi", "js", "vbs", "ps1", "sh", "jar",
    "html", "htm", "svg", "zip", "docm", "xlsm",
}  # fmt: skip
ALLOWED_SUFFIXES = {"pdf", "p7m"}


def check_name(name):
    """Refuses misleading or dangerous names; returns the name to show (never stored on disk).

    The stored file always gets a random name; this only keeps what people read honest.
    """
    name = unicodedata.normalize("NFC", name or "")
    # Django cuts longer names to 255 characters, so anything that long was longer still.
    if not name or len(name) > 200:
        raise UploadRefused(_("The file name is missing or too long: rename the file."), "name")
    if any(unicodedata.category(ch)[0] == "C" or ch in BIDI_CONTROLS for ch in name):
        raise UploadRefused(
            _("The file name contains invisible or control characters: rename the file."),
            "name_characters",
        )
    if "/" in name or "\\" in name or name.strip(".") == "":
        raise UploadRefused(_("The file name contains a path: rename the file."), "name_path")
    parts = name.lower().split(".")
    # The content is checked later; the name alone tells what to fix here.
    if len(parts) < 2:
        raise UploadRefused(
            _(
                "Only PDF files, or PDF files signed digitally (.p7m), can be uploaded: this "
                "file name has no extension. If it is a PDF, rename it so that it ends in .pdf."
            ),
            "no_suffix",
        )
    if parts[-1] not in ALLOWED_SUFFIXES:
        raise UploadRefused(
            _(
                "Only PDF files, or PDF files signed digitally (.p7m), can be uploaded: this "
                "file name ends in “.%(suffix)s”. If it is a PDF, rename it so that it ends "
                "in .pdf."
            )
            % {"suffix": parts[-1][:20]},
            "suffix",
        )
    if any(part in RISKY_INNER for part in parts[1:-1]):
        raise UploadRefused(
            _("The file name has a double extension (e.g. .exe.pdf): rename the file."),
            "double_extension",
        )
    name = re.sub(r"\s+", " ", name).strip()
    return name if len(name) <= 120 else name[:110] + "…" + name[-8:]


def digest(uploaded):
    sha = hashlib.sha256()
    size = 0
    uploaded.seek(0)
    for chunk in iter(lambda: uploaded.read(CHUNK), b""):
        sha.update(chunk)
        size += len(chunk)
    uploaded.seek(0)
    return sha.hexdigest(), size


def _read_pdf(stream):
    """Opens a PDF and reads its signature state and risky actions, or refuses it.

    Any error while walking a malformed structure is a refusal, never a crash.
    """
    reader = _open_pdf(stream)
    try:
        signature, signer, flags = _pdf_signature_and_flags(reader)
    except Exception as error:
        raise UploadRefused(
            _("The file looks like a PDF but cannot be read: export it again as PDF."),
            "broken_pdf",
        ) from error
    if "embedded_files" in flags and settings.APPRODO_PDF_EMBEDDED_FILES != "flag":
        raise UploadRefused(
            _(
                "The PDF contains attached files, which cannot be accepted: export the "
                "document again as PDF without attachments."
            ),
            "embedded_files",
        )
    return signature, signer, flags


def _open_pdf(stream):
    """Opens a PDF for reading or refuses it; encrypted PDFs are refused."""
    try:
        reader = PdfReader(stream, strict=False)
        if reader.is_encrypted:
            raise UploadRefused(
                _("The PDF is protected by a password: upload it without protection."),
                "encrypted",
            )
        if len(reader.pages) < 1:
            raise UploadRefused(_("The PDF has no pages."), "empty_pdf")
    except UploadRefused:
        raise
    except Exception as error:
        raise UploadRefused(
            _("The file looks like a PDF but cannot be read: export it again as PDF."),
            "broken_pdf",
        ) from error
    return reader


def _pdf_signature_and_flags(reader):
    """PAdES signature presence (a filled /Sig field) and risky actions in the PDF."""
    signature, signer = "none", ""
    fields = reader.get_fields() or {}
    for value in fields.values():
        if value.get("/FT") == "/Sig" and value.get("/V") is not None:
            signature = "pades"
            contents = value["/V"].get_object().get("/Contents")
            if contents:
                signer = _signer(bytes(contents))
            break
    flags = []
    root = reader.trailer["/Root"]
    names = root.get("/Names")
    if (names and "/JavaScript" in names.get_object()) or _has_action(root, "/JavaScript"):
        flags.append("javascript")
    if _has_action(root, "/Launch"):
        flags.append("launch")
    if names and "/EmbeddedFiles" in names.get_object():
        flags.append("embedded_files")
    for page in reader.pages:
        for annotation in page.get("/Annots") or []:
            annotation = annotation.get_object()
            if annotation.get("/Subtype") == "/FileAttachment" and "embedded_files" not in flags:
                flags.append("embedded_files")
            action = annotation.get("/A")
            if action is not None:
                kind = action.get_object().get("/S")
                if kind == "/JavaScript" and "javascript" not in flags:
                    flags.append("javascript")
                if kind == "/Launch" and "launch" not in flags:
                    flags.append("launch")
    return signature, signer, flags


def _has_action(root, kind):
    action = root.get("/OpenAction")
    if action is None:
        return False
    action = action.get_object()
    return isinstance(action, dict) and action.get("/S") == kind


def _signer(der):
    """The subject of the first certificate in a CMS blob, or "" when unreadable."""
    try:
        info = cms.ContentInfo.load(der)
        certificates = info["content"]["certificates"]
        if certificates:
            return certificates[0].chosen.subject.human_friendly
    except (ValueError, TypeError, KeyError):
        pass
    return ""


def inspect(uploaded, name):
    """Checks the file's content; returns an Inspection or raises UploadRefused.

    ``name`` is the display name check_name() returned: the caller checks the name first,
    before the virus scan, so no library reads a file whose name was already refused.
    """
    sha256, size = digest(uploaded)
    if size == 0:
        raise UploadRefused(_("The file is empty."), "empty")
    head = uploaded.read(8192)
    uploaded.seek(0)
    kind = filetype.guess(head)
    if head.startswith(b"%PDF-") or (kind is not None and kind.mime == PDF):
        signature, signer, flags = _read_pdf(uploaded)
        uploaded.seek(0)
        return Inspection(PDF, size, sha256, name, signature, signer, flags)
    # Not a PDF: the only other accepted form is a DER-encoded CMS SignedData (.p7m).
    data = uploaded.read()
    uploaded.seek(0)
    try:
        info = cms.ContentInfo.load(data, strict=True)
        if info["content_type"].native != "signed_data":
            raise ValueError("not SignedData")
        signed = info["content"]
        content = signed["encap_content_info"]["content"].native
    except (ValueError, TypeError, KeyError) as error:
        raise UploadRefused(
            _("Only PDF files, or PDF files signed digitally (.p7m), can be uploaded."),
            "not_pdf",
        ) from error
    if not isinstance(content, bytes) or not content.startswith(b"%PDF-"):
        raise UploadRefused(
            _("The signed file (.p7m) does not contain a PDF: sign the PDF of the document."),
            "p7m_not_pdf",
        )
    _signature, _signer_name, flags = _read_pdf(io.BytesIO(content))
    return Inspection(P7M, size, sha256, name, "cades", _signer(data), flags)
