"""Seed the load test's database (run by bench/load/run.py, production settings).

One published course with a timed final exam, built the way the test suite
builds courses (tests.factories: pages published through Wagtail's revisions),
and ``--accounts`` municipal officials, each enrolled through
``cursos.services.enrollment.enroll``.

Every account gets a real password hash from the production hasher (Argon2id):
one hash is computed here and stored on every row, so seeding pays it once
while each sign-in during the test pays the full cost, as in production. Every
account also gets a signed-in session written straight into the session store
(the data ``django.contrib.auth.login`` would store: user id, backend and the
password-derived session hash), so exam-takers who arrive already signed in do
not pay password hashing. The accounts, the password and the session keys go
to a JSON file the Locust workers read.
"""

import argparse
import json
import os
import sys
import time
from importlib import import_module
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lms.settings.production")

import django  # noqa: E402

django.setup()

from allauth.account.models import EmailAddress  # noqa: E402
from django.conf import settings  # noqa: E402
from django.contrib.auth.hashers import make_password  # noqa: E402
from django.contrib.sessions.models import Session  # noqa: E402
from django.utils import timezone  # noqa: E402
from django.utils.crypto import get_random_string  # noqa: E402

from cursos.services.enrollment import enroll  # noqa: E402
from lms.accounts.models import Municipality, User  # noqa: E402
from tests.factories import add_quiz, build_course, question  # noqa: E402

SESSION_KEY_CHARS = "abcdefghijklmnopqrstuvwxyz0123456789"


def exam_questions(count: int) -> list[dict]:
    """Single-choice questions, every fourth one with several right options."""
    return [
        question(
            kind="multiple" if n % 4 == 3 else "single",
            prompt=f"Pregunta {n + 1} del examen final",
            correct=(0, 2) if n % 4 == 3 else (n % 4,),
            choices=4,
            scoring="parcial",
        )
        for n in range(count)
    ]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--accounts", type=int, required=True)
    parser.add_argument("--questions", type=int, default=10)
    parser.add_argument("--out", required=True)
    args = parser.parse_args()
    started = time.perf_counter()

    course = build_course(
        modules=1, lessons=1, title="Diplomado Gestión Municipal (prueba de carga)"
    )
    quiz = add_quiz(
        course,
        questions=exam_questions(args.questions),
        title="Evaluación final",
        time_limit_minutes=45,
    )

    password = get_random_string(20)
    hashed = make_password(password)  # the production hasher, paid once here
    place = Municipality.objects.select_related("department").get(code="0801")
    users = User.objects.bulk_create(
        [
            User(
                email=f"carga{n}@municipalidad.example",
                full_name=f"Funcionaria de carga {n}",
                institution_type=User.InstitutionType.MUNICIPALITY,
                municipality=place,
                department=place.department,
                post=User.Post.UIP,
                password=hashed,
            )
            for n in range(args.accounts + 1)
        ],
        batch_size=1000,
    )
    EmailAddress.objects.bulk_create(
        [
            EmailAddress(user=user, email=user.email, verified=True, primary=True)
            for user in users
        ],
        batch_size=1000,
    )
    for user in users:
        enroll(user=user, course=course)

    # What django.contrib.auth.login stores, encoded by the configured store.
    store = import_module(settings.SESSION_ENGINE).SessionStore()
    backend = settings.AUTHENTICATION_BACKENDS[0]
    expires = timezone.now() + timezone.timedelta(seconds=settings.SESSION_COOKIE_AGE)
    sessions = [
        Session(
            session_key=get_random_string(32, SESSION_KEY_CHARS),
            session_data=store.encode(
                {
                    "_auth_user_id": str(user.pk),
                    "_auth_user_backend": backend,
                    "_auth_user_hash": user.get_session_auth_hash(),
                }
            ),
            expire_date=expires,
        )
        for user in users
    ]
    Session.objects.bulk_create(sessions, batch_size=1000)

    quiz_url = quiz.get_url()
    Path(args.out).write_text(
        json.dumps(
            {
                "password": password,
                "quiz_url": quiz_url,
                "quiz_title": quiz.title,
                "course_title": course.title,
                "session_cookie": settings.SESSION_COOKIE_NAME,
                # The last one warms the app's workers up before the stages.
                "warmup": sessions[-1].session_key,
                "accounts": [
                    [user.email, session.session_key]
                    for user, session in zip(users[:-1], sessions[:-1], strict=True)
                ],
            }
        )
    )
    print(
        f"sembrado: {args.accounts} cuentas inscritas, evaluación de "
        f"{args.questions} preguntas en {quiz_url} "
        f"({time.perf_counter() - started:.1f} s)"
    )


if __name__ == "__main__":
    main()
