"""Near spellings: the vocabulary words a mistyped Latin word may have meant.

Every vocabulary word one edit away (deletion, adjacent swap, substitution,
insertion); for words of eight letters or more also two edits away, the
candidates found through shared trigrams and checked by edit distance.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence

from assistant.playbooks.textfold import trigrams, within_distance

__all__ = ["edits", "near_words"]

MAX_TYPO = 32  # longer words are not corrected
_LETTERS = "abcdefghijklmnopqrstuvwxyz"


def edits(word: str) -> set[str]:
    """Every string one deletion, adjacent swap, substitution or insertion away."""
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    out = {a + b[1:] for a, b in splits if b}
    out.update(a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1)
    out.update(a + c + b[1:] for a, b in splits if b for c in _LETTERS)
    out.update(a + c + b for a, b in splits for c in _LETTERS)
    out.discard(word)
    return out


def near_words(
    word: str, words: Sequence[str], vocab: frozenset[str], tri: Mapping[str, bytes]
) -> set[str]:
    """Words of ``vocab`` one edit away (any length), or two edits away for words of
    8+ letters. ``words`` is the sorted vocabulary, ``tri`` trigram -> word numbers."""
    close = edits(word) & vocab
    if len(word) >= 8:
        counts: Counter[int] = Counter()
        grams = trigrams(word)
        for gram in grams:
            ids = tri.get(gram)
            if ids is not None:
                counts.update(memoryview(ids).cast("I"))
        need = max(2, len(grams) - 6)  # two edits spoil at most six trigrams
        for word_id, shared in counts.items():
            if shared >= need:
                other = words[word_id]
                if other not in close and within_distance(word, other, 2):
                    close.add(other)
    return close
