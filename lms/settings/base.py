"""Settings shared by every environment.

Everything that differs between machines comes from the environment through
django-environ; with no variable set the platform runs embedded: SQLite, the
local-memory cache, the console e-mail backend and Celery in eager mode.
"""

from pathlib import Path

import environ
from celery.schedules import crontab
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent.parent

env = environ.Env()
environ.Env.read_env(BASE_DIR / ".env", overwrite=False)

SECRET_KEY = env("SECRET_KEY", default="solo-para-desarrollo-no-usar-en-produccion")
DEBUG = env.bool("DEBUG", default=False)
ALLOWED_HOSTS = env.list(
    "ALLOWED_HOSTS", default=["127.0.0.1", "localhost", "testserver"]
)
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])
SITE_URL = env("SITE_URL", default="http://127.0.0.1:8000").rstrip("/")

INSTALLED_APPS = [
    "lms.accounts",
    "lms.outbox",
    "home",
    "cursos",
    "certificados",
    "comunidad",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.sitemaps",
    "django.contrib.sitemaps",
    "wagtail.contrib.table_block",
    "wagtail.embeds",
    "wagtail.sites",
    "lms.accounts.admin_users.UsersAppConfig",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Before anything reads a body or touches the database (lms.security).
    "lms.security.RequestSizeLimitMiddleware",
    "lms.security.RejectNulBytesMiddleware",
    "lms.security.ContentSecurityPolicyMiddleware",
    "lms.security.PermissionsPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "lms.page_cache.PublicPageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "lms.middleware.AdminSameOriginFrameMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "lms.accounts.middleware.RequireMFAForAdminMiddleware",
    "lms.middleware.CachedSiteMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last: sees a view's exception first (an id too large for the database).
    "lms.security.OutOfRangeInputMiddleware",
]

# Anonymous visitors get public pages from the cache (lms.page_cache); 0 disables it.
PAGE_CACHE_SECONDS = env.int("PAGE_CACHE_SECONDS", default=600)

ROOT_URLCONF = "lms.urls"
WSGI_APPLICATION = "lms.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "lms.context_processors.site_navigation",
            ],
        },
    },
]


def prepared_statements(config: dict, *, default: bool = True) -> dict:
    """PostgreSQL binds the parameters itself and psycopg prepares a statement
    once it has run five times on a connection: each exam query is parsed and
    planned once per connection instead of once per request (docs/scale.md).
    DATABASE_SERVER_SIDE_BINDING=false turns it off (a pooler that cannot
    keep prepared statements)."""
    if config["ENGINE"] == "django.db.backends.postgresql" and env.bool(
        "DATABASE_SERVER_SIDE_BINDING", default=default
    ):
        options = config.setdefault("OPTIONS", {})
        options["server_side_binding"] = True
        options["prepare_threshold"] = 5  # psycopg's default; Django turns it off
    return config


DATABASES = {
    "default": prepared_statements(
        env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}")
    )
}
DATABASES["default"]["ATOMIC_REQUESTS"] = False
DATABASES["default"].setdefault("CONN_MAX_AGE", env.int("CONN_MAX_AGE", default=0))
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"


def resilient_cache(config: dict) -> dict:
    """Redis through lms.cache.ResilientRedisCache: an unreachable Redis is an
    empty cache (sessions from the database, rate limits per process), not a 500."""
    if config["BACKEND"] == "django.core.cache.backends.redis.RedisCache":
        config = {**config, "BACKEND": "lms.cache.ResilientRedisCache"}
    return config


CACHES = {"default": resilient_cache(env.cache("CACHE_URL", default="locmemcache://"))}

AUTH_USER_MODEL = "accounts.User"
# lms.accounts.backends: the stock backends, with the person loaded by a
# query compiled once; the stock paths stay for sessions opened before.
AUTHENTICATION_BACKENDS = [
    "lms.accounts.backends.ModelBackend",
    "lms.accounts.backends.AuthenticationBackend",
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
# Argon2id at OWASP's settings (lms.accounts.hashers); the others verify
# passwords stored before, which are re-stored with the first at sign-in.
PASSWORD_HASHERS = [
    "lms.accounts.hashers.Argon2idPasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2SHA1PasswordHasher",
    "django.contrib.auth.hashers.ScryptPasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": f"django.contrib.auth.password_validation.{name}"}
    for name in (
        "UserAttributeSimilarityValidator",
        "MinimumLengthValidator",
        "CommonPasswordValidator",
        "NumericPasswordValidator",
    )
]
# Sessions are read from the cache and written through to the database; while
# Redis is down they come from the database (lms.cache).
SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "cursos:dashboard"
LOGOUT_REDIRECT_URL = "/"

LANGUAGE_CODE = "es"
LANGUAGES = [("es", _("Español"))]
TIME_ZONE = "America/Guatemala"
USE_I18N = True
USE_TZ = True
LOCALE_PATHS = [BASE_DIR / "locale"]

STATIC_URL = "/static/"
STATIC_ROOT = env.path("STATIC_ROOT", default=BASE_DIR / "staticfiles")
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = env("MEDIA_URL", default="/media/")
MEDIA_ROOT = env.path("MEDIA_ROOT", default=BASE_DIR / "media")
# Learners' submissions: outside MEDIA_ROOT, never served by URL (cursos.storage).
PRIVATE_MEDIA_ROOT = env.path("PRIVATE_MEDIA_ROOT", default=BASE_DIR / "privado")
# Private files (submissions, certificates, bundles, data exports) leave through
# our views only, after their permission checks (cursos.storage.private_file_response):
# - on disk, streamed by Django, or handed to nginx when PRIVATE_MEDIA_ACCEL_PREFIX
#   names its `internal` location (deploy/nginx/infom.conf);
# - on S3-compatible storage (MEDIA_STORAGE=s3), a redirect to a signed URL that
#   lives PRIVATE_URL_SECONDS.
PRIVATE_MEDIA_ACCEL_PREFIX = env("PRIVATE_MEDIA_ACCEL_PREFIX", default="")
PRIVATE_URL_SECONDS = env.int("PRIVATE_URL_SECONDS", default=120)
MEDIA_STORAGE = env("MEDIA_STORAGE", default="filesystem")
if MEDIA_STORAGE not in {"filesystem", "s3"}:
    raise ImproperlyConfigured("MEDIA_STORAGE debe ser «filesystem» o «s3».")
STORAGES = {
    "default": {
        "BACKEND": env(
            "DEFAULT_FILE_STORAGE",
            default="django.core.files.storage.FileSystemStorage",
        )
    },
    "private": {"BACKEND": "cursos.storage.PrivateFileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}
if MEDIA_STORAGE == "s3":
    # Two buckets (docs/deploy.md): the media bucket (Wagtail images, public by
    # its bucket policy on images/ and original_images/ only; documents are read
    # through Wagtail's serve view) and the private bucket, never public.
    # Credentials: django-storages reads AWS_ACCESS_KEY_ID and
    # AWS_SECRET_ACCESS_KEY from the environment (or boto3 finds an instance role).
    _s3 = {
        "endpoint_url": env("AWS_S3_ENDPOINT_URL", default=None),
        "region_name": env("AWS_S3_REGION_NAME", default=None),
        "addressing_style": env("AWS_S3_ADDRESSING_STYLE", default="path"),
        "signature_version": "s3v4",
        "file_overwrite": False,
        "default_acl": None,
    }
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            **_s3,
            "bucket_name": env("AWS_STORAGE_BUCKET_NAME"),
            "custom_domain": env("AWS_S3_CUSTOM_DOMAIN", default=None),
            "querystring_auth": False,
        },
    }
    STORAGES["private"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            **_s3,
            "bucket_name": env("AWS_PRIVATE_BUCKET_NAME"),
            "querystring_auth": True,
            "querystring_expire": PRIVATE_URL_SECONDS,
        },
    }
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024

# E-mail: console by default, any SMTP server through EMAIL_URL.
vars().update(env.email_url("EMAIL_URL", default="consolemail://"))
DEFAULT_FROM_EMAIL = env(
    "DEFAULT_FROM_EMAIL",
    default="Plataforma de Aprendizaje INFOM <no-responder@infom.gob.gt>",
)
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# --- django-allauth ---------------------------------------------------------
ACCOUNT_ADAPTER = "lms.accounts.adapter.AccountAdapter"
ACCOUNT_FORMS = {"signup": "lms.accounts.forms.SignupForm"}
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_EMAIL_VERIFICATION = env("ACCOUNT_EMAIL_VERIFICATION", default="mandatory")
ACCOUNT_CONFIRM_EMAIL_ON_GET = False
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_PREVENT_ENUMERATION = True
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_EMAIL_SUBJECT_PREFIX = "[INFOM] "
ACCOUNT_DEFAULT_HTTP_PROTOCOL = "https" if SITE_URL.startswith("https") else "http"
# allauth's own rate limits are on by default; they count in the cache above.
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = "INFOM Aprendizaje"

# Coordinators (anyone who can enter the Wagtail admin) must have MFA on.
REQUIRE_MFA_FOR_COORDINATORS = env.bool("REQUIRE_MFA_FOR_COORDINATORS", default=False)
# A user whose verified e-mail is on one of these domains joins "Personal INFOM".
INFOM_STAFF_EMAIL_DOMAINS = env.list(
    "INFOM_STAFF_EMAIL_DOMAINS", default=["infom.gob.gt"]
)

# Rate limits (allauth's and lms.net's) key on the client's real address: the
# number of reverse proxies we run in front of gunicorn, each appending to
# X-Forwarded-For (docs/deploy.md). 0 = use the peer address, ignore the header.
TRUSTED_PROXY_COUNT = env.int("TRUSTED_PROXY_COUNT", default=0)
ALLAUTH_TRUSTED_PROXY_COUNT = TRUSTED_PROXY_COUNT

# --- Wagtail ------------------------------------------------------------------
WAGTAIL_SITE_NAME = "Plataforma de Aprendizaje INFOM"
WAGTAILADMIN_BASE_URL = SITE_URL
WAGTAILADMIN_LOGIN_URL = "account_login"
WAGTAIL_FRONTEND_LOGIN_URL = "account_login"
WAGTAIL_I18N_ENABLED = False
WAGTAILADMIN_PERMITTED_LANGUAGES = [("es", "Español")]
# Passwords and e-mail addresses change only through allauth (verification of
# the new address, notices, rate limits); the admin's account page links there.
WAGTAIL_PASSWORD_MANAGEMENT_ENABLED = False
WAGTAIL_EMAIL_MANAGEMENT_ENABLED = False
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILDOCS_EXTENSIONS = ["pdf", "docx", "xlsx", "odt", "ods", "csv", "pptx"]
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 5 * 1024 * 1024
WAGTAILEMBEDS_RESPONSIVE_HTML = True
# No remote avatars (Gravatar): nothing is loaded from outside the platform.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
# Addresses in plain ASCII ("buenas-practicas-de-transparencia"), from the admin's
# slugify and from Page.full_clean alike.
WAGTAIL_ALLOW_UNICODE_SLUGS = False
# Autosave stays on (Wagtail's default interval, ms); a "Publicar" pressed while
# the first autosave of a new page is on its way is sent on to that page's edit
# view by cursos.wagtail_hooks.continue_autosaved_draft.
WAGTAIL_AUTOSAVE_INTERVAL = 500

# Answers that arrive this long after a quiz's deadline are still accepted
# (network latency); later ones are not counted.
QUIZ_DEADLINE_GRACE_SECONDS = env.int("QUIZ_DEADLINE_GRACE_SECONDS", default=30)

# Fault injection for the durability test only (a worker killed mid-render);
# 0 in every real deployment.
CERTIFICATE_RENDER_DELAY_SECONDS = env.float(
    "CERTIFICATE_RENDER_DELAY_SECONDS", default=0
)

# --- Electronic signature of certificate PDFs (certificados.signing) ----------
# The institution's key and certificate chain, as PEM files outside the
# repository (docs/deploy.md, «Firma electrónica de los certificados»). Without
# them, certificates are issued unsigned unless signing is required (production).
CERTIFICATE_SIGNING_KEY = env("CERTIFICATE_SIGNING_KEY", default="")
CERTIFICATE_SIGNING_CERT = env("CERTIFICATE_SIGNING_CERT", default="")
CERTIFICATE_SIGNING_CHAIN = env("CERTIFICATE_SIGNING_CHAIN", default="")
CERTIFICATE_SIGNING_KEY_PASSPHRASE = env(
    "CERTIFICATE_SIGNING_KEY_PASSPHRASE", default=""
)
CERTIFICATE_SIGNING_REQUIRED = env.bool("CERTIFICATE_SIGNING_REQUIRED", default=False)
# A timestamp authority (RFC 3161) makes the signatures PAdES B-T.
CERTIFICATE_TSA_URL = env("CERTIFICATE_TSA_URL", default="")
CERTIFICATE_TSA_USERNAME = env("CERTIFICATE_TSA_USERNAME", default="")
CERTIFICATE_TSA_PASSWORD = env("CERTIFICATE_TSA_PASSWORD", default="")
# Where `manage.py crear_firma_demo` writes the local demo CA (never production).
DEMO_SIGNING_DIR = BASE_DIR / ".firma-demo"

# --- Celery -------------------------------------------------------------------
CELERY_BROKER_URL = env("CELERY_BROKER_URL", default="")
CELERY_RESULT_BACKEND = env("CELERY_RESULT_BACKEND", default=None)
# Without a broker, tasks run in the calling process: the embedded default.
CELERY_TASK_ALWAYS_EAGER = not CELERY_BROKER_URL
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_TASK_SERIALIZER = "json"
CELERY_RESULT_SERIALIZER = "json"
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_SOFT_TIME_LIMIT = env.int("CELERY_TASK_SOFT_TIME_LIMIT", default=60)
CELERY_TASK_TIME_LIMIT = env.int("CELERY_TASK_TIME_LIMIT", default=90)
# A message taken by a worker that died comes back to the queue after this.
CELERY_BROKER_TRANSPORT_OPTIONS = {
    "visibility_timeout": env.int("CELERY_VISIBILITY_TIMEOUT", default=3600)
}
# A broker that does not answer costs the request a refused connection, not
# seconds: publishing goes through the outbox (lms.outbox), which retries later.
CELERY_BROKER_CONNECTION_TIMEOUT = env.float(
    "CELERY_BROKER_CONNECTION_TIMEOUT", default=2
)
CELERY_TASK_DEFAULT_QUEUE = env("CELERY_TASK_DEFAULT_QUEUE", default="celery")
CELERY_TIMEZONE = TIME_ZONE
CELERY_BEAT_SCHEDULE: dict = {
    "cerrar-intentos-vencidos": {
        "task": "cursos.close_expired_quiz_attempts",
        "schedule": 60.0,
    },
    "conciliar-certificados": {
        "task": "certificados.reconcile",
        "schedule": 600.0,
    },
    # Tasks and e-mails a dead broker left in the outbox (lms.outbox).
    "entregar-envios-pendientes": {
        "task": "lms.deliver_outbox",
        "schedule": 60.0,
    },
    # Once a day at 07:00 (Guatemala): renewals and reminders of required training.
    "recordatorios-capacitaciones": {
        "task": "cursos.record_training_reminders",
        "schedule": crontab(hour=7, minute=0),
    },
    # Assignments due in 3 days or overdue (each reminder once), every hour.
    "recordatorios-tareas": {
        "task": "cursos.send_assignment_reminders",
        "schedule": crontab(minute=15),
    },
    # Once a day at 07:00 (Guatemala): each tutor's work waiting to be graded.
    "resumen-tutorias": {
        "task": "cursos.send_tutor_digests",
        "schedule": crontab(hour=7, minute=5),
    },
    # Waiting lists: expired offers pass on, freed seats are offered.
    "avanzar-listas-de-espera": {
        "task": "cursos.advance_waitlists",
        "schedule": 600.0,
    },
    # Once a day at 18:00 (Guatemala): the digest of "Avisos" (comunidad).
    "resumen-de-avisos": {
        "task": "comunidad.send_digests",
        "schedule": crontab(hour=18, minute=0),
    },
    # Once a day at 03:30 (Guatemala): editions' certificate downloads (merged
    # PDF / ZIP) older than CERTIFICATE_BUNDLE_KEEP_DAYS leave private storage.
    "borrar-descargas-de-certificados": {
        "task": "certificados.delete_old_bundles",
        "schedule": crontab(hour=3, minute=30),
    },
    # Once a day at 03:30 (Guatemala): sign-ups never verified and expired
    # personal-data downloads are removed (lms.accounts.privacy).
    "conservacion-de-datos": {
        "task": "accounts.apply_retention",
        "schedule": crontab(hour=3, minute=30),
    },
}
# opendata: today's open-data snapshot (home.opendata), computed once after
# midnight (Guatemala) so that no visitor waits for the suppression.
CELERY_BEAT_SCHEDULE["datos-abiertos-del-dia"] = {
    "task": "home.refresh_open_data",
    "schedule": crontab(hour=0, minute=5),
}

# An edition's certificates in one file (certificados.bundles): days a file is
# kept, minutes after which a bundle still pending is taken as abandoned, and
# the task's soft time limit in seconds.
CERTIFICATE_BUNDLE_KEEP_DAYS = env.int("CERTIFICATE_BUNDLE_KEEP_DAYS", default=7)
CERTIFICATE_BUNDLE_STALE_MINUTES = env.int(
    "CERTIFICATE_BUNDLE_STALE_MINUTES", default=30
)
CERTIFICATE_BUNDLE_SOFT_TIME_LIMIT = env.int(
    "CERTIFICATE_BUNDLE_SOFT_TIME_LIMIT", default=900
)
# Privacy (lms.accounts.privacy): days a sign-up that never verified its e-mail
# is kept, and days a "Descargar mis datos" link works.
UNVERIFIED_SIGNUP_RETENTION_DAYS = env.int(
    "UNVERIFIED_SIGNUP_RETENTION_DAYS", default=30
)
DATA_EXPORT_EXPIRY_DAYS = env.int("DATA_EXPORT_EXPIRY_DAYS", default=7)

# Hours a seat offered from a waiting list is held (cursos.services.editions).
WAITLIST_OFFER_HOURS = env.int("WAITLIST_OFFER_HOURS", default=48)

# Required-training reminders (cursos.services.required): days before the due
# date, on the day, then every N days while overdue.
REQUIRED_TRAINING_REMINDER_DAYS_BEFORE = env.list(
    "REQUIRED_TRAINING_REMINDER_DAYS_BEFORE", cast=int, default=[7, 1]
)
REQUIRED_TRAINING_OVERDUE_EVERY_DAYS = env.int(
    "REQUIRED_TRAINING_OVERDUE_EVERY_DAYS", default=7
)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", default="INFO")},
    "loggers": {
        "django.db.backends": {"level": "WARNING"},
        "django_tasks": {"level": "WARNING"},
        "wagtail": {"level": "WARNING"},
    },
}

# Verifiable credentials (Open Badges 3.0, certificados/credentials.py): the
# directory of private signing keys (JWK files, never in the repository); the
# newest signs and all are published. `manage.py credential_key` creates one
# (and `--rotate` a newer one); see docs/deploy.md.
CREDENTIAL_SIGNING_KEYS_DIR = env.path(
    "CREDENTIAL_SIGNING_KEYS_DIR", default=BASE_DIR / "privado" / "claves-credenciales"
)
CREDENTIAL_ISSUER_NAME = env(
    "CREDENTIAL_ISSUER_NAME", default="Instituto de Fomento Municipal (INFOM)"
)
