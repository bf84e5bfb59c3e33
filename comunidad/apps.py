from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ComunidadConfig(AppConfig):
    name = "comunidad"
    verbose_name = _("Vida de la edición")
