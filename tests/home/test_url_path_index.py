"""HomePage.route finds deep pages by URL path: that column has an index
(issue 17; Wagtail leaves it unindexed)."""

import pytest
from django.db import connection

pytestmark = pytest.mark.django_db


def test_wagtail_page_url_path_is_indexed():
    with connection.cursor() as cursor:
        constraints = connection.introspection.get_constraints(
            cursor, "wagtailcore_page"
        )
    index = constraints.get("home_wagtailcore_page_url_path")
    assert index is not None and index["columns"] == ["url_path"]
