import factory
from allauth.account.models import EmailAddress
from django.contrib.auth.models import Group

from lms.accounts.models import COORDINATORS_GROUP, Municipality, User

PASSWORD = "Clave-segura-2026"


def municipality(code="0801"):
    return Municipality.objects.select_related("department").get(code=code)


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    class Params:
        coordinator = factory.Trait(
            groups_by_name=(COORDINATORS_GROUP,),
            institution_type=User.InstitutionType.INFOM,
        )

    email = factory.Sequence(lambda n: f"persona{n}@municipalidad.example")
    full_name = factory.Sequence(lambda n: f"María Pérez {'abcdefghijklmnop'[n % 16]}")
    institution_type = User.InstitutionType.MUNICIPALITY
    municipality = factory.LazyFunction(municipality)
    department = factory.SelfAttribute("municipality.department")
    post = User.Post.UIP
    groups_by_name: tuple[str, ...] = ()

    @factory.post_generation
    def password(obj, create, extracted, **kwargs):
        obj.set_password(extracted or PASSWORD)
        if create:
            obj.save(update_fields=["password"])

    @factory.post_generation
    def verified_email(obj, create, extracted, **kwargs):
        if create and extracted is not False:
            EmailAddress.objects.create(
                user=obj, email=obj.email, verified=True, primary=True
            )

    @factory.post_generation
    def groups(obj, create, extracted, **kwargs):
        if create and obj._groups_by_name:
            obj.groups.add(*Group.objects.filter(name__in=obj._groups_by_name))

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        groups_by_name = kwargs.pop("groups_by_name", ())
        obj = super()._create(model_class, *args, **kwargs)
        obj._groups_by_name = groups_by_name
        return obj


# ------------------------------------------------------------------ courses
def _publish(parent, page):
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def catalog_page():
    from cursos.models import CourseIndexPage
    from home.models import HomePage

    existing = CourseIndexPage.objects.first()
    if existing:
        return existing
    return _publish(
        HomePage.objects.get(), CourseIndexPage(title="Cursos", slug="cursos")
    )


_course_counter = iter(range(1, 1_000_000))


def build_course(
    *,
    modules: int = 2,
    lessons: int = 2,
    title: str | None = None,
    sequential: bool = False,
    visibility: str = "abierto",
    audience: str = "todos",
    kind: str = "libre",
    cohorts: list[dict] | None = None,
):
    """A published course with ``modules`` modules of ``lessons`` lessons each."""
    from cursos.models import Cohort, CoursePage, LessonPage, ModulePage

    n = next(_course_counter)
    course = _publish(
        catalog_page(),
        CoursePage(
            title=title or f"Curso de prueba {n}",
            slug=f"curso-{n}",
            summary="Un curso para las pruebas.",
            sequential=sequential,
            visibility=visibility,
            audience=audience,
            kind=kind,
            estimated_hours=4,
        ),
    )
    for cohort in cohorts or []:
        Cohort.objects.create(course=course, **cohort)
    for m in range(1, modules + 1):
        module = _publish(course, ModulePage(title=f"Módulo {m}", slug=f"modulo-{m}"))
        for lesson_number in range(1, lessons + 1):
            _publish(
                module,
                LessonPage(
                    title=f"Lección {m}.{lesson_number}",
                    slug=f"leccion-{lesson_number}",
                    estimated_minutes=10,
                    body=[
                        (
                            "paragraph",
                            f"<p>Contenido de la lección {m}.{lesson_number}.</p>",
                        )
                    ],
                ),
            )
    return course


def course_lessons(course):
    from cursos.models import LessonPage

    return list(LessonPage.objects.live().descendant_of(course).order_by("path"))


def question(
    kind="single",
    prompt="¿Pregunta?",
    points=1,
    correct=(0,),
    choices=3,
    scoring="todo",
):
    """Raw data of one quiz question block."""
    if kind == "true_false":
        return {
            "type": "true_false",
            "value": {
                "prompt": prompt,
                "points": points,
                "answer": "verdadero" if 0 in correct else "falso",
                "feedback_true": "Comentario si dice verdadero",
                "feedback_false": "Comentario si dice falso",
                "explanation": "Explicación de la pregunta",
            },
        }
    return {
        "type": "single_choice" if kind == "single" else "multiple_choice",
        "value": {
            "prompt": prompt,
            "points": points,
            "explanation": "Explicación de la pregunta",
            **({"scoring": scoring} if kind == "multiple" else {}),
            "choices": [
                {
                    "text": f"Opción {i + 1}",
                    "correct": i in correct,
                    "feedback": f"Comentario de la opción {i + 1}",
                }
                for i in range(choices)
            ],
        },
    }


def add_quiz(course, *, questions=None, module=0, **rules):
    """Publish a QuizPage at the end of the course's ``module``-th module."""
    from cursos.models import ModulePage, QuizPage
    from cursos.quiz_blocks import QuizQuestionsBlock

    questions = questions or [
        question(prompt=f"Pregunta {n}", correct=(n % 3,)) for n in range(4)
    ]
    parent = list(ModulePage.objects.child_of(course).order_by("path"))[module]
    n = next(_course_counter)
    return _publish(
        parent,
        QuizPage(
            title=rules.pop("title", f"Evaluación {n}"),
            slug=f"evaluacion-{n}",
            questions=QuizQuestionsBlock().to_python(questions),
            **rules,
        ),
    )


def right_answers(attempt):
    return {
        q["key"]: [c["key"] for c in q["choices"] if c["correct"]]
        for q in attempt.snapshot
    }


def wrong_answers(attempt):
    return {
        q["key"]: [next(c["key"] for c in q["choices"] if not c["correct"])]
        for q in attempt.snapshot
    }


# ------------------------------------------------------------------ public site
_page_counter = iter(range(1, 1_000_000))


def site_image(title="Ilustración de prueba"):
    """A small real PNG stored as a Wagtail image."""
    import io

    from django.core.files.images import ImageFile
    from PIL import Image as PILImage
    from wagtail.images import get_image_model

    buffer = io.BytesIO()
    PILImage.new("RGB", (64, 36), (11, 61, 110)).save(buffer, format="PNG")
    return get_image_model().objects.create(
        title=title,
        description=title,
        file=ImageFile(buffer, name="prueba.png"),
    )


def _home():
    from home.models import HomePage

    return HomePage.objects.get()


def news_index():
    from home.models import NewsIndexPage

    return NewsIndexPage.objects.first() or _publish(
        _home(), NewsIndexPage(title="Noticias", slug="noticias")
    )


def news_article(*, categories=(), tags=(), publish=True, **fields):
    """An article under the news index; `categories` are category slugs."""
    import datetime

    from home.models import NewsCategory, NewsPage

    n = next(_page_counter)
    values = {
        "title": f"Noticia de prueba {n}",
        "slug": f"noticia-{n}",
        "date": datetime.date(2026, 6, 1) + datetime.timedelta(days=n),
        "unit": "Comunicación Social",
        "intro": "Una noticia para las pruebas.",
        "body": [("paragraph", f"<p>Texto de la noticia {n}.</p>")],
    }
    values.update(fields)
    article = NewsPage(**values)
    article.categories = list(NewsCategory.objects.filter(slug__in=categories))
    article.tags.add(*tags)
    index = news_index()
    if not publish:
        article.live = False
        index.add_child(instance=article)
        article.save_revision()
        return article
    return _publish(index, article)


def event_index():
    from home.models import EventIndexPage

    return EventIndexPage.objects.first() or _publish(
        _home(), EventIndexPage(title="Actividades", slug="actividades")
    )


def site_event(*, days_from_now=10, hours=3, **fields):
    import datetime

    from django.utils import timezone

    from home.models import EventPage

    n = next(_page_counter)
    starts = timezone.now().replace(microsecond=0) + datetime.timedelta(
        days=days_from_now
    )
    place = municipality("0901")
    values = {
        "title": f"Actividad de prueba {n}",
        "slug": f"actividad-{n}",
        "starts_at": starts,
        "ends_at": starts + datetime.timedelta(hours=hours),
        "place": "Salón municipal",
        "department": place.department,
        "municipality": place,
        "audience": "Funcionarios municipales",
        "intro": "Una actividad para las pruebas.",
        "description": "<p>Descripción de la actividad.</p>",
    }
    values.update(fields)
    return _publish(event_index(), EventPage(**values))


def standard_page(**fields):
    from home.models import StandardPage

    n = next(_page_counter)
    values = {"title": f"Página {n}", "slug": f"pagina-{n}", "intro": "Institucional."}
    values.update(fields)
    return _publish(_home(), StandardPage(**values))
