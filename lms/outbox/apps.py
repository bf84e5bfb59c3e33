from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OutboxConfig(AppConfig):
    name = "lms.outbox"
    label = "outbox"
    verbose_name = _("Cola de envíos")
    default_auto_field = "django.db.models.BigAutoField"
