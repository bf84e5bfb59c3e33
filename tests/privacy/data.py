"""A person with data in every model of the personal-data registry, for the
export-completeness and erasure tests."""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import timedelta
from decimal import Decimal

from django.contrib.contenttypes.models import ContentType
from django.core.files.base import ContentFile
from django.utils import timezone

from tests.factories import UserFactory, add_quiz, course_lessons, site_image

NAME = "Xiomara Quetzalí Tzunún Batz"
EMAIL = "xiomara.tzunun@muni-prueba.example"
SECOND_EMAIL = "xq.tzunun@correo-personal.example"
PHONE = "+502 5555-0199"
OLD_NAME = "Xiomara Quetzali Tzunun"


@dataclass
class Person:
    user: object
    enrollment: object
    certificate: object
    post: object
    files: list  # (storage, name) of every file the person uploaded or got


def person_everywhere() -> Person:
    """Rows in every model the registry covers, for one person (who is also a
    tutor and an editor, so the authoring entries have rows too)."""
    from allauth.account.models import EmailAddress, EmailConfirmation
    from allauth.mfa.models import Authenticator
    from django.contrib.admin.models import ADDITION, LogEntry
    from wagtail.admin.models import EditingSession, FormState
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model
    from wagtail.log_actions import log
    from wagtail.models import (
        APIToken,
        Comment,
        CommentReply,
        Page,
        PageLogEntry,
        PageSubscription,
        Task,
        TaskState,
        UploadedFile,
        Workflow,
        WorkflowState,
    )
    from wagtail.users.models import UserProfile

    from certificados.models import (
        BulkIssueJob,
        Certificate,
        CertificateBundle,
        CertificateVersion,
    )
    from certificados.services import new_code
    from comunidad.models import (
        Announcement,
        AnnouncementRead,
        Attendance,
        CalendarFeed,
        LiveSession,
        Notification,
        NotificationPreference,
        Post,
        PostAttachment,
        PostReport,
        Thread,
        ThreadSubscription,
    )
    from cursos.models import (
        EditionTutor,
        ExtraAttempt,
        GradingReminder,
        LessonCompletion,
        ModuleCompletion,
        ModulePage,
        QuestionResult,
        QuizAttempt,
        RequiredTraining,
        Submission,
        SubmissionFile,
        SubmissionVersion,
        TrainingAssignment,
        TrainingReminder,
        WaitlistEntry,
    )
    from lms.accounts.models import DataExport, NameCorrectionRequest
    from lms.outbox.mail import send_mail
    from tests.cursos.assignments_support import PDF, add_assignment, edition_course

    now = timezone.now()
    user = UserFactory(full_name=NAME, email=EMAIL, phone=PHONE)
    other = UserFactory(full_name="Rodrigo Ajú Sicán")
    EmailAddress.objects.create(user=user, email=SECOND_EMAIL, verified=False)
    EmailConfirmation.objects.create(
        email_address=EmailAddress.objects.get(email=SECOND_EMAIL),
        key=secrets.token_hex(16),
        sent=now,
    )
    Authenticator.objects.create(
        user=user, type=Authenticator.Type.RECOVERY_CODES, data={"seed": "x"}
    )
    files = []

    # ---- cursos
    course, cohort = edition_course(title="Curso de privacidad")
    enrollment = enroll_row(user, course, cohort)
    lesson = course_lessons(course)[0]
    module = ModulePage.objects.child_of(course).first()
    LessonCompletion.objects.create(enrollment=enrollment, lesson=lesson)
    ModuleCompletion.objects.create(
        enrollment=enrollment, module=module, completed_at=now
    )
    quiz = add_quiz(course)
    snapshot = [
        {
            "key": "q1",
            "prompt": "¿Qué protege el hábeas data?",
            "points": "1",
            "choices": [
                {"key": "a", "text": "Los datos personales", "correct": True},
                {"key": "b", "text": "El presupuesto", "correct": False},
            ],
        }
    ]
    attempt = QuizAttempt.objects.create(
        enrollment=enrollment,
        quiz=quiz,
        number=1,
        status=QuizAttempt.Status.SUBMITTED,
        submitted_at=now,
        snapshot=snapshot,
        answers={"q1": ["a"]},
        score=Decimal("1"),
        max_score=Decimal("1"),
        percent=Decimal("100"),
        passed=True,
    )
    QuestionResult.objects.create(
        attempt=attempt,
        quiz=quiz,
        question_key="q1",
        correct=True,
        points=1,
        max_points=1,
    )
    ExtraAttempt.objects.create(enrollment=enrollment, quiz=quiz, granted_by=other)
    assignment = add_assignment(course)
    submission = Submission.objects.create(
        enrollment=enrollment,
        assignment=assignment,
        state=Submission.State.GRADED,
        versions_count=1,
        first_submitted_at=now,
        submitted_at=now,
        points=Decimal("90"),
        feedback=f"Muy buen diagnóstico, {NAME}.",
        graded_by=other,
        graded_at=now,
        released_at=now,
    )
    version = SubmissionVersion.objects.create(
        submission=submission,
        number=1,
        text="Mi municipio publica su información de oficio.",
        submitted_at=now,
        client_token="t1",
    )
    submitted = SubmissionFile(
        version=version,
        original_name="diagnostico-xiomara.pdf",
        size=len(PDF),
        kind="pdf",
    )
    submitted.file.save("x.pdf", ContentFile(PDF), save=False)
    submitted.save()
    files.append((submitted.file.storage, submitted.file.name))
    WaitlistEntry.objects.create(cohort=cohort, user=user)
    GradingReminder.objects.create(user=user, kind="tarea_por_vencer", key="1:2:3")
    from django.contrib.auth.models import Group

    group = Group.objects.get(name="Personal INFOM")
    requirement = RequiredTraining.objects.create(
        course=course, group=group, due_rule="dias", due_days=30
    )
    training = TrainingAssignment.objects.create(
        requirement=requirement,
        user=user,
        course=course,
        assigned_on=timezone.localdate(now),
        due_on=timezone.localdate(now) + timedelta(days=30),
    )
    TrainingReminder.objects.create(
        assignment=training,
        kind="por_vencer",
        due_on=training.due_on,
        run="00000000-0000-0000-0000-000000000001",
        sent_at=now,
    )
    EditionTutor.objects.create(cohort=cohort, tutor=user)

    # ---- certificados (a reissued certificate: two versions, older name)
    certificate = Certificate.objects.create(
        enrollment=enrollment,
        code=new_code(),
        holder_name=NAME,
        course_title=course.title,
        hours=4,
        cohort_name=cohort.name,
        completed_on=timezone.localdate(now),
        status=Certificate.Status.ISSUED,
        version=2,
        issued_at=now,
    )
    for number, name in ((1, OLD_NAME), (2, NAME)):
        content = version_file(number)
        stored = CertificateVersion(
            certificate=certificate,
            version=number,
            holder_name=name,
            sha256=hashlib.sha256(content).hexdigest(),
        )
        stored.pdf.save(f"c{number}.pdf", ContentFile(content), save=False)
        stored.save()
        files.append((stored.pdf.storage, stored.pdf.name))
    certificate.pdf.name = stored.pdf.name
    certificate.sha256 = stored.sha256
    certificate.save(update_fields=["pdf", "sha256"])
    BulkIssueJob.objects.create(cohort=cohort, kind="emitir", created_by=user)
    CertificateBundle.objects.create(cohort=cohort, format="pdf", created_by=user)

    # ---- comunidad
    Notification.objects.create(
        user=user, kind="calificacion", title=f"Hola {NAME}", body="Nota publicada"
    )
    NotificationPreference.objects.create(user=user, kind="respuesta", email="nunca")
    announcement = Announcement.objects.create(
        cohort=cohort, author=user, title="Bienvenida", body="Bienvenidos."
    )
    AnnouncementRead.objects.create(announcement=announcement, user=user)
    thread = Thread.objects.create(
        cohort=cohort, module=module, author=user, title="Duda", last_post_at=now
    )
    post = Post.objects.create(
        thread=thread,
        author=user,
        body=f"Soy {NAME}, de Totonicapán.",
        client_token="p1",
    )
    attachment = PostAttachment(post=post, original_name="foto.png", size=3, kind="png")
    attachment.file.save("f.png", ContentFile(b"png"), save=False)
    attachment.save()
    files.append((attachment.file.storage, attachment.file.name))
    others_post = Post.objects.create(
        thread=thread, author=other, body="Le respondo.", client_token="p2"
    )
    PostReport.objects.create(post=others_post, reporter=user, reason="Fuera de tema")
    ThreadSubscription.objects.create(thread=thread, user=user)
    session = LiveSession.objects.create(
        cohort=cohort, topic="Sesión 1", starts_at=now, ends_at=now + timedelta(hours=1)
    )
    Attendance.objects.create(
        session=session, enrollment=enrollment, status="presente", recorded_by=other
    )
    CalendarFeed.objects.create(user=user)

    # ---- accounts
    DataExport.objects.create(user=user, token=secrets.token_urlsafe(16))
    NameCorrectionRequest.objects.create(
        user=user,
        current_name=OLD_NAME,
        requested_name=NAME,
        status=NameCorrectionRequest.Status.APPROVED,
    )
    send_mail("Aviso", f"Hola {NAME}", None, [EMAIL])  # queued in the outbox

    # ---- Django and Wagtail
    user_type = ContentType.objects.get_for_model(type(user))
    LogEntry.objects.create(
        user=user,
        content_type=user_type,
        object_id=str(other.pk),
        object_repr=str(other),
        action_flag=ADDITION,
    )
    UserProfile.objects.create(user=user, preferred_language="es")
    EditingSession.objects.create(
        user=user, content_type=user_type, object_id=str(user.pk), last_seen_at=now
    )
    FormState.objects.create(
        user=user,
        content_type=user_type,
        object_id=str(user.pk),
        parent_object_id="",
        data=f"full_name={NAME}",
        last_updated_at=now,
    )
    APIToken.objects.create(
        user=user, name="Pruebas", key_hash=secrets.token_hex(32), prefix="abc"
    )
    page = Page.objects.get(pk=course.pk)
    Page.objects.filter(pk=page.pk).update(
        owner=user, locked=True, locked_by=user, locked_at=now
    )
    PageSubscription.objects.create(page=page, user=user, comment_notifications=True)
    upload = UploadedFile(for_content_type=user_type, uploaded_by_user=user)
    upload.file.save("subida.bin", ContentFile(b"x"), save=False)
    upload.save()
    files.append((upload.file.storage, upload.file.name))
    revision = page.specific.save_revision(user=user)
    comment = Comment.objects.create(
        page=page, user=user, text="Revisar el título", contentpath="title"
    )
    CommentReply.objects.create(comment=comment, user=user, text="Listo")
    workflow = Workflow.objects.create(name="Revisión")
    task = Task.objects.create(name="Aprobar")
    state = WorkflowState.objects.create(
        content_type=ContentType.objects.get_for_model(Page),
        base_content_type=ContentType.objects.get_for_model(Page),
        object_id=str(page.pk),
        workflow=workflow,
        requested_by=user,
        status=WorkflowState.STATUS_CANCELLED,
    )
    TaskState.objects.create(
        workflow_state=state,
        revision=revision,
        task=task,
        status=TaskState.STATUS_CANCELLED,
        finished_by=user,
        finished_at=now,
    )
    document = get_document_model()(title="Guía", uploaded_by_user=user)
    document.file.save("guia.pdf", ContentFile(PDF), save=False)
    document.save()
    image = site_image(title="Logo")
    get_image_model().objects.filter(pk=image.pk).update(uploaded_by_user=user)
    log(
        instance=user,
        action="accounts.user.email",
        user=other,
        data={"old": SECOND_EMAIL, "new": EMAIL},
    )
    log(instance=other, action="wagtail.edit", user=user)
    PageLogEntry.objects.log_action(page, "wagtail.edit", user=user)
    return Person(
        user=user,
        enrollment=enrollment,
        certificate=certificate,
        post=post,
        files=files,
    )


def version_file(number: int) -> bytes:
    """The bytes of a certificate version's PDF, as a third party keeps it."""
    from tests.cursos.assignments_support import PDF

    return PDF + f"% version {number}\n".encode()


def enroll_row(user, course, cohort):
    from cursos.models import Enrollment

    return Enrollment.objects.create(
        user=user, course=course, cohort=cohort, final_grade=Decimal("90")
    )
