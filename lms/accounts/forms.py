from allauth.account.forms import SignupForm as AllauthSignupForm
from django import forms
from django.contrib.auth.hashers import make_password
from django.forms.models import ModelChoiceIterator
from django.forms.utils import flatatt
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _

from .models import Department, User
from .validators import normalize_full_name, validate_full_name, validate_phone

PROFILE_FIELDS = (
    "full_name",
    "institution_type",
    "institution_name",
    "department",
    "municipality",
    "post",
    "post_other",
    "phone",
)


class MunicipalitiesByDepartment(ModelChoiceIterator):
    """Yields municipalities as one ``<optgroup>`` per department, in one query."""

    def __iter__(self):
        if self.field.empty_label is not None:
            yield ("", self.field.empty_label)
        groups: dict[str, list] = {}
        municipalities = self.queryset.select_related("department").order_by(
            "department__name", "name"
        )
        for municipality in municipalities:
            groups.setdefault(municipality.department.name, []).append(
                self.choice(municipality)
            )
        yield from groups.items()


class GroupedSelect(forms.Select):
    """A ``<select>`` whose options are written in Python: rendering 340 options
    through Django's per-option templates took ~30 ms of every sign-up page."""

    def render(self, name, value, attrs=None, renderer=None):
        widget = self.get_context(name, value, attrs)["widget"]
        parts = [format_html("<select{}>", flatatt(widget["attrs"] | {"name": name}))]
        for group_name, options, _index in widget["optgroups"]:
            if group_name:
                parts.append(format_html('<optgroup label="{}">', group_name))
            parts.extend(
                format_html(
                    '<option value="{}"{}>{}</option>',
                    option["value"],
                    mark_safe(" selected") if option["selected"] else "",
                    option["label"],
                )
                for option in options
            )
            if group_name:
                parts.append(mark_safe("</optgroup>"))
        parts.append(mark_safe("</select>"))
        return mark_safe("".join(parts))  # noqa: S308 (every part is escaped above)


class MunicipalityChoiceField(forms.ModelChoiceField):
    """Municipalities grouped by department: usable without JavaScript."""

    iterator = MunicipalitiesByDepartment
    widget = GroupedSelect


class ProfileFieldsMixin:
    """Validation shared by sign-up and profile: name, territory, post."""

    def _setup_profile_fields(self):
        self.fields["department"].queryset = Department.objects.order_by("name")
        self.fields["department"].empty_label = _("Elija su departamento")
        self.fields["municipality"].empty_label = _("Elija su municipio")
        self.fields["post"].choices = [("", _("Elija su cargo")), *User.Post.choices]
        self.fields["full_name"].widget.attrs.update(
            {"autocomplete": "name", "maxlength": 150}
        )
        self.fields["phone"].widget.input_type = "tel"
        self.fields["phone"].widget.attrs["autocomplete"] = "tel"

    def clean_full_name(self):
        name = normalize_full_name(self.cleaned_data.get("full_name", ""))
        validate_full_name(name)
        return name

    def clean_phone(self):
        phone = " ".join(self.cleaned_data.get("phone", "").split())
        validate_phone(phone)
        return phone

    def clean(self):
        cleaned = super().clean()
        department = cleaned.get("department")
        municipality = cleaned.get("municipality")
        if department and municipality and municipality.department_id != department.pk:
            self.add_error(
                "municipality",
                _("El municipio %(municipio)s no pertenece al departamento %(depto)s.")
                % {"municipio": municipality.name, "depto": department.name},
            )
        if (
            cleaned.get("post") == User.Post.OTHER
            and not cleaned.get("post_other", "").strip()
        ):
            self.add_error("post_other", _("Escriba su cargo."))
        if (
            cleaned.get("institution_type") == User.InstitutionType.OTHER
            and not cleaned.get("institution_name", "").strip()
        ):
            self.add_error(
                "institution_name", _("Escriba el nombre de su institución.")
            )
        return cleaned


def _profile_form_fields():
    """Form fields for the profile, built from the model so both forms agree."""
    fields = forms.fields_for_model(
        User,
        fields=PROFILE_FIELDS,
        field_classes={"municipality": MunicipalityChoiceField},
    )
    fields["department"].required = True
    fields["municipality"].required = True
    return fields


class SignupForm(ProfileFieldsMixin, AllauthSignupForm):
    """allauth's sign-up (e-mail and password) plus the profile fields."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields.update(_profile_form_fields())
        self._setup_profile_fields()
        self.order_fields(["full_name", "email", *PROFILE_FIELDS[1:]])

    def try_save(self, request):
        if self.account_already_exists:
            spend_signup_cost(self.cleaned_data.get("password1") or "")
        return super().try_save(request)


def spend_signup_cost(password: str) -> None:
    """With ACCOUNT_PREVENT_ENUMERATION, a sign-up with an address that already
    has an account creates nothing; hashing the password anyway (as Django's
    ModelBackend does for unknown users) keeps that answer as slow as a real
    sign-up, so timing does not tell whether the address is registered."""
    make_password(password)


class ProfileForm(ProfileFieldsMixin, forms.ModelForm):
    class Meta:
        model = User
        fields = PROFILE_FIELDS
        field_classes = {"municipality": MunicipalityChoiceField}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["department"].required = True
        self.fields["municipality"].required = True
        self._setup_profile_fields()


class EraseAccountForm(forms.Form):
    confirm = forms.BooleanField(
        label=_(
            "Entiendo que mis datos personales se borrarán y que no podré "
            "recuperar esta cuenta."
        ),
        error_messages={
            "required": _("Marque la casilla para confirmar que desea eliminarla.")
        },
    )
