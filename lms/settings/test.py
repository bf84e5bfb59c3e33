"""Settings for the pytest suite: fast hashing, local memory, eager Celery."""

from .base import *  # noqa: F403

SECRET_KEY = "clave-de-pruebas"  # noqa: S105
DEBUG = False
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
CACHES = {  # noqa: F405
    "default": resilient_cache(env.cache("CACHE_URL", default="locmemcache://"))  # noqa: F405
}
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
}
MEDIA_ROOT = BASE_DIR / ".test-media"  # noqa: F405
PRIVATE_MEDIA_ROOT = BASE_DIR / ".test-private"  # noqa: F405
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}

# Serve static files straight from the finders; no collectstatic needed.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True

# Tasks run in the test process unless a test starts a real worker (integration
# tests, which set the broker through CELERY_TEST_BROKER_URL).
CELERY_BROKER_URL = env("CELERY_TEST_BROKER_URL", default="memory://")  # noqa: F405
CELERY_TASK_ALWAYS_EAGER = True

# Every certificate rendered in a test is signed for real: tests/conftest.py
# makes a throwaway CA for the session and points CERTIFICATE_SIGNING_* at it.
CERTIFICATE_SIGNING_REQUIRED = True
# seed_demo in a test writes its demo CA here, not into the project's .firma-demo/.
DEMO_SIGNING_DIR = PRIVATE_MEDIA_ROOT / "firma-demo"
