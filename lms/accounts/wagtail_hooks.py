from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.log_actions import LogFormatter

from .admin_views import (
    RankedAssignRoleBulkAction,
    RankedDeleteBulkAction,
    RankedSetActiveStateBulkAction,
)

# Registered after Wagtail's own (higher order): same action types, so these
# replace them in the users listing.
for action_class in (
    RankedAssignRoleBulkAction,
    RankedDeleteBulkAction,
    RankedSetActiveStateBulkAction,
):
    hooks.register("register_bulk_action", action_class, order=100)


@hooks.register("register_log_actions")
def register_user_audit_actions(actions):
    """Sensitive changes to people made in the admin (lms.accounts.services)."""

    @actions.register_action("accounts.user.groups")
    class GroupsChanged(LogFormatter):
        label = _("Grupos cambiados")

        def format_message(self, log_entry):
            data = log_entry.data or {}
            return _("Grupos: añadidos %(added)s; quitados %(removed)s") % {
                "added": ", ".join(data.get("added", [])) or "—",
                "removed": ", ".join(data.get("removed", [])) or "—",
            }

    @actions.register_action("accounts.user.active")
    class ActiveChanged(LogFormatter):
        label = _("Estado activo cambiado")

        def format_message(self, log_entry):
            if (log_entry.data or {}).get("is_active"):
                return _("Cuenta activada")
            return _("Cuenta desactivada")

    @actions.register_action("accounts.user.superuser")
    class SuperuserChanged(LogFormatter):
        label = _("Rol de administrador cambiado")

        def format_message(self, log_entry):
            if (log_entry.data or {}).get("is_superuser"):
                return _("Ahora es administrador")
            return _("Ya no es administrador")

    @actions.register_action("accounts.user.email")
    class EmailChanged(LogFormatter):
        label = _("Correo cambiado")

        def format_message(self, log_entry):
            data = log_entry.data or {}
            return _("Correo cambiado de %(old)s a %(new)s") % {
                "old": data.get("old", ""),
                "new": data.get("new", ""),
            }

    @actions.register_action("accounts.user.password")
    class PasswordChanged(LogFormatter):
        label = _("Contraseña cambiada")
        message = _("Contraseña cambiada")


@hooks.register("register_account_menu_item")
def allauth_password_and_email(request):
    """The admin's account page sends password and e-mail changes to allauth."""
    return {
        "url": reverse("account_change_password"),
        "label": _("Contraseña, correo y verificación en dos pasos"),
        "help_text": _(
            "Cambie su contraseña o su correo, o active la verificación en dos pasos, "
            "en la página de su cuenta."
        ),
    }


@hooks.register("register_log_actions")
def register_privacy_actions(actions):
    """Erasure and name corrections (lms.accounts.privacy)."""

    @actions.register_action("accounts.user.erased")
    class Erased(LogFormatter):
        label = _("Datos personales eliminados")

        def format_message(self, log_entry):
            if (log_entry.data or {}).get("by_self"):
                return _("La persona eliminó su cuenta")
            return _("Datos personales eliminados desde la administración")

    @actions.register_action("accounts.name_correction.approved")
    class NameApproved(LogFormatter):
        label = _("Corrección de nombre aprobada")

        def format_message(self, log_entry):
            data = log_entry.data or {}
            return _("Nombre cambiado de «%(old)s» a «%(new)s»") % {
                "old": data.get("old", ""),
                "new": data.get("new", ""),
            }

    @actions.register_action("accounts.name_correction.rejected")
    class NameRejected(LogFormatter):
        label = _("Corrección de nombre rechazada")

        def format_message(self, log_entry):
            data = log_entry.data or {}
            return _("Se rechazó el nombre «%(requested)s»: %(reason)s") % {
                "requested": data.get("requested", ""),
                "reason": data.get("reason", ""),
            }


@hooks.register("register_admin_urls")
def register_privacy_admin_urls():
    from django.urls import include, path

    from .privacy.admin import decide_view, index_view

    urls = [
        path("", index_view, name="name_corrections"),
        path("<int:pk>/", decide_view, name="name_correction"),
    ]
    return [path("correcciones-de-nombre/", include((urls, "accounts_privacy_admin")))]


@hooks.register("register_admin_menu_item")
def register_name_corrections_menu_item():
    from wagtail.admin.menu import MenuItem

    from .privacy.admin import PERMISSION

    class CorrectionsMenuItem(MenuItem):
        def is_shown(self, request):
            return request.user.has_perm(PERMISSION)

    return CorrectionsMenuItem(
        _("Correcciones de nombre"),
        reverse("accounts_privacy_admin:name_corrections"),
        icon_name="user",
        order=265,
    )
