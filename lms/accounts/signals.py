from allauth.account.signals import email_confirmed
from django.dispatch import receiver

from .services import sync_staff_group


@receiver(email_confirmed, dispatch_uid="accounts_staff_group_on_confirm")
def join_staff_group_on_confirmation(sender, request, email_address, **kwargs):
    sync_staff_group(user=email_address.user)
