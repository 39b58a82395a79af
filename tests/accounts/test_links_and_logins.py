"""Links that expire and work once, registrations that reveal nothing, confirmations, and login throttling."""

import datetime as dt
import re

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from sayembara.accounts import membership
from sayembara.accounts.models import User
from sayembara.accounts.roles import INNOVATOR, JUROR, roles_of
from sayembara.jury import services as jury_services
from sayembara.jury.models import Juror

pytestmark = pytest.mark.django_db
PASSWORD = "kopi-tubruk-pagi"


def _link(message) -> str:
    return re.search(r"https?://\S+", message.body).group(0).replace("http://testserver", "")


def _register(client, email, name="Siti"):
    return client.post(reverse("accounts:register"), {"full_name": name, "email": email, "password1": PASSWORD,
                                                      "password2": PASSWORD})


# --- Registration and confirmation ------------------------------------------------------------


def test_registration_answers_the_same_whether_or_not_the_address_has_an_account(client, demo_users):
    taken = _register(client, "Inovator.Dukcapil@pemalang.demo")
    fresh = _register(Client(), "baru@example.org")
    assert taken.status_code == fresh.status_code == 302 and taken["Location"] == fresh["Location"]
    # The owner of the taken address is told by e-mail; nothing about the account changed.
    owner_mail = next(m for m in mail.outbox if m.to == ["inovator.dukcapil@pemalang.demo"])
    assert "sudah memiliki akun" in owner_mail.body
    assert User.objects.filter(email__iexact="inovator.dukcapil@pemalang.demo").count() == 1
    assert demo_users["innovator"].check_password("pemalang-demo-2020")


def test_a_squatted_registration_cannot_take_the_owners_address(client):
    """Someone registers the owner's address with their own password; the owner cannot be made to activate it."""
    _register(client, "rebutan@example.org", name="Penyerobot")
    squatters_link = _link(mail.outbox[-1])  # lands in the owner's mailbox, never with the squatter
    owner = Client()
    # The owner (or her mail scanner) follows the link: nothing is confirmed without the squatter's password.
    assert owner.get(squatters_link).status_code == 200
    assert owner.post(squatters_link, {"password": "tebak-tebakan"}).status_code == 400
    assert not User.objects.get(email="rebutan@example.org").is_active
    # The owner registers her address herself: the newest registration wins, the squatter's link is spent.
    _register(owner, "rebutan@example.org", name="Pemilik")
    owners_link = _link(mail.outbox[-1])
    assert owner.get(squatters_link).status_code == 400
    assert owner.post(owners_link, {"password": PASSWORD}).status_code == 302
    account = User.objects.get(email="rebutan@example.org")
    assert account.full_name == "Pemilik" and account.is_active and account.check_password(PASSWORD)
    assert User.objects.filter(email__iexact="rebutan@example.org").count() == 1


def test_a_suspended_account_is_neither_expired_nor_taken_over(demo_users, settings):
    from django.core.management import call_command

    juror = demo_users["juror"]
    User.objects.filter(pk=juror.pk).update(is_active=False, email_confirmed_at=None,
                                            date_joined=timezone.now() - dt.timedelta(days=400))
    response = _register(Client(), juror.email, name="Penyerobot")
    assert response.status_code == 302
    call_command("expire_unconfirmed")
    juror = User.objects.get(pk=juror.pk)
    assert juror.full_name != "Penyerobot" and juror.check_password("pemalang-demo-2020")


def test_the_cleanup_command_removes_expired_registrations_only(settings):
    from django.core.management import call_command

    _register(Client(), "lama@example.org")
    _register(Client(), "baru@example.org")
    User.objects.filter(email="lama@example.org").update(date_joined=timezone.now() - dt.timedelta(days=30))
    call_command("expire_unconfirmed")
    assert not User.objects.filter(email="lama@example.org").exists()
    # A registration someone made a juror meanwhile is kept (a juror's account cannot just vanish).
    _register(Client(), "calon.juri@example.org")
    pending = User.objects.get(email="calon.juri@example.org")
    Juror.objects.create(edition=Juror.objects.first().edition, user=pending, element="ngo")
    User.objects.filter(pk=pending.pk).update(date_joined=timezone.now() - dt.timedelta(days=30))
    call_command("expire_unconfirmed")
    assert User.objects.filter(pk=pending.pk).exists()
    assert User.objects.filter(email="baru@example.org").exists()


def test_logging_in_before_confirming_says_so_and_offers_a_new_link(client):
    _register(client, "belum@example.org")
    first_link = _link(mail.outbox[-1])
    response = client.post(reverse("accounts:login"), {"username": "Belum@Example.org", "password": PASSWORD})
    page = response.content.decode()
    assert response.status_code == 200 and "belum dikonfirmasi" in page
    assert reverse("accounts:resend_confirmation") in page
    # With a wrong password nothing is revealed.
    wrong = client.post(reverse("accounts:login"), {"username": "belum@example.org", "password": "salah-sekali"})
    assert "belum dikonfirmasi" not in wrong.content.decode()
    mail.outbox.clear()
    client.post(reverse("accounts:resend_confirmation"), {"email": "belum@example.org"})
    assert len(mail.outbox) == 1
    assert Client().post(_link(mail.outbox[-1]), {"password": PASSWORD}).status_code == 302
    assert User.objects.get(email="belum@example.org").is_active
    # Each link works once: the account changed, so the first link is spent too.
    assert client.get(first_link).status_code == 400


def test_registration_is_rate_limited_per_address(settings):
    settings.REGISTRATIONS_PER_HOUR = 3
    client = Client(REMOTE_ADDR="203.0.113.9")
    statuses = [_register(client, f"massal{i}@example.org").status_code for i in range(6)]
    assert statuses[:3] == [302, 302, 302] and statuses[3:] == [429, 429, 429]
    assert User.objects.filter(email__startswith="massal").count() == 3
    assert _register(Client(REMOTE_ADDR="198.51.100.4"), "lain@example.org").status_code == 302


# --- Invitations -------------------------------------------------------------------------------


def _invite(verifier_client, email="undangan@example.org"):
    verifier_client.post(reverse("accounts:invite"), {"full_name": "Undangan", "email": email,
                                                      "institution": User.objects.get(email="verifikator.dukcapil@pemalang.demo").verified_institution_id})
    return _link(mail.outbox[-1])


def test_a_unit_invitation_works_once(client_as):
    link = _invite(client_as("verifier"))
    anonymous = Client()
    assert anonymous.get(link).status_code == 200
    assert anonymous.post(link, {"new_password1": PASSWORD, "new_password2": PASSWORD}).status_code == 302
    assert anonymous.get(link).status_code == 400
    assert anonymous.post(link, {"new_password1": "lain-lagi-kata", "new_password2": "lain-lagi-kata"}).status_code == 400
    assert User.objects.get(email="undangan@example.org").check_password(PASSWORD)


def test_a_unit_invitation_expires(client_as, settings):
    link = _invite(client_as("verifier"))
    settings.INVITATION_MAX_AGE_DAYS = -1  # any age is too old
    assert Client().get(link).status_code == 400


def test_a_jury_invitation_expires_and_works_once(demo_users, settings):
    edition = Juror.objects.filter(user=demo_users["juror"]).first().edition
    juror = jury_services.invite_juror(edition, "juri.baru@example.org", "Juri Baru", "academic")
    link = reverse("jury:invitation", args=[juror.invitation_token])
    Juror.objects.filter(pk=juror.pk).update(invited_at=timezone.now() - dt.timedelta(days=settings.INVITATION_MAX_AGE_DAYS + 1))
    assert Client().get(link).status_code == 404
    Juror.objects.filter(pk=juror.pk).update(invited_at=timezone.now())
    client = Client()
    assert client.post(link, {"password1": PASSWORD, "password2": PASSWORD}).status_code == 302
    assert Client().get(link).status_code == 404


def test_a_jury_invitation_never_logs_an_existing_account_in_and_keeps_its_other_roles(demo_users):
    innovator = demo_users["innovator"]
    assert roles_of(innovator) == {INNOVATOR}
    edition = Juror.objects.filter(user=demo_users["juror"]).first().edition
    Juror.objects.filter(edition=edition, user=innovator).delete()
    juror = jury_services.invite_juror(edition, innovator.email.upper(), "x", "bureaucracy")
    link = reverse("jury:invitation", args=[juror.invitation_token])
    stranger = Client()
    response = stranger.post(link, {})
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    assert "_auth_user_id" not in stranger.session
    juror.refresh_from_db()
    assert juror.invitation_accepted_at is None
    # Someone else logged in cannot accept it either.
    other = Client()
    other.force_login(demo_users["verifier"], backend="django.contrib.auth.backends.ModelBackend")
    assert other.post(link, {}).status_code == 403
    owner = Client()
    owner.force_login(innovator, backend="django.contrib.auth.backends.ModelBackend")
    assert owner.post(link, {}).status_code == 302
    juror.refresh_from_db()
    innovator = User.objects.get(pk=innovator.pk)
    assert juror.invitation_accepted_at is not None and juror.invitation_token == ""
    assert roles_of(innovator) == {INNOVATOR, JUROR}
    assert innovator.institution_id == demo_users["verifier"].verified_institution_id


def test_a_new_jurors_affiliation_is_not_a_unit_membership(demo_users):
    edition = Juror.objects.filter(user=demo_users["juror"]).first().edition
    dukcapil = demo_users["verifier"].verified_institution
    juror = jury_services.invite_juror(edition, "birokrat@example.org", "Birokrat", "bureaucracy", affiliation=dukcapil)
    assert juror.user.institution is None and not juror.user.memberships.exists()
    assert INNOVATOR not in roles_of(juror.user)


# --- Login throttling ----------------------------------------------------------------------------


def _login(client, username, password, **extra):
    return client.post(reverse("accounts:login"), {"username": username, "password": password}, **extra)


def test_five_wrong_passwords_in_mixed_case_lock_that_account_for_that_client(settings, demo_users):
    client = Client(REMOTE_ADDR="203.0.113.20")
    for spelling in ["Juri.Akademisi@pemalang.demo", "JURI.AKADEMISI@PEMALANG.DEMO", " juri.akademisi@pemalang.demo",
                     "juri.akademisi@Pemalang.Demo", "juri.akademisi@pemalang.demo"][: settings.AXES_FAILURE_LIMIT]:
        _login(client, spelling, "salah")
    assert _login(client, "juri.akademisi@pemalang.demo", "pemalang-demo-2020").status_code == 429
    # The juror at their own address still logs in.
    assert _login(Client(REMOTE_ADDR="198.51.100.30"), "juri.akademisi@pemalang.demo", "pemalang-demo-2020").status_code == 302


def test_behind_a_proxy_the_real_client_address_counts(settings, demo_users):
    settings.PROXY_COUNT = 1
    proxy = "10.0.0.2"
    attacker = Client(REMOTE_ADDR=proxy, HTTP_X_FORWARDED_FOR="203.0.113.66")
    for _ in range(settings.AXES_FAILURE_LIMIT + 2):
        _login(attacker, "juri.akademisi@pemalang.demo", "salah")
    assert _login(attacker, "juri.akademisi@pemalang.demo", "pemalang-demo-2020").status_code == 429
    # The juror comes through the same proxy during live scoring and is not locked out.
    juror = Client(REMOTE_ADDR=proxy, HTTP_X_FORWARDED_FOR="198.51.100.31")
    assert _login(juror, "juri.akademisi@pemalang.demo", "pemalang-demo-2020").status_code == 302
    # A spoofed header cannot pick another client's address: only the hop the proxy added counts.
    spoofer = Client(REMOTE_ADDR=proxy, HTTP_X_FORWARDED_FOR="198.51.100.31, 203.0.113.66")
    assert _login(spoofer, "juri.akademisi@pemalang.demo", "pemalang-demo-2020").status_code == 429


def test_membership_request_is_refused_for_an_outside_body(demo_users):
    from sayembara.institutions.models import Institution

    undip = Institution.objects.get(short_name="Undip")
    with pytest.raises(membership.MembershipError):
        membership.request_membership(demo_users["outsider"], undip)


def test_look_alike_letters_share_the_accounts_login_budget(settings, demo_users):
    """PostgreSQL matches "jurı" (dotless i) to "juri": the throttle counts the account, not the spelling."""
    from sayembara.accounts.auth import login_username

    real = login_username(None, {"username": "juri.akademisi@pemalang.demo"})
    assert login_username(None, {"username": " JURI.Akademisi@Pemalang.demo "}) == real
    assert login_username(None, {"username": "nobody@example.org"}) == "nobody@example.org"


def test_password_reset_mails_are_rate_limited_per_client_and_per_address(settings, demo_users):
    settings.PASSWORD_RESETS_PER_HOUR = 3
    url = reverse("accounts:password_reset")
    one = Client(REMOTE_ADDR="203.0.113.70")
    statuses = [one.post(url, {"email": demo_users["juror"].email}).status_code for _ in range(5)]
    assert statuses == [302, 302, 302, 429, 429]
    # From many addresses, one mailbox still gets no more than the limit.
    others = [Client(REMOTE_ADDR=f"198.51.100.{n}").post(url, {"email": demo_users["innovator"].email}).status_code
              for n in range(1, 6)]
    assert others == [302, 302, 302, 429, 429]
    assert sum(1 for m in mail.outbox if m.to == [demo_users["innovator"].email]) == 3


def test_a_line_break_in_a_name_is_flattened_not_a_500(client_as, demo_users):
    client = client_as("outsider")
    unit = demo_users["verifier"].verified_institution
    response = client.post(reverse("accounts:profile"), {
        "full_name": "Orang\r\nBcc: semua@example.org", "unit": unit.pk, "position": "Staf\nX", "phone": "0812"})
    assert response.status_code == 302
    person = User.objects.get(pk=demo_users["outsider"].pk)
    assert person.full_name == "Orang Bcc: semua@example.org" and person.position == "Staf X"
    assert "\n" not in mail.outbox[-1].subject


def test_an_over_long_address_is_refused_by_the_form(client):
    address = "a" * 250 + "@example.org"
    response = _register(client, address)
    assert response.status_code == 200 and not User.objects.filter(email=address).exists()
