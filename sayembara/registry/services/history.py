"""An innovation's history on its page, who owns it, and recording replications (ATM: amati, tiru, modifikasi)."""

from __future__ import annotations

from django.conf import settings
from django.core.mail import send_mass_mail
from django.db import transaction
from django.urls import reverse
from django.utils.translation import gettext as _

from sayembara.editions.models import Edition
from sayembara.entries.models import Entry, Innovation
from sayembara.institutions.models import Institution
from sayembara.links import absolute

from ..models import Replication
from ..rules import units_of
from .errors import RegistryError
from .index import _public_entry_q, mark_stale


def innovation_history(innovation: Innovation) -> list[dict]:
    """Each public entry of the innovation with the stage it reached and its awards, oldest first."""
    entries = (
        Entry.objects.filter(_public_entry_q(), innovation=innovation)
        .exclude(edition__in=Edition.objects.with_makers_hidden())
        .select_related("edition", "category", "reached_stage", "institution")
        .prefetch_related("awards")
        .order_by("edition__year")
    )
    return [
        {
            "entry": entry,
            "year": entry.edition.year,
            "stage": entry.reached_stage,
            "awards": [a for a in entry.awards.all()] if entry.edition.results_are_public else [],
        }
        for entry in entries
    ]


def replications_of(innovation: Innovation) -> list[dict]:
    """Units that replicated the innovation: linked innovations and recorded replications, once each."""
    rows: dict[tuple, dict] = {}
    for replica in innovation.replications.select_related("institution", "registry_record").order_by("title"):
        rows[("innovation", replica.pk)] = {"innovation": replica, "institution": replica.institution, "record": None}
    for record in innovation.replication_records.filter(kind=Replication.Kind.REPLICATED).select_related(
        "replica__institution", "institution"
    ):
        key = ("innovation", record.replica_id) if record.replica_id else ("record", record.pk)
        row = rows.setdefault(key, {"innovation": record.replica, "institution": record.institution, "record": None})
        row["record"] = record
    return list(rows.values())


def owners_of(innovation: Innovation) -> list[str]:
    """Where to write to reach an innovation's owners: the unit's contact address, else its members."""
    from sayembara.accounts.models import User

    institution = innovation.institution
    if institution.contact_email:
        return [institution.contact_email]
    return list(User.objects.filter(institution=institution, is_active=True).values_list("email", flat=True))


def user_units(user) -> list[Institution]:
    """The units ``user`` acts for in the registry (see ``registry.rules.units_of``)."""
    return list(Institution.objects.filter(pk__in=units_of(user)).select_related("type").order_by("name"))


@transaction.atomic
def record_replication(
    origin: Innovation, institution: Institution, user, replica: Innovation | None = None, new_title: str = "",
    message: str = "",
) -> Replication:
    """Record that ``institution`` replicated ``origin``; links (or creates) its own innovation to the origin."""
    if replica is None and new_title:
        replica = Innovation.objects.create(
            title=new_title, institution=institution, summary=message, replicated_from=origin,
            is_digital=origin.is_digital, form=origin.form, maturity=Innovation.Maturity.TRIAL,
        )
    elif replica is not None:
        if replica.institution_id != institution.pk:
            raise RegistryError(_("The replicating innovation must belong to the replicating unit."))
        if replica.pk == origin.pk:
            raise RegistryError(_("This innovation cannot be recorded as a replication of itself."))
        replica.replicated_from = origin
        replica.save(update_fields=["replicated_from"])
    record = Replication.objects.create(
        origin=origin, replica=replica, institution=institution, kind=Replication.Kind.REPLICATED,
        message=message, created_by=user,
    )
    mark_stale([origin.pk, replica.pk if replica else None])
    return record


def request_replication_help(origin: Innovation, institution: Institution, user, message: str) -> Replication:
    record = Replication.objects.create(
        origin=origin, institution=institution, kind=Replication.Kind.HELP_REQUESTED, message=message, created_by=user
    )
    recipients = owners_of(origin)
    if recipients:
        link = absolute(reverse("registry:detail", args=[origin.pk]))
        subject = " ".join((_("Request to replicate “%(title)s”") % {"title": origin.title}).split())
        body = _(
            "%(unit)s would like to replicate your innovation “%(title)s” (ATM: amati, tiru, modifikasi) and asks for "
            "your help.\n\nMessage:\n%(message)s\n\nContact: %(name)s <%(email)s>\n\n%(link)s"
        ) % {"unit": institution.name, "title": origin.title, "message": message, "name": user.full_name or user.email,
             "email": user.email, "link": link}
        send_mass_mail([(subject, body, settings.DEFAULT_FROM_EMAIL, [address]) for address in recipients])
    return record
