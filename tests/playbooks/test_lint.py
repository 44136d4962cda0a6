"""Lint: vague promises without a concrete time, and jargon with its plain meaning."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from assistant.playbooks.lint import Finding, lint_text
from assistant.playbooks.model import Entry


def jargon_entry(
    entry_id: str, term: str, plain: str = "", language: str = "en", category: str = "jargon"
) -> Entry:
    return Entry(
        id=entry_id,
        title=term,
        category=category,
        body=term,
        term=term,
        plain=plain,
        analogy="",
        language=language,
    )


JARGON = (
    jargon_entry("jargon.sla.zh", "SLA", "我们书面写下的服务承诺", "zh-Hans"),
    jargon_entry("jargon.sla.en", "SLA", "a written service promise", "en"),
    jargon_entry("jargon.api", "API", "a socket other programs plug into"),
    jargon_entry("jargon.api_gateway", "API gateway", "the front door for programs"),
    jargon_entry("jargon.cloud", "加密云存储", "带指纹锁、24小时有人看守的保险箱", "zh-Hans"),
    jargon_entry("jargon.kpi", "KPI", ""),
    jargon_entry("opening.hello", "hello", "hi", category="opening"),  # not jargon
    jargon_entry("jargon.empty", "  ", "nothing"),  # no term
)


def vague(text: str) -> list[str]:
    return [f.text for f in lint_text(text) if f.kind == "vague"]


def spans(text: str, findings: list[Finding]) -> None:
    for f in findings:
        assert text[f.start : f.end] == f.text


# --- vague promises ----------------------------------------------------------------


def test_vague_chinese_without_time_is_flagged() -> None:
    text = "我们会尽快处理，稍后给您回电。"
    findings = lint_text(text)
    assert [(f.kind, f.text, f.start, f.end) for f in findings] == [
        ("vague", "尽快", 3, 5),
        ("vague", "稍后", 8, 10),
    ]
    assert "具体" in findings[0].message


def test_vague_english_without_time_is_flagged() -> None:
    text = "We'll fix it ASAP and call you back soon."
    findings = lint_text(text)
    assert [f.text for f in findings] == ["ASAP", "soon"]
    assert findings[0].start == text.index("ASAP")
    assert "concrete" in findings[0].message
    spans(text, findings)


def test_longest_vague_phrase_wins() -> None:
    assert vague("I'll do it as soon as possible.") == ["as soon as possible"]
    assert vague("We will look into it at some point.") == ["at some point"]


def test_case_insensitive() -> None:
    assert vague("Maybe. Later. asap.") == ["Maybe", "Later", "asap"]


def test_latin_word_boundaries() -> None:
    assert vague("The reasoning is sound and the soonest option is taken.") == []
    assert vague("Chocolate is popular.") == []  # "later" inside a word
    assert vague("我ASAP处理") == ["ASAP"]  # no space between Chinese and Latin


def test_chinese_false_friends() -> None:
    assert vague("这不可能是您的问题。") == []
    assert vague("您是我们的回头客。") == []
    assert vague("祝您很快乐！") == []


def test_concrete_time_in_the_same_sentence_clears() -> None:
    concrete = [
        "我稍后确认，10:00前给您回电。",
        "我尽快处理，明天上午给您答复。",
        "我尽快处理，10点前答复您。",
        "我尽快处理，11月24日前完成。",
        "我们尽快处理，3个工作日内给您结果。",
        "我们尽快处理，两个小时内回复。",
        "We'll get back to you soon, by Tuesday.",
        "We'll call you later, tomorrow at 10.",
        "I'll reply ASAP, before 18:00.",
        "We'll probably finish within 2 hours.",
        "Maybe on 24 November.",
        "Maybe on November 24.",
        "I'll call back later this afternoon.",
    ]
    for text in concrete:
        assert vague(text) == [], text


def test_time_in_another_sentence_does_not_clear() -> None:
    assert vague("我尽快处理。明天上午10:00给您回电。") == ["尽快"]
    assert vague("We'll call you soon. Tomorrow at 10:00 is the deadline.") == ["soon"]


def test_decimal_point_does_not_split_sentences() -> None:
    # "10.30" is not a sentence end; the clause keeps its time.
    assert vague("I'll call you soon, at 10.30 tomorrow.") == []


def test_maybe_is_not_a_month() -> None:
    assert vague("Maybe 2 of them.") == ["Maybe"]


def test_traditional_chinese() -> None:
    assert vague("我們會盡快處理，稍後回覆您。") == ["盡快", "稍後"]


def test_empty_and_clean_text() -> None:
    assert lint_text("") == []
    assert lint_text("明天（11月24日 周二）上午10:00前给您回电。") == []


# --- jargon ------------------------------------------------------------------------


def test_jargon_terms_are_flagged_with_plain_meaning() -> None:
    text = "Our SLA covers the API."
    findings = lint_text(text, JARGON)
    assert [(f.kind, f.text, f.entry_id) for f in findings] == [
        ("jargon", "SLA", "jargon.sla.en"),
        ("jargon", "API", "jargon.api"),
    ]
    assert "a written service promise" in findings[0].message
    assert "a socket other programs plug into" in findings[1].message
    spans(text, findings)


def test_jargon_prefers_entry_in_the_text_language() -> None:
    findings = lint_text("根据SLA，我们会处理。", JARGON)
    assert [(f.text, f.entry_id) for f in findings] == [("SLA", "jargon.sla.zh")]
    assert "我们书面写下的服务承诺" in findings[0].message
    assert findings[0].start == 2


def test_jargon_longest_term_and_boundaries_and_case() -> None:
    text = "The api gateway is fine; APIs too, but not rapid or SLAB."
    findings = lint_text(text, JARGON)
    assert [(f.text, f.entry_id) for f in findings] == [
        ("api gateway", "jargon.api_gateway"),
        ("APIs", "jargon.api"),
    ]
    spans(text, findings)


def test_jargon_chinese_term_and_every_occurrence() -> None:
    text = "加密云存储很安全。加密云存储每天备份。"
    findings = lint_text(text, JARGON)
    assert [(f.start, f.end, f.entry_id) for f in findings] == [
        (0, 5, "jargon.cloud"),
        (9, 14, "jargon.cloud"),
    ]
    assert "保险箱" in findings[0].message


def test_only_jargon_entries_with_a_term_count() -> None:
    assert lint_text("hello there", JARGON) == []


def test_jargon_without_plain_meaning_still_flagged() -> None:
    findings = lint_text("Our KPI is fine.", JARGON)
    assert [f.entry_id for f in findings] == ["jargon.kpi"]
    assert "plain" in findings[0].message


def test_vague_and_jargon_together_in_order() -> None:
    text = "We'll check the SLA later."
    findings = lint_text(text, JARGON)
    assert [(f.kind, f.text) for f in findings] == [("jargon", "SLA"), ("vague", "later")]
    assert findings[1].entry_id is None


def test_many_jargon_entries_and_repeated_calls() -> None:
    entries = [jargon_entry(f"j{i}", f"TERM{i}", f"plain {i}") for i in range(60)]
    text = "我们会处理 TERM7 和 term42，" * 10
    for _ in range(3):  # second and third calls use the compiled pattern
        findings = lint_text(text, entries)
        assert [f.entry_id for f in findings[:2]] == ["j7", "j42"]
        assert len(findings) == 20


# --- properties --------------------------------------------------------------------

alphabet = st.sampled_from(
    list("abc xyz ASAP soon later 尽快 稍后 明天 10:00 。，.!? \n SLA API 加密云存储 tomorrow")
)
texts = st.lists(
    st.sampled_from(
        [
            "尽快",
            "稍后",
            "可能",
            "ASAP",
            "soon",
            "maybe",
            "SLA",
            "API",
            "加密云存储",
            "明天",
            "10:00",
        ]
    )
    | alphabet,
    max_size=40,
).map("".join)


@settings(max_examples=200, deadline=None)
@given(texts)
def test_findings_are_exact_spans_in_order(text: str) -> None:
    findings = lint_text(text, JARGON)
    spans(text, findings)
    assert [f.start for f in findings] == sorted(f.start for f in findings)
    for f in findings:
        assert 0 <= f.start < f.end <= len(text)
        assert (f.entry_id is None) == (f.kind == "vague")
        assert f.message
