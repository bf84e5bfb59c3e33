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
