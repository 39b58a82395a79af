"""What a blind reader may see of an entry: the one place that decides how makers are masked.

Every surface a juror reaches in a blind stage (the sheet, the live room page,
the dashboard, evidence names), and the organiser's "proposal without
identity", masks through :func:`masker_for`, so they hide exactly the same
things. The masker knows the Indonesian forms a maker's name takes in a
proposal:

- the unit's full and short names, those of its parents, and the common
  abbreviations of agency names (Dinas Kependudukan dan Pencatatan Sipil =
  Disdukcapil = Dukcapil), with "dan" and "&" taken as one;
- village and kecamatan names without their "Desa"/"Kecamatan" prefix;
- words that contain a long abbreviation (SIDUKCAPIL, e-Dukcapil);
- team members' names, with or without honorifics (Bapak, Ibu, Pak, Bu,
  Sdr.), and their first or last names alone where distinctive;
- e-mail addresses and phone numbers of anyone.

It also lists what it masked, and warns about words of the unit's name that
still appear once masking is done (a typo or an unusual form it could not
recognise), so the organiser can look before jurors do.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

MASK = "▒▒▒"

HONORIFICS = r"(?:Bapak|Ibu|Pak|Bu|Sdr\.?|Sdri\.?|Saudara|Saudari|Mas|Mbak|Bpk\.?|Hj\.?|H\.|Dr\.?|Drs\.?|Dra\.?|Ir\.?|Prof\.?)"
# Degrees and titles written around names: "Dr. Rina Wulandari, S.Kom., M.M." → "Rina Wulandari".
_TITLE_WORDS = re.compile(r"^(?:dr|drs|dra|ir|h|hj|prof|kh)\.?$", re.IGNORECASE)
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_PHONE = re.compile(r"(?<!\w)(?:\+62|62|0)[\s.-]?8\d{1,3}(?:[\s.-]?\d{2,4}){2,4}(?!\w)"
                    r"|(?<![\w(])\(?0\d{2,3}\)?[\s.-]?\d{5,8}(?!\w)")  # mobiles, and office lines "(0284) 321456"
# Prefixes of unit names that are not names themselves: "Pemerintah Desa Beluk" is known as "Beluk".
_UNIT_PREFIXES = ("Pemerintah Desa ", "Desa ", "Kecamatan ", "Kelurahan ", "Puskesmas ", "UPTD ", "Kantor ")
# Words too common in proposals to be masked alone, even when they are part of a unit's or a person's name.
COMMON_WORDS = {
    "dinas", "badan", "kantor", "bagian", "sekretariat", "daerah", "kabupaten", "kota", "pemerintah", "desa",
    "kecamatan", "kelurahan", "umum", "sosial", "kesehatan", "pendidikan", "pelayanan", "layanan", "pertanian",
    "perhubungan", "lingkungan", "hidup", "informatika", "komunikasi", "kebudayaan", "pembangunan", "perencanaan",
    "pendapatan", "pengelolaan", "penanaman", "modal", "terpadu", "satu", "pintu", "kependudukan", "pencatatan",
    "sipil", "perpustakaan", "kearsipan", "organisasi", "rumah", "sakit", "air", "minum", "perumda", "perseroda",
    "selatan", "utara", "timur", "barat", "tengah", "baru", "lama", "sri", "dewi", "putri", "putra", "agus",
    "pemalang", "perusahaan", "unit", "pelaksana", "teknis", "negeri", "sekolah", "dasar", "menengah",
    "budi", "inovasi", "online", "digital", "warga", "masyarakat", "anak", "ibu", "bapak",
}

# Abbreviations an agency is known by, keyed by a phrase of its full name. Agencies are named the same way in
# every regency (Permendagri 99/2018 nomenclature), so the table travels; a unit's own other names are kept on
# the institution (``Institution.aliases``).
AGENCY_ABBREVIATIONS = {
    "kependudukan dan pencatatan sipil": ["Disdukcapil", "Dukcapil", "Disduk", "Capil"],
    "dinas kesehatan": ["Dinkes"],
    "penanaman modal dan pelayanan terpadu satu pintu": ["DPMPTSP", "PMPTSP", "PTSP", "DPM-PTSP"],
    "pendidikan dan kebudayaan": ["Dindikbud", "Disdikbud", "Dikbud"],
    "dinas pendidikan": ["Disdik", "Dindik"],
    "dinas sosial": ["Dinsos"],
    "dinas pertanian": ["Distan", "Dispertan"],
    "dinas perhubungan": ["Dishub"],
    "lingkungan hidup": ["DLH", "Dinas LH", "DinasLH"],
    "komunikasi dan informatika": ["Diskominfo", "Kominfo", "Dinkominfo"],
    "perpustakaan dan kearsipan": ["Dinpusip", "Dispusip", "Dinarpus"],
    "perencanaan pembangunan daerah": ["Bappeda", "Bapelitbangda"],
    "pendapatan daerah": ["BPPD", "Bapenda"],
    "keuangan dan aset daerah": ["BPKAD"],
    "kepegawaian": ["BKPSDM", "BKD"],
    "pemberdayaan masyarakat dan desa": ["Dispermades", "DPMD", "Dinpermades"],
    "polisi pamong praja": ["Satpol PP", "Satpol-PP"],
    "rumah sakit umum daerah": ["RSUD"],
    "air minum": ["PDAM"],
    "bagian organisasi": ["Bagor", "Bag. Organisasi", "Ortala"],
}


@dataclass
class Masked:
    """A masked text, what was masked in it, and what might still name the makers."""

    text: str
    masked: set[str] = field(default_factory=set)


def _words(text: str) -> list[str]:
    return re.findall(r"[\w.]+", text)


def _phrase_pattern(phrase: str) -> str:
    """A name as a pattern: words separated by any spacing or punctuation, "dan" and "&" interchangeable."""
    tokens = re.findall(r"[\w]+|&", phrase)
    parts = []
    for token in tokens:
        if token.lower() in {"dan", "&"}:
            parts.append(r"(?:dan|&)")
        else:
            parts.append(re.escape(token))
    return r"[\s.,–-]*".join(parts)


def _person_names(full_name: str) -> tuple[list[str], list[str]]:
    """The forms a person's name takes in a text: the whole name, and first or last name alone if distinctive
    (masked with or without an honorific); and the common first names, masked only after an honorific
    ("Bu Sri", "Pak Agus": "Sri" or "Agus" alone are too common to mask)."""
    name = full_name.split(",")[0]  # degrees follow a comma
    words = [w for w in re.findall(r"[\w']+\.?", name) if not _TITLE_WORDS.match(w)]
    words = [w.rstrip(".") for w in words]
    if not words:
        return [], []
    forms, addressed = [" ".join(words)], []
    for single in {words[0], words[-1]}:
        if len(single) >= 4 and single.lower() not in COMMON_WORDS:
            forms.append(single)
        elif len(single) >= 2:
            addressed.append(single)
    return forms, addressed


def _unit_names(institution) -> list[str]:
    names = [institution.name, institution.short_name]
    names += [a.strip() for a in (getattr(institution, "aliases", "") or "").split(",")]
    for prefix in _UNIT_PREFIXES:
        if institution.name.startswith(prefix):
            names.append(institution.name[len(prefix):])
    lowered = institution.name.lower()
    for phrase, abbreviations in AGENCY_ABBREVIATIONS.items():
        if phrase in lowered:
            names += abbreviations
            if len(phrase.split()) >= 3:  # "Kependudukan dan Pencatatan Sipil" without "Dinas"
                names.append(phrase)
    # "Disdukcapil" is also written "Dukcapil": the agency prefix dropped.
    short = institution.short_name or ""
    for prefix in ("Dis", "Din"):
        if short.startswith(prefix) and len(short) - len(prefix) >= 4:
            names.append(short[len(prefix):])
    # A long name is often cut short: "Dinas Kependudukan" for "Dinas Kependudukan dan Pencatatan Sipil".
    words = institution.name.split()
    if len(words) >= 4 and all(len(w) >= 4 and not w.endswith(".") for w in words[:2]):
        names.append(" ".join(words[:2]))
    # Its distinctive words alone: "Ashari" for "RSUD dr. M. Ashari", "Jebed" for "Pemerintah Desa Jebed Selatan".
    names += [w for w in re.findall(r"\w+", institution.name) if len(w) >= 5 and w.lower() not in COMMON_WORDS]
    return [n for n in names if n and len(n.strip()) >= 3 and n.strip().lower() not in COMMON_WORDS]


class Masker:
    """Masks the makers of one entry out of any text, in one regular-expression pass."""

    def __init__(self, units: list, people: list[str], emails: list[str] = ()):
        terms = set()
        for unit in units:
            for name in _unit_names(unit):
                terms.add(name.strip())
        people_terms, addressed_only = set(), set()
        for person in people:
            forms, addressed = _person_names(person)
            people_terms.update(forms)
            addressed_only.update(addressed)
        # Words a misspelt mention would resemble: long words of the names, masked or not.
        self._references = {w.lower() for t in terms | people_terms for w in re.findall(r"\w+", t) if len(w) >= 6}
        self.terms = sorted(terms | people_terms | {e for e in emails if e}, key=len, reverse=True)
        alternatives = []
        # Abbreviations typed with spaces or dots between the letters: "D I S D U K C A P I L", "D.P.M.P.T.S.P".
        spaced = sorted({t for t in terms if re.fullmatch(r"[A-Za-z]{5,}", t)}, key=len, reverse=True)
        if spaced:
            alternatives.append("(?<!\\w)(?:" + "|".join(r"[\s.]?".join(re.escape(c) for c in t) for t in spaced) + ")(?!\\w)")
        # Words containing a long abbreviation are masked whole: SIDUKCAPIL, e-Dukcapil, DinkesKu.
        long_abbreviations = sorted({t for t in terms if " " not in t and len(t) >= 6}, key=len, reverse=True)
        if long_abbreviations:
            inner = "|".join(re.escape(a) for a in long_abbreviations)
            alternatives.append(rf"\w*(?:{inner})\w*")
        for term in self.terms:
            pattern = _phrase_pattern(term)
            if term in people_terms:
                pattern = rf"(?:{HONORIFICS}\s+)?{pattern}"
            alternatives.append(rf"(?<!\w){pattern}(?!\w)")
        for name in sorted(addressed_only - people_terms, key=len, reverse=True):
            alternatives.append(rf"(?<!\w){HONORIFICS}\s+{re.escape(name)}(?!\w)")
        self._regex = re.compile("|".join(alternatives), re.IGNORECASE) if alternatives else None

    def mask(self, text: str) -> Masked:
        found: set[str] = set()

        def replace(match: re.Match) -> str:
            found.add(match.group(0))
            return MASK

        text = text or ""
        text = _EMAIL.sub(replace, text)
        text = _PHONE.sub(replace, text)
        if self._regex is not None:
            text = self._regex.sub(replace, text)
        return Masked(text, found)

    def leftovers(self, masked_text: str) -> list[str]:
        """Words still in a masked text that may name the makers: near-misses of a name that masking could not
        recognise (a typo such as "Dukcpil" or "Kependudukn"). Worth a look by the organiser. (The distinctive
        words of a unit's name are masked themselves, see ``_unit_names``.)"""
        from difflib import SequenceMatcher

        present = {w.lower() for w in re.findall(r"\w+", masked_text) if len(w) >= 5}
        found = set()
        for word in present - self._references - COMMON_WORDS:
            for reference in self._references:
                if abs(len(word) - len(reference)) <= 2 and SequenceMatcher(None, word, reference).ratio() >= 0.85:
                    found.add(word)
                    break
        return sorted(found)


def masker_for(entry) -> Masker:
    """The masker of ``entry``'s makers: its unit and the unit's parents, its team, its creator."""
    units = []
    unit = entry.institution
    while unit is not None and unit not in units and len(units) < 4:
        units.append(unit)
        unit = unit.parent
    people = [member.name for member in entry.team.all()]
    emails = []
    if entry.created_by_id and entry.created_by:
        people.append(entry.created_by.full_name)
        emails.append(entry.created_by.email)
    for member in entry.team.all():
        if member.user_id and member.user:
            emails.append(member.user.email)
    return Masker(units, people, emails)


@dataclass
class BlindCopy:
    """An entry as a blind reader sees it."""

    title: str
    answers: list[tuple[str, str]]
    masked: list[str]
    leftovers: list[str]


def blind_copy(entry, answers=None) -> BlindCopy:
    """The entry's title and proposal text with its makers masked, what was masked, and what may remain."""
    from .models import answers_in_form

    masker = masker_for(entry)
    if answers is None:
        answers = [(a.section.title, a.text) for a in answers_in_form(
            entry, entry.answers.select_related("section").order_by("section__order"))]
    title = masker.mask(entry.title)
    found = set(title.masked)
    shown = []
    leftovers = set(masker.leftovers(title.text))
    for section, text in answers:
        result = masker.mask(text)
        found |= result.masked
        leftovers |= set(masker.leftovers(result.text))
        shown.append((section, result.text))
    return BlindCopy(title.text, shown, sorted(found, key=str.lower), sorted(leftovers))
