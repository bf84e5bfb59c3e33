"""What certificados holds about a person, for lms.accounts.privacy.

Decision on erasure: a certificate is the institution's record and third
parties (an employer, a municipality) may hold a copy, so the row stays and can
still be verified by its code or by the SHA-256 of any version's file; but the
name stored in it and in every earlier version is replaced by "Nombre retirado a
solicitud de su titular" (what the public verification page then shows), and
the stored PDF files are deleted. The privacy notice says so."""

from django.conf import settings
from django.urls import reverse

from lms.accounts.privacy import AUTHORING, Entry, iso, number, register


def export_certificates(user):
    from certificados.models import Certificate

    return [
        {
            "tipo": c.get_kind_display(),
            "nombre": c.holder_name,
            "curso": c.course_title,
            "edicion": c.cohort_name,
            "horas": c.hours,
            "nota_final": number(c.grade),
            "fecha_de_finalizacion": iso(c.completed_on),
            "valido_hasta": iso(c.valid_until),
            "estado": c.get_status_display(),
            "version": c.version,
            "emitido": iso(c.issued_at),
            "revocado": iso(c.revoked_at),
            "motivo_de_la_revocacion": c.revoke_reason,
            "codigo_de_verificacion": c.display_code,
            "enlace_de_verificacion": c.verification_url,
            # The Open Badges 3.0 credential, downloadable by its holder while
            # the certificate is issued (certificados.credential_views).
            "credencial_digital": (
                settings.SITE_URL
                + reverse("certificados:download_credential", args=[c.pk])
                if c.status == Certificate.Status.ISSUED
                else None
            ),
            "sha256": c.sha256,
        }
        for c in Certificate.objects.filter(enrollment__user=user).order_by("pk")
    ]


def erase_certificates(user, erasure):
    from certificados.bundles import discard_bundles
    from certificados.models import Certificate
    from lms.accounts.privacy.erasure import WITHDRAWN_NAME

    certificates = Certificate.objects.filter(enrollment__user=user)
    erasure.delete_files([c.pdf for c in certificates])
    # Edition bundles hold a copy of the certificate, name included.
    discard_bundles(certificates)
    certificates.update(holder_name=WITHDRAWN_NAME, pdf="")
    erasure.scrub_rows(
        Certificate.objects.filter(enrollment__user=user), ["revoke_reason"]
    )


register(
    Entry(
        "certificados.Certificate",
        "Certificados y constancias",
        export=export_certificates,
        erase=erase_certificates,
        order=30,
    )
)


def export_versions(user):
    from certificados.models import CertificateVersion

    return [
        {
            "curso": v.certificate.course_title,
            "version": v.version,
            "nombre": v.holder_name,
            "sha256": v.sha256,
            "creada": iso(v.created_at),
        }
        for v in CertificateVersion.objects.filter(certificate__enrollment__user=user)
        .select_related("certificate")
        .order_by("certificate_id", "version")
    ]


def erase_versions(user, erasure):
    from certificados.models import CertificateVersion
    from lms.accounts.privacy.erasure import WITHDRAWN_NAME

    versions = CertificateVersion.objects.filter(certificate__enrollment__user=user)
    erasure.delete_files([v.pdf for v in versions])
    versions.update(holder_name=WITHDRAWN_NAME, pdf="")


register(
    Entry(
        "certificados.CertificateVersion",
        "Versiones anteriores de los certificados",
        export=export_versions,
        erase=erase_versions,
        order=31,
    )
)


def export_jobs(user):
    from certificados.models import BulkIssueJob

    return [
        {
            "edicion": j.cohort.name,
            "accion": j.get_kind_display(),
            "fecha": iso(j.created_at),
        }
        for j in BulkIssueJob.objects.filter(created_by=user)
        .select_related("cohort")
        .order_by("pk")
    ]


def export_bundles(user):
    from certificados.models import CertificateBundle

    return [
        {
            "edicion": b.cohort.name,
            "formato": b.get_format_display(),
            "fecha": iso(b.created_at),
        }
        for b in CertificateBundle.objects.filter(created_by=user)
        .select_related("cohort")
        .order_by("pk")
    ]


register(
    Entry(
        "certificados.BulkIssueJob",
        "Emisiones masivas que solicitó",
        kind=AUTHORING,
        export=export_jobs,
        order=32,
    )
)
register(
    Entry(
        "certificados.CertificateBundle",
        "Descargas de certificados de ediciones que solicitó",
        kind=AUTHORING,
        export=export_bundles,
        order=33,
    )
)
