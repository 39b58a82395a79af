"""Indonesian text for search and similarity: normalise, split, drop stop-words, stem.

The stemmer is Snowball's Indonesian algorithm (``snowballstemmer``, BSD
licence): it relates *pelayanan*, *layanan*, *melayani* and *dilayani* (all
``layan``) with rules only, no dictionary. PySastrawi stems a little better
but ships a CC-BY-NC-SA dictionary, which a government deployment cannot
simply reuse.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

import snowballstemmer

_WORD = re.compile(r"[a-z][a-z0-9]*(?:-[a-z0-9]+)*")
# Function words that say nothing about what an innovation does (a short list written for this project).
STOP_WORDS = frozenset(
    """
    yang dan di ke dari untuk dengan pada dalam atau ini itu oleh sebagai adalah akan agar tidak juga sudah
    telah dapat bisa lebih para serta bagi hingga sampai karena sehingga maka secara antara tersebut setiap
    satu dua tiga kami kita mereka ia dia nya pun saja tetapi namun bahwa jika kalau lalu lewat melalui
    atas bawah tanpa sejak selama masih belum harus yaitu yakni ada apa siapa mana bagaimana kapan
    """.split()
)

_stemmer = snowballstemmer.stemmer("indonesian")

# Proposal sections that describe what an innovation is (indexed for search and compared for similarity);
# the rest is boilerplate (budget, team).
DESCRIPTIVE_SECTIONS = ("ringkasan", "latar_belakang", "kebaruan", "implementasi", "adaptabilitas_potensi")


def normalise(text: str) -> str:
    text = unicodedata.normalize("NFKD", text or "").encode("ascii", "ignore").decode()
    return text.lower()


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    return _stemmer.stemWord(word)


def words(text: str) -> list[str]:
    """Lower-case words without numbers (years and counts make yearly updates look alike) and stop-words."""
    found = []
    for word in _WORD.findall(normalise(text)):
        # A reduplicated word (anak-anak) is the plural of its first half.
        if "-" in word:
            head, _, tail = word.partition("-")
            word = head if head == tail else word.replace("-", "")
        if word.isdigit() or word in STOP_WORDS or len(word) < 2:
            continue
        found.append(word)
    return found


def stems(text: str) -> list[str]:
    return [stem(word)[:60] for word in words(text)]


def stemmed(text: str) -> str:
    return " ".join(stems(text))
