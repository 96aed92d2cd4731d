"""Helpers that tamper with signed files the way the refusal tests need."""

import io

from asn1crypto import cms
from pyhanko.pdf_utils import generic
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.pdf_utils.reader import PdfFileReader


def _flip_signature(info):
    signer_info = info["content"]["signer_infos"][0]
    value = bytearray(signer_info["signature"].native)
    value[len(value) // 2] ^= 0x01
    signer_info["signature"] = cms.OctetString(bytes(value))
    return info


def break_cades(p7m):
    """The envelope with one bit of the signature value flipped."""
    info = cms.ContentInfo.load(p7m)
    return _flip_signature(info).dump(force=True)


def break_pades(signed):
    """The signed PDF with one bit of the signature value flipped, same length."""
    reader = PdfFileReader(io.BytesIO(signed), strict=False)
    byte_range = reader.embedded_regular_signatures[0].byte_range
    start, end = byte_range[1] + 1, byte_range[2] - 1  # inside < and >
    blob = bytes.fromhex(signed[start:end].decode())
    info = cms.ContentInfo.load(blob.rstrip(b"\x00"))
    tampered = _flip_signature(info).dump(force=True).hex().encode()
    tampered = tampered.ljust(end - start, b"0")
    assert len(tampered) == end - start
    return signed[:start] + tampered + signed[end:]


def edit_incrementally(pdf):
    """Our PDF with a change appended as an incremental update (before any signature)."""
    writer = IncrementalPdfFileWriter(io.BytesIO(pdf))
    writer.root["/Lang"] = generic.TextStringObject("en")
    writer.update_root()
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def rewrite(pdf):
    """The same document saved again by another program: other bytes, same look."""
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf)))
    writer.add_metadata({"/Producer": "Another editor"})
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()
