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
