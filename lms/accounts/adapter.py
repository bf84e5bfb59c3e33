from allauth.account.adapter import DefaultAccountAdapter

from .forms import PROFILE_FIELDS


class AccountAdapter(DefaultAccountAdapter):
    """Saves the profile fields of our sign-up form on the new user."""

    def save_user(self, request, user, form, commit=True):
        user = super().save_user(request, user, form, commit=False)
        for field in PROFILE_FIELDS:
            if field in form.cleaned_data:
                setattr(user, field, form.cleaned_data[field])
        if commit:
            user.save()
        return user
