"""Decided and published results."""

from django.db import models
from django.utils.translation import gettext_lazy as _


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
