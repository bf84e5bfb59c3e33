"""Whether to show the "Tutoría" link in the header.

Cached like the admin link (``lms.accounts.permissions``): any change to group
membership or permissions changes the version in the key, so learner pages do
not pay a group query to decide on a link. The tutor area checks for real.
The header reads it with the other header facts in one round trip
(``lms.context_processors.site_navigation``).
"""

from cursos.editions import is_coordinator, is_tutor
from lms.accounts.permissions import _version, cached_access


def tutor_access_key(version: str, user_id: int) -> str:
    return f"tutoria:access:{version}:{user_id}"


def may_tutor(user) -> bool:
    """The real check (group queries), without the cache."""
    if not user.is_authenticated or not user.is_active:
        return False
    return is_tutor(user) or is_coordinator(user)


def can_tutor(user) -> bool:
    if not user.is_authenticated or not user.is_active:
        return False
    key = tutor_access_key(_version(), user.pk)
    return cached_access(key, lambda: may_tutor(user))
