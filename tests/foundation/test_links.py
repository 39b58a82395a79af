"""One rule for absolute links: SITE_URL when set, else the address of the request being answered."""

from django.core import mail
from django.test import override_settings
from django.urls import reverse


def _confirmation_link(client):
    mail.outbox.clear()
    client.post(reverse("accounts:register"), {"email": "tautan@example.org", "full_name": "Uji Tautan",
                                               "password1": "kata-sandi-yang-panjang-1", "password2": "kata-sandi-yang-panjang-1"})
    body = mail.outbox[-1].body
    return next(word for word in body.split() if "/accounts/" in word)


def test_links_in_mail_use_the_address_the_visitor_is_on(client, db):
    assert _confirmation_link(client).startswith("http://testserver/accounts/")


@override_settings(SITE_URL="https://inovasi.pemalangkab.go.id")
def test_links_in_mail_use_site_url_when_set(client, db):
    assert _confirmation_link(client).startswith("https://inovasi.pemalangkab.go.id/accounts/")


def test_outside_a_request_a_link_is_site_relative(settings):
    from sayembara.links import absolute

    settings.SITE_URL = ""
    assert absolute("/registry/") == "/registry/"
