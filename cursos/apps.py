from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CursosConfig(AppConfig):
    name = "cursos"
    verbose_name = _("Cursos")

    def ready(self):
        from . import signal_handlers  # noqa: F401  (connects the receivers)

        self._label_workflow_page_field()

    @staticmethod
    def _label_workflow_page_field():
        """Wagtail's workflow form leaves its page field without a label, so
        Django shows the field's name, "Page", which no catalog can translate.
        Coordinators assign "Revisión de contenidos" to courses on that form."""
        from wagtail.admin.forms.workflows import WorkflowPageForm

        WorkflowPageForm.base_fields["page"].label = _("Página")
