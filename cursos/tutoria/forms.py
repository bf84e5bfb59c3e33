"""Forms of the tutor area: grading (rubric or points), returning for revision
and changing a released grade. They only parse; the services decide."""

from decimal import Decimal

from django import forms
from django.utils.translation import gettext_lazy as _

FEEDBACK_MAX = 10_000
REASON_MAX = 1_000


def _clean_text(value: str) -> str:
    if "\x00" in value:
        raise forms.ValidationError(_("El texto contiene caracteres no válidos."))
    return value.strip()


class GradeForm(forms.Form):
    """One radio group per rubric criterion, or a points field without one."""

    feedback = forms.CharField(
        label=_("Comentarios para la persona participante"),
        required=False,
        max_length=FEEDBACK_MAX,
        widget=forms.Textarea(attrs={"rows": 6}),
    )

    def __init__(self, *args, assignment, **kwargs):
        super().__init__(*args, **kwargs)
        self.assignment = assignment
        self.criteria = assignment.rubric_criteria()
        if self.criteria:
            for index, criterion in enumerate(self.criteria):
                self.fields[f"criterio_{index}"] = forms.TypedChoiceField(
                    label=criterion["criterion"],
                    help_text=criterion["description"],
                    choices=[
                        (str(level_index), level["name"])
                        for level_index, level in enumerate(criterion["levels"])
                    ],
                    coerce=int,
                    widget=forms.RadioSelect,
                    error_messages={
                        "required": _("Elija un nivel en este criterio."),
                        "invalid_choice": _("Elija uno de los niveles del criterio."),
                    },
                )
        else:
            self.fields["points"] = forms.DecimalField(
                label=_("Puntos (de 0 a %(max)s)")
                % {"max": assignment.max_points.normalize()},
                min_value=Decimal(0),
                max_value=assignment.max_points,
                max_digits=6,
                decimal_places=2,
                error_messages={
                    "required": _("Escriba los puntos."),
                    "invalid": _("Escriba un número, por ejemplo 85 o 85.5."),
                    "min_value": _("Los puntos no pueden ser negativos."),
                    "max_value": _("Los puntos no pueden pasar de %(limit_value)s."),
                    "max_decimal_places": _("Use como máximo dos decimales."),
                    "max_digits": _("El número es demasiado largo."),
                },
            )
        # Keep the feedback field after the rubric or points.
        self.fields["feedback"] = self.fields.pop("feedback")

    def clean_feedback(self):
        return _clean_text(self.cleaned_data["feedback"])

    def rubric_groups(self):
        """(criterion, bound field, levels) for the template's fieldsets."""
        return [
            (criterion, self[f"criterio_{index}"], criterion["levels"])
            for index, criterion in enumerate(self.criteria)
        ]

    def grade_arguments(self) -> dict:
        """Keyword arguments for the assignment services."""
        data = self.cleaned_data
        if self.criteria:
            scores = [data[f"criterio_{i}"] for i in range(len(self.criteria))]
            return {"rubric_scores": scores, "feedback": data["feedback"]}
        return {"points": data["points"], "feedback": data["feedback"]}


class ChangeGradeForm(GradeForm):
    reason = forms.CharField(
        label=_("Motivo del cambio"),
        max_length=REASON_MAX,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": _("Escriba el motivo del cambio.")},
    )

    def clean_reason(self):
        reason = _clean_text(self.cleaned_data["reason"])
        if not reason:
            raise forms.ValidationError(_("Escriba el motivo del cambio."))
        return reason


class ReturnForm(forms.Form):
    feedback = forms.CharField(
        label=_("Qué debe corregir"),
        max_length=FEEDBACK_MAX,
        widget=forms.Textarea(attrs={"rows": 5}),
        error_messages={
            "required": _("Explique qué debe corregir para devolver la entrega.")
        },
    )

    def clean_feedback(self):
        feedback = _clean_text(self.cleaned_data["feedback"])
        if not feedback:
            raise forms.ValidationError(
                _("Explique qué debe corregir para devolver la entrega.")
            )
        return feedback
