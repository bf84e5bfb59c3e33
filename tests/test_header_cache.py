"""The header's facts (menu, "Administración", "Tutoría", unread count) are
read from the cache together: two round trips on a warm cache, whatever the
person is; a change of group shows at once; a missing fact is computed."""

from unittest import mock

import pytest
from django.contrib.auth.models import Group
from django.core.cache import cache
from django.test import RequestFactory

from comunidad.models import Notification
from cursos.models import TUTORS_GROUP
from lms.context_processors import site_navigation
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

CACHE_CALLS = ("get", "get_many", "get_or_set", "has_key")


def header_for(user) -> tuple[dict, int]:
    """The header context for ``user``, its facts read (as a template would),
    and how many times the cache was read to produce it."""
    request = RequestFactory().get("/mi-aprendizaje/")
    request.user = user
    calls = depth = 0
    originals = {name: getattr(cache, name) for name in CACHE_CALLS}

    def counting(name):
        def call(*args, **kwargs):
            # Only the outer call is a round trip: the local-memory cache of
            # the tests makes get_many out of gets.
            nonlocal calls, depth
            calls += depth == 0
            depth += 1
            try:
                return originals[name](*args, **kwargs)
            finally:
                depth -= 1

        return call

    with mock.patch.multiple(cache, **{n: counting(n) for n in CACHE_CALLS}):
        context = site_navigation(request)
        facts = {
            "admin": bool(context["can_access_admin"]),
            "tutor": bool(context["can_tutor"]),
            "unread": int(str(context["unread_notifications"])),
        }
    return facts, calls


def test_a_learner_header_is_two_cache_reads_once_warm():
    learner = UserFactory()
    Notification.objects.create(user=learner, kind="anuncio", title="Aviso", url="/")
    cold, _ = header_for(learner)
    warm, calls = header_for(learner)
    assert cold == warm == {"admin": False, "tutor": False, "unread": 1}
    assert calls == 2


def test_a_tutor_who_is_also_staff_sees_both_links_in_two_reads():
    person = UserFactory(is_staff=True)
    person.groups.add(Group.objects.get(name=TUTORS_GROUP))
    header_for(person)
    facts, calls = header_for(person)
    assert facts["tutor"] is True
    assert calls == 2


def test_joining_the_tutors_shows_the_link_on_the_next_page():
    person = UserFactory()
    assert header_for(person)[0]["tutor"] is False
    person.groups.add(Group.objects.get(name=TUTORS_GROUP))  # bumps the version
    assert header_for(person)[0]["tutor"] is True


def test_anonymous_visitors_read_only_the_menu():
    from django.contrib.auth.models import AnonymousUser

    header_for(AnonymousUser())
    facts, calls = header_for(AnonymousUser())
    assert facts == {"admin": False, "tutor": False, "unread": 0}
    assert calls == 1


def test_an_inactive_account_gets_no_links():
    person = UserFactory(is_active=False, is_superuser=True)
    facts, _ = header_for(person)
    assert facts["admin"] is False and facts["tutor"] is False


def test_a_cache_that_lost_everything_still_answers():
    person = UserFactory(is_superuser=True)
    header_for(person)
    cache.clear()
    facts, _ = header_for(person)
    assert facts == {"admin": True, "tutor": True, "unread": 0}
