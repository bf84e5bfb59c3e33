"""How long a completion stays valid: pure date arithmetic shared by the
progress service (``Enrollment.valid_until``), the certificates
(``Certificate.valid_until``) and the renewal of required training."""

from __future__ import annotations

import calendar
import datetime


def add_months(day: datetime.date, months: int) -> datetime.date:
    """``day`` plus ``months`` calendar months; a day the target month lacks
    becomes its last day (31 January + 1 month = 28 or 29 February, 29 February
    + 12 months = 28 February)."""
    index = day.year * 12 + (day.month - 1) + months
    year, month = divmod(index, 12)
    month += 1
    last = calendar.monthrange(year, month)[1]
    return day.replace(year=year, month=month, day=min(day.day, last))


def valid_until(
    completed_on: datetime.date, months: int | None
) -> datetime.date | None:
    """The last day a completion on ``completed_on`` is valid, for a course whose
    certificate lasts ``months`` months; None when the course sets no validity.

    Valid *until and including* the returned day: completed on 20 November
    2026 with 12 months, valid until 20 November 2027, expired on the 21st."""
    if not months:
        return None
    return add_months(completed_on, months)
