"""The sign-up and profile form widgets."""

import pytest


@pytest.mark.django_db
def test_municipality_select_is_grouped_and_keeps_the_choice():
    from lms.accounts.forms import MunicipalityChoiceField
    from lms.accounts.models import Municipality

    field = MunicipalityChoiceField(queryset=Municipality.objects.all())
    chosen = Municipality.objects.get(code="1601")
    html = field.widget.render("municipality", chosen.pk, {"id": "id_municipality"})
    assert html.count("<optgroup ") == 22 and html.count("<option ") == 340 + 1
    assert f'<option value="{chosen.pk}" selected>Cobán</option>' in html
    assert html.count(" selected>") == 1
    assert html.startswith('<select id="id_municipality" name="municipality">')
