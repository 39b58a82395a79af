"""Small builders that state a test's case in its own numbers, instead of copying counts from the demo.

Each makes the least a valid object needs and takes the rest as arguments: ``entry(edition, status=PASSED)``,
``submit_sheet(juror, stage, entry, {"inovasi": 80})``. A test that builds its case in a year of its own
(``edition(2031)``) reads its figures from what it built, whatever the demo holds.
"""

from __future__ import annotations

import itertools
from decimal import Decimal

from sayembara.accounts.models import User
from sayembara.editions.models import Criterion, Edition, Stage
from sayembara.entries.models import Entry, Innovation
from sayembara.institutions.models import Institution, InstitutionType
from sayembara.jury.models import Juror, Score, ScoreSheet
from sayembara.results.models import Award

_serial = itertools.count(1)


def edition(year: int, **fields) -> Edition:
    fields.setdefault("title", f"Kompetisi Inovasi {year}")
    fields.setdefault("host", "Kabupaten Uji")
    return Edition.objects.create(year=year, **fields)


def unit(name: str | None = None, type_code: str = "opd", **fields) -> Institution:
    kind, _created = InstitutionType.objects.get_or_create(code=type_code, defaults={"name": type_code.upper()})
    return Institution.objects.create(type=kind, name=name or f"Unit Uji {next(_serial)}", **fields)


def entry(edition: Edition, institution: Institution | None = None, status: str = Entry.Status.PASSED,
          title: str | None = None, **fields) -> Entry:
    institution = institution or unit()
    n = next(_serial)
    title = title or f"Inovasi Uji {n}"
    innovation = Innovation.objects.create(title=title, institution=institution)
    return Entry.objects.create(edition=edition, innovation=innovation, institution=institution, title=title,
                                code=f"T-{edition.year}-{n:04d}", status=status, **fields)


def stage(edition: Edition, order: int = 1, kind: str = Stage.Kind.PROPOSAL, weight: str = "1",
          criteria: dict[str, tuple[int, int]] | None = None, **fields) -> Stage:
    """A stage with criteria ``{code: (lowest, highest)}`` of equal weight (one 0-100 criterion by default)."""
    made = Stage.objects.create(edition=edition, order=order, kind=kind, name=f"Tahap {order}", weight=Decimal(weight),
                                **fields)
    for position, (code, (low, high)) in enumerate((criteria or {"inovasi": (0, 100)}).items(), start=1):
        Criterion.objects.create(stage=made, code=code, name=code.capitalize(), weight=Decimal("1"), order=position,
                                 min_score=Decimal(low), max_score=Decimal(high))
    return made


def juror(edition: Edition, element: str = Juror.Element.ACADEMIC, **fields) -> Juror:
    n = next(_serial)
    person = User.objects.create_user(email=f"juri.{n}@uji.example", username=f"juri-uji-{n}", full_name=f"Juri Uji {n}",
                                      password=None)
    return Juror.objects.create(edition=edition, user=person, element=element, **fields)


def submit_sheet(juror: Juror, stage: Stage, entry: Entry, values: dict[str, int | str],
                 status: str = ScoreSheet.Status.SUBMITTED) -> ScoreSheet:
    """A sheet with a score per criterion code (a code left out is a missing score)."""
    sheet = ScoreSheet.objects.create(stage=stage, juror=juror, entry=entry, status=status)
    criteria = {c.code: c for c in stage.criteria.all()}
    for code, value in values.items():
        Score.objects.create(sheet=sheet, criterion=criteria[code], value=Decimal(str(value)))
    return sheet


def award(entry: Entry, title: str = "Juara I", order: int = 1) -> Award:
    return Award.objects.create(edition=entry.edition, entry=entry, title=title, order=order, category=entry.category)
