from django.utils.translation import gettext as _
from wagtail.admin.forms import WagtailAdminPageForm


class CoursePageForm(WagtailAdminPageForm):
    """Refuses to delete an edition (cohort) that already has people enrolled."""

    def clean(self):
        cleaned = super().clean()
        cohorts = self.formsets.get("cohorts")
        if cohorts is not None:
            for form in cohorts.deleted_forms:
                cohort = form.instance
                if cohort.pk and cohort.enrollments.exists():
                    self.add_error(
                        None,
                        _(
                            "No se puede eliminar la edición «%(edicion)s» porque "
                            "tiene personas inscritas. Cierre sus inscripciones en "
                            "su lugar."
                        )
                        % {"edicion": cohort.name},
                    )
        return cleaned


class AssignmentPageForm(WagtailAdminPageForm):
    """Accepted formats as checkboxes (stored as a JSON list of codes)."""

    def __init__(self, *args, **kwargs):
        from django import forms

        from cursos.models.assignments import FORMAT_CHOICES

        super().__init__(*args, **kwargs)
        field = forms.MultipleChoiceField(
            label=_("formatos aceptados"),
            choices=FORMAT_CHOICES,
            widget=forms.CheckboxSelectMultiple,
            required=False,
            help_text=_("El tipo se comprueba por el contenido del archivo."),
        )
        field.initial = self.instance.accepted_formats or []
        self.fields["accepted_formats"] = field
