"""The demo: Kabupaten Pemalang's contest of 2018, 2019 and 2020.

Institutions carry the regency's real public names; every person is
fictional. Participation falls from 2018 to the 18 entries of 2020, as the
source article reports. Scores are drawn from a seeded model (entry quality +
juror leniency + noise) so that every run builds the same demo.
"""

from __future__ import annotations

import datetime as dt
import random
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from sayembara.accounts.models import User
from sayembara.editions.models import Category, Criterion, Edition, Phase, ProposalSection, RubricLevel, Stage
from sayembara.entries.models import Entry, Innovation, ProposalAnswer, TeamMember
from sayembara.institutions.models import Institution, InstitutionType
from sayembara.jury.models import Assignment, Juror, Score, ScoreSheet
from sayembara.results.models import Award

DEMO_PASSWORD = "pemalang-demo-2020"

INSTITUTION_TYPES = [
    # code, name, order, participates
    ("opd", "Organisasi Perangkat Daerah (OPD)", 1, True),
    ("pemdes", "Pemerintah Desa (Pemdes)", 2, True),
    ("bumd", "Badan Usaha Milik Daerah (BUMD)", 3, True),
    ("kecamatan", "Kecamatan", 4, True),
    ("kelurahan", "Kelurahan", 5, True),
    ("puskesmas", "Puskesmas", 6, True),
    ("rsud", "Rumah Sakit Umum Daerah (RSUD)", 7, True),
    ("sekolah", "Sekolah", 8, True),
    ("uptd", "Unit Pelaksana Teknis Daerah (UPTD)", 9, True),
    ("external", "Lembaga luar pemerintah daerah", 10, False),
]

OPD = [
    ("Dinas Kependudukan dan Pencatatan Sipil", "Disdukcapil"),
    ("Dinas Kesehatan", "Dinkes"),
    ("Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu", "DPMPTSP"),
    ("Dinas Pendidikan dan Kebudayaan", "Dindikbud"),
    ("Dinas Sosial", "Dinsos"),
    ("Dinas Pertanian", "Distan"),
    ("Dinas Perhubungan", "Dishub"),
    ("Dinas Lingkungan Hidup", "DLH"),
    ("Dinas Komunikasi dan Informatika", "Diskominfo"),
    ("Dinas Perpustakaan dan Kearsipan", "Dinpusip"),
    ("Badan Perencanaan Pembangunan Daerah", "Bappeda"),
    ("Badan Pengelolaan Pendapatan Daerah", "BPPD"),
    ("Sekretariat Daerah – Bagian Organisasi", "Bag. Organisasi"),
    ("RSUD dr. M. Ashari", "RSUD Ashari"),
]
KECAMATAN_VILLAGES = {
    "Belik": ["Beluk", "Gombong", "Kuta"],
    "Moga": ["Banyumudal", "Moga", "Sima"],
    "Taman": ["Penggarit", "Jebed Selatan", "Banjaranyar"],
    "Petarukan": ["Widodaren", "Kendaldoyong", "Serang"],
    "Ulujami": ["Kaliprau", "Pesantren", "Mojo"],
    "Randudongkal": ["Kalimas", "Semingkir"],
    "Pemalang": ["Banjarmulya", "Sungapan"],
    "Comal": ["Purwoharjo", "Sidorejo"],
}
BUMD = [
    ("Perumda Air Minum Tirta Mulia Kabupaten Pemalang", "Tirta Mulia"),
    ("PT BPR BKK Pemalang (Perseroda)", "BPR BKK Pemalang"),
]
# The NGO is fictional (the demo names no real programme or foundation as a juror's employer).
OUTSIDE = [("Universitas Diponegoro", "Undip"), ("Yayasan Lentera Desa Mandiri", "LSM Lentera")]

# (title, institution short name, digital, summary of what it does)
INNOVATIONS = [
    ("JEBOL ANDUK: Jemput Bola Administrasi Kependudukan", "Disdukcapil", False,
     "petugas mendatangi desa terpencil untuk merekam KTP-el, menerbitkan akta kelahiran dan kartu identitas anak di tempat"),
    ("SIDUKCAPIL ONLINE: Layanan Dokumen Kependudukan dari Rumah", "Disdukcapil", True,
     "warga mengajukan akta, KK dan pindah domisili lewat aplikasi dan menerima dokumen dalam bentuk cetak mandiri"),
    ("PANTAS: Pemantauan Ibu Hamil Risiko Tinggi Terpadu", "Dinkes", True,
     "bidan desa mencatat ibu hamil berisiko tinggi sehingga puskesmas dan rumah sakit dapat menjemput sebelum persalinan"),
    ("GERAKAN SADAR GIZI: Pos Gizi Keliling untuk Balita Stunting", "Dinkes", False,
     "kader posyandu membawa makanan tambahan dan konseling gizi ke rumah balita stunting setiap pekan"),
    ("SIMPEL IZIN: Izin Usaha Mikro Selesai dalam Satu Hari", "DPMPTSP", True,
     "pelaku usaha mikro mengurus izin melalui gerai keliling dan aplikasi, dengan tanda tangan elektronik"),
    ("KELAS AYAH: Sekolah Pengasuhan bagi Para Bapak", "Dindikbud", False,
     "sekolah mengundang para ayah ke kelas pengasuhan bulanan untuk menekan angka putus sekolah"),
    ("PUSAKA: Pusat Layanan Kesejahteraan Sosial Terpadu", "Dinsos", True,
     "satu pintu pengaduan dan rujukan bagi warga miskin untuk bantuan sosial, jaminan kesehatan dan rehabilitasi"),
    ("KARTU TANI PINTAR: Penebusan Pupuk Bersubsidi Tanpa Antre", "Distan", True,
     "petani memesan pupuk bersubsidi lewat pesan singkat dan kios menyiapkan sesuai kuota"),
    ("BUS SEKOLAH GRATIS LINTAS DESA", "Dishub", False,
     "armada bus menjemput pelajar dari desa-desa pegunungan menuju sekolah menengah di kota kecamatan"),
    ("BANK SAMPAH DIGITAL: Tabungan Sampah untuk Bayar Iuran", "DLH", True,
     "warga menabung sampah terpilah dan saldonya dipakai membayar iuran air atau jaminan kesehatan"),
    ("LAPOR BUPATI: Kanal Pengaduan Warga Terintegrasi", "Diskominfo", True,
     "pengaduan dari media sosial, SMS dan aplikasi dihimpun satu dasbor dan diteruskan ke perangkat daerah"),
    ("PERPUSTAKAAN KELILING DESA (PUSLING)", "Dinpusip", False,
     "mobil perpustakaan singgah di balai desa dan sekolah dasar terpencil dengan jadwal tetap"),
    ("E-MUSRENBANG: Usulan Pembangunan dari Desa secara Daring", "Bappeda", True,
     "usulan musyawarah desa diinput langsung dan dapat dipantau hingga masuk anggaran"),
    ("PBB DARI GENGGAMAN: Bayar Pajak Bumi dan Bangunan Lewat Ponsel", "BPPD", True,
     "wajib pajak membayar PBB melalui bank, minimarket dan dompet digital dengan kode bayar"),
    ("ANTRIAN ONLINE RSUD: Daftar Poliklinik dari Rumah", "RSUD Ashari", True,
     "pasien rawat jalan mengambil nomor antrean dari rumah sehingga waktu tunggu berkurang"),
    ("DESA SIAGA BENCANA LONGSOR BELIK", "Beluk", False,
     "relawan desa memasang alat peringatan dini longsor sederhana dan menggelar latihan evakuasi"),
    ("POSYANDU LANSIA TERINTEGRASI GOMBONG", "Gombong", False,
     "pemeriksaan kesehatan lansia digabung dengan senam dan pendampingan keluarga"),
    ("SURAT DESA SEHARI JADI (SUDESI)", "Banyumudal", True,
     "warga memesan surat pengantar desa lewat WhatsApp dan mengambilnya di hari yang sama"),
    ("AIR BERSIH PAMSIMAS MANDIRI SIMA", "Sima", False,
     "badan pengelola desa mengelola air bersih pedesaan dengan iuran berbasis meteran"),
    ("KAMPUNG BATIK PENGGARIT", "Penggarit", False,
     "kelompok perajin desa dilatih membatik dan memasarkan bersama lewat galeri desa"),
    ("DESA WISATA JEBED: Ekonomi Warga dari Kerajinan Tenun", "Jebed Selatan", False,
     "kampung tenun dibuka sebagai destinasi wisata edukasi dengan pemandu warga"),
    ("SISTEM INFORMASI DESA WIDODAREN (SIDAREN)", "Widodaren", True,
     "data penduduk, bantuan dan anggaran desa terbuka di papan informasi dan laman desa"),
    ("LUMBUNG PANGAN DESA KENDALDOYONG", "Kendaldoyong", False,
     "cadangan beras desa dikelola bersama untuk masa paceklik dan bencana"),
    ("RUMAH SINGGAH PASIEN KALIPRAU", "Kaliprau", False,
     "desa menyewa rumah singgah dekat rumah sakit rujukan bagi keluarga pasien kurang mampu"),
    ("BUMDES PESANTREN: Pasar Ikan Higienis", "Pesantren", False,
     "pasar ikan desa ditata dengan rantai dingin sehingga harga nelayan naik"),
    ("PENGADUAN AIR 24 JAM TIRTA MULIA", "Tirta Mulia", True,
     "pelanggan melaporkan kebocoran lewat aplikasi dan petugas datang dengan target waktu"),
    ("TABUNGAN PELAJAR BKK MASUK SEKOLAH", "BPR BKK Pemalang", False,
     "petugas bank datang ke sekolah setiap pekan untuk menghimpun tabungan pelajar"),
    ("KREDIT USAHA RAKYAT DESA TANPA AGUNAN", "BPR BKK Pemalang", True,
     "pinjaman modal kecil bagi pelaku usaha desa dengan penilaian kelayakan lewat pendamping desa"),
    ("PUSKESMAS KELILING PEGUNUNGAN", "Dinkes", False,
     "layanan kesehatan dasar terjadwal di dusun-dusun pegunungan yang jauh dari puskesmas"),
    ("SATU DATA PEMALANG", "Diskominfo", True,
     "portal data sektoral yang dipakai perangkat daerah dan publik dengan standar metadata"),
    ("KALIMAS BERSINAR: Penerangan Jalan Tenaga Surya", "Kalimas", False,
     "lampu jalan tenaga surya dipasang swadaya di jalan desa yang gelap"),
    ("SEMINGKIR SEHAT: Jambanisasi Gotong Royong", "Semingkir", False,
     "warga bergotong royong membangun jamban sehat untuk keluarga yang belum memilikinya"),
    ("BANJARMULYA MELEK HUKUM: Pos Bantuan Hukum Desa", "Banjarmulya", False,
     "paralegal desa membantu warga memahami sengketa tanah dan kekerasan dalam rumah tangga"),
    ("PURWOHARJO KELOLA SAMPAH MANDIRI", "Purwoharjo", False,
     "tempat pengolahan sampah desa memilah dan membuat kompos sehingga sampah tak lagi dibuang ke sungai"),
    ("KUTA AGROWISATA KOPI", "Kuta", False,
     "petani kopi desa membuka kebun untuk wisata petik dan pengolahan kopi"),
    ("SERANG TANGGUH COVID: Posko Isolasi Desa", "Serang", False,
     "posko desa mendampingi warga isolasi mandiri dengan logistik dan pemantauan kesehatan"),
    ("MOJO CERDAS: Rumah Belajar Anak Nelayan", "Mojo", False,
     "relawan mahasiswa dan guru mengajar anak nelayan sore hari di rumah belajar desa"),
    ("SUNGAPAN BERSIH: Gerakan Jumat Bersih", "Sungapan", False,
     "setiap Jumat warga membersihkan saluran dan mencatat titik banjir"),
    ("SIDOREJO DIGITAL: Wifi Desa untuk Belajar", "Sidorejo", True,
     "titik wifi gratis di balai desa untuk pelajar dan pelaku usaha daring"),
    ("MOGA PEDULI DISABILITAS", "Moga", False,
     "pendataan dan pendampingan penyandang disabilitas agar mendapat layanan dasar"),
    ("POSYANDU LANSIA TERPADU MOGA", "Moga", False,
     "pemeriksaan kesehatan lansia, senam dan pendampingan keluarga meniru posyandu lansia Desa Gombong"),
]

# Which innovations entered which year: falling from 35 to 27 to 18 entries.
ENTRIES_BY_YEAR = {2018: list(range(0, 35)), 2019: list(range(5, 32)), 2020: [0, 2, 4, 6, 9, 10, 13, 14, 15, 17, 19, 21, 25, 26, 1, 30, 36, 40]}

SECTIONS = [
    ("ringkasan", "Ringkasan", 200, "Gambarkan inovasi secara singkat: masalah, solusi dan hasilnya."),
    ("latar_belakang", "Latar Belakang dan Tujuan", 300, "Masalah apa yang ingin diatasi dan apa tujuannya?"),
    ("kebaruan", "Kebaruan / Nilai Tambah", 200, "Apa yang baru dibanding layanan sebelumnya?"),
    ("implementasi", "Implementasi", 200, "Bagaimana inovasi dijalankan, oleh siapa, sejak kapan?"),
    ("signifikansi", "Signifikansi", 600, "Perubahan apa yang dirasakan masyarakat? Sertakan data sebelum dan sesudah."),
    ("adaptabilitas_sudah", "Adaptabilitas: sudah direplikasi?", 100, "Apakah sudah ditiru, dan oleh siapa?"),
    ("adaptabilitas_potensi", "Adaptabilitas: potensi replikasi", 200, "Mengapa inovasi ini dapat ditiru unit lain?"),
    ("sumber_daya", "Sumber Daya", 200, "Sumber daya manusia, anggaran dan sarana yang digunakan."),
    ("keberlanjutan", "Strategi Keberlanjutan", 500, "Bagaimana inovasi dijaga tetap berjalan: regulasi, anggaran, kelembagaan."),
]

CRITERIA = [
    ("inovasi", "Inovasi", Decimal("40"), "Kebaruan gagasan dan cara kerja dibanding layanan sebelumnya."),
    ("kemanfaatan", "Kemanfaatan", Decimal("35"), "Manfaat nyata dan terukur bagi masyarakat penerima layanan."),
    ("replikasi", "Replikasi dan Keberlanjutan", Decimal("25"), "Dapat ditiru unit lain dan terjaga keberlangsungannya."),
]
RUBRIC = [
    (Decimal("81"), Decimal("100"), "Sangat baik", "Bukti kuat dan lengkap; jelas unggul dibanding praktik biasa."),
    (Decimal("61"), Decimal("80"), "Baik", "Bukti cukup; beberapa aspek belum terukur."),
    (Decimal("41"), Decimal("60"), "Cukup", "Gagasan ada, tetapi bukti dan dampak masih terbatas."),
    (Decimal("0"), Decimal("40"), "Kurang", "Belum tampak perbedaan atau manfaat yang meyakinkan."),
]

FIRST_NAMES = ["Agus", "Siti", "Budi", "Dewi", "Eko", "Fitri", "Hadi", "Indah", "Joko", "Kartika", "Lukman", "Maya",
               "Nur", "Oki", "Putri", "Rahmat", "Sri", "Teguh", "Umi", "Wahyu", "Yuli", "Zaenal", "Ratna", "Slamet"]
LAST_NAMES = ["Santoso", "Lestari", "Prasetyo", "Rahayu", "Wibowo", "Kurniawan", "Susanti", "Hidayat", "Wulandari",
              "Setiawan", "Purnomo", "Handayani", "Saputra", "Maharani"]

DEMO_ACCOUNTS = [
    # email, full name, role description
    ("panitia@pemalang.demo", "Endah Pratiwi", "organiser"),
    ("verifikator.dukcapil@pemalang.demo", "Bambang Sutrisno", "verifier"),
    ("inovator.dukcapil@pemalang.demo", "Rina Marlina", "innovator"),
    ("juri.akademisi@pemalang.demo", "Dr. Arif Nugroho", "juror (academic)"),
    ("juri.ngo@pemalang.demo", "Laras Anggraini", "juror (NGO)"),
    ("juri.birokrasi@pemalang.demo", "Drs. Sugeng Riyadi", "juror (bureaucracy)"),
]


def jakarta(year, month, day, hour=8, minute=0):
    return timezone.make_aware(dt.datetime(year, month, day, hour, minute), dt.timezone(dt.timedelta(hours=7)))


def _text(summary: str, title: str, section: str, rng: random.Random) -> str:
    """A plausible proposal paragraph built from the innovation's own description."""
    pieces = {
        "ringkasan": f"{title} adalah inovasi di mana {summary}. Inovasi ini menjawab keluhan warga tentang layanan yang lambat, mahal dan sulit dijangkau.",
        "latar_belakang": f"Sebelum inovasi ini, warga harus datang berkali-kali ke kantor dan menunggu lama. Tujuan kami agar {summary}, sehingga layanan lebih cepat, murah dan mudah dijangkau.",
        "kebaruan": f"Yang baru adalah cara kerjanya: {summary}. Sebelumnya belum ada unit di Kabupaten Pemalang yang melakukannya dengan cara ini.",
        "implementasi": f"Inovasi dijalankan oleh tim kecil dengan standar operasional prosedur tertulis. Setiap bulan tim melaporkan capaian kepada pimpinan dan masyarakat.",
        "signifikansi": f"Dalam satu tahun jumlah warga terlayani naik dari {rng.randint(150, 900)} menjadi {rng.randint(1000, 5000)} orang, dan waktu layanan turun dari {rng.randint(5, 14)} hari menjadi {rng.randint(1, 3)} hari. Survei kepuasan menunjukkan indeks {rng.randint(78, 94)}.",
        "adaptabilitas_sudah": "Belum direplikasi secara resmi, tetapi beberapa unit sudah berkunjung untuk belajar.",
        "adaptabilitas_potensi": "Inovasi ini sederhana, tidak memerlukan biaya besar dan dapat ditiru unit lain dengan menyesuaikan kondisi setempat.",
        "sumber_daya": f"Tim terdiri atas {rng.randint(3, 9)} orang. Anggaran berasal dari APBD/APBDes sebesar Rp{rng.randint(5, 95)} juta per tahun.",
        "keberlanjutan": "Inovasi sudah ditetapkan dengan surat keputusan pimpinan, masuk dalam rencana kerja tahunan dan memiliki anggaran rutin.",
    }
    return pieces[section]


def build_all(seed: int = 2020) -> None:
    """The whole demo a newcomer sees: the three published editions, one in judging, one open for entries."""
    from sayembara.entries.demo_open_edition import ensure_open_edition
    from sayembara.jury.demo import prepare_judging_demo

    build(seed)
    prepare_judging_demo()
    ensure_open_edition()


@transaction.atomic
def build(seed: int = 2020) -> dict:
    """Create the whole demo. Returns the demo accounts (email, name, role)."""
    rng = random.Random(seed)
    types = {
        code: InstitutionType.objects.create(code=code, name=name, order=order, participates=participates)
        for code, name, order, participates in INSTITUTION_TYPES
    }
    by_short: dict[str, Institution] = {}
    for name, short in OPD:
        by_short[short] = Institution.objects.create(type=types["opd"], name=name, short_name=short)
    for kecamatan, villages in KECAMATAN_VILLAGES.items():
        kec = Institution.objects.create(type=types["kecamatan"], name=f"Kecamatan {kecamatan}", short_name=kecamatan)
        by_short[f"Kec. {kecamatan}"] = kec
        for village in villages:
            by_short[village] = Institution.objects.create(
                type=types["pemdes"], name=f"Pemerintah Desa {village}", short_name=village, parent=kec
            )
    for name, short in BUMD:
        by_short[short] = Institution.objects.create(type=types["bumd"], name=name, short_name=short)
    for name, short in OUTSIDE:
        by_short[short] = Institution.objects.create(type=types["external"], name=name, short_name=short)

    accounts = _build_accounts(by_short)
    innovations = _build_innovations(by_short, rng)
    for year in (2018, 2019, 2020):
        _build_edition(year, innovations, accounts, rng)
    return {"accounts": DEMO_ACCOUNTS, "password": DEMO_PASSWORD}


def _user(email, full_name, **fields) -> User:
    from sayembara.accounts.models import Membership

    user = User(email=email, username=email.split("@")[0], full_name=full_name, email_confirmed_at=timezone.now(), **fields)
    user.set_password(DEMO_PASSWORD)
    user.save()
    if user.institution is not None and user.institution.type.participates:
        # The demo's people are members of their units already, as if their verifier had approved them.
        Membership.objects.create(user=user, institution=user.institution, status=Membership.Status.APPROVED,
                                  decided_at=timezone.now(), reason="Demo")
    return user


def _build_accounts(by_short) -> dict[str, User]:
    dukcapil = by_short["Disdukcapil"]
    organisation_bureau = by_short["Bag. Organisasi"]
    return {
        "organiser": _user(
            DEMO_ACCOUNTS[0][0], DEMO_ACCOUNTS[0][1], is_organiser=True, is_staff=True, is_superuser=True,
            institution=organisation_bureau, position="Kasubag Pelayanan Publik dan Tata Laksana",
        ),
        "verifier": _user(
            DEMO_ACCOUNTS[1][0], DEMO_ACCOUNTS[1][1], institution=dukcapil, verified_institution=dukcapil,
            position="Sekretaris Dinas",
        ),
        "innovator": _user(DEMO_ACCOUNTS[2][0], DEMO_ACCOUNTS[2][1], institution=dukcapil, position="Kepala Seksi Pelayanan"),
        "academic": _user(DEMO_ACCOUNTS[3][0], DEMO_ACCOUNTS[3][1], institution=by_short["Undip"], position="Dosen"),
        "ngo": _user(DEMO_ACCOUNTS[4][0], DEMO_ACCOUNTS[4][1], institution=by_short["LSM Lentera"], position="Koordinator Program"),
        "bureaucracy": _user(
            DEMO_ACCOUNTS[5][0], DEMO_ACCOUNTS[5][1], institution=by_short["Bappeda"], position="Kepala Bidang"
        ),
    }


def _build_innovations(by_short, rng) -> list[Innovation]:
    innovations = []
    for index, (title, short, digital, summary) in enumerate(INNOVATIONS):
        started = dt.date(2013 + rng.randint(0, 4), rng.randint(1, 12), 1)
        innovations.append(
            Innovation.objects.create(
                title=title, institution=by_short[short], summary=summary, started_on=started, is_digital=digital,
                maturity=Innovation.Maturity.IMPLEMENTATION if index % 5 else Innovation.Maturity.TRIAL,
                form=Innovation.Form.GOVERNANCE if index in (12, 29) else Innovation.Form.PUBLIC_SERVICE,
            )
        )
    # Moga's village replicated Gombong's integrated elderly posyandu (ATM: amati, tiru, modifikasi);
    # one 2018 innovation stopped when its budget ended.
    innovations[40].replicated_from = innovations[16]
    innovations[40].save()
    innovations[11].status = Innovation.Status.STOPPED
    innovations[11].save()
    return innovations


def _build_edition(year, innovations, accounts, rng):
    results_day = jakarta(year, 12, 21, 10)
    edition = Edition.objects.create(
        year=year,
        title="Kompetisi Inovasi Pelayanan Publik",
        host="Pemerintah Kabupaten Pemalang",
        theme="Inovasi pelayanan publik yang cermat, cerdas, cepat, murah dan mudah dijangkau",
        description=(
            "Kompetisi tahunan bagi inovator dari Organisasi Perangkat Daerah, Pemerintah Desa dan BUMD "
            "di lingkungan Pemerintah Kabupaten Pemalang, diselenggarakan oleh Bagian Organisasi Setda."
        ),
        decree_number=f"050/{100 + year % 100}/{year}",
        decree_date=dt.date(year, 6, 2),
        status=Edition.Status.PUBLISHED,
        venue="Gedung Sasana Bhakti Praja Pemalang",
        results_published_at=results_day,
    )
    cat_opd = Category.objects.create(edition=edition, name="Perangkat Daerah dan BUMD", order=1, quota_per_institution=3)
    cat_opd.institution_types.set(InstitutionType.objects.filter(participates=True).exclude(code="pemdes"))
    cat_village = Category.objects.create(edition=edition, name="Pemerintah Desa", order=2, quota_per_institution=1)
    cat_village.institution_types.set(InstitutionType.objects.filter(code="pemdes"))
    for order, (code, title, limit, guidance) in enumerate(SECTIONS, start=1):
        ProposalSection.objects.create(edition=edition, order=order, code=code, title=title, word_limit=limit, guidance=guidance)
    sections = list(edition.proposal_sections.all())

    stage_specs = [
        (1, Stage.Kind.PROPOSAL, "Penilaian Proposal", Decimal("30"), Stage.Advancement.TOP_N, Decimal("12"), True),
        (2, Stage.Kind.PRESENTATION, "Presentasi", Decimal("30"), Stage.Advancement.ALL, None, False),
        (3, Stage.Kind.INTERVIEW, "Wawancara", Decimal("40"), Stage.Advancement.ALL, None, False),
    ]
    stages = []
    for order, kind, name, weight, rule, value, blind in stage_specs:
        stage = Stage.objects.create(
            edition=edition, order=order, kind=kind, name=name, weight=weight, advancement=rule,
            advancement_value=value, blind=blind, status=Stage.Status.CLOSED,
        )
        for c_order, (code, c_name, c_weight, description) in enumerate(CRITERIA, start=1):
            criterion = Criterion.objects.create(
                stage=stage, order=c_order, code=code, name=c_name, weight=c_weight, description=description
            )
            RubricLevel.objects.bulk_create(
                RubricLevel(criterion=criterion, min_score=lo, max_score=hi, label=label, description=text)
                for lo, hi, label, text in RUBRIC
            )
        stages.append(stage)

    phases = [
        (Phase.Kind.REGISTRATION, "Pendaftaran", jakarta(year, 7, 1), jakarta(year, 8, 31, 23, 59), None),
        (Phase.Kind.SUBMISSION, "Batas akhir pengiriman proposal", jakarta(year, 9, 30), jakarta(year, 9, 30, 23, 59), None),
        (Phase.Kind.SCREENING, "Seleksi administrasi", jakarta(year, 10, 1), jakarta(year, 10, 14, 16), None),
        (Phase.Kind.JUDGING, "Penilaian proposal", jakarta(year, 10, 15), jakarta(year, 11, 15, 16), stages[0]),
        (Phase.Kind.JUDGING, "Presentasi dan wawancara", jakarta(year, 11, 24, 8), jakarta(year, 11, 24, 16), stages[1]),
        # The public test follows the provisional announcement it tests; the announcement of the winners comes
        # after the decision and the decree (the announcement sets the public test's real dates).
        (Phase.Kind.OBJECTION, "Uji publik", jakarta(year, 12, 1, 10), jakarta(year, 12, 6, 16), None),
        (Phase.Kind.ANNOUNCEMENT, "Pengumuman pemenang", results_day, results_day, None),
    ]
    for kind, name, start, end, stage in phases:
        Phase.objects.create(edition=edition, kind=kind, name=name, starts_at=start, ends_at=end, stage=stage)

    # Jurors: the same three elements each year, as in the source article.
    jurors = [
        Juror.objects.create(edition=edition, user=accounts[key], element=element, affiliation=accounts[key].institution,
                             code_of_conduct_accepted_at=jakarta(year, 10, 14))
        for key, element in [("academic", Juror.Element.ACADEMIC), ("ngo", Juror.Element.NGO),
                             ("bureaucracy", Juror.Element.BUREAUCRACY)]
    ]
    leniency = [rng.gauss(0, 3) for _ in jurors]

    entries = []
    for number, index in enumerate(ENTRIES_BY_YEAR[year], start=1):
        innovation = innovations[index]
        institution = innovation.institution
        category = cat_village if institution.type.code == "pemdes" else cat_opd
        entry = Entry.objects.create(
            edition=edition, innovation=innovation, institution=institution, category=category,
            title=innovation.title, status=Entry.Status.PASSED, code=f"KIPP-{year}-{number:03d}",
            created_by=accounts["innovator"] if institution.short_name == "Disdukcapil" else None,
            sent_at=jakarta(year, 9, rng.randint(10, 29), rng.randint(8, 20)),
        )
        entries.append(entry)
        lead = accounts["innovator"] if institution.short_name == "Disdukcapil" else None
        TeamMember.objects.create(
            entry=entry, user=lead, is_lead=True, role="Ketua tim",
            name=lead.full_name if lead else f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}",
        )
        TeamMember.objects.create(entry=entry, name=f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}", role="Anggota")
        ProposalAnswer.objects.bulk_create(
            ProposalAnswer(entry=entry, section=section, text=_text(innovation.summary, innovation.title, section.code, rng))
            for section in sections
        )

    _score_edition(edition, stages, jurors, leniency, entries, rng)
    _decide_awards(edition, stages, entries, [cat_opd, cat_village], accounts["organiser"])


def _score_edition(edition, stages, jurors, leniency, entries, rng):
    """Full panel: every juror scores every entry in every stage (the Pemalang case)."""
    quality = {entry.pk: rng.gauss(72, 8) for entry in entries}
    criteria = {stage.pk: list(stage.criteria.all()) for stage in stages}
    when = {1: (11, 10), 2: (11, 24), 3: (11, 24)}
    scores = []
    for stage in stages:
        month, day = when[stage.order]
        for juror, bias in zip(jurors, leniency):
            for entry in entries:
                Assignment.objects.create(stage=stage, juror=juror, entry=entry)
                sheet = ScoreSheet.objects.create(
                    stage=stage, juror=juror, entry=entry, status=ScoreSheet.Status.SUBMITTED,
                    submitted_at=jakarta(edition.year, month, day, rng.randint(9, 15), rng.randint(0, 59)),
                )
                for criterion in criteria[stage.pk]:
                    value = quality[entry.pk] + bias + rng.gauss(0, 5)
                    value = max(40.0, min(98.0, value))
                    scores.append(
                        Score(sheet=sheet, criterion=criterion, value=Decimal(round(value)),
                              justification=_justification(criterion.code, value))
                    )
    Score.objects.bulk_create(scores)


def _justification(code: str, value: float) -> str:
    level = "sangat kuat" if value >= 85 else "kuat" if value >= 75 else "cukup" if value >= 60 else "lemah"
    subject = {"inovasi": "Kebaruan", "kemanfaatan": "Manfaat bagi warga", "replikasi": "Peluang replikasi"}[code]
    return f"{subject} {level}; bukti pendukung dinilai sesuai."


def _decide_awards(edition, stages, entries, categories, organiser):
    """Propose, announce, test, decide and publish as the organiser would, so the demo's papers and hashes are real."""
    from sayembara.results import services

    scores = services.final_scores(edition)
    for category in categories:
        ranked = sorted((e for e in entries if e.category_id == category.pk), key=lambda e: -scores[e.pk])
        villages = category.institution_types.filter(code="pemdes").exists()
        titles = services.AWARD_TITLES[:3] if villages else services.AWARD_TITLES
        for order, (title, entry) in enumerate(zip(titles, ranked), start=1):
            Award.objects.create(
                edition=edition, category=category, entry=entry, title=title, order=order,
                final_score=services.round_score(scores[entry.pk]),
            )
    conf = services.settings_for(edition)
    conf.seed = edition.year
    conf.signatory_name = "Drs. Wiratmoko Hadisaputro, M.Si."  # fictional, as every person in the demo
    conf.regent_name = "H. Suryo Adinegoro, S.H."  # fictional too
    conf.save()
    _through_the_sequence(edition, entries, organiser)


def _through_the_sequence(edition, entries, organiser):
    """Provisional announcement, public test, decision, decree and final publication on their historical days."""
    from sayembara.jury.models import Conflict
    from sayembara.jury.services import record_conflict
    from sayembara.results import sequence, services
    from sayembara.results.models import Objection

    year = edition.year
    first = sequence.announce_provisional(edition, organiser, now=jakarta(year, 12, 1, 10))

    def respond(entry, name, email, text, answer, outcome, filed, answered):
        objection = sequence.file_objection(edition, Objection(entry=entry, name=name, email=email, text=text), now=filed)
        sequence.answer_objection(objection, organiser, answer, outcome)
        Objection.objects.filter(pk=objection.pk).update(filed_at=filed, answered_at=answered)
        return objection

    respond(entries[0], "Slamet Riyadi", "slamet.riyadi@example.org",
            "Mohon penjelasan mengapa nilai presentasi kami lebih rendah dari nilai proposal.",
            "Nilai presentasi dan proposal dinilai terpisah dengan kriteria yang sama; rincian nilai dan alasan juri "
            "dikirim dalam surat umpan balik kepada unit Anda setelah penetapan.",
            Objection.Outcome.REJECTED, jakarta(year, 12, 2, 9), jakarta(year, 12, 3, 14))
    ends = first.public_test_ends_at
    if year == 2020:
        # An upheld response: a juror came from the unit of an entry she scored. Her scores leave the ranking and
        # a corrected provisional version goes to the public test again.
        scores = services.final_scores(edition)
        entry = min((e for e in entries), key=lambda e: scores[e.pk])
        juror = Juror.objects.filter(edition=edition, element="bureaucracy").order_by("pk").first()
        respond(entry, "Sri Handayani", "sri.handayani@example.org",
                f"Salah satu juri birokrasi berasal dari unit yang sama dengan pengusul inovasi {entry.code}.",
                "Benar: juri tersebut berasal dari unit yang sama. Nilainya untuk inovasi ini dikeluarkan dari "
                "perhitungan dan pengumuman sementara diterbitkan ulang.",
                Objection.Outcome.UPHELD, jakarta(year, 12, 2, 11), jakarta(year, 12, 3, 15))
        record_conflict(juror, entry, Conflict.Kind.SAME_UNIT, Conflict.Source.RECORDED,
                        note="Uji publik: tanggapan diterima", by=organiser)
        second = sequence.announce_provisional(
            edition, organiser, now=jakarta(year, 12, 4, 10),
            reason=f"Nilai satu juri untuk {entry.code} dikeluarkan karena konflik kepentingan (tanggapan uji publik).")
        ends = second.public_test_ends_at
    held_on = timezone.localdate(ends) + dt.timedelta(days=3)
    sequence.decide(edition, organiser, held_on=held_on, place="Ruang Rapat Sekretariat Daerah Kabupaten Pemalang",
                    present=edition.jurors.all(), now=jakarta(held_on.year, held_on.month, held_on.day, 15))
    sequence.record_decree(edition, organiser, f"100.3.3.2/{700 + year % 100}/{year}", held_on + dt.timedelta(days=5))
    sequence.publish(edition, organiser, now=jakarta(year, 12, 21, 10))
