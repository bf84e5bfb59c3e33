from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext_lazy as _

# The public navigation, in order. Entries whose page does not exist yet
# (its capability has not been built) are left out instead of linking to a 404.
PUBLIC_NAVIGATION = (
    (_("Inicio"), "/"),
    (_("Cursos"), "courses"),
    (_("Noticias"), "news"),
    (_("Actividades"), "events"),
    (_("Datos abiertos"), "open_data"),
    (_("Verificar certificado"), "certificados:verify"),
)


def _resolve(name):
    if name.startswith("/"):
        return name
    try:
        return reverse(name)
    except NoReverseMatch:
        return None


def site_navigation(request):
    items = []
    for label, name in PUBLIC_NAVIGATION:
        url = _resolve(name)
        if url:
            current = request.path == url or (
                url != "/" and request.path.startswith(url)
            )
            items.append({"label": label, "url": url, "current": current})
    return {"site_navigation": items}
