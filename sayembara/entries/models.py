"""Innovations (lasting) and entries (an innovation entered in one edition)."""

from decimal import Decimal

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from sayembara.editions.models import FormQuerySet


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
        return self.exclude(status__in=Entry.NOT_SENT)

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
    # Not (or no longer) sent: the one definition of "submitted" is every other status (EntryQuerySet.submitted).
    NOT_SENT = (Status.DRAFT, Status.WITHDRAWN)

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


def answers_in_form(entry, answers) -> list:
    """Of ``answers`` (loaded with their sections), those of the form ``entry`` fills now: an answer left from a form
    it no longer fills (its category moved to another group) is neither printed nor shown to jurors.
    ``entry.category`` is read when its group matters (select it with the entry when listing many)."""
    answers = list(answers)
    if not any(a.section.group_id for a in answers):
        return answers
    group_id = entry.category.group_id if entry.category_id else None
    return [a for a in answers if a.section.group_id is None or a.section.group_id == group_id]


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


# --- Edition-level configuration of the proposal form ----------------------


class SDG(models.Model):
    """One of the 17 Sustainable Development Goals (Tujuan Pembangunan Berkelanjutan, TPB)."""

    number = models.PositiveSmallIntegerField(_("number"), unique=True)
    name_id = models.CharField(_("name (Indonesian)"), max_length=120)
    name_en = models.CharField(_("name (English)"), max_length=120)

    class Meta:
        ordering = ["number"]
        verbose_name = _("sustainable development goal")
        verbose_name_plural = _("sustainable development goals")

    def __str__(self) -> str:
        from django.utils.translation import get_language

        name = self.name_en if (get_language() or "id").startswith("en") else self.name_id
        return f"{self.number}. {name}"


class EntrySettings(models.Model):
    """Per-edition rules for entering: eligibility checks, the SPBE questions, the screening announcement."""

    class PastWinnerRule(models.TextChoices):
        NONE = "none", _("No rule")
        WARN = "warn", _("Flag entries whose innovation won an award before")
        EXCLUDE_RECENT = "exclude_recent", _("Innovations that won an award in the last N editions are not eligible")

    edition = models.OneToOneField(
        "editions.Edition", on_delete=models.CASCADE, related_name="entry_settings", verbose_name=_("edition")
    )
    min_years_in_operation = models.DecimalField(
        # A Decimal, not 1: settings_for() hands out an unsaved instance for editions without settings (2018-2020).
        _("minimum years in operation at the deadline"), max_digits=4, decimal_places=1, default=Decimal("1")
    )
    duplicate_threshold = models.FloatField(
        _("title similarity that counts as a duplicate"), default=0.85,
        help_text=_("0 to 1; 1 means only identical titles."),
    )
    past_winner_rule = models.CharField(
        _("past winners"), max_length=20, choices=PastWinnerRule.choices, default=PastWinnerRule.WARN
    )
    past_winner_editions = models.PositiveSmallIntegerField(_("N editions for the past-winner rule"), default=2)
    spbe_questions = models.JSONField(
        _("e-government (SPBE) questions"), default=list, blank=True,
        help_text=_("Asked when the innovation is an application."),
    )
    announcement_number = models.CharField(_("announcement number"), max_length=120, blank=True)
    screening_published_at = models.DateTimeField(_("screening results published at"), null=True, blank=True)

    class Meta:
        verbose_name = _("entry rules")
        verbose_name_plural = _("entry rules")

    def __str__(self) -> str:
        return str(self.edition)


class EvidenceSlot(models.Model):
    """A kind of supporting document an edition asks for (statement, decree, SOP, photos ...)."""

    class Accepts(models.TextChoices):
        # What a file must be, by its content (sayembara.uploads), to go into the slot.
        DOCUMENTS = "documents", _("PDF, JPG or PNG")
        IMAGES = "images", _("Photos: JPG or PNG")
        PDF = "pdf", _("PDF only")

    edition = models.ForeignKey(
        "editions.Edition", on_delete=models.CASCADE, related_name="evidence_slots", verbose_name=_("edition")
    )
    group = models.ForeignKey("editions.EntryGroup", on_delete=models.CASCADE, null=True, blank=True,
                              related_name="evidence_slots", verbose_name=_("group"),
                              help_text=_("Empty: asked of every group."))
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    code = models.SlugField(_("code"), max_length=40)
    name = models.CharField(_("name"), max_length=150)
    guidance = models.TextField(_("guidance"), blank=True)
    required = models.BooleanField(_("required"), default=False)
    accepts = models.CharField(_("accepted files"), max_length=10, choices=Accepts.choices, default=Accepts.DOCUMENTS)

    objects = FormQuerySet.as_manager()

    class Meta:
        ordering = ["edition", "order"]
        verbose_name = _("evidence slot")
        verbose_name_plural = _("evidence slots")
        constraints = [models.UniqueConstraint(fields=["edition", "code"], name="unique_evidence_slot_code")]

    def __str__(self) -> str:
        return self.name

    @property
    def kinds(self) -> frozenset[str]:
        """The file kinds (extensions of sayembara.uploads.EVIDENCE_TYPES) the slot takes."""
        from sayembara.uploads import KINDS_BY_SLOT

        return KINDS_BY_SLOT[self.accepts]

    @property
    def accept_attribute(self) -> str:
        """The file input's ``accept``: what the phone's picker offers first (the server checks the content)."""
        from sayembara.uploads import accept_attribute

        return accept_attribute(self.kinds)


def evidence_path(instance, filename: str) -> str:
    # Random names: the stored path reveals nothing and cannot be guessed.
    import uuid

    extension = filename.rsplit(".", 1)[-1].lower() if "." in filename else "bin"
    return f"evidence/{instance.entry.edition_id}/{instance.entry_id}/{uuid.uuid4().hex}.{extension}"


class Evidence(models.Model):
    """An uploaded supporting document. Stored privately; downloads go through a permission check."""

    entry = models.ForeignKey(Entry, on_delete=models.CASCADE, related_name="evidence", verbose_name=_("entry"))
    slot = models.ForeignKey(EvidenceSlot, on_delete=models.PROTECT, related_name="files", verbose_name=_("slot"))
    file = models.FileField(_("file"), upload_to=evidence_path, max_length=255)
    original_name = models.CharField(_("file name"), max_length=255)
    content_type = models.CharField(_("content type"), max_length=40)
    size = models.PositiveIntegerField(_("size in bytes"))
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+", verbose_name=_("uploaded by")
    )
    uploaded_at = models.DateTimeField(_("uploaded at"), auto_now_add=True)

    class Meta:
        ordering = ["entry", "slot__order", "uploaded_at"]
        verbose_name = _("evidence")
        verbose_name_plural = _("evidence")

    def __str__(self) -> str:
        return f"{self.slot.name}: {self.original_name}"


class EntryDetails(models.Model):
    """What the proposal form asks beyond the Entry row: SDGs, the application question, notes of each step."""

    entry = models.OneToOneField(Entry, on_delete=models.CASCADE, related_name="details", verbose_name=_("entry"))
    sdgs = models.ManyToManyField(SDG, blank=True, related_name="entries", verbose_name=_("SDGs"))
    is_application = models.BooleanField(_("the innovation is an application"), default=False)
    spbe_answers = models.JSONField(_("e-government (SPBE) answers"), default=dict, blank=True)
    verifier_notes = models.TextField(_("notes of the unit verifier"), blank=True)
    verified_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
        verbose_name=_("verified by"),
    )
    verified_at = models.DateTimeField(_("verified at"), null=True, blank=True)
    screening_notes = models.TextField(_("screening notes"), blank=True)
    screened_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
        verbose_name=_("screened by"),
    )
    screened_at = models.DateTimeField(_("screened at"), null=True, blank=True)
    # Screening may return an entry for correction only once.
    returned_by_organiser_at = models.DateTimeField(_("returned by the organiser at"), null=True, blank=True)
    imported = models.BooleanField(_("imported from a spreadsheet"), default=False)

    class Meta:
        verbose_name = _("entry details")
        verbose_name_plural = _("entry details")

    def __str__(self) -> str:
        return str(self.entry)


class EntryRevision(models.Model):
    """A saved state of the proposal text, for the revision history and its diff."""

    entry = models.ForeignKey(Entry, on_delete=models.CASCADE, related_name="revisions", verbose_name=_("entry"))
    number = models.PositiveIntegerField(_("number"))
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+", verbose_name=_("author")
    )
    saved_at = models.DateTimeField(_("saved at"))
    # {"title": ..., "sections": {code: text}}
    snapshot = models.JSONField(_("content"))

    class Meta:
        ordering = ["entry", "-number"]
        verbose_name = _("revision")
        verbose_name_plural = _("revisions")
        constraints = [models.UniqueConstraint(fields=["entry", "number"], name="unique_revision_number")]

    def __str__(self) -> str:
        return f"{self.entry.code} #{self.number}"


class DeadlineExtension(models.Model):
    """More time for one unit, granted and recorded by the organiser."""

    edition = models.ForeignKey(
        "editions.Edition", on_delete=models.CASCADE, related_name="deadline_extensions", verbose_name=_("edition")
    )
    institution = models.ForeignKey(
        "institutions.Institution", on_delete=models.CASCADE, related_name="deadline_extensions",
        verbose_name=_("institution"),
    )
    until = models.DateTimeField(_("new deadline"))
    reason = models.TextField(_("reason"))
    granted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+", verbose_name=_("granted by")
    )
    granted_at = models.DateTimeField(_("granted at"), auto_now_add=True)

    class Meta:
        ordering = ["edition", "-until"]
        verbose_name = _("deadline extension")
        verbose_name_plural = _("deadline extensions")
        constraints = [
            models.UniqueConstraint(fields=["edition", "institution"], name="one_extension_per_unit_per_edition")
        ]

    def __str__(self) -> str:
        return f"{self.institution} → {self.until:%Y-%m-%d %H:%M}"
