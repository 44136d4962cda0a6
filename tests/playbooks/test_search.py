"""Golden tests of playbook search: what an agent types, what must come first."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from assistant.playbooks.model import Entry
from assistant.playbooks.search import Hit, KeyTable, SearchContext, SearchIndex, StringTable
from assistant.playbooks.textfold import fold

NOW = 1_700_000_000.0
DAY = 86_400.0


def _e(entry_id: str, title: str, category: str, body: str, **kw: object) -> Entry:
    return Entry(id=entry_id, title=title, category=category, body=body, **kw)  # type: ignore[arg-type]


ENTRIES: tuple[Entry, ...] = (
    _e(
        "complaint.steps",
        "处理投诉的五个步骤",
        "complaint",
        "第一步接纳情绪，第二步澄清事实，第三步承担责任，第四步给出超出预期的方案，第五步24小时内回访。",
        tags=("流程",),
        language="zh-Hans",
    ),
    _e(
        "complaint.hant",
        "投訴升級話術",
        "complaint",
        "{customer_title}您好，我會把您的投訴轉給主管，並在{reply_by}之前回覆您。",
        tags=("升級", "主管"),
        language="zh-Hant",
    ),
    _e(
        "jargon.sla",
        "SLA 是什么",
        "jargon",
        "SLA 就是我们写在合同里的服务承诺：故障 2 小时内响应。",
        term="SLA",
        plain="我们书面写下的服务承诺",
        analogy="就像快递写明次日达。",
        tags=("术语", "合同"),
        language="zh-Hans",
    ),
    _e(
        "jargon.server",
        "Server",
        "jargon",
        "A server is the company's computer; maintenance means regular check-ups.",
        term="server",
        plain="the company's computer",
        analogy="like the kitchen of a restaurant",
        language="en",
    ),
    _e(
        "deesc.angry.en",
        "De-escalation for angry customers",
        "de_escalation",
        "Stay calm, never argue, and propose a short pause to solve it together.",
        emotion_stages=("angry",),
        customer_types=("emotional",),
        language="en",
    ),
    _e(
        "deesc.angry.zh",
        "客户愤怒时的安抚话术",
        "de_escalation",
        "我先把您的情况记下来，我们一起把问题解决。",
        emotion_stages=("angry", "confrontational"),
        language="zh-Hans",
    ),
    _e(
        "deesc.calm",
        "Listen and answer fast",
        "de_escalation",
        "When the customer is calm, listen and answer quickly.",
        emotion_stages=("calm",),
        language="en",
    ),
    _e(
        "handoff.escalation",
        "Escalation path handoff",
        "handoff",
        "Tell the next tier the customer background, problem details and steps already taken.",
        when_to_use="Before transferring a call to tier-2 support.",
        language="en",
    ),
    _e(
        "commit.refund",
        "退款进度的承诺回复",
        "commitment",
        "我已经提交加急，会在{reply_by}之前给您回电话确认到账情况。",
        tags=("退款", "回电"),
        when_to_use="客户追问退款什么时候到账。",
        language="zh-Hans",
    ),
    _e(
        "questioning.bank",
        "银行卡扣款问题",
        "questioning",
        "请问是哪一张银行卡被重复扣款？扣款时间大概是什么时候？",
        language="zh-Hans",
    ),
    _e(
        "opening.greet",
        "Greeting with agent ID",
        "opening",
        "Good morning, this is {agent_name}, agent number {agent_id}. Is now a good time?",
        language="en",
    ),
    _e(
        "closing.thanks",
        "結束語：感謝來電",
        "closing",
        "感謝您的來電，祝您生活愉快。",
        language="zh-Hant",
    ),
    _e(
        "taboo.asap",
        "Never promise ASAP",
        "taboo",
        "Do not say 'as soon as possible'; give a concrete date and time instead.",
        tags=("ASAP", "承诺"),
        language="en",
    ),
    _e(
        "objection.price",
        "价格异议：用数字说话",
        "objection",
        "单价高10%，但长期成本低20%。",
        customer_types=("rational",),
        language="zh-Hans",
    ),
    # Two entries that match "回访" equally well, for the ranking tests.
    _e(
        "care.a",
        "回访话术甲",
        "proactive_care",
        "第三天的使用提醒。",
        emotion_stages=("dissatisfied",),
        customer_types=("direct",),
        language="zh-Hans",
    ),
    _e(
        "care.b",
        "回访话术乙",
        "proactive_care",
        "第十五天的回访问候。",
        language="zh-Hans",
    ),
)


@pytest.fixture(scope="module")
def index() -> SearchIndex:
    return SearchIndex.build(ENTRIES)


def ids(hits: list[Hit]) -> list[str]:
    return [h.entry.id for h in hits]


def top(index: SearchIndex, query: str, **kw: object) -> str:
    hits = index.search(query, **kw)  # type: ignore[arg-type]
    assert hits, f"nothing found for {query!r}"
    return hits[0].entry.id


# ------------------------------------------------------------------ Chinese


def test_chinese_word_inside_unspaced_text(index: SearchIndex) -> None:
    found = ids(index.search("投诉"))
    assert set(found) == {"complaint.steps", "complaint.hant"}


def test_single_character(index: SearchIndex) -> None:
    assert top(index, "退") == "commit.refund"
    assert "opening.greet" not in ids(index.search("退"))


def test_traditional_query_finds_simplified_and_back(index: SearchIndex) -> None:
    assert set(ids(index.search("投訴"))) == {"complaint.steps", "complaint.hant"}
    assert top(index, "升级") == "complaint.hant"  # Simplified query, Traditional entry
    assert top(index, "感谢来电") == "closing.thanks"
    assert top(index, "銀行卡") == "questioning.bank"


def test_simplified_text_folds_without_opencc_and_traditional_with_it() -> None:
    import subprocess
    import sys

    code = (
        "import sys\n"
        "from assistant.playbooks.textfold import fold\n"
        "print(fold('退款 SLA'), 'opencc' in sys.modules)\n"
        "print(fold('退款 投訴'), 'opencc' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.splitlines() == ["退款 sla False", "退款 投诉 True"]


_MIXED = st.text(
    alphabet=st.sampled_from("退款投訴銀行卡升級感谢 aZ-9\u3007\u4dbf\u4e00\u9fff\uf900\U00020000"),
    max_size=150,
)


@settings(max_examples=200, deadline=None)
@given(_MIXED)
def test_short_and_long_text_are_checked_for_traditional_characters_alike(text: str) -> None:
    from assistant.playbooks import textfold

    expected = not frozenset(textfold.TRADITIONAL).isdisjoint(text)
    saved, textfold._traditional = textfold._traditional, None
    try:
        if len(text) <= textfold._SHORT:  # a query: the table as a string
            assert textfold._has_traditional(text) == expected
            assert textfold._traditional is None
        assert textfold._has_traditional(text + " " * 100) == expected  # long: as a set
        assert textfold._traditional is not None
    finally:
        textfold._traditional = saved


@settings(max_examples=300, deadline=None)
@given(st.characters())
def test_han_characters_are_the_ones_the_tokenizer_treats_as_han(char: str) -> None:
    import re

    from assistant.playbooks.textfold import HAN_CLASS, atoms, is_han

    assert is_han(char) == bool(re.fullmatch(f"[{HAN_CLASS}]", char))
    if is_han(char):
        assert atoms(char) == [(True, char, ())]


@settings(max_examples=300, deadline=None)
@given(
    st.one_of(
        st.text(alphabet=st.characters(max_codepoint=127), max_size=40),
        st.text(alphabet=st.sampled_from("退款投诉升级\u3007\u4dbf\U00020000"), max_size=12),
        _MIXED,
    )
)
def test_ascii_and_han_only_text_split_as_the_full_pattern_splits_it(text: str) -> None:
    from assistant.playbooks import textfold

    assert textfold.atoms(text) == textfold._atoms_by(textfold._atom(), text)


def test_the_traditional_table_is_what_opencc_changes() -> None:
    import importlib.util
    from pathlib import Path

    script = Path(__file__).resolve().parents[2] / "scripts" / "make_traditional_table.py"
    spec = importlib.util.spec_from_file_location("make_traditional_table", script)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert module.main(["--check"]) == 0, "run: .venv/bin/python scripts/make_traditional_table.py"


def test_full_width_and_case_fold_alike(index: SearchIndex) -> None:
    assert top(index, "ＳＬＡ") == "jargon.sla"
    assert top(index, "sla") == "jargon.sla"
    assert top(index, "SERVER") == "jargon.server"


def test_chinese_phrase_typed_as_separate_words(index: SearchIndex) -> None:
    # 退款承诺 does not occur as typed; its words stand apart in the entry.
    assert top(index, "退款承诺") == "commit.refund"


# ------------------------------------------------------------------ pinyin


@pytest.mark.parametrize("query", ["tousu", "tou su", "ts", "tous", "TouSu"])
def test_pinyin_finds_chinese(index: SearchIndex, query: str) -> None:
    found = ids(index.search(query))
    assert found[0] in {"complaint.steps", "complaint.hant"}
    assert {"complaint.steps", "complaint.hant"} <= set(found[:3])


def test_pinyin_uses_word_readings(index: SearchIndex) -> None:
    # 行 alone reads "xing"; in 银行 it reads "hang".
    assert top(index, "yinhangka") == "questioning.bank"
    assert top(index, "yhk") == "questioning.bank"
    assert top(index, "kou kuan") == "questioning.bank"


def test_pinyin_does_not_find_unrelated_entries(index: SearchIndex) -> None:
    found = set(ids(index.search("tuikuan")))
    assert "commit.refund" in found
    assert not found & {"complaint.steps", "opening.greet", "jargon.server"}


# ------------------------------------------------------------------ English


def test_english_word_and_prefix(index: SearchIndex) -> None:
    assert top(index, "escalation") == "handoff.escalation"
    assert set(ids(index.search("escal"))) == {"handoff.escalation", "deesc.angry.en"}
    assert top(index, "greet") == "opening.greet"


def test_joined_words_and_stems(index: SearchIndex) -> None:
    assert top(index, "deescalate") == "deesc.angry.en"
    assert top(index, "de-escalation") == "deesc.angry.en"
    assert "deesc.angry.en" in ids(index.search("de escalation"))


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("escalaton", "handoff.escalation"),  # deletion
        ("escaltion", "handoff.escalation"),
        ("sevrer", "jargon.server"),  # swap
        ("greetnig", "opening.greet"),
        ("escalatoin", "handoff.escalation"),
        ("eskalatiom", "handoff.escalation"),  # two edits in a long word
        ("reqular", "jargon.server"),  # "regular" in the body
    ],
)
def test_small_typos_in_long_words(index: SearchIndex, query: str, expected: str) -> None:
    assert expected in ids(index.search(query))[:3]


def test_short_words_are_not_fuzzy(index: SearchIndex) -> None:
    assert index.search("clam") == []  # "calm" has four letters: no typo tolerance


def test_unrelated_entries_are_not_returned(index: SearchIndex) -> None:
    assert set(ids(index.search("server"))) == {"jargon.server"}
    assert set(ids(index.search("扣款"))) == {"questioning.bank"}
    assert index.search("xylophone") == []
    assert index.search("？！") == []


def test_odd_text_is_searched_without_error(index: SearchIndex) -> None:
    assert top(index, "\ud800投訴\x00") in {"complaint.steps", "complaint.hant"}
    assert index.search("\U0001f600") == []
    assert top(index, "  投诉\t") in {"complaint.steps", "complaint.hant"}


# ------------------------------------------------------------------ mixed


def test_entries_matching_every_word_come_first(index: SearchIndex) -> None:
    assert ids(index.search("SLA 承诺"))[0] == "jargon.sla"
    assert ids(index.search("ASAP 承诺"))[0] == "taboo.asap"
    assert ids(index.search("SLA承诺"))[0] == "jargon.sla"
    assert set(ids(index.search("customer calm"))[:2]) == {"deesc.calm", "deesc.angry.en"}


def test_entries_matching_some_words_follow_never_an_empty_list(index: SearchIndex) -> None:
    # No entry has both words: each word's entries still show, below any full match.
    found = ids(index.search("SLA 退款"))
    assert "jargon.sla" in found
    assert "commit.refund" in found
    both = index.search("SLA 承诺")
    assert both[0].score > 0 > both[-1].score
    assert set(ids(both)) >= {"jargon.sla", "taboo.asap", "commit.refund"}


def test_a_word_in_a_title_or_tag_ranks_a_partial_match_above_one_in_the_body(
    index: SearchIndex,
) -> None:
    hits = index.search("承诺 qqqqqqq")
    assert ids(hits)[0] == "taboo.asap"  # tagged 承诺, while others only say it


def test_a_term_that_matches_nothing_is_ignored(index: SearchIndex) -> None:
    assert top(index, "SLA qqqqqqq") == "jargon.sla"


# ------------------------------------------------------------------ ranking


def test_exact_beats_prefix_beats_body(index: SearchIndex) -> None:
    hits = index.search("server")
    assert hits[0].entry.id == "jargon.server"
    hits = index.search("承诺")
    found = ids(hits)
    # tag equal to the query > title containing it > body/plain containing it
    assert found[0] == "taboo.asap"
    assert found.index("commit.refund") < found.index("jargon.sla")


def test_match_kinds_rank_in_order() -> None:
    entries = [
        _e("body", "Billing questions", "questioning", "Ask whether the refund arrived."),
        _e("prefix", "Refunding a double charge", "complaint", "..."),
        _e("head", "Late refund promise", "commitment", "..."),
        _e("start", "Refund promise for late orders", "commitment", "..."),
        _e("exact", "Refund", "commitment", "..."),
        _e("pinyin", "退款（银行卡）", "commitment", "..."),
        _e("other", "Greeting", "opening", "Hello."),
    ]
    index = SearchIndex.build(entries)
    assert ids(index.search("refund")) == ["exact", "start", "head", "prefix", "body"]
    # a word, a word prefix, then pinyin (银行 read "yin hang")
    assert ids(index.search("hang")) == ["pinyin"]
    more = [*entries, _e("word", "Hang up politely", "closing", "...")]
    index = SearchIndex.build(more)
    assert ids(index.search("hang")) == ["word", "pinyin"]
    typo = ids(index.search("refnud"))  # the word itself only: not "refunding"
    assert set(typo[:3]) == {"exact", "start", "head"}
    assert typo[3:] == ["body"]
    hits = index.search("refund")
    assert [h.score for h in hits] == sorted((h.score for h in hits), reverse=True)


def test_direct_match_beats_pinyin_and_typo(index: SearchIndex) -> None:
    hits = index.search("calm")
    assert hits[0].entry.id in {"deesc.calm", "deesc.angry.en"}
    assert all(h.score >= hits[-1].score for h in hits)
    assert [h.score for h in hits] == sorted((h.score for h in hits), reverse=True)


def test_stable_order_without_context(index: SearchIndex) -> None:
    assert ids(index.search("回访话术")) == ["care.b", "care.a"]  # 乙 sorts before 甲


def test_favourite_ranks_first_among_equal_matches(index: SearchIndex) -> None:
    ctx = SearchContext(favourites=frozenset({"care.a"}))
    assert ids(index.search("回访话术", context=ctx)) == ["care.a", "care.b"]


def test_usage_count_and_recency_rank_higher(index: SearchIndex) -> None:
    ctx = SearchContext(usage={"care.a": (12, NOW - DAY)}, now=NOW)
    assert ids(index.search("回访话术", context=ctx)) == ["care.a", "care.b"]
    often_long_ago = SearchContext(
        usage={"care.a": (3, NOW - 90 * DAY), "care.b": (3, NOW - 60)}, now=NOW
    )
    assert ids(index.search("回访话术", context=often_long_ago)) == ["care.b", "care.a"]
    more = SearchContext(usage={"care.a": (40, NOW - DAY), "care.b": (1, NOW - DAY)}, now=NOW)
    assert ids(index.search("回访话术", context=more)) == ["care.a", "care.b"]


@pytest.mark.parametrize(
    "ctx",
    [SearchContext(emotion_stage="dissatisfied"), SearchContext(customer_type="direct")],
)
def test_call_context_ranks_suitable_entries_higher(index: SearchIndex, ctx: SearchContext) -> None:
    assert ids(index.search("回访话术", context=ctx)) == ["care.a", "care.b"]


def test_match_quality_outranks_favourites(index: SearchIndex) -> None:
    # care.b has 回访 in the title and body; a favourite with it only in the
    # body would still come second. Here: the title match beats the favourite
    # whose title merely contains the word later.
    ctx = SearchContext(favourites=frozenset({"complaint.steps"}), usage={}, now=NOW)
    found = ids(index.search("回访", context=ctx))
    assert found.index("care.b") < found.index("complaint.steps")


def test_category_filter(index: SearchIndex) -> None:
    ctx = SearchContext(category="complaint")
    assert ids(index.search("主管", context=ctx)) == ["complaint.hant"]
    assert set(ids(index.search("", context=ctx))) == {"complaint.steps", "complaint.hant"}
    assert index.search("退款", context=ctx) == []
    assert index.search("", context=SearchContext(category="no-such-category")) == []


def test_limit(index: SearchIndex) -> None:
    assert len(index.search("", limit=3)) == 3
    assert index.search("投诉", limit=0) == []
    assert len(index.search("投诉", limit=1)) == 1


# ------------------------------------------------------------------ empty query


def _stable_ids() -> list[str]:
    from assistant.playbooks.model import CATEGORIES

    ordered = sorted(ENTRIES, key=lambda e: (CATEGORIES.index(e.category), fold(e.title), e.id))
    return [e.id for e in ordered]


def test_empty_query_lists_everything_in_stable_order(index: SearchIndex) -> None:
    assert ids(index.search("", limit=100)) == _stable_ids()
    assert ids(index.search("   ", limit=100)) == _stable_ids()


def test_empty_query_favourites_and_recent_first(index: SearchIndex) -> None:
    ctx = SearchContext(
        favourites=frozenset({"objection.price"}),
        usage={"commit.refund": (2, NOW - 3600), "taboo.asap": (1, NOW - 30 * DAY)},
        now=NOW,
    )
    found = ids(index.search("", limit=100, context=ctx))
    assert found[:3] == ["objection.price", "commit.refund", "taboo.asap"]
    rest = [i for i in _stable_ids() if i not in found[:3]]
    assert found[3:] == rest


def test_empty_query_with_stage_puts_de_escalation_lines_first(index: SearchIndex) -> None:
    ctx = SearchContext(
        emotion_stage="angry",
        favourites=frozenset({"closing.thanks"}),
        usage={"opening.greet": (5, NOW - 60)},
        now=NOW,
    )
    found = ids(index.search("", limit=100, context=ctx))
    assert found[0] == "closing.thanks"
    assert set(found[1:3]) == {"deesc.angry.en", "deesc.angry.zh"}
    assert found[3] == "opening.greet"
    assert found.index("deesc.calm") > 3


# ------------------------------------------------------------------ fields


@pytest.mark.parametrize(
    ("query", "entry_id", "field"),
    [
        ("处理投诉", "complaint.steps", "title"),
        ("书面", "jargon.sla", "plain"),
        ("术语", "jargon.sla", "tags"),
        ("到账", "commit.refund", "when_to_use"),
        ("提交加急", "commit.refund", "body"),
        ("computer", "jargon.server", "plain"),
        ("server", "jargon.server", "title"),
        ("tuikuan", "commit.refund", "title"),
    ],
)
def test_hit_field(index: SearchIndex, query: str, entry_id: str, field: str) -> None:
    hits = {h.entry.id: h for h in index.search(query)}
    assert hits[entry_id].field == field


# ------------------------------------------------------------------ persistence

QUERIES = (
    "投诉",
    "投訴",
    "tousu",
    "ts",
    "退",
    "SLA 承诺",
    "deescalate",
    "escalaton",
    "回访话术",
    "",
    "yhk",
)


def test_round_trip_gives_identical_results(index: SearchIndex) -> None:
    data = index.to_bytes()
    loaded = SearchIndex.from_bytes(data, ENTRIES)
    ctx = SearchContext(
        emotion_stage="angry",
        customer_type="direct",
        favourites=frozenset({"care.a"}),
        usage={"commit.refund": (2, NOW - 3600)},
        now=NOW,
    )
    for query in QUERIES:
        for context in (None, ctx):
            assert loaded.search(query, context=context) == index.search(query, context=context)
    again = SearchIndex.from_bytes(loaded.to_bytes(), ENTRIES)
    assert [again.search(q) for q in QUERIES] == [index.search(q) for q in QUERIES]


def test_from_bytes_rejects_other_entries(index: SearchIndex) -> None:
    data = index.to_bytes()
    with pytest.raises(ValueError, match="entries differ"):
        SearchIndex.from_bytes(data, ENTRIES[:-1])
    with pytest.raises(ValueError, match="entries differ"):
        SearchIndex.from_bytes(data, tuple(reversed(ENTRIES)))
    with pytest.raises(ValueError, match="unreadable"):
        SearchIndex.from_bytes(b"not an index", ENTRIES)
    with pytest.raises(ValueError, match="unreadable"):
        SearchIndex.from_bytes(data[: len(data) // 2], ENTRIES)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.text(max_size=6), unique=True, max_size=60), st.text(max_size=6))
def test_key_table_finds_every_key_and_nothing_else(keys: list[str], other: str) -> None:
    table = KeyTable(KeyTable.encode(keys))
    assert len(table) == len(keys)
    assert [table.get(k) for k in keys] == list(range(len(keys)))
    if other not in keys:
        assert table.get(other) is None
        assert other not in table
    with pytest.raises(ValueError, match="unreadable"):
        KeyTable(KeyTable.encode(keys)[:-1] if keys and any(keys) else b"\x01")


@settings(max_examples=200, deadline=None)
@given(st.lists(st.text(max_size=6), max_size=40), st.integers(-45, 45), st.integers(-45, 45))
def test_string_table_reads_back_like_the_list_it_was_made_from(
    strings: list[str], start: int, stop: int
) -> None:
    table = StringTable(StringTable.encode(strings))
    assert len(table) == len(strings)
    assert list(table) == strings
    assert [table[i] for i in range(-len(strings), len(strings))] == strings + strings
    view = table[start:stop]
    assert list(view) == strings[start:stop]
    assert [view[i] for i in range(len(view))] == strings[start:stop]
    assert list(view[1:]) == strings[start:stop][1:]
    with pytest.raises(IndexError):
        table[len(strings)]
    if strings and any(strings):
        with pytest.raises(ValueError, match="unreadable"):
            StringTable(StringTable.encode(strings)[:-1])


def test_empty_index() -> None:
    empty = SearchIndex.build(())
    assert empty.search("投诉") == []
    assert empty.search("") == []
    assert SearchIndex.from_bytes(empty.to_bytes(), ()).search("x") == []


# ------------------------------------------------------------------ robustness


@settings(max_examples=300, deadline=None)
@given(query=st.text(max_size=40), limit=st.integers(min_value=-1, max_value=30))
def test_arbitrary_queries_never_raise(index: SearchIndex, query: str, limit: int) -> None:
    hits = index.search(query, limit=limit)
    assert len(hits) <= max(limit, 0)
    assert all(h.field in {"title", "term", "tags", "plain", "when_to_use", "body"} for h in hits)
    assert len({h.entry.id for h in hits}) == len(hits)


@settings(max_examples=100, deadline=None)
@given(
    query=st.text(alphabet=st.sampled_from("tousuyhkSLA投诉訴退款 -'ａ"), max_size=20),
    stage=st.sampled_from([None, "angry", "calm", "??"]),
)
def test_likely_queries_with_context_never_raise(
    index: SearchIndex, query: str, stage: str | None
) -> None:
    ctx = SearchContext(
        emotion_stage=stage, favourites=frozenset({"care.a", "gone"}), usage={"x": (1, 0.0)}
    )
    hits = index.search(query, context=ctx)
    assert [h.score for h in hits] == sorted((h.score for h in hits), reverse=True)
