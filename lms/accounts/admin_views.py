"""The Wagtail admin's user screens, fitted to our User (full name, territory, post)."""

from wagtail.users.forms import UserCreationForm, UserEditForm
from wagtail.users.views.users import CreateView, EditView
from wagtail.users.views.users import UserViewSet as WagtailUserViewSet

from .forms import PROFILE_FIELDS


class CoordinatorUserCreationForm(UserCreationForm):
    first_name = None
    last_name = None

    class Meta(UserCreationForm.Meta):
        fields = (UserCreationForm.Meta.fields - {"first_name", "last_name"}) | set(
            PROFILE_FIELDS
        )


class CoordinatorUserEditForm(UserEditForm):
    first_name = None
    last_name = None

    class Meta(UserEditForm.Meta):
        fields = (UserEditForm.Meta.fields - {"first_name", "last_name"}) | set(
            PROFILE_FIELDS
        )


class OnlySuperusersGrantSuperuser:
    """Coordinators manage people (e.g. add them to "Personal INFOM") but cannot
    make anyone an administrator: the field is removed unless a superuser asks."""

    def get_form(self, form_class=None):
        form = super().get_form(form_class)
        if not self.request.user.is_superuser:
            form.fields.pop("is_superuser", None)
        return form


class UserCreateView(OnlySuperusersGrantSuperuser, CreateView):
    pass


class UserEditView(OnlySuperusersGrantSuperuser, EditView):
    pass


class UserViewSet(WagtailUserViewSet):
    add_view_class = UserCreateView
    edit_view_class = UserEditView
    create_template_name = "accounts/admin/user_create.html"
    edit_template_name = "accounts/admin/user_edit.html"

    def get_form_class(self, for_update=False):
        return CoordinatorUserEditForm if for_update else CoordinatorUserCreationForm
