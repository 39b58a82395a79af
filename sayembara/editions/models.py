"""An edition is one year's contest: its schedule, categories, stages and criteria."""

from decimal import Decimal

from django.core.validators import MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class EditionQuerySet(models.QuerySet):
    def public(self):
        return self.exclude(status=Edition.Status.DRAFT)

    def current(self):
        """The edition the public home page leads with, by the phase it is in rather than its year: the one open for
        entries (a 2028 call may open while 2027 is still being judged), else the one being judged, else the newest
        public one. A draft is never shown."""
        for statuses in ([Edition.Status.OPEN], [Edition.Status.JUDGING, Edition.Status.CLOSED]):
            found = self.filter(status__in=statuses).order_by("-year").first()
            if found is not None:
                return found
        return self.public().order_by("-year").first()

    def in_focus(self):
        """The edition the organiser's dashboard opens on: the newest one under way (open, judging or closed for
        judging), else the newest of all, drafts included (an organiser prepares the next one)."""
        running = [Edition.Status.OPEN, Edition.Status.JUDGING, Edition.Status.CLOSED]
        return self.filter(status__in=running).order_by("-year").first() or self.order_by("-year").first()

    def with_makers_hidden(self):
        """Editions with a blind stage still to come or under way: the public must not learn which unit made which
        entry (a list published before the stage opens would be kept, cached and looked up by jurors)."""
        return self.filter(stages__blind=True, stages__status__in=["planned", "open"]).distinct()


class Edition(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        OPEN = "open", _("Open for entries")
        JUDGING = "judging", _("Judging")
        CLOSED = "closed", _("Judging closed")
        PUBLISHED = "published", _("Results published")
        ARCHIVED = "archived", _("Archived")

    year = models.PositiveSmallIntegerField(_("year"), unique=True)
    title = models.CharField(_("title"), max_length=200)
    host = models.CharField(_("host"), max_length=200, help_text=_("The government running the contest."))
    theme = models.CharField(_("theme"), max_length=255, blank=True)
    description = models.TextField(_("description"), blank=True)
    decree_number = models.CharField(_("decree number"), max_length=120, blank=True)
    decree_date = models.DateField(_("decree date"), null=True, blank=True)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.DRAFT)
    time_zone = models.CharField(_("time zone"), max_length=40, default="Asia/Jakarta")
    venue = models.CharField(_("venue"), max_length=200, blank=True)
    results_published_at = models.DateTimeField(_("results published at"), null=True, blank=True)

    objects = EditionQuerySet.as_manager()

    class Meta:
        ordering = ["-year"]
        verbose_name = _("edition")
        verbose_name_plural = _("editions")

    def __str__(self) -> str:
        return f"{self.title} {self.year}"

    @property
    def makers_hidden(self) -> bool:
        """Until its blind stage has closed, public pages name no entry with its unit (counts only): a juror could
        otherwise look up who made what they judge, from the page or from a copy kept since."""
        cached = getattr(self, "_makers_hidden", None)
        if cached is None:
            cached = self._makers_hidden = self.stages.filter(blind=True, status__in=["planned", "open"]).exists()
        return cached

    @property
    def results_are_public(self) -> bool:
        return self.results_published_at is not None and self.results_published_at <= timezone.now()


class Phase(models.Model):
    """One step of the schedule, shown as a timeline to the public."""

    class Kind(models.TextChoices):
        REGISTRATION = "registration", _("Registration")
        SUBMISSION = "submission", _("Proposal submission")
        SCREENING = "screening", _("Administrative screening")
        JUDGING = "judging", _("Judging")
        OBJECTION = "objection", _("Public test (uji publik)")
        ANNOUNCEMENT = "announcement", _("Announcement of winners")

    edition = models.ForeignKey(Edition, on_delete=models.CASCADE, related_name="phases", verbose_name=_("edition"))
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    stage = models.ForeignKey(
        "Stage", on_delete=models.CASCADE, null=True, blank=True, related_name="phases", verbose_name=_("stage")
    )
    name = models.CharField(_("name"), max_length=120)
    starts_at = models.DateTimeField(_("starts at"))
    ends_at = models.DateTimeField(_("ends at"))

    class Meta:
        ordering = ["starts_at", "pk"]
        verbose_name = _("phase")
        verbose_name_plural = _("phases")
        constraints = [
            models.CheckConstraint(condition=models.Q(ends_at__gte=models.F("starts_at")), name="phase_ends_after_start")
        ]

    def __str__(self) -> str:
        return self.name

    def state(self, now=None) -> str:
        now = now or timezone.now()
        if now < self.starts_at:
            return "upcoming"
        if now > self.ends_at:
            return "past"
        return "current"


class EntryGroup(models.Model):
    """A group of entries with its own proposal form (SINOVIK's *kelompok*: Umum, Replikasi, Khusus).

    A category names the group whose form its entries fill; sections and evidence slots with no group are asked of
    every entry. An edition without groups has one form, all of its sections."""

    edition = models.ForeignKey(Edition, on_delete=models.CASCADE, related_name="groups", verbose_name=_("edition"))
    name = models.CharField(_("name"), max_length=80)
    description = models.TextField(_("description"), blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    preset = models.CharField(_("preset"), max_length=40, blank=True,
                              help_text=_("The preset the form was last set from, shown with its source."))

    class Meta:
        ordering = ["edition", "order", "pk"]
        verbose_name = _("group")
        verbose_name_plural = _("groups")
        constraints = [models.UniqueConstraint(fields=["edition", "name"], name="unique_group_per_edition")]

    def __str__(self) -> str:
        return self.name


class CategoryQuerySet(models.QuerySet):
    def open_to(self, institution):
        """The categories a unit may enter: those open to its kind, and those open to every kind."""
        return self.filter(
            models.Q(institution_types=None) | models.Q(institution_types=institution.type_id)
        ).distinct()


class Category(models.Model):
    """A ranking group within an edition, e.g. one per kind of unit (OPD and BUMD, villages) or a theme."""

    edition = models.ForeignKey(Edition, on_delete=models.CASCADE, related_name="categories", verbose_name=_("edition"))
    name = models.CharField(_("name"), max_length=120)
    description = models.TextField(_("description"), blank=True)
    # The kinds of unit that may enter the category (villages only; agencies and enterprises ...); none: every kind.
    institution_types = models.ManyToManyField(
        "institutions.InstitutionType",
        blank=True,
        related_name="categories",
        verbose_name=_("open to institution types"),
        help_text=_("Leave empty to open the category to every kind of unit."),
    )
    quota_per_institution = models.PositiveSmallIntegerField(
        _("entries allowed per institution"), null=True, blank=True, help_text=_("Empty means no limit.")
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    # RESTRICT, not PROTECT: a group in use cannot go alone, but an edition deleted whole takes both.
    group = models.ForeignKey(EntryGroup, on_delete=models.RESTRICT, null=True, blank=True, related_name="categories",
                              verbose_name=_("group"), help_text=_("Whose proposal form its entries fill."))

    objects = CategoryQuerySet.as_manager()

    class Meta:
        ordering = ["edition", "order", "name"]
        verbose_name = _("category")
        verbose_name_plural = _("categories")
        constraints = [models.UniqueConstraint(fields=["edition", "name"], name="unique_category_per_edition")]

    def __str__(self) -> str:
        return self.name

    def is_open_to(self, institution) -> bool:
        kinds = [t.pk for t in self.institution_types.all()]
        return not kinds or institution.type_id in kinds


class Stage(models.Model):
    class Kind(models.TextChoices):
        PROPOSAL = "proposal", _("Written proposal (desk evaluation)")
        PRESENTATION = "presentation", _("Presentation")
        INTERVIEW = "interview", _("Interview")
        FIELD_VISIT = "field_visit", _("Field visit")

    class Advancement(models.TextChoices):
        ALL = "all", _("Everyone advances")
        TOP_N = "top_n", _("Top N overall")
        TOP_N_PER_CATEGORY = "top_n_per_category", _("Top N per category")
        PASS_MARK = "pass_mark", _("Pass mark")

    class Status(models.TextChoices):
        PLANNED = "planned", _("Planned")
        OPEN = "open", _("Scoring open")
        CLOSED = "closed", _("Closed")

    edition = models.ForeignKey(Edition, on_delete=models.CASCADE, related_name="stages", verbose_name=_("edition"))
    order = models.PositiveSmallIntegerField(_("order"))
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    name = models.CharField(_("name"), max_length=120)
    weight = models.DecimalField(
        _("weight in final score"), max_digits=5, decimal_places=2, validators=[MinValueValidator(Decimal("0"))]
    )
    advancement = models.CharField(_("advancement rule"), max_length=24, choices=Advancement.choices, default=Advancement.ALL)
    advancement_value = models.DecimalField(
        _("N or pass mark"), max_digits=7, decimal_places=2, null=True, blank=True
    )
    blind = models.BooleanField(
        _("blind"), default=False, help_text=_("Jurors do not see who made the entry.")
    )
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.PLANNED)

    class Meta:
        ordering = ["edition", "order"]
        verbose_name = _("stage")
        verbose_name_plural = _("stages")
        constraints = [
            models.UniqueConstraint(fields=["edition", "order"], name="unique_stage_order"),
            models.UniqueConstraint(fields=["edition", "kind"], name="unique_stage_kind"),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def label(self) -> str:
        """The stage with its edition's year: fifteen "Penilaian Proposal" look alike otherwise."""
        return f"{self.name} ({self.edition.year})"


class Criterion(models.Model):
    stage = models.ForeignKey(Stage, on_delete=models.CASCADE, related_name="criteria", verbose_name=_("stage"))
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    code = models.SlugField(_("code"), max_length=40)
    name = models.CharField(_("name"), max_length=120)
    description = models.TextField(_("description"), blank=True)
    weight = models.DecimalField(_("weight"), max_digits=5, decimal_places=2, validators=[MinValueValidator(Decimal("0"))])
    min_score = models.DecimalField(_("lowest score"), max_digits=6, decimal_places=2, default=Decimal("0"))
    max_score = models.DecimalField(_("highest score"), max_digits=6, decimal_places=2, default=Decimal("100"))

    class Meta:
        ordering = ["stage", "order"]
        verbose_name = _("criterion")
        verbose_name_plural = _("criteria")
        constraints = [
            models.UniqueConstraint(fields=["stage", "code"], name="unique_criterion_code_per_stage"),
            models.CheckConstraint(condition=models.Q(max_score__gt=models.F("min_score")), name="criterion_range_not_empty"),
        ]

    def __str__(self) -> str:
        return self.name

    def accepts(self, value: Decimal) -> bool:
        return self.min_score <= value <= self.max_score

    def on_scale_of_100(self, value) -> float:
        """A score on this criterion's range put on 0-100, the scale every ranking and explanation works on."""
        low, high = float(self.min_score), float(self.max_score)
        return 100.0 * (float(value) - low) / (high - low)


class RubricLevel(models.Model):
    """A described band of scores, shown to the juror beside the input."""

    criterion = models.ForeignKey(Criterion, on_delete=models.CASCADE, related_name="levels", verbose_name=_("criterion"))
    min_score = models.DecimalField(_("from"), max_digits=6, decimal_places=2)
    max_score = models.DecimalField(_("to"), max_digits=6, decimal_places=2)
    label = models.CharField(_("label"), max_length=60)
    description = models.TextField(_("description"))

    class Meta:
        ordering = ["criterion", "-min_score"]
        verbose_name = _("rubric level")
        verbose_name_plural = _("rubric levels")

    def __str__(self) -> str:
        return f"{self.label} ({self.min_score}–{self.max_score})"


class FormQuerySet(models.QuerySet):
    """Sections and evidence slots: those of one group's form are the group's own and those shared by all."""

    def of_group(self, edition_id: int, group_id: int | None):
        return self.filter(models.Q(group=None) | models.Q(group_id=group_id), edition_id=edition_id)

    def for_entry(self, entry):
        """The form ``entry`` fills: its category's group's and the shared ones (one query, no category read)."""
        mine = models.Q(group=None)
        if entry.category_id:
            mine |= models.Q(group__categories=entry.category_id)
        return self.filter(mine, edition_id=entry.edition_id)


class ProposalSection(models.Model):
    """A section of the proposal form, defined per edition as data."""

    edition = models.ForeignKey(Edition, on_delete=models.CASCADE, related_name="proposal_sections", verbose_name=_("edition"))
    group = models.ForeignKey(EntryGroup, on_delete=models.CASCADE, null=True, blank=True, related_name="sections",
                              verbose_name=_("group"), help_text=_("Empty: asked of every group."))
    order = models.PositiveSmallIntegerField(_("order"))
    code = models.SlugField(_("code"), max_length=40)
    title = models.CharField(_("title"), max_length=120)
    guidance = models.TextField(_("guidance"), blank=True)
    word_limit = models.PositiveIntegerField(_("word limit"))
    required = models.BooleanField(_("required"), default=True)

    objects = FormQuerySet.as_manager()

    class Meta:
        ordering = ["edition", "order"]
        verbose_name = _("proposal section")
        verbose_name_plural = _("proposal sections")
        constraints = [models.UniqueConstraint(fields=["edition", "code"], name="unique_section_code")]

    def __str__(self) -> str:
        return self.title
