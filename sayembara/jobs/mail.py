"""E-mail through an outbox: ``OutboxBackend`` (the site's EMAIL_BACKEND) stores each message as a row of
:class:`~sayembara.jobs.models.OutboundEmail` in the caller's transaction and, once it commits, asks the worker to
send it through ``OUTBOX_DELIVERY_BACKEND`` (SMTP in production). A rolled-back change sends nothing, and no
request waits for a mail server while it holds a row lock. A message that cannot be sent is tried again with a
growing wait; after ``JOB_MAX_RETRIES`` more tries it is marked failed and listed on the jobs page.
"""

from __future__ import annotations

import base64
import logging
from email.mime.base import MIMEBase

from django.conf import settings
from django.core.mail import EmailMultiAlternatives, get_connection
from django.core.mail.backends.base import BaseEmailBackend
from django.db import transaction
from django.utils import timezone

from .models import OutboundEmail

logger = logging.getLogger(__name__)

BATCH = 50  # messages per send task: a bulk mailing of 5,000 spreads over many tasks and workers


class OutboxBackend(BaseEmailBackend):
    def send_messages(self, email_messages) -> int:
        if not email_messages:
            return 0
        try:
            rows = OutboundEmail.objects.bulk_create([OutboundEmail(**_fields(m)) for m in email_messages])
        except Exception:
            if self.fail_silently:
                return 0
            raise
        pks = [row.pk for row in rows]
        transaction.on_commit(lambda: queue(pks), robust=True)
        return len(rows)


def _fields(message) -> dict:
    html = next((content for content, mimetype in getattr(message, "alternatives", []) if mimetype == "text/html"), "")
    return {
        "from_email": message.from_email or settings.DEFAULT_FROM_EMAIL, "to": list(message.to),
        "cc": list(message.cc), "bcc": list(message.bcc), "reply_to": list(message.reply_to),
        "headers": {str(k): str(v) for k, v in message.extra_headers.items()}, "subject": str(message.subject),
        "body": str(message.body), "html": str(html), "attachments": [_attachment(a) for a in message.attachments],
    }


def _attachment(attachment) -> list:
    if isinstance(attachment, MIMEBase):
        name, content, mimetype = attachment.get_filename(), attachment.get_payload(decode=True), attachment.get_content_type()
    else:
        name, content, mimetype = attachment
    data = content.encode() if isinstance(content, str) else bytes(content or b"")
    return [name or "", base64.b64encode(data).decode("ascii"), mimetype or "application/octet-stream"]


def message_of(email: OutboundEmail) -> EmailMultiAlternatives:
    message = EmailMultiAlternatives(email.subject, email.body, email.from_email, email.to, bcc=email.bcc,
                                     cc=email.cc, reply_to=email.reply_to, headers=email.headers)
    if email.html:
        message.attach_alternative(email.html, "text/html")
    for name, data, mimetype in email.attachments:
        message.attach(name, base64.b64decode(data), mimetype)
    return message


def queue(pks: list[int]) -> None:
    """Hand the messages to the worker; if the broker is down they stay pending for ``resend_outbox``."""
    from . import tasks

    for start in range(0, len(pks), BATCH):
        try:
            tasks.send_outbox.apply_async(args=(pks[start:start + BATCH],))
        except Exception:
            logger.exception("%s e-mails could not be queued; the outbox sweep will send them", len(pks) - start)
            return


def _claim(pk: int) -> bool:
    """Only one worker sends a message, even when the sweep queued it a second time."""
    return OutboundEmail.objects.filter(pk=pk, state=OutboundEmail.State.PENDING).update(
        state=OutboundEmail.State.SENDING) == 1


def deliver(pks: list[int]) -> list[int]:
    """Send each pending message; returns the ones to try again later."""
    connection = get_connection(settings.OUTBOX_DELIVERY_BACKEND, fail_silently=False)
    again = []
    try:
        for pk in pks:
            if _claim(pk) and not _send_one(connection, OutboundEmail.objects.get(pk=pk)):
                again.append(pk)
    finally:
        connection.close()
    return again


def _send_one(connection, email: OutboundEmail) -> bool:
    """True when sent or given up on; False when worth another try."""
    try:
        connection.send_messages([message_of(email)])
    except Exception as exc:
        attempts = email.attempts + 1
        gave_up = attempts > settings.JOB_MAX_RETRIES
        state = OutboundEmail.State.FAILED if gave_up else OutboundEmail.State.PENDING
        OutboundEmail.objects.filter(pk=email.pk).update(
            state=state, attempts=attempts, last_error=f"{type(exc).__name__}: {exc}"[:1000])
        logger.warning("e-mail %s not sent (try %s): %s", email.pk, attempts, exc)
        return gave_up
    OutboundEmail.objects.filter(pk=email.pk).update(
        state=OutboundEmail.State.SENT, attempts=email.attempts + 1, sent_at=timezone.now(), last_error="")
    return True
