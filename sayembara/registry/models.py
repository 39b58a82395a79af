"""The lasting registry of innovations: a search index, replications and yearly follow-ups.

Innovations and entries belong to the entries app; this app keeps what is
needed to find them across editions and to follow them after the contest.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class RegistryRecord(models.Model):
    """One row per innovation, denormalised so the public list needs no joins per row.

    Rebuilt by ``services.refresh_records`` (on save, through signals, and by
    the ``registry_reindex`` command).
    """

    innovation = models.OneToOneField(
        "entries.Innovation", on_delete=models.CASCADE, related_name="registry_record", verbose_name=_("innovation")
    )
    # Public once one of its entries passed screening in a public edition.
    is_public = models.BooleanField(_("public"), default=False)
    # Copies of the innovation's own fields, so search filters and sorts on this one table.
    title = models.CharField(_("title"), max_length=200, blank=True)
    institution = models.ForeignKey(
        "institutions.Institution", on_delete=models.CASCADE, null=True, related_name="+", verbose_name=_("institution")
    )
    institution_type = models.ForeignKey(
        "institutions.InstitutionType", on_delete=models.CASCADE, null=True, related_name="+",
        verbose_name=_("institution type"),
    )
    is_digital = models.BooleanField(_("digital"), default=False)
    maturity = models.CharField(_("maturity"), max_length=12, blank=True)
    status = models.CharField(_("status"), max_length=10, blank=True)
    replication_count = models.PositiveIntegerField(_("replications"), default=0)
    first_year = models.PositiveSmallIntegerField(_("first edition"), null=True, blank=True)
    last_year = models.PositiveSmallIntegerField(_("last edition"), null=True, blank=True, db_index=True)
    years = models.CharField(_("editions"), max_length=200, blank=True)
    award_count = models.PositiveSmallIntegerField(_("awards"), default=0)
    best_award = models.CharField(_("best award"), max_length=120, blank=True)
    # Title, summary, unit and proposal texts, stemmed: used for similarity.
    stemmed_text = models.TextField(_("stemmed text"), blank=True)
    published_at = models.DateTimeField(_("published at"), null=True, blank=True, db_index=True)
    # Indexed: the newest refresh is the index's version, read by every server process.
    refreshed_at = models.DateTimeField(_("refreshed at"), auto_now=True, db_index=True)

    class Meta:
        indexes = [models.Index(fields=["is_public", "-last_year", "title"], name="registry_record_listing")]
        verbose_name = _("registry record")
        verbose_name_plural = _("registry records")

    def __str__(self) -> str:
        return str(self.innovation_id)


class SearchToken(models.Model):
    """One stemmed word of one public innovation: an inverted index that SQLite and PostgreSQL both answer fast."""

    innovation = models.ForeignKey("entries.Innovation", on_delete=models.CASCADE, related_name="+")
    token = models.CharField(max_length=60)
    # Words of the title count more than words of the proposal.
    weight = models.PositiveSmallIntegerField(default=1)

    class Meta:
        indexes = [
            # Covering indexes: a search reads postings in rank order (token, weight) and joins
            # further words by innovation, without touching the table.
            models.Index(fields=["token", "weight", "innovation"], name="registry_token_lookup"),
            models.Index(fields=["innovation", "token", "weight"], name="registry_token_by_innovation"),
        ]
        constraints = [models.UniqueConstraint(fields=["innovation", "token"], name="one_token_per_innovation")]

    def __str__(self) -> str:
        return self.token


class Replication(models.Model):
    """ATM (amati, tiru, modifikasi): a unit replicated an innovation, or asks its owners for help to."""

    class Kind(models.TextChoices):
        REPLICATED = "replicated", _("Replicated")
        HELP_REQUESTED = "help", _("Help requested")

    origin = models.ForeignKey(
        "entries.Innovation", on_delete=models.CASCADE, related_name="replication_records", verbose_name=_("original innovation")
    )
    replica = models.ForeignKey(
        "entries.Innovation",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="replication_of_records",
        verbose_name=_("replicating innovation"),
    )
    institution = models.ForeignKey(
        "institutions.Institution", on_delete=models.PROTECT, related_name="replications", verbose_name=_("replicating unit")
    )
    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices)
    message = models.TextField(_("message"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+", verbose_name=_("recorded by")
    )
    created_at = models.DateTimeField(_("recorded at"), auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("replication")
        verbose_name_plural = _("replications")

    def __str__(self) -> str:
        return f"{self.institution} ← {self.origin}"


class FollowUp(models.Model):
    """The yearly sustainability question to the owners of a past entry: is it still running?"""

    class Status(models.TextChoices):
        PENDING = "pending", _("Awaiting answer")
        ACTIVE = "active", _("Still active")
        STOPPED = "stopped", _("Stopped")
        REPLICATED = "replicated", _("Active and replicated elsewhere")

    innovation = models.ForeignKey(
        "entries.Innovation", on_delete=models.CASCADE, related_name="follow_ups", verbose_name=_("innovation")
    )
    year = models.PositiveSmallIntegerField(_("year"))
    status = models.CharField(_("status"), max_length=12, choices=Status.choices, default=Status.PENDING)
    evidence = models.TextField(
        _("evidence"), blank=True, help_text=_("What shows the status: a regulation, a budget line, a report, a link.")
    )
    evidence_file = models.FileField(_("evidence file"), upload_to="registry/follow-ups/%Y/", blank=True)
    stopped_on = models.DateField(_("stopped on"), null=True, blank=True)
    requested_at = models.DateTimeField(_("asked at"), auto_now_add=True)
    answered_at = models.DateTimeField(_("answered at"), null=True, blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
        verbose_name=_("answered by"),
    )

    class Meta:
        ordering = ["-year", "innovation__title"]
        verbose_name = _("sustainability follow-up")
        verbose_name_plural = _("sustainability follow-ups")
        constraints = [models.UniqueConstraint(fields=["innovation", "year"], name="one_follow_up_per_year")]

    def __str__(self) -> str:
        return f"{self.innovation} {self.year}"


class IidProfile(models.Model):
    """What Kemendagri's Indeks Inovasi Daerah (IID) asks of an innovation besides what the entry already holds
    (tahapan is the innovation's maturity, jenis whether it is digital, bentuk its form). See ``registry.iid``."""

    class Initiator(models.TextChoices):
        HEAD = "kepala_daerah", _("Regional head")
        COUNCIL = "dprd", _("Member of the regional council (DPRD)")
        AGENCY = "opd", _("Regional agency (OPD)")
        CIVIL_SERVANT = "asn", _("Civil servant (ASN)")
        PUBLIC = "masyarakat", _("The public")

    class Affair(models.TextChoices):
        # The six basic-service affairs first: IID counts innovations in all six.
        EDUCATION = "pendidikan", _("Education")
        HEALTH = "kesehatan", _("Health")
        PUBLIC_WORKS = "pupr", _("Public works and spatial planning")
        HOUSING = "perumahan", _("Housing and settlements")
        ORDER = "trantibumlinmas", _("Public order and community protection")
        SOCIAL = "sosial", _("Social affairs")
        POPULATION = "adminduk", _("Population administration and civil registration")
        ECONOMY = "ekonomi", _("Economy, SMEs and trade")
        AGRICULTURE = "pertanian", _("Agriculture and food")
        ENVIRONMENT = "lingkungan", _("Environment")
        VILLAGE = "desa", _("Community and village empowerment")
        GOVERNANCE = "pemerintahan", _("Governance and administration")
        OTHER = "lainnya", _("Other affairs")

    innovation = models.OneToOneField(
        "entries.Innovation", on_delete=models.CASCADE, related_name="iid_profile", verbose_name=_("innovation"))
    initiator = models.CharField(_("initiator"), max_length=16, choices=Initiator.choices, blank=True)
    affair = models.CharField(_("government affair (urusan)"), max_length=20, choices=Affair.choices, blank=True)
    trial_on = models.DateField(_("trial started on"), null=True, blank=True)
    implemented_on = models.DateField(_("implementation started on"), null=True, blank=True)
    design = models.TextField(_("design and main changes (rancang bangun)"), blank=True,
                              help_text=_("At least 300 words: the problem, how ideas were gathered and chosen, the "
                                          "benefit and the impact."))
    purpose = models.TextField(_("purpose"), blank=True)
    benefit = models.TextField(_("benefit"), blank=True)
    result = models.TextField(_("result"), blank=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("IID profile")
        verbose_name_plural = _("IID profiles")

    def __str__(self) -> str:
        return str(self.innovation)


def iid_evidence_path(instance, filename: str) -> str:
    import uuid

    extension = filename.rsplit(".", 1)[-1].lower() if "." in filename else "bin"
    return f"registry/iid/{instance.innovation_id}/{uuid.uuid4().hex}.{extension}"


class IidEvidence(models.Model):
    """A file that shows one IID indicator of an innovation (a regulation, a budget line, an SOP ...)."""

    innovation = models.ForeignKey(
        "entries.Innovation", on_delete=models.CASCADE, related_name="iid_evidence", verbose_name=_("innovation"))
    indicator = models.CharField(_("indicator"), max_length=30)
    file = models.FileField(_("file"), upload_to=iid_evidence_path, max_length=255)
    original_name = models.CharField(_("file name"), max_length=255)
    content_type = models.CharField(_("content type"), max_length=40)
    size = models.PositiveIntegerField(_("size in bytes"))
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+",
                                    verbose_name=_("uploaded by"))
    uploaded_at = models.DateTimeField(_("uploaded at"), auto_now_add=True)

    class Meta:
        ordering = ["innovation", "indicator", "uploaded_at"]
        verbose_name = _("IID evidence")
        verbose_name_plural = _("IID evidence")

    def __str__(self) -> str:
        return f"{self.indicator}: {self.original_name}"


class NationalOutcome(models.Model):
    """What became of an innovation beyond the regency: a provincial rank, SINOVIK's Top 99 or Top 45, an IGA."""

    class Level(models.TextChoices):
        PROVINCE = "province", _("Provincial contest")
        SINOVIK_TOP99 = "top99", _("SINOVIK Top 99")
        SINOVIK_TOP45 = "top45", _("SINOVIK Top 45 (Terpuji)")
        SINOVIK_ENTERED = "sinovik", _("Entered in SINOVIK")
        IGA = "iga", _("Innovative Government Award (IGA)")
        OTHER = "other", _("Other award")

    innovation = models.ForeignKey(
        "entries.Innovation", on_delete=models.CASCADE, related_name="national_outcomes", verbose_name=_("innovation"))
    year = models.PositiveSmallIntegerField(_("year"))
    level = models.CharField(_("level"), max_length=10, choices=Level.choices)
    result = models.CharField(_("result"), max_length=120, help_text=_("For example “Peringkat 2” or “Top 45”."))
    note = models.TextField(_("note or source"), blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+",
                                    verbose_name=_("recorded by"))
    recorded_at = models.DateTimeField(_("recorded at"), auto_now_add=True)

    class Meta:
        ordering = ["-year", "innovation__title"]
        verbose_name = _("national outcome")
        verbose_name_plural = _("national outcomes")

    def __str__(self) -> str:
        return f"{self.innovation} · {self.get_level_display()} {self.year}: {self.result}"
