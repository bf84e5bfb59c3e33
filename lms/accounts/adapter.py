from allauth.account.adapter import DefaultAccountAdapter
from allauth.core import context as allauth_context
from django.conf import settings
from django.contrib.sites.shortcuts import get_current_site

from lms.net import client_ip
from lms.outbox.mail import send_message

from .forms import PROFILE_FIELDS


class AccountAdapter(DefaultAccountAdapter):
    """Profile fields on sign-up; e-mail sent by Celery through the outbox."""

    def save_user(self, request, user, form, commit=True):
        user = super().save_user(request, user, form, commit=False)
        for field in PROFILE_FIELDS:
            if field in form.cleaned_data:
                setattr(user, field, form.cleaned_data[field])
        if commit:
            user.save()
        return user

    def get_client_ip(self, request):
        """allauth's rate limits key on the same address as ours: the real
        client behind ``TRUSTED_PROXY_COUNT`` proxies (lms.net), never a
        header the client wrote itself."""
        return client_ip(request)

    def send_mail(self, template_prefix, email, context):
        request = allauth_context.request
        ctx = {
            "request": request,
            "email": email,
            "current_site": get_current_site(request),
            "site_url": settings.SITE_URL,
        }
        ctx.update(context)
        message = self.render_mail(template_prefix, email, ctx)
        # Through the outbox: a broker or SMTP server that is down neither
        # fails the sign-up/reset nor loses the message.
        send_message(message)
