"""Rankings as computed, winners as decided, results as published, and objections to them."""

import secrets

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class ResultSettings(models.Model):
    """How an edition's results are computed, decided and printed."""

    class Method(models.TextChoices):
        ADDITIVE = "additive", _("Corrected for juror leniency (additive model)")
        MEAN = "mean", _("Mean of the jurors")
        MEDIAN = "median", _("Median of the jurors")
        TRIMMED = "trimmed", _("Trimmed mean")
        ZSCORE = "zscore", _("Per-juror z-scores")

    edition = models.OneToOneField("editions.Edition", on_delete=models.CASCADE, related_name="result_settings")
    method = models.CharField(_("ranking method"), max_length=10, choices=Method.choices, default=Method.ADDITIVE)
    # None = automatic: enough draws for interval ends stable within one rank (see sayembara_score.ranking).
    bootstrap = models.PositiveIntegerField(
        _("simulations for the rank intervals"), null=True, blank=True, default=None,
        help_text=_("Leave empty to choose automatically (enough for interval ends stable within one rank); 0 shows no intervals."),
    )
    seed = models.PositiveIntegerField(_("random seed"), default=2020, help_text=_("The same seed gives the same result."))
    prize_count = models.PositiveSmallIntegerField(_("prizes per category"), default=3)
    # Ordered keys, e.g. ["stage:interview", "criterion:inovasi", "jury_vote"]: applied to exact ties only.
    tiebreak_chain = models.JSONField(_("tie-break chain"), default=list, blank=True)
    locked_at = models.DateTimeField(_("results locked at"), null=True, blank=True)
    locked_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    letterhead_title = models.CharField(_("letterhead: government"), max_length=120, default="PEMERINTAH KABUPATEN PEMALANG")
    letterhead_subtitle = models.CharField(_("letterhead: office"), max_length=120, default="SEKRETARIAT DAERAH")
    letterhead_address = models.CharField(
        _("letterhead: address"), max_length=200, default="Jl. Jenderal Sudirman No. 1, Pemalang 52312"
    )
    city = models.CharField(_("city of signing"), max_length=60, default="Pemalang")
    signatory_name = models.CharField(_("signatory"), max_length=120, blank=True, default="")
    signatory_title = models.CharField(_("signatory's position"), max_length=160, default="Sekretaris Daerah")
    signatory_nip = models.CharField(_("signatory's NIP"), max_length=30, blank=True)
    # The regent who signs the decree on the winners, and the laws it rests on (one per line, in order).
    regent_title = models.CharField(_("regent's title on the decree"), max_length=120, blank=True, default="BUPATI PEMALANG")
    regent_name = models.CharField(_("regent's name"), max_length=120, blank=True)
    decree_legal_basis = models.TextField(
        _("legal basis of the decree (Mengingat), one per line"),
        blank=True,
        default="\n".join([
            "Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah sebagaimana telah beberapa kali diubah, "
            "terakhir dengan Undang-Undang Nomor 6 Tahun 2023",
            "Undang-Undang Nomor 25 Tahun 2009 tentang Pelayanan Publik",
            "Peraturan Pemerintah Nomor 38 Tahun 2017 tentang Inovasi Daerah",
            "Peraturan Menteri Pendayagunaan Aparatur Negara dan Reformasi Birokrasi Nomor 91 Tahun 2021 tentang "
            "Pembinaan Inovasi Pelayanan Publik",
        ]),
    )

    # Number patterns per kind of paper (see results.numbering): the regency's classification codes.
    numbering = models.JSONField(_("numbering of papers"), default=dict, blank=True)
    public_test_days = models.PositiveSmallIntegerField(
        _("days of the public test (uji publik)"), default=5,
        help_text=_("How long the public may respond to the provisional announcement."))

    class Meta:
        verbose_name = _("result settings")
        verbose_name_plural = _("result settings")

    def __str__(self) -> str:
        return str(self.edition)


class RankingRun(models.Model):
    """One computation of a ranking (a stage's or the final one), kept so pages read it instead of recomputing."""

    edition = models.ForeignKey("editions.Edition", on_delete=models.CASCADE, related_name="ranking_runs")
    stage = models.ForeignKey("editions.Stage", on_delete=models.CASCADE, null=True, blank=True, related_name="ranking_runs")
    method = models.CharField(max_length=20)
    method_used = models.CharField(max_length=40)
    bootstrap = models.PositiveIntegerField()
    seed = models.PositiveIntegerField()
    top = models.PositiveSmallIntegerField()
    fingerprint = models.CharField(max_length=120, help_text="Cheap summary of the inputs, to tell when a run is stale.")
    computed_at = models.DateTimeField(auto_now_add=True)
    seconds = models.FloatField()
    # Shown, never queried: lists of messages and per-stage/criterion coefficients.
    warnings = models.JSONField(default=list)
    reliability = models.JSONField(default=dict)
    sensitivity = models.JSONField(default=dict)
    leniency = models.JSONField(default=dict)
    # The design's connected groups per stage (sayembara_score DesignComponent.to_json) and the
    # Monte Carlo error of the intervals (MonteCarloError.to_json, None without draws).
    design = models.JSONField(default=list)
    mc_error = models.JSONField(null=True, default=None)

    class Meta:
        ordering = ["-computed_at", "-pk"]
        indexes = [models.Index(fields=["edition", "stage", "method", "-computed_at"])]

    def __str__(self) -> str:
        return f"{self.edition} {self.stage or 'final'} {self.method}"

    @property
    def method_label(self) -> str:
        """The declared method in words; ``method_used`` may add a note after the name, kept as is."""
        name, _sep, rest = self.method_used.partition(" ")
        label = ResultSettings.Method(name).label if name in ResultSettings.Method.values else name
        return f"{label} {rest}".strip()

    @property
    def separate_groups(self) -> list[dict]:
        """Design components outside their stage's main one: entries whose jurors share no entry with the rest."""
        return [c for c in self.design if not c.get("main")]


class RankedEntry(models.Model):
    run = models.ForeignKey(RankingRun, on_delete=models.CASCADE, related_name="rows")
    entry = models.ForeignKey("entries.Entry", on_delete=models.CASCADE, related_name="+")
    score = models.FloatField()
    plain_mean = models.FloatField(null=True)
    rank = models.PositiveIntegerField()
    rank_low = models.PositiveIntegerField(null=True)
    rank_high = models.PositiveIntegerField(null=True)
    p_top = models.FloatField(null=True)
    tie = models.BooleanField(default=False)
    furthest_stage = models.CharField(max_length=40, blank=True)

    class Meta:
        ordering = ["run", "rank", "entry_id"]
        constraints = [models.UniqueConstraint(fields=["run", "entry"], name="one_row_per_entry_per_run")]


class Award(models.Model):
    """A prize given to an entry, decided by the organiser (Juara I–III, Harapan I–III, special awards)."""

    edition = models.ForeignKey("editions.Edition", on_delete=models.CASCADE, related_name="awards", verbose_name=_("edition"))
    category = models.ForeignKey(
        "editions.Category", on_delete=models.PROTECT, null=True, blank=True, related_name="awards", verbose_name=_("category")
    )
    entry = models.ForeignKey("entries.Entry", on_delete=models.PROTECT, related_name="awards", verbose_name=_("entry"))
    title = models.CharField(_("award"), max_length=80)
    order = models.PositiveSmallIntegerField(_("order"))
    final_score = models.DecimalField(_("final score"), max_digits=7, decimal_places=3, null=True, blank=True)

    class Meta:
        ordering = ["edition", "category__order", "order"]
        verbose_name = _("award")
        verbose_name_plural = _("awards")
        constraints = [models.UniqueConstraint(fields=["edition", "entry", "title"], name="unique_award")]

    def __str__(self) -> str:
        return f"{self.title}: {self.entry}"


class JuryVote(models.Model):
    """The jury's vote for an entry, recorded by the organiser; the last link of a tie-break chain."""

    edition = models.ForeignKey("editions.Edition", on_delete=models.CASCADE, related_name="jury_votes")
    entry = models.ForeignKey("entries.Entry", on_delete=models.CASCADE, related_name="jury_votes")
    votes = models.PositiveSmallIntegerField(_("votes"))

    class Meta:
        constraints = [models.UniqueConstraint(fields=["edition", "entry"], name="one_vote_count_per_entry")]


def _publication_code() -> str:
    return secrets.token_hex(6).upper()


class Publication(models.Model):
    """The frozen, published results of an edition. Never updated: its SHA-256 is printed on every document."""

    edition = models.OneToOneField("editions.Edition", on_delete=models.PROTECT, related_name="publication")
    published_at = models.DateTimeField(auto_now_add=True)
    published_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    sha256 = models.CharField(max_length=64, unique=True)
    # The canonical JSON of inputs (scores, weights, method, seed) and outputs (ranking, awards) that sha256 covers.
    payload = models.TextField()

    class Meta:
        verbose_name = _("publication")
        verbose_name_plural = _("publications")

    def __str__(self) -> str:
        return f"{self.edition} · {self.sha256[:12]}"

    def save(self, *args, **kwargs):
        if self.pk:
            raise ValueError("A publication is immutable.")
        super().save(*args, **kwargs)


class Correction(models.Model):
    """A ralat: a numbered, reasoned correction of published results.

    While a correction is open the organiser may change what the result rests on (every change audited); its
    publication freezes the corrected result again under its own SHA-256, date and number. The original
    publication and every correction stay verifiable.
    """

    edition = models.ForeignKey("editions.Edition", on_delete=models.PROTECT, related_name="corrections")
    number = models.PositiveSmallIntegerField(_("correction number"))
    reason = models.TextField(_("reason"), max_length=2000)
    opened_at = models.DateTimeField(auto_now_add=True)
    opened_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    published_at = models.DateTimeField(null=True, blank=True)
    published_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
                                     related_name="+")
    sha256 = models.CharField(max_length=64, blank=True)
    payload = models.TextField(blank=True)

    class Meta:
        verbose_name = _("correction (ralat)")
        verbose_name_plural = _("corrections (ralat)")
        ordering = ["edition", "number"]
        constraints = [models.UniqueConstraint(fields=["edition", "number"], name="one_correction_number_per_edition")]

    def __str__(self) -> str:
        return f"{self.edition} · ralat {self.number}"


class PaperNumber(models.Model):
    """The register of numbers given to official papers (the agenda): one sequence per edition and kind of paper.

    A number is given once, on the day of the act the paper records, and kept: printing a paper again prints the
    same number."""

    edition = models.ForeignKey("editions.Edition", on_delete=models.CASCADE, related_name="paper_numbers")
    kind = models.CharField(max_length=20)
    seq = models.PositiveIntegerField()
    # What the number was given to: "" for the edition's single paper of that kind, else an entry or certificate code.
    subject = models.CharField(max_length=40, blank=True)
    number = models.CharField(_("number"), max_length=120)
    issued_at = models.DateTimeField()

    class Meta:
        ordering = ["edition", "kind", "seq"]
        constraints = [
            models.UniqueConstraint(fields=["edition", "kind", "seq"], name="one_paper_per_sequence_number"),
            models.UniqueConstraint(fields=["edition", "kind", "subject"], name="one_number_per_paper"),
        ]

    def __str__(self) -> str:
        return self.number


class ProvisionalAnnouncement(models.Model):
    """A pengumuman sementara: the ranking and proposed winners put to the public test (uji publik).

    Never changed once made. An upheld objection leads to a correction of what the result rests on and to a new
    version, with its own number, fingerprint and public test."""

    edition = models.ForeignKey("editions.Edition", on_delete=models.PROTECT, related_name="provisional_announcements")
    version = models.PositiveSmallIntegerField(_("version"))
    number = models.CharField(_("announcement number"), max_length=120)
    announced_at = models.DateTimeField(_("announced at"))
    announced_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    public_test_ends_at = models.DateTimeField(_("end of the public test"))
    # For a version after the first: what changed and why (the upheld objections it answers).
    reason = models.TextField(_("what changed"), blank=True, max_length=2000)
    sha256 = models.CharField(max_length=64)
    payload = models.TextField()

    class Meta:
        ordering = ["edition", "version"]
        verbose_name = _("provisional announcement")
        verbose_name_plural = _("provisional announcements")
        constraints = [models.UniqueConstraint(fields=["edition", "version"], name="one_provisional_version")]

    def __str__(self) -> str:
        return f"{self.edition} · {self.number}"

    def save(self, *args, **kwargs):
        if self.pk:
            raise ValueError("A provisional announcement is never changed: announce a new version.")
        super().save(*args, **kwargs)


class Decision(models.Model):
    """The penetapan: the jury's final meeting fixes the winners after the public test, and the decree (SK) that
    follows it. The meeting's berita acara is dated and numbered from here."""

    edition = models.OneToOneField("editions.Edition", on_delete=models.PROTECT, related_name="decision")
    announcement = models.ForeignKey(ProvisionalAnnouncement, on_delete=models.PROTECT, related_name="+",
                                     help_text="The provisional version the decision confirms.")
    held_on = models.DateField(_("date of the meeting"))
    place = models.CharField(_("place of the meeting"), max_length=200)
    present = models.ManyToManyField("jury.Juror", related_name="+", verbose_name=_("jurors present"))
    minutes_number = models.CharField(_("number of the minutes"), max_length=120)
    recorded_at = models.DateTimeField(auto_now_add=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    decree_number = models.CharField(_("decree number"), max_length=120, blank=True)
    decree_date = models.DateField(_("decree date"), null=True, blank=True)

    class Meta:
        verbose_name = _("decision")
        verbose_name_plural = _("decisions")

    def __str__(self) -> str:
        return f"{self.edition} · {self.minutes_number}"


class Certificate(models.Model):
    """A piagam for a winner or a participant; its code opens the public verification page."""

    class Kind(models.TextChoices):
        WINNER = "winner", _("Winner")
        PARTICIPANT = "participant", _("Participant")

    edition = models.ForeignKey("editions.Edition", on_delete=models.CASCADE, related_name="certificates")
    entry = models.ForeignKey("entries.Entry", on_delete=models.CASCADE, related_name="certificates")
    # A certificate outlives the award it was issued for: a correction may replace the award, and the certificate
    # must still verify, saying what it certified and that it was superseded.
    award = models.ForeignKey(Award, on_delete=models.SET_NULL, null=True, blank=True, related_name="certificates")
    award_title = models.CharField(_("award certified"), max_length=120, blank=True)
    superseded_by = models.ForeignKey(Correction, on_delete=models.PROTECT, null=True, blank=True,
                                      related_name="superseded_certificates")
    kind = models.CharField(max_length=12, choices=Kind.choices)
    code = models.CharField(max_length=16, unique=True, default=_publication_code)
    number = models.CharField(_("certificate number"), max_length=120, blank=True)
    issued_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["entry", "kind"], name="one_certificate_per_kind")]


class Objection(models.Model):
    """A public response (tanggapan) to a provisional announcement, filed during its public test (uji publik)."""

    class Status(models.TextChoices):
        OPEN = "open", _("Awaiting answer")
        ANSWERED = "answered", _("Answered")

    class Outcome(models.TextChoices):
        NONE = "", _("Not decided")
        UPHELD = "upheld", _("Upheld: the result is corrected")
        REJECTED = "rejected", _("Not upheld")

    edition = models.ForeignKey("editions.Edition", on_delete=models.CASCADE, related_name="objections")
    entry = models.ForeignKey(
        "entries.Entry", on_delete=models.SET_NULL, null=True, blank=True, related_name="objections", verbose_name=_("entry concerned")
    )
    name = models.CharField(_("your name"), max_length=120)
    email = models.EmailField(_("your e-mail address"))
    text = models.TextField(_("objection"), max_length=4000)
    filed_at = models.DateTimeField(auto_now_add=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.OPEN)
    answer = models.TextField(_("answer"), blank=True, max_length=4000)
    answered_at = models.DateTimeField(null=True, blank=True)
    answered_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    announcement = models.ForeignKey(ProvisionalAnnouncement, on_delete=models.PROTECT, null=True, blank=True,
                                     related_name="objections")
    outcome = models.CharField(_("outcome"), max_length=10, choices=Outcome.choices, blank=True, default="")

    class Meta:
        ordering = ["-filed_at"]
        verbose_name = _("objection")
        verbose_name_plural = _("objections")
