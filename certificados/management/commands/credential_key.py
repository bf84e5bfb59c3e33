from django.core.management.base import BaseCommand

from certificados import credentials


class Command(BaseCommand):
    help = (
        "Crea la clave que firma las credenciales verificables si no hay ninguna "
        "(se puede ejecutar varias veces); con --rotar, crea una clave nueva que "
        "firma desde ahora (las anteriores se siguen publicando)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--rotar",
            action="store_true",
            help="Crear una clave nueva aunque ya haya una.",
        )
        parser.add_argument(
            "--bits", type=int, default=3072, help="Tamaño de la clave RSA."
        )

    def handle(self, *args, rotar=False, bits=3072, **options):
        directory = credentials.keys_dir()
        if rotar:
            kid, created = credentials.create_key(directory, size=bits), True
        else:
            kid, created = credentials.ensure_key(directory)
        state = "creada" if created else "ya existía"
        self.stdout.write(
            f"Clave de firma de credenciales {kid} ({state}) en {directory}"
        )
