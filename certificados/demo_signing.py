"""A local demonstration CA and signing certificate, for `make demo`, the tests
and the benchmark. Never for production: its root is in no PDF reader's trust
list, so a reader shows the signature as intact but of unknown validity.

``write_demo_credentials(directory)`` creates, once, the files the settings
``CERTIFICATE_SIGNING_*`` point at (see ``certificados.signing``):

    ca.pem       root "INFOM Demo CA (solo para pruebas)"
    firma.pem    signing certificate "Instituto de Fomento Municipal (demostración)"
    firma.key    its private key (PEM, PKCS#8, unencrypted, mode 0600)
    cadena.pem   the chain sent with each signature (the root)

EC P-256 keys: generated in a millisecond and the cheapest to sign with.
"""

from __future__ import annotations

import datetime
import os
from dataclasses import dataclass
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

CA_NAME = "INFOM Demo CA (solo para pruebas)"
SIGNER_NAME = "Instituto de Fomento Municipal (demostración)"
ORGANIZATION = "Instituto de Fomento Municipal"


@dataclass(frozen=True)
class DemoCredentials:
    directory: Path

    @property
    def ca(self) -> Path:
        return self.directory / "ca.pem"

    @property
    def cert(self) -> Path:
        return self.directory / "firma.pem"

    @property
    def key(self) -> Path:
        return self.directory / "firma.key"

    @property
    def chain(self) -> Path:
        return self.directory / "cadena.pem"

    def exist(self) -> bool:
        return all(p.is_file() for p in (self.ca, self.cert, self.key, self.chain))

    def environment(self) -> dict[str, str]:
        """The environment variables that point the settings at these files."""
        return {
            "CERTIFICATE_SIGNING_KEY": str(self.key),
            "CERTIFICATE_SIGNING_CERT": str(self.cert),
            "CERTIFICATE_SIGNING_CHAIN": str(self.chain),
        }


def _name(common_name: str) -> x509.Name:
    return x509.Name(
        [
            x509.NameAttribute(NameOID.COUNTRY_NAME, "GT"),
            x509.NameAttribute(NameOID.LOCALITY_NAME, "Guatemala"),
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, ORGANIZATION),
            x509.NameAttribute(NameOID.COMMON_NAME, common_name),
        ]
    )


def _pem(certificate: x509.Certificate) -> bytes:
    return certificate.public_bytes(serialization.Encoding.PEM)


def build_demo_chain(
    *, signer_name: str = SIGNER_NAME, ca_name: str = CA_NAME
) -> tuple[x509.Certificate, x509.Certificate, ec.EllipticCurvePrivateKey]:
    """A self-signed root and a signing certificate it issued (10 and 5 years),
    with the signing certificate's key."""
    now = datetime.datetime.now(datetime.UTC) - datetime.timedelta(minutes=5)
    ca_key = ec.generate_private_key(ec.SECP256R1())
    ca_subject = _name(ca_name)
    ca_ski = x509.SubjectKeyIdentifier.from_public_key(ca_key.public_key())
    ca_cert = (
        x509.CertificateBuilder()
        .subject_name(ca_subject)
        .issuer_name(ca_subject)
        .public_key(ca_key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now)
        .not_valid_after(now + datetime.timedelta(days=3650))
        .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
        .add_extension(
            x509.KeyUsage(
                digital_signature=False,
                content_commitment=False,
                key_encipherment=False,
                data_encipherment=False,
                key_agreement=False,
                key_cert_sign=True,
                crl_sign=True,
                encipher_only=False,
                decipher_only=False,
            ),
            critical=True,
        )
        .add_extension(ca_ski, critical=False)
        .sign(ca_key, hashes.SHA256())
    )
    key = ec.generate_private_key(ec.SECP256R1())
    cert = (
        x509.CertificateBuilder()
        .subject_name(_name(signer_name))
        .issuer_name(ca_subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now)
        .not_valid_after(now + datetime.timedelta(days=1825))
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(
            x509.KeyUsage(
                digital_signature=True,
                content_commitment=True,  # nonRepudiation
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
        .add_extension(
            x509.SubjectKeyIdentifier.from_public_key(key.public_key()),
            critical=False,
        )
        .add_extension(
            x509.AuthorityKeyIdentifier.from_issuer_subject_key_identifier(ca_ski),
            critical=False,
        )
        .sign(ca_key, hashes.SHA256())
    )
    return ca_cert, cert, key


def write_demo_credentials(directory: Path | str) -> tuple[DemoCredentials, bool]:
    """Create the demo CA and signing certificate in ``directory`` unless they
    are already there; returns the paths and whether they were created now."""
    credentials = DemoCredentials(Path(directory))
    if credentials.exist():
        return credentials, False
    credentials.directory.mkdir(parents=True, exist_ok=True)
    ca_cert, cert, key = build_demo_chain()
    key_pem = key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    )
    descriptor = os.open(credentials.key, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(descriptor, "wb") as handle:
        handle.write(key_pem)
    credentials.cert.write_bytes(_pem(cert))
    credentials.chain.write_bytes(_pem(ca_cert))
    # Last: its presence means the set is complete.
    credentials.ca.write_bytes(_pem(ca_cert))
    return credentials, True
