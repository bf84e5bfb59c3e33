from django.core.management.base import BaseCommand

from lms.outbox.services import DEFAULT_MIN_AGE_SECONDS, deliver_pending, retry_failed


class Command(BaseCommand):
    help = "Publica en el broker las tareas y correos pendientes de la cola de envíos."

    def add_arguments(self, parser):
        parser.add_argument(
            "--antiguedad-minima",
            dest="min_age",
            type=float,
            default=DEFAULT_MIN_AGE_SECONDS,
            help="Solo mensajes con al menos estos segundos (por omisión %(default)s).",
        )
        parser.add_argument(
            "--reintentar",
            action="store_true",
            help="Incluir los mensajes que agotaron sus intentos.",
        )

    def handle(self, *args, min_age, reintentar, **options):
        if reintentar:
            retry_failed()
        result = deliver_pending(min_age_seconds=min_age)
        self.stdout.write(
            f"Enviados: {result['sent']}; pendientes con error: {result['failed']}"
        )
