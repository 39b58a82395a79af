"""The outbox backend: a row per message in the caller's transaction, sent after the commit, never on rollback."""

import base64
import os

import pytest
from django.core import mail
from django.core.mail import EmailMultiAlternatives, get_connection
from django.db import transaction

from sayembara.jobs import mail as outbox
from sayembara.jobs.models import OutboundEmail

LOCMEM = "django.core.mail.backends.locmem.EmailBackend"


def _outbox_connection():
    return get_connection("sayembara.jobs.mail.OutboxBackend")


def test_the_outbox_is_the_site_s_mail_backend():
    import sayembara.settings as site_settings

    if "EMAIL_BACKEND" not in os.environ:
        assert site_settings.EMAIL_BACKEND == "sayembara.jobs.mail.OutboxBackend"
    assert site_settings.OUTBOX_DELIVERY_BACKEND != "sayembara.jobs.mail.OutboxBackend"


@pytest.mark.django_db
def test_a_message_is_stored_in_the_transaction_and_queued_on_commit(django_capture_on_commit_callbacks):
    message = EmailMultiAlternatives("Undangan", "Teks", "panitia@example.org", ["a@example.org"], cc=["b@example.org"],
                                     reply_to=["c@example.org"], headers={"X-Sayembara": "1"},
                                     connection=_outbox_connection())
    message.attach_alternative("<p>Teks</p>", "text/html")
    message.attach("daftar.csv", "kode,nama\n1,A\n", "text/csv")
    with django_capture_on_commit_callbacks() as queued:
        with transaction.atomic():
            assert message.send() == 1
            email = OutboundEmail.objects.get()
            assert queued == [], "nothing is queued before the commit"
    assert len(queued) == 1
    assert (email.state, email.to, email.cc, email.reply_to, email.html) == (
        "pending", ["a@example.org"], ["b@example.org"], ["c@example.org"], "<p>Teks</p>")
    assert email.attachments == [["daftar.csv", base64.b64encode(b"kode,nama\n1,A\n").decode(), "text/csv"]]


@pytest.mark.django_db
def test_a_rolled_back_transaction_leaves_no_message_and_queues_nothing(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks() as queued:
        with pytest.raises(RuntimeError), transaction.atomic():
            mail.send_mail("Undangan", "Teks", None, ["a@example.org"], connection=_outbox_connection())
            raise RuntimeError("the change failed")
    assert queued == [] and not OutboundEmail.objects.exists()


@pytest.mark.django_db
def test_delivery_rebuilds_the_message_and_marks_it_sent(settings):
    settings.OUTBOX_DELIVERY_BACKEND = LOCMEM
    message = EmailMultiAlternatives("Undangan", "Teks", None, ["a@example.org"], bcc=["arsip@example.org"],
                                     connection=_outbox_connection())
    message.attach_alternative("<p>Teks</p>", "text/html")
    message.attach("a.txt", b"isi", "text/plain")
    message.send()
    mail.outbox = []
    email = OutboundEmail.objects.get()
    assert outbox.deliver([email.pk]) == []
    sent = mail.outbox[0]
    assert (sent.subject, sent.to, sent.bcc, sent.alternatives[0][0]) == ("Undangan", ["a@example.org"],
                                                                         ["arsip@example.org"], "<p>Teks</p>")
    assert tuple(sent.attachments[0]) == ("a.txt", "isi", "text/plain")
    email.refresh_from_db()
    assert (email.state, email.attempts) == ("sent", 1) and email.sent_at
    assert outbox.deliver([email.pk]) == [] and len(mail.outbox) == 1, "a message is sent once"


@pytest.mark.django_db
def test_a_refused_message_is_kept_for_another_try_then_given_up(settings):
    settings.OUTBOX_DELIVERY_BACKEND = "tests.jobs.backends.RefusingBackend"
    settings.JOB_MAX_RETRIES = 1
    mail.send_mail("Undangan", "Teks", None, ["a@example.org"], connection=_outbox_connection())
    email = OutboundEmail.objects.get()
    assert outbox.deliver([email.pk]) == [email.pk]
    email.refresh_from_db()
    assert (email.state, email.attempts) == ("pending", 1)
    assert outbox.deliver([email.pk]) == []
    email.refresh_from_db()
    assert (email.state, email.attempts) == ("failed", 2) and "Connection unexpectedly closed" in email.last_error
