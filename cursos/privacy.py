"""What cursos holds about a person, for lms.accounts.privacy: how each model is
exported ("Descargar mis datos") and erased ("Eliminar mi cuenta").

Enrollments, completions, attempts and grades are kept on erasure, linked to the
anonymized account, so reports and open data keep their numbers; what the
person wrote (submission texts) and uploaded (files) is deleted. Quiz exports
carry the questions and the person's chosen answers, never the correct ones
(those stay on the server: ARCHITECTURE, "Quizzes")."""

from django.utils import timezone

from lms.accounts.privacy import AUTHORING, Entry, iso, number, register


def _enrollments(user):
    from cursos.models import Enrollment

    return Enrollment.objects.filter(user=user)


def export_enrollments(user):
    rows = []
    for e in _enrollments(user).select_related("course", "cohort", "tutor"):
        rows.append(
            {
                "curso": e.course.title,
                "edicion": e.cohort.name if e.cohort_id else "",
                "estado": e.get_status_display(),
                "resultado": e.get_result_display() if e.result else "",
                "nota_final": number(e.final_grade),
                "inscripcion": iso(e.enrolled_at),
                "ultima_actividad": iso(e.last_activity_at),
                "completado": iso(e.completed_at),
                "tutor_asignado": e.tutor.full_name if e.tutor_id else "",
            }
        )
    return rows


register(
    Entry(
        "cursos.Enrollment",
        "Inscripciones",
        export=export_enrollments,
        order=10,
    )
)


def export_lesson_completions(user):
    from cursos.models import LessonCompletion

    return [
        {
            "curso": c.enrollment.course.title,
            "contenido": c.lesson.title,
            "completado": iso(c.completed_at),
        }
        for c in LessonCompletion.objects.filter(enrollment__user=user)
        .select_related("enrollment__course", "lesson")
        .order_by("completed_at", "pk")
    ]


register(
    Entry(
        "cursos.LessonCompletion",
        "Lecciones completadas",
        export=export_lesson_completions,
        order=11,
    )
)


def export_module_completions(user):
    from cursos.models import ModuleCompletion

    return [
        {
            "curso": c.enrollment.course.title,
            "modulo": c.module.title,
            "completado": iso(c.completed_at),
        }
        for c in ModuleCompletion.objects.filter(enrollment__user=user)
        .select_related("enrollment__course", "module")
        .order_by("completed_at", "pk")
    ]


register(
    Entry(
        "cursos.ModuleCompletion",
        "Módulos completados",
        export=export_module_completions,
        order=12,
    )
)


def _answered(snapshot, answers):
    """Each question's prompt and the texts of the choices the person chose."""
    out = []
    for question in snapshot or []:
        chosen = set((answers or {}).get(question.get("key"), []))
        out.append(
            {
                "pregunta": question.get("prompt", ""),
                "respuesta": [
                    c.get("text", "")
                    for c in question.get("choices", [])
                    if c.get("key") in chosen
                ],
            }
        )
    return out


def export_attempts(user):
    from cursos.models import QuizAttempt

    return [
        {
            "evaluacion": a.quiz.title,
            "intento": a.number,
            "estado": a.get_status_display(),
            "inicio": iso(a.started_at),
            "enviado": iso(a.submitted_at),
            "puntos": number(a.score),
            "puntos_posibles": number(a.max_score),
            "porcentaje": number(a.percent),
            "aprobado": a.passed,
            "respuestas": _answered(a.snapshot, a.answers),
        }
        for a in QuizAttempt.objects.filter(enrollment__user=user)
        .select_related("quiz")
        .order_by("started_at", "pk")
    ]


register(
    Entry(
        "cursos.QuizAttempt",
        "Intentos de evaluaciones, con sus respuestas y notas",
        export=export_attempts,
        order=13,
    )
)


def export_question_results(user):
    """Per question, right or wrong, as the quiz's results page shows it: a
    quiz reviewed by "Solo el puntaje" never tells which answers were right
    (an export between attempts would, and the next attempt would use it), so
    those rows keep only the points possible."""
    from cursos.models import QuestionResult, QuizPage

    def shown(r):
        return r.quiz.review != QuizPage.Review.SCORE

    return [
        {
            "evaluacion": r.quiz.title,
            "intento": r.attempt.number,
            "pregunta": r.question_key,
            "correcta": r.correct if shown(r) else None,
            "puntos": number(r.points) if shown(r) else None,
            "puntos_posibles": number(r.max_points),
        }
        for r in QuestionResult.objects.filter(attempt__enrollment__user=user)
        .select_related("quiz", "attempt")
        .order_by("attempt_id", "pk")
    ]


register(
    Entry(
        "cursos.QuestionResult",
        "Resultados por pregunta",
        export=export_question_results,
        order=14,
    )
)


def export_extra_attempts(user):
    from cursos.models import ExtraAttempt

    return [
        {"evaluacion": x.quiz.title, "concedido": iso(x.granted_at)}
        for x in ExtraAttempt.objects.filter(enrollment__user=user)
        .select_related("quiz")
        .order_by("pk")
    ]


register(
    Entry(
        "cursos.ExtraAttempt",
        "Intentos adicionales concedidos",
        export=export_extra_attempts,
        order=15,
    )
)


def export_submissions(user):
    from cursos.models import Submission

    return [
        {
            "tarea": s.assignment.title,
            "curso": s.enrollment.course.title,
            "estado": s.get_state_display(),
            "versiones": s.versions_count,
            "primera_entrega": iso(s.first_submitted_at),
            "ultima_entrega": iso(s.submitted_at),
            "tarde": s.late,
            # The grade only once released to the person (as on their pages).
            "puntos": number(s.points) if s.released_at else None,
            "comentarios": s.feedback if s.released_at else "",
            "nota_publicada": iso(s.released_at),
        }
        for s in Submission.objects.filter(enrollment__user=user)
        .select_related("assignment", "enrollment__course")
        .order_by("first_submitted_at", "pk")
    ]


def erase_submissions(user, erasure):
    from cursos.models import Submission

    # A tutor's feedback is kept (it is part of the grade) without the name.
    erasure.scrub_rows(Submission.objects.filter(enrollment__user=user), ["feedback"])


register(
    Entry(
        "cursos.Submission",
        "Entregas de tareas, notas y comentarios",
        export=export_submissions,
        erase=erase_submissions,
        order=16,
    )
)


def export_versions(user):
    from cursos.models import SubmissionVersion

    return [
        {
            "tarea": v.submission.assignment.title,
            "version": v.number,
            "respuesta": v.text,
            "entregada": iso(v.submitted_at),
            "tarde": v.late,
        }
        for v in SubmissionVersion.objects.filter(submission__enrollment__user=user)
        .select_related("submission__assignment")
        .order_by("submission_id", "number")
    ]


def erase_versions(user, erasure):
    from cursos.models import SubmissionVersion

    SubmissionVersion.objects.filter(submission__enrollment__user=user).update(text="")


register(
    Entry(
        "cursos.SubmissionVersion",
        "Versiones de las entregas",
        export=export_versions,
        erase=erase_versions,
        order=17,
    )
)


def export_files(user):
    from cursos.models import SubmissionFile

    return [
        {
            "tarea": f.version.submission.assignment.title,
            "version": f.version.number,
            "archivo": f.original_name,
            "tamano_bytes": f.size,
            "formato": f.kind,
        }
        for f in SubmissionFile.objects.filter(
            version__submission__enrollment__user=user
        )
        .select_related("version__submission__assignment")
        .order_by("pk")
    ]


def erase_files(user, erasure):
    from cursos.models import SubmissionFile

    files = SubmissionFile.objects.filter(version__submission__enrollment__user=user)
    erasure.delete_files([f.file for f in files])
    files.delete()


register(
    Entry(
        "cursos.SubmissionFile",
        "Archivos entregados (nombres)",
        export=export_files,
        erase=erase_files,
        order=18,
    )
)


def export_waitlist(user):
    from cursos.models import WaitlistEntry

    return [
        {
            "curso": w.cohort.course.title,
            "edicion": w.cohort.name,
            "estado": w.get_status_display(),
            "desde": iso(w.created_at),
        }
        for w in WaitlistEntry.objects.filter(user=user)
        .select_related("cohort__course")
        .order_by("pk")
    ]


def erase_waitlist(user, erasure):
    from cursos.models import WaitlistEntry

    WaitlistEntry.objects.filter(
        user=user,
        status__in=[WaitlistEntry.Status.WAITING, WaitlistEntry.Status.OFFERED],
    ).update(status=WaitlistEntry.Status.LEFT)


register(
    Entry(
        "cursos.WaitlistEntry",
        "Listas de espera",
        export=export_waitlist,
        erase=erase_waitlist,
        order=19,
    )
)


def export_training(user):
    from cursos.models import TrainingAssignment

    return [
        {
            "curso": a.course.title,
            "asignada": iso(a.assigned_on),
            "fecha_limite": iso(a.due_on),
            "retirada": iso(a.withdrawn_at),
        }
        for a in TrainingAssignment.objects.filter(user=user)
        .select_related("course")
        .order_by("pk")
    ]


def erase_training(user, erasure):
    from cursos.models import TrainingAssignment

    TrainingAssignment.objects.filter(user=user, withdrawn_at__isnull=True).update(
        withdrawn_at=timezone.now()
    )


register(
    Entry(
        "cursos.TrainingAssignment",
        "Capacitaciones obligatorias asignadas",
        export=export_training,
        erase=erase_training,
        order=20,
    )
)


def export_training_reminders(user):
    from cursos.models import TrainingReminder

    return [
        {
            "curso": r.assignment.course.title,
            "recordatorio": r.label,
            "enviado": iso(r.sent_at),
        }
        for r in TrainingReminder.objects.filter(assignment__user=user)
        .select_related("assignment__course")
        .order_by("pk")
    ]


register(
    Entry(
        "cursos.TrainingReminder",
        "Recordatorios de capacitaciones obligatorias",
        export=export_training_reminders,
        order=21,
    )
)


def export_grading_reminders(user):
    from cursos.models import GradingReminder

    return [
        {"recordatorio": r.get_kind_display(), "enviado": iso(r.sent_at)}
        for r in GradingReminder.objects.filter(user=user).order_by("pk")
    ]


register(
    Entry(
        "cursos.GradingReminder",
        "Recordatorios de tareas",
        export=export_grading_reminders,
        order=22,
    )
)


def export_tutoring(user):
    from cursos.models import EditionTutor

    return [
        {
            "curso": t.cohort.course.title,
            "edicion": t.cohort.name,
            "asignado": iso(t.assigned_at),
        }
        for t in EditionTutor.objects.filter(tutor=user)
        .select_related("cohort__course")
        .order_by("pk")
    ]


def erase_tutoring(user, erasure):
    from cursos.models import EditionTutor

    EditionTutor.objects.filter(tutor=user).delete()


register(
    Entry(
        "cursos.EditionTutor",
        "Ediciones en las que es tutor o tutora",
        kind=AUTHORING,
        export=export_tutoring,
        erase=erase_tutoring,
        order=23,
    )
)
