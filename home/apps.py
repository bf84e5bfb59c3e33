from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = _("Sitio público")

    def ready(self):
        from . import signal_handlers  # noqa: F401  (connects the receivers)
