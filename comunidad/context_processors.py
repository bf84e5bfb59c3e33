"""The unread count beside "Avisos" in the header: cached per person (and
dropped by every write that changes it), and computed only when a template
reads it, so pages that do not show it pay nothing."""

from django.utils.functional import SimpleLazyObject

from comunidad.services.notifications import unread_count


def notifications(request):
    return {
        "unread_notifications": SimpleLazyObject(lambda: unread_count(request.user))
    }
