"""Reads on accounts."""

from .models import User


def personal_data(*, user: User) -> dict:
    """Everything the platform holds about ``user``, one section per entry of
    the personal-data registry (lms.accounts.privacy)."""
    from .privacy.exports import personal_data as from_registry

    return from_registry(user=user)
