"""Production: every secret and host from the environment; see docs/deploy.md."""

from lms.security import header_settings

from .base import *  # noqa: F403
from .base import env, prepared_statements, resilient_cache

DEBUG = False
SECRET_KEY = env("SECRET_KEY")
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS")
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS")
# Behind PgBouncer in transaction mode, server-side cursors (the streamed CSV
# exports read rows with .iterator()) cannot live across transactions, and
# prepared statements need PgBouncer 1.21+ with max_prepared_statements: set
# DATABASE_POOLER_TRANSACTION_MODE=true and CONN_MAX_AGE=0 (docs/scale.md).
POOLER_TRANSACTION_MODE = env.bool("DATABASE_POOLER_TRANSACTION_MODE", default=False)
DATABASES = {
    "default": prepared_statements(
        env.db("DATABASE_URL"), default=not POOLER_TRANSACTION_MODE
    )
}
DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=60)
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
DATABASES["default"]["DISABLE_SERVER_SIDE_CURSORS"] = POOLER_TRANSACTION_MODE
CACHES = {
    "default": resilient_cache(
        env.cache("CACHE_URL", default=env("REDIS_URL", default=""))
    )
}

ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_DEFAULT_HTTP_PROTOCOL = "https"
REQUIRE_MFA_FOR_COORDINATORS = env.bool("REQUIRE_MFA_FOR_COORDINATORS", default=True)

# No certificate is issued unsigned: without a usable key the render fails (and
# is retried) and `check --deploy` reports it (certificados.checks).
CERTIFICATE_SIGNING_REQUIRED = env.bool("CERTIFICATE_SIGNING_REQUIRED", default=True)

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=True)
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=60 * 60 * 24 * 365)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = env.bool("SECURE_HSTS_PRELOAD", default=True)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SESSION_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"  # the Wagtail admin alone allows SAMEORIGIN (preview)

# Content-Security-Policy (no inline script or style on the site; a looser policy
# for the Wagtail admin only) and Permissions-Policy: see lms.security and
# docs/deploy.md. The e2e suite runs with these same settings.
CONTENT_SECURITY_POLICY = header_settings()["CONTENT_SECURITY_POLICY"]
CONTENT_SECURITY_POLICY_ADMIN = header_settings()["CONTENT_SECURITY_POLICY_ADMIN"]
PERMISSIONS_POLICY = header_settings()["PERMISSIONS_POLICY"]

# Documents go through Wagtail's serve view, where lms.documents decides who may
# download each one; never a redirect to the storage's own (public) URL.
WAGTAILDOCS_SERVE_METHOD = "serve_view"

LOGGING["root"]["level"] = env("LOG_LEVEL", default="WARNING")  # noqa: F405
