"""Course pages: CourseIndexPage → CoursePage → ModulePage → LessonPage.

Page models hold fields, panels, tree rules and read-only ``get_context``; writes
live in ``cursos.services``, multi-model reads in ``cursos.selectors``.
"""

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from cursos.blocks import LessonStreamBlock
from cursos.forms import CoursePageForm
from cursos.panels import PublicationImpactPanel
from cursos.quiz_blocks import QuizQuestionsBlock
from lms.page_cache import PublicPageCacheMixin
from lms.view_restrictions import PreparedViewRestrictionsMixin


class AsciiSlugMixin:
    """Course addresses are plain ASCII ("buenas-practicas", not
    "buenas-prácticas"): WAGTAIL_ALLOW_UNICODE_SLUGS = False covers the slugs
    generated from the title, this covers a slug typed or posted by hand, on
    every path that validates a page (admin form, full_clean, save)."""

    def full_clean(self, *args, **kwargs):
        if self.slug and not self.slug.isascii():
            self.slug = slugify(self.slug)
        super().full_clean(*args, **kwargs)


class LearnerPageMixin(PreparedViewRestrictionsMixin):
    """Modules, lessons and quizzes are where learners work: they are not in the
    sitemap (the course page is) nor in the anonymous page cache. Served on
    every step of a course, they check Wagtail's view restrictions with
    prepared queries (lms.view_restrictions)."""

    def get_sitemap_urls(self, request=None):
        return []


COURSE_RICH_TEXT = ["h2", "h3", "bold", "italic", "ol", "ul", "link"]


class CourseIndexPage(AsciiSlugMixin, PublicPageCacheMixin, Page):
    """The catalog: every live course with its cohort status and, for a signed-in
    learner, their own progress."""

    intro = RichTextField(_("introducción"), features=COURSE_RICH_TEXT, blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["cursos.CoursePage"]
    max_count = 1

    class Meta:
        verbose_name = _("catálogo de cursos")
        verbose_name_plural = _("catálogos de cursos")

    def get_context(self, request, *args, **kwargs):
        from cursos.selectors import catalog

        context = super().get_context(request, *args, **kwargs)
        context["courses"] = catalog(catalog_page=self, user=request.user)
        return context


class CoursePage(AsciiSlugMixin, PublicPageCacheMixin, Page):
    class Kind(models.TextChoices):
        DIPLOMA = "diplomado", _("Diplomado")
        REQUIRED = "obligatoria", _("Capacitación obligatoria")
        FREE = "libre", _("Curso libre")

    class Audience(models.TextChoices):
        MUNICIPAL = "municipal", _("Funcionarios municipales")
        INFOM = "infom", _("Personal INFOM")
        EVERYONE = "todos", _("Todos")

    class Visibility(models.TextChoices):
        OPEN = (
            "abierto",
            _(
                "Lecciones abiertas a todos (la inscripción registra el avance y el "
                "certificado)"
            ),
        )
        ENROLLED = "inscritos", _("Lecciones solo para personas inscritas")

    summary = models.TextField(_("resumen"), max_length=300)
    description = RichTextField(_("descripción"), features=COURSE_RICH_TEXT, blank=True)
    cover_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("imagen de portada"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    objectives = StreamField(
        [("objetivo", blocks.CharBlock(label=_("objetivo"), max_length=250))],
        verbose_name=_("objetivos de aprendizaje"),
        blank=True,
    )
    kind = models.CharField(
        _("tipo"), max_length=20, choices=Kind.choices, default=Kind.FREE
    )
    audience = models.CharField(
        _("dirigido a"),
        max_length=20,
        choices=Audience.choices,
        default=Audience.EVERYONE,
    )
    estimated_hours = models.PositiveSmallIntegerField(_("horas estimadas"), default=1)
    visibility = models.CharField(
        _("acceso a las lecciones"),
        max_length=20,
        choices=Visibility.choices,
        default=Visibility.OPEN,
    )
    sequential = models.BooleanField(
        _("módulos en orden"),
        default=False,
        help_text=_("Si se marca, cada módulo se abre cuando se completa el anterior."),
    )
    grants_certificate = models.BooleanField(_("otorga certificado"), default=True)
    # How long a certificate of this course stays valid (certificados: valid_until;
    # required training renews before it ends). Empty: it does not expire.
    validity_months = models.PositiveSmallIntegerField(
        _("vigencia del certificado (meses)"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(120)],
        help_text=_(
            "Vacío: el certificado no vence. Por ejemplo, 12 para una capacitación "
            "que se renueva cada año."
        ),
    )
    # A grade out of 100 (cursos.services.grades). No pass mark: the course is
    # approved by completing everything, as a self-paced course.
    pass_mark = models.PositiveSmallIntegerField(
        _("nota para aprobar (sobre 100)"),
        null=True,
        blank=True,
        validators=[MaxValueValidator(100)],
        help_text=_("Vacío: se aprueba completando todo, sin nota."),
    )
    weight_quizzes = models.PositiveSmallIntegerField(
        _("peso de las evaluaciones (%)"),
        default=0,
        validators=[MaxValueValidator(100)],
    )
    weight_assignments = models.PositiveSmallIntegerField(
        _("peso de las tareas (%)"), default=0, validators=[MaxValueValidator(100)]
    )
    weight_final_project = models.PositiveSmallIntegerField(
        _("peso del proyecto final (%)"), default=0, validators=[MaxValueValidator(100)]
    )
    min_quizzes = models.PositiveSmallIntegerField(
        _("mínimo en evaluaciones (sobre 100)"),
        null=True,
        blank=True,
        validators=[MaxValueValidator(100)],
    )
    min_assignments = models.PositiveSmallIntegerField(
        _("mínimo en tareas (sobre 100)"),
        null=True,
        blank=True,
        validators=[MaxValueValidator(100)],
    )
    min_final_project = models.PositiveSmallIntegerField(
        _("mínimo en el proyecto final (sobre 100)"),
        null=True,
        blank=True,
        validators=[MaxValueValidator(100)],
    )
    min_attendance = models.PositiveSmallIntegerField(
        _("asistencia mínima a sesiones en vivo (%)"),
        null=True,
        blank=True,
        validators=[MaxValueValidator(100)],
        help_text=_("Vacío: la asistencia no se exige para aprobar."),
    )
    grants_participation = models.BooleanField(
        _("constancia de participación a quien termina sin aprobar"),
        default=False,
    )
    certificate_template = models.ForeignKey(
        "certificados.CertificateTemplate",
        verbose_name=_("plantilla del certificado"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Vacío: la primera plantilla creada."),
    )

    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("description"),
    ]
    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        FieldPanel("description"),
        FieldPanel("cover_image"),
        FieldPanel("objectives"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("kind"), FieldPanel("audience")]),
                FieldRowPanel(
                    [FieldPanel("estimated_hours"), FieldPanel("grants_certificate")]
                ),
                FieldRowPanel(
                    [FieldPanel("certificate_template"), FieldPanel("validity_months")]
                ),
                FieldPanel("visibility"),
                FieldPanel("sequential"),
            ],
            heading=_("Organización del curso"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("pass_mark"),
                FieldRowPanel(
                    [
                        FieldPanel("weight_quizzes"),
                        FieldPanel("weight_assignments"),
                        FieldPanel("weight_final_project"),
                    ]
                ),
                FieldRowPanel(
                    [
                        FieldPanel("min_quizzes"),
                        FieldPanel("min_assignments"),
                        FieldPanel("min_final_project"),
                    ]
                ),
                FieldRowPanel(
                    [FieldPanel("min_attendance"), FieldPanel("grants_participation")]
                ),
            ],
            heading=_("Calificación sobre 100"),
        ),
        InlinePanel(
            "cohorts",
            heading=_("Ediciones"),
            label=_("edición"),
            help_text=_("Sin ediciones, el curso es autodirigido y siempre abierto."),
        ),
    ]
    parent_page_types = ["cursos.CourseIndexPage"]
    subpage_types = ["cursos.ModulePage"]
    base_form_class = CoursePageForm

    class Meta:
        verbose_name = _("curso")
        verbose_name_plural = _("cursos")

    def clean(self):
        super().clean()
        weights = (
            self.weight_quizzes + self.weight_assignments + self.weight_final_project
        )
        if self.pass_mark is not None and weights != 100:
            raise ValidationError(
                {
                    "weight_quizzes": _(
                        "Con nota para aprobar, los pesos deben sumar 100 %% (suman "
                        "%(suma)d %%)."
                    )
                    % {"suma": weights}
                }
            )

    @property
    def is_graded(self) -> bool:
        """Graded out of 100 with a pass mark (else approved by completion)."""
        return self.pass_mark is not None

    def get_context(self, request, *args, **kwargs):
        from cursos.selectors import course_page_context

        context = super().get_context(request, *args, **kwargs)
        context.update(course_page_context(course=self, user=request.user))
        return context


class Cohort(Orderable):
    """An edition of a course, with its enrollment window, dates and capacity."""

    course = ParentalKey(CoursePage, on_delete=models.CASCADE, related_name="cohorts")
    name = models.CharField(_("nombre"), max_length=100)
    enrollment_opens = models.DateTimeField(_("inscripciones abren"))
    enrollment_closes = models.DateTimeField(_("inscripciones cierran"))
    starts_on = models.DateField(_("inicia"))
    ends_on = models.DateField(_("termina"), null=True, blank=True)
    capacity = models.PositiveIntegerField(
        _("cupo"), null=True, blank=True, help_text=_("Vacío: sin límite.")
    )
    grading_grace_days = models.PositiveSmallIntegerField(
        _("días para calificar después del cierre"),
        default=14,
        help_text=_(
            "Después de la fecha de fin, la edición queda en solo lectura para "
            "los participantes; las tutorías pueden calificar estos días más."
        ),
    )

    panels = [
        FieldPanel("name"),
        FieldRowPanel(
            [FieldPanel("enrollment_opens"), FieldPanel("enrollment_closes")]
        ),
        FieldRowPanel([FieldPanel("starts_on"), FieldPanel("ends_on")]),
        FieldRowPanel([FieldPanel("capacity"), FieldPanel("grading_grace_days")]),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("edición")
        verbose_name_plural = _("ediciones")

    def __str__(self):
        return self.name

    def clean(self):
        errors = {}
        if (
            self.enrollment_opens
            and self.enrollment_closes
            and self.enrollment_closes <= self.enrollment_opens
        ):
            errors["enrollment_closes"] = _(
                "Las inscripciones deben cerrar después de abrir."
            )
        if self.starts_on and self.ends_on and self.ends_on < self.starts_on:
            errors["ends_on"] = _("La edición no puede terminar antes de iniciar.")
        if errors:
            raise ValidationError(errors)

    def has_started(self, today=None) -> bool:
        """Content opens on the start date (Guatemala's calendar)."""
        return (today or timezone.localdate()) >= self.starts_on

    def is_closed(self, today=None) -> bool:
        """After the end date the edition is read-only for learners."""
        return (
            self.ends_on is not None and (today or timezone.localdate()) > self.ends_on
        )

    def grading_is_open(self, today=None) -> bool:
        """Tutors grade until ``grading_grace_days`` after the end date."""
        if self.ends_on is None:
            return True
        from datetime import timedelta

        last_day = self.ends_on + timedelta(days=self.grading_grace_days)
        return (today or timezone.localdate()) <= last_day

    def enrollment_state(self, now=None) -> str:
        """ "abierta", "proximamente" or "cerrada" at ``now``."""
        now = now or timezone.now()
        if now < self.enrollment_opens:
            return "proximamente"
        if now <= self.enrollment_closes:
            return "abierta"
        return "cerrada"


class ModulePage(AsciiSlugMixin, LearnerPageMixin, Page):
    summary = models.TextField(_("resumen"), max_length=500, blank=True)

    content_panels = [*Page.content_panels, FieldPanel("summary")]
    parent_page_types = ["cursos.CoursePage"]
    subpage_types = ["cursos.LessonPage", "cursos.QuizPage", "cursos.AssignmentPage"]

    class Meta:
        verbose_name = _("módulo")
        verbose_name_plural = _("módulos")

    def get_context(self, request, *args, **kwargs):
        from cursos.selectors import module_page_context

        context = super().get_context(request, *args, **kwargs)
        context.update(module_page_context(module=self, user=request.user))
        return context


class LessonPage(AsciiSlugMixin, LearnerPageMixin, Page):
    estimated_minutes = models.PositiveSmallIntegerField(
        _("minutos estimados"), default=10
    )
    body = StreamField(LessonStreamBlock(), verbose_name=_("contenido"))

    search_fields = [*Page.search_fields, index.SearchField("body")]
    content_panels = [
        PublicationImpactPanel(),
        *Page.content_panels,
        FieldPanel("estimated_minutes"),
        FieldPanel("body"),
    ]
    parent_page_types = ["cursos.ModulePage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("lección")
        verbose_name_plural = _("lecciones")

    def get_context(self, request, *args, **kwargs):
        from cursos.selectors_lesson import lesson_page_context

        context = super().get_context(request, *args, **kwargs)
        context.update(lesson_page_context(lesson=self, user=request.user))
        return context


class QuizPage(AsciiSlugMixin, LearnerPageMixin, Page):
    """An evaluation at the end of a module (or the final exam).

    Learners never see ``questions`` directly: starting an attempt snapshots the
    drawn questions on the server, and pages render from that snapshot without
    correct answers or feedback.
    """

    class Grading(models.TextChoices):
        HIGHEST = "mas_alta", _("La calificación más alta")
        LAST = "ultima", _("La última calificación")

    class Review(models.TextChoices):
        SCORE = "puntaje", _("Solo el puntaje")
        WHICH_RIGHT = "aciertos", _("Puntaje y qué respuestas acertó")
        FULL = (
            "completa",
            _("Revisión completa, con respuestas correctas y comentarios"),
        )

    class Reveal(models.TextChoices):
        ALWAYS = "siempre", _("Siempre")
        PASSED_OR_EXHAUSTED = "al_final", _("Solo cuando aprueba o agota los intentos")

    instructions = RichTextField(
        _("instrucciones"), features=COURSE_RICH_TEXT, blank=True
    )
    questions = StreamField(
        QuizQuestionsBlock(), verbose_name=_("banco de preguntas"), blank=False
    )
    estimated_minutes = models.PositiveSmallIntegerField(
        _("minutos estimados"), default=15
    )
    pass_mark = models.PositiveSmallIntegerField(
        _("nota mínima para aprobar (%)"),
        default=70,
        validators=[MinValueValidator(0), MaxValueValidator(100)],
    )
    max_attempts = models.PositiveSmallIntegerField(
        _("intentos permitidos"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1)],
        help_text=_("Vacío: sin límite."),
    )
    time_limit_minutes = models.PositiveSmallIntegerField(
        _("tiempo límite (minutos)"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1)],
        help_text=_("Vacío: sin límite de tiempo."),
    )
    wait_minutes = models.PositiveIntegerField(
        _("espera entre intentos (minutos)"), null=True, blank=True
    )
    draw_count = models.PositiveSmallIntegerField(
        _("preguntas por intento"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1)],
        help_text=_("Vacío: todas. Si indica un número, se sortean del banco."),
    )
    shuffle_questions = models.BooleanField(_("mezclar preguntas"), default=False)
    shuffle_choices = models.BooleanField(_("mezclar opciones"), default=False)
    grading = models.CharField(
        _("calificación entre intentos"),
        max_length=20,
        choices=Grading.choices,
        default=Grading.HIGHEST,
    )
    review = models.CharField(
        _("qué ve al terminar"),
        max_length=20,
        choices=Review.choices,
        default=Review.FULL,
    )
    reveal = models.CharField(
        _("cuándo mostrar las respuestas correctas"),
        max_length=20,
        choices=Reveal.choices,
        default=Reveal.PASSED_OR_EXHAUSTED,
    )

    content_panels = [
        PublicationImpactPanel(),
        *Page.content_panels,
        FieldPanel("instructions"),
        FieldPanel("questions"),
    ]
    settings_panels = [
        MultiFieldPanel(
            [
                FieldRowPanel(
                    [FieldPanel("pass_mark"), FieldPanel("estimated_minutes")]
                ),
                FieldRowPanel([FieldPanel("max_attempts"), FieldPanel("wait_minutes")]),
                FieldRowPanel(
                    [FieldPanel("time_limit_minutes"), FieldPanel("draw_count")]
                ),
                FieldRowPanel(
                    [FieldPanel("shuffle_questions"), FieldPanel("shuffle_choices")]
                ),
                FieldPanel("grading"),
                FieldRowPanel([FieldPanel("review"), FieldPanel("reveal")]),
            ],
            heading=_("Reglas de la evaluación"),
        ),
        *Page.settings_panels,
    ]
    parent_page_types = ["cursos.ModulePage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("evaluación")
        verbose_name_plural = _("evaluaciones")

    def clean(self):
        super().clean()
        pool = len(self.questions) if self.questions else 0
        if self.draw_count and self.draw_count > pool:
            raise ValidationError(
                {
                    "draw_count": _(
                        "El banco tiene %(pool)d preguntas: no se pueden sortear "
                        "%(n)d por intento."
                    )
                    % {"pool": pool, "n": self.draw_count}
                }
            )

    @property
    def questions_per_attempt(self) -> int:
        pool = len(self.questions)
        return min(self.draw_count, pool) if self.draw_count else pool

    def get_context(self, request, *args, **kwargs):
        from cursos.selectors import item_page_context, quiz_page_context

        context = super().get_context(request, *args, **kwargs)
        context.update(item_page_context(item=self, user=request.user))
        context.update(quiz_page_context(quiz=self, enrollment=context["enrollment"]))
        return context
