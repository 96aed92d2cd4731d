"""Files for the upload tests, built here: plain, signed and hostile PDFs and envelopes.

Signatures use a throw-away self-signed certificate made with `cryptography`; PAdES is a PDF
with a filled /Sig field whose /Contents is a CMS blob, CAdES a SignedData wrapping the PDF.
"""

import datetime
import io
import zipfile
from functools import cache

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.hazmat.primitives.serialization import pkcs7
from cryptography.x509.oid import NameOID
from pypdf import PdfWriter
from pypdf.generic import (
    ArrayObject,
    ByteStringObject,
    DictionaryObject,
    NameObject,
    NumberObject,
    TextStringObject,
)


def pdf(pages=1, text_marker=b""):
    writer = PdfWriter()
    for _ in range(pages):
        writer.add_blank_page(width=595, height=842)
    if text_marker:
        writer.add_metadata({"/Subject": text_marker.decode()})
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


@cache
def certificate():
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    name = x509.Name(
        [
            x509.NameAttribute(NameOID.COMMON_NAME, "Maria Rossi"),
            x509.NameAttribute(NameOID.SERIAL_NUMBER, "TINIT-RSSMRA85T10A562S"),
            x509.NameAttribute(NameOID.COUNTRY_NAME, "IT"),
        ]
    )
    now = datetime.datetime.now(datetime.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(days=1))
        .not_valid_after(now + datetime.timedelta(days=365))
        .sign(key, hashes.SHA256())
    )
    return cert, key


def cms_signature(data, detached=True):
    cert, key = certificate()
    options = [pkcs7.PKCS7Options.Binary]
    if detached:
        options.append(pkcs7.PKCS7Options.DetachedSignature)
    return (
        pkcs7.PKCS7SignatureBuilder()
        .set_data(data)
        .add_signer(cert, key, hashes.SHA256())
        .sign(serialization.Encoding.DER, options)
    )


def cades(content=None):
    """A .p7m: SignedData that carries the content (a PDF unless told otherwise)."""
    return cms_signature(pdf() if content is None else content, detached=False)


def pades():
    """A PDF with a filled signature field, as signing software leaves it."""
    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    signature = DictionaryObject(
        {
            NameObject("/Type"): NameObject("/Sig"),
            NameObject("/Filter"): NameObject("/Adobe.PPKLite"),
            NameObject("/SubFilter"): NameObject("/ETSI.CAdES.detached"),
            NameObject("/Contents"): ByteStringObject(cms_signature(b"signed bytes")),
        }
    )
    field = DictionaryObject(
        {
            NameObject("/FT"): NameObject("/Sig"),
            NameObject("/T"): TextStringObject("Firma1"),
            NameObject("/V"): writer._add_object(signature),
            NameObject("/Type"): NameObject("/Annot"),
            NameObject("/Subtype"): NameObject("/Widget"),
            NameObject("/Rect"): ArrayObject([NumberObject(0)] * 4),
        }
    )
    field_ref = writer._add_object(field)
    writer.pages[0][NameObject("/Annots")] = ArrayObject([field_ref])
    writer._root_object[NameObject("/AcroForm")] = DictionaryObject(
        {
            NameObject("/Fields"): ArrayObject([field_ref]),
            NameObject("/SigFlags"): NumberObject(3),
        }
    )
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def _one_page(change):
    """A one-page PDF after ``change(writer)`` has added something to it."""
    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    change(writer)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def _open_action(kind, **entries):
    def change(writer):
        action = {NameObject("/S"): NameObject(kind)}
        action.update({NameObject(f"/{k}"): TextStringObject(v) for k, v in entries.items()})
        writer._root_object[NameObject("/OpenAction")] = DictionaryObject(action)

    return change


def with_javascript():
    return _one_page(_open_action("/JavaScript", JS="app.alert('ciao');"))


def with_launch_action():
    return _one_page(_open_action("/Launch", F="cmd.exe"))


def encrypted():
    return _one_page(
        lambda writer: writer.encrypt(
            user_password="segreto", owner_password="segreto", algorithm="AES-128"
        )
    )


def zip_file(names=("word/document.xml",)):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name in names:
            archive.writestr(name, "<xml/>")
    return buffer.getvalue()


PNG = (
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00"
    b"\x1f\x15\xc4\x89\x00\x00\x00\rIDATx\x9cc\xf8\x0f\x00\x00\x01\x01\x00\x05\x18\xd8N\x00"
    b"\x00\x00\x00IEND\xaeB`\x82"
)
JPEG = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00\xff\xd9"
ELF = b"\x7fELF\x02\x01\x01\x00" + b"\x00" * 56
PE = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00" + b"\x00" * 48 + b"PE\x00\x00"
HTML = b"<!DOCTYPE html><html><body><script>alert(1)</script></body></html>"
SVG = b'<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>'


def _raw(key, value):
    """A one-page PDF whose catalog or page gets a malformed entry."""

    def change(writer):
        target = writer.pages[0] if key == "/Annots" else writer._root_object
        target[NameObject(key)] = value

    return _one_page(change)


def malformed():
    """PDFs that open but carry broken structures signing tools or attackers leave behind."""
    from pypdf.generic import NullObject

    bad_signature = DictionaryObject(
        {
            NameObject("/FT"): NameObject("/Sig"),
            NameObject("/T"): TextStringObject("Firma"),
            NameObject("/V"): TextStringObject("abc"),
        }
    )

    def signature_field(writer):
        ref = writer._add_object(bad_signature)
        writer._root_object[NameObject("/AcroForm")] = DictionaryObject(
            {NameObject("/Fields"): ArrayObject([ref])}
        )

    return {
        "annots-null": _raw("/Annots", ArrayObject([NullObject()])),
        "annots-number": _raw("/Annots", NumberObject(7)),
        "names-number": _raw("/Names", NumberObject(5)),
        "signature-value-string": _one_page(signature_field),
    }


def _annotation(subtype, **entries):
    """A one-page PDF whose page carries one annotation with the given entries."""

    def change(writer):
        annotation = DictionaryObject(
            {
                NameObject("/Type"): NameObject("/Annot"),
                NameObject("/Subtype"): NameObject(subtype),
                NameObject("/Rect"): ArrayObject([NumberObject(n) for n in (50, 50, 150, 80)]),
                **{NameObject(f"/{k}"): v for k, v in entries.items()},
            }
        )
        writer.pages[0][NameObject("/Annots")] = ArrayObject([writer._add_object(annotation)])

    return _one_page(change)


def _action(kind, **entries):
    return DictionaryObject(
        {
            NameObject("/S"): NameObject(kind),
            **{NameObject(f"/{k}"): TextStringObject(v) for k, v in entries.items()},
        }
    )


def with_link_launching():
    """A link that starts a program when clicked (no document-level action)."""
    return _annotation("/Link", A=_action("/Launch", F="cmd.exe"))


def with_link_javascript():
    """A link that runs JavaScript when clicked (no document-level action)."""
    return _annotation("/Link", A=_action("/JavaScript", JS="app.alert('ciao');"))


def with_named_javascript():
    """Document-level JavaScript in the catalog's /Names tree, run when the PDF opens."""

    def change(writer):
        action = writer._add_object(_action("/JavaScript", JS="app.alert('ciao');"))
        tree = DictionaryObject(
            {NameObject("/Names"): ArrayObject([TextStringObject("avvio"), action])}
        )
        writer._root_object[NameObject("/Names")] = DictionaryObject(
            {NameObject("/JavaScript"): writer._add_object(tree)}
        )

    return _one_page(change)


def with_embedded_file():
    """A PDF carrying another file in its /EmbeddedFiles name tree."""
    return _one_page(lambda writer: writer.add_attachment("fattura.exe", PE))


def with_file_attachment_annotation():
    """A PDF carrying a file in a file-attachment annotation (the paper-clip icon)."""

    def change(writer):
        stream = writer._add_object(_embedded_stream(PE))
        spec = DictionaryObject(
            {
                NameObject("/Type"): NameObject("/Filespec"),
                NameObject("/F"): TextStringObject("fattura.exe"),
                NameObject("/EF"): DictionaryObject({NameObject("/F"): stream}),
            }
        )
        annotation = DictionaryObject(
            {
                NameObject("/Type"): NameObject("/Annot"),
                NameObject("/Subtype"): NameObject("/FileAttachment"),
                NameObject("/Rect"): ArrayObject([NumberObject(n) for n in (50, 50, 70, 70)]),
                NameObject("/FS"): writer._add_object(spec),
            }
        )
        writer.pages[0][NameObject("/Annots")] = ArrayObject([writer._add_object(annotation)])

    return _one_page(change)


def _embedded_stream(data):
    from pypdf.generic import DecodedStreamObject

    stream = DecodedStreamObject()
    stream.set_data(data)
    stream[NameObject("/Type")] = NameObject("/EmbeddedFile")
    return stream
