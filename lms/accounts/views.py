from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.mixins import LoginRequiredMixin
from django.http import JsonResponse
from django.urls import reverse_lazy
from django.utils.translation import gettext_lazy as _
from django.views.generic import UpdateView

from .forms import ProfileForm
from .selectors import personal_data


class ProfileView(LoginRequiredMixin, UpdateView):
    """The signed-in person edits their own profile, and nobody else's."""

    form_class = ProfileForm
    template_name = "accounts/profile.html"
    success_url = reverse_lazy("accounts:profile")

    def get_object(self, queryset=None):
        return self.request.user

    def form_valid(self, form):
        messages.success(self.request, _("Sus datos se guardaron."))
        return super().form_valid(form)


@login_required
def download_my_data(request):
    """Habeas data (Decreto 57-2008, arts. 30-31): a person can obtain the
    personal data the platform holds about them, as a JSON file."""
    response = JsonResponse(
        personal_data(user=request.user), json_dumps_params={"ensure_ascii": False}
    )
    response["Content-Disposition"] = 'attachment; filename="mis-datos-infom.json"'
    return response
