"""Admin wiring of comunidad: the audit log labels of its actions."""

from django.utils.translation import gettext_lazy
from wagtail import hooks

from comunidad import wagtail_hooks_sessions  # noqa: F401  (live sessions)


@hooks.register("register_log_actions")
def register_announcement_log_actions(actions):
    """Announcements edited or withdrawn (comunidad.services.announcements)."""
    actions.register_action(
        "comunidad.announcement.edited",
        gettext_lazy("Anuncio editado"),
        gettext_lazy("Anuncio editado"),
    )
    actions.register_action(
        "comunidad.announcement.withdrawn",
        gettext_lazy("Anuncio retirado"),
        gettext_lazy("Anuncio retirado"),
    )
