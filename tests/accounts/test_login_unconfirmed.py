"""Logging in before confirming the address: said plainly, with a one-click new link, to whoever has the password
only; the new link is limited like every mail the site sends on request."""

import datetime as dt
import re

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext

from sayembara.accounts.models import User

pytestmark = pytest.mark.django_db
PASSWORD = "kopi-tubruk-pagi"


def indonesian(msgid: str) -> str:
    with translation.override("id"):
        return gettext(msgid)


def _register(email):
    Client().post(reverse("accounts:register"), {"full_name": "Siti", "email": email, "password1": PASSWORD,
                                                 "password2": PASSWORD})


def _login(client, email, password=PASSWORD):
    return client.post(reverse("accounts:login"), {"username": email, "password": password}).content.decode()


def _resend_form(page):
    found = re.search(r'<form method="post" action="([^"]+)"[^>]*data-testid="resend-form">(.*?)</form>', page, re.S)
    return found and (found.group(1), dict(re.findall(r'name="(\w+)" value="([^"]*)"', found.group(2))))


def test_the_right_password_is_told_the_address_is_unconfirmed_and_gets_a_new_link_in_one_click(client):
    _register("belum.konfirmasi@example.org")
    mail.outbox.clear()
    page = _login(client, "Belum.Konfirmasi@example.org")
    assert "belum dikonfirmasi" in page and "salah" not in page.split("<main", 1)[1].split("</form>", 1)[0].lower()
    action, fields = _resend_form(page)
    assert action == reverse("accounts:resend_confirmation") and fields["email"].lower() == "belum.konfirmasi@example.org"
    answer = client.post(action, fields)
    assert answer.status_code == 200 and indonesian("Check your e-mail") in answer.content.decode()
    assert len(mail.outbox) == 1 and mail.outbox[0].to == ["belum.konfirmasi@example.org"]
    link = re.search(r"https?://\S+", mail.outbox[0].body).group(0).replace("http://testserver", "")
    assert Client().post(link, {"password": PASSWORD}).status_code == 302
    assert User.objects.get(email="belum.konfirmasi@example.org").is_active


@pytest.mark.parametrize("email,password", [
    ("belum.konfirmasi@example.org", "bukan-kata-sandinya"),  # an unconfirmed address, the wrong password
    ("tidak.ada@example.org", PASSWORD),  # no such account
])
def test_without_the_right_password_nothing_is_revealed(client, email, password):
    _register("belum.konfirmasi@example.org")
    page = _login(client, email, password)
    assert "belum dikonfirmasi" not in page and _resend_form(page) is None
    assert 'data-testid="resend-confirmation"' not in page
    # The resend page answers the same for any address, and mails only a registration waiting for confirmation.
    mail.outbox.clear()
    for address in ["tidak.ada@example.org", "inovator.dukcapil@pemalang.demo"]:
        answer = Client().post(reverse("accounts:resend_confirmation"), {"email": address})
        assert answer.status_code == 200 and indonesian("Check your e-mail") in answer.content.decode()
    assert mail.outbox == []


def test_new_links_are_limited_per_client_and_per_address(settings):
    settings.REGISTRATIONS_PER_HOUR = 2
    _register("banjir@example.org")
    mail.outbox.clear()
    url = reverse("accounts:resend_confirmation")
    # From many connections, one address still gets at most the limit.
    statuses = [Client(REMOTE_ADDR=f"203.0.113.{i}").post(url, {"email": "banjir@example.org"}).status_code
                for i in range(1, 5)]
    assert statuses == [200, 200, 429, 429] and len(mail.outbox) == 2
    # From one connection, many addresses are limited too.
    one = Client(REMOTE_ADDR="198.51.100.7")
    statuses = [one.post(url, {"email": f"alamat{i}@example.org"}).status_code for i in range(4)]
    assert statuses == [200, 200, 429, 429]


def test_a_lapsed_registration_is_told_to_register_again(client, settings):
    _register("kedaluwarsa@example.org")
    User.objects.filter(email="kedaluwarsa@example.org").update(
        date_joined=timezone.now() - dt.timedelta(days=settings.UNCONFIRMED_MAX_AGE_DAYS + 1))
    page = _login(client, "kedaluwarsa@example.org")
    assert _resend_form(page) is None and 'data-testid="register-again"' in page
    assert "belum dikonfirmasi" not in page
    assert _resend_form(_login(Client(), "kedaluwarsa@example.org", "salah-sekali-ini")) is None
    assert 'data-testid="register-again"' not in _login(Client(), "kedaluwarsa@example.org", "salah-sekali-ini")
