"""Build the national data set in PostgreSQL (database ``sayembara_national``, dropped and made again each run).

What it holds, besides the Pemalang demo (2018-2020, for the institution types and a realistic history):

* one judging edition (year 2021) with ~500 units, 5,000 entries passed screening in two award categories (as
  the demo's), 9 proposal sections answered, two team members each;
* 300 jurors (academic / NGO / bureaucracy, 100 each), a blind proposal stage (open) with 3 criteria and rubric,
  a locked assignment of 3 jurors per entry (one per element), pseudonyms and masked copies made;
* score sheets: most submitted (3 scores), some drafts (partial), some missing (no sheet), so "behind" has content;
  one unscored draft per juror is the load benchmark's target;
* conflicts derived by the app (bureaucracy jurors work in participating units) plus a few hundred declared;
* the final ranking computed by the results service, and awards proposed from it;
* a registry of ~30,000 innovations with ~40,000 entries across 2011-2020, indexed by the registry's service;
* audit events in the volume the scoring would have written;
* one organiser (staff, superuser) and every juror signed in: sessions made through Django's session engine,
  their cookies written to /tmp/sayembara-national/sessions.json with the ids the other scripts need.

    /work/main/.venv/bin/python bench/national_build.py [--entries 5000 --jurors 300 --registry 30000]
"""

from __future__ import annotations

import argparse
import json
import random
import time
from decimal import Decimal

from national_common import DB_NAME, PG_SERVER, SESSIONS_FILE, WORK_DIR, setup_django

YEAR = 2021
HISTORY_YEARS = list(range(2011, 2021))
STEPS: list[tuple[str, float]] = []


class step:
    """Times one part of the build and prints it."""

    def __init__(self, name: str):
        self.name = name

    def __enter__(self):
        self.t0 = time.perf_counter()
        print(f"  {self.name} ...", end="", flush=True)
        return self

    def __exit__(self, *exc):
        spent = time.perf_counter() - self.t0
        STEPS.append((self.name, spent))
        print(f" {spent:.1f} s", flush=True)


def recreate_database() -> None:
    """Drop and create sayembara_national only (never any other database on the server)."""
    import psycopg

    with psycopg.connect(f"{PG_SERVER}/postgres", autocommit=True) as conn:
        conn.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = %s AND pid <> pg_backend_pid()",
                      [DB_NAME])
        conn.execute(f'DROP DATABASE IF EXISTS "{DB_NAME}"')
        conn.execute(f'CREATE DATABASE "{DB_NAME}"')


WORDS = (
    "layanan pelayanan warga desa kesehatan pendidikan sampah air bersih administrasi kependudukan izin usaha pajak "
    "pertanian pupuk nelayan ikan pasar wisata batik tenun anak sekolah lansia posyandu gizi stunting ibu hamil bidan "
    "puskesmas rumah sakit antrean daring aplikasi digital data informasi pengaduan transparansi anggaran jalan lampu "
    "surya jamban sanitasi banjir longsor bencana relawan kader perpustakaan buku literasi perempuan disabilitas miskin "
    "bantuan sosial jaminan kartu identitas akta kelahiran domisili jemput bola keliling terpadu satu pintu cepat murah "
    "mudah gratis mandiri gotong royong koperasi bumdes modal kredit tabungan retribusi parkir terminal kopi kebun hutan "
    "mangrove pantai sungai irigasi sawah ternak vaksin imunisasi obat apotek dokter perawat persalinan rujukan ambulans"
).split()
ZIPF = [1 / (i + 1) for i in range(len(WORDS))]


def text(rng: random.Random, n: int) -> str:
    return " ".join(rng.choices(WORDS, weights=ZIPF, k=n))


def build(args) -> dict:
    from django.contrib.auth.hashers import make_password
    from django.db import transaction
    from django.utils import timezone

    from sayembara import demo
    from sayembara.accounts.models import User
    from sayembara.editions.models import Category, Criterion, Edition, Phase, ProposalSection, RubricLevel, Stage
    from sayembara.entries.models import Entry, Innovation, ProposalAnswer, TeamMember
    from sayembara.institutions.models import Institution, InstitutionType
    from sayembara.jury.models import Assignment, Conflict, EntryAlias, Juror, Score, ScoreSheet, StageJury

    rng = random.Random(2021)
    now = timezone.now()
    unusable = make_password(None)

    with step("Pemalang demo (2018-2020, institution types, award categories)"):
        demo.build()

    with step(f"edition {YEAR}: units, categories, sections, blind proposal stage"), transaction.atomic():
        types = {t.code: t for t in InstitutionType.objects.all()}
        kecamatan = Institution.objects.bulk_create(
            Institution(type=types["kecamatan"], name=f"Kecamatan Nusantara {i:03d}", short_name=f"Kec-N{i:03d}")
            for i in range(40))
        units = []
        plan = [("opd", 120), ("pemdes", 240), ("bumd", 30), ("puskesmas", 70)]
        for code, count in plan:
            for i in range(count):
                parent = kecamatan[i % len(kecamatan)] if code == "pemdes" else None
                units.append(Institution(type=types[code], name=f"{types[code].name.split(' (')[0]} Nusantara {i:03d}",
                                         short_name=f"{code.upper()}-N{i:03d}", parent=parent))
        units = Institution.objects.bulk_create(units)
        outside = Institution.objects.bulk_create(
            Institution(type=types["external"], name=f"{'Universitas' if i % 2 == 0 else 'Yayasan'} Nusantara {i:02d}",
                        short_name=f"EXT-{i:02d}") for i in range(40))
        edition = Edition.objects.create(
            year=YEAR, title="Kompetisi Inovasi Pelayanan Publik Nasional", host="Kementerian PANRB (bench)",
            theme="Inovasi pelayanan publik berskala nasional", status=Edition.Status.JUDGING, venue="Jakarta",
            decree_number=f"050/1/{YEAR}")
        cat_opd = Category.objects.create(edition=edition, name="Perangkat Daerah dan BUMD", order=1, quota_per_institution=30)
        cat_opd.institution_types.set(InstitutionType.objects.filter(participates=True).exclude(code="pemdes"))
        cat_village = Category.objects.create(edition=edition, name="Pemerintah Desa", order=2, quota_per_institution=30)
        cat_village.institution_types.set(InstitutionType.objects.filter(code="pemdes"))
        sections = [ProposalSection.objects.create(edition=edition, order=o, code=c, title=t, word_limit=w, guidance=g)
                    for o, (c, t, w, g) in enumerate(demo.SECTIONS, start=1)]
        stage = Stage.objects.create(edition=edition, order=1, kind=Stage.Kind.PROPOSAL, name="Penilaian Proposal",
                                     weight=Decimal(100), blind=True, status=Stage.Status.OPEN)
        criteria = []
        for order, (code, name, weight, description) in enumerate(demo.CRITERIA, start=1):
            criterion = Criterion.objects.create(stage=stage, order=order, code=code, name=name, weight=weight,
                                                 description=description)
            RubricLevel.objects.bulk_create(RubricLevel(criterion=criterion, min_score=lo, max_score=hi, label=label,
                                                        description=d) for lo, hi, label, d in demo.RUBRIC)
            criteria.append(criterion)
        Phase.objects.create(edition=edition, kind=Phase.Kind.JUDGING, name="Penilaian proposal", stage=stage,
                             starts_at=now - timezone.timedelta(days=7), ends_at=now + timezone.timedelta(days=14))

    with step(f"{args.entries:,} innovations and entries, team members, proposal answers"), transaction.atomic():
        innovations = Innovation.objects.bulk_create(
            (Innovation(title=f"{text(rng, 3).upper()} NUSANTARA {i}", institution=units[i % len(units)],
                        summary=text(rng, 25), is_digital=rng.random() < 0.4,
                        started_on=demo.jakarta(2017 + i % 3, 1 + i % 12, 1).date())
             for i in range(args.entries)), batch_size=2000)
        entries = Entry.objects.bulk_create(
            (Entry(edition=edition, innovation=inv, institution=inv.institution, title=inv.title,
                   category=cat_village if inv.institution.type_id == types["pemdes"].pk else cat_opd,
                   status=Entry.Status.PASSED, code=f"NAS-{YEAR}-{i + 1:05d}", sent_at=now - timezone.timedelta(days=30))
             for i, inv in enumerate(innovations)), batch_size=2000)
        TeamMember.objects.bulk_create(
            (TeamMember(entry=e, name=f"{rng.choice(demo.FIRST_NAMES)} {rng.choice(demo.LAST_NAMES)}",
                        role=role, is_lead=lead)
             for e in entries for role, lead in (("Ketua tim", True), ("Anggota", False))), batch_size=5000)
        answers = {}
        rows = []
        for e in entries:
            answers[e.pk] = []
            for section in sections:
                body = f"{e.title.title()}: {text(rng, 45)}."
                answers[e.pk].append((section.title, body))
                rows.append(ProposalAnswer(entry=e, section=section, text=body))
        ProposalAnswer.objects.bulk_create(rows, batch_size=5000)

    with step(f"{args.jurors} jurors, organiser"), transaction.atomic():
        elements = [Juror.Element.ACADEMIC, Juror.Element.NGO, Juror.Element.BUREAUCRACY]
        opd_units = [u for u in units if u.type_id == types["opd"].pk]
        users = User.objects.bulk_create(
            User(email=f"juri{j:03d}@nasional.bench", username=f"juri{j:03d}", full_name=f"Juri Nasional {j:03d}",
                 password=unusable, email_confirmed_at=now,
                 institution=(opd_units[j % len(opd_units)] if j % 3 == 2 else outside[j % len(outside)]))
            for j in range(args.jurors))
        jurors = Juror.objects.bulk_create(
            Juror(edition=edition, user=u, element=elements[j % 3], affiliation=u.institution,
                  code_of_conduct_accepted_at=now, invitation_accepted_at=now, invited_at=now)
            for j, u in enumerate(users))
        organiser = User.objects.create(
            email="panitia@nasional.bench", username="panitia-nasional", full_name="Panitia Nasional",
            password=unusable, is_organiser=True, is_staff=True, is_superuser=True, email_confirmed_at=now)

    with step("conflicts: derived by the app, then declared"):
        from sayembara.jury import services as jury

        derived = jury.detect_conflicts(edition)
        kinds = [Conflict.Kind.ADVISER, Conflict.Kind.FAMILY, Conflict.Kind.OTHER]
        declared = {(rng.randrange(len(jurors)), rng.randrange(len(entries))) for _ in range(args.declared)}
        Conflict.objects.bulk_create(
            (Conflict(juror=jurors[j], entry=entries[e], kind=rng.choice(kinds),
                      source=rng.choice([Conflict.Source.DECLARED, Conflict.Source.RECORDED]), note="Bench: declared")
             for j, e in declared), ignore_conflicts=True)
        conflicted = set(Conflict.objects.filter(juror__edition=edition).values_list("juror_id", "entry_id"))

    with step("assignment: 3 jurors per entry, one per element, balanced, no conflict; locked"), transaction.atomic():
        by_element = {e: [j for j in jurors if j.element == e] for e in elements}
        load = {j.pk: 0 for j in jurors}
        assignments = []
        for entry in entries:
            for element in elements:
                pool = sorted(by_element[element], key=lambda j: (load[j.pk], rng.random()))
                juror = next(j for j in pool if (j.pk, entry.pk) not in conflicted)
                load[juror.pk] += 1
                assignments.append(Assignment(stage=stage, juror=juror, entry=entry))
        Assignment.objects.bulk_create(assignments, batch_size=5000)
        StageJury.objects.create(stage=stage, per_entry=3, seed=YEAR, assigned_at=now, assigned_by=organiser,
                                 optimal=True, locked_at=now, locked_by=organiser)

    with step("pseudonyms and masked copies (jury.blind)"), transaction.atomic():
        from sayembara.entries.blind import blind_copy
        from sayembara.jury.blind import ALPHABET, PSEUDONYM_LENGTH

        full = {e.pk: e for e in Entry.objects.filter(edition=edition).select_related("institution__parent")
                .prefetch_related("team")}
        taken, aliases = set(), []
        for entry in entries:
            while True:
                pseudonym = "".join(rng.choice(ALPHABET) for _ in range(PSEUDONYM_LENGTH))
                if pseudonym not in taken:
                    taken.add(pseudonym)
                    break
            copy = blind_copy(full[entry.pk], answers=answers[entry.pk])
            aliases.append(EntryAlias(stage=stage, entry=entry, pseudonym=pseudonym, title=copy.title[:300],
                                      answers=[list(p) for p in copy.answers], masked=copy.masked,
                                      leftovers=copy.leftovers, source_version=full[entry.pk].version))
        EntryAlias.objects.bulk_create(aliases, batch_size=2000)
        pseudonyms = {a.entry_id: a.pseudonym for a in aliases}

    with step("score sheets and scores (most submitted, some drafts, some missing)"), transaction.atomic():
        quality = {e.pk: rng.gauss(70, 8) for e in entries}
        leniency = {j.pk: rng.gauss(0, 4) for j in jurors}
        # One unscored draft per juror: the load benchmark's target (its first assignment by pseudonym).
        per_juror: dict[int, list[Assignment]] = {}
        for a in assignments:
            per_juror.setdefault(a.juror_id, []).append(a)
        targets = {min(rows, key=lambda a: pseudonyms[a.entry_id]).pk: None for rows in per_juror.values()}
        sheets, plan_rows = [], []
        for a in assignments:
            if a.pk in targets:
                sheets.append(ScoreSheet(stage=stage, juror_id=a.juror_id, entry_id=a.entry_id))
                plan_rows.append((a, "target"))
                continue
            draw = rng.random()
            if draw < args.missing:
                continue  # no sheet yet: "missing"
            kind = "draft" if draw < args.missing + args.drafts else "submitted"
            sheets.append(ScoreSheet(stage=stage, juror_id=a.juror_id, entry_id=a.entry_id, status=kind,
                                     submitted_at=now if kind == "submitted" else None, version=2,
                                     comment="Catatan juri." if kind == "submitted" else ""))
            plan_rows.append((a, kind))
        sheets = ScoreSheet.objects.bulk_create(sheets, batch_size=5000)
        scores = []
        for sheet, (a, kind) in zip(sheets, plan_rows):
            if kind == "target":
                targets[a.pk] = sheet.pk
                continue
            chosen = criteria if kind == "submitted" else criteria[: rng.randint(1, 2)]
            for c in chosen:
                value = max(0, min(100, round(quality[a.entry_id] + leniency[a.juror_id] + rng.gauss(0, 5))))
                scores.append(Score(sheet=sheet, criterion=c, value=Decimal(value),
                                    justification=demo._justification(c.code, value)))
        Score.objects.bulk_create(scores, batch_size=5000)

    with step("audit events in the volume scoring writes"), transaction.atomic():
        from sayembara.audit.models import AuditEvent

        user_of = {j.pk: j.user_id for j in jurors}
        events = [AuditEvent(actor_id=user_of[s.juror_id], action="create", model="jury.scoresheet", object_id=str(s.pk),
                             summary=f"{stage} · sheet {s.pk}"[:255], changes={"status": [None, s.status]})
                  for s in sheets]
        events += [AuditEvent(actor_id=user_of[sheets_by.juror_id], action="create", model="jury.score",
                              object_id=str(sc.pk), summary=f"{sc.criterion_id}: {sc.value}",
                              changes={"value": [None, str(sc.value)]})
                   for sheets_by, sc in ((sc.sheet, sc) for sc in scores)]
        AuditEvent.objects.bulk_create(events, batch_size=5000)

    with step("final ranking (results.services.compute_ranking)"):
        from sayembara.results import services as results

        run = results.compute_ranking(edition)
        print(f" [{run.method_used}, {run.bootstrap} resamples, {run.rows.count()} rows]", end="")
    with step("stage ranking (results.services.compute_ranking for the proposal stage)"):
        results.compute_ranking(edition, stage)
    with step("awards proposed from the ranking (results.services.save_awards)"):
        decisions = [{"entry": p["row"].entry, "title": p["title"], "order": p["order"],
                      "category": p["row"].entry.category, "final_score": results.round_score(p["row"].score)}
                     for p in results.propose_awards(edition, run)]
        results.save_awards(edition, decisions)

    with step("provisional announcement (results.sequence.announce_provisional), stage closed for it, then reopened"):
        # The public results page needs an announcement; the service refuses one while a stage is open. The stage
        # is closed for the announcement and opened again for the juror pages and the load benchmark.
        from sayembara.results import sequence

        Stage.objects.filter(pk=stage.pk).update(status=Stage.Status.CLOSED)
        try:
            sequence.announce_provisional(edition, organiser)
        except Exception as exc:  # noqa: BLE001 - the public page then answers 404, reported by national_pages
            print(f" [not announced: {type(exc).__name__}: {exc}]", end="")
        Stage.objects.filter(pk=stage.pk).update(status=Stage.Status.OPEN)

    with step(f"registry: ~{args.registry:,} innovations across {HISTORY_YEARS[0]}-{HISTORY_YEARS[-1]}"):
        build_history(args, rng, units)
    with step("registry index (registry.services.refresh_records)"):
        from sayembara.registry.services import refresh_records

        refresh_records()

    with step("similarity model (the registry job's work, in-process: no worker runs here)"):
        from sayembara.registry.services import build_similarity_model, possible_duplicates, store_duplicates

        build_similarity_model()
    with step(f"possible duplicates of {YEAR} (the registry job's work, in-process)"):
        store_duplicates(edition, possible_duplicates(edition))

    with step("sessions (organiser, every juror) through the session engine"):
        facts = make_sessions(edition, stage, criteria, organiser, jurors, entries, pseudonyms, targets, assignments)
    return facts


def build_history(args, rng: random.Random, units) -> None:
    """Earlier, published editions with innovations and entries, as bench_registry builds them."""
    from django.db import transaction

    from sayembara import demo
    from sayembara.editions.models import Category, Edition
    from sayembara.entries.models import Entry, Innovation

    with transaction.atomic():
        editions = {}
        for year in HISTORY_YEARS:
            edition = Edition.objects.filter(year=year).first()
            if edition is None:
                edition = Edition.objects.create(year=year, title="Kompetisi Inovasi Pelayanan Publik", host="Bench",
                                                 status=Edition.Status.PUBLISHED,
                                                 results_published_at=demo.jakarta(year, 12, 21))
                Category.objects.create(edition=edition, name="Perangkat Daerah dan BUMD", order=1)
                Category.objects.create(edition=edition, name="Pemerintah Desa", order=2)
            editions[year] = (edition.pk, list(edition.categories.values_list("pk", flat=True)))
        unit_ids = [u.pk for u in units]
        existing = Innovation.objects.exclude(entries__edition__year=YEAR).count()
        made = Innovation.objects.bulk_create(
            (Innovation(title=f"{text(rng, 3).upper()} {i}", institution_id=rng.choice(unit_ids), summary=text(rng, 30),
                        is_digital=rng.random() < 0.4, maturity=rng.choice(["inisiatif", "uji_coba", "penerapan"]),
                        status="stopped" if rng.random() < 0.1 else "active")
             for i in range(max(0, args.registry - existing))), batch_size=2000)
        # Some earlier innovations resemble a 2021 entry (a re-submission under a new name, or a replication), so
        # that the duplicates page has something to show.
        national = list(Innovation.objects.filter(entries__edition__year=YEAR).order_by("pk")[: args.resembling * 7: 7])
        made += Innovation.objects.bulk_create(
            Innovation(title=f"{inv.title.replace('NUSANTARA', 'DAERAH')}", institution_id=rng.choice(unit_ids),
                       summary=inv.summary, is_digital=inv.is_digital, maturity=inv.maturity)
            for inv in national)
        taken = set(Entry.objects.values_list("edition__year", "innovation_id"))
        entries, number = [], 0
        wanted = int(len(made) * 1.35)
        while len(entries) < wanted:
            inv = rng.choice(made)
            year = rng.choice(HISTORY_YEARS)
            if (year, inv.pk) in taken:
                continue
            taken.add((year, inv.pk))
            number += 1
            edition_id, categories = editions[year]
            status = rng.choices(["passed", "failed", "draft", "sent"], weights=[80, 8, 8, 4])[0]
            entries.append(Entry(edition_id=edition_id, innovation_id=inv.pk, institution_id=inv.institution_id,
                                 title=inv.title, category_id=rng.choice(categories), status=status,
                                 code=f"H-{year}-{number:06d}",
                                 sent_at=None if status == "draft" else demo.jakarta(year, 9, rng.randint(1, 29))))
        Entry.objects.bulk_create(entries, batch_size=2000)


def make_sessions(edition, stage, criteria, organiser, jurors, entries, pseudonyms, targets, assignments) -> dict:
    from django.conf import settings
    from django.contrib.sessions.backends.db import SessionStore
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.utils.module_loading import import_string

    store_class = import_string(settings.SESSION_ENGINE + ".SessionStore") if settings.SESSION_ENGINE else SessionStore

    def session_for(user) -> str:
        store = store_class()
        store[SESSION_KEY] = str(user.pk)
        store[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
        store[HASH_SESSION_KEY] = user.get_session_auth_hash()
        store.set_expiry(7 * 24 * 3600)
        store.create()
        return store.session_key

    from sayembara.accounts.models import User

    users = {u.pk: u for u in User.objects.filter(pk__in=[j.user_id for j in jurors])}
    target_of = {}
    for a in assignments:
        if a.pk in targets:
            target_of[a.juror_id] = {"sheet": targets[a.pk], "entry": a.entry_id, "ref": pseudonyms[a.entry_id]}
    juror_rows = []
    for j in jurors:
        juror_rows.append({"juror": j.pk, "user": j.user_id, "email": users[j.user_id].email,
                           "element": j.element, "session": session_for(users[j.user_id]), "target": target_of[j.pk]})
    from sayembara.entries.models import Innovation

    sample_entry = entries[len(entries) // 2]
    return {
        "built_at": time.strftime("%Y-%m-%d %H:%M:%S"),
        "cookie_name": settings.SESSION_COOKIE_NAME,
        "csrf_cookie_name": settings.CSRF_COOKIE_NAME,
        "year": edition.year, "edition": edition.pk, "stage": stage.pk, "stage_order": stage.order,
        "criteria": [c.pk for c in criteria],
        "organiser": {"user": organiser.pk, "email": organiser.email, "session": session_for(organiser)},
        "jurors": juror_rows,
        "sample_entry": {"pk": sample_entry.pk, "code": sample_entry.code, "title": sample_entry.title},
        "sample_innovation": Innovation.objects.filter(entries__edition__year__lt=edition.year).order_by("pk").values_list("pk", flat=True).first(),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entries", type=int, default=5000)
    parser.add_argument("--jurors", type=int, default=300)
    parser.add_argument("--registry", type=int, default=30000, help="innovations of earlier editions")
    parser.add_argument("--declared", type=int, default=300, help="declared/recorded conflicts")
    parser.add_argument("--resembling", type=int, default=150, help="earlier innovations that resemble a 2021 entry")
    parser.add_argument("--drafts", type=float, default=0.05, help="share of assignments with a draft sheet")
    parser.add_argument("--missing", type=float, default=0.05, help="share of assignments without a sheet")
    args = parser.parse_args()

    started = time.perf_counter()
    WORK_DIR.mkdir(parents=True, exist_ok=True)
    print(f"national data set in PostgreSQL database {DB_NAME} (dropped and made again)")
    with step(f"drop/create {DB_NAME}"):
        recreate_database()
    setup_django()
    from django.core.management import call_command

    with step("migrate"):
        call_command("migrate", "--no-input", verbosity=0)
    facts = build(args)
    SESSIONS_FILE.write_text(json.dumps(facts, indent=1))
    with step("ANALYZE"):
        from django.db import connection

        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    from sayembara.entries.models import Entry, Innovation
    from sayembara.jury.models import Assignment, Conflict, Score, ScoreSheet

    total = time.perf_counter() - started
    counts = {
        "entries (national edition)": Entry.objects.filter(edition__year=YEAR).count(),
        "assignments": Assignment.objects.filter(stage_id=facts["stage"]).count(),
        "sheets submitted": ScoreSheet.objects.filter(stage_id=facts["stage"], status="submitted").count(),
        "sheets draft": ScoreSheet.objects.filter(stage_id=facts["stage"], status="draft").count(),
        "scores": Score.objects.filter(sheet__stage_id=facts["stage"]).count(),
        "conflicts": Conflict.objects.filter(juror__edition_id=facts["edition"]).count(),
        "innovations (all)": Innovation.objects.count(),
        "entries (all editions)": Entry.objects.count(),
    }
    for name, value in counts.items():
        print(f"  {name:28} {value:>8,}")
    print(f"sessions and ids written to {SESSIONS_FILE}")
    print(f"national build took {total:.1f} s")


if __name__ == "__main__":
    main()
