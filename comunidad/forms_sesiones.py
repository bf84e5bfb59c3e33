"""The session form of the tutor's page: date and times in Guatemala's time."""

from datetime import datetime

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from comunidad.models import LiveSession
from lms.accounts.models import Department


class SessionForm(forms.Form):
    topic = forms.CharField(label=_("Tema"), max_length=200)
    day = forms.DateField(
        label=_("Fecha"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    start = forms.TimeField(
        label=_("Hora de inicio (hora de Guatemala)"),
        widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
    )
    end = forms.TimeField(
        label=_("Hora de fin (hora de Guatemala)"),
        widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
    )
    mode = forms.ChoiceField(
        label=_("Modalidad"),
        choices=LiveSession.Mode.choices,
        widget=forms.RadioSelect,
        initial=LiveSession.Mode.VIRTUAL,
    )
    link = forms.URLField(
        label=_("Enlace de la reunión (sesiones virtuales)"),
        required=False,
        assume_scheme="https",
    )
    place = forms.CharField(
        label=_("Lugar (sesiones presenciales)"), max_length=300, required=False
    )
    department = forms.ModelChoiceField(
        label=_("Departamento"),
        queryset=Department.objects.order_by("name"),
        required=False,
        empty_label=_("Toda la edición"),
        help_text=_("Solo si la sesión es para las personas de un departamento."),
    )
    counts_for_attendance = forms.BooleanField(
        label=_("Cuenta para la asistencia"), required=False, initial=True
    )

    def clean_topic(self):
        topic = self.cleaned_data["topic"].strip()
        if "\x00" in topic:
            raise forms.ValidationError(_("El tema contiene caracteres no válidos."))
        return topic

    def clean_place(self):
        place = self.cleaned_data["place"].strip()
        if "\x00" in place:
            raise forms.ValidationError(_("El lugar contiene caracteres no válidos."))
        return place

    def session_fields(self) -> dict:
        """The service's fields: aware datetimes in Guatemala's time zone."""
        data = self.cleaned_data
        zone = timezone.get_default_timezone()
        return {
            "topic": data["topic"],
            "starts_at": timezone.make_aware(
                datetime.combine(data["day"], data["start"]), zone
            ),
            "ends_at": timezone.make_aware(
                datetime.combine(data["day"], data["end"]), zone
            ),
            "mode": data["mode"],
            "place": data["place"],
            "link": data["link"],
            "department": data["department"],
            "counts_for_attendance": data["counts_for_attendance"],
        }

    @classmethod
    def initial_for(cls, session: LiveSession) -> dict:
        starts = timezone.localtime(session.starts_at, timezone.get_default_timezone())
        ends = timezone.localtime(session.ends_at, timezone.get_default_timezone())
        return {
            "topic": session.topic,
            "day": starts.date(),
            "start": starts.time(),
            "end": ends.time(),
            "mode": session.mode,
            "link": session.link,
            "place": session.place,
            "department": session.department_id,
            "counts_for_attendance": session.counts_for_attendance,
        }
