"""The Wagtail account page does not change passwords or e-mails itself: it
links to allauth's pages, where the new address is verified."""

from tests.factories import UserFactory


def test_admin_account_page_links_to_allauth_and_has_no_password_form(client, db):
    coordinator = UserFactory(coordinator=True)
    client.force_login(coordinator)
    html = client.get("/admin/account/").content.decode()
    assert "/cuentas/password/change/" in html
    assert 'name="password-old_password"' not in html
    assert 'name="name_email-email"' not in html
