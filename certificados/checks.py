"""`manage.py check --deploy`: the certificate signing key is there, opens with
its passphrase, matches its certificate, that certificate is in force and the
key file is private (certificados.E001-E003, W001-W004); the Open Badges
credential keys are there and private (certificados.E011, W012)."""

from __future__ import annotations

import datetime
from pathlib import Path

from django.conf import settings
from django.core import checks
from django.core.exceptions import ImproperlyConfigured

EXPIRY_WARNING_DAYS = 30


@checks.register(checks.Tags.security, deploy=True)
def check_signing_key(app_configs=None, **kwargs) -> list[checks.CheckMessage]:
    from .signing import SigningConfig, load_signer

    config = SigningConfig.from_settings()
    if not config.configured or not config.files_present():
        if settings.CERTIFICATE_SIGNING_REQUIRED:
            return [
                checks.Error(
                    "Falta la clave de firma de los certificados: los certificados "
                    "no se podrán emitir.",
                    hint="Defina CERTIFICATE_SIGNING_KEY y CERTIFICATE_SIGNING_CERT "
                    "(y CERTIFICATE_SIGNING_CHAIN) con rutas a archivos PEM "
                    "existentes; ver docs/deploy.md, «Firma electrónica de los "
                    "certificados».",
                    id="certificados.E001",
                )
            ]
        return [
            checks.Warning(
                "Los certificados se emitirán sin firma electrónica.",
                hint="Configure CERTIFICATE_SIGNING_KEY y CERTIFICATE_SIGNING_CERT.",
                id="certificados.W001",
            )
        ]
    try:
        signer = load_signer(config)
    except ImproperlyConfigured as error:
        return [checks.Error(str(error), id="certificados.E002")]
    cert = signer.signing_cert
    now = datetime.datetime.now(datetime.UTC)
    messages: list[checks.CheckMessage] = []
    if not cert.not_valid_before <= now <= cert.not_valid_after:
        messages.append(
            checks.Error(
                "El certificado de firma no está vigente (del "
                f"{cert.not_valid_before:%Y-%m-%d} al "
                f"{cert.not_valid_after:%Y-%m-%d}).",
                hint="Instale el certificado renovado (docs/deploy.md, rotación).",
                id="certificados.E003",
            )
        )
    elif cert.not_valid_after - now < datetime.timedelta(days=EXPIRY_WARNING_DAYS):
        messages.append(
            checks.Warning(
                f"El certificado de firma vence el {cert.not_valid_after:%Y-%m-%d}.",
                hint="Renuévelo con el prestador antes de esa fecha.",
                id="certificados.W002",
            )
        )
    if Path(config.key).stat().st_mode & 0o077:
        messages.append(
            checks.Warning(
                "La clave privada de firma de los certificados es legible por "
                f"otros usuarios del servidor: {config.key}",
                hint="chmod 600 a ese archivo (y al de su cadena si la incluye).",
                id="certificados.W004",
            )
        )
    usage = set(cert.key_usage_value.native) if cert.key_usage_value else set()
    if not usage & {"digital_signature", "non_repudiation"}:
        messages.append(
            checks.Warning(
                "El certificado de firma no permite firmar documentos "
                "(uso de clave sin digitalSignature ni nonRepudiation).",
                id="certificados.W003",
            )
        )
    return messages


# ---------------------------------------------------- credential signing keys


@checks.register(checks.Tags.security, deploy=True)
def credential_keys_check(app_configs, **kwargs):
    from . import credentials

    directory = credentials.keys_dir()
    ring = credentials.load_keys(directory)
    if ring.signing is None:
        return [
            checks.Error(
                f"No hay claves para firmar credenciales en {directory}.",
                hint=(
                    "Defina CREDENTIAL_SIGNING_KEYS_DIR y ejecute "
                    "`manage.py credential_key` (véase docs/deploy.md)."
                ),
                id="certificados.E011",
            )
        ]
    loose = [
        path.name
        for path in directory.glob(f"*{credentials.KEY_SUFFIX}")
        if path.stat().st_mode & 0o077
    ]
    if loose:
        return [
            checks.Warning(
                "Claves privadas de credenciales legibles por otros usuarios: "
                + ", ".join(sorted(loose)),
                hint="chmod 600 a esos archivos.",
                id="certificados.W012",
            )
        ]
    return []
