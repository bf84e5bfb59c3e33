"""The demo content of `manage.py seed_demo`: courses read from YAML files
(`content.py`, data under `contenido/`), the seed of their pages (`seed.py`)
and the demo people with their progress (`learners.py`)."""

from .content import DIPLOMA, STAFF_COURSES
from .learners import DIPLOMA_LEARNERS, STAFF_LEARNERS
from .seed import module_counts, seed_courses, with_counts

__all__ = [
    "DIPLOMA",
    "DIPLOMA_LEARNERS",
    "STAFF_COURSES",
    "STAFF_LEARNERS",
    "module_counts",
    "seed_courses",
    "with_counts",
]
