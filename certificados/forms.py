from django import forms
from django.utils.translation import gettext_lazy as _

MAX_PDF_BYTES = 5 * 1024 * 1024


class VerifyCodeForm(forms.Form):
    code = forms.CharField(
        label=_("Código de verificación"),
        max_length=64,
        help_text=_("Está al pie del certificado, junto al código QR."),
        widget=forms.TextInput(attrs={"autocomplete": "off", "spellcheck": "false"}),
    )


class VerifyFileForm(forms.Form):
    pdf = forms.FileField(
        label=_("Archivo PDF del certificado"),
        help_text=_("Se compara con el registro; el archivo no se guarda."),
    )

    def clean_pdf(self):
        upload = self.cleaned_data["pdf"]
        if upload.size > MAX_PDF_BYTES:
            raise forms.ValidationError(
                _(
                    "El archivo pesa más de 5 MB: no es un certificado de esta "
                    "plataforma."
                )
            )
        head = upload.read(5)
        upload.seek(0)
        if head != b"%PDF-":
            raise forms.ValidationError(_("El archivo no es un PDF."))
        return upload


class RevokeForm(forms.Form):
    reason = forms.CharField(
        label=_("Motivo de la revocación"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=2000,
    )


MAX_CREDENTIAL_BYTES = 64 * 1024


class VerifyCredentialForm(forms.Form):
    """A credential pasted as text or uploaded as its file (a .jwt file holds
    the same text)."""

    token = forms.CharField(
        label=_("Pegue aquí la credencial"),
        required=False,
        max_length=MAX_CREDENTIAL_BYTES,
        strip=True,
        help_text=_(
            "Es un texto largo de letras y números en tres partes separadas por "
            "puntos: el contenido del archivo .jwt."
        ),
        widget=forms.Textarea(
            attrs={"rows": 6, "autocomplete": "off", "spellcheck": "false"}
        ),
    )
    file = forms.FileField(
        label=_("o suba el archivo de la credencial (.jwt)"),
        required=False,
        help_text=_("Se comprueba y no se guarda."),
    )

    def clean_file(self):
        upload = self.cleaned_data.get("file")
        if not upload:
            return None
        if upload.size > MAX_CREDENTIAL_BYTES:
            raise forms.ValidationError(
                _(
                    "El archivo pesa más de 64 KB: no es una credencial de esta "
                    "plataforma."
                )
            )
        try:
            return upload.read().decode("utf-8")
        except UnicodeDecodeError:
            raise forms.ValidationError(
                _("El archivo no es una credencial (no es texto).")
            ) from None

    def clean(self):
        cleaned = super().clean()
        text = cleaned.get("file") or cleaned.get("token")
        if not self.errors and not text:
            raise forms.ValidationError(
                _("Pegue la credencial o suba su archivo para comprobarla.")
            )
        cleaned["credential"] = text or ""
        return cleaned
