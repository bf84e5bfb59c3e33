"""Coordinators run editions in the Wagtail admin: the editions and their
participants, enrolling people one by one or from a CSV file (with a preview),
moving a learner to another edition, assigning a learner's tutor by hand.

Every view requires ``cursos.manage_enrollments`` (the services check it too).
The CSV preview survives between requests in the session: the decoded text is
kept there with its hash; the confirmation posts the hash, the file is read
again and checked against the data as it is now, and everything is written in
one transaction.
"""

from __future__ import annotations

import hashlib

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Q
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from lms.accounts.forms import MunicipalityChoiceField
from lms.accounts.models import Department, Municipality, User

from . import enrollment_import
from .models import TUTORS_GROUP, Cohort, Enrollment, WaitlistEntry
from .services.editions import (
    MANAGE_PERMISSION,
    EditionError,
    NewPerson,
    assign_tutor,
    confirm_import,
    enroll_person,
    move_enrollment,
)

SESSION_KEY = "cursos_import_{cohort}"


def _require(request) -> None:
    if not request.user.has_perm(MANAGE_PERMISSION):
        raise PermissionDenied


def _cohort(cohort_id: int) -> Cohort:
    return get_object_or_404(Cohort.objects.select_related("course"), pk=cohort_id)


# ------------------------------------------------------------------ forms
class PersonForm(forms.Form):
    email = forms.EmailField(label=gettext_lazy("Correo electrónico"), max_length=254)
    full_name = forms.CharField(
        label=gettext_lazy("Nombre completo"),
        required=False,
        max_length=150,
        help_text=gettext_lazy("Solo para una cuenta nueva."),
    )
    department = forms.ModelChoiceField(
        label=gettext_lazy("Departamento"),
        queryset=Department.objects.order_by("name"),
        required=False,
    )
    municipality = MunicipalityChoiceField(
        label=gettext_lazy("Municipio"),
        queryset=Municipality.objects.all(),
        required=False,
    )
    post = forms.ChoiceField(
        label=gettext_lazy("Cargo"),
        choices=[("", "---------"), *User.Post.choices],
        required=False,
    )

    def clean(self):
        data = super().clean()
        email = data.get("email")
        if not email or User.objects.filter(email__iexact=email).exists():
            return data
        from allauth.account.models import EmailAddress

        if EmailAddress.objects.filter(email__iexact=email).exists():
            # Another account's (secondary) address: enrolling by it would be
            # ambiguous, and a new account cannot take it.
            self.add_error(
                "email",
                _(
                    "Ese correo pertenece a otra cuenta como correo adicional: use "
                    "el correo principal de esa persona."
                ),
            )
            return data
        from lms.accounts.validators import normalize_full_name, validate_full_name

        for name in ("full_name", "department", "municipality", "post"):
            if not data.get(name):
                self.add_error(
                    name,
                    _("No hay una cuenta con ese correo: este dato es obligatorio."),
                )
        if data.get("full_name"):
            data["full_name"] = normalize_full_name(data["full_name"])
            try:
                validate_full_name(data["full_name"])
            except forms.ValidationError as error:
                self.add_error("full_name", error)
        municipality, department = data.get("municipality"), data.get("department")
        if municipality and department and municipality.department_id != department.pk:
            self.add_error(
                "municipality", _("El municipio no pertenece a ese departamento.")
            )
        return data


class UploadForm(forms.Form):
    archivo = forms.FileField(
        label=gettext_lazy("Archivo CSV"),
        help_text=gettext_lazy(
            "Columnas: correo, nombre_completo, departamento, municipio, cargo. "
            "Separado por comas o punto y coma, en UTF-8. Hasta 2000 filas."
        ),
    )


class MoveForm(forms.Form):
    target = forms.ModelChoiceField(
        label=gettext_lazy("Edición de destino"), queryset=Cohort.objects.none()
    )
    override_capacity = forms.BooleanField(
        label=gettext_lazy("Trasladar aunque supere el cupo"), required=False
    )

    def __init__(self, *args, enrollment: Enrollment, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["target"].queryset = Cohort.objects.filter(
            course_id=enrollment.course_id
        ).exclude(pk=enrollment.cohort_id)


class TutorForm(forms.Form):
    tutor = forms.ModelChoiceField(
        label=gettext_lazy("Tutor o tutora"),
        queryset=User.objects.filter(groups__name=TUTORS_GROUP, is_active=True),
        required=False,
        empty_label=gettext_lazy("Según la edición"),
    )


# ------------------------------------------------------------------ views
def editions_view(request):
    """Every edition with its seats, people enrolled and people waiting."""
    _require(request)
    cohorts = (
        Cohort.objects.select_related("course")
        .annotate(
            enrolled=Count("enrollments", distinct=True),
            waiting=Count(
                "waitlist",
                filter=Q(waitlist__status=WaitlistEntry.Status.WAITING),
                distinct=True,
            ),
        )
        .order_by("-starts_on", "course__title", "name")
    )
    return TemplateResponse(request, "cursos/admin/editions.html", {"cohorts": cohorts})


def participants_view(request, cohort_id: int):
    """The edition's participants, each with their tutor and a move link."""
    _require(request)
    cohort = _cohort(cohort_id)
    enrollments = list(
        Enrollment.objects.filter(cohort=cohort)
        .select_related("user", "user__department", "user__municipality", "tutor")
        .order_by("user__full_name", "pk")
    )
    # Only the edition's tutors can follow one of its learners.
    tutors = list(
        TutorForm.base_fields["tutor"]
        .queryset.filter(tutored_editions__cohort=cohort)
        .order_by("full_name")
    )
    waitlist = list(
        WaitlistEntry.objects.filter(
            cohort=cohort,
            status__in=[WaitlistEntry.Status.WAITING, WaitlistEntry.Status.OFFERED],
        ).select_related("user")
    )
    return TemplateResponse(
        request,
        "cursos/admin/participants.html",
        {
            "cohort": cohort,
            "enrollments": enrollments,
            "tutors": tutors,
            "waitlist": waitlist,
        },
    )


def enroll_people_view(request, cohort_id: int):
    """ "Inscribir participantes": one person (GET form, POST), or a CSV file."""
    _require(request)
    cohort = _cohort(cohort_id)
    form = PersonForm(request.POST or None)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            data = form.cleaned_data
            try:
                enrollment, created = enroll_person(
                    actor=request.user,
                    cohort=cohort,
                    email=data["email"],
                    person=NewPerson(
                        email=data["email"].lower(),
                        full_name=data["full_name"],
                        department=data["department"],
                        municipality=data["municipality"],
                        post=data["post"],
                    ),
                )
            except EditionError as error:
                form.add_error(None, str(error))
            else:
                if created:
                    messages.success(
                        request,
                        _(
                            "Se creó la cuenta de %(nombre)s, se le inscribió y se "
                            "le envió una invitación por correo."
                        )
                        % {"nombre": enrollment.user},
                    )
                else:
                    messages.success(
                        request,
                        _("%(nombre)s está inscrito en «%(edicion)s».")
                        % {"nombre": enrollment.user, "edicion": cohort.name},
                    )
                return redirect("cursos_editions:participants", cohort.pk)
        status = 400
    return TemplateResponse(
        request,
        "cursos/admin/enroll_people.html",
        {"cohort": cohort, "form": form, "upload_form": UploadForm()},
        status=status,
    )


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


@require_POST
def import_preview_view(request, cohort_id: int):
    """Upload a CSV: the preview of every row, and a confirm button."""
    _require(request)
    cohort = _cohort(cohort_id)
    upload_form = UploadForm(request.POST, request.FILES)
    problem = ""
    preview = None
    if upload_form.is_valid():
        upload = upload_form.cleaned_data["archivo"]
        try:
            if upload.size > enrollment_import.MAX_BYTES:
                raise enrollment_import.ImportFileError(
                    _("El archivo pesa más de 1 MB; divídalo en partes.")
                )
            text = enrollment_import.decode(upload.read())
            preview = enrollment_import.preview(text=text, cohort=cohort)
        except enrollment_import.ImportFileError as error:
            problem = str(error)
        else:
            request.session[SESSION_KEY.format(cohort=cohort.pk)] = text
    else:
        problem = _("Elija un archivo CSV.")
    context = {
        "cohort": cohort,
        "preview": preview,
        "problem": problem,
        "digest": _digest(text) if preview else "",
        "upload_form": upload_form,
    }
    status = 200 if preview is not None else 400
    return TemplateResponse(
        request, "cursos/admin/import_preview.html", context, status=status
    )


@require_POST
def import_confirm_view(request, cohort_id: int):
    """Confirm a preview: read the stored file again and write it all, or
    nothing."""
    _require(request)
    cohort = _cohort(cohort_id)
    key = SESSION_KEY.format(cohort=cohort.pk)
    text = request.session.get(key)
    if not text or request.POST.get("digest") != _digest(text):
        messages.error(
            request,
            _("La vista previa ya no está disponible: suba el archivo otra vez."),
        )
        return redirect("cursos_editions:enroll", cohort.pk)
    try:
        preview = enrollment_import.preview(text=text, cohort=cohort)
        if preview.problem:
            raise EditionError(preview.problem)
        counts = confirm_import(actor=request.user, cohort=cohort, rows=preview.rows)
    except (EditionError, enrollment_import.ImportFileError) as error:
        messages.error(
            request,
            _("No se inscribió a nadie: %(error)s") % {"error": str(error)},
        )
        return redirect("cursos_editions:enroll", cohort.pk)
    del request.session[key]
    messages.success(
        request,
        _(
            "Importación terminada: %(inscritas)s personas inscritas "
            "(%(creadas)s cuentas nuevas, invitadas por correo); "
            "%(ya)s ya estaban inscritas."
        )
        % {
            "inscritas": counts["inscritas"],
            "creadas": counts["creadas"],
            "ya": counts["ya_inscritas"],
        },
    )
    return redirect("cursos_editions:participants", cohort.pk)


def move_view(request, enrollment_id: int):
    """ "Trasladar a otra edición"."""
    _require(request)
    enrollment = get_object_or_404(
        Enrollment.objects.select_related("user", "cohort", "course"),
        pk=enrollment_id,
        cohort__isnull=False,
    )
    form = MoveForm(request.POST or None, enrollment=enrollment)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                move_enrollment(
                    actor=request.user,
                    enrollment=enrollment,
                    target=form.cleaned_data["target"],
                    override_capacity=form.cleaned_data["override_capacity"],
                )
            except EditionError as error:
                form.add_error(None, str(error))
            else:
                messages.success(
                    request,
                    _("%(nombre)s pasó a «%(edicion)s», con todo su avance.")
                    % {"nombre": enrollment.user, "edicion": enrollment.cohort.name},
                )
                return redirect("cursos_editions:participants", enrollment.cohort_id)
        status = 400
    return TemplateResponse(
        request,
        "cursos/admin/move.html",
        {"enrollment": enrollment, "form": form},
        status=status,
    )


@require_POST
def tutor_view(request, enrollment_id: int):
    """Assign a learner's tutor by hand (or back to the edition's rule)."""
    _require(request)
    enrollment = get_object_or_404(
        Enrollment.objects.select_related("user"), pk=enrollment_id
    )
    form = TutorForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Elija una persona del grupo «Tutores»."))
    else:
        try:
            assign_tutor(
                actor=request.user,
                enrollment=enrollment,
                tutor=form.cleaned_data["tutor"],
            )
        except EditionError as error:
            messages.error(request, str(error))
        else:
            messages.success(
                request,
                _("Se actualizó la tutoría de %(nombre)s.")
                % {"nombre": enrollment.user},
            )
    if enrollment.cohort_id:
        return redirect("cursos_editions:participants", enrollment.cohort_id)
    return redirect("cursos_editions:editions")
