from allauth.account.adapter import DefaultAccountAdapter

from .forms import PROFILE_FIELDS
from .tasks import send_email


class AccountAdapter(DefaultAccountAdapter):
    """Profile fields on sign-up; e-mail sent by Celery after the transaction."""

    def save_user(self, request, user, form, commit=True):
        user = super().save_user(request, user, form, commit=False)
        for field in PROFILE_FIELDS:
            if field in form.cleaned_data:
                setattr(user, field, form.cleaned_data[field])
        if commit:
            user.save()
        return user

    def send_mail(self, template_prefix, email, context):
        message = self.render_mail(template_prefix, email, context)
        send_email.delay_on_commit(
            subject=message.subject,
            body=message.body,
            from_email=message.from_email,
            to=list(message.to),
            alternatives=[list(alt) for alt in getattr(message, "alternatives", [])],
            headers=dict(message.extra_headers) or None,
        )
