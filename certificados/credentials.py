"""Open Badges 3.0 verifiable credentials for certificates (pure functions).

Each issued certificate also exists as an ``OpenBadgeCredential`` of the 1EdTech
Open Badges Specification 3.0 (Final Release, document version 1.2, 23 Dec 2024),
which builds on the W3C Verifiable Credentials Data Model 2.0. It is secured
with the specification's "JSON Web Token Proof Format" (VC-JWT, section 8.2):

- JOSE header ``{"alg": "RS256", "kid": <URL of the public JWK>, "typ": "JWT"}``
  and nothing else (OB 3.0 allows no other header, and ``typ`` must be "JWT", not
  the "vc+jwt" of VC-JOSE-COSE);
- the payload is the credential itself (VC 2.0 style, no ``vc`` claim) plus
  ``iss`` (issuer.id), ``jti`` (id), ``sub`` (credentialSubject.id), ``nbf``
  (validFrom) and ``exp`` (validUntil, when the certificate expires).

Keys are private JWK files in ``settings.CREDENTIAL_SIGNING_KEYS_DIR``; the newest
file signs, and every key's public half is published (JWKS), so old credentials
keep verifying after a rotation. Revocation is published in a W3C Bitstring
Status List (``encode_bitstring``), to which each credential points.

Nothing here touches the database; ``certificados.credential_status`` does.
"""

from __future__ import annotations

import base64
import binascii
import gzip
import json
import os
import re
import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime, time
from pathlib import Path

from django.conf import settings
from django.urls import reverse
from django.utils import timezone
from jwcrypto.common import JWException
from jwcrypto.jwk import JWK
from jwcrypto.jws import JWS

OB_CONTEXT = [
    "https://www.w3.org/ns/credentials/v2",
    "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json",
]
OB_SCHEMA = (
    "https://purl.imsglobal.org/spec/ob/v3p0/schema/json/"
    "ob_v3p0_achievementcredential_schema.json"
)
ALG = "RS256"  # the one algorithm OB 3.0 requires every verifier to support
KEY_SUFFIX = ".jwk"
# W3C Bitstring Status List: at least 131,072 entries (16 KB) per list, so that
# one certificate's position hides among many (herd privacy).
LIST_SIZE = 131_072
# uuid5 namespace for credential, subject and achievement ids (fixed forever).
ID_NAMESPACE = uuid.UUID("6f1c1f0e-6a55-4b8e-9a8f-1b0e6f3c9d21")

MAX_TOKEN_CHARS = 64 * 1024
_COMPACT_JWS = re.compile(r"[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+")


# ---------------------------------------------------------------- URLs


def absolute(path: str) -> str:
    return f"{settings.SITE_URL}{path}"


def issuer_id() -> str:
    """The issuer's id: the URL of its public Profile."""
    return absolute(reverse("certificados:issuer"))


def key_url(thumbprint: str) -> str:
    """The ``kid`` of a key: the URL where its public JWK is served."""
    return absolute(reverse("certificados:credential_key", args=[thumbprint]))


def status_list_url(list_number: int) -> str:
    return absolute(reverse("certificados:status_list", args=[list_number]))


def status_position(status_index: int) -> tuple[int, int]:
    """(list number from 1, position in that list) of a global status index."""
    return status_index // LIST_SIZE + 1, status_index % LIST_SIZE


# ---------------------------------------------------------------- keys


@dataclass(frozen=True)
class KeyRing:
    """The signing key (the newest file) and every public key by thumbprint."""

    signing: JWK | None = None
    public: dict[str, JWK] = field(default_factory=dict)

    @property
    def signing_kid(self) -> str | None:
        return self.signing.thumbprint() if self.signing else None


def keys_dir() -> Path:
    return Path(settings.CREDENTIAL_SIGNING_KEYS_DIR)


_ring_cache: dict[tuple, KeyRing] = {}


def _listing(directory: Path) -> tuple:
    try:
        entries = [
            (entry.name, entry.stat().st_mtime_ns, entry.stat().st_size)
            for entry in os.scandir(directory)
            if entry.name.endswith(KEY_SUFFIX) and entry.is_file()
        ]
    except OSError:
        return ()
    return tuple(sorted(entries))


def load_keys(directory: Path | None = None) -> KeyRing:
    """Read the key files (cached per process until a file is added or changed).
    Files sort by name, which starts with their creation time: the last signs."""
    directory = directory or keys_dir()
    listing = _listing(directory)
    cache_key = (str(directory), listing)
    if cache_key in _ring_cache:
        return _ring_cache[cache_key]
    signing, public = None, {}
    for name, _mtime, _size in listing:
        try:
            key = JWK.from_json((directory / name).read_text(encoding="utf-8"))
        except (OSError, ValueError, JWException):
            continue
        if key.get("kty") != "RSA" or not key.has_private:
            continue
        signing = key
        public[key.thumbprint()] = JWK(**key.export_public(as_dict=True))
    ring = KeyRing(signing=signing, public=public)
    _ring_cache.clear()
    _ring_cache[cache_key] = ring
    return ring


def create_key(directory: Path | None = None, *, size: int = 3072) -> str:
    """Write a new RSA private key (readable by its owner only); it becomes the
    signing key. Returns its thumbprint."""
    directory = directory or keys_dir()
    directory.mkdir(parents=True, exist_ok=True, mode=0o700)
    key = JWK.generate(kty="RSA", size=size)
    thumbprint = key.thumbprint()
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
    path = directory / f"{stamp}-{thumbprint[:16]}{KEY_SUFFIX}"
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
        handle.write(key.export_private())
    _purge_published_keys()
    return thumbprint


def _purge_published_keys() -> None:
    """The JWKS and the issuer profile are kept by the public page cache: a new
    key must be published before the first credential it signs is checked."""
    from lms.page_cache import purge_paths

    purge_paths([reverse("certificados:jwks"), reverse("certificados:issuer")])


def ensure_key(directory: Path | None = None) -> tuple[str, bool]:
    """The signing key's thumbprint, creating a first key if there is none;
    (thumbprint, created). Safe to run any number of times."""
    ring = load_keys(directory)
    if ring.signing is not None:
        return ring.signing_kid, False
    return create_key(directory), True


def public_jwk(thumbprint: str, key: JWK) -> dict:
    """A public key as published: never ``d`` or any other private member."""
    data = key.export_public(as_dict=True)
    return {**data, "kid": key_url(thumbprint), "alg": ALG, "use": "sig"}


def jwks(ring: KeyRing | None = None) -> dict:
    ring = ring or load_keys()
    return {"keys": [public_jwk(kid, key) for kid, key in ring.public.items()]}


# ---------------------------------------------------------------- building


def _timestamp(moment: datetime) -> str:
    return moment.astimezone(UTC).replace(microsecond=0).strftime("%Y-%m-%dT%H:%M:%SZ")


def _end_of_day(day) -> datetime:
    """The last second of a local calendar day: "válido hasta" includes the day."""
    return timezone.make_aware(
        datetime.combine(day, time(23, 59, 59)), timezone.get_default_timezone()
    )


def _uuid_urn(*parts) -> str:
    return f"urn:uuid:{uuid.uuid5(ID_NAMESPACE, '/'.join(str(p) for p in parts))}"


ACHIEVEMENT_TYPES = {"aprobacion": "Course", "participacion": "CertificateOfCompletion"}


def build_credential(certificate, *, course_id: int) -> dict:
    """The ``OpenBadgeCredential`` of an issued certificate (unsigned).

    Privacy: the subject's ``id`` is a random-looking URN derived from the
    certificate's secret code, different for every credential, so two of a
    person's credentials cannot be linked through it. The only personal datum is
    the name as printed on the certificate, as an unhashed ``name``
    IdentityObject: it is what the PDF and the public verification page already
    show, the person checking must be able to read it, and a salted hash of a
    name whose salt travels beside it could be reversed by guessing names anyway.
    No e-mail, no account id."""
    from django.utils.translation import gettext as _

    list_number, position = status_position(certificate.status_index)
    list_url = status_list_url(list_number)
    valid_from = _timestamp(certificate.issued_at)
    kind_label = (
        _("Constancia de participación")
        if certificate.kind == "participacion"
        else _("Certificado de aprobación")
    )
    achievement = {
        "id": _uuid_urn("achievement", settings.SITE_URL, course_id, certificate.kind),
        "type": ["Achievement"],
        "achievementType": ACHIEVEMENT_TYPES.get(certificate.kind, "Course"),
        "name": certificate.course_title,
        "description": _(
            "%(tipo)s del curso «%(curso)s» (%(horas)s horas) de la Plataforma de "
            "Aprendizaje del Instituto de Fomento Municipal (INFOM), Guatemala."
        )
        % {
            "tipo": kind_label,
            "curso": certificate.course_title,
            "horas": certificate.hours,
        },
        "criteria": {
            "narrative": (
                _(
                    "Completar todas las lecciones y actividades del curso y "
                    "participar en él."
                )
                if certificate.kind == "participacion"
                else _(
                    "Completar todas las lecciones y actividades del curso y "
                    "aprobar sus evaluaciones."
                )
            )
        },
        "creditsAvailable": float(certificate.hours),
        "inLanguage": "es",
    }
    subject = {
        "id": _uuid_urn("subject", certificate.code),
        "type": ["AchievementSubject"],
        "identifier": [
            {
                "type": "IdentityObject",
                "identityType": "name",
                "hashed": False,
                "identityHash": certificate.holder_name,
            }
        ],
        "achievement": achievement,
        "creditsEarned": float(certificate.hours),
    }
    if certificate.cohort_name:
        subject["term"] = certificate.cohort_name
    credential = {
        "@context": list(OB_CONTEXT),
        "id": _uuid_urn("credential", certificate.code, certificate.version),
        "type": ["VerifiableCredential", "OpenBadgeCredential"],
        "name": f"{kind_label}: {certificate.course_title}",
        "issuer": {
            "id": issuer_id(),
            "type": ["Profile"],
            "name": settings.CREDENTIAL_ISSUER_NAME,
            "url": settings.SITE_URL + "/",
        },
        "validFrom": valid_from,
        "awardedDate": valid_from,
        "credentialSubject": subject,
        "credentialStatus": {
            "id": f"{list_url}#{position}",
            "type": "BitstringStatusListEntry",
            "statusPurpose": "revocation",
            "statusListIndex": str(position),
            "statusListCredential": list_url,
        },
        "credentialSchema": [
            {"id": OB_SCHEMA, "type": "1EdTechJsonSchemaValidator2019"}
        ],
    }
    if certificate.valid_until is not None:
        credential["validUntil"] = _timestamp(_end_of_day(certificate.valid_until))
    return credential


def issuer_profile() -> dict:
    """The issuer's public OB 3.0 Profile (the document ``issuer.id`` names)."""
    from django.utils.translation import gettext as _

    return {
        "@context": list(OB_CONTEXT),
        "id": issuer_id(),
        "type": ["Profile"],
        "name": settings.CREDENTIAL_ISSUER_NAME,
        "url": settings.SITE_URL + "/",
        "description": _(
            "Emisor de los certificados y credenciales verificables de la "
            "Plataforma de Aprendizaje INFOM. Claves públicas: %(claves)s"
        )
        % {"claves": absolute(reverse("certificados:jwks"))},
        "address": {"type": ["Address"], "addressCountry": "Guatemala"},
    }


# ---------------------------------------------------------------- signing


def _numeric_date(stamp: str) -> int:
    return int(
        datetime.strptime(stamp, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=UTC).timestamp()
    )


def jwt_claims(credential: dict) -> dict:
    """The credential with the registered claims OB 3.0 requires beside it."""
    claims = {
        "iss": credential["issuer"]["id"]
        if isinstance(credential["issuer"], dict)
        else credential["issuer"],
        "jti": credential["id"],
        "sub": credential["credentialSubject"]["id"],
        "nbf": _numeric_date(credential["validFrom"]),
    }
    if "validUntil" in credential:
        claims["exp"] = _numeric_date(credential["validUntil"])
    return {**credential, **claims}


class NoSigningKey(Exception):
    """No key in CREDENTIAL_SIGNING_KEYS_DIR (see ``manage.py credential_key``)."""


def sign(credential: dict, ring: KeyRing | None = None) -> str:
    """The credential as a Compact JWS (VC-JWT) signed by the newest key. RS256
    is deterministic: the same credential and key give the same token."""
    ring = ring or load_keys()
    if ring.signing is None:
        raise NoSigningKey
    header = {"alg": ALG, "kid": key_url(ring.signing_kid), "typ": "JWT"}
    payload = json.dumps(
        jwt_claims(credential), ensure_ascii=False, separators=(",", ":")
    )
    token = JWS(payload.encode("utf-8"))
    token.add_signature(ring.signing, None, protected=json.dumps(header))
    return token.serialize(compact=True)


# ---------------------------------------------------------------- verifying


@dataclass
class Decoded:
    """The outcome of checking a token's form, issuer and signature (no status):
    ``problem`` is None, "formato", "emisor" or "firma"."""

    problem: str | None
    credential: dict | None = None


def _b64decode(segment: str) -> bytes:
    return base64.urlsafe_b64decode(segment + "=" * (-len(segment) % 4))


def decode_verified(token: str, ring: KeyRing | None = None) -> Decoded:
    """Check a pasted credential: a Compact JWS whose header names one of our
    published keys, whose RS256 signature that key verifies, and whose claims
    agree with the credential inside (OB 3.0 section 8.2.6). Never raises on
    bad input."""
    token = "".join((token or "").split())
    if not token or len(token) > MAX_TOKEN_CHARS or not _COMPACT_JWS.fullmatch(token):
        return Decoded("formato")
    head, body, _signature = token.split(".")
    try:
        header = json.loads(_b64decode(head))
        payload = json.loads(_b64decode(body))
    except (ValueError, binascii.Error, UnicodeDecodeError, RecursionError):
        return Decoded("formato")
    if not isinstance(header, dict) or not isinstance(payload, dict):
        return Decoded("formato")
    types = payload.get("type")
    if (
        not isinstance(types, list)
        or "OpenBadgeCredential" not in types
        and ("AchievementCredential" not in types)
    ):
        return Decoded("formato")
    ring = ring or load_keys()
    kid = header.get("kid")
    prefix = key_url("X")[: -len("X.json")]
    if (
        not isinstance(kid, str)
        or not kid.startswith(prefix)
        or not kid.endswith(".json")
        or payload.get("iss") != issuer_id()
    ):
        return Decoded("emisor")
    key = ring.public.get(kid[len(prefix) : -len(".json")])
    if key is None:
        return Decoded("emisor")
    if header.get("alg") != ALG:
        return Decoded("firma")
    jws = JWS()
    jws.allowed_algs = [ALG]
    try:
        jws.deserialize(token)
        jws.verify(key, alg=ALG)
    except (JWException, ValueError, TypeError):
        return Decoded("firma")
    credential = payload
    try:
        consistent = (
            isinstance(credential.get("issuer"), dict)
            and credential["issuer"].get("id") == credential["iss"]
            and credential.get("id") == credential.get("jti")
            and credential["credentialSubject"]["id"] == credential.get("sub")
            and _numeric_date(credential["validFrom"]) == credential.get("nbf")
            and (
                "validUntil" not in credential
                or _numeric_date(credential["validUntil"]) == credential.get("exp")
            )
        )
        status = credential["credentialStatus"]
        int(status["statusListIndex"])
    except (KeyError, TypeError, ValueError, AttributeError):
        consistent = False
    if not consistent:
        return Decoded("formato")
    return Decoded(None, credential)


def status_index_of(credential: dict) -> int | None:
    """The global status index a (verified) credential points to, or None."""
    status = credential.get("credentialStatus") or {}
    url = status.get("statusListCredential", "")
    prefix = absolute(reverse("certificados:status_list", args=[1]))[: -len("1/")]
    number = url[len(prefix) :].rstrip("/") if url.startswith(prefix) else ""
    if not number.isdigit() or not str(status.get("statusListIndex", "")).isdigit():
        return None
    position = int(status["statusListIndex"])
    if int(number) < 1 or position >= LIST_SIZE:
        return None
    return (int(number) - 1) * LIST_SIZE + position


# ---------------------------------------------------------------- status list


def encode_bitstring(positions, size: int = LIST_SIZE) -> str:
    """The ``encodedList`` of a Bitstring Status List: bit ``i`` set for each
    position (the first index is the left-most bit of the first byte), GZIP-
    compressed, base64url without padding, with the multibase prefix "u"."""
    bits = bytearray(size // 8)
    for position in positions:
        bits[position // 8] |= 0x80 >> (position % 8)
    compressed = gzip.compress(bytes(bits), mtime=0)
    return "u" + base64.urlsafe_b64encode(compressed).decode("ascii").rstrip("=")


def status_list_credential(list_number: int, revoked_positions, *, now=None) -> dict:
    """The BitstringStatusListCredential of one list (unsigned)."""
    url = status_list_url(list_number)
    return {
        "@context": ["https://www.w3.org/ns/credentials/v2"],
        "id": url,
        "type": ["VerifiableCredential", "BitstringStatusListCredential"],
        "issuer": {
            "id": issuer_id(),
            "type": ["Profile"],
            "name": settings.CREDENTIAL_ISSUER_NAME,
        },
        "validFrom": _timestamp(now or timezone.now()),
        "credentialSubject": {
            "id": f"{url}#lista",
            "type": "BitstringStatusList",
            "statusPurpose": "revocation",
            "encodedList": encode_bitstring(revoked_positions),
        },
    }


def sign_status_list(credential: dict, ring: KeyRing | None = None) -> str:
    """The status list as a VC-JWT, signed like the badges themselves."""
    ring = ring or load_keys()
    if ring.signing is None:
        raise NoSigningKey
    claims = {
        **credential,
        "iss": credential["issuer"]["id"],
        "jti": credential["id"],
        "sub": credential["credentialSubject"]["id"],
        "nbf": _numeric_date(credential["validFrom"]),
    }
    header = {"alg": ALG, "kid": key_url(ring.signing_kid), "typ": "JWT"}
    token = JWS(json.dumps(claims, separators=(",", ":")).encode("utf-8"))
    token.add_signature(ring.signing, None, protected=json.dumps(header))
    return token.serialize(compact=True)
