"""Search on the built-in packs finds the phrase the agent means, one rule at a time.

The labelled benchmark (benchmarks/relevance) measures the whole; these tests pin each
rule with a query agents really type.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.paths import builtin_packs_dir
from assistant.playbooks.library import Library, discover, load_library

PHRASE = ("zh-Hans", "zh-Hant", "en")


@pytest.fixture(scope="module")
def library(tmp_path_factory: pytest.TempPathFactory) -> Library:
    cache = Path(tmp_path_factory.mktemp("cache"))
    return load_library(discover(builtin_packs_dir()), cache)


def intents(library: Library, query: str, limit: int = 10) -> list[str]:
    return [library.intent_of(h.entry_id) for h in library.search(query, limit, None, PHRASE)]


def test_every_intent_shows_once_in_the_first_phrase_language(library: Library) -> None:
    hits = library.search("退款", 20, None, PHRASE)
    shown = [library.intent_of(h.entry_id) for h in hits]
    assert len(shown) == len(set(shown)) > 3
    assert all(h.entry.language == "zh-Hans" for h in hits)
    english_first = library.search("退款", 20, None, ("en", "zh-Hans"))
    assert all(h.entry.language == "en" for h in english_first)
    assert [library.intent_of(h.entry_id) for h in english_first] == shown


def test_an_english_word_finds_the_chinese_phrase(library: Library) -> None:
    hits = library.search("refund", 5, None, ("zh-Hans",))
    assert hits[0].entry.id == "zh.jargon.refund_original_method"


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("明天 答复", "commitment.inquiry_answer"),
        ("reply tomorrow", "commitment.confirm_with_colleague"),
        ("technician visit", "commitment.onsite_visit"),
    ],
)
def test_words_from_different_fields_all_count(library: Library, query: str, expected: str) -> None:
    assert expected in intents(library, query, 3)


def test_common_words_do_not_outweigh_the_word_that_matters(library: Library) -> None:
    top = intents(library, "where is my parcel", 3)
    assert {"sandwich.late_delivery", "deesc.dissatisfied.name_the_gap"} & set(top)


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("明天", "commitment.confirm_with_colleague"),  # "tomorrow 10:00"
        ("mingtian", "commitment.confirm_with_colleague"),
        ("tomorrow", "commitment.refund_status"),  # "+1 business day at 10:00"
        ("今天", "commitment.callback_today"),  # "today 17:30"
        ("后天", "commitment.onsite_visit"),  # "+2 business days at 14:00"
        ("下周", "commitment.weekly_review"),  # "next monday 10:00"
        ("下周一", "commitment.weekly_review"),
    ],
)
def test_a_promise_is_found_by_the_day_it_falls_on(
    library: Library, query: str, expected: str
) -> None:
    found = intents(library, query, 10)
    assert expected in found
    assert all(i.startswith("commitment.") for i in found[:3])


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("骂人", "deesc.confrontational.abusive_language"),
        ("swearing", "deesc.confrontational.abusive_language"),
        ("找领导", "deesc.confrontational.demand_supervisor"),
        ("起诉", "deesc.confrontational.legal_threat"),
        ("律师函", "deesc.confrontational.legal_threat"),
        ("sue", "deesc.confrontational.legal_threat"),
        ("师傅上门", "commitment.onsite_visit"),
        ("goodbye", "closing.anything_else"),
    ],
)
def test_the_words_agents_say_find_the_phrase(library: Library, query: str, expected: str) -> None:
    assert expected in intents(library, query, 3)


@pytest.mark.parametrize("query", ["ts", "tousu", "tous", "投訴", "客訴", "complaint", "compaint"])
def test_pinyin_forms_and_category_words_put_the_complaint_steps_first(
    library: Library, query: str
) -> None:
    top = intents(library, query, 3)
    assert top
    assert all(i.startswith("complaint.") for i in top), top


@pytest.mark.parametrize(
    ("query", "expected"),
    [("ni hao", "opening.inbound_greeting"), ("nh", "opening.inbound_greeting")],
)
def test_greetings_by_pinyin(library: Library, query: str, expected: str) -> None:
    assert intents(library, query, 3)[0] == expected


def test_zj_brings_up_a_transfer(library: Library) -> None:
    assert intents(library, "zj", 3)[0].startswith("handoff.")


def test_explain_says_which_words_matched_where(library: Library) -> None:
    hit = library.search("refund", 1, None, ("zh-Hans",))[0]
    why = hit.explain()
    assert why[0] == "found as en.jargon.refund_original_method"
    assert any(line.startswith("'refund':") and " in " in line for line in why[1:])


def test_pinyin_typed_apart_reads_as_the_word_it_spells(library: Library) -> None:
    hits = library.search("t su", 3, None, ("zh-Hans",))
    assert len(hits) == 3
    assert all("投诉" in (h.entry.title, *h.entry.tags) or "投诉" in h.entry.title for h in hits)
    assert any("投诉" in h.entry.title for h in library.search("tsu", 3, None, ("zh-Hans",)))


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("他一直在骂人", "deesc.confrontational.abusive_language"),
        ("客户要起诉", "deesc.confrontational.legal_threat"),
        ("客户说要投诉你们", "deesc.confrontational.threat_to_expose"),
    ],
)
def test_a_chinese_sentence_typed_whole_is_read_piece_by_piece(
    library: Library, query: str, expected: str
) -> None:
    assert expected in intents(library, query, 3)
