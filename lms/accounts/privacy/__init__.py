"""The registry of personal data: every model that holds something about a
person says, in its own app's ``privacy`` module, how to export it and how to
erase or anonymize it. Export (``exports``), erasure (``erasure``) and the test
that walks every model (tests/privacy/test_registry.py) all read this registry,
so a new model holding a user cannot be forgotten: the walk fails until it has
an entry.

Kinds of entry:

``PERSONAL``
    The person's own data (profile, enrollments, answers, posts...): exported in
    full; erased or anonymized on erasure.
``AUTHORING``
    Records of work a person did for the institution (page revisions, audit log
    entries, grades given as a tutor): exported minimally (what, when), kept on
    erasure linked to the anonymized account, with the person's name and e-mail
    scrubbed from their text.
``NOT_PERSONAL``
    A model the walk reaches that holds nothing about the person beyond what
    another entry covers; ``reason`` says why.

Providers are listed in ``PROVIDERS`` (one module per app) and imported on
first use, so importing this package never imports another app's models.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from importlib import import_module

PERSONAL = "personal"
AUTHORING = "autoria"
NOT_PERSONAL = "no_personal"

PROVIDERS = (
    "lms.accounts.privacy.accounts",
    "lms.accounts.privacy.wagtail",
    "cursos.privacy",
    "comunidad.privacy",
    "certificados.privacy",
)


@dataclass(frozen=True)
class Entry:
    """How one model's personal data is exported and erased.

    ``export(user)`` returns the rows (plain dicts with Spanish keys, JSON
    values) about ``user`` in one or two queries; ``erase(user, erasure)``
    anonymizes or deletes them inside the erasure's transaction, adding files to
    ``erasure.files`` (deleted after the commit)."""

    model: str
    title: str
    kind: str = PERSONAL
    export: Callable | None = None
    erase: Callable | None = None
    reason: str = ""
    order: int = 100


@dataclass
class Registry:
    entries: dict[str, Entry] = field(default_factory=dict)
    loaded: bool = False


_registry = Registry()


def register(entry: Entry) -> Entry:
    if entry.kind not in (PERSONAL, AUTHORING, NOT_PERSONAL):
        raise ValueError(f"Unknown kind {entry.kind!r} for {entry.model}")
    if entry.kind != NOT_PERSONAL and entry.export is None:
        raise ValueError(f"{entry.model} holds personal data but has no export")
    if entry.kind == NOT_PERSONAL and not entry.reason:
        raise ValueError(f"{entry.model}: say why it is not personal data")
    _registry.entries[entry.model.lower()] = entry
    return entry


def entries() -> list[Entry]:
    """Every entry, in export order."""
    if not _registry.loaded:
        for module in PROVIDERS:
            import_module(module)
        _registry.loaded = True
    return sorted(_registry.entries.values(), key=lambda e: (e.order, e.model))


def entry_for(label: str) -> Entry | None:
    entries()
    return _registry.entries.get(label.lower())


def iso(value) -> str | None:
    """A date or datetime as ISO 8601 (local time for datetimes), or None."""
    if value is None:
        return None
    from django.utils import timezone

    if hasattr(value, "tzinfo") and value.tzinfo is not None:
        value = timezone.localtime(value)
    return value.isoformat()


def number(value) -> str | None:
    return None if value is None else str(value)
