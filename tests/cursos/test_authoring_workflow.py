"""The optional "Revisión de contenidos" workflow (issue 12): created by a data
migration, assigned to no page; once a coordinator assigns it to a course, a
lesson under that course goes to review instead of being published, and another
coordinator approves it."""

import importlib

import pytest
from django.apps import apps
from django.contrib.auth.models import Group
from django.contrib.messages import get_messages
from django.test import Client
from wagtail.models import GroupApprovalTask, Workflow, WorkflowPage, WorkflowState
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from cursos.models import LessonPage, ModulePage
from lms.accounts.models import COORDINATORS_GROUP
from tests.factories import UserFactory, build_course
from tests.forms import csrf_token, post_form

pytestmark = pytest.mark.django_db

migration = importlib.import_module("cursos.migrations.0009_content_review_workflow")
WORKFLOW = "Revisión de contenidos"


def review_workflow():
    return Workflow.objects.get(name=WORKFLOW)


def lesson_form(title="Obligaciones de transparencia activa", **extra):
    return nested_form_data(
        {
            "title": title,
            "slug": "obligaciones-de-transparencia-activa",
            "estimated_minutes": 10,
            "body": streamfield([("paragraph", rich_text("<p>Artículo 10.</p>"))]),
            **extra,
        }
    )


def test_the_migration_creates_the_workflow_unassigned():
    workflow = review_workflow()
    assert workflow.active
    (task,) = [task.specific for task in workflow.tasks.all()]
    assert isinstance(task, GroupApprovalTask)
    assert list(task.groups.values_list("name", flat=True)) == [COORDINATORS_GROUP]
    assert not WorkflowPage.objects.filter(workflow=workflow).exists()
    coordinators = Group.objects.get(name=COORDINATORS_GROUP)
    assert coordinators.permissions.filter(codename="change_workflow").exists()


def test_the_migration_is_idempotent_and_reversible():
    migration.create_workflow(apps, None)
    assert Workflow.objects.filter(name=WORKFLOW).count() == 1
    assert review_workflow().workflow_tasks.count() == 1
    assert GroupApprovalTask.objects.filter(name=migration.TASK).count() == 1

    migration.remove_workflow(apps, None)
    assert not Workflow.objects.filter(name=WORKFLOW).exists()
    assert not GroupApprovalTask.objects.filter(name=migration.TASK).exists()
    coordinators = Group.objects.get(name=COORDINATORS_GROUP)
    assert not coordinators.permissions.filter(codename="change_workflow").exists()

    migration.create_workflow(apps, None)
    assert review_workflow().workflow_tasks.count() == 1


def post_to_editor(client, add_url, edit_url, action):
    """POST the lesson's editor form. Wagtail's edit page carries, before the
    editor's form, a JavaScript-only ``<form method="post">`` of its editing
    sessions (no action, no token) that tests.forms.post_form would pick, so
    the session's token is taken from the editor form of the create page."""
    token = csrf_token(client, add_url)
    return client.post(
        edit_url, {**lesson_form(**action), "csrfmiddlewaretoken": token}
    )


@pytest.fixture
def course(db):
    return build_course(modules=1, lessons=1, title="Diplomado de prueba")


def assign_from_the_admin(client, course):
    """Configuración → Flujos de trabajo → Revisión de contenidos → asignar a
    la página del curso, as a coordinator does it."""
    workflow = review_workflow()
    url = f"/admin/workflows/edit/{workflow.pk}/"
    workflow_task = workflow.workflow_tasks.get()
    data = {
        "name": workflow.name,
        "workflow_tasks-TOTAL_FORMS": "1",
        "workflow_tasks-INITIAL_FORMS": "1",
        "workflow_tasks-MIN_NUM_FORMS": "0",
        "workflow_tasks-MAX_NUM_FORMS": "1000",
        "workflow_tasks-0-id": str(workflow_task.pk),
        "workflow_tasks-0-task": str(workflow_task.task_id),
        "workflow_tasks-0-ORDER": "1",
        "workflow_tasks-0-DELETE": "",
        "pages-TOTAL_FORMS": "1",
        "pages-INITIAL_FORMS": "0",
        "pages-MIN_NUM_FORMS": "0",
        "pages-MAX_NUM_FORMS": "1000",
        "pages-0-page": str(course.pk),
        "pages-0-DELETE": "",
    }
    response = post_form(client, url, data, action=url)
    assert response.status_code == 302, response.content.decode()[:3000]
    assert WorkflowPage.objects.get(page=course).workflow == workflow


def test_without_the_workflow_a_coordinator_publishes_directly(
    csrf_client, coordinator, course
):
    csrf_client.force_login(coordinator)
    module = ModulePage.objects.child_of(course).get()
    url = f"/admin/pages/add/cursos/lessonpage/{module.pk}/"
    html = csrf_client.get(url).content.decode()
    assert 'name="action-publish"' in html
    response = post_form(
        csrf_client, url, lesson_form(**{"action-publish": "1"}), action=url
    )
    assert response.status_code == 302
    assert LessonPage.objects.get(slug="obligaciones-de-transparencia-activa").live


def test_with_the_workflow_a_lesson_goes_to_review_and_another_coordinator_approves(
    csrf_client, coordinator, course
):
    csrf_client.force_login(coordinator)
    assign_from_the_admin(csrf_client, course)
    module = ModulePage.objects.child_of(course).get()
    url = f"/admin/pages/add/cursos/lessonpage/{module.pk}/"

    html = csrf_client.get(url).content.decode()
    assert 'name="action-publish"' not in html
    assert 'name="action-submit"' in html

    # A "Publicar" posted anyway publishes nothing: the lesson stays a draft.
    refused = post_form(
        csrf_client, url, lesson_form(**{"action-publish": "1"}), action=url
    )
    assert refused.status_code == 302
    lesson = LessonPage.objects.get(slug="obligaciones-de-transparencia-activa")
    assert not lesson.live
    edit_url = f"/admin/pages/{lesson.pk}/edit/"
    assert refused["Location"] == edit_url
    (message,) = get_messages(refused.wsgi_request)
    assert "antes de publicarse" in str(message)

    submitted = post_to_editor(csrf_client, url, edit_url, {"action-submit": "1"})
    assert submitted.status_code == 302
    lesson.refresh_from_db()
    assert not lesson.live
    state = WorkflowState.objects.get(
        object_id=str(lesson.pk), status=WorkflowState.STATUS_IN_PROGRESS
    )
    assert state.workflow == review_workflow()
    assert state.requested_by == coordinator

    # Another coordinator opens the lesson and presses "Aprobar y publicar".
    reviewer = Client(enforce_csrf_checks=True)
    second = UserFactory(coordinator=True)
    reviewer.force_login(second)
    # (An action the reviewer may not take is ignored by the edit view, which
    # then only saves: the lesson would not be live.)
    approved = post_to_editor(
        reviewer,
        url,
        edit_url,
        {"action-workflow-action": "1", "workflow-action-name": "approve"},
    )
    assert approved.status_code == 302, approved.content.decode()[:2000]
    lesson.refresh_from_db()
    assert lesson.live
    state.refresh_from_db()
    assert state.status == WorkflowState.STATUS_APPROVED
    assert state.requested_by == coordinator
    task_state = state.task_states.get()
    assert task_state.status == task_state.STATUS_APPROVED
    assert task_state.finished_by == second


def test_a_superuser_keeps_publish_for_urgent_corrections(csrf_client, course):
    admin = UserFactory(is_superuser=True, is_staff=True)
    WorkflowPage.objects.create(page=course, workflow=review_workflow())
    csrf_client.force_login(admin)
    module = ModulePage.objects.child_of(course).get()
    url = f"/admin/pages/add/cursos/lessonpage/{module.pk}/"
    response = post_form(
        csrf_client, url, lesson_form(**{"action-publish": "1"}), action=url
    )
    assert response.status_code == 302
    assert LessonPage.objects.get(slug="obligaciones-de-transparencia-activa").live
