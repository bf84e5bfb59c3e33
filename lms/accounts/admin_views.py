"""The Wagtail admin's user screens, fitted to our User (full name, territory,
post) and to the rule that no one manages people above their own rank
(lms.accounts.ranks): coordinators manage learners, staff and tutors; only
superusers manage coordinators and superusers, grant "Coordinadores" or
superuser status, or edit groups. Every sensitive change is audited."""

from functools import wraps

from django import forms
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.http import Http404
from django.template.response import TemplateResponse
from django.urls import path
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.permission_policies.base import ModelPermissionPolicy
from wagtail.users.forms import UserCreationForm, UserEditForm
from wagtail.users.views.bulk_actions import (
    AssignRoleBulkAction,
    DeleteBulkAction,
    SetActiveStateBulkAction,
)
from wagtail.users.views.groups import GroupViewSet as WagtailGroupViewSet
from wagtail.users.views.users import CreateView, DeleteView, EditView, IndexView
from wagtail.users.views.users import UserViewSet as WagtailUserViewSet

from .forms import PROFILE_FIELDS
from .models import User
from .privacy.erasure import erase_user
from .ranks import grantable_groups, manageable_users, privileged_users
from .services import record_user_changes, user_snapshot

GROUP_NOT_GRANTABLE = gettext_lazy(
    "Solo un superusuario puede asignar ese grupo: da acceso a la administración."
)


def rank_forbidden(request):
    message = _(
        "Solo un superusuario puede ver o cambiar las cuentas de coordinación y de "
        "administración."
    )
    return TemplateResponse(
        request, "accounts/admin/rank_forbidden.html", {"message": message}, status=403
    )


def rank_checked(view):
    """Answer a per-user admin view only when the target is within the
    requester's rank: 404 for an unknown id, 403 with a message above it."""

    @wraps(view)
    def wrapped(request, *args, pk, **kwargs):
        try:
            target = User.objects.get(pk=pk)
        except (User.DoesNotExist, ValueError, ValidationError) as error:
            raise Http404 from error
        if not manageable_users(request.user).filter(pk=target.pk).exists():
            return rank_forbidden(request)
        return view(request, *args, pk=pk, **kwargs)

    return wrapped


class RankedGroupsMixin:
    """Group choices limited to what the requester may grant, validated on the
    server (a crafted POST with "Coordinadores" is refused), and no superuser
    field unless a superuser asks."""

    def __init__(self, *args, for_user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.for_user = for_user
        if for_user is None or not for_user.is_superuser:
            self.fields.pop("is_superuser", None)
        if "groups" in self.fields:
            field = self.fields["groups"]
            field.queryset = (
                grantable_groups(for_user) if for_user else Group.objects.none()
            )
            field.error_messages["invalid_choice"] = GROUP_NOT_GRANTABLE
            field.error_messages["invalid_pk_value"] = GROUP_NOT_GRANTABLE


class CoordinatorUserCreationForm(RankedGroupsMixin, UserCreationForm):
    first_name = None
    last_name = None

    class Meta(UserCreationForm.Meta):
        fields = (UserCreationForm.Meta.fields - {"first_name", "last_name"}) | set(
            PROFILE_FIELDS
        )


class CoordinatorUserEditForm(RankedGroupsMixin, UserEditForm):
    first_name = None
    last_name = None

    class Meta(UserEditForm.Meta):
        fields = (UserEditForm.Meta.fields - {"first_name", "last_name"}) | set(
            PROFILE_FIELDS
        )


class RankedFormMixin:
    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs["for_user"] = self.request.user
        return kwargs


class UserIndexView(IndexView):
    def get_base_queryset(self):
        return (
            super()
            .get_base_queryset()
            .filter(pk__in=manageable_users(self.request.user).values("pk"))
        )


class UserCreateView(RankedFormMixin, CreateView):
    def save_instance(self):
        instance = super().save_instance()
        before = {
            "email": instance.email,
            "is_active": True,
            "is_superuser": False,
            "password": instance.password,
            "groups": [],
        }
        record_user_changes(actor=self.request.user, target=instance, before=before)
        return instance


class UserEditView(RankedFormMixin, EditView):
    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        # Taken before the form writes into the instance.
        self.before = user_snapshot(self.object)

    def save_instance(self):
        instance = super().save_instance()
        record_user_changes(
            actor=self.request.user, target=instance, before=self.before
        )
        return instance


class UserDeleteView(DeleteView):
    """ "Eliminar" erases the person (lms.accounts.privacy.erasure): the same
    path as their own "Eliminar mi cuenta". The row stays, anonymized, so
    certificates stay verifiable and counts keep their numbers; nothing is
    refused for holding records, and nothing can fail on a protected row."""

    success_message = gettext_lazy(
        "Se eliminaron los datos personales de la cuenta; su historial queda "
        "anónimo, a nombre de «Participante»."
    )

    @property
    def confirmation_message(self):
        return _(
            "¿Eliminar los datos personales de %(persona)s? Se borran su nombre, "
            "correo, teléfono, archivos subidos y avisos; no podrá volver a "
            "ingresar. Sus inscripciones, notas y mensajes del foro se conservan "
            "sin su nombre («Participante»), y sus certificados siguen "
            "verificables con el nombre retirado. No se puede deshacer."
        ) % {"persona": self.object}

    def get_usage_url(self):
        return None  # the row is kept: nothing that points at it breaks

    def delete_action(self):
        erase_user(self.object, by=self.request.user)


class UserViewSet(WagtailUserViewSet):
    index_view_class = UserIndexView
    add_view_class = UserCreateView
    edit_view_class = UserEditView
    delete_view_class = UserDeleteView
    create_template_name = "accounts/admin/user_create.html"
    edit_template_name = "accounts/admin/user_edit.html"

    def get_form_class(self, for_update=False):
        return CoordinatorUserEditForm if for_update else CoordinatorUserCreationForm

    def get_urlpatterns(self):
        patterns = []
        for pattern in super().get_urlpatterns():
            if "pk" in pattern.pattern.converters:
                pattern = path(
                    str(pattern.pattern),
                    rank_checked(pattern.callback),
                    name=pattern.name,
                )
            patterns.append(pattern)
        return patterns


# --- bulk actions of the users listing ----------------------------------------
class RankedBulkActionMixin:
    """Targets above the requester's rank land in "no access", never acted on."""

    def get_actionable_objects(self):
        objects, without_access = super().get_actionable_objects()
        if self.request.user.is_superuser:
            return objects, without_access
        above = set(
            privileged_users()
            .filter(pk__in=[obj.pk for obj in objects])
            .values_list("pk", flat=True)
        )
        without_access.setdefault("items_with_no_access", [])
        without_access["items_with_no_access"] += [o for o in objects if o.pk in above]
        return [o for o in objects if o.pk not in above], without_access

    def get_execution_context(self):
        return {**super().get_execution_context(), "actor": self.request.user}


class RankedSetActiveStateBulkAction(RankedBulkActionMixin, SetActiveStateBulkAction):
    @classmethod
    def execute_action(cls, objects, actor=None, mark_as_active=False, **kwargs):
        befores = {obj.pk: user_snapshot(obj) for obj in objects}
        result = super().execute_action(
            objects, mark_as_active=mark_as_active, **kwargs
        )
        for user in User.objects.filter(pk__in=befores):
            record_user_changes(actor=actor, target=user, before=befores[user.pk])
        return result


class RoleForm(forms.Form):
    role = forms.ModelChoiceField(
        queryset=Group.objects.none(),
        label=gettext_lazy("Grupo"),
        error_messages={"invalid_choice": GROUP_NOT_GRANTABLE},
    )


class RankedAssignRoleBulkAction(RankedBulkActionMixin, AssignRoleBulkAction):
    form_class = RoleForm

    def get_form(self, form_class=None):
        form = super().get_form(form_class)
        form.fields["role"].queryset = grantable_groups(self.request.user)
        return form

    @classmethod
    def execute_action(cls, objects, actor=None, role=None, **kwargs):
        befores = {obj.pk: user_snapshot(obj) for obj in objects}
        result = super().execute_action(objects, role=role, **kwargs)
        for user in User.objects.filter(pk__in=befores):
            record_user_changes(actor=actor, target=user, before=befores[user.pk])
        return result


class RankedDeleteBulkAction(RankedBulkActionMixin, DeleteBulkAction):
    """Bulk "Eliminar" erases each person, as the single delete does."""

    def get_usage_url(self, item):
        return None

    @classmethod
    def execute_action(cls, objects, actor=None, **kwargs):
        for obj in objects:
            erase_user(obj, by=actor)
        return len(objects), 0


# --- groups: only superusers ---------------------------------------------------
class SuperusersOnlyPolicy(ModelPermissionPolicy):
    """Groups carry permissions: whoever edits them can raise anyone (themselves
    included) to any power, so only superusers manage them."""

    def user_has_permission(self, user, action):
        return user.is_active and user.is_superuser

    def user_has_any_permission(self, user, actions):
        return user.is_active and user.is_superuser

    def users_with_any_permission(self, actions):
        return User.objects.filter(is_active=True, is_superuser=True)


class GroupViewSet(WagtailGroupViewSet):
    @property
    def permission_policy(self):
        return SuperusersOnlyPolicy(Group)
