from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Job(models.Model):
    """One run of a heavy task: what the organiser sees while it runs and after (state, progress, result, error)."""

    class State(models.TextChoices):
        QUEUED = "queued", _("Queued")
        RUNNING = "running", _("Running")
        DONE = "done", _("Done")
        FAILED = "failed", _("Failed")

    LIVE = (State.QUEUED, State.RUNNING)

    kind = models.CharField(max_length=200, help_text="The task's dotted name.")
    # A second start of the same kind and key while one is queued or running returns that one (a double click
    # starts one job). Empty: every start is a new job.
    key = models.CharField(max_length=200, null=True, blank=True)
    kwargs = models.JSONField(default=dict, blank=True)
    # The language of whoever started the job: its messages are written in it.
    language = models.CharField(max_length=10, blank=True)
    state = models.CharField(max_length=10, choices=State.choices, default=State.QUEUED, db_index=True)
    progress = models.PositiveSmallIntegerField(default=0)
    message = models.CharField(max_length=500, blank=True)
    result_url = models.CharField(max_length=500, blank=True)
    error = models.TextField(blank=True)
    attempts = models.PositiveSmallIntegerField(default=0)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+")
    # A free label such as "edition:2027", so that a page can list its jobs without a key up the layers.
    scope = models.CharField(max_length=100, blank=True, db_index=True)
    created_at = models.DateTimeField(default=timezone.now, db_index=True)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["kind", "key"], condition=Q(state__in=["queued", "running"]),
                                    name="jobs_one_live_job_per_key"),
            models.CheckConstraint(condition=Q(progress__lte=100), name="jobs_progress_at_most_100"),
        ]

    def __str__(self):
        return f"{self.kind} #{self.pk} ({self.state})"

    @property
    def is_live(self) -> bool:
        return self.state in self.LIVE

    @property
    def label(self) -> str:
        """What the job does, in words (its task's label), or the task's name."""
        from .services import UnknownTask, task_named

        try:
            return str(getattr(task_named(self.kind), "label", None) or self.kind)
        except UnknownTask:
            return self.kind

    def get_absolute_url(self):
        return reverse("jobs:status", args=[self.pk])

    def report(self, progress: int, message: str | None = None) -> None:
        """Called by the running task: how far it is (0-100) and, optionally, what it is doing, in words."""
        from . import services

        services.report(self, progress, message)


class OutboundEmail(models.Model):
    """A message written in the transaction that caused it and sent by the worker after the commit."""

    class State(models.TextChoices):
        PENDING = "pending", _("Waiting to be sent")
        SENDING = "sending", _("Being sent")
        SENT = "sent", _("Sent")
        FAILED = "failed", _("Not sent")

    from_email = models.CharField(max_length=300, blank=True)
    to = models.JSONField(default=list)
    cc = models.JSONField(default=list, blank=True)
    bcc = models.JSONField(default=list, blank=True)
    reply_to = models.JSONField(default=list, blank=True)
    headers = models.JSONField(default=dict, blank=True)
    subject = models.TextField()
    body = models.TextField(blank=True)
    html = models.TextField(blank=True)
    # [[file name, base64 content, MIME type], ...]
    attachments = models.JSONField(default=list, blank=True)
    state = models.CharField(max_length=10, choices=State.choices, default=State.PENDING, db_index=True)
    attempts = models.PositiveSmallIntegerField(default=0)
    last_error = models.TextField(blank=True)
    created_at = models.DateTimeField(default=timezone.now, db_index=True)
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return f"{self.subject} → {', '.join(self.to)}"
