"""A test certification authority and signers, made with `cryptography`, and signing helpers.

Keys are EC P-256 (fast to make) and made once per test session. The signer's certificate
carries the tax code as Italian qualified certificates do: serialNumber "TINIT-<CF>".
"""

import asyncio
import datetime
import io
from dataclasses import dataclass

from asn1crypto import keys as asn1_keys
from asn1crypto import x509 as asn1_x509
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.sign import fields, signers
from pyhanko_certvalidator.registry import SimpleCertificateStore

LEGAL_REPRESENTATIVE_CF = "RSSMRA80A41H501Y"
OTHER_CF = "BNCGPP75C12F205U"


def _name(common_name, tax_code=None):
    attributes = [
        x509.NameAttribute(NameOID.COUNTRY_NAME, "IT"),
        x509.NameAttribute(NameOID.COMMON_NAME, common_name),
    ]
    if tax_code:
        attributes.append(x509.NameAttribute(NameOID.SERIAL_NUMBER, f"TINIT-{tax_code}"))
    return x509.Name(attributes)


def _certificate(subject, key, issuer, issuer_key, not_before, not_after, ca=False):
    builder = (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(issuer)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(not_before)
        .not_valid_after(not_after)
        .add_extension(x509.BasicConstraints(ca=ca, path_length=None), critical=True)
        .add_extension(
            x509.KeyUsage(
                digital_signature=not ca,
                content_commitment=not ca,
                key_encipherment=False,
                data_encipherment=False,
                key_agreement=False,
                key_cert_sign=ca,
                crl_sign=ca,
                encipher_only=False,
                decipher_only=False,
            ),
            critical=True,
        )
    )
    return builder.sign(issuer_key, hashes.SHA256())


@dataclass
class Signer:
    """A certificate and key able to sign PAdES and CAdES, and its issuer's certificate."""

    certificate: x509.Certificate
    key: object
    issuer: x509.Certificate

    def _pyhanko(self):
        der = self.certificate.public_bytes(serialization.Encoding.DER)
        issuer = self.issuer.public_bytes(serialization.Encoding.DER)
        key = self.key.private_bytes(
            serialization.Encoding.DER,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
        return signers.SimpleSigner(
            signing_cert=asn1_x509.Certificate.load(der),
            signing_key=asn1_keys.PrivateKeyInfo.load(key),
            cert_registry=SimpleCertificateStore.from_certs([asn1_x509.Certificate.load(issuer)]),
        )

    def pades(self, pdf):
        """The PDF with a PAdES signature appended as an incremental update."""
        writer = IncrementalPdfFileWriter(io.BytesIO(pdf))
        meta = signers.PdfSignatureMetadata(
            field_name="Firma", subfilter=fields.SigSeedSubFilter.PADES
        )
        return signers.sign_pdf(writer, meta, signer=self._pyhanko()).getvalue()

    def cades(self, pdf):
        """A .p7m envelope (CMS SignedData) holding the PDF."""
        signer = self._pyhanko()
        envelope = asyncio.run(signer.async_sign_general_data(pdf, "sha256", detached=False))
        return envelope.dump()


@dataclass
class Pki:
    ca: x509.Certificate
    good: Signer
    wrong_signer: Signer
    expired: Signer
    untrusted: Signer

    def trust_list_pem(self):
        return self.ca.public_bytes(serialization.Encoding.PEM)


def build():
    now = datetime.datetime.now(datetime.UTC)
    year = datetime.timedelta(days=365)
    ca_key = ec.generate_private_key(ec.SECP256R1())
    ca_name = _name("Approdo Test Qualified CA")
    ca = _certificate(ca_name, ca_key, ca_name, ca_key, now - 2 * year, now + 5 * year, ca=True)
    rogue_key = ec.generate_private_key(ec.SECP256R1())
    rogue_name = _name("Rogue CA")
    rogue = _certificate(
        rogue_name, rogue_key, rogue_name, rogue_key, now - year, now + year, ca=True
    )

    def signer(cn, tax_code, issuer=ca, issuer_key=ca_key, start=now - year, end=now + year):
        key = ec.generate_private_key(ec.SECP256R1())
        cert = _certificate(_name(cn, tax_code), key, issuer.subject, issuer_key, start, end)
        return Signer(cert, key, issuer)

    return Pki(
        ca=ca,
        good=signer("Maria Rossi", LEGAL_REPRESENTATIVE_CF),
        wrong_signer=signer("Giuseppe Bianchi", OTHER_CF),
        expired=signer(
            "Maria Rossi", LEGAL_REPRESENTATIVE_CF, start=now - 2 * year, end=now - year / 2
        ),
        untrusted=signer(
            "Maria Rossi", LEGAL_REPRESENTATIVE_CF, issuer=rogue, issuer_key=rogue_key
        ),
    )
