from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CertificadosConfig(AppConfig):
    name = "certificados"
    verbose_name = _("Certificados")

    def ready(self):
        from . import checks, signal_handlers  # noqa: F401  (registers them)
