"""Settings for the pytest suite: fast hashing, local memory, eager Celery."""

import os

from django.core.exceptions import ImproperlyConfigured

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

# pytest-xdist (`make test` and `make test-integration` run two processes): each
# worker ("gw0", "gw1"...) is a process of its own and gets its own media
# folders, Celery queue and cache; pytest-django gives it its own test database.
# A Redis cache is emptied (FLUSHDB) around every test, so each worker needs a
# Redis database of its own: TEST_WORKER_CACHE_URLS lists one URL per worker.
XDIST_WORKER = os.environ.get("PYTEST_XDIST_WORKER", "")
if XDIST_WORKER:
    MEDIA_ROOT = MEDIA_ROOT / XDIST_WORKER
    PRIVATE_MEDIA_ROOT = PRIVATE_MEDIA_ROOT / XDIST_WORKER
    DEMO_SIGNING_DIR = PRIVATE_MEDIA_ROOT / "firma-demo"
    CELERY_TASK_DEFAULT_QUEUE = f"{CELERY_TASK_DEFAULT_QUEUE}-{XDIST_WORKER}"  # noqa: F405
    if "redis" in CACHES["default"]["BACKEND"].lower():
        urls = env.list("TEST_WORKER_CACHE_URLS", default=[])  # noqa: F405
        number = int(XDIST_WORKER.removeprefix("gw"))
        if number >= len(urls):
            raise ImproperlyConfigured(
                f"pytest-xdist worker {XDIST_WORKER} on a Redis cache needs its own "
                "Redis database: list one URL per worker in TEST_WORKER_CACHE_URLS "
                "(as `make test-integration` does)."
            )
        CACHES = {"default": resilient_cache(env.cache_url_config(urls[number]))}  # noqa: F405
