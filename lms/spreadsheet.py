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

The same mixin makes the files read well for the people who open them: dates
and times in Guatemala's time (the project's ``TIME_ZONE``), to the minute and
without offset (``2026-11-27 14:05``); CSV with a UTF-8 byte order mark, so
Excel shows "Méndez" and not "MÃ©ndez"; the XLSX sheet named after the report;
and the download buttons in the page header beside the filters, not hidden
in the "⋯" menu.
"""

from __future__ import annotations

import csv
import datetime
import re
import tempfile
from collections.abc import Iterable
from decimal import Decimal
from typing import Any

from django.utils import timezone
from django.utils.encoding import force_str
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
BOM = "\ufeff"
DATETIME_TEXT = "%Y-%m-%d %H:%M"
DATE_TEXT = "%Y-%m-%d"
XLSX_DATETIME = "yyyy-mm-dd hh:mm"
XLSX_DATE = "yyyy-mm-dd"
SHEET_TITLE_MAX = 31  # Excel's limit
SHEET_TITLE_FORBIDDEN = re.compile(r"[\[\]:*?/\\]")


def safe_cell(value: Any) -> Any:
    """``value`` with a leading ``'`` if it is text a spreadsheet would run as a
    formula; anything else (numbers included) unchanged."""
    if isinstance(value, str) and value.startswith(FORMULA_TRIGGERS):
        return "'" + value
    return value


def safe_row(values: Iterable[Any]) -> list[Any]:
    """A row for ``csv.writer.writerow`` with every cell made safe, dates and
    times written for people (see ``local_text``)."""
    return [safe_cell(local_text(value)) for value in values]


def local_datetime(value: datetime.datetime) -> datetime.datetime:
    """An aware date-time as a naive one in Guatemala's time, to the minute."""
    if timezone.is_aware(value):
        value = timezone.localtime(value).replace(tzinfo=None)
    return value.replace(second=0, microsecond=0)


def local_text(value: Any) -> Any:
    """Dates and times as a person reads them (``2026-11-27 14:05`` in
    Guatemala's time, ``2026-11-27``); anything else unchanged."""
    if isinstance(value, datetime.datetime):
        return local_datetime(value).strftime(DATETIME_TEXT)
    if isinstance(value, datetime.date):
        return value.strftime(DATE_TEXT)
    return value


def sheet_title(text: Any) -> str:
    """A valid XLSX sheet name for ``text``: no ``[]:*?/\\``, at most 31
    characters, cut at a word when it is longer."""
    title = " ".join(SHEET_TITLE_FORBIDDEN.sub(" ", force_str(text)).split())
    if len(title) > SHEET_TITLE_MAX:
        cut = title[: SHEET_TITLE_MAX + 1].rsplit(" ", 1)[0]
        title = (cut if len(cut) >= SHEET_TITLE_MAX // 2 else title)[
            :SHEET_TITLE_MAX
        ].strip()
    return title.strip("'") or "Datos"


class Echo:
    """A file-like object whose ``write`` returns what it was given, so
    ``csv.writer(Echo()).writerow(row)`` returns the row's CSV line (Django's
    "Streaming large CSV files" recipe)."""

    def write(self, value):
        return value


class SafeSpreadsheetExportMixin:
    """For views with Wagtail's ``SpreadsheetExportMixin`` (report views, model
    and snippet index views): every exported cell goes through ``safe_cell``
    after Wagtail's own preprocessing (which turns lazy text into ``str``);
    dates and times in Guatemala's time (text in CSV, date cells in XLSX); a
    BOM before the CSV; the sheet named ``sheet_title`` (default: the page
    title); the download buttons visible in the header."""

    sheet_title = None

    def preprocess_field_value(self, field, value, export_format):
        # Text, numbers and empty cells without Wagtail's per-cell lookup of
        # preprocessing functions (a third of a 50,000-row export's time);
        # the same result as that lookup gives them when no view-specific
        # function is set for the field.
        if field not in self.custom_field_preprocess:
            if isinstance(value, str):
                return safe_cell(value)
            if value is None or isinstance(value, (int, float, Decimal)):
                return value
        if isinstance(value, datetime.date):
            if export_format == "csv":
                return local_text(value)
            if isinstance(value, datetime.datetime):
                return local_datetime(value)
            return value
        return safe_cell(super().preprocess_field_value(field, value, export_format))

    def get_sheet_title(self) -> str:
        return sheet_title(self.sheet_title or self.get_page_title())

    # Rows written per chunk of a streamed CSV, and rows read per database
    # round trip (a server-side cursor on PostgreSQL): memory stays flat
    # however many rows the export has.
    csv_rows_per_chunk = 500
    export_chunk_size = 2000

    # A view that names ``export_values`` (fields for ``values_list``)
    # exports plain values instead of model instances: ``export_values_rows``
    # turns those tuples into ``to_row_dict``'s mappings, with the same columns
    # and text (building model instances was most of a 50,000-row export).
    export_values: tuple[str, ...] = ()

    def export_rows(self, queryset):
        """The rows of an export, one ``to_row_dict``-like mapping each. Read
        in chunks (``.iterator()``) so a 50,000-row export never holds
        50,000 objects; plain values when the view names ``export_values``
        (and was given a queryset, not a list)."""
        if self.export_values and hasattr(queryset, "values_list"):
            values = self.export_values_queryset(queryset).values_list(
                *self.export_values
            )
            yield from self.export_values_rows(
                values.iterator(chunk_size=self.export_chunk_size)
            )
            return
        if hasattr(queryset, "iterator"):
            queryset = queryset.iterator(chunk_size=self.export_chunk_size)
        for item in queryset:
            yield self.to_row_dict(item)

    def export_values_queryset(self, queryset):
        """The queryset ``export_values`` are read from (a view adds the
        annotations they name)."""
        return queryset

    def export_values_rows(self, rows):
        """``to_row_dict``'s mappings from the ``export_values`` tuples."""
        raise NotImplementedError

    def stream_csv(self, queryset):
        """BOM and heading row at once (the first bytes leave before the
        rows' query runs), then the rows in chunks; every cell through
        ``preprocess_field_value`` as in Wagtail's own export."""
        buffer = Echo()
        writer = csv.writer(buffer)
        fields = list(self.list_export)
        yield BOM + writer.writerow(
            [self.get_heading(queryset, field) for field in fields]
        )
        chunk = []
        cells = self.csv_cells(fields)
        for row in self.export_rows(queryset):
            chunk.append(writer.writerow(cells(row)))
            if len(chunk) >= self.csv_rows_per_chunk:
                yield "".join(chunk)
                chunk = []
        if chunk:
            yield "".join(chunk)

    def csv_cells(self, fields: list[str]):
        """A function giving a row's CSV cells, each through
        ``preprocess_field_value``. For a field without a view-specific
        function, what ``preprocess_field_value`` does is done inline, without
        a method call per cell, unless a view overrides it: text only needs
        ``safe_cell``, numbers and empty cells nothing, an aware date-time is
        written in the request's time zone (Guatemala's), read once for the
        whole export instead of once per cell."""
        preprocess = self.preprocess_field_value
        csv_format = self.FORMAT_CSV
        if type(self).preprocess_field_value is not (
            SafeSpreadsheetExportMixin.preprocess_field_value
        ):
            return lambda row: [preprocess(f, row[f], csv_format) for f in fields]
        plain = [(field, field not in self.custom_field_preprocess) for field in fields]
        zone = timezone.get_current_timezone()
        as_is = (int, float, type(None))
        datetime_type = datetime.datetime

        def cells(row) -> list:
            values = []
            for field, is_plain in plain:
                value = row[field]
                kind = value.__class__
                if not is_plain:
                    values.append(preprocess(field, value, csv_format))
                elif kind is str:
                    if value.startswith(FORMULA_TRIGGERS):
                        value = "'" + value
                    values.append(value)
                elif kind in as_is:
                    values.append(value)
                elif kind is datetime_type and value.tzinfo is not None:
                    values.append(value.astimezone(zone).strftime(DATETIME_TEXT))
                else:
                    values.append(preprocess(field, value, csv_format))
            return values

        return cells

    def write_csv_response(self, queryset):
        response = super().write_csv_response(queryset)
        response["Content-Type"] = "text/csv; charset=utf-8"
        return response

    def write_xlsx(self, queryset, output):
        """Wagtail's ``write_xlsx`` with the sheet named after the report, the
        heading row frozen and date cells shown as ``yyyy-mm-dd hh:mm``."""
        from openpyxl import Workbook
        from openpyxl.cell import WriteOnlyCell

        workbook = Workbook(write_only=True, iso_dates=True)
        worksheet = workbook.create_sheet(title=self.get_sheet_title())
        worksheet.freeze_panes = "A2"
        worksheet.append(
            self.get_heading(queryset, field) for field in self.list_export
        )
        fields = list(self.list_export)
        preprocess = self.preprocess_field_value
        xlsx_format = self.FORMAT_XLSX
        for row_dict in self.export_rows(queryset):
            row = []
            for field in fields:
                value = preprocess(field, row_dict[field], xlsx_format)
                # Plain values are written through the one cell openpyxl
                # reuses; a cell object only where it needs a format or
                # must stay text (a cell per value was most of the time).
                if isinstance(value, datetime.date):
                    value = WriteOnlyCell(worksheet, value)
                    value.number_format = (
                        XLSX_DATETIME
                        if isinstance(value.value, datetime.datetime)
                        else XLSX_DATE
                    )
                elif isinstance(value, str) and value.startswith("="):
                    value = WriteOnlyCell(worksheet, value)
                    value.data_type = "s"
                row.append(value)
            worksheet.append(row)
        workbook.save(output)

    def write_xlsx_response(self, queryset):
        """Wagtail's response, with the workbook written to a temporary file
        instead of memory (``write_xlsx`` already writes rows as they come,
        openpyxl's write-only mode): the file is sent in blocks and removed
        when the response is closed."""
        from django.http import FileResponse

        output = tempfile.TemporaryFile()
        self.write_xlsx(queryset, output)
        output.seek(0)
        return FileResponse(
            output,
            as_attachment=True,
            content_type=(
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            ),
            filename=f"{self.get_filename()}.xlsx",
        )

    @cached_property
    def export_buttons(self) -> list:
        from wagtail.admin.widgets import HeaderButton

        if not self.show_export_buttons:
            return []
        return [
            HeaderButton(
                _("Descargar Excel (XLSX)"),
                url=self.xlsx_export_url,
                icon_name="download",
            ),
            HeaderButton(
                _("Descargar CSV"), url=self.csv_export_url, icon_name="download"
            ),
        ]

    def get_header_more_buttons(self):
        export_urls = {self.xlsx_export_url, self.csv_export_url}
        return [
            button
            for button in super().get_header_more_buttons()
            if getattr(button, "url", None) not in export_urls
        ]

    def get_header_buttons(self):
        return [*super().get_header_buttons(), *self.export_buttons]
