"""Spreadsheet exports that a spreadsheet cannot turn into formulas.

A cell whose text starts with ``=``, ``+``, ``-``, ``@``, a tab or a carriage
return is run as a formula by Excel, LibreOffice and Google Sheets when a CSV is
opened (OWASP, "CSV Injection"): a learner named ``=HYPERLINK("http://…")``
would put a live link, or worse, in a coordinator's report. Such text gets a
leading apostrophe, which spreadsheets read as "this is text". Only text is
touched: numbers, dates and empty cells keep their type, so a negative number
stays a number.

Every export uses this module: Wagtail report and listing views through
``SafeSpreadsheetExportMixin`` (Wagtail's own hook, ``preprocess_field_value``,
for CSV and XLSX alike; Wagtail already stores XLSX cells as text, the
apostrophe keeps them inert if the file is saved again as CSV) and hand-written
CSV through ``safe_row``.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: Any) -> Any:
    """``value`` with a leading ``'`` if it is text a spreadsheet would run as a
    formula; anything else (numbers included) unchanged."""
    if isinstance(value, str) and value.startswith(FORMULA_TRIGGERS):
        return "'" + value
    return value


def safe_row(values: Iterable[Any]) -> list[Any]:
    """A row for ``csv.writer.writerow`` with every cell made safe."""
    return [safe_cell(value) for value in values]


class SafeSpreadsheetExportMixin:
    """For views with Wagtail's ``SpreadsheetExportMixin`` (report views, model
    and snippet index views): every exported cell goes through ``safe_cell``
    after Wagtail's own preprocessing (which turns lazy text into ``str``)."""

    def preprocess_field_value(self, field, value, export_format):
        return safe_cell(super().preprocess_field_value(field, value, export_format))
