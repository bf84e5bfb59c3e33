"""Regression tests for the review of issues 15 and 16 (credentials, bundles,
privacy): each test names the defect it pins down."""

from __future__ import annotations

import base64
import json
import zipfile

import pytest
from django.test import Client

from certificados import bundles, credential_status, credentials
from certificados.models import Certificate, CertificateBundle
from cursos.storage import private_storage
from lms.accounts.models import NameCorrectionRequest
from lms.accounts.privacy.erasure import erase_user
from tests.certificados.test_bundles import build_edition
from tests.factories import UserFactory
from tests.forms import csrf_token_of_form

pytestmark = pytest.mark.django_db

CORRECTIONS = "/admin/correcciones-de-nombre/"


def _request(user, name="Nombre Cambiado Sin Permiso"):
    return NameCorrectionRequest.objects.create(
        user=user, current_name=user.full_name, requested_name=name
    )


def _client(user) -> Client:
    client = Client(enforce_csrf_checks=True)
    client.force_login(user)
    return client


# ------------------------------------------------ name corrections and ranks
def test_coordinator_cannot_decide_a_superusers_or_own_name_correction(
    coordinator, admin_user, participant
):
    """Defect: any holder of manage_certificates could approve the name change
    of a superuser, another coordinator or themselves (ranks.py: coordinators
    manage learners and staff only)."""
    other_coordinator = UserFactory(coordinator=True)
    above = [_request(admin_user), _request(other_coordinator), _request(coordinator)]
    learner = _request(participant, name="Ana Lucía Choc Xol")
    client = _client(coordinator)

    listing = client.get(CORRECTIONS)
    assert listing.status_code == 200
    html = listing.content.decode()
    assert "Ana Lucía Choc Xol" in html
    assert "Nombre Cambiado Sin Permiso" not in html

    learner_url = f"{CORRECTIONS}{learner.pk}/"
    token_page = client.get(learner_url)
    assert token_page.status_code == 200
    token = csrf_token_of_form(token_page.content.decode(), learner_url)
    for correction in above:
        url = f"{CORRECTIONS}{correction.pk}/"
        assert client.get(url).status_code == 404
        # The POST with a real token (from a page the coordinator may open).
        response = client.post(url, {"action": "approve", "csrfmiddlewaretoken": token})
        assert response.status_code == 404
        correction.refresh_from_db()
        assert correction.status == NameCorrectionRequest.Status.PENDING
        correction.user.refresh_from_db()
        assert correction.user.full_name != "Nombre Cambiado Sin Permiso"

    # A superuser still decides a coordinator's request.
    superuser = _client(admin_user)
    assert superuser.get(f"{CORRECTIONS}{above[1].pk}/").status_code == 200


# ------------------------------------------------ erasure and edition bundles
def test_erasure_deletes_the_edition_bundles_holding_the_persons_certificate(
    django_capture_on_commit_callbacks,
):
    """Defect: a coordinator's ZIP/merged PDF of the edition kept the erased
    person's certificate (their name, in the file and the member name)."""
    cohort = build_edition(["Zoila Tun Ajpop", "Otro Nombre Cualquiera"])
    with django_capture_on_commit_callbacks(execute=True):
        bundle = bundles.start_bundle(cohort=cohort, format="zip", created_by=None)
    bundle.refresh_from_db()
    assert bundle.status == CertificateBundle.Status.READY
    name = bundle.file.name
    with private_storage.open(name, "rb") as handle:
        members = zipfile.ZipFile(handle).namelist()
    assert any(m.startswith("zoila-tun-ajpop-") for m in members)
    person = Certificate.objects.get(holder_name="Zoila Tun Ajpop").enrollment.user

    with django_capture_on_commit_callbacks(execute=True):
        erase_user(person)

    assert not CertificateBundle.objects.filter(pk=bundle.pk).exists()
    assert not private_storage.exists(name)
    # A new bundle no longer carries the person's name.
    with django_capture_on_commit_callbacks(execute=True):
        again = bundles.start_bundle(cohort=cohort, format="zip", created_by=None)
    again.refresh_from_db()
    with again.file.open("rb") as handle:
        members = zipfile.ZipFile(handle).namelist()
    assert members and not any("zoila" in m for m in members)


# ------------------------------------------------ credential verification
def _token(certificate: Certificate) -> str:
    credential_status.allocate_status_index(certificate)
    return credentials.sign(
        credentials.build_credential(
            certificate, course_id=certificate.enrollment.course_id
        )
    )


def test_a_credential_is_judged_by_its_own_certificate_not_its_position(
    completed_enrollment,
):
    """Defect: the verdict came from whichever certificate held the status
    position, so a credential whose position was later held by another
    certificate (its own row deleted, the position drawn again) took that
    certificate's verdict."""
    mine = Certificate.objects.get(enrollment=completed_enrollment)
    token = _token(mine)
    assert credential_status.check_credential(token).state == "valida"

    cohort = build_edition(["Otra Persona Distinta"])
    other = Certificate.objects.get(
        enrollment__cohort=cohort, holder_name="Otra Persona Distinta"
    )
    position = mine.status_index
    Certificate.objects.filter(pk=other.pk).update(status_index=None)
    Certificate.objects.filter(pk=mine.pk).update(status_index=None)
    Certificate.objects.filter(pk=other.pk).update(status_index=position)

    check = credential_status.check_credential(token)
    assert check.state == "emisor"
    assert check.credential is None


def test_an_earlier_version_of_a_reissued_credential_still_verifies(
    completed_enrollment,
):
    """Control for the fix above: every version of the same certificate
    belongs to it."""
    certificate = Certificate.objects.get(enrollment=completed_enrollment)
    old = _token(certificate)
    Certificate.objects.filter(pk=certificate.pk).update(version=2)
    certificate.refresh_from_db()
    assert credential_status.check_credential(old).state == "valida"
    assert credential_status.check_credential(_token(certificate)).state == "valida"


def _b64(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def _hostile_tokens(valid: str) -> list[str]:
    head, body, sig = valid.split(".")
    header = json.loads(base64.urlsafe_b64decode(head + "=" * (-len(head) % 4)))
    prefix = header["kid"].rsplit("/", 1)[0]
    not_utf8 = _b64(bytes([0xFF, 0xFE, 0x00]))
    return [
        "",
        "\x00.\x00.\x00",
        f"{not_utf8}.{body}.{sig}",  # not UTF-8
        f"{_b64(b'[' * 50_000)}.{body}.{sig}"[: 64 * 1024],  # deep nesting
        f"{_b64(b'[' * 5_000 + b']' * 5_000)}.{body}.{sig}",
        f"{_b64(json.dumps({**header, 'alg': 'none'}).encode())}.{body}.",
        f"{_b64(json.dumps({**header, 'alg': 'none'}).encode())}.{body}.{sig}",
        f"{_b64(json.dumps({**header, 'alg': 'HS256'}).encode())}.{body}.{sig}",
        f"{_b64(json.dumps({**header, 'kid': prefix + '/../claves.json'}).encode())}"
        f".{body}.{sig}",
        f"{_b64(json.dumps({**header, 'kid': 'file:///etc/passwd'}).encode())}"
        f".{body}.{sig}",
        f"{_b64(json.dumps({**header, 'kid': ['x']}).encode())}.{body}.{sig}",
        f"{_b64(json.dumps({**header, 'crit': ['b64'], 'b64': False}).encode())}"
        f".{body}.{sig}",
        f"{head}.{_b64(b'null')}.{sig}",
        f"{head}.{_b64(json.dumps({'type': 'OpenBadgeCredential'}).encode())}.{sig}",
        "a" * (64 * 1024 + 1),
    ]


def test_hostile_credentials_get_a_verdict_never_an_exception(completed_enrollment):
    """Checked fine (kept as a guard): alg none/HS256, kid outside our keys,
    nesting, non-UTF-8, NUL and oversize tokens are refused without raising."""
    token = _token(Certificate.objects.get(enrollment=completed_enrollment))
    for hostile in _hostile_tokens(token):
        check = credential_status.check_credential(hostile)
        assert check.state in ("formato", "firma", "emisor"), hostile[:80]
        assert check.credential is None


# ------------------------------------------------ signing key hygiene
def test_signing_config_never_shows_its_secrets():
    """Defect: the frozen dataclass's repr carried the key passphrase and the
    TSA password into any log line, traceback locals or error report."""
    from certificados.signing import SigningConfig

    config = SigningConfig(
        key="/etc/infom/firma.key",
        cert="/etc/infom/firma.pem",
        passphrase="frase-secreta-123",
        tsa_username="infom",
        tsa_password="clave-tsa-456",
    )
    text = repr(config)
    assert "frase-secreta-123" not in text
    assert "clave-tsa-456" not in text
    assert "/etc/infom/firma.key" in text
    # Still part of equality and hashing (the signer cache keys on them).
    assert config != SigningConfig(
        key=config.key, cert=config.cert, passphrase="otra", tsa_username="infom"
    )


def test_deploy_check_warns_of_a_signing_key_others_can_read(settings, tmp_path):
    """Defect: the credential keys were checked for loose permissions but the
    PDF signing key (often unencrypted) was not."""
    import shutil

    from certificados.checks import check_signing_key

    key = tmp_path / "firma.key"
    shutil.copyfile(settings.CERTIFICATE_SIGNING_KEY, key)
    key.chmod(0o600)
    settings.CERTIFICATE_SIGNING_KEY = str(key)
    assert [m.id for m in check_signing_key()] == []
    key.chmod(0o644)
    [message] = check_signing_key()
    assert message.id == "certificados.W004"
    assert str(key) in message.msg


# ------------------------------------------------ bundles after revoke/reissue
@pytest.mark.parametrize("change", ["revoke", "reissue"])
def test_a_revoked_or_reissued_certificate_discards_its_editions_bundles(
    change, django_capture_on_commit_callbacks
):
    """Defect: a merged PDF/ZIP built before a revocation (or a name
    correction's reissue) kept being served to coordinators for printing,
    with the revoked certificate or the old name in it."""
    from certificados.services import reissue, revoke

    cohort = build_edition(["Zoila Tun Ajpop", "Otro Nombre Cualquiera"])
    with django_capture_on_commit_callbacks(execute=True):
        bundle = bundles.start_bundle(cohort=cohort, format="pdf", created_by=None)
    bundle.refresh_from_db()
    assert bundle.status == CertificateBundle.Status.READY
    name = bundle.file.name
    assert private_storage.exists(name)
    certificate = Certificate.objects.get(holder_name="Zoila Tun Ajpop")

    with django_capture_on_commit_callbacks(execute=True):
        if change == "revoke":
            revoke(certificate=certificate, by=None, reason="Emitido por error")
        else:
            reissue(certificate=certificate, enqueue=False)

    assert not CertificateBundle.objects.filter(pk=bundle.pk).exists()
    assert not private_storage.exists(name)


# ------------------------------------------------ export and quiz secrecy
def test_export_keeps_a_score_only_quiz_from_telling_which_answers_were_right():
    """Defect: "Descargar mis datos" listed, per question, correcta and puntos
    beside the answers chosen, for quizzes whose policy shows only the score:
    an export between two attempts told which answers to keep."""
    from cursos.models import QuizPage
    from cursos.privacy import export_question_results
    from cursos.services.enrollment import enroll
    from cursos.services.quizzes import start_attempt, submit_attempt
    from tests.factories import add_quiz, build_course, question, wrong_answers

    course = build_course(modules=1, lessons=1, title="Curso con evaluación")
    questions = [question(prompt=f"Pregunta {n}", correct=(n % 3,)) for n in range(3)]
    score_only = add_quiz(
        course, questions=questions, max_attempts=3, review=QuizPage.Review.SCORE
    )
    which_right = add_quiz(
        course,
        questions=questions,
        max_attempts=3,
        review=QuizPage.Review.WHICH_RIGHT,
    )
    user = UserFactory()
    enrollment = enroll(user=user, course=course)
    for quiz in (score_only, which_right):
        attempt = start_attempt(enrollment=enrollment, quiz=quiz)
        answers = wrong_answers(attempt)
        first = attempt.snapshot[0]["key"]
        answers[first] = [
            c["key"] for c in attempt.snapshot[0]["choices"] if c["correct"]
        ]
        submit_attempt(attempt=attempt, answers=answers)

    rows = export_question_results(user)
    hidden = [r for r in rows if r["evaluacion"] == score_only.title]
    shown = [r for r in rows if r["evaluacion"] == which_right.title]
    assert len(hidden) == 3 and len(shown) == 3
    assert {r["correcta"] for r in hidden} == {None}
    assert {r["puntos"] for r in hidden} == {None}
    assert all(r["puntos_posibles"] is not None for r in hidden)
    assert sorted(r["correcta"] for r in shown) == [False, False, True]


# ------------------------------------------------ key rotation and the cache
def test_a_rotated_key_is_published_at_once_not_after_the_page_cache(
    tmp_path, settings
):
    """Defect: the JWKS and issuer documents are stored by the public page
    cache; after ``credential_key --rotar`` the cached JWKS kept listing only
    the old keys for PAGE_CACHE_SECONDS, while new credentials were already
    signed with the new one (an outside verifier said "not ours")."""
    from django.core.management import call_command

    settings.CREDENTIAL_SIGNING_KEYS_DIR = tmp_path
    first = credentials.create_key(tmp_path, size=2048)
    visitor = Client()
    before = visitor.get("/certificados/emisor/claves.json")
    assert before.status_code == 200
    again = visitor.get("/certificados/emisor/claves.json")
    assert again.headers.get("X-Page-Cache") == "HIT"  # served from the cache

    with open("/dev/null", "w") as quiet:
        call_command("credential_key", "--rotar", "--bits", "2048", stdout=quiet)
    newest = credentials.load_keys().signing_kid
    assert newest != first
    kids = {
        k["kid"] for k in visitor.get("/certificados/emisor/claves.json").json()["keys"]
    }
    assert kids == {credentials.key_url(first), credentials.key_url(newest)}
