"""Owner download and public verification (no login; rate-limited)."""

import hashlib

from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt, csrf_protect

from cursos.storage import private_file_response
from lms.security import reads_body_after_own_checks

from .forms import VerifyCodeForm, VerifyFileForm
from .models import Certificate, CertificateVersion
from .ratelimit import allow
from .services import normalize_code

VERIFY_LIMIT_PER_MINUTE = 30


def _too_many(request):
    return render(request, "certificados/too_many.html", status=429)


@login_required
def download_view(request, pk: int):
    """The PDF, for its owner only (anyone else: 404)."""
    certificate = get_object_or_404(
        Certificate,
        pk=pk,
        enrollment__user=request.user,
        status=Certificate.Status.ISSUED,
    )
    return private_file_response(
        certificate.pdf,
        filename=f"certificado-{certificate.display_code}.pdf",
        content_type="application/pdf",
    )


@csrf_exempt  # checked by _verify, after the rate limit
@reads_body_after_own_checks
def verify_view(request):
    """Verification by code or by the PDF itself. A client over the rate limit is
    refused before anything reads the request body (not even the CSRF check,
    which parses the form): a flood of uploads costs no parsing."""
    if not allow(request, "verificar", VERIFY_LIMIT_PER_MINUTE):
        return _too_many(request)
    return _verify(request)


@csrf_protect
def _verify(request):
    code_form = VerifyCodeForm(prefix="codigo")
    file_form = VerifyFileForm(prefix="archivo")
    if request.method == "POST" and "codigo-code" in request.POST:
        code_form = VerifyCodeForm(request.POST, prefix="codigo")
        if code_form.is_valid():
            raw = "".join(code_form.cleaned_data["code"].split())
            return redirect("certificados:verify_code", code=raw[:64] or "-")
    elif request.method == "POST":
        file_form = VerifyFileForm(request.POST, request.FILES, prefix="archivo")
        if file_form.is_valid():
            digest = hashlib.sha256()
            for chunk in file_form.cleaned_data["pdf"].chunks():
                digest.update(chunk)
            return _result(request, by_hash=digest.hexdigest())
    return render(
        request,
        "certificados/verify.html",
        {"code_form": code_form, "file_form": file_form},
        status=400 if request.method == "POST" else 200,
    )


def verify_code_view(request, code: str):
    if not allow(request, "verificar", VERIFY_LIMIT_PER_MINUTE):
        return _too_many(request)
    return _result(request, code=normalize_code(code))


def _result(request, *, code=None, by_hash=None):
    """The public answer: only what proves the certificate (kind, name as
    printed, course, hours, edition, date, validity, status and code); never
    the grade or the reason for a revocation, which stay in the admin."""
    certificate, earlier_version = None, None
    if code:
        certificate = Certificate.objects.filter(code=code).first()
    elif by_hash:
        certificate = Certificate.objects.filter(sha256=by_hash).first()
        if certificate is None:
            earlier_version = (
                CertificateVersion.objects.select_related("certificate")
                .filter(sha256=by_hash)
                .first()
            )
            certificate = earlier_version.certificate if earlier_version else None
    if certificate is not None and certificate.status == Certificate.Status.PENDING:
        certificate = None
    # "valido" | "vencido" | "revocado": the one rule (Certificate.verdict).
    state = certificate.verdict() if certificate is not None else "no_encontrado"
    return render(
        request,
        "certificados/verify_result.html",
        {
            "certificate": certificate,
            "state": state,
            "earlier_version": earlier_version,
            "checked_file": by_hash is not None,
            "title": _("Verificación de certificado"),
        },
        status=200 if certificate else 404,
    )
