"""Whether to show the "Tutoría" link in the header.

Cached like the admin link (``lms.accounts.permissions``): any change to group
membership or permissions changes the version in the key, so learner pages do
not pay a group query to decide on a link. The tutor area checks for real.
"""

from django.core.cache import cache
from django.utils.functional import SimpleLazyObject

from cursos.editions import is_coordinator, is_tutor
from lms.accounts.permissions import TIMEOUT, _version


def can_tutor(user) -> bool:
    if not user.is_authenticated or not user.is_active:
        return False
    key = f"tutoria:access:{_version()}:{user.pk}"
    allowed = cache.get(key)
    if allowed is None:
        allowed = is_tutor(user) or is_coordinator(user)
        cache.set(key, allowed, TIMEOUT)
    return allowed


def tutoring(request):
    return {"can_tutor": SimpleLazyObject(lambda: can_tutor(request.user))}
