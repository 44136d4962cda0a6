"""Text folding for playbook search: one normal form for index text and queries.

``fold`` makes text comparable across the ways agents type it: full-width and
half-width forms are the same (NFKC), case is ignored (casefold) and Traditional
Chinese becomes Simplified (OpenCC ``t2s``), so 投訴 and 投诉 fold alike.

``atoms`` splits folded text into searchable pieces: runs of Han characters and
words of other letters and digits. Words joined by a hyphen or an apostrophe
("de-escalate", "don't") keep their parts and also give the joined word
("deescalate"), so either spelling finds them.

``readings`` gives the toneless pinyin of a Han character (its common reading
first), ``stem`` a crude English stem that lets "deescalate" meet
"de-escalation".
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import Any

from assistant.playbooks.traditional import CHARACTERS as TRADITIONAL

# Han ideographs: the ideographic zero, extension A, CJK unified ideographs,
# compatibility ideographs, extensions B and later.
HAN_RANGES = (
    (0x3007, 0x3007),
    (0x3400, 0x4DBF),
    (0x4E00, 0x9FFF),
    (0xF900, 0xFAFF),
    (0x20000, 0x3134F),
)
HAN_CLASS = "".join(chr(lo) if lo == hi else f"{chr(lo)}-{chr(hi)}" for lo, hi in HAN_RANGES)
JOINERS = "'’\\-\u2010\u2011"
_SPLIT_JOINED = re.compile(f"[{JOINERS}]")


# Classes spanning tens of thousands of characters take a few milliseconds each to
# compile, so the pattern is compiled on first use (or by ``compile_patterns``).
@lru_cache(maxsize=1)
def _atom() -> re.Pattern[str]:
    # Group 1: a Han run. Group 2: a word of other letters/digits, possibly joined.
    return re.compile(f"([{HAN_CLASS}]+)|([^\\W_{HAN_CLASS}]+(?:[{JOINERS}][^\\W_{HAN_CLASS}]+)*)")


def compile_patterns() -> None:
    """Compile the text patterns now, e.g. on a worker thread before the first query."""
    _atom()


_converter: Any = None


def _t2s(text: str) -> str:
    global _converter  # noqa: PLW0603 - one lazily created converter per process
    if _converter is None:
        import opencc

        _converter = opencc.OpenCC("t2s")
    try:
        return str(_converter.convert(text))
    except (UnicodeError, ValueError, TypeError):
        # Lone surrogates and the like: replace what cannot be encoded.
        clean = text.encode("utf-8", "replace").decode("utf-8", "replace")
        return str(_converter.convert(clean))


def fold(text: str) -> str:
    """NFKC, casefold, Traditional to Simplified Chinese.

    OpenCC runs only on text with a character it would change, so Simplified
    text (most queries) never loads it.
    """
    folded = unicodedata.normalize("NFKC", text).casefold()
    if _has_traditional(folded):
        folded = _t2s(folded)
    return folded


_traditional: frozenset[str] | None = None
_SHORT = 64


def _has_traditional(folded: str) -> bool:
    """Whether OpenCC would change ``folded``. Short text (a query) is looked up in
    the table as a string; the table as a set (0.9 MB) is made only once long text
    (indexing packs) comes by."""
    global _traditional  # noqa: PLW0603 - made once per process, when first needed
    if _traditional is None and len(folded) <= _SHORT:
        return any(ch in TRADITIONAL for ch in folded if ch > "\x7f")
    if _traditional is None:
        _traditional = frozenset(TRADITIONAL)
    return not _traditional.isdisjoint(folded)


def is_han(char: str) -> bool:
    point = ord(char)
    return any(lo <= point <= hi for lo, hi in HAN_RANGES)


# For ASCII text (English, pinyin) the same words come from a small pattern that
# compiles in microseconds, so an agent's first keystrokes never wait for the big one.
_ASCII_ATOM = re.compile(f"()([^\\W_]+(?:[{JOINERS}][^\\W_]+)*)", re.ASCII)


def atoms(folded: str) -> list[tuple[bool, str, tuple[str, ...]]]:
    """Searchable pieces of folded text, in order.

    Each is ``(is_han, text, parts)``: for a Han run, ``text`` is the run and
    ``parts`` is empty; for a word, ``text`` is the word with joiners removed and
    ``parts`` the pieces between joiners when there were any.
    """
    if folded and all(map(is_han, folded)):
        return [(True, folded, ())]  # one Han run, as the full pattern finds it
    return _atoms_by(_ASCII_ATOM if folded.isascii() else _atom(), folded)


def _atoms_by(pattern: re.Pattern[str], folded: str) -> list[tuple[bool, str, tuple[str, ...]]]:
    out: list[tuple[bool, str, tuple[str, ...]]] = []
    for match in pattern.finditer(folded):
        han = match.group(1)
        if han:
            out.append((True, han, ()))
            continue
        word = match.group(2)
        parts = _SPLIT_JOINED.split(word)
        if len(parts) > 1:
            out.append((False, "".join(parts), tuple(parts)))
        else:
            out.append((False, word, ()))
    return out


def compact(folded: str) -> str:
    """The searchable characters only: "SLA 是什么？" -> "sla是什么"."""
    return "".join(text for _, text, _ in atoms(folded))


@lru_cache(maxsize=65536)
def readings(char: str) -> tuple[str, ...]:
    """Toneless pinyin readings of one Han character, the common one first (at most 2)."""
    from pypinyin import Style, pinyin

    try:
        found = pinyin(char, style=Style.NORMAL, heteronym=True, errors="ignore")
    except Exception:  # pragma: no cover - pypinyin rejects odd input
        return ()
    out: list[str] = []
    for group in found:
        for option in map(str.lower, group):
            if option.isascii() and option.isalpha() and option not in out:
                out.append(option)
    return tuple(out[:2])


def reading(char: str) -> str:
    """The common toneless pinyin reading of a Han character ("" if none)."""
    options = readings(char)
    return options[0] if options else ""


_phrases: dict[str, list[list[str]]] | None = None


@lru_cache(maxsize=4096)
def _toneless(syllable: str) -> str:
    from pypinyin.contrib.tone_convert import to_normal

    plain = str(to_normal(syllable)).lower()
    return plain if plain.isascii() and plain.isalpha() else ""


@lru_cache(maxsize=65536)
def run_readings(run: str) -> tuple[str, ...]:
    """Toneless readings of a run of Han characters, read as words where pypinyin
    knows the word (longest first): 银行卡 -> yin hang ka, although 行 alone reads
    "xing". Characters without a reading give ""."""
    global _phrases  # noqa: PLW0603 - loaded once, on first use
    if _phrases is None:
        from pypinyin.constants import PHRASES_DICT

        _phrases = PHRASES_DICT
    phrases = _phrases
    out: list[str] = []
    i, n = 0, len(run)
    while i < n:
        for length in (4, 3, 2):
            if i + length > n:
                continue
            word = phrases.get(run[i : i + length])
            if word is not None and len(word) == length:
                said = [_toneless(options[0]) for options in word]
                if all(said):
                    out.extend(said)
                    i += length
                    break
        else:
            out.append(reading(run[i]))
            i += 1
    return tuple(out)


_SUFFIXES = ("ions", "ion", "ings", "ing", "ed", "es", "e", "s", "ly")


def stem(word: str) -> str:
    """A crude English stem: escalate, escalation, escalating -> escalat."""
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            word = word[: -len(suffix)]
            break
    if word.endswith("y") and len(word) > 4:
        word = word[:-1] + "i"
    return word


def trigrams(word: str) -> set[str]:
    padded = f"${word}$"
    return {padded[i : i + 3] for i in range(len(padded) - 2)}


def within_distance(a: str, b: str, limit: int) -> bool:
    """Optimal string alignment distance (edits and adjacent swaps) <= limit."""
    if abs(len(a) - len(b)) > limit:
        return False
    if a == b:
        return True
    previous2: list[int] = []
    previous = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        current = [i] + [0] * len(b)
        best = current[0]
        for j in range(1, len(b) + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                value = min(value, previous2[j - 2] + 1)
            current[j] = value
            best = min(best, value)
        if best > limit:
            return False
        previous2, previous = previous, current
    return previous[len(b)] <= limit
