"""The life of the diploma's open edition in the demo (idempotent; called at
the end of ``cursos.demo.seed.seed_courses``): two announcements by the tutors,
questions in the forums of modules 1 and 2 answered with what the lessons say
(Decreto 57-2008; no figure that is not in the lessons), live sessions before
and after today, and the attendance of the past ones.

Rows are written with the models directly (the forum services are not what this
shows); every row is found again by a stable key, so running the seed twice
changes nothing. Dates hang on the edition's start date.
"""

from __future__ import annotations

from datetime import datetime, time, timedelta

from django.db import transaction
from django.utils import timezone

from comunidad.models import Announcement, Attendance, LiveSession, Post, Thread
from cursos.models import Cohort, CoursePage, Enrollment, ModulePage
from lms.accounts.models import Department, User

TUTORA = "tutora@infom.gob.gt"  # western departments
TUTOR = "tutor@infom.gob.gt"  # the rest of the country

ANNOUNCEMENTS = (
    {
        "author": TUTORA,
        "days": 0,
        "title": "Bienvenida al diplomado",
        "body": (
            "Les damos la bienvenida a esta edición del diplomado «Gestión "
            "Municipal y Transparencia». Las lecciones, evaluaciones y tareas "
            "están en la página del curso; en el foro de cada módulo pueden dejar "
            "sus preguntas, y en «Sesiones en vivo» encontrarán las fechas de los "
            "encuentros con su tutoría. Les acompañamos Sofía Herrera (Sololá, "
            "Totonicapán, Quetzaltenango, San Marcos, Huehuetenango y Quiché) y "
            "Daniel Cux (los demás departamentos)."
        ),
    },
    {
        "author": TUTOR,
        "days": 5,
        "title": "Recordatorio: Tarea 1 del Módulo 1",
        "body": (
            "Les recordamos la «Tarea 1. Los principios de Gobierno Abierto en su "
            "municipalidad». Vence 14 días después del inicio de la edición, a las "
            "23:59 (hora de Guatemala); la fecha exacta aparece en la página de la "
            "tarea. Pueden responder en el cuadro de texto o adjuntar un documento. "
            "La tarea pide una práctica que su municipalidad ya realiza y una que "
            "podría mejorar para cada principio, los medios que usa la población "
            "para informarse, y una mejora concreta para este año."
        ),
    },
)

# Module number → threads; each post: (author e-mail, by_tutor, text).
THREADS = (
    {
        "module": 1,
        "key": "conectividad",
        "title": (
            "En mi municipio casi nadie usa internet: "
            "¿cómo cumplimos con la transparencia?"
        ),
        "resolved": True,
        "posts": (
            (
                "rosa.ajanel@ejemplo.gt",
                False,
                "En nuestra municipalidad la conectividad es poca y muchos vecinos "
                "no usan internet. ¿Basta con publicar en el portal, o qué otras "
                "formas se consideran válidas?",
            ),
            (
                TUTORA,
                True,
                "Buena pregunta, Rosa. El artículo 10 del Decreto 57-2008 dice que "
                "la información pública de oficio «podrá ser consultada de manera "
                "directa o a través de los portales electrónicos»: publicar en "
                "internet no sustituye la atención en las oficinas. Como en el "
                "ejemplo de la lección «Gobierno Abierto en el municipio y la "
                "estrategia del INFOM», pueden usar la cartelera del edificio "
                "municipal y la radio comunitaria para informar del avance de las "
                "obras, y dejar el informe disponible en la Unidad de Información "
                "Pública para quien pida una copia.",
            ),
            (
                "rosa.ajanel@ejemplo.gt",
                False,
                "Gracias, lo vamos a proponer para la cartelera y la radio.",
            ),
        ),
    },
    {
        "module": 2,
        "key": "quien-publica",
        "title": "¿Quién debe publicar la información pública de oficio?",
        "resolved": True,
        "posts": (
            (
                "jose.pop@ejemplo.gt",
                False,
                "Trabajo en la Unidad de Información Pública. ¿Publicar la "
                "información de oficio es solo tarea de la Unidad, o también de "
                "las demás dependencias?",
            ),
            (
                TUTOR,
                True,
                "La obligación es de la municipalidad como sujeto obligado: el "
                "artículo 10 del Decreto 57-2008 pide mantener esa información "
                "«actualizada y disponible, en todo momento». La Unidad de "
                "Información Pública recibe y tramita las solicitudes, pero no "
                "trabaja sola: la DAFIM, la Dirección Municipal de Planificación, "
                "la Secretaría Municipal y las demás dependencias deben entregarle "
                "a tiempo la información que tienen. Recuerde también que un "
                "portal con datos viejos no cumple la ley.",
            ),
        ),
    },
    {
        "module": 2,
        "key": "plazos",
        "title": "Plazo para responder una solicitud de información",
        "resolved": False,
        "posts": (
            (
                "mario.coc@ejemplo.gt",
                False,
                "Nos llegó una solicitud que pide mucha información de varios años. "
                "¿Cuántos días tenemos para responder y podemos pedir más tiempo?",
            ),
            (
                TUTOR,
                True,
                "Según el Decreto 57-2008, la Unidad debe resolver dentro de los 10 "
                "días hábiles siguientes a la presentación y admisión de la "
                "solicitud (artículo 42). Cuando el volumen y la extensión de la "
                "respuesta lo justifiquen, el plazo puede ampliarse hasta por 10 "
                "días más, avisando al solicitante antes de que venza el plazo "
                "original (artículo 43). La respuesta siempre va por escrito y "
                "dentro del plazo.",
            ),
            (
                "pedro.lopez@ejemplo.gt",
                False,
                "¿Y si el vecino no queda conforme con la respuesta?",
            ),
        ),
    },
    {
        "module": 2,
        "key": "copias",
        "title": "¿Se puede cobrar por las copias de la información?",
        "resolved": False,
        "posts": (
            (
                "carmen.ical@ejemplo.gt",
                False,
                "Un vecino pidió copias impresas de un contrato. ¿Le podemos cobrar?",
            ),
            (
                "ana.tzul@ejemplo.gt",
                False,
                "En la lección vimos el artículo 18: consultar la información en la "
                "oficina es gratis y solo se cobran los gastos de reproducción.",
            ),
            (
                TUTORA,
                True,
                "Así es, Ana. El artículo 18 del Decreto 57-2008 establece que solo "
                "se cobran los gastos de reproducción, por un monto que no puede "
                "ser superior a los costos del mercado ni exceder los costos "
                "necesarios para reproducir la información. También pueden ofrecer "
                "una copia digital si el vecino trae una memoria USB.",
            ),
        ),
    },
)

LINK = "https://reunion.ejemplo.gt/diplomado"
# Alta Verapaz (16): two demo learners, followed by the tutor of the rest of the
# country. The place is not invented: "Sede por confirmar".
IN_PERSON_DEPARTMENT = "16"
PLACE = "Sede por confirmar"
# (key, days after the start, start hour, minutes, in person?, topic)
SESSIONS = (
    ("bienvenida", 1, 9, 90, False, "Bienvenida y presentación del diplomado"),
    (
        "taller-oficio",
        4,
        14,
        120,
        True,
        "Taller presencial: la información pública de oficio en su municipalidad",
    ),
    (
        "plazos",
        12,
        9,
        90,
        False,
        "Solicitudes de información: plazos y respuestas (Módulo 2)",
    ),
    (
        "taller-uip",
        20,
        14,
        120,
        True,
        "Taller presencial: organizar la Unidad de Información Pública",
    ),
)
# Attendance of the past sessions: who missed them (the rest were present).
ABSENT = {"marta.vasquez@ejemplo.gt", "julio.ramirez@ejemplo.gt", "jose.pop@ejemplo.gt"}
EXCUSED = {"luis.estrada@ejemplo.gt"}


def _at(cohort: Cohort, days: int, hour: int) -> datetime:
    day = cohort.starts_on + timedelta(days=days)
    return timezone.make_aware(
        datetime.combine(day, time(hour, 0)), timezone.get_default_timezone()
    )


def _users(emails) -> dict[str, User]:
    return {u.email: u for u in User.objects.filter(email__in=set(emails))}


def seed_announcements(cohort: Cohort) -> None:
    users = _users(a["author"] for a in ANNOUNCEMENTS)
    for item in ANNOUNCEMENTS:
        announcement, created = Announcement.objects.get_or_create(
            cohort=cohort,
            title=item["title"],
            defaults={"author": users.get(item["author"]), "body": item["body"]},
        )
        if created:
            Announcement.objects.filter(pk=announcement.pk).update(
                created_at=_at(cohort, item["days"], 8)
            )


def seed_forums(cohort: Cohort, course: CoursePage) -> None:
    modules = list(ModulePage.objects.child_of(course).order_by("path"))
    emails = {email for t in THREADS for email, _tutor, _text in t["posts"]}
    users = _users(emails)
    for number, item in enumerate(THREADS):
        if len(modules) < item["module"]:
            continue
        module = modules[item["module"] - 1]
        author = users.get(item["posts"][0][0])
        started = _at(cohort, 2 + number, 10)
        thread, _created = Thread.objects.get_or_create(
            cohort=cohort,
            module=module,
            title=item["title"],
            defaults={"author": author, "last_post_at": started},
        )
        when = started
        for index, (email, by_tutor, text) in enumerate(item["posts"]):
            when = started + timedelta(hours=5 * index)
            post, created = Post.objects.get_or_create(
                author=users.get(email),
                client_token=f"demo-{item['key']}-{index}",
                defaults={"thread": thread, "body": text, "by_tutor": by_tutor},
            )
            if created:
                Post.objects.filter(pk=post.pk).update(created_at=when)
        resolver = next(
            (users.get(e) for e, by_tutor, _t in item["posts"] if by_tutor), None
        )
        Thread.objects.filter(pk=thread.pk).update(
            posts_count=Post.objects.filter(thread=thread).count(),
            last_post_at=when,
            resolved_at=when if item["resolved"] else None,
            resolved_by=resolver if item["resolved"] else None,
        )


def seed_sessions(cohort: Cohort) -> list[LiveSession]:
    department = Department.objects.filter(code=IN_PERSON_DEPARTMENT).first()
    sessions = []
    for key, days, hour, minutes, in_person, topic in SESSIONS:
        if in_person and department is None:
            continue
        starts_at = _at(cohort, days, hour)
        session, _created = LiveSession.objects.get_or_create(
            cohort=cohort,
            topic=topic,
            defaults={
                "starts_at": starts_at,
                "ends_at": starts_at + timedelta(minutes=minutes),
                "mode": (
                    LiveSession.Mode.IN_PERSON
                    if in_person
                    else LiveSession.Mode.VIRTUAL
                ),
                "place": PLACE if in_person else "",
                "link": "" if in_person else f"{LINK}/{key}",
                "department": department if in_person else None,
            },
        )
        sessions.append(session)
    return sessions


def seed_attendance(sessions: list[LiveSession]) -> None:
    """Who came to the sessions already over (recorded by the tutor who
    follows each learner; an existing record is left as it is)."""
    from cursos.editions import tutored_enrollments

    now = timezone.now()
    tutors = list(User.objects.filter(email__in=(TUTORA, TUTOR)).order_by("email"))
    rows = []
    for session in sessions:
        if session.ends_at > now:
            continue
        enrollments = Enrollment.objects.filter(cohort_id=session.cohort_id)
        if session.department_id:
            enrollments = enrollments.filter(user__department_id=session.department_id)
        for tutor in tutors:
            followed = enrollments.filter(
                pk__in=tutored_enrollments(tutor).values("pk")
            ).select_related("user")
            for enrollment in followed:
                email = enrollment.user.email
                status = (
                    Attendance.Status.EXCUSED
                    if email in EXCUSED
                    else Attendance.Status.ABSENT
                    if email in ABSENT
                    else Attendance.Status.PRESENT
                )
                rows.append(
                    Attendance(
                        session=session,
                        enrollment=enrollment,
                        status=status,
                        recorded_by=tutor,
                    )
                )
    Attendance.objects.bulk_create(rows, ignore_conflicts=True)


@transaction.atomic
def seed_community(course: CoursePage) -> None:
    """Announcements, forums, sessions and attendance of ``course``'s open
    edition (the first one); nothing when it has none."""
    cohort = course.cohorts.first()
    if cohort is None:
        return
    seed_announcements(cohort)
    seed_forums(cohort, course)
    seed_attendance(seed_sessions(cohort))
