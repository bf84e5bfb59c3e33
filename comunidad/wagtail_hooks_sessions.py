""" "Sesiones en vivo" in the Wagtail admin: coordinators program an edition's
live sessions (tutors do it from /tutoria/, on the edition's sessions page).
Coordinators hold the model's permissions (migration 0002 of comunidad).
The same rules as the tutor's form apply (``validate_session``), and a new
session notifies its learners."""

from django import forms
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet

from comunidad.models import LiveSession
from comunidad.services.sessions import (
    SessionError,
    cancel_session,
    notify_new_session,
    validate_session,
)

FIELDS = [
    "cohort",
    "topic",
    "starts_at",
    "ends_at",
    "mode",
    "link",
    "place",
    "department",
    "counts_for_attendance",
]


class LiveSessionForm(WagtailAdminModelForm):
    link = forms.URLField(
        label=gettext_lazy("Enlace de la reunión"),
        required=False,
        assume_scheme="https",
        help_text=gettext_lazy("Solo para sesiones virtuales."),
    )

    class Meta:
        model = LiveSession
        fields = FIELDS

    def clean(self):
        data = super().clean()
        if self.errors:
            return data
        probe = LiveSession(
            **{name: data.get(name) for name in FIELDS if name != "cohort"}
        )
        probe.topic = probe.topic or ""
        probe.place = probe.place or ""
        probe.link = probe.link or ""
        self._keep_what_attendance_counts(data)
        try:
            validate_session(probe)
        except SessionError as error:
            field = {"end": "ends_at"}.get(error.field, error.field)
            raise forms.ValidationError(
                {field: error.message} if field in self.fields else error.message
            ) from None
        return data

    def _keep_what_attendance_counts(self, data):
        """The same rule as the tutor's form (``save_session``): once attendance
        is taken, the edition, date, time and department stay."""
        session = self.instance
        if session.pk is None or not session.attendance.exists():
            return
        counted = ("cohort", "starts_at", "ends_at", "department")
        if any(data.get(name) != getattr(session, name) for name in counted):
            raise forms.ValidationError(
                gettext_lazy(
                    "Esta sesión ya tiene asistencia registrada: puede corregir el "
                    "tema, el lugar o el enlace, pero no la edición, la fecha, la "
                    "hora ni el departamento."
                )
            )


class LiveSessionDeleteView(generic.DeleteView):
    """Deleting goes through ``cancel_session``: only a session that has not
    started and has no attendance, and its learners are told."""

    def delete_action(self):
        cancel_session(session=self.object, by=self.request.user)

    def form_valid(self, form):
        from django.contrib import messages
        from django.shortcuts import redirect

        try:
            return super().form_valid(form)
        except SessionError as error:
            messages.error(self.request, error.message)
            return redirect(self.get_success_url())


class LiveSessionCreateView(generic.CreateView):
    def save_instance(self):
        session = super().save_instance()
        notify_new_session(session)
        return session


class LiveSessionViewSet(ModelViewSet):
    model = LiveSession
    icon = "date"
    menu_label = gettext_lazy("Sesiones en vivo")
    menu_order = 270
    add_to_admin_menu = True
    url_prefix = "sesiones-en-vivo"
    name = "sesiones_en_vivo"
    add_view_class = LiveSessionCreateView
    delete_view_class = LiveSessionDeleteView
    form_fields = FIELDS
    list_display = ["topic", "cohort", "starts_at", "mode", "department"]
    list_filter = ["cohort", "mode"]
    copy_view_enabled = False
    inspect_view_enabled = False

    def get_form_class(self, for_update=False):
        return LiveSessionForm


@hooks.register("register_admin_viewset")
def register_live_session_viewset():
    return LiveSessionViewSet()
