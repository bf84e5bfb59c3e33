"""Page cost: SQL queries, the median in-process time of pages as a ratio to a
bare Django view served through the same middleware (goal for a lesson page:
≤ 20×, the same for a course of 10 and of 100 lessons), and the weight of the
HTML sent, raw and gzip-compressed (a lesson page's stays flat as the course
grows). Run with `make bench` (SQLite, the embedded defaults);
`bench/pages.py lecciones` measures only the lesson pages.

Wall-clock ratios move with the machine's load; the CPU-time ratio beside them
(time this thread spent on the CPU) moves less on a shared machine.
"""

import gzip
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "bench")]
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lms.settings.test")

import django  # noqa: E402

django.setup()

from django.db import connection  # noqa: E402
from django.test import Client, override_settings  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

RUNS = 200


def median_ms(client: Client, path: str) -> tuple[float, float]:
    """Median wall-clock and CPU milliseconds of a GET of ``path``."""
    client.get(path)  # warm caches
    wall, cpu = [], []
    for _ in range(RUNS):
        start, start_cpu = time.perf_counter(), time.thread_time()
        response = client.get(path)
        cpu.append((time.thread_time() - start_cpu) * 1000)
        wall.append((time.perf_counter() - start) * 1000)
        assert response.status_code == 200, (path, response.status_code)
    return statistics.median(wall), statistics.median(cpu)


def queries(client: Client, path: str) -> int:
    client.get(path)
    with CaptureQueriesContext(connection) as captured:
        client.get(path)
    return len(captured)


def learner_with_course(lessons_per_module: int, modules: int):
    from cursos.services.enrollment import enroll
    from cursos.services.progress import complete_lesson
    from tests.factories import UserFactory, build_course, course_lessons

    course = build_course(modules=modules, lessons=lessons_per_module)
    lessons = course_lessons(course)
    learner = UserFactory()
    enrollment = enroll(user=learner, course=course)
    for lesson in lessons[: len(lessons) // 2]:
        complete_lesson(enrollment=enrollment, lesson=lesson)
    return learner, lessons[len(lessons) // 2].url


def html_weight(client: Client, path: str) -> str:
    html = client.get(path).content
    packed = gzip.compress(html)
    return f"HTML {len(html) / 1024:.1f} KB ({len(packed) / 1024:.1f} KB gzip)"


def report(label: str, client: Client, path: str, bare: tuple[float, float]) -> None:
    wall, cpu = median_ms(client, path)
    print(
        f"{label}: {wall / bare[0]:.1f}× la vista mínima (CPU {cpu / bare[1]:.1f}×) · "
        f"mediana {wall:.2f} ms · {queries(client, path)} consultas SQL · "
        f"{html_weight(client, path)}"
    )


def public_site():
    """A home page with featured courses, 25 articles with covers and 10 activities."""
    from home.models import HomePage
    from tests.factories import build_course, news_article, site_event, site_image

    image = site_image()
    course = build_course(modules=1, lessons=1)
    home = HomePage.objects.get()
    home.featured_courses.create(course=course)
    home.save_revision().publish()
    articles = [
        news_article(
            cover_image=image,
            categories=["transparencia"],
            tags=["diplomado"],
            body=[("paragraph", "<p>Texto de la noticia.</p>")] * 6,
        )
        for _ in range(25)
    ]
    for days in range(1, 11):
        site_event(days_from_now=days)
    return articles[-1].url


def public_pages(anonymous: Client, bare: float) -> None:
    from django.conf import settings

    article = public_site()
    for label, path in (("inicio", "/"), ("noticia", article)):
        report(f"{label}, anónimo, desde la caché de páginas", anonymous, path, bare)
        cached = settings.PAGE_CACHE_SECONDS
        settings.PAGE_CACHE_SECONDS = 0
        try:
            report(f"{label}, anónimo, sin caché", anonymous, path, bare)
        finally:
            settings.PAGE_CACHE_SECONDS = cached


@override_settings(ROOT_URLCONF="_bench_urls")
def main() -> None:
    old_name = connection.creation.create_test_db(verbosity=0)
    try:
        only_lessons = "lecciones" in sys.argv[1:]
        anonymous = Client()
        bare = median_ms(anonymous, "/bench/bare/")
        print(
            f"vista Django mínima: mediana {bare[0]:.3f} ms, CPU {bare[1]:.3f} ms "
            "(la unidad de las razones)"
        )
        if not only_lessons:
            public_pages(anonymous, bare)
            report("crear cuenta, anónimo", anonymous, "/cuentas/signup/", bare)
        for per_module, modules in ((5, 2), (10, 10)):
            learner, url = learner_with_course(per_module, modules)
            client = Client()
            client.force_login(learner)
            total = per_module * modules
            report(f"lección, inscrito, curso de {total} lecciones", client, url, bare)
        if not only_lessons:
            report("mi aprendizaje", client, "/mi-aprendizaje/", bare)
            report("catálogo, inscrito", client, "/cursos/", bare)
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)


if __name__ == "__main__":
    main()
