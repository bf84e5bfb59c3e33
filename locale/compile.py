"""Compile the project's .po catalogs into the .mo files Django reads.

    .venv/bin/python locale/compile.py

Pure Python (polib, a dev dependency), so it runs where GNU gettext's
``msgfmt`` is missing; ``manage.py compilemessages`` gives equivalent files
where it is installed. tests/test_locale.py fails when a committed .mo does
not match its .po.
"""

from pathlib import Path

import polib

LOCALE_DIR = Path(__file__).resolve().parent


def compile_all() -> list[Path]:
    compiled = []
    for po_path in sorted(LOCALE_DIR.glob("*/LC_MESSAGES/*.po")):
        mo_path = po_path.with_suffix(".mo")
        polib.pofile(str(po_path)).save_as_mofile(str(mo_path))
        compiled.append(mo_path)
    return compiled


if __name__ == "__main__":
    for path in compile_all():
        print(path.relative_to(LOCALE_DIR.parent))  # noqa: T201
