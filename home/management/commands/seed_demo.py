from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import transaction

from certificados import credentials
from cursos.demo import seed_courses
from home.demo import seed_home, seed_site, seed_site_address
from lms.accounts.demo import DEMO_PASSWORD, seed_accounts
from lms.accounts.privacy.notice import seed_privacy_notice


class Command(BaseCommand):
    help = (
        "Crea el contenido y las cuentas de demostración "
        "(se puede ejecutar varias veces)."
    )

    @transaction.atomic
    def handle(self, *args, **options):
        call_command("crear_firma_demo", stdout=self.stdout)  # signs the certificates
        seed_site_address()
        seed_home()
        accounts = seed_accounts()
        courses = seed_courses()
        seed_site(courses=[courses["diploma"]])
        credentials.ensure_key()  # credentials: the demo key that signs badges
        seed_privacy_notice()
        self.stdout.write(self.style.SUCCESS("Contenido de demostración listo."))
        self.stdout.write(f"\nCuentas de demostración (contraseña: {DEMO_PASSWORD}):")
        for account, _user, created in accounts:
            state = "creada" if created else "ya existía"
            self.stdout.write(f"  {account.role:<40} {account.email:<28} ({state})")
