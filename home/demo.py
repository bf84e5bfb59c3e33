"""Demo content of the public site for `manage.py seed_demo` (idempotent)."""

from .models import HomePage

HOME_INTRO = (
    "El Instituto de Fomento Municipal (INFOM) impulsa una estrategia de Gobierno "
    "Abierto para fortalecer la transparencia, la participación ciudadana y la "
    "rendición de cuentas en las municipalidades de Guatemala. Aquí se forman "
    "funcionarios municipales y personal del INFOM."
)
HOME_BODY = (
    "<h2>Qué encontrará en esta plataforma</h2>"
    "<ul>"
    "<li><b>Diplomado «Gestión Municipal y Transparencia»</b>: módulos en línea para "
    "funcionarios de las 340 municipalidades del país, con evaluaciones y un "
    "certificado verificable.</li>"
    "<li><b>Capacitaciones obligatorias para el personal del INFOM</b>, con fechas "
    "límite y seguimiento.</li>"
    "<li><b>La campaña de socialización</b> del modelo de Gobierno Abierto: noticias, "
    "actividades y datos abiertos sobre la formación.</li>"
    "</ul>"
    "<h2>Marco legal</h2>"
    "<p>La Ley de Acceso a la Información Pública (Decreto 57-2008 del Congreso de la "
    "República) garantiza a toda persona el derecho a solicitar y recibir información "
    "pública de las municipalidades y demás sujetos obligados. Guatemala participa en "
    "la Alianza para el Gobierno Abierto (Open Government Partnership) desde 2011.</p>"
)


def seed_home() -> HomePage:
    """Give the site root its demo message; save a revision only when it changes."""
    home = HomePage.objects.get()
    if home.intro != HOME_INTRO or home.body != HOME_BODY:
        home.intro = HOME_INTRO
        home.body = HOME_BODY
        home.save_revision().publish()
    return home
