"""Registry search at national scale on SQLite: 30,000 innovations, 50,000 entries across ten editions.

Builds a throw-away SQLite database (the Pemalang demo plus synthetic units,
innovations and entries whose texts draw Indonesian words with a Zipf-like
weighting), indexes it, then times registry pages through Django's test
client (server time: view, queries and template). Prints the median and
90th percentile per page and the query counts against the demo-sized data.

Target: median under 200 ms, query counts that do not grow with the data.

Run: .venv/bin/python bench/bench_registry.py
"""

from __future__ import annotations

import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

N_INNOVATIONS, N_ENTRIES, N_UNITS = 30_000, 50_000, 1_500
YEARS = list(range(2011, 2021))
WORDS = (
    "layanan pelayanan melayani warga desa kesehatan pendidikan sampah air bersih administrasi kependudukan izin usaha "
    "pajak pertanian pupuk nelayan ikan pasar wisata batik tenun anak sekolah lansia posyandu gizi stunting ibu hamil "
    "bidan puskesmas rumah sakit antrean daring aplikasi digital data informasi pengaduan keluhan transparansi anggaran "
    "jalan lampu surya jamban sanitasi banjir longsor bencana relawan kader perpustakaan buku literasi perempuan "
    "disabilitas miskin bantuan sosial jaminan kartu identitas akta kelahiran domisili jemput bola keliling terpadu "
    "satu pintu cepat murah mudah terjangkau gratis mandiri gotong royong koperasi bumdes modal kredit tabungan bank "
    "retribusi parkir terminal bus pelajar kopi kebun hutan mangrove pantai sungai irigasi sawah ternak vaksin "
    "imunisasi obat apotek dokter perawat persalinan rujukan ambulans darurat keamanan ketertiban hukum paralegal"
).split()


def setup_django(database: Path) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "sayembara.settings")
    os.environ["DATABASE_URL"] = f"sqlite:///{database}"
    os.environ["SAYEMBARA_VAR_DIR"] = str(database.parent)
    os.environ.setdefault("EMAIL_BACKEND", "django.core.mail.backends.locmem.EmailBackend")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", "--no-input", verbosity=0)


def _text(rng: random.Random, n: int) -> str:
    weights = [1 / (i + 1) for i in range(len(WORDS))]
    return " ".join(rng.choices(WORDS, weights=weights, k=n))


def build_scale_data(seed: int = 30) -> dict:
    """Add units, innovations, editions and entries up to the national figures. Returns timings."""
    from django.db import transaction

    from sayembara import demo
    from sayembara.editions.models import Category, Edition
    from sayembara.entries.models import Entry, Innovation
    from sayembara.institutions.models import Institution, InstitutionType

    rng = random.Random(seed)
    started = time.perf_counter()
    with transaction.atomic():
        types = list(InstitutionType.objects.filter(participates=True, code__in=["opd", "pemdes", "bumd", "kecamatan", "puskesmas"]))
        Institution.objects.bulk_create(
            Institution(type=types[i % len(types)], name=f"Unit Uji {i:05d}", short_name=f"U{i:05d}") for i in range(N_UNITS)
        )
        units = list(Institution.objects.filter(type__participates=True).values_list("pk", flat=True))
        editions = {}
        for year in YEARS:
            edition = Edition.objects.filter(year=year).first()
            if edition is None:
                edition = Edition.objects.create(year=year, title="Kompetisi Inovasi Pelayanan Publik", host="Uji",
                                                 status=Edition.Status.PUBLISHED, results_published_at=demo.jakarta(year, 12, 21))
                Category.objects.create(edition=edition, name="Perangkat Daerah dan BUMD", order=1)
                Category.objects.create(edition=edition, name="Pemerintah Desa", order=2)
            editions[year] = (edition.pk, list(edition.categories.values_list("pk", flat=True)))
        existing = Innovation.objects.count()
        Innovation.objects.bulk_create(
            (
                Innovation(
                    title=f"{_text(rng, 3).upper()} {i}", institution_id=rng.choice(units), summary=_text(rng, 30),
                    is_digital=rng.random() < 0.4, maturity=rng.choice(["inisiatif", "uji_coba", "penerapan"]),
                    status="stopped" if rng.random() < 0.1 else "active",
                )
                for i in range(N_INNOVATIONS - existing)
            ),
            batch_size=2000,
        )
        innovations = list(Innovation.objects.values_list("pk", "institution_id", "title"))
        taken = set(Entry.objects.values_list("edition__year", "innovation_id"))
        wanted = N_ENTRIES - len(taken)
        entries, number = [], 0
        while len(entries) < wanted:
            pk, unit, title = rng.choice(innovations)
            year = rng.choice(YEARS)
            if (year, pk) in taken:
                continue
            taken.add((year, pk))
            number += 1
            edition_id, categories = editions[year]
            status = rng.choices(["passed", "failed", "draft", "sent"], weights=[80, 8, 8, 4])[0]
            entries.append(Entry(edition_id=edition_id, innovation_id=pk, institution_id=unit, title=title,
                                 category_id=rng.choice(categories), status=status, code=f"B-{year}-{number:06d}",
                                 sent_at=None if status == "draft" else demo.jakarta(year, 9, rng.randint(1, 29))))
        Entry.objects.bulk_create(entries, batch_size=2000)
    built = time.perf_counter() - started
    from sayembara.registry.services import refresh_records

    started = time.perf_counter()
    refresh_records()
    indexed = time.perf_counter() - started
    return {"build_s": built, "index_s": indexed}


def time_pages(client, urls: dict[str, str], runs: int = 25) -> dict[str, dict]:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    results = {}
    for name, url in urls.items():
        client.get(url)  # warm caches (templates, similarity model)
        times = []
        for _ in range(runs):
            started = time.perf_counter()
            response = client.get(url)
            times.append((time.perf_counter() - started) * 1000)
            assert response.status_code == 200, (url, response.status_code)
        with CaptureQueriesContext(connection) as queries:
            client.get(url)
        times.sort()
        results[name] = {"median_ms": statistics.median(times), "p90_ms": times[int(len(times) * 0.9) - 1],
                         "queries": len(queries)}
    return results


REGISTRY_URLS = {
    "registry: no query (newest first)": "/registry/",
    "registry: 'pelayanan kesehatan'": "/registry/?q=pelayanan+kesehatan",
    "registry: 'desa' (very common)": "/registry/?q=desa",
    "registry: 'posyandu lansia' + pemdes + 2020": "/registry/?q=posyandu+lansia&type=pemdes&year=2020",
    "registry: filters only (2019, digital, award)": "/registry/?year=2019&digital=yes&award=no",
    "registry: innovation page": None,
    "registry: atom feed": "/registry/feed/atom/",
}


def prepared_database(tmp: str) -> tuple[Path, bool]:
    """BENCH_DB=path keeps the built database between runs (built once, then reused)."""
    kept = os.environ.get("BENCH_DB")
    path = Path(kept) if kept else Path(tmp) / "bench.sqlite3"
    return path, path.exists()


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path, reused = prepared_database(tmp)
        setup_django(path)
        from django.test import Client

        from sayembara import demo
        from sayembara.entries.models import Innovation

        if not reused:
            demo.build()
            from sayembara.registry.services import refresh_records

            refresh_records()
        urls = dict(REGISTRY_URLS)
        urls["registry: innovation page"] = f"/registry/{Innovation.objects.get(title__startswith='JEBOL ANDUK').pk}/"
        client = Client()
        if reused:
            small = {name: {"queries": "?"} for name in urls}
            timings = {"build_s": 0.0, "index_s": 0.0}
        else:
            small = time_pages(client, urls, runs=5)
            timings = build_scale_data()
        from sayembara.entries.models import Entry
        from sayembara.registry.models import SearchToken

        print(f"data: {Innovation.objects.count():,} innovations, {Entry.objects.count():,} entries, "
              f"{SearchToken.objects.count():,} search tokens; built in {timings['build_s']:.1f} s, "
              f"indexed in {timings['index_s']:.1f} s")
        large = time_pages(client, urls)
        print(f"{'page':52} {'median ms':>10} {'p90 ms':>8} {'queries (demo → large)':>24}")
        for name, row in large.items():
            print(f"{name:52} {row['median_ms']:10.1f} {row['p90_ms']:8.1f} {small[name]['queries']:>14} → {row['queries']}")


if __name__ == "__main__":
    main()
