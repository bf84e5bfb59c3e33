"""PAdES signatures on certificate PDFs, with pyHanko.

``sign_pdf(pdf, setup=...)`` is the pure part: PDF bytes in, the same PDF with
one incremental update holding an invisible certification signature out
(PAdES baseline B-B; B-T when a timestamper is given). The signature covers the
whole file, so changing any byte of it breaks the signature, and the document
may not be changed after signing (DocMDP "no changes").

``sign_certificate_pdf(pdf)`` is what the services call: it signs with the
institution's key and certificate chain from the settings
``CERTIFICATE_SIGNING_KEY``, ``CERTIFICATE_SIGNING_CERT``,
``CERTIFICATE_SIGNING_CHAIN`` and ``CERTIFICATE_SIGNING_KEY_PASSPHRASE``, and
timestamps with ``CERTIFICATE_TSA_URL`` when set (docs/deploy.md, «Firma
electrónica de los certificados»). Key and certificates are read once per
process (``load_pdf_signer`` is cached), not once per certificate.

Without a configured key: with ``CERTIFICATE_SIGNING_REQUIRED`` (production) the
render fails, so no certificate is ever issued unsigned there, and
``check --deploy`` reports it (``certificados.checks``); elsewhere (a
development machine that has not run ``crear_firma_demo``) the PDF is returned
unsigned and a warning is logged.
"""

from __future__ import annotations

import asyncio
import io
import logging
import threading
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from asn1crypto import cms, tsp
from asn1crypto import x509 as asn1_x509
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.asymmetric.padding import PKCS1v15
from cryptography.hazmat.primitives.asymmetric.rsa import RSAPrivateKey
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext as _
from pyhanko.keys import (
    load_cert_from_pemder,
    load_certs_from_pemder,
    load_private_key_from_pemder,
)
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.sign import fields, signers
from pyhanko.sign.attributes import CMSAttributeProvider, SignedAttributeProviderSpec
from pyhanko.sign.general import as_signing_certificate_v2
from pyhanko.sign.timestamps import TimeStamper
from pyhanko.sign.timestamps.requests_client import RequestsHTTPTimeStamper
from pyhanko_certvalidator.registry import SimpleCertificateStore
from pyhanko_certvalidator.util import get_pyca_cryptography_hash, process_pss_params

logger = logging.getLogger(__name__)

FIELD_NAME = "FirmaINFOM"


class SigningNotConfigured(ImproperlyConfigured):
    """No usable signing key while signing is required."""


@dataclass(frozen=True)
class SigningConfig:
    """Where the key material is; hashable, so it keys the signer cache (a
    change of settings, as in tests, loads the new key)."""

    key: str
    cert: str
    chain: str = ""
    # Secrets stay out of repr(): a config in a log line, a traceback's
    # locals or an error report must not carry them.
    passphrase: str = field(default="", repr=False)
    tsa_url: str = ""
    tsa_username: str = ""
    tsa_password: str = field(default="", repr=False)

    @classmethod
    def from_settings(cls) -> SigningConfig:
        return cls(
            key=settings.CERTIFICATE_SIGNING_KEY or "",
            cert=settings.CERTIFICATE_SIGNING_CERT or "",
            chain=settings.CERTIFICATE_SIGNING_CHAIN or "",
            passphrase=settings.CERTIFICATE_SIGNING_KEY_PASSPHRASE or "",
            tsa_url=settings.CERTIFICATE_TSA_URL or "",
            tsa_username=settings.CERTIFICATE_TSA_USERNAME or "",
            tsa_password=settings.CERTIFICATE_TSA_PASSWORD or "",
        )

    @property
    def configured(self) -> bool:
        return bool(self.key and self.cert)

    def files_present(self) -> bool:
        paths = [self.key, self.cert] + ([self.chain] if self.chain else [])
        return all(Path(p).is_file() for p in paths)


def load_signer(config: SigningConfig) -> signers.SimpleSigner:
    """The key and certificates of ``config`` as a pyHanko signer. Raises
    ``ImproperlyConfigured`` with a message an operator can act on."""
    try:
        key = load_private_key_from_pemder(
            config.key, passphrase=config.passphrase.encode() or None
        )
    except (OSError, ValueError, TypeError) as error:
        raise ImproperlyConfigured(
            f"No se pudo leer la clave privada de firma {config.key!r} "
            f"(¿ruta o CERTIFICATE_SIGNING_KEY_PASSPHRASE?): {error}"
        ) from error
    try:
        cert = load_cert_from_pemder(config.cert)
        chain = list(load_certs_from_pemder([config.chain])) if config.chain else []
    except (OSError, ValueError) as error:
        raise ImproperlyConfigured(
            f"No se pudo leer el certificado de firma o su cadena: {error}"
        ) from error
    private_key = serialization.load_der_private_key(key.dump(), password=None)
    public = private_key.public_key().public_bytes(
        serialization.Encoding.DER,
        serialization.PublicFormat.SubjectPublicKeyInfo,
    )
    if public != cert.public_key.dump():
        raise ImproperlyConfigured(
            f"La clave privada de firma no corresponde al certificado {config.cert!r}."
        )
    registry = SimpleCertificateStore()
    registry.register_multiple(c for c in chain if c.dump() != cert.dump())
    signer = ParsedKeySigner(
        private_key=private_key,
        signing_cert=cert,
        signing_key=key,
        cert_registry=registry,
    )
    signer.signed_attr_prov_spec = PadesSignedAttributes(cert)
    return signer


class ParsedKeySigner(signers.SimpleSigner):
    """pyHanko's SimpleSigner parses its private key again for every signature,
    and OpenSSL 3 checks an RSA key on every parse (some 200 ms for RSA-2048
    here, more than the whole certificate). This one keeps the key parsed and
    signs RSA (PKCS#1 v1.5 and PSS) and ECDSA itself; any other mechanism goes
    to pyHanko's own code."""

    def __init__(self, *, private_key, **kwargs):
        super().__init__(**kwargs)
        self.private_key = private_key

    def sign_raw(self, data: bytes, digest_algorithm: str) -> bytes:
        spec = self.get_signature_mechanism_for_digest(digest_algorithm)
        try:
            mechanism = spec.signature_algo
        except ValueError:
            mechanism = spec["algorithm"].native
        key = self.private_key
        if isinstance(key, RSAPrivateKey) and mechanism == "rsassa_pkcs1v15":
            return key.sign(
                data, PKCS1v15(), get_pyca_cryptography_hash(digest_algorithm)
            )
        if isinstance(key, RSAPrivateKey) and mechanism == "rsassa_pss":
            padding, hash_algorithm = process_pss_params(spec["parameters"])
            return key.sign(data, padding, hash_algorithm)
        if isinstance(key, ec.EllipticCurvePrivateKey) and mechanism == "ecdsa":
            return key.sign(
                data, ec.ECDSA(get_pyca_cryptography_hash(digest_algorithm))
            )
        return super().sign_raw(data, digest_algorithm)

    async def async_sign(
        self,
        data_digest: bytes,
        digest_algorithm: str,
        dry_run=False,
        use_pades=False,
        timestamper=None,
        signed_attr_settings=None,
        is_pdf_sig=True,
        encap_content_info=None,
    ) -> cms.ContentInfo:  # pyHanko's method
        """A certificate's CMS from ``SignedDataTemplate`` (same bytes as
        pyHanko builds, at a fraction of the cost); anything else (a dry run,
        a timestamp, other attributes) goes to pyHanko's own code."""
        if (
            not dry_run
            and use_pades
            and is_pdf_sig
            and timestamper is None
            and encap_content_info is None
            and digest_algorithm == "sha256"
            and _default_attributes(signed_attr_settings)
        ):
            template = await self._signed_data_template()
            if template is not None:
                return template.sign(data_digest, self)
        return await super().async_sign(
            data_digest,
            digest_algorithm,
            dry_run=dry_run,
            use_pades=use_pades,
            timestamper=timestamper,
            signed_attr_settings=signed_attr_settings,
            is_pdf_sig=is_pdf_sig,
            encap_content_info=encap_content_info,
        )

    async def _signed_data_template(self) -> SignedDataTemplate | None:
        if not hasattr(self, "_template"):  # once per signer, hence per process
            self._template = await SignedDataTemplate.build(self)
        return self._template


def _default_attributes(settings) -> bool:
    """No attribute besides the fixed ones (PAdES leaves the signing time out
    of the CMS): no revocation info, no CAdES commitment or signer attributes."""
    return settings is None or (
        settings.adobe_revinfo_attr is None and settings.cades_signed_attrs is None
    )


def _der_length(length: int) -> bytes:
    if length < 0x80:
        return bytes([length])
    octets = length.to_bytes((length.bit_length() + 7) // 8, "big")
    return bytes([0x80 | len(octets)]) + octets


def _der(tag: int, contents: bytes) -> bytes:
    return bytes([tag]) + _der_length(len(contents)) + contents


class SignedDataTemplate:
    """The CMS SignedData of a PAdES B-B signature by one signer, built once by
    pyHanko (asn1crypto) and kept as DER around the two things that change
    per document: the message digest inside the signed attributes (fixed
    length) and the signature value (an ECDSA signature varies by a byte or
    two, so the enclosing lengths are written again). Encoding the structure
    with asn1crypto cost about a third of each certificate's signature."""

    # A placeholder digest, found again in the DER pyHanko builds around it.
    MARKER = bytes.fromhex(
        "5d1f0c7a9e3b6a21c4f08e7d2b95a0c31e6f4d8a7b2c9e05f3a1d6b8c0e47f92"
    )

    def __init__(
        self, *, signer_info_head: bytes, attrs: slice, signed_data_head: bytes
    ):
        # SignerInfo's contents before the signature; where its signed
        # attributes are in them; SignedData's contents before signerInfos.
        self.signer_info_head = signer_info_head
        self.attrs = attrs
        self.digest_at = signer_info_head.index(self.MARKER)
        self.signed_data_head = signed_data_head

    @classmethod
    async def build(cls, signer: signers.Signer) -> SignedDataTemplate | None:
        """The template, or None when pyHanko's structure is not the expected
        one (then pyHanko builds every signature)."""
        built = await signers.SimpleSigner.async_sign(
            signer, cls.MARKER, "sha256", use_pades=True
        )
        signed_data = built["content"]
        [signer_info] = signed_data["signer_infos"]
        if signer_info["unsigned_attrs"].native is not None:
            return None
        signature = signer_info["signature"].dump()
        head = signer_info.contents[: -len(signature)]
        attrs = signer_info["signed_attrs"].dump()
        if head.count(cls.MARKER) != 1 or head.count(attrs) != 1:
            return None
        at = head.index(attrs)
        template = cls(
            signer_info_head=head,
            attrs=slice(at, at + len(attrs)),
            signed_data_head=signed_data.contents[
                : -len(signed_data["signer_infos"].dump())
            ],
        )
        if template.assemble(head, signer_info["signature"].native) != built.dump():
            return None
        return template

    def sign(self, data_digest: bytes, signer: signers.Signer) -> cms.ContentInfo:
        if len(data_digest) != len(self.MARKER):
            raise ValueError("a SHA-256 digest is 32 bytes")
        at = self.digest_at
        head = (
            self.signer_info_head[:at]
            + data_digest
            + self.signer_info_head[at + len(data_digest) :]
        )
        # What is signed is the attributes' SET OF, not SignerInfo's [0] tag.
        signed_attrs = b"\x31" + head[self.attrs][1:]
        signature = signer.sign_raw(signed_attrs, "sha256")
        return cms.ContentInfo.load(self.assemble(head, signature))

    def assemble(self, head: bytes, signature: bytes) -> bytes:
        signer_info = _der(0x30, head + _der(0x04, signature))
        signed_data = _der(0x30, self.signed_data_head + _der(0x31, signer_info))
        return _der(0x30, SIGNED_DATA_OID + _der(0xA0, signed_data))


# The DER of the object identifier 1.2.840.113549.1.7.2 (id-signedData).
SIGNED_DATA_OID = bytes.fromhex("06092a864886f70d010702")


class _FixedAttribute(CMSAttributeProvider):
    def __init__(self, attribute_type: str, value):
        self.attribute_type = attribute_type
        self.value = value

    async def build_attr_value(self, dry_run=False):
        return self.value


class PadesSignedAttributes(SignedAttributeProviderSpec):
    """The signed attributes of a PAdES baseline signature besides content
    type and message digest (which pyHanko adds): signing-certificate-v2 only
    (PAdES forbids the CMS signing-time; the time is the signature's /M).

    pyHanko's own spec builds that attribute anew for every signature, and
    asn1crypto then spends some 30 ms re-encoding the certificate's issuer
    name; it depends on the certificate alone, so it is built once here and
    kept as parsed DER, which encodes for free. Same bytes, same signature."""

    def __init__(self, signing_cert: asn1_x509.Certificate):
        self.signing_certificate_v2 = tsp.SigningCertificateV2.load(
            as_signing_certificate_v2(signing_cert).dump()
        )

    def signed_attr_providers(self, data_digest: bytes, digest_algorithm: str):
        yield _FixedAttribute("signing_certificate_v2", self.signing_certificate_v2)


def subject_name(cert: asn1_x509.Certificate) -> str:
    """The name a PDF reader shows for the signer: the certificate's common
    name (its organization, or the whole subject, when it has none)."""
    subject = cert.subject.native
    return (
        subject.get("common_name")
        or subject.get("organization_name")
        or cert.subject.human_friendly
    )


def signature_metadata(signer: signers.Signer) -> signers.PdfSignatureMetadata:
    return signers.PdfSignatureMetadata(
        field_name=FIELD_NAME,
        md_algorithm="sha256",
        subfilter=fields.SigSeedSubFilter.PADES,
        # A certification (author) signature that allows no later change:
        # readers say "certificado por" the institution.
        certify=True,
        docmdp_permissions=fields.MDPPerm.NO_CHANGES,
        name=subject_name(signer.signing_cert),
        reason=_("Certificado emitido por el Instituto de Fomento Municipal"),
        location=_("Guatemala"),
    )


def outside_event_loop(function, /, *args, **kwargs):
    """Call ``function``, in a fresh thread when this thread already runs an
    asyncio loop: pyHanko signs through ``asyncio.run``, which refuses to
    start inside a running loop (Playwright's sync API in the browser tests,
    an async caller one day). Plain WSGI and Celery threads call it directly."""
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return function(*args, **kwargs)
    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(function, *args, **kwargs).result()


def reserved_size(signer: signers.Signer) -> int:
    """Bytes to reserve in the PDF for a B-B signature by ``signer``: the size
    of a dry-run signature, hex-encoded, plus pyHanko's own 50 % margin.
    Computed once per signer instead of by a dry run before every signature."""
    dry_run = outside_event_loop(
        lambda: asyncio.run(
            signer.async_sign(bytes(32), "sha256", use_pades=True, dry_run=True)
        )
    )
    hex_length = len(dry_run.dump()) * 2
    return hex_length + 2 * (hex_length // 4)


@dataclass(frozen=True)
class PdfSigningSetup:
    signer: signers.Signer
    timestamper: TimeStamper | None = None
    # None: let pyHanko estimate (a timestamp token's size varies by TSA).
    bytes_reserved: int | None = None


def sign_pdf(pdf: bytes, *, setup: PdfSigningSetup) -> bytes:
    """Sign ``pdf`` (bytes) as the setup says; a pure function of its
    arguments and the clock. PAdES B-B, or B-T with a timestamper."""
    writer = IncrementalPdfFileWriter(io.BytesIO(pdf))
    output = run_coroutine(
        signers.async_sign_pdf(
            writer,
            signature_metadata(setup.signer),
            signer=setup.signer,
            timestamper=setup.timestamper,
            bytes_reserved=setup.bytes_reserved,
        )
    )
    return output.getvalue()


_main_thread_loop: asyncio.AbstractEventLoop | None = None


def run_coroutine(coroutine):
    """``asyncio.run(coroutine)``, without creating and closing an event loop
    each time in the main thread (a Celery or gunicorn worker's), where one
    loop is kept for the process: that cost a tenth of a signature. Other
    threads (the development server's) use ``asyncio.run``."""
    global _main_thread_loop
    if threading.current_thread() is not threading.main_thread():
        return asyncio.run(coroutine)
    if _main_thread_loop is None or _main_thread_loop.is_closed():
        _main_thread_loop = asyncio.new_event_loop()
    return _main_thread_loop.run_until_complete(coroutine)


@lru_cache(maxsize=4)
def load_pdf_signer(config: SigningConfig) -> PdfSigningSetup:
    """The signer (and timestamper) for ``config``, loaded once per process."""
    signer = load_signer(config)
    logger.info("Firma de certificados: %s", subject_name(signer.signing_cert))
    if not config.tsa_url:
        return PdfSigningSetup(signer=signer, bytes_reserved=reserved_size(signer))
    auth = (config.tsa_username, config.tsa_password) if config.tsa_username else None
    return PdfSigningSetup(
        signer=signer,
        timestamper=RequestsHTTPTimeStamper(config.tsa_url, timeout=10, auth=auth),
    )


def configured_signer() -> PdfSigningSetup | None:
    """The institution's signer from the settings, or None when no key is
    configured and signing is not required (see the module docstring)."""
    config = SigningConfig.from_settings()
    if not config.configured or not config.files_present():
        if settings.CERTIFICATE_SIGNING_REQUIRED:
            raise SigningNotConfigured(
                "Falta la clave de firma de los certificados "
                "(CERTIFICATE_SIGNING_KEY y CERTIFICATE_SIGNING_CERT); "
                "ver docs/deploy.md."
            )
        return None
    return load_pdf_signer(config)


def sign_certificate_pdf(pdf: bytes) -> bytes:
    """Sign a rendered certificate with the institution's key (see the module
    docstring for what happens without one)."""
    setup = configured_signer()
    if setup is None:
        logger.warning(
            "Certificado sin firma: no hay clave configurada "
            "(ejecute «manage.py crear_firma_demo» en desarrollo)."
        )
        return pdf
    return outside_event_loop(sign_pdf, pdf, setup=setup)
