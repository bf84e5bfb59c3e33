from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CursosConfig(AppConfig):
    name = "cursos"
    verbose_name = _("Cursos")

    def ready(self):
        from . import signal_handlers  # noqa: F401  (connects the receivers)
