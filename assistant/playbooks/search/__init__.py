"""Search over playbook entries as an agent types: Chinese, pinyin or English.

The index is an inverted index whose posting lists are bit sets over the entries,
numbered in their stable display order (category order, then title). A query is
answered with big-integer AND/OR on those bit sets, so its cost grows with the
number of distinct keys it touches, not with the number of entries.

Keys (each with one posting list for the *head* fields -- title, term, tags --
and one for the *tail* fields -- plain, when_to_use, body):

* every Han character and every pair of adjacent Han characters (substrings of
  unspaced Chinese are found by AND-ing the pairs they consist of);
* every word of other letters and digits, joined words ("de-escalate") both whole
  and in parts; words sharing a popular prefix also get a prefix key;
* pinyin: ``initial initial`` and ``syllable initial`` pairs of adjacent Han
  characters (full syllables are expanded to the characters read that way at
  query time);
* a head field's whole text and its first word or characters (exact and prefix
  matches), and the entry's emotion stages and customer types.

Text is folded first (``textfold.fold``): NFKC, casefold, Traditional to
Simplified. Pinyin readings come from pypinyin, read as words where it knows
the word (银行 is "yin hang"). A Latin word of five letters or more that matches
nothing, not even as pinyin, is corrected: every vocabulary word one edit away,
and for words of eight letters or more also two edits away (candidates from
shared trigrams, checked by edit distance).

Ranking is by match quality (per query term: exact, start, head, head prefix,
tail, tail prefix, pinyin, typo; summed over the terms), then by the agent's own
use, favourites and the call context, then by the stable order.

Posting lists are stored as packed bit sets when they touch at least 1/16 of the
bytes of one, else as sparse (byte offset, bits) pairs. The whole index
serialises to one ``marshal`` payload that loads without rebuilding anything
but the key table; posting lists are turned into integers when a query first
needs them (and kept in a bounded cache).

The modules, in the order a query meets them:

* ``index`` -- ``SearchIndex``: loads a payload, runs a query step by step;
* ``hit`` -- ``SearchContext`` (what the panel knows) and ``Hit`` (a result);
* ``terms`` -- a query's terms and the match levels a term can reach;
* ``matching`` -- one term against the index; ``pinyin`` and ``typos`` read a
  Latin word as pinyin or as a near spelling;
* ``tiers`` -- entries grouped by match quality, partial matches after;
* ``ranking`` -- bonuses within a tier; ``browse`` -- the empty query's list;
* ``fields`` -- which field a hit matched, and why it ranked where it did;
* ``build`` -- building the payload (cold start only); ``tables`` -- what the
  payload holds and its binary tables; ``postings`` -- posting lists as bit sets.
"""

from assistant.playbooks.search.hit import Hit, SearchContext
from assistant.playbooks.search.index import SearchIndex
from assistant.playbooks.search.tables import KeyTable, StringTable

__all__ = ["Hit", "KeyTable", "SearchContext", "SearchIndex", "StringTable"]
