from io import StringIO

import pytest
from django.core.management import call_command
from django.urls import reverse
from wagtail.models import Revision

from lms.accounts.demo import DEMO_ACCOUNTS, DEMO_PASSWORD
from lms.accounts.models import COORDINATORS_GROUP, STAFF_GROUP, User

pytestmark = pytest.mark.django_db


def snapshot():
    return {
        "users": sorted(User.objects.values_list("email", "password", "full_name")),
        "groups": sorted(
            User.groups.through.objects.values_list("user_id", "group_id")
        ),
        "revisions": Revision.objects.count(),
    }


def test_seed_demo_is_idempotent():
    call_command("seed_demo", stdout=StringIO())
    first = snapshot()
    call_command("seed_demo", stdout=StringIO())
    assert snapshot() == first
    assert len(first["users"]) == 4


@pytest.mark.parametrize("account", DEMO_ACCOUNTS, ids=lambda a: a.email)
def test_every_demo_account_logs_in(client, account):
    call_command("seed_demo", stdout=StringIO())
    response = client.post(
        reverse("account_login"), {"login": account.email, "password": DEMO_PASSWORD}
    )
    assert response.status_code == 302, response.content.decode()[:500]
    assert response.url == reverse("accounts:profile")


def test_demo_roles():
    call_command("seed_demo", stdout=StringIO())
    staff = User.objects.get(email="personal@infom.gob.gt")
    coordinator = User.objects.get(email="coordinadora@infom.gob.gt")
    participant = User.objects.get(email="participante@ejemplo.gt")
    assert staff.groups.filter(name=STAFF_GROUP).exists()
    assert coordinator.groups.filter(name=COORDINATORS_GROUP).exists()
    assert coordinator.has_perm("wagtailadmin.access_admin")
    assert not participant.groups.exists()
    assert User.objects.get(email="admin@infom.gob.gt").is_superuser
