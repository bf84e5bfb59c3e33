"""Open Badges 3.0 verifiable credentials: the credential, its signature, the
published keys, the revocation status list, the download and the public check."""

import base64
import copy
import gzip
import importlib
import json
from datetime import UTC, timedelta
from pathlib import Path

import jsonschema
import pytest
import time_machine
from django.apps import apps
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from jwcrypto.jwk import JWK
from jwcrypto.jws import JWS

from certificados import checks, credential_status, credentials
from certificados.models import Certificate
from certificados.services import reissue, render_and_store, revoke
from cursos.services.enrollment import enroll
from cursos.services.progress import complete_lesson
from tests.factories import UserFactory, build_course, course_lessons
from tests.forms import post_form

pytestmark = pytest.mark.django_db

SCHEMA = json.loads(
    (
        Path(__file__).parent / "schemas" / "ob_v3p0_achievementcredential_schema.json"
    ).read_text(encoding="utf-8")
)
VERIFY = "/certificados/verificar/credencial/"


def b64json(segment: str):
    return json.loads(base64.urlsafe_b64decode(segment + "=" * (-len(segment) % 4)))


def b64encode(data: dict) -> str:
    raw = json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


@pytest.fixture
def certificate(completed_enrollment):
    return Certificate.objects.get(enrollment=completed_enrollment)


@pytest.fixture
def owner(completed_enrollment):
    client = Client(enforce_csrf_checks=True)
    client.force_login(completed_enrollment.user)
    return client


def download(owner, certificate) -> str:
    response = owner.get(
        reverse("certificados:download_credential", args=[certificate.pk])
    )
    assert response.status_code == 200, response.status_code
    return response.content.decode()


def issue_more(count: int):
    course = build_course(modules=1, lessons=1, title="Curso extra")
    lesson = course_lessons(course)[0]
    for _ in range(count):
        enrollment = enroll(user=UserFactory(), course=course)
        complete_lesson(enrollment=enrollment, lesson=lesson)


# ------------------------------------------------------------------ the credential


def test_issue_gives_a_random_position_in_the_status_list(certificate):
    assert certificate.status_index is not None
    assert 0 <= certificate.status_index < credentials.LIST_SIZE
    issue_more(3)
    indexes = list(Certificate.objects.values_list("status_index", flat=True))
    assert len(set(indexes)) == 4 and None not in indexes


def test_a_taken_position_is_never_given_twice(certificate, monkeypatch):
    issue_more(1)
    other = Certificate.objects.exclude(pk=certificate.pk).get()
    Certificate.objects.filter(pk=other.pk).update(status_index=None)
    other.refresh_from_db()
    draws = iter([certificate.status_index, certificate.status_index, 4242])

    class Fixed:
        def randrange(self, _stop):
            return next(draws)

    monkeypatch.setattr(credential_status.secrets, "SystemRandom", Fixed)
    assert credential_status.allocate_status_index(other) == 4242
    other.refresh_from_db()
    assert other.status_index == 4242
    # Idempotent: a certificate keeps its position.
    assert credential_status.allocate_status_index(other) == 4242


def test_the_credential_validates_against_the_open_badges_schema(owner, certificate):
    token = download(owner, certificate)
    header, payload = b64json(token.split(".")[0]), b64json(token.split(".")[1])
    validator = jsonschema.Draft201909Validator(
        SCHEMA, format_checker=jsonschema.Draft201909Validator.FORMAT_CHECKER
    )
    errors = sorted(validator.iter_errors(payload), key=str)
    assert not errors, [e.message for e in errors]
    # A broken credential fails the same schema (the test can fail).
    broken = copy.deepcopy(payload)
    del broken["credentialSubject"]["achievement"]["criteria"]
    assert list(validator.iter_errors(broken))

    assert header == {
        "alg": "RS256",
        "kid": header["kid"],
        "typ": "JWT",
    } and header["kid"].startswith(settings.SITE_URL + "/certificados/emisor/claves/")
    assert payload["@context"] == [
        "https://www.w3.org/ns/credentials/v2",
        "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json",
    ]
    assert payload["type"] == ["VerifiableCredential", "OpenBadgeCredential"]
    assert payload["issuer"]["id"] == settings.SITE_URL + "/certificados/emisor/"
    assert payload["iss"] == payload["issuer"]["id"]
    assert payload["jti"] == payload["id"] and payload["id"].startswith("urn:uuid:")
    assert payload["sub"] == payload["credentialSubject"]["id"]
    assert payload["validFrom"] == certificate.issued_at.astimezone(UTC).strftime(
        "%Y-%m-%dT%H:%M:%SZ"
    )
    assert "validUntil" not in payload and "exp" not in payload
    subject = payload["credentialSubject"]
    assert subject["identifier"] == [
        {
            "type": "IdentityObject",
            "identityType": "name",
            "hashed": False,
            "identityHash": "María José Tzul Batz",
        }
    ]
    assert certificate.enrollment.user.email not in token
    achievement = subject["achievement"]
    assert achievement["name"] == "Diplomado de prueba"
    assert achievement["creditsAvailable"] == 4.0
    assert achievement["achievementType"] == "Course"
    assert achievement["criteria"]["narrative"]
    list_number, position = credentials.status_position(certificate.status_index)
    list_url = f"{settings.SITE_URL}/certificados/estado/{list_number}/"
    assert payload["credentialStatus"] == {
        "id": f"{list_url}#{position}",
        "type": "BitstringStatusListEntry",
        "statusPurpose": "revocation",
        "statusListIndex": str(position),
        "statusListCredential": list_url,
    }


def test_valid_until_is_carried_as_valid_until_and_exp(owner, certificate):
    day = timezone.localdate() + timedelta(days=365)
    Certificate.objects.filter(pk=certificate.pk).update(valid_until=day)
    payload = b64json(download(owner, certificate).split(".")[1])
    # The whole local day (America/Guatemala, UTC-6) is included.
    assert payload["validUntil"] == f"{day + timedelta(days=1)}T05:59:59Z"
    assert payload["exp"] > payload["nbf"]
    validator = jsonschema.Draft201909Validator(SCHEMA)
    assert not list(validator.iter_errors(payload))


def test_downloading_twice_gives_the_same_token(owner, certificate):
    assert download(owner, certificate) == download(owner, certificate)


# ------------------------------------------------------------- keys and signature


def test_signature_verifies_with_the_key_from_the_published_jwks(owner, certificate):
    token = download(owner, certificate)
    kid = b64json(token.split(".")[0])["kid"]
    anonymous = Client()
    jwks = anonymous.get("/certificados/emisor/claves.json")
    assert jwks.status_code == 200 and jwks["Access-Control-Allow-Origin"] == "*"
    (published,) = [k for k in jwks.json()["keys"] if k["kid"] == kid]
    assert "d" not in published and "p" not in published
    jws = JWS()
    jws.deserialize(token)
    jws.verify(JWK(**published), alg="RS256")
    assert json.loads(jws.payload)["id"] == b64json(token.split(".")[1])["id"]
    # The kid dereferences to the same public key (OB 3.0 section 8.2.3).
    single = anonymous.get(kid.removeprefix(settings.SITE_URL))
    assert single.status_code == 200 and single.json()["n"] == published["n"]
    assert "d" not in single.json()


def test_the_issuer_profile_is_public_json(client):
    response = client.get("/certificados/emisor/")
    assert response.status_code == 200
    profile = response.json()
    assert profile["id"] == settings.SITE_URL + "/certificados/emisor/"
    assert profile["type"] == ["Profile"]
    assert profile["name"] == "Instituto de Fomento Municipal (INFOM)"


def tamper(token: str, path: tuple, value) -> str:
    header, payload, signature = token.split(".")
    data = b64json(payload)
    target = data
    for step in path[:-1]:
        target = target[step]
    target[path[-1]] = value
    return f"{header}.{b64encode(data)}.{signature}"


@pytest.mark.parametrize(
    "path,value,expected",
    [
        (
            ("credentialSubject", "identifier", 0, "identityHash"),
            "Otra Persona",
            "firma",
        ),
        (("credentialSubject", "achievement", "name"), "Doctorado", "firma"),
        (("credentialSubject", "achievement", "creditsAvailable"), 400.0, "firma"),
        (("validFrom",), "2020-01-01T00:00:00Z", "formato"),  # nbf no longer agrees
        (("nbf",), 1, "firma"),
        (("exp",), 4102444800, "firma"),
        (("credentialStatus", "statusListIndex"), "7", "firma"),
        (("issuer", "name"), "Otro instituto", "firma"),
        (("iss",), "https://otro.example/emisor/", "emisor"),
    ],
)
def test_changing_any_claim_breaks_the_signature(
    owner, certificate, path, value, expected
):
    token = download(owner, certificate)
    altered = tamper(token, path, value)
    assert altered != token
    key = credentials.load_keys().signing
    jws = JWS()
    jws.deserialize(altered)
    with pytest.raises(Exception, match="Verification failed"):
        jws.verify(key, alg="RS256")
    check = credential_status.check_credential(altered)
    # A changed validFrom is refused before the signature: nbf no longer agrees
    # with it, and then the signature fails too.
    assert check.state in {expected, "firma"} and check.state != "valida"
    assert check.state == expected or expected == "formato"


def test_rotation_keeps_old_credentials_verifiable(
    owner, certificate, tmp_path, settings
):
    settings.CREDENTIAL_SIGNING_KEYS_DIR = tmp_path
    first = credentials.create_key(tmp_path, size=2048)
    old_token = download(owner, certificate)
    assert b64json(old_token.split(".")[0])["kid"].endswith(f"/{first}.json")

    call_command(
        "credential_key", "--rotar", "--bits", "2048", stdout=open("/dev/null", "w")
    )
    ring = credentials.load_keys()
    assert ring.signing_kid != first and set(ring.public) == {first, ring.signing_kid}
    new_token = download(owner, certificate)
    assert b64json(new_token.split(".")[0])["kid"].endswith(f"/{ring.signing_kid}.json")
    assert new_token != old_token

    for token in (old_token, new_token):
        assert credential_status.check_credential(token).state == "valida"
    kids = {
        k["kid"]
        for k in Client().get("/certificados/emisor/claves.json").json()["keys"]
    }
    assert kids == {credentials.key_url(first), credentials.key_url(ring.signing_kid)}


def test_key_command_is_idempotent(tmp_path, settings):
    settings.CREDENTIAL_SIGNING_KEYS_DIR = tmp_path / "claves"
    with open("/dev/null", "w") as quiet:
        call_command("credential_key", "--bits", "2048", stdout=quiet)
        call_command("credential_key", "--bits", "2048", stdout=quiet)
    files = list((tmp_path / "claves").glob("*.jwk"))
    assert len(files) == 1
    assert files[0].stat().st_mode & 0o777 == 0o600


def test_deploy_check_reports_missing_keys(tmp_path, settings):
    settings.CREDENTIAL_SIGNING_KEYS_DIR = tmp_path / "vacio"
    (error,) = checks.credential_keys_check(None)
    assert error.id == "certificados.E011"
    credentials.create_key(tmp_path / "vacio", size=2048)
    assert checks.credential_keys_check(None) == []


# ------------------------------------------------------------------ status list


def decode_status_list(client, list_number: int):
    response = client.get(f"/certificados/estado/{list_number}/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    token = response.content.decode()
    header, payload = b64json(token.split(".")[0]), b64json(token.split(".")[1])
    encoded = payload["credentialSubject"]["encodedList"]
    assert encoded.startswith("u")  # multibase base64url
    raw = base64.urlsafe_b64decode(encoded[1:] + "=" * (-len(encoded[1:]) % 4))
    bits = gzip.decompress(raw)
    return token, header, payload, bits


def bit(bits: bytes, position: int) -> int:
    return (bits[position // 8] >> (7 - position % 8)) & 1


def test_a_revoked_certificate_shows_revoked_in_the_status_list(
    client, certificate, coordinator
):
    list_number, position = credentials.status_position(certificate.status_index)
    token, header, payload, bits = decode_status_list(client, list_number)
    assert len(bits) * 8 >= 131_072
    assert bit(bits, position) == 0 and not any(bits)
    assert payload["type"] == ["VerifiableCredential", "BitstringStatusListCredential"]
    assert payload["credentialSubject"]["statusPurpose"] == "revocation"
    assert payload["credentialSubject"]["type"] == "BitstringStatusList"
    key = credentials.load_keys().public[header["kid"].rsplit("/", 1)[1][:-5]]
    jws = JWS()
    jws.deserialize(token)
    jws.verify(key, alg="RS256")

    revoke(certificate=certificate, by=coordinator, reason="Error administrativo")
    _token, _header, _payload, bits = decode_status_list(client, list_number)
    assert bit(bits, position) == 1
    assert sum(bin(byte).count("1") for byte in bits) == 1


def test_status_list_is_served_from_the_cache_until_a_revocation(
    client, certificate, coordinator, django_assert_num_queries
):
    list_number, _position = credentials.status_position(certificate.status_index)
    url = f"/certificados/estado/{list_number}/"
    first = client.get(url)
    assert first["X-Page-Cache"] == "MISS"
    with django_assert_num_queries(0):
        again = client.get(url)
    assert again["X-Page-Cache"] == "HIT" and again.content == first.content
    revoke(certificate=certificate, by=coordinator, reason="x")
    after = client.get(url)
    assert after["X-Page-Cache"] == "MISS" and after.content != first.content


@pytest.mark.parametrize("extra", [0, 6])
def test_status_list_queries_stay_flat(client, certificate, extra):
    issue_more(extra)
    list_number, _ = credentials.status_position(certificate.status_index)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(f"/certificados/estado/{list_number}/").status_code == 200
    # One query of ours, whatever the number of certificates, and no other:
    # the Wagtail site is looked up only when something asks for it
    # (lms.middleware.CachedSiteMiddleware), and the status list does not.
    ours = [q for q in queries.captured_queries if "certificados_" in q["sql"]]
    assert len(ours) == 1 and len(queries.captured_queries) == 1


def test_unknown_status_lists_are_404(client):
    assert client.get("/certificados/estado/2/").status_code == 404
    assert client.get("/certificados/estado/0/").status_code == 404
    assert client.get("/certificados/emisor/claves/noexiste.json").status_code == 404


# ------------------------------------------------------------------ download


def test_download_is_for_the_owner_only(owner, certificate, client, coordinator):
    url = reverse("certificados:download_credential", args=[certificate.pk])
    response = owner.get(url)
    assert response["Content-Disposition"] == (
        f'attachment; filename="credencial-{certificate.display_code}.jwt"'
    )
    assert response.content.count(b".") == 2
    assert client.get(url).status_code == 302  # anonymous: log in
    stranger = Client()
    stranger.force_login(UserFactory())
    assert stranger.get(url).status_code == 404
    staff = Client()
    staff.force_login(coordinator)
    assert staff.get(url).status_code == 404
    revoke(certificate=certificate, by=coordinator, reason="x")
    assert owner.get(url).status_code == 404


def test_dashboard_links_the_credential(owner, certificate):
    page = owner.get(reverse("cursos:dashboard")).content.decode()
    assert reverse("certificados:download_credential", args=[certificate.pk]) in page


# ------------------------------------------------------------------ verification


def test_verify_page_says_valid(client, owner, certificate):
    token = download(owner, certificate)
    response = post_form(client, VERIFY, {"token": token})
    page = response.content.decode()
    assert response.status_code == 200
    assert "Credencial válida" in page and "María José Tzul Batz" in page
    assert "Diplomado de prueba" in page


def test_verify_page_accepts_the_file(client, owner, certificate):
    token = download(owner, certificate)
    upload = SimpleUploadedFile("credencial.jwt", token.encode(), "text/plain")
    response = post_form(client, VERIFY, {"file": upload})
    assert (
        response.status_code == 200 and "Credencial válida" in response.content.decode()
    )


def test_verify_page_says_revoked_with_date_never_the_reason(
    client, owner, certificate, coordinator
):
    token = download(owner, certificate)
    revoke(certificate=certificate, by=coordinator, reason="Plagio comprobado")
    page = post_form(client, VERIFY, {"token": token}).content.decode()
    assert "Credencial revocada" in page and "Revocada el" in page
    assert "Plagio" not in page


def test_verify_page_says_expired(client, owner, certificate):
    day = timezone.localdate() + timedelta(days=30)
    Certificate.objects.filter(pk=certificate.pk).update(valid_until=day)
    token = download(owner, certificate)
    assert (
        "Credencial válida"
        in post_form(client, VERIFY, {"token": token}).content.decode()
    )
    with time_machine.travel(timezone.now() + timedelta(days=60)):
        page = post_form(client, VERIFY, {"token": token}).content.decode()
    assert "Credencial vencida" in page


def test_a_credential_stays_valid_while_a_name_correction_is_rendered(
    owner, certificate
):
    token = download(owner, certificate)
    user = certificate.enrollment.user
    user.full_name = "María José Tzul Batz de León"
    user.save()
    reissue(certificate=certificate, enqueue=False)
    certificate.refresh_from_db()
    assert certificate.status == Certificate.Status.PENDING
    assert credential_status.check_credential(token).state == "valida"
    render_and_store(certificate.pk)
    certificate.refresh_from_db()
    new = download(owner, certificate)
    assert (
        b64json(new.split(".")[1])["credentialSubject"]["identifier"][0]["identityHash"]
        == "María José Tzul Batz de León"
    )
    assert credential_status.check_credential(new).state == "valida"


def test_a_credential_not_yet_valid_says_so(owner, certificate):
    token = download(owner, certificate)
    check = credential_status.check_credential(
        token, now=timezone.now() - timedelta(days=2)
    )
    assert check.state == "aun_no"


def other_key_token(token: str, *, kid: str | None = None, alg="RS256") -> str:
    header = b64json(token.split(".")[0])
    payload = base64.urlsafe_b64decode(token.split(".")[1] + "==")
    key = (
        JWK.generate(kty="RSA", size=2048)
        if alg == "RS256"
        else JWK.generate(kty="oct", size=256)
    )
    jws = JWS(payload)
    jws.allowed_algs = [alg]
    protected = {**header, "alg": alg, "kid": kid or header["kid"]}
    jws.add_signature(key, None, protected=json.dumps(protected))
    return jws.serialize(compact=True)


def alg_none(token: str) -> str:
    header = {**b64json(token.split(".")[0]), "alg": "none"}
    return f"{b64encode(header)}.{token.split('.')[1]}."


@pytest.mark.parametrize(
    "make,message",
    [
        (lambda t: other_key_token(t), "Firma no válida"),
        (lambda t: other_key_token(t, alg="HS256"), "Firma no válida"),
        (lambda t: alg_none(t), "Formato no reconocido"),
        (lambda t: t[:-10] + "AAAAAAAAAA", "Firma no válida"),
        (
            lambda t: other_key_token(t, kid="https://otro.example/claves/1.json"),
            "No emitida por el INFOM",
        ),
        (lambda t: "hola.mundo.adios", "Formato no reconocido"),
        (lambda t: '{"type": ["OpenBadgeCredential"]}', "Formato no reconocido"),
        (lambda t: t.split(".")[1], "Formato no reconocido"),
        (lambda t: "<script>alert(1)</script>", "Formato no reconocido"),
    ],
)
def test_verify_page_answers_bad_credentials(client, owner, certificate, make, message):
    token = download(owner, certificate)
    response = post_form(client, VERIFY, {"token": make(token)})
    assert response.status_code == 400
    page = response.content.decode()
    assert message in page and "Credencial válida" not in page
    assert "<script>alert(1)</script>" not in page


@pytest.mark.parametrize(
    "data,message",
    [
        ({}, "Pegue la credencial o suba su archivo"),
        ({"token": "abc\x00def"}, "Revise los datos"),
        ({"token": "a" * (64 * 1024 + 1)}, "Revise los datos"),
        (
            {"file": SimpleUploadedFile("x.jwt", b"\xff\xfe\x00" * 10)},
            "no es texto",
        ),
        (
            {"file": SimpleUploadedFile("x.jwt", b"a" * (64 * 1024 + 1))},
            "pesa más de 64 KB",
        ),
        ({"file": SimpleUploadedFile("x.jwt", b"a.b\x00.c")}, "Formato no reconocido"),
    ],
)
def test_verify_page_answers_bad_input(client, data, message):
    response = post_form(client, VERIFY, data)
    assert response.status_code == 400
    assert message in response.content.decode()


def test_verify_page_is_rate_limited(client):
    for _ in range(30):
        client.get(VERIFY)
    assert client.get(VERIFY).status_code == 429


def test_verify_page_is_linked_from_the_certificate_check(client):
    assert VERIFY in client.get("/certificados/verificar/").content.decode()


# ------------------------------------------------------------------ migration


def test_backfill_gives_existing_certificates_unique_positions(certificate):
    issue_more(4)
    Certificate.objects.update(status_index=None)
    migration = importlib.import_module(
        "certificados.migrations.0005_backfill_status_index"
    )
    migration.backfill(apps, None)
    indexes = list(Certificate.objects.values_list("status_index", flat=True))
    assert None not in indexes and len(set(indexes)) == 5
    assert all(0 <= i < credentials.LIST_SIZE for i in indexes)
