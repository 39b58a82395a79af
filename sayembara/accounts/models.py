"""Users. A person logs in with an e-mail address; roles come from what they hold."""

from django.contrib.auth.models import AbstractUser, UserManager as DjangoUserManager
from django.db import models
from django.utils.translation import gettext_lazy as _


class UserManager(DjangoUserManager):
    def get_by_natural_key(self, username):
        # Logins are case-insensitive on the e-mail address people type.
        return self.get(**{f"{self.model.USERNAME_FIELD}__iexact": username})


class User(AbstractUser):
    """A person using Sayembara.

    Roles are not a column: an organiser has ``is_organiser``, a verifier has
    ``verified_institution``, a juror has a ``juror`` profile and an innovator
    is anyone else with an institution (see ``sayembara.accounts.roles``).
    """

    full_name = models.CharField(_("full name"), max_length=150)
    email = models.EmailField(_("e-mail address"), unique=True)
    phone = models.CharField(_("phone"), max_length=30, blank=True)
    position = models.CharField(_("position"), max_length=120, blank=True)
    institution = models.ForeignKey(
        "institutions.Institution",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="members",
        verbose_name=_("institution"),
    )
    is_organiser = models.BooleanField(_("organiser (panitia)"), default=False)
    # The unit this person vouches for as its local admin (admin lokal), if any.
    verified_institution = models.ForeignKey(
        "institutions.Institution",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="verifiers",
        verbose_name=_("verifies entries of"),
    )

    # Set for people who registered or were invited: their first login asks for the profile.
    needs_profile = models.BooleanField(_("must complete the profile"), default=False)
    # When the person proved they own the address (confirmation link or invitation). An inactive account
    # without it is an unconfirmed registration, which expires so the real owner can register.
    email_confirmed_at = models.DateTimeField(_("e-mail confirmed at"), null=True, blank=True)
    # Set only by self-registration until the address is confirmed: only such accounts ever expire (an account
    # suspended by the organiser is inactive too, and must never be deleted or taken over).
    registration_pending = models.BooleanField(_("registration waiting for confirmation"), default=False)

    objects = UserManager()

    USERNAME_FIELD = "email"
    REQUIRED_FIELDS = ["username", "full_name"]

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")

    def __str__(self) -> str:
        return self.full_name or self.email

    def get_full_name(self) -> str:
        return self.full_name or self.email


class Membership(models.Model):
    """A person's request to belong to a unit, and what became of it.

    Naming a unit only *asks*: the unit's verifier (or the organiser, for a unit
    without one) says yes or no. ``User.institution`` is set only while an
    approved membership stands, so every scope that reads it sees approved
    members only.
    """

    class Status(models.TextChoices):
        PENDING = "pending", _("waiting for approval")
        APPROVED = "approved", _("approved")
        REFUSED = "refused", _("refused")
        ENDED = "ended", _("ended")

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="memberships", verbose_name=_("person"))
    institution = models.ForeignKey(
        "institutions.Institution", on_delete=models.CASCADE, related_name="memberships", verbose_name=_("unit")
    )
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.PENDING)
    requested_at = models.DateTimeField(_("requested at"), auto_now_add=True)
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    decided_by = models.ForeignKey(
        User, on_delete=models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("decided by")
    )
    # The organiser decided in place of the unit's verifier (the unit has none).
    on_behalf = models.BooleanField(_("decided by the organiser on the unit's behalf"), default=False)
    # An invitation by the verifier or organiser is an approval given in advance.
    by_invitation = models.BooleanField(_("by invitation"), default=False)
    reason = models.CharField(_("reason"), max_length=500, blank=True)

    class Meta:
        verbose_name = _("unit membership")
        verbose_name_plural = _("unit memberships")
        ordering = ["-requested_at"]
        constraints = [
            # One open request or standing membership per person at a time.
            models.UniqueConstraint(
                fields=["user"], condition=models.Q(status__in=["pending", "approved"]), name="one_open_membership_per_user"
            ),
        ]
        indexes = [models.Index(fields=["institution", "status"])]

    def __str__(self) -> str:
        return f"{self.user} → {self.institution} ({self.get_status_display()})"
