from django.dispatch import receiver

from cursos.services.progress import course_completed


@receiver(course_completed, dispatch_uid="certificados_issue_on_completion")
def issue_certificate(sender, enrollment, **kwargs):
    from .services import issue_for

    issue_for(enrollment)
