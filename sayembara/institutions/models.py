"""Institutions that enter the contest (OPD, villages, BUMD ...) and the bodies jurors come from."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class InstitutionType(models.Model):
    """A kind of participating unit, kept as data so a contest can add Kelurahan, Puskesmas, ..."""

    code = models.SlugField(_("code"), max_length=30, unique=True)
    name = models.CharField(_("name"), max_length=120)
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    # Outside bodies (universities, NGOs) can host jurors but never enter the contest.
    participates = models.BooleanField(_("takes part in the contest"), default=True)

    class Meta:
        ordering = ["order", "name"]
        verbose_name = _("institution type")
        verbose_name_plural = _("institution types")

    def __str__(self) -> str:
        return self.name


class Institution(models.Model):
    type = models.ForeignKey(InstitutionType, on_delete=models.PROTECT, related_name="institutions", verbose_name=_("type"))
    name = models.CharField(_("name"), max_length=200)
    short_name = models.CharField(_("short name"), max_length=60, blank=True)
    # Other names the unit goes by (old names, local abbreviations): masked like its name in blind stages.
    aliases = models.CharField(_("other names"), max_length=300, blank=True,
                               help_text=_("Comma-separated: old names and abbreviations the unit is known by."))
    # A village belongs to a kecamatan; a UPTD to its agency. Used for conflicts of interest.
    parent = models.ForeignKey(
        "self", on_delete=models.PROTECT, null=True, blank=True, related_name="children", verbose_name=_("parent")
    )
    contact_name = models.CharField(_("contact person"), max_length=120, blank=True)
    contact_email = models.EmailField(_("contact e-mail"), blank=True)
    contact_phone = models.CharField(_("contact phone"), max_length=30, blank=True)
    address = models.CharField(_("address"), max_length=255, blank=True)
    active = models.BooleanField(_("active"), default=True)

    class Meta:
        ordering = ["type__order", "name"]
        verbose_name = _("institution")
        verbose_name_plural = _("institutions")
        constraints = [models.UniqueConstraint(fields=["type", "name"], name="unique_institution_name_per_type")]

    def __str__(self) -> str:
        return self.name
