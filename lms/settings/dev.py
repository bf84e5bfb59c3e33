"""Local development and `make demo`: e-mail links printed to the console.

DEBUG is on for `make serve` (tracebacks while developing). `make demo` runs
with DEBUG=false, as a visitor would see the site: the Spanish 404/500 pages
instead of Django's debug pages; static files still come from the finders
(WhiteNoise) and media from SERVE_MEDIA."""

from .base import *  # noqa: F403

DEBUG = env.bool("DEBUG", default=True)  # noqa: F405
STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
}

# Serve static files straight from the finders; no collectstatic needed.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
# Uploaded images and certificates, served by Django itself (lms/urls.py) when
# DEBUG is off; a one-machine demo has no other web server.
SERVE_MEDIA = True

# Certificates are signed with the local demo CA that `manage.py crear_firma_demo`
# (run by seed_demo) writes to .firma-demo/, unless the environment names a key.
if not CERTIFICATE_SIGNING_KEY:  # noqa: F405
    CERTIFICATE_SIGNING_KEY = str(DEMO_SIGNING_DIR / "firma.key")  # noqa: F405
    CERTIFICATE_SIGNING_CERT = str(DEMO_SIGNING_DIR / "firma.pem")  # noqa: F405
    CERTIFICATE_SIGNING_CHAIN = str(DEMO_SIGNING_DIR / "cadena.pem")  # noqa: F405
