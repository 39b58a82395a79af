"""Innovations (lasting) and entries (an innovation entered in one edition)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Innovation(models.Model):
    """A service improvement of a unit. It outlives any one contest."""

    class Status(models.TextChoices):
        ACTIVE = "active", _("Active")
        STOPPED = "stopped", _("Stopped")

    class Maturity(models.TextChoices):
        INITIATIVE = "inisiatif", _("Initiative")
        TRIAL = "uji_coba", _("Trial")
        IMPLEMENTATION = "penerapan", _("Implementation")

    class Form(models.TextChoices):
        GOVERNANCE = "tata_kelola", _("Governance")
        PUBLIC_SERVICE = "pelayanan_publik", _("Public service")
        OTHER = "lainnya", _("Other")

    title = models.CharField(_("title"), max_length=200)
    institution = models.ForeignKey(
        "institutions.Institution", on_delete=models.PROTECT, related_name="innovations", verbose_name=_("institution")
    )
    summary = models.TextField(_("summary"), blank=True)
    started_on = models.DateField(_("in operation since"), null=True, blank=True)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.ACTIVE)
    maturity = models.CharField(_("maturity"), max_length=12, choices=Maturity.choices, default=Maturity.IMPLEMENTATION)
    form = models.CharField(_("form"), max_length=20, choices=Form.choices, default=Form.PUBLIC_SERVICE)
    is_digital = models.BooleanField(_("digital"), default=False)
    replicated_from = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="replications",
        verbose_name=_("replicated from"),
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        ordering = ["title"]
        verbose_name = _("innovation")
        verbose_name_plural = _("innovations")

    def __str__(self) -> str:
        return self.title


class EntryQuerySet(models.QuerySet):
    def submitted(self):
        return self.exclude(status__in=[Entry.Status.DRAFT, Entry.Status.WITHDRAWN])

    def visible_to_public(self):
        """Entries the public may see: those that passed administrative screening."""
        return self.filter(status__in=Entry.PUBLIC_STATUSES)


class Entry(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        SENT = "sent", _("Sent to unit verifier")
        RETURNED = "returned", _("Returned for correction")
        VERIFIED = "verified", _("Verified by unit")
        PASSED = "passed", _("Passed screening")
        FAILED = "failed", _("Failed screening")
        WITHDRAWN = "withdrawn", _("Withdrawn")

    PUBLIC_STATUSES = [Status.PASSED]

    edition = models.ForeignKey("editions.Edition", on_delete=models.PROTECT, related_name="entries", verbose_name=_("edition"))
    innovation = models.ForeignKey(Innovation, on_delete=models.PROTECT, related_name="entries", verbose_name=_("innovation"))
    institution = models.ForeignKey(
        "institutions.Institution", on_delete=models.PROTECT, related_name="entries", verbose_name=_("institution")
    )
    category = models.ForeignKey(
        "editions.Category", on_delete=models.PROTECT, null=True, blank=True, related_name="entries", verbose_name=_("category")
    )
    # Title as entered this year; the innovation may be renamed later.
    title = models.CharField(_("title"), max_length=200)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.DRAFT)
    # A short public number ("KIPP-2020-007") people can quote on the phone.
    code = models.CharField(_("entry number"), max_length=30, unique=True)
    video_url = models.URLField(_("video link"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="created_entries",
        verbose_name=_("created by"),
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)
    # The furthest stage this entry reached (None before judging starts).
    reached_stage = models.ForeignKey(
        "editions.Stage", on_delete=models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("reached stage")
    )
    # Optimistic locking: a save carrying an older version is refused.
    version = models.PositiveIntegerField(default=1)

    objects = EntryQuerySet.as_manager()

    class Meta:
        ordering = ["edition", "code"]
        verbose_name = _("entry")
        verbose_name_plural = _("entries")
        constraints = [
            models.UniqueConstraint(fields=["edition", "innovation"], name="one_entry_per_innovation_per_edition")
        ]
        indexes = [models.Index(fields=["edition", "status"])]

    def __str__(self) -> str:
        return f"{self.code} {self.title}"


class TeamMember(models.Model):
    entry = models.ForeignKey(Entry, on_delete=models.CASCADE, related_name="team", verbose_name=_("entry"))
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="team_memberships",
        verbose_name=_("user"),
    )
    name = models.CharField(_("name"), max_length=150)
    role = models.CharField(_("role in the team"), max_length=80, blank=True)
    is_lead = models.BooleanField(_("team lead"), default=False)

    class Meta:
        ordering = ["entry", "-is_lead", "name"]
        verbose_name = _("team member")
        verbose_name_plural = _("team members")

    def __str__(self) -> str:
        return self.name


class ProposalAnswer(models.Model):
    entry = models.ForeignKey(Entry, on_delete=models.CASCADE, related_name="answers", verbose_name=_("entry"))
    section = models.ForeignKey(
        "editions.ProposalSection", on_delete=models.PROTECT, related_name="answers", verbose_name=_("section")
    )
    text = models.TextField(_("text"), blank=True)

    class Meta:
        ordering = ["entry", "section__order"]
        verbose_name = _("proposal answer")
        verbose_name_plural = _("proposal answers")
        constraints = [models.UniqueConstraint(fields=["entry", "section"], name="one_answer_per_section")]

    def __str__(self) -> str:
        return f"{self.entry.code} – {self.section.title}"

    @property
    def word_count(self) -> int:
        return len(self.text.split())
