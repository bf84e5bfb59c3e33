"""Quiz question blocks: single choice, multiple choice and true/false.

Each validates itself in the editor (Spanish messages): a single-choice question
has exactly one correct choice, a multiple-choice question at least one.
"""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError


class ChoiceBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("opción"), max_length=300)
    correct = blocks.BooleanBlock(label=_("es correcta"), required=False)
    feedback = blocks.CharBlock(
        label=_("comentario para quien la elige"), required=False, max_length=500
    )


class QuestionBlock(blocks.StructBlock):
    prompt = blocks.TextBlock(label=_("pregunta"), max_length=1000)
    points = blocks.DecimalBlock(
        label=_("puntos"), min_value=0.5, max_value=100, decimal_places=1, default=1
    )
    explanation = blocks.TextBlock(
        label=_("explicación general"),
        required=False,
        help_text=_("Se muestra al revisar, según la política de revisión."),
    )

    kind = ""

    def correct_count(self, value) -> int:
        return sum(1 for choice in value.get("choices", []) if choice.get("correct"))

    def validate_choices(self, value) -> None:
        choices = value.get("choices", [])
        if len(choices) < 2:
            raise self._error(_("Escriba al menos dos opciones."))
        if self.correct_count(value) < 1:
            raise self._error(_("Marque al menos una opción correcta."))

    def _error(self, message):
        return StructBlockValidationError(
            block_errors={"choices": ValidationError(message)}
        )

    def clean(self, value):
        value = super().clean(value)
        self.validate_choices(value)
        return value


class SingleChoiceQuestionBlock(QuestionBlock):
    choices = blocks.ListBlock(ChoiceBlock(), label=_("opciones"), min_num=2)

    kind = "single"

    def validate_choices(self, value) -> None:
        super().validate_choices(value)
        if self.correct_count(value) != 1:
            raise self._error(
                _("Una pregunta de opción única debe tener exactamente una correcta.")
            )

    class Meta:
        icon = "radio-full"
        label = _("Opción única")
        form_classname = "quiz-question"
        preview_value = {
            "prompt": "¿En qué plazo debe responderse una solicitud de información?",
            "points": 1,
            "choices": [
                {"text": "10 días hábiles", "correct": True, "feedback": "Correcto."},
                {"text": "30 días hábiles", "correct": False, "feedback": ""},
            ],
        }
        template = "blocks/quiz_question_preview.html"


class MultipleChoiceQuestionBlock(QuestionBlock):
    choices = blocks.ListBlock(ChoiceBlock(), label=_("opciones"), min_num=2)
    scoring = blocks.ChoiceBlock(
        label=_("calificación"),
        choices=[
            ("todo", _("Todo o nada: puntos solo si marca todas y solo las correctas")),
            ("parcial", _("Crédito parcial: suma por correcta, resta por incorrecta")),
        ],
        default="todo",
    )

    kind = "multiple"

    class Meta:
        icon = "tasks"
        label = _("Opción múltiple")
        preview_value = {
            "prompt": "¿Cuáles son principios del Gobierno Abierto?",
            "points": 2,
            "scoring": "parcial",
            "choices": [
                {"text": "Transparencia", "correct": True, "feedback": ""},
                {"text": "Participación ciudadana", "correct": True, "feedback": ""},
                {"text": "Secretividad", "correct": False, "feedback": ""},
            ],
        }
        template = "blocks/quiz_question_preview.html"


class TrueFalseQuestionBlock(QuestionBlock):
    answer = blocks.ChoiceBlock(
        label=_("respuesta correcta"),
        choices=[("verdadero", _("Verdadero")), ("falso", _("Falso"))],
        default="verdadero",
    )
    feedback_true = blocks.CharBlock(
        label=_("comentario si responde «Verdadero»"), required=False, max_length=500
    )
    feedback_false = blocks.CharBlock(
        label=_("comentario si responde «Falso»"), required=False, max_length=500
    )

    kind = "true_false"

    def validate_choices(self, value) -> None:
        return None

    class Meta:
        icon = "help"
        label = _("Verdadero o falso")
        preview_value = {
            "prompt": (
                "La información pública de oficio se publica sin que nadie la pida."
            ),
            "points": 1,
            "answer": "verdadero",
        }
        template = "blocks/quiz_question_preview.html"


class QuizQuestionsBlock(blocks.StreamBlock):
    single_choice = SingleChoiceQuestionBlock()
    multiple_choice = MultipleChoiceQuestionBlock()
    true_false = TrueFalseQuestionBlock()

    class Meta:
        min_num = 1
