"""Sign-ups never verified are removed after UNVERIFIED_SIGNUP_RETENTION_DAYS
by the daily beat task; verified, signed-in, enrolled and staff accounts stay."""

from datetime import timedelta

import pytest
import time_machine
from allauth.account.models import EmailAddress
from django.conf import settings
from django.utils import timezone

from lms.accounts.models import User
from lms.accounts.tasks import apply_retention
from tests.factories import UserFactory, build_course

pytestmark = pytest.mark.django_db


def test_beat_runs_the_retention_task_daily():
    entry = settings.CELERY_BEAT_SCHEDULE["conservacion-de-datos"]
    assert entry["task"] == "accounts.apply_retention"
    assert settings.UNVERIFIED_SIGNUP_RETENTION_DAYS == 30


def test_unverified_signups_are_removed_after_the_retention_days(settings):
    from cursos.services.enrollment import enroll

    settings.UNVERIFIED_SIGNUP_RETENTION_DAYS = 10
    start = timezone.now()
    with time_machine.travel(start):
        never = UserFactory(verified_email=False)
        EmailAddress.objects.create(user=never, email=never.email, verified=False)
        verified = UserFactory()
        signed_in = UserFactory(verified_email=False, last_login=start)
        staff = UserFactory(verified_email=False, is_staff=True)
        enrolled = UserFactory(verified_email=False)
        enroll(user=enrolled, course=build_course())
    with time_machine.travel(start + timedelta(days=9)):
        assert apply_retention()["registros_sin_verificar"] == 0
        assert User.objects.filter(pk=never.pk).exists()
    with time_machine.travel(start + timedelta(days=11)):
        assert apply_retention()["registros_sin_verificar"] == 1
    assert not User.objects.filter(pk=never.pk).exists()
    assert not EmailAddress.objects.filter(email=never.email).exists()
    kept = {verified.pk, signed_in.pk, staff.pk, enrolled.pk}
    assert set(User.objects.filter(pk__in=kept).values_list("pk", flat=True)) == kept
    # Running again removes nothing more.
    with time_machine.travel(start + timedelta(days=12)):
        assert apply_retention()["registros_sin_verificar"] == 0
