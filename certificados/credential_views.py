"""Verifiable credentials on the web: the issuer's public documents (profile,
keys, status lists; no login, cached like public pages), the holder's download
and the public check of a pasted credential (rate-limited)."""

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, render
from django.views.decorators.csrf import csrf_exempt, csrf_protect

from lms.security import reads_body_after_own_checks

from . import credential_status, credentials
from .forms import VerifyCredentialForm
from .models import Certificate
from .ratelimit import allow
from .views import VERIFY_LIMIT_PER_MINUTE, _too_many

KEYS_MAX_AGE = 60 * 60
STATUS_MAX_AGE = 5 * 60
# OB 3.0 section 5.3: a VC-JWT served on the web SHOULD be text/plain.
JWT_CONTENT_TYPE = "text/plain; charset=utf-8"


def _public(response, max_age: int):
    """Cacheable by anyone (verifiers, wallets in a browser) and by the public
    page cache (lms.page_cache), which purges a status list when it changes."""
    response["Cache-Control"] = f"public, max-age={max_age}"
    response["Access-Control-Allow-Origin"] = "*"
    response.public_page_cache = True
    return response


def _json(data, max_age: int):
    return _public(
        JsonResponse(data, json_dumps_params={"ensure_ascii": False, "indent": 2}),
        max_age,
    )


def issuer_view(request):
    """The issuer's Open Badges 3.0 Profile (``issuer.id`` of every credential)."""
    return _json(credentials.issuer_profile(), KEYS_MAX_AGE)


def jwks_view(request):
    """Every public key, current and retired (JWKS, RFC 7517)."""
    return _json(credentials.jwks(), KEYS_MAX_AGE)


def key_view(request, kid: str):
    """One public key: the document a credential's ``kid`` URL names."""
    key = credentials.load_keys().public.get(kid)
    if key is None:
        raise Http404
    return _json(credentials.public_jwk(kid, key), KEYS_MAX_AGE)


def status_list_view(request, lista: int):
    """A Bitstring Status List credential (revocation), signed as a VC-JWT."""
    positions = credential_status.revoked_positions(lista) if lista >= 1 else None
    if positions is None:
        raise Http404
    try:
        token = credentials.sign_status_list(
            credentials.status_list_credential(lista, positions)
        )
    except credentials.NoSigningKey:
        raise Http404 from None
    return _public(HttpResponse(token, content_type=JWT_CONTENT_TYPE), STATUS_MAX_AGE)


@login_required
def download_credential_view(request, pk: int):
    """The holder's credential as a ``.jwt`` file (the Compact JWS, as OB 3.0's
    file format says; wallets import it). Owner only; anyone else: 404."""
    certificate = get_object_or_404(
        Certificate.objects.select_related("enrollment"),
        pk=pk,
        enrollment__user=request.user,
        status=Certificate.Status.ISSUED,
    )
    if certificate.issued_at is None:
        raise Http404
    credential_status.allocate_status_index(certificate)
    try:
        token = credentials.sign(
            credentials.build_credential(
                certificate, course_id=certificate.enrollment.course_id
            )
        )
    except credentials.NoSigningKey:
        raise Http404 from None
    response = HttpResponse(token, content_type=JWT_CONTENT_TYPE)
    response["Content-Disposition"] = (
        f'attachment; filename="credencial-{certificate.display_code}.jwt"'
    )
    response["Cache-Control"] = "private, no-store"
    return response


@csrf_exempt  # checked by _verify_credential, after the rate limit
@reads_body_after_own_checks
def verify_credential_view(request):
    """Anyone pastes or uploads a credential and reads a plain verdict. Over the
    rate limit nothing of the body is read (as the certificate check)."""
    if not allow(request, "verificar", VERIFY_LIMIT_PER_MINUTE):
        return _too_many(request)
    return _verify_credential(request)


@csrf_protect
def _verify_credential(request):
    form = VerifyCredentialForm()
    check = None
    status = 200
    if request.method == "POST":
        form = VerifyCredentialForm(request.POST, request.FILES)
        if form.is_valid():
            check = credential_status.check_credential(form.cleaned_data["credential"])
            if check.state in ("formato", "firma", "emisor"):
                status = 400
            form = VerifyCredentialForm()
        else:
            status = 400
    return render(
        request,
        "certificados/verify_credential.html",
        {"form": form, "check": check},
        status=status,
    )
