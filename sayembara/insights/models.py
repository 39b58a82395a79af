"""Outreach records. The figures themselves are computed from entries on demand."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Invitation(models.Model):
    """An invitation e-mail sent to a unit that had not entered, so nobody is invited twice by mistake."""

    edition = models.ForeignKey(
        "editions.Edition", on_delete=models.SET_NULL, null=True, blank=True, related_name="invitations",
        verbose_name=_("edition"),
    )
    institution = models.ForeignKey(
        "institutions.Institution", on_delete=models.CASCADE, related_name="invitations", verbose_name=_("institution")
    )
    email = models.EmailField(_("e-mail address"))
    sent_at = models.DateTimeField(_("sent at"), auto_now_add=True)
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+", verbose_name=_("sent by")
    )

    class Meta:
        ordering = ["-sent_at"]
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")
        indexes = [models.Index(fields=["institution", "sent_at"])]

    def __str__(self) -> str:
        return f"{self.institution} {self.sent_at:%Y-%m-%d}"


class DataVersion(models.Model):
    """A counter bumped after every change the figures depend on, so every server process sees cached figures go stale."""

    key = models.CharField(max_length=40, unique=True)
    value = models.PositiveBigIntegerField(default=0)

    class Meta:
        verbose_name = _("data version")
        verbose_name_plural = _("data versions")

    def __str__(self) -> str:
        return f"{self.key}={self.value}"
