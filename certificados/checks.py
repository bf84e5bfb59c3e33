"""Deployment checks of the credential signing keys (``manage.py check --deploy``)."""

from django.core.checks import Error, Tags, Warning, register


@register(Tags.security, deploy=True)
def credential_keys_check(app_configs, **kwargs):
    from . import credentials

    directory = credentials.keys_dir()
    ring = credentials.load_keys(directory)
    if ring.signing is None:
        return [
            Error(
                f"No hay claves para firmar credenciales en {directory}.",
                hint=(
                    "Defina CREDENTIAL_SIGNING_KEYS_DIR y ejecute "
                    "`manage.py credential_key` (véase docs/deploy.md)."
                ),
                id="certificados.E001",
            )
        ]
    loose = [
        path.name
        for path in directory.glob(f"*{credentials.KEY_SUFFIX}")
        if path.stat().st_mode & 0o077
    ]
    if loose:
        return [
            Warning(
                "Claves privadas de credenciales legibles por otros usuarios: "
                + ", ".join(sorted(loose)),
                hint="chmod 600 a esos archivos.",
                id="certificados.W002",
            )
        ]
    return []
