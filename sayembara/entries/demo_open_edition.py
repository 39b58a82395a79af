"""An edition open for entries, for the demo and the tests: Kompetisi Inovasi Pelayanan Publik 2027.

``ensure_open_edition()`` is idempotent: it creates the edition once and, when
called again later, only moves the submission deadline back into the future.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from zoneinfo import ZoneInfo

from django.db import transaction
from django.utils import timezone

from sayembara.editions.models import Category, Criterion, Edition, Phase, Stage
from sayembara.institutions.models import InstitutionType

from .defaults import apply_defaults

YEAR = 2027
JAKARTA = ZoneInfo("Asia/Jakarta")


def _at(day: dt.date, hour: int, minute: int = 0) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(hour, minute), tzinfo=JAKARTA)


@transaction.atomic
def ensure_open_edition(now: dt.datetime | None = None) -> Edition:
    now = timezone.localtime(now or timezone.now(), JAKARTA)
    today = now.date()
    deadline = _at(today + dt.timedelta(days=30), 23, 59)
    edition, created = Edition.objects.get_or_create(
        year=YEAR,
        defaults={
            "title": "Kompetisi Inovasi Pelayanan Publik",
            "host": "Pemerintah Kabupaten Pemalang",
            "theme": "Inovasi pelayanan publik yang cermat, cerdas, cepat, murah dan mudah dijangkau",
            "description": (
                "Kompetisi tahunan bagi inovator dari Organisasi Perangkat Daerah, Pemerintah Desa dan BUMD "
                "di lingkungan Pemerintah Kabupaten Pemalang, diselenggarakan oleh Bagian Organisasi Setda."
            ),
            "status": Edition.Status.OPEN,
            "venue": "Gedung Sasana Bhakti Praja Pemalang",
        },
    )
    if created:
        _create_categories(edition)
        stages = _create_stages(edition)
        _create_phases(edition, start=_at(today - dt.timedelta(days=30), 8), deadline=deadline, judged=stages[0])
    else:
        _reopen(edition, now, deadline)
    apply_defaults(edition)
    return edition


def _create_categories(edition: Edition) -> None:
    agencies = Category.objects.create(edition=edition, name="Perangkat Daerah dan BUMD", order=1, quota_per_institution=3)
    agencies.institution_types.set(InstitutionType.objects.filter(participates=True).exclude(code="pemdes"))
    villages = Category.objects.create(edition=edition, name="Pemerintah Desa", order=2, quota_per_institution=1)
    villages.institution_types.set(InstitutionType.objects.filter(code="pemdes"))


def _create_stages(edition: Edition) -> list[Stage]:
    stages = []
    for order, kind, name, weight, blind in [
        (1, Stage.Kind.PROPOSAL, "Penilaian Proposal", Decimal("30"), True),
        (2, Stage.Kind.PRESENTATION, "Presentasi", Decimal("30"), False),
        (3, Stage.Kind.INTERVIEW, "Wawancara", Decimal("40"), False),
    ]:
        stage = Stage.objects.create(edition=edition, order=order, kind=kind, name=name, weight=weight, blind=blind)
        for c_order, (code, c_name, c_weight) in enumerate(
            [("inovasi", "Inovasi", 40), ("kemanfaatan", "Kemanfaatan", 35), ("replikasi", "Replikasi dan keberlanjutan", 25)],
            start=1,
        ):
            Criterion.objects.create(stage=stage, order=c_order, code=code, name=c_name, weight=Decimal(c_weight))
        stages.append(stage)
    return stages


def _create_phases(edition: Edition, start: dt.datetime, deadline: dt.datetime, judged: Stage) -> None:
    """Registration and sending until ``deadline``, then screening, then the judging of the ``judged`` stage."""
    for kind, name, starts, ends, stage in [
        (Phase.Kind.REGISTRATION, "Pendaftaran", start, deadline, None),
        (Phase.Kind.SUBMISSION, "Batas akhir pengiriman proposal", start, deadline, None),
        (Phase.Kind.SCREENING, "Seleksi administrasi", deadline + dt.timedelta(minutes=1),
         deadline + dt.timedelta(days=14), None),
        (Phase.Kind.JUDGING, "Penilaian proposal", deadline + dt.timedelta(days=15),
         deadline + dt.timedelta(days=45), judged),
    ]:
        Phase.objects.create(edition=edition, kind=kind, name=name, starts_at=starts, ends_at=ends, stage=stage)


def _reopen(edition: Edition, now: dt.datetime, deadline: dt.datetime) -> None:
    """Called again later: a passed submission deadline (and the phases after it) moves to ``deadline``."""
    submission = edition.phases.filter(kind=Phase.Kind.SUBMISSION).first()
    if submission is not None and submission.ends_at < now:
        shift = deadline - submission.ends_at
        for phase in edition.phases.filter(starts_at__gte=submission.starts_at):
            phase.ends_at += shift
            if phase.pk != submission.pk and phase.kind != Phase.Kind.REGISTRATION:
                phase.starts_at += shift
            phase.save()
    if edition.status != Edition.Status.OPEN:
        edition.status = Edition.Status.OPEN
        edition.save()
