"""Create the local demo CA and signing certificate (first run only)."""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand

from certificados import signing
from certificados.demo_signing import CA_NAME, SIGNER_NAME, write_demo_credentials


class Command(BaseCommand):
    help = (
        "Crea, solo la primera vez, la autoridad de certificación de demostración "
        f"«{CA_NAME}» y el certificado de firma «{SIGNER_NAME}» con que se firman "
        "los certificados en desarrollo. Nunca para producción."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--directorio",
            type=Path,
            default=None,
            help="Dónde escribir los archivos (por defecto .firma-demo/ del proyecto).",
        )

    def handle(self, *args, directorio=None, **options):
        directory = directorio or settings.DEMO_SIGNING_DIR
        credentials, created = write_demo_credentials(directory)
        # A process that looked for the key before it existed looks again.
        signing.load_pdf_signer.cache_clear()
        if created:
            self.stdout.write(
                self.style.SUCCESS(
                    f"Firma de demostración creada en {credentials.directory} "
                    f"(CA «{CA_NAME}»)."
                )
            )
        else:
            self.stdout.write(
                f"La firma de demostración ya existía en {credentials.directory}."
            )
