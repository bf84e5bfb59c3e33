"""The Wagtail admin's user screens, fitted to our User (full name, territory, post)."""

from wagtail.users.forms import UserCreationForm, UserEditForm
from wagtail.users.views.users import UserViewSet as WagtailUserViewSet

PROFILE_FIELDS = (
    "full_name",
    "institution_type",
    "institution_name",
    "department",
    "municipality",
    "post",
    "post_other",
    "phone",
)


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


class UserViewSet(WagtailUserViewSet):
    create_template_name = "accounts/admin/user_create.html"
    edit_template_name = "accounts/admin/user_edit.html"

    def get_form_class(self, for_update=False):
        return CoordinatorUserEditForm if for_update else CoordinatorUserCreationForm
