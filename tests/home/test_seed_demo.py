from io import StringIO

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Revision

from cursos.models import Enrollment, TrainingAssignment, TrainingReminder
from lms.accounts.demo import DEMO_ACCOUNTS, DEMO_PASSWORD
from lms.accounts.models import COORDINATORS_GROUP, STAFF_GROUP, User
from tests.forms import post_form

# The demo is seeded once for the module (tests/conftest.py, demo_site); each
# test runs in a savepoint of it.
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo_site")]


def snapshot():
    return {
        "users": sorted(User.objects.values_list("email", "password", "full_name")),
        "groups": sorted(
            User.groups.through.objects.values_list("user_id", "group_id")
        ),
        "revisions": Revision.objects.count(),
        "enrollments": Enrollment.objects.count(),
        "assignments": sorted(
            TrainingAssignment.objects.values_list("user_id", "course_id", "due_on")
        ),
        "reminders": TrainingReminder.objects.count(),
    }


def test_seed_demo_is_idempotent():
    first = snapshot()  # after the first run (demo_site)
    call_command("seed_demo", stdout=StringIO())
    assert snapshot() == first
    from cursos.demo import DIPLOMA_LEARNERS, STAFF_LEARNERS

    assert len(first["users"]) == (
        len(DEMO_ACCOUNTS) + len(DIPLOMA_LEARNERS) + len(STAFF_LEARNERS)
    )


@pytest.mark.parametrize("account", DEMO_ACCOUNTS, ids=lambda a: a.email)
def test_every_demo_account_logs_in(client, account):
    url = reverse("account_login")
    response = post_form(
        client, url, {"login": account.email, "password": DEMO_PASSWORD}, action=url
    )
    assert response.status_code == 302, response.content.decode()[:500]
    assert response.url == reverse("cursos:dashboard")


def test_demo_roles():
    staff = User.objects.get(email="personal@infom.gob.gt")
    coordinator = User.objects.get(email="coordinadora@infom.gob.gt")
    participant = User.objects.get(email="participante@ejemplo.gt")
    assert staff.groups.filter(name=STAFF_GROUP).exists()
    assert coordinator.groups.filter(name=COORDINATORS_GROUP).exists()
    assert coordinator.has_perm("wagtailadmin.access_admin")
    assert not participant.groups.exists()
    assert User.objects.get(email="admin@infom.gob.gt").is_superuser


def test_demo_fills_the_public_site(client):
    from home.models import EventPage, NavigationSettings, NewsPage, StandardPage

    assert NewsPage.objects.live().count() >= 6
    assert all(n.cover_image_id for n in NewsPage.objects.all())
    assert EventPage.objects.live().filter(starts_at__gt=timezone.now()).exists()
    assert EventPage.objects.live().filter(starts_at__lt=timezone.now()).exists()
    # Three institutional pages and the "Aviso de privacidad" (lms.accounts.privacy).
    assert StandardPage.objects.live().count() == 4
    assert StandardPage.objects.filter(slug="aviso-de-privacidad").exists()
    assert NavigationSettings.load().menu_items.count() == 7
    html = client.get("/").content.decode()
    assert "Diplomado Gestión Municipal y Transparencia" in html
    assert "Últimas noticias" in html and "Próximas actividades" in html


def test_demo_fills_every_report():
    from django.utils import timezone

    from cursos.selectors import assignment_status

    statuses = set(
        TrainingAssignment.objects.annotate(
            status=assignment_status(timezone.localdate())
        ).values_list("status", flat=True)
    )
    assert statuses == {"pendiente", "en-curso", "completada", "vencida"}
    departments = set(
        Enrollment.objects.filter(course__kind="diplomado").values_list(
            "user__department", flat=True
        )
    )
    assert len(departments) >= 8
    # Rendering (and so the "emitido" status) happens after commit.
    assert (
        Enrollment.objects.filter(
            course__kind="diplomado", certificate__isnull=False
        ).count()
        >= 3
    )
    assert TrainingReminder.objects.filter(sent_at__isnull=False).count() == 3
