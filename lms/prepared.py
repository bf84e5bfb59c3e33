"""Querysets compiled once per process instead of on every request.

Building and compiling a queryset costs the ORM far more than running it when
the query is small and indexed: "Mi aprendizaje" spent 6 ms of CPU compiling the
required-trainings query (a CASE of EXISTS subqueries) to fetch nothing, and the
enrollment lookup on every lesson and quiz page costs more to compile than to
run. ``PreparedQuery`` builds the queryset once per thread and database with
sentinel values for its parameters, keeps the compiled SQL, and on each call
runs that SQL with the real values. The SQL, the rows, the model instances
(``select_related`` included), the annotations and ``prefetch_related`` are
exactly the queryset's own: only the compiling is skipped.

Use it for queries whose shape does not depend on the values: ids, dates and
text compared with ``=``, ``<``, ``>=``. Not for ``__in`` lists (their
length is part of the SQL) or values that may be None (``= NULL`` vs
``IS NULL``); the first compile refuses a sentinel that did not reach the
parameters, so a build that drops one fails loudly instead of ignoring it.

    _enrollment = PreparedQuery(
        lambda user_id, course_id: Enrollment.objects.filter(
            user_id=user_id, course_id=course_id
        ).order_by("-enrolled_at")[:1],
        PreparedQuery.INT,
        PreparedQuery.INT,
    )
    rows = _enrollment(user.pk, course.pk)  # a list of Enrollment
"""

import copy
import datetime
import threading
from collections.abc import Callable

from django.db import connections, router
from django.db.models import QuerySet


class PreparedQuery:
    """A queryset built by ``build(*values)``, compiled once per thread and
    database with sentinel values, run with the caller's values."""

    INT = "int"
    DATE = "date"
    TEXT = "text"

    def __init__(self, build: Callable[..., QuerySet], *kinds: str):
        self._build = build
        self._sentinels = tuple(_sentinel(kind, n) for n, kind in enumerate(kinds))
        # Per thread, as connections are: the compiler is bound to one.
        self._compiled = threading.local()

    def __call__(self, *values) -> list:
        if len(values) != len(self._sentinels):
            raise TypeError(
                f"expected {len(self._sentinels)} values, got {len(values)}"
            )
        model = self._model()
        connection = connections[router.db_for_read(model)]
        queryset, compiler, sql, params, slots = self._compile(connection)
        params = list(params)
        for position, (index, as_text) in slots.items():
            params[position] = str(values[index]) if as_text else values[index]
        replay = copy.copy(compiler)
        replay.as_sql = lambda *args, **kwargs: (sql, tuple(params))
        run = queryset._chain()  # a fresh query: the kept one is never touched
        run.query.get_compiler = lambda *args, **kwargs: replay
        return list(run)

    def _model(self):
        model = getattr(self._compiled, "model", None)
        if model is None:
            model = self._compiled.model = self._build(*self._sentinels).model
        return model

    def _compile(self, connection) -> tuple:
        by_alias = self._compiled.__dict__.setdefault("by_alias", {})
        compiled = by_alias.get(connection.alias)
        if compiled is None:
            queryset = self._build(*self._sentinels)
            if queryset._result_cache is not None:
                raise TypeError("build must return an unevaluated queryset")
            compiler = queryset.query.get_compiler(connection=connection)
            sql, params = compiler.as_sql()
            slots = self._slots(params)
            compiled = by_alias[connection.alias] = (
                queryset,
                compiler,
                sql,
                tuple(params),
                slots,
            )
        return compiled

    def _slots(self, params) -> dict[int, tuple[int, bool]]:
        """Parameter position → (which value, sent as text): where each
        sentinel landed, as the value itself or as its text (SQLite's dates)."""
        slots = {}
        for position, param in enumerate(params):
            for index, sentinel in enumerate(self._sentinels):
                if param is sentinel or (
                    type(param) is type(sentinel) and param == sentinel
                ):
                    slots[position] = (index, False)
                elif isinstance(param, str) and param == str(sentinel):
                    slots[position] = (index, True)
        missing = set(range(len(self._sentinels))) - {i for i, _ in slots.values()}
        if missing:
            raise ValueError(
                f"values {sorted(missing)} do not reach the compiled SQL's "
                "parameters: the query cannot be prepared"
            )
        return slots


def _sentinel(kind: str, n: int):
    if kind == PreparedQuery.INT:
        return -987_654_300 - n
    if kind == PreparedQuery.DATE:
        return datetime.date(1111, 11, 1 + n)
    if kind == PreparedQuery.TEXT:
        return f"\x1fprepared-text-{n}\x1f"
    raise ValueError(f"unknown kind {kind!r}")
