"""Signed certificate PDFs (PAdES): a certificate issued through the real
service carries the institution's signature, pyHanko's validator trusts it
with the session's test CA, and changing the file breaks it."""

import datetime
import hashlib
import io
import os
import stat

import pytest
from asn1crypto import keys as asn1_keys
from asn1crypto import x509 as asn1_x509
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from pyhanko.keys import load_cert_from_pemder
from pyhanko.pdf_utils import generic
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.pdf_utils.misc import PdfError
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign.diff_analysis import ModificationLevel
from pyhanko.sign.fields import MDPPerm
from pyhanko.sign.timestamps.dummy_client import DummyTimeStamper
from pyhanko.sign.validation import validate_pdf_signature
from pyhanko.sign.validation.errors import SignatureValidationError
from pyhanko.sign.validation.status import SignatureCoverageLevel
from pyhanko_certvalidator import ValidationContext
from pypdf import PdfReader

from certificados import signing
from certificados.checks import check_signing_key
from certificados.demo_signing import (
    CA_NAME,
    SIGNER_NAME,
    build_demo_chain,
    write_demo_credentials,
)
from certificados.models import Certificate, CertificateVersion
from certificados.pdf import render_certificate_pdf
from certificados.services import reissue, render_and_store
from tests.forms import post_form

pytestmark = pytest.mark.django_db
VERIFY = "/certificados/verificar/"


def validate(pdf: bytes, *trust_root_paths):
    """pyHanko's validator on the PDF's only signature, trusting these roots."""
    reader = PdfFileReader(io.BytesIO(pdf))
    [signature] = reader.embedded_signatures
    context = ValidationContext(
        trust_roots=[load_cert_from_pemder(path) for path in trust_root_paths]
    )
    return signature, validate_pdf_signature(signature, context)


def issued_pdf(enrollment) -> tuple[Certificate, bytes]:
    certificate = Certificate.objects.get(enrollment=enrollment)
    assert certificate.status == Certificate.Status.ISSUED
    with certificate.pdf.open("rb") as handle:
        return certificate, handle.read()


def test_an_issued_certificate_is_signed_and_valid(completed_enrollment, signing_ca):
    certificate, pdf = issued_pdf(completed_enrollment)
    signature, status = validate(pdf, signing_ca.ca)
    assert status.intact
    assert status.valid
    assert status.trusted
    assert status.bottom_line
    assert status.coverage == SignatureCoverageLevel.ENTIRE_FILE
    assert status.modification_level == ModificationLevel.NONE
    assert status.signing_cert.subject.native["common_name"] == SIGNER_NAME
    assert status.md_algorithm == "sha256"
    # PAdES baseline, a certification signature that allows no later change.
    assert signature.sig_object["/SubFilter"] == "/ETSI.CAdES.detached"
    assert signature.docmdp_level == MDPPerm.NO_CHANGES
    assert status.docmdp_ok
    assert signature.sig_object["/Name"] == SIGNER_NAME
    assert (
        signature.sig_object["/Reason"]
        == "Certificado emitido por el Instituto de Fomento Municipal"
    )
    assert signature.sig_object["/Location"] == "Guatemala"
    # The hash kept for verification is the signed file's.
    assert certificate.sha256 == hashlib.sha256(pdf).hexdigest()
    version = CertificateVersion.objects.get(certificate=certificate)
    assert version.sha256 == certificate.sha256


def test_an_untrusted_root_is_intact_but_not_trusted(completed_enrollment, tmp_path):
    """What a reader without the institution's root says: unmodified, but of
    unknown validity (as the demo CA shows in Acrobat Reader)."""
    _certificate, pdf = issued_pdf(completed_enrollment)
    other, _created = write_demo_credentials(tmp_path)
    _signature, status = validate(pdf, other.ca)
    assert status.intact
    assert status.valid  # the cryptography checks out ...
    assert not status.trusted  # ... but no trusted root vouches for the signer
    assert not status.bottom_line


def test_the_signed_file_still_reads_as_one_page_with_the_name(completed_enrollment):
    _certificate, pdf = issued_pdf(completed_enrollment)
    reader = PdfReader(io.BytesIO(pdf))
    assert len(reader.pages) == 1
    assert "María José Tzul Batz" in " ".join(reader.pages[0].extract_text().split())


def test_changing_one_byte_breaks_the_signature(completed_enrollment, signing_ca):
    _certificate, pdf = issued_pdf(completed_enrollment)
    start = pdf.index(b"/Author (Instituto")
    offset = start + len(b"/Author (Institut")
    signature, status = validate(pdf, signing_ca.ca)
    first_range_end = signature.byte_range[1]
    assert offset < first_range_end  # inside the signed bytes
    tampered = pdf[:offset] + b"u" + pdf[offset + 1 :]  # "Instituto" -> "Institutu"
    assert len(tampered) == len(pdf)
    _signature, status = validate(tampered, signing_ca.ca)
    assert not status.intact
    assert not status.bottom_line


def test_changing_a_byte_of_the_page_content_breaks_it(
    completed_enrollment, signing_ca
):
    _certificate, pdf = issued_pdf(completed_enrollment)
    stream = pdf.index(b"\n", pdf.index(b"stream", len(pdf) // 4)) + 10
    tampered = pdf[:stream] + bytes([pdf[stream] ^ 0x01]) + pdf[stream + 1 :]
    try:
        _signature, status = validate(tampered, signing_ca.ca)
    except (SignatureValidationError, PdfError) as error:  # unreadable is broken too
        assert str(error)
    else:
        assert not status.intact
        assert not status.bottom_line


def test_an_edit_saved_after_signing_is_reported(completed_enrollment, signing_ca):
    """A PDF editor appends its changes (an incremental update): the signed
    revision is still intact, but the file is no longer what was signed."""
    _certificate, pdf = issued_pdf(completed_enrollment)
    writer = IncrementalPdfFileWriter(io.BytesIO(pdf))
    writer.root["/Lang"] = generic.TextStringObject("en")
    writer.update_root()
    edited = io.BytesIO()
    writer.write(edited)
    _signature, status = validate(edited.getvalue(), signing_ca.ca)
    assert status.intact
    assert status.coverage == SignatureCoverageLevel.ENTIRE_REVISION
    assert status.modification_level != ModificationLevel.NONE
    assert not status.docmdp_ok
    assert not status.bottom_line


def test_verification_by_upload_finds_the_signed_certificate(
    client, completed_enrollment
):
    certificate, pdf = issued_pdf(completed_enrollment)
    response = post_form(
        client,
        VERIFY,
        {"archivo-pdf": SimpleUploadedFile("c.pdf", pdf, "application/pdf")},
        action=VERIFY,
    )
    assert response.status_code == 200
    body = response.content.decode()
    assert "Certificado válido" in body
    assert certificate.holder_name in body


def test_a_reissued_version_is_signed_anew(completed_enrollment, signing_ca):
    certificate, first = issued_pdf(completed_enrollment)
    render_and_store(reissue(certificate=certificate, enqueue=False).pk)
    _certificate, second = issued_pdf(completed_enrollment)
    assert second != first
    _signature, status = validate(second, signing_ca.ca)
    assert status.bottom_line


def test_the_signer_is_loaded_once_per_process(completed_enrollment):
    signing.load_pdf_signer.cache_clear()
    first = signing.configured_signer()
    second = signing.configured_signer()
    assert first is second
    info = signing.load_pdf_signer.cache_info()
    assert (info.misses, info.hits) == (1, 1)
    assert first.timestamper is None  # no TSA configured: PAdES B-B
    assert first.bytes_reserved > 0


def test_production_without_a_key_issues_nothing_unsigned(
    completed_enrollment, settings
):
    certificate, _pdf = issued_pdf(completed_enrollment)
    settings.CERTIFICATE_SIGNING_KEY = ""
    settings.CERTIFICATE_SIGNING_REQUIRED = True
    reissued = reissue(certificate=certificate, enqueue=False)
    with pytest.raises(signing.SigningNotConfigured):
        render_and_store(reissued.pk)
    reissued.refresh_from_db()
    assert reissued.status == Certificate.Status.PENDING
    assert not CertificateVersion.objects.filter(
        certificate=reissued, version=reissued.version
    ).exists()


def test_without_a_key_and_not_required_the_pdf_stays_unsigned(settings, caplog):
    settings.CERTIFICATE_SIGNING_KEY = ""
    settings.CERTIFICATE_SIGNING_REQUIRED = False
    assert signing.sign_certificate_pdf(b"%PDF-1.4 prueba") == b"%PDF-1.4 prueba"
    assert "Certificado sin firma" in caplog.text


def test_timestamped_signature_is_pades_b_t(completed_enrollment, signing_ca, tmp_path):
    """With a timestamp authority (here pyHanko's in-process one, certified by
    its own root) the signature carries a trusted signature timestamp."""
    certificate = Certificate.objects.get(enrollment=completed_enrollment)
    tsa_root_key = ec.generate_private_key(ec.SECP256R1())
    now = datetime.datetime.now(datetime.UTC) - datetime.timedelta(minutes=1)
    root_name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "Raíz TSA")])
    tsa_root = (
        x509.CertificateBuilder()
        .subject_name(root_name)
        .issuer_name(root_name)
        .public_key(tsa_root_key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now)
        .not_valid_after(now + datetime.timedelta(days=30))
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .sign(tsa_root_key, hashes.SHA256())
    )
    # pyHanko's in-process timestamper signs with RSA only.
    tsa_key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    tsa_cert = (
        x509.CertificateBuilder()
        .subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "TSA")]))
        .issuer_name(root_name)
        .public_key(tsa_key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now)
        .not_valid_after(now + datetime.timedelta(days=30))
        .add_extension(
            x509.ExtendedKeyUsage([ExtendedKeyUsageOID.TIME_STAMPING]), critical=True
        )
        .sign(tsa_root_key, hashes.SHA256())
    )
    root_path = tmp_path / "raiz-tsa.pem"
    root_path.write_bytes(tsa_root.public_bytes(serialization.Encoding.PEM))
    timestamper = DummyTimeStamper(
        tsa_cert=asn1_x509.Certificate.load(
            tsa_cert.public_bytes(serialization.Encoding.DER)
        ),
        tsa_key=asn1_keys.PrivateKeyInfo.load(
            tsa_key.private_bytes(
                serialization.Encoding.DER,
                serialization.PrivateFormat.PKCS8,
                serialization.NoEncryption(),
            )
        ),
    )
    setup = signing.configured_signer()
    signed = signing.sign_pdf(
        render_certificate_pdf(certificate),
        setup=signing.PdfSigningSetup(signer=setup.signer, timestamper=timestamper),
    )
    _signature, status = validate(signed, signing_ca.ca, root_path)
    assert status.bottom_line
    assert status.timestamp_validity is not None
    assert status.timestamp_validity.intact
    assert status.timestamp_validity.trusted
    # Without the TSA's root the timestamp is not trusted.
    _signature, status = validate(signed, signing_ca.ca)
    assert not status.timestamp_validity.trusted


# --------------------------------------------------------------- demo CA
def test_crear_firma_demo_creates_once(tmp_path):
    directory = tmp_path / "firma"
    call_command("crear_firma_demo", directorio=directory, stdout=io.StringIO())
    files = {p.name: p.read_bytes() for p in directory.iterdir()}
    assert set(files) == {"ca.pem", "firma.pem", "firma.key", "cadena.pem"}
    assert stat.S_IMODE(os.stat(directory / "firma.key").st_mode) == 0o600
    out = io.StringIO()
    call_command("crear_firma_demo", directorio=directory, stdout=out)
    assert "ya existía" in out.getvalue()
    assert {p.name: p.read_bytes() for p in directory.iterdir()} == files

    cert = x509.load_pem_x509_certificate(files["firma.pem"])
    ca = x509.load_pem_x509_certificate(files["ca.pem"])
    name = cert.subject.get_attributes_for_oid(NameOID.COMMON_NAME)[0].value
    assert name == SIGNER_NAME
    assert ca.subject.get_attributes_for_oid(NameOID.COMMON_NAME)[0].value == CA_NAME
    usage = cert.extensions.get_extension_for_class(x509.KeyUsage).value
    assert usage.digital_signature
    assert usage.content_commitment  # nonRepudiation
    assert not usage.key_cert_sign
    cert.verify_directly_issued_by(ca)


# --------------------------------------------------------------- check --deploy
def ids(messages) -> list[str]:
    return [message.id for message in messages]


def test_check_passes_with_a_usable_key():
    assert check_signing_key() == []


def test_check_requires_a_key_in_production(settings):
    settings.CERTIFICATE_SIGNING_KEY = ""
    settings.CERTIFICATE_SIGNING_REQUIRED = True
    assert ids(check_signing_key()) == ["certificados.E001"]
    settings.CERTIFICATE_SIGNING_REQUIRED = False
    assert ids(check_signing_key()) == ["certificados.W001"]


def test_check_reports_a_key_that_is_not_the_certificates(settings, tmp_path):
    other, _created = write_demo_credentials(tmp_path)
    settings.CERTIFICATE_SIGNING_KEY = str(other.key)
    [message] = check_signing_key()
    assert message.id == "certificados.E002"
    assert "no corresponde al certificado" in message.msg


def test_check_reports_a_wrong_passphrase(settings, tmp_path):
    _ca, _cert, key = build_demo_chain()
    path = tmp_path / "cifrada.key"
    path.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.BestAvailableEncryption(b"la-correcta"),
        )
    )
    settings.CERTIFICATE_SIGNING_KEY = str(path)
    settings.CERTIFICATE_SIGNING_KEY_PASSPHRASE = "otra"
    [message] = check_signing_key()
    assert message.id == "certificados.E002"
    assert "CERTIFICATE_SIGNING_KEY_PASSPHRASE" in message.msg


def test_an_encrypted_key_signs_with_its_passphrase(settings, tmp_path):
    _ca, cert, key = build_demo_chain()
    (tmp_path / "firma.pem").write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    (tmp_path / "firma.key").write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.BestAvailableEncryption(b"clave-larga"),
        )
    )
    config = signing.SigningConfig(
        key=str(tmp_path / "firma.key"),
        cert=str(tmp_path / "firma.pem"),
        passphrase="clave-larga",
    )
    signer = signing.load_signer(config)
    assert signer.signing_cert.subject.native["common_name"] == SIGNER_NAME


def self_signed_rsa(tmp_path):
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "Firma RSA de prueba")])
    now = datetime.datetime.now(datetime.UTC) - datetime.timedelta(minutes=1)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now)
        .not_valid_after(now + datetime.timedelta(days=30))
        .add_extension(
            x509.KeyUsage(
                digital_signature=True,
                content_commitment=True,
                key_encipherment=False,
                data_encipherment=False,
                key_agreement=False,
                key_cert_sign=False,
                crl_sign=False,
                encipher_only=False,
                decipher_only=False,
            ),
            critical=True,
        )
        .sign(key, hashes.SHA256())
    )
    (tmp_path / "rsa.pem").write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    (tmp_path / "rsa.key").write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    return tmp_path / "rsa.key", tmp_path / "rsa.pem"


@pytest.mark.parametrize("kind", ["ec", "rsa"])
def test_the_key_is_parsed_once_not_per_signature(
    completed_enrollment, signing_ca, tmp_path, monkeypatch, kind
):
    """Providers usually issue RSA keys; OpenSSL checks one on every parse, so
    signing must not parse the key again (pyHanko's SimpleSigner would)."""
    from pyhanko.sign.signers import pdf_cms

    certificate = Certificate.objects.get(enrollment=completed_enrollment)
    if kind == "rsa":
        key_path, cert_path = self_signed_rsa(tmp_path)
        root = cert_path
    else:
        key_path, cert_path, root = signing_ca.key, signing_ca.cert, signing_ca.ca
    signer = signing.load_signer(
        signing.SigningConfig(key=str(key_path), cert=str(cert_path))
    )
    setup = signing.PdfSigningSetup(
        signer=signer, bytes_reserved=signing.reserved_size(signer)
    )

    def parse_again(*args, **kwargs):
        raise AssertionError("the private key was parsed again")

    monkeypatch.setattr(pdf_cms.serialization, "load_der_private_key", parse_again)
    signed = signing.sign_pdf(render_certificate_pdf(certificate), setup=setup)
    monkeypatch.undo()
    _signature, status = validate(signed, root)
    assert status.bottom_line
    assert status.coverage == SignatureCoverageLevel.ENTIRE_FILE


def test_a_certificate_is_signed_even_when_the_thread_runs_an_event_loop():
    """pyHanko signs through asyncio.run; a caller inside a running loop (the
    browser tests' Playwright, an async view) still gets a signed PDF."""
    import asyncio

    from certificados.models import CertificateTemplate
    from certificados.services import sample_certificate
    from certificados.signing import sign_certificate_pdf

    pdf = render_certificate_pdf(sample_certificate(CertificateTemplate(name="x")))

    async def inside_a_loop():
        return sign_certificate_pdf(pdf)

    signed = asyncio.run(inside_a_loop())
    assert signed.startswith(b"%PDF") and b"/ByteRange" in signed and signed != pdf


@pytest.mark.parametrize("kind", ["ec", "rsa"])
def test_the_cms_template_builds_the_bytes_pyhanko_builds(signing_ca, tmp_path, kind):
    """Certificates' CMS comes from a template kept per signer (the signed
    attributes and the signature spliced into DER built once by pyHanko).
    RSA PKCS#1 v1.5 is deterministic: the same bytes as pyHanko's own CMS.
    ECDSA is not: the same structure, and the signature verifies."""
    import asyncio

    from asn1crypto import cms
    from cryptography.hazmat.primitives.asymmetric import padding
    from pyhanko.sign import signers

    if kind == "rsa":
        key_path, cert_path = self_signed_rsa(tmp_path)
    else:
        key_path, cert_path = signing_ca.key, signing_ca.cert
    signer = signing.load_signer(
        signing.SigningConfig(key=str(key_path), cert=str(cert_path))
    )
    digest = hashlib.sha256(b"un certificado").digest()
    ours = asyncio.run(signer.async_sign(digest, "sha256", use_pades=True))
    theirs = asyncio.run(
        signers.SimpleSigner.async_sign(signer, digest, "sha256", use_pades=True)
    )
    assert signer._template is not None  # the template, not pyHanko, signed
    if kind == "rsa":
        assert ours.dump() == theirs.dump()
    [info] = cms.ContentInfo.load(ours.dump())["content"]["signer_infos"]
    [their_info] = theirs["content"]["signer_infos"]
    assert info["signed_attrs"].dump() == their_info["signed_attrs"].dump()
    assert info["signed_attrs"].native[1]["values"] == [digest]  # message digest
    public_key = signer.private_key.public_key()
    signed_attrs = b"\x31" + info["signed_attrs"].dump()[1:]
    if kind == "rsa":
        public_key.verify(
            info["signature"].native, signed_attrs, padding.PKCS1v15(), hashes.SHA256()
        )
    else:
        public_key.verify(
            info["signature"].native, signed_attrs, ec.ECDSA(hashes.SHA256())
        )


def test_a_dry_run_and_a_timestamp_still_go_through_pyhanko(signing_ca, tmp_path):
    """The template covers PAdES B-B only: the size estimate (a dry run) and a
    B-T signature (timestamp token in the unsigned attributes) are pyHanko's."""
    import asyncio

    signer = signing.load_signer(
        signing.SigningConfig(key=str(signing_ca.key), cert=str(signing_ca.cert))
    )
    key_path, cert_path = self_signed_rsa(tmp_path)  # pyHanko's dummy TSA: RSA
    tsa = signing.load_signer(
        signing.SigningConfig(key=str(key_path), cert=str(cert_path))
    )
    digest = hashlib.sha256(b"otro").digest()
    asyncio.run(signer.async_sign(digest, "sha256", use_pades=True, dry_run=True))
    assert not hasattr(signer, "_template")
    stamped = asyncio.run(
        signer.async_sign(
            digest,
            "sha256",
            use_pades=True,
            timestamper=DummyTimeStamper(
                tsa_cert=tsa.signing_cert, tsa_key=tsa.signing_key
            ),
        )
    )
    assert not hasattr(signer, "_template")
    [info] = stamped["content"]["signer_infos"]
    assert info["unsigned_attrs"].native is not None


def test_signing_in_the_main_thread_keeps_one_event_loop():
    """A worker signs thousands of certificates: one event loop for all of
    them in its main thread, not one created and closed per signature."""
    from certificados.models import CertificateTemplate
    from certificados.services import sample_certificate

    pdf = render_certificate_pdf(sample_certificate(CertificateTemplate(name="x")))
    signing.sign_certificate_pdf(pdf)
    loop = signing._main_thread_loop
    assert loop is not None and not loop.is_closed()
    signing.sign_certificate_pdf(pdf)
    assert signing._main_thread_loop is loop
