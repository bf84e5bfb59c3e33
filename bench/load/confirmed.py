"""Answers the server confirmed during the load test, and the check that none
was lost (kept apart from Locust and Django so tests/test_load_scenario.py can
check it without a load run).

Each Locust worker process appends one JSON line per confirmation to its own
file (``confirmadas-<pid>.jsonl``) in the run's temporary folder:

- ``guardado``: an autosave answered ``{"guardado": true}`` (sent after the
  commit), with the questions it carried and their choices;
- ``envio``: a submit redirected to the attempt's result, with every answer
  the form carried;
- ``pendiente``: questions whose autosave had not succeeded yet when the
  person submitted (evaluacion.js drops its retry when the page goes; the
  submit carries those answers).

After the run, verify.py reads the attempts from the database and ``check``
says which confirmed answers are missing and which submitted attempts do not
have exactly one result.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from pathlib import Path

JOURNAL_GLOB = "confirmadas-*.jsonl"
# What a proxy answers when the app behind it went away mid-request; with
# Locust standing where nginx would, a killed worker shows up as a closed or
# reset connection (status 0) instead.
CUT_STATUSES = frozenset({502, 503, 504})
# A person whose browser shows a connection error reloads the page or sends
# the form again, once, after reading the error.
RESEND_PAUSE = 2.0


def is_cut(status: int, exception: BaseException | None) -> bool:
    """Whether a request was cut on its way (the worker serving it died):
    no HTTP answer at all (status 0), an answer whose body broke off, or a
    proxy's 502/503/504. A 4xx or 500 from the app is an answer, not a cut."""
    if status == 0 or status in CUT_STATUSES:
        return True
    return exception is not None and status < 400


def autosave_backoff(retries: int) -> float:
    """Seconds before evaluacion.js tries a failed save again:
    ``Math.min(30000, 1000 * Math.pow(2, retries))`` → 2, 4, 8, 16, 30, 30…"""
    return min(30.0, float(2**retries))


class Journal:
    """This process's record of what the server confirmed."""

    def __init__(self, directory: str | os.PathLike):
        path = Path(directory) / f"confirmadas-{os.getpid()}.jsonl"
        self.file = path.open("a", buffering=1, encoding="utf-8")

    def _write(self, record: dict) -> None:
        self.file.write(json.dumps(record, separators=(",", ":")) + "\n")

    def saved(self, attempt: int, answers: dict[str, list[str]]) -> None:
        self._write({"intento": attempt, "tipo": "guardado", "respuestas": answers})

    def submitted(self, attempt: int, answers: dict[str, list[str]]) -> None:
        self._write({"intento": attempt, "tipo": "envio", "respuestas": answers})

    def pending(self, attempt: int, questions: list[str]) -> None:
        self._write({"intento": attempt, "tipo": "pendiente", "preguntas": questions})


def read_journals(directory: str | os.PathLike) -> list[dict]:
    """Every record of every worker; each person's records are in one file, in
    the order they happened."""
    records = []
    for path in sorted(Path(directory).glob(JOURNAL_GLOB)):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                records.append(json.loads(line))
    return records


@dataclass(frozen=True)
class StoredAttempt:
    """What the database holds for one attempt."""

    enrollment: int
    answers: dict[str, list[str]]
    submitted: bool
    status: str
    questions: int  # in its snapshot
    results: int  # QuestionResult rows
    graded: bool  # score set and equal to grading its stored answers


@dataclass
class Report:
    confirmed: int = 0  # answers confirmed (an answer per question per record)
    autosaved: int = 0  # of them, by autosave
    submits: int = 0  # submits confirmed
    pending: int = 0  # questions still unsaved by autosave at a submit
    submitted_attempts: int = 0  # in the database
    unconfirmed_submits: int = 0  # of them, with no submit confirmed to Locust
    lost: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.lost and not self.problems


def _same(a: list[str] | None, b: list[str] | None) -> bool:
    return sorted(a or []) == sorted(b or [])


def check(records: list[dict], attempts: dict[int, StoredAttempt]) -> Report:
    """Every confirmed answer is in its attempt, every confirmed submit is the
    attempt's result, and every submitted attempt has exactly one result.

    A confirmed answer is present when the attempt stores it for its question,
    or when a later confirmation of the same attempt replaced it (a submit
    replaces every answer; the load test's people answer each question once,
    so in practice every confirmed value is the final one)."""
    report = Report()
    by_attempt: dict[int, list[dict]] = {}
    for record in records:
        by_attempt.setdefault(record["intento"], []).append(record)

    for attempt_id, own in by_attempt.items():
        stored = attempts.get(attempt_id)
        # The final confirmed value of each question: an autosave replaces
        # the questions it carries, a submit replaces everything.
        final: dict[str, list[str]] = {}
        for record in own:
            if record["tipo"] == "guardado":
                final.update(record["respuestas"])
            elif record["tipo"] == "envio":
                final = dict(record["respuestas"])
        for record in own:
            kind = record["tipo"]
            if kind == "pendiente":
                report.pending += len(record["preguntas"])
                continue
            report.confirmed += len(record["respuestas"])
            if kind == "guardado":
                report.autosaved += len(record["respuestas"])
            else:
                report.submits += 1
            for question, chosen in record["respuestas"].items():
                if not _same(final.get(question), chosen):
                    continue  # replaced later; that confirmation is checked
                if stored is None:
                    report.lost.append(f"intento {attempt_id}: no existe")
                elif not _same(stored.answers.get(question), chosen):
                    report.lost.append(
                        f"intento {attempt_id}, pregunta {question} ({kind}): "
                        f"confirmada {sorted(chosen)}, guardada "
                        f"{sorted(stored.answers.get(question) or [])}"
                    )
            if kind == "envio" and stored is not None:
                if not stored.submitted:
                    report.problems.append(
                        f"intento {attempt_id}: envío confirmado, intento abierto"
                    )
                elif stored.status != "enviado":
                    report.problems.append(
                        f"intento {attempt_id}: envío confirmado, estado "
                        f"{stored.status}"
                    )
                extra = set(stored.answers) - set(record["respuestas"])
                if extra:
                    report.problems.append(
                        f"intento {attempt_id}: el resultado tiene respuestas que "
                        f"el envío no llevaba ({', '.join(sorted(extra))})"
                    )

    per_enrollment: dict[int, int] = {}
    for attempt_id, stored in attempts.items():
        if not stored.submitted:
            continue
        report.submitted_attempts += 1
        if not any(r["tipo"] == "envio" for r in by_attempt.get(attempt_id, ())):
            report.unconfirmed_submits += 1
        per_enrollment[stored.enrollment] = per_enrollment.get(stored.enrollment, 0) + 1
        if stored.results != stored.questions:
            report.problems.append(
                f"intento {attempt_id}: {stored.results} resultados por pregunta "
                f"para {stored.questions} preguntas"
            )
        if not stored.graded:
            report.problems.append(
                f"intento {attempt_id}: su puntaje no es el de sus respuestas"
            )
    for enrollment, count in per_enrollment.items():
        if count > 1:
            # Each person takes the exam once: a re-sent start or submit must
            # not make a second attempt or a second result.
            report.problems.append(
                f"inscripción {enrollment}: {count} intentos enviados"
            )
    return report


def summary(report: Report) -> list[str]:
    lines = [
        f"respuestas confirmadas: {report.confirmed:,} ({report.autosaved:,} por "
        f"guardado automático, {report.confirmed - report.autosaved:,} en "
        f"{report.submits:,} envíos), perdidas: {len(report.lost):,}",
        f"intentos enviados en la base: {report.submitted_attempts:,}; fallas de "
        f"integridad (un resultado por envío, el envío es el resultado): "
        f"{len(report.problems):,}",
    ]
    if report.unconfirmed_submits:
        lines.append(
            f"intentos enviados sin envío confirmado a Locust: "
            f"{report.unconfirmed_submits:,} (Locust se detuvo o la respuesta se "
            "cortó después de guardar)"
        )
    if report.pending:
        lines.append(
            f"preguntas sin guardado automático confirmado al enviar: "
            f"{report.pending:,} (las llevó el envío)"
        )
    for line in (report.lost + report.problems)[:20]:
        lines.append(f"  {line}")
    return lines
