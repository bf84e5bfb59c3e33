"""Which models hold personal data: the ones with a foreign key (or one-to-one)
to the user model, and, transitively, the ones pointing at a ``PERSONAL``
registry entry's model (a quiz attempt points at an enrollment, which points at
the person). ``AUTHORING`` and ``NOT_PERSONAL`` entries stop the walk: a page
owned by an editor does not make every block on it personal."""

from __future__ import annotations

from django.apps import apps
from django.contrib.auth import get_user_model

from . import PERSONAL, entries, entry_for


def _label(model) -> str:
    return model._meta.label


def personal_models(models=None) -> dict[str, str]:
    """Label of each model that must have a registry entry → the label of the
    model it reaches the person through (among ``models``: every installed
    model by default)."""
    user_model = get_user_model()
    models = [m for m in (models or apps.get_models()) if not m._meta.proxy]
    found: dict[str, str] = {_label(user_model): ""}
    frontier = {user_model}
    while frontier:
        reached = set()
        for model in models:
            if _label(model) in found:
                continue
            for field in model._meta.local_fields:
                target = getattr(field, "related_model", None)
                if field.is_relation and target in frontier:
                    found[_label(model)] = _label(target)
                    reached.add(model)
                    break
        frontier = set()
        for model in reached:
            entry = entry_for(_label(model))
            if entry is not None and entry.kind == PERSONAL:
                frontier.add(model)
    return found


def unregistered(models=None) -> list[str]:
    """Models holding a person (directly or through a personal model) that
    have no registry entry; the suite fails while this is not empty."""
    return sorted(
        label for label in personal_models(models) if entry_for(label) is None
    )


def stale_entries() -> list[str]:
    """Entries naming a model that does not exist (renamed or removed)."""
    stale = []
    for entry in entries():
        try:
            apps.get_model(entry.model)
        except LookupError:
            stale.append(entry.model)
    return stale
