"""Strategies and targets shared by the SQLite fuzz (tests/security/test_fuzz.py)
and the PostgreSQL one (tests/integration/test_fuzz_postgresql.py).

Every query parameter and form field a public or learner route reads gets text
a careless view would choke on: NUL bytes, huge strings, unicode outside the
BMP, markup, SQL, negative and huge numbers, malformed ids. The only claim is
the one QUALITY.md makes for any request: no 5xx.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from django.core.cache import cache
from django.test import Client
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

from tests.forms import csrf_token

NASTY_CONSTANTS = [
    "",
    "\x00",
    "a\x00b",
    "%00",
    "\u0000" * 3,
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "' OR '1'='1",
    "1; DROP TABLE accounts_user; --",
    "../../../../etc/passwd",
    "-1",
    "0",
    "-0",
    "99999999999999999999999999",
    "-99999999999999999999999999",
    "1e309",
    "NaN",
    "0x10",
    "1.5",
    "١٢٣",  # Arabic-Indic digits: int() accepts them
    "𝟙𝟚𝟛",  # mathematical digits
    "\ud800".encode("utf-8", "surrogatepass").decode("utf-8", "replace"),
    "ñandú Ñuñoa K'iche'",
    '=HYPERLINK("http://x")',
    "\u202e" + "txt.exe",
    "a" * 10_000,
    " " * 500,
    "\t\r\n",
]

nasty_text = st.one_of(
    st.sampled_from(NASTY_CONSTANTS),
    st.text(max_size=300),
    st.text(alphabet=st.characters(codec="utf-8"), max_size=50).map(
        lambda s: s + "\x00"
    ),
    st.integers(min_value=-(10**30), max_value=10**30).map(str),
    st.binary(max_size=40).map(lambda b: b.decode("latin-1")),
)

FUZZ_SETTINGS = settings(
    max_examples=30,
    deadline=None,
    suppress_health_check=[
        HealthCheck.function_scoped_fixture,
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
    ],
    database=None,
)

TRIED: Counter[str] = Counter()


@dataclass
class Target:
    """One route: how to reach it and which parameters it reads."""

    name: str
    method: str  # "get" or "post"
    path: str
    params: list[str]
    role: str = "anonimo"  # "anonimo", "participante" or "tutor"
    token_page: str | None = None  # where the POST form lives
    extra: dict[str, str] = field(default_factory=dict)


def targets(world) -> list[Target]:
    """Public and learner routes with the parameters they read."""
    course, lesson, quiz, attempt = (
        world.course,
        world.lesson,
        world.quiz,
        world.attempt,
    )
    question_fields = [f"q-{q['key']}" for q in attempt.snapshot]
    return [
        Target("buscar", "get", "/buscar/", ["q", "pagina"]),
        Target(
            "noticias", "get", world.news_index.url, ["categoria", "etiqueta", "pagina"]
        ),
        Target(
            "noticias rss",
            "get",
            world.news_index.url + "rss/",
            ["categoria", "etiqueta"],
        ),
        Target("actividades", "get", world.event_index.url, ["pagina"]),
        Target("cursos", "get", "/cursos/", ["pagina", "q"]),
        Target("datos abiertos", "get", world.transparency.url, ["pagina"]),
        Target("verificar", "get", "/certificados/verificar/", ["codigo"]),
        Target("verificar codigo", "get", "/certificados/verificar/{}/", ["path"]),
        Target(
            "continuar",
            "get",
            "/mi-aprendizaje/continuar/{}/",
            ["path"],
            "participante",
        ),
        Target(
            "intento",
            "get",
            "/mi-aprendizaje/evaluaciones/intentos/{}/",
            ["path"],
            "participante",
        ),
        Target(
            "verificar (formulario)",
            "post",
            "/certificados/verificar/",
            ["codigo-code"],
            token_page="/certificados/verificar/",
        ),
        Target(
            "registro",
            "post",
            "/cuentas/signup/",
            [
                "full_name",
                "email",
                "phone",
                "institution_type",
                "institution_name",
                "department",
                "municipality",
                "post",
                "post_other",
                "password1",
                "password2",
            ],
            token_page="/cuentas/signup/",
        ),
        Target(
            "perfil",
            "post",
            "/cuentas/perfil/",
            [
                "full_name",
                "institution_type",
                "institution_name",
                "department",
                "municipality",
                "post",
                "post_other",
                "phone",
            ],
            "participante",
            token_page="/cuentas/perfil/",
        ),
        Target(
            "inscribirse",
            "post",
            f"/mi-aprendizaje/inscribirse/{course.pk}/",
            ["cohort"],
            "participante",
            token_page=course.url,
        ),
        Target(
            "completar",
            "post",
            f"/mi-aprendizaje/completar/{lesson.pk}/",
            ["next"],
            "participante",
            token_page=lesson.url,
        ),
        Target(
            "responder",
            "post",
            f"/mi-aprendizaje/evaluaciones/intentos/{attempt.pk}/",
            [*question_fields, "accion", "q-inventada"],
            "participante",
            token_page=f"/mi-aprendizaje/evaluaciones/intentos/{attempt.pk}/",
            extra={"accion": "guardar"},
        ),
        Target(
            "comenzar",
            "post",
            f"/mi-aprendizaje/evaluaciones/{quiz.pk}/comenzar/",
            ["x"],
            "participante",
            token_page=quiz.url,
        ),
        # The tutor area, as the matrix tutor.
        Target(
            "tutoria participantes",
            "get",
            f"/tutoria/ediciones/{world.cohort.pk}/",
            ["orden", "departamento", "pagina"],
            "tutor",
        ),
        Target(
            "tutoria pendientes", "get", "/tutoria/pendientes/", ["pagina"], "tutor"
        ),
        Target("tutoria entrega", "get", "/tutoria/entregas/{}/", ["path"], "tutor"),
        Target(
            "calificar",
            "post",
            f"/tutoria/entregas/{world.submission.pk}/",
            [
                "points",
                "feedback",
                "accion",
                "devolver-feedback",
                "cambiar-points",
                "cambiar-reason",
            ],
            "tutor",
            token_page=f"/tutoria/entregas/{world.submission.pk}/",
            extra={"accion": "borrador"},
        ),
    ]


def client_for(world, role: str) -> Client:
    client = Client(enforce_csrf_checks=True, raise_request_exception=False)
    if role != "anonimo":
        client.force_login(world.users[role])
    return client


def hit(client: Client, target: Target, values: dict[str, str], token: str | None):
    """One request with ``values``; returns the response."""
    from urllib.parse import quote

    TRIED[target.name] += 1
    if "path" in target.params:
        segment = quote(values["path"].replace("/", "_"), safe="") or "x"
        return client.get(target.path.format(segment))
    if target.method == "get":
        return client.get(target.path, values)
    data = {**target.extra, **values, "csrfmiddlewaretoken": token}
    return client.post(target.path, data)


def fuzz_one(world, target: Target, data) -> None:
    """Draw a value for every parameter of ``target`` (or a subset), send it,
    and assert the answer is not a 5xx."""
    # Each example is a fresh visitor: rate-limit counters (verification allows
    # 30 a minute) must not turn the fuzz into a rate-limit test.
    cache.clear()
    client = client_for(world, target.role)
    token = csrf_token(client, target.token_page) if target.method == "post" else None
    chosen = data.draw(
        st.lists(st.sampled_from(target.params), min_size=1, unique=True),
        label="parámetros",
    )
    values = {name: data.draw(nasty_text, label=name) for name in chosen}
    response = hit(client, target, values, token)
    assert response.status_code < 500, (
        f"{target.method.upper()} {target.path} with {values!r} → "
        f"{response.status_code}"
    )


def world_in_a_rolled_back_transaction(world_class):
    """Build the module's data once inside an outer transaction that is rolled
    back at the end (each test runs in a savepoint of it)."""
    from django.db import transaction

    outer = transaction.atomic()
    outer.__enter__()
    try:
        yield world_class()
    finally:
        transaction.set_rollback(True)
        outer.__exit__(None, None, None)


def fuzz_target(world, name: str, label: str) -> int:
    """Run hypothesis over one target; fail on any 5xx (inside fuzz_one) or when
    too few inputs reached it. Returns how many were tried."""
    from hypothesis import given

    target = next(t for t in targets(world) if t.name == name)
    before = TRIED[name]

    @FUZZ_SETTINGS
    @given(data=st.data())
    def run(data):
        fuzz_one(world, target, data)

    run()
    tried = TRIED[name] - before
    print(f"{label} {name}: {tried} entradas")  # noqa: T201
    assert tried >= 10, f"only {tried} inputs reached {name}"
    return tried
