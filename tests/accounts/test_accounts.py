"""Registration with e-mail confirmation, invitations, password reset and the first-login profile."""

import re

import pytest
from django.core import mail
from django.urls import reverse

from sayembara.accounts.models import User
from sayembara.institutions.models import Institution

pytestmark = pytest.mark.django_db


def _link(message) -> str:
    return re.search(r"https?://\S+", message.body).group(0).replace("http://testserver", "")


def test_register_confirm_login_and_complete_profile(client):
    response = client.post(reverse("accounts:register"), {
        "full_name": "Siti Aminah", "email": "Siti@Desa-Beluk.test", "password1": "kopi-tubruk-pagi", "password2": "kopi-tubruk-pagi"})
    assert response.status_code == 302
    user = User.objects.get(email="siti@desa-beluk.test")
    assert not user.is_active and user.needs_profile
    assert "Konfirmasi" in mail.outbox[-1].subject
    link = _link(mail.outbox[-1])
    # Following the link (as a mail scanner would) confirms nothing; the password chosen at registration does.
    assert client.get(link).status_code == 200
    user.refresh_from_db()
    assert not user.is_active
    assert client.post(link, {"password": "bukan-sandinya"}).status_code == 400
    assert client.post(link, {"password": "kopi-tubruk-pagi"}).status_code == 302
    user.refresh_from_db()
    assert user.is_active and not user.registration_pending
    assert client.get(reverse("accounts:dashboard"))["Location"] == reverse("accounts:profile")
    unit = Institution.objects.get(short_name="Beluk")
    response = client.post(reverse("accounts:profile"), {
        "full_name": "Siti Aminah", "unit": unit.pk, "position": "Kaur Pelayanan", "phone": "0812"})
    assert response.status_code == 302
    # Naming the village only asks to join it: no role until someone approves.
    user.refresh_from_db()
    assert user.institution is None
    assert client.get(reverse("accounts:dashboard"))["Location"] == reverse("accounts:profile")
    assert "menunggu persetujuan" in client.get(reverse("accounts:profile")).content.decode()


def test_registration_refuses_weak_and_mismatched_passwords(client):
    response = client.post(reverse("accounts:register"), {
        "full_name": "A", "email": "a@b.test", "password1": "12345678901", "password2": "12345678901"})
    assert response.status_code == 200 and not User.objects.filter(email="a@b.test").exists()
    response = client.post(reverse("accounts:register"), {
        "full_name": "A", "email": "a@b.test", "password1": "kopi-tubruk-pagi", "password2": "kopi-tubruk-sore"})
    assert "tidak sama" in response.content.decode()


def test_verifier_invites_for_own_unit_only(client_as, demo_users):
    c = client_as("verifier")
    other = Institution.objects.get(short_name="Dinkes")
    c.post(reverse("accounts:invite"), {"full_name": "Budi", "email": "budi@x.test", "institution": other.pk})
    assert not User.objects.filter(email="budi@x.test").exists()
    own = demo_users["verifier"].verified_institution
    c.post(reverse("accounts:invite"), {"full_name": "Budi", "email": "budi@x.test", "institution": own.pk})
    invited = User.objects.get(email="budi@x.test")
    # The invitation is the unit's approval given in advance.
    assert invited.institution == own and not invited.is_active
    assert invited.memberships.get().status == "approved" and invited.memberships.get().by_invitation
    anonymous = client_as("anonymous")
    link = _link(mail.outbox[-1])
    response = anonymous.post(link, {"new_password1": "teh-manis-hangat", "new_password2": "teh-manis-hangat"})
    assert response.status_code == 302
    invited.refresh_from_db()
    assert invited.is_active and invited.check_password("teh-manis-hangat")
    # The link works once.
    assert anonymous.get(link).status_code == 400


def test_password_reset_sends_a_link(client, demo_users):
    client.post(reverse("accounts:password_reset"), {"email": demo_users["innovator"].email})
    assert mail.outbox and "/accounts/password-reset/" in mail.outbox[-1].body
