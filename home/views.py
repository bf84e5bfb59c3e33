from django.core.paginator import Paginator
from django.shortcuts import render
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe
from wagtail.models import Page

from .search import MAX_QUERY_CHARS, explain, search_pages

RESULTS_PER_PAGE = 10


@require_safe
def search(request):
    """Site search; `q` is the query, `pagina` the page of results."""
    query = request.GET.get("q", "").strip()
    context = {"query": query, "results": None, "error": ""}
    if len(query) > MAX_QUERY_CHARS:
        context["error"] = _(
            "La búsqueda es demasiado larga: use como máximo %(max)s caracteres."
        ) % {"max": MAX_QUERY_CHARS}
        return render(request, "home/search.html", context, status=400)
    if "\x00" in query:
        # PostgreSQL refuses NUL in text; lms.security answers such requests
        # before any view, this keeps the view safe on its own.
        context["query"] = query.replace("\x00", "")
        context["error"] = _("La búsqueda contiene un carácter no válido.")
        return render(request, "home/search.html", context, status=400)
    if query:
        paginator = Paginator(search_pages(query), RESULTS_PER_PAGE)
        page_of_results = paginator.get_page(request.GET.get("pagina"))
        specific = Page.objects.filter(
            pk__in=[p.pk for p in page_of_results.object_list]
        ).specific()
        by_pk = {p.pk: p for p in specific}
        context["page_of_results"] = page_of_results
        context["query_string"] = urlencode({"q": query})
        context["results"] = [
            explain(by_pk[p.pk], query)
            for p in page_of_results.object_list
            if p.pk in by_pk
        ]
    return render(request, "home/search.html", context)


@require_safe
def robots_txt(request):
    return render(request, "home/robots.txt", content_type="text/plain; charset=utf-8")
