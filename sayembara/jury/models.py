"""Jurors, their assignments to entries and their score sheets."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _


class Juror(models.Model):
    """A person sitting on the jury of one edition."""

    class Element(models.TextChoices):
        # The three elements (unsur) of a Pemalang jury, after the source article.
        ACADEMIC = "academic", _("Academic")
        NGO = "ngo", _("NGO")
        BUREAUCRACY = "bureaucracy", _("Bureaucracy")
        OTHER = "other", _("Other")

    edition = models.ForeignKey("editions.Edition", on_delete=models.CASCADE, related_name="jurors", verbose_name=_("edition"))
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="juror_roles", verbose_name=_("user")
    )
    element = models.CharField(_("element"), max_length=12, choices=Element.choices)
    affiliation = models.ForeignKey(
        "institutions.Institution",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="jurors",
        verbose_name=_("affiliation"),
    )
    max_load = models.PositiveIntegerField(_("maximum entries"), null=True, blank=True)
    code_of_conduct_accepted_at = models.DateTimeField(_("code of conduct accepted at"), null=True, blank=True)
    # Categories the juror knows well; the assignment prefers matching entries.
    expertise = models.ManyToManyField("editions.Category", blank=True, related_name="experts", verbose_name=_("expertise"))
    # The secret of the e-mailed invitation link; emptied once the invitation is accepted.
    invitation_token = models.CharField(_("invitation token"), max_length=64, blank=True, db_index=True)
    invited_at = models.DateTimeField(_("invited at"), null=True, blank=True)
    invitation_accepted_at = models.DateTimeField(_("invitation accepted at"), null=True, blank=True)
    reminded_at = models.DateTimeField(_("last reminded at"), null=True, blank=True)

    class Meta:
        ordering = ["edition", "element", "user__full_name"]
        verbose_name = _("juror")
        verbose_name_plural = _("jurors")
        constraints = [models.UniqueConstraint(fields=["edition", "user"], name="one_juror_role_per_edition")]

    def __str__(self) -> str:
        return f"{self.user} ({self.get_element_display()})"


class Assignment(models.Model):
    stage = models.ForeignKey("editions.Stage", on_delete=models.CASCADE, related_name="assignments", verbose_name=_("stage"))
    juror = models.ForeignKey(Juror, on_delete=models.CASCADE, related_name="assignments", verbose_name=_("juror"))
    entry = models.ForeignKey("entries.Entry", on_delete=models.CASCADE, related_name="assignments", verbose_name=_("entry"))
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("assignment")
        verbose_name_plural = _("assignments")
        constraints = [models.UniqueConstraint(fields=["stage", "juror", "entry"], name="unique_assignment")]

    def __str__(self) -> str:
        return f"{self.stage} · {self.juror} · {self.entry}"


class ScoreSheet(models.Model):
    """One juror's judgement of one entry in one stage."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        SUBMITTED = "submitted", _("Submitted")

    stage = models.ForeignKey("editions.Stage", on_delete=models.PROTECT, related_name="sheets", verbose_name=_("stage"))
    juror = models.ForeignKey(Juror, on_delete=models.PROTECT, related_name="sheets", verbose_name=_("juror"))
    entry = models.ForeignKey("entries.Entry", on_delete=models.PROTECT, related_name="sheets", verbose_name=_("entry"))
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.DRAFT)
    comment = models.TextField(_("overall comment"), blank=True)
    # Set when the organiser keyed in a paper sheet on the juror's behalf.
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("entered on the juror's behalf by"),
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        verbose_name = _("score sheet")
        verbose_name_plural = _("score sheets")
        constraints = [
            models.UniqueConstraint(fields=["stage", "juror", "entry"], name="one_sheet_per_juror_entry_stage")
        ]
        indexes = [models.Index(fields=["stage", "status"])]

    def __str__(self) -> str:
        return f"{self.stage} · {self.juror} · {self.entry}"


class Score(models.Model):
    """The score for one criterion on one sheet. A criterion without a row is unscored, never zero."""

    sheet = models.ForeignKey(ScoreSheet, on_delete=models.CASCADE, related_name="scores", verbose_name=_("sheet"))
    criterion = models.ForeignKey(
        "editions.Criterion", on_delete=models.PROTECT, related_name="scores", verbose_name=_("criterion")
    )
    value = models.DecimalField(_("score"), max_digits=6, decimal_places=2)
    justification = models.TextField(_("justification"), blank=True)

    class Meta:
        verbose_name = _("score")
        verbose_name_plural = _("scores")
        constraints = [models.UniqueConstraint(fields=["sheet", "criterion"], name="one_score_per_criterion")]

    def __str__(self) -> str:
        return f"{self.criterion}: {self.value}"

    def clean(self):
        if self.criterion.stage_id != self.sheet.stage_id:
            raise ValidationError(_("This criterion belongs to another stage."))
        if self.value is not None and not self.criterion.accepts(self.value):
            raise ValidationError(
                {
                    "value": _("A score for “%(criterion)s” must be between %(low)s and %(high)s.")
                    % {"criterion": self.criterion.name, "low": self.criterion.min_score, "high": self.criterion.max_score}
                }
            )

    def save(self, *args, **kwargs):
        # The range rule is a rule of the data, not of one form: enforce it on every save.
        self.clean()
        super().save(*args, **kwargs)


class Conflict(models.Model):
    class Kind(models.TextChoices):
        SAME_UNIT = "same_unit", _("Same unit")
        HIERARCHY = "hierarchy", _("Superior or subordinate")
        FAMILY = "family", _("Family")
        ADVISER = "adviser", _("Adviser to the innovation")
        TEAM = "team", _("Member of the team")
        OTHER = "other", _("Other")

    class Source(models.TextChoices):
        AUTOMATIC = "automatic", _("Detected automatically")
        DECLARED = "declared", _("Declared by the juror")
        RECORDED = "recorded", _("Recorded by the organiser")

    juror = models.ForeignKey(Juror, on_delete=models.CASCADE, related_name="conflicts", verbose_name=_("juror"))
    entry = models.ForeignKey("entries.Entry", on_delete=models.CASCADE, related_name="conflicts", verbose_name=_("entry"))
    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices)
    source = models.CharField(_("source"), max_length=10, choices=Source.choices)
    note = models.TextField(_("note"), blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("conflict of interest")
        verbose_name_plural = _("conflicts of interest")
        constraints = [models.UniqueConstraint(fields=["juror", "entry"], name="one_conflict_per_pair")]

    def __str__(self) -> str:
        return f"{self.juror} × {self.entry}"


class StageJury(models.Model):
    """How a stage's jury was assigned, and whether that assignment is locked."""

    class Mode(models.TextChoices):
        AUTOMATIC = "automatic", _("Automatic (optimal, K jurors per entry)")
        FULL_PANEL = "full_panel", _("Full panel (every juror scores every entry)")

    stage = models.OneToOneField("editions.Stage", on_delete=models.CASCADE, related_name="jury", verbose_name=_("stage"))
    mode = models.CharField(_("mode"), max_length=12, choices=Mode.choices, default=Mode.AUTOMATIC)
    per_entry = models.PositiveSmallIntegerField(_("jurors per entry"), default=3)
    # Constraints the organiser knowingly relaxed for the last run ("elements", "max_load").
    relaxed = models.JSONField(_("relaxed constraints"), default=list, blank=True)
    seed = models.PositiveIntegerField(_("random seed"), null=True, blank=True)
    assigned_at = models.DateTimeField(_("assigned at"), null=True, blank=True)
    assigned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
        verbose_name=_("assigned by"),
    )
    optimal = models.BooleanField(_("all constraints met"), default=False)
    # The solver's list of unmet constraints: [{"entry": code, "constraint": ..., "detail": ...}].
    unmet = models.JSONField(_("unmet constraints"), default=list, blank=True)
    locked_at = models.DateTimeField(_("locked at"), null=True, blank=True)
    locked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
        verbose_name=_("locked by"),
    )

    class Meta:
        verbose_name = _("stage jury")
        verbose_name_plural = _("stage juries")

    def __str__(self) -> str:
        return f"{self.stage} · {self.get_mode_display()}"

    @property
    def locked(self) -> bool:
        return self.locked_at is not None


class TimeSlot(models.Model):
    """One entry's turn before the jury in a room, for presentation and interview stages."""

    stage = models.ForeignKey("editions.Stage", on_delete=models.CASCADE, related_name="slots", verbose_name=_("stage"))
    entry = models.ForeignKey("entries.Entry", on_delete=models.CASCADE, related_name="slots", verbose_name=_("entry"))
    room = models.CharField(_("room"), max_length=80)
    starts_at = models.DateTimeField(_("starts at"))
    presentation_minutes = models.PositiveSmallIntegerField(_("presentation (minutes)"), default=10)
    questions_minutes = models.PositiveSmallIntegerField(_("questions (minutes)"), default=20)

    class Meta:
        ordering = ["stage", "starts_at", "room"]
        verbose_name = _("time slot")
        verbose_name_plural = _("time slots")
        constraints = [models.UniqueConstraint(fields=["stage", "entry"], name="one_slot_per_entry_and_stage")]

    def __str__(self) -> str:
        return f"{self.room} {self.starts_at:%H:%M} · {self.entry.code}"

    @property
    def ends_at(self):
        import datetime as dt

        return self.starts_at + dt.timedelta(minutes=self.presentation_minutes + self.questions_minutes)


class SheetReopening(models.Model):
    """The organiser reopened a submitted sheet; the reason is kept for auditors."""

    sheet = models.ForeignKey(ScoreSheet, on_delete=models.CASCADE, related_name="reopenings", verbose_name=_("sheet"))
    reopened_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("reopened by")
    )
    reason = models.TextField(_("reason"))
    created_at = models.DateTimeField(_("reopened at"), auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("sheet reopening")
        verbose_name_plural = _("sheet reopenings")

    def __str__(self) -> str:
        return f"{self.sheet} · {self.created_at:%Y-%m-%d %H:%M}"


class SubmissionKey(models.Model):
    """A key the live page made for one score submission, and the answer it got.

    A key belongs to one juror's sheet (juror, stage, entry): a resend of the same
    key for the same sheet gets the stored answer and changes nothing; the same
    key sent by another juror, or for another entry, is another submission.
    """

    MAX_LENGTH = 64

    key = models.CharField(_("key"), max_length=MAX_LENGTH)
    juror = models.ForeignKey(Juror, on_delete=models.CASCADE, related_name="submission_keys", verbose_name=_("juror"))
    stage = models.ForeignKey("editions.Stage", on_delete=models.CASCADE, related_name="+", verbose_name=_("stage"))
    entry = models.ForeignKey("entries.Entry", on_delete=models.CASCADE, related_name="+", verbose_name=_("entry"))
    sheet = models.ForeignKey(ScoreSheet, on_delete=models.CASCADE, related_name="submission_keys", verbose_name=_("sheet"))
    # The JSON answer the first send got, returned as is to every resend.
    result = models.JSONField(_("result"), default=dict, blank=True)
    created_at = models.DateTimeField(_("received at"), auto_now_add=True)

    class Meta:
        verbose_name = _("submission key")
        verbose_name_plural = _("submission keys")
        constraints = [
            models.UniqueConstraint(fields=["juror", "stage", "entry", "key"], name="one_submission_key_per_sheet")
        ]

    def __str__(self) -> str:
        return self.key


class EntryAlias(models.Model):
    """How an entry is named and shown to jurors within one stage.

    Every stage gives each entry a random pseudonym, used in the jurors' pages and links instead of the
    entry's public code or database number, so nothing a juror sees can be joined with a public list or with
    another stage's pages. In a blind stage the alias also holds the masked copy (title and proposal text)
    that jurors read, made once by ``jury.blind`` when the stage opens or the entry changes, with what was
    masked and what may remain, for the organiser.
    """

    stage = models.ForeignKey("editions.Stage", on_delete=models.CASCADE, related_name="aliases", verbose_name=_("stage"))
    entry = models.ForeignKey("entries.Entry", on_delete=models.CASCADE, related_name="aliases", verbose_name=_("entry"))
    pseudonym = models.CharField(_("pseudonym"), max_length=12)
    title = models.CharField(_("title shown"), max_length=300, blank=True)
    answers = models.JSONField(_("proposal text shown"), default=list, blank=True)
    masked = models.JSONField(_("masked"), default=list, blank=True)
    leftovers = models.JSONField(_("may still name the makers"), default=list, blank=True)
    # The entry's version the masked copy was made from: a newer entry is masked again.
    source_version = models.PositiveIntegerField(default=0)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("entry pseudonym")
        verbose_name_plural = _("entry pseudonyms")
        constraints = [
            models.UniqueConstraint(fields=["stage", "entry"], name="one_alias_per_entry_and_stage"),
            models.UniqueConstraint(fields=["stage", "pseudonym"], name="unique_pseudonym_per_stage"),
        ]

    def __str__(self) -> str:
        return self.pseudonym
