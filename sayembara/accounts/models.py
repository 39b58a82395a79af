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
