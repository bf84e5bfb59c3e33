"""Wagtail's users app, pointed at our user screens (full name, territory, post)."""

from wagtail.users.apps import WagtailUsersAppConfig


class UsersAppConfig(WagtailUsersAppConfig):
    user_viewset = "lms.accounts.admin_views.UserViewSet"
    group_viewset = "lms.accounts.admin_views.GroupViewSet"
