"""Look for a value in every text, e-mail and JSON field of every model."""

from __future__ import annotations

import json

from django.apps import apps
from django.db import models


def text_fields(model):
    return [
        f
        for f in model._meta.concrete_fields
        if isinstance(f, models.CharField | models.TextField | models.JSONField)
        or isinstance(f, models.EmailField)
    ]


def find_everywhere(needles: list[str]) -> list[str]:
    """``model.field #pk`` of every stored value containing one of ``needles``
    (case-insensitive), over the whole database; one query per model."""
    lowered = [n.lower() for n in needles]
    found = []
    for model in apps.get_models():
        if model._meta.proxy or not model._meta.managed:
            continue
        fields = text_fields(model)
        if not fields:
            continue
        names = [f.attname for f in fields]
        for row in model._base_manager.values_list("pk", *names).iterator():
            for name, value in zip(names, row[1:], strict=True):
                if value is None:
                    continue
                text = (
                    value
                    if isinstance(value, str)
                    else json.dumps(value, ensure_ascii=False)
                ).lower()
                for needle in lowered:
                    if needle in text:
                        found.append(f"{model._meta.label}.{name} #{row[0]}")
    return sorted(set(found))
