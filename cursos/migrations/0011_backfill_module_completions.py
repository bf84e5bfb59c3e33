"""Record, for every existing enrollment, the modules it has already completed
(every live item of the module done), dated when its last item was done. From
now on the progress service writes these rows itself; with them, content
published later into (or before) a finished module is new and optional for the
learner instead of taking progress back."""

from django.db import migrations

STEPLEN = 4
ITEM_MODELS = ("lessonpage", "quizpage")


def backfill(apps, schema_editor):
    Page = apps.get_model("wagtailcore", "Page")
    Enrollment = apps.get_model("cursos", "Enrollment")
    LessonCompletion = apps.get_model("cursos", "LessonCompletion")
    QuizAttempt = apps.get_model("cursos", "QuizAttempt")
    ModuleCompletion = apps.get_model("cursos", "ModuleCompletion")

    course_ids = Enrollment.objects.values_list("course_id", flat=True).distinct()
    for course in Page.objects.filter(pk__in=list(course_ids)):
        pages = Page.objects.filter(
            live=True,
            path__startswith=course.path,
            depth__in=[course.depth + 1, course.depth + 2],
        ).values_list("pk", "path", "depth", "content_type__model")
        modules = {path: pk for pk, path, depth, _m in pages if depth == course.depth + 1}
        items_of: dict[int, set[int]] = {}
        for pk, path, depth, model in pages:
            parent = modules.get(path[:-STEPLEN])
            if depth == course.depth + 2 and model in ITEM_MODELS and parent:
                items_of.setdefault(parent, set()).add(pk)
        done: dict[int, dict[int, object]] = {}
        lessons = LessonCompletion.objects.filter(
            enrollment__course_id=course.pk
        ).values_list("enrollment_id", "lesson_id", "completed_at")
        quizzes = QuizAttempt.objects.filter(
            enrollment__course_id=course.pk, passed=True
        ).values_list("enrollment_id", "quiz_id", "submitted_at")
        for enrollment_id, item_id, when in [*lessons, *quizzes]:
            times = done.setdefault(enrollment_id, {})
            if item_id not in times or when < times[item_id]:
                times[item_id] = when
        rows = []
        for enrollment_id, times in done.items():
            for module_id, item_ids in items_of.items():
                if item_ids and item_ids <= times.keys():
                    rows.append(
                        ModuleCompletion(
                            enrollment_id=enrollment_id,
                            module_id=module_id,
                            completed_at=max(times[i] for i in item_ids),
                        )
                    )
        ModuleCompletion.objects.bulk_create(
            rows, batch_size=1000, ignore_conflicts=True
        )


class Migration(migrations.Migration):
    dependencies = [
        ("cursos", "0010_module_completion"),
    ]

    operations = [migrations.RunPython(backfill, migrations.RunPython.noop)]
