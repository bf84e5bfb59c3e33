"""The "Revisión de contenidos" workflow (issue 12): one group approval task for
"Coordinadores". Not assigned to any page: a coordinator assigns it to a course
(Configuración → Flujos de trabajo) and from then on the course's pages are
submitted for review and published when another coordinator approves them.

Coordinators get permission to change workflows, which is what assigning one to
a page is in Wagtail's admin (they do not create tasks).

Idempotent (running it on a database that has the workflow changes nothing) and
reversible (the workflow, its task and any assignment are removed)."""

from django.db import migrations

WORKFLOW = "Revisión de contenidos"
TASK = "Revisión de contenidos por coordinación"
COORDINATORS = "Coordinadores"


def create_workflow(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Group = apps.get_model("auth", "Group")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")

    coordinators, _ = Group.objects.get_or_create(name=COORDINATORS)
    task_type, _ = ContentType.objects.get_or_create(
        app_label="wagtailcore", model="groupapprovaltask"
    )
    task, _ = GroupApprovalTask.objects.get_or_create(
        name=TASK, defaults={"content_type": task_type, "active": True}
    )
    task.groups.add(coordinators)
    workflow, _ = Workflow.objects.get_or_create(
        name=WORKFLOW, defaults={"active": True}
    )
    WorkflowTask.objects.get_or_create(
        workflow=workflow, task=task, defaults={"sort_order": 0}
    )
    coordinators.permissions.add(_change_workflow(apps))


def _change_workflow(apps):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    content_type, _ = ContentType.objects.get_or_create(
        app_label="wagtailcore", model="workflow"
    )
    permission, _ = Permission.objects.get_or_create(
        content_type=content_type,
        codename="change_workflow",
        defaults={"name": "Can change workflow"},
    )
    return permission


def remove_workflow(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    for group in Group.objects.filter(name=COORDINATORS):
        group.permissions.remove(_change_workflow(apps))
    Workflow = apps.get_model("wagtailcore", "Workflow")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")
    Task = apps.get_model("wagtailcore", "Task")
    Workflow.objects.filter(name=WORKFLOW).delete()
    task_ids = list(
        GroupApprovalTask.objects.filter(name=TASK).values_list("pk", flat=True)
    )
    GroupApprovalTask.objects.filter(pk__in=task_ids).delete()
    Task.objects.filter(pk__in=task_ids).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("cursos", "0008_coordinators_manage_required_training"),
        ("accounts", "0003_roles"),
        ("wagtailcore", "0083_workflowcontenttype"),
    ]

    operations = [migrations.RunPython(create_workflow, remove_workflow)]
