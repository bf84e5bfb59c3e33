from comunidad import wagtail_hooks_sessions  # noqa: F401
