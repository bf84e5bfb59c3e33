"""Signing in through allauth's form, as a person does, for the journeys."""

from tests.factories import PASSWORD


def sign_in(page, base: str, email: str, next_url: str | None = None) -> None:
    """Fill and send the sign-in form at ``base``; ``next_url``: where to land."""
    query = f"?next={next_url}" if next_url else ""
    page.goto(f"{base}/cuentas/login/{query}")
    page.get_by_label("Correo electrónico").fill(email)
    page.get_by_label("Contraseña").fill(PASSWORD)
    page.get_by_role("button", name="Ingresar").click()
