"""The open-data files at stable addresses: ``/datos-abiertos/archivos/
<cuadro>.<formato>`` and the data dictionary. Served to anonymous visitors
from the page cache (0 queries warm)."""

from django.http import Http404, HttpResponse
from django.views.decorators.http import require_safe

from . import files
from .snapshot import published_dataset

LICENCE_LINK = f'<{files.LICENCE_URL}>; rel="license"'


def _response(content: bytes, fmt: str, filename: str, dataset) -> HttpResponse:
    response = HttpResponse(content, content_type=files.CONTENT_TYPES[fmt])
    disposition = "inline" if fmt == "json" else "attachment"
    response["Content-Disposition"] = f'{disposition}; filename="{filename}"'
    response["Link"] = LICENCE_LINK
    response["X-Fecha-Corte"] = files.cutoff_text(dataset)
    response.public_page_cache = True  # lms.page_cache stores it
    return response


@require_safe
def table_file(request, table: str, fmt: str):
    if table not in files.TABLES or fmt not in files.FORMATS:
        raise Http404("Archivo no encontrado")
    dataset = published_dataset()
    return _response(files.render(dataset, table, fmt), fmt, f"{table}.{fmt}", dataset)


@require_safe
def dictionary_file(request, fmt: str):
    if fmt not in ("csv", "json"):
        raise Http404("Archivo no encontrado")
    dataset = published_dataset()
    content = (
        files.dictionary_csv(dataset)
        if fmt == "csv"
        else files.dictionary_json(dataset)
    )
    return _response(content, fmt, f"diccionario.{fmt}", dataset)
