import re

import pytest

from lms.accounts.models import Department, Municipality

pytestmark = pytest.mark.django_db


def test_22_departments_with_unique_two_digit_codes():
    codes = list(Department.objects.values_list("code", flat=True))
    assert len(codes) == 22
    assert sorted(codes) == [f"{n:02d}" for n in range(1, 23)]


def test_340_municipalities_with_unique_ine_codes_inside_their_department():
    rows = list(Municipality.objects.values_list("code", "department__code"))
    assert len(rows) == 340
    codes = [code for code, _ in rows]
    assert len(set(codes)) == 340
    assert all(re.fullmatch(r"\d{4}", code) for code in codes)
    assert all(code[:2] == department for code, department in rows)


@pytest.mark.parametrize(
    ("code", "name", "department"),
    [
        ("0101", "Guatemala", "Guatemala"),
        ("0514", "Sipacate", "Escuintla"),
        ("1333", "Petatán", "Huehuetenango"),
        ("0801", "Totonicapán", "Totonicapán"),
        ("1701", "Flores", "Petén"),
    ],
)
def test_known_municipalities(code, name, department):
    municipality = Municipality.objects.select_related("department").get(code=code)
    assert (municipality.name, municipality.department.name) == (name, department)


def test_municipalities_per_department_add_up():
    expected = {"01": 17, "05": 14, "12": 30, "13": 33, "17": 14, "18": 5}
    for code, count in expected.items():
        assert Municipality.objects.filter(department__code=code).count() == count
