"""Editor panels of course pages."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from wagtail.admin.panels import Panel


class PublicationImpactPanel(Panel):
    """Before a lesson or quiz is first published, tells the editor how many
    learners it touches and how: new and optional for those who already
    completed its module (or a later one, or the course), required for the
    rest (the rule in ``cursos.selectors``). Shown only until the page is
    first published, since publishing again changes nobody's progress."""

    def __init__(self, **kwargs):
        kwargs.setdefault("heading", gettext_lazy("Participantes a quienes afecta"))
        super().__init__(**kwargs)

    class BoundPanel(Panel.BoundPanel):
        template_name = "cursos/admin/publication_impact_panel.html"

        def __init__(self, **kwargs):
            super().__init__(**kwargs)
            self.module = self._module()

        def _module(self):
            from cursos.models import ModulePage

            if self.instance is None or self.instance.first_published_at:
                return None
            parent = getattr(self.form, "parent_page", None)
            if parent is None and self.instance.pk:
                parent = self.instance.get_parent()
            if parent is None or not isinstance(parent.specific_deferred, ModulePage):
                return None
            return parent

        def is_shown(self):
            return self.module is not None

        def get_context_data(self, parent_context=None):
            from cursos.models import QuizPage
            from cursos.selectors import publication_impact

            context = super().get_context_data(parent_context)
            impact = publication_impact(module=self.module)
            context["impact"] = impact
            context["messages_"] = impact_messages(
                impact, quiz=isinstance(self.instance, QuizPage)
            )
            return context


def impact_messages(impact, *, quiz: bool) -> list[str]:
    """The sentences the editor reads, in Spanish."""
    if not impact.enrolled:
        return [
            _(
                "Todavía no hay participantes inscritos en este curso: publicar "
                "este contenido no cambia el avance de nadie."
            )
        ]
    sentences = []
    if impact.past:
        if quiz:
            text = ngettext(
                "Esta evaluación será nueva para %(n)s participante que ya "
                "completó este módulo o uno posterior: la verá como «Nuevo» y "
                "podrá presentarla, pero no se le exigirá.",
                "Esta evaluación será nueva para %(n)s participantes que ya "
                "completaron este módulo o uno posterior: la verán como «Nuevo» y "
                "podrán presentarla, pero no se les exigirá.",
                impact.past,
            )
        else:
            text = ngettext(
                "Esta lección será nueva para %(n)s participante que ya completó "
                "este módulo o uno posterior: la verá como «Nuevo» y podrá leerla, "
                "pero no se le exigirá.",
                "Esta lección será nueva para %(n)s participantes que ya "
                "completaron este módulo o uno posterior: la verán como «Nuevo» y "
                "podrán leerla, pero no se les exigirá.",
                impact.past,
            )
        sentences.append(text % {"n": impact.past})
        if impact.finished_course:
            sentences.append(
                ngettext(
                    "%(n)s de ellos ya terminó el curso: su curso sigue completado "
                    "y su certificado no cambia.",
                    "%(n)s de ellos ya terminaron el curso: su curso sigue "
                    "completado y su certificado no cambia.",
                    impact.finished_course,
                )
                % {"n": impact.finished_course}
            )
    if impact.ahead:
        sentences.append(
            ngettext(
                "%(n)s participante que aún no completa este módulo la tendrá "
                "como obligatoria.",
                "%(n)s participantes que aún no completan este módulo la tendrán "
                "como obligatoria.",
                impact.ahead,
            )
            % {"n": impact.ahead}
        )
    return sentences
