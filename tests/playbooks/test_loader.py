from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from assistant.playbooks.library import check_sources
from assistant.playbooks.loader import load_pack_text

GOOD = """\
pack:
  id: test-zh
  name: 测试包
  language: zh-Hans
  version: 2
  author: 培训组
placeholders:
  reply_by:
    kind: date
    spec: "+1 business day at 10:00"
entries:
  - id: t.refund
    title: 退款承诺
    category: commitment
    body: "{customer_title}，{reply_by}之前给您回电。"
    tags: [退款, 回电]
    emotion_stages: [dissatisfied]
  - id: t.no
    title: no
    category: opening
    body: "您好，我是{agent_name}，工号{agent_id}。"
"""


def _problems(text: str) -> list[str]:
    _, problems = load_pack_text(text, "pack.yaml", "user")
    return [str(p) for p in problems]


def test_good_pack_loads_with_lines_and_plain_text_scalars() -> None:
    pack, problems = load_pack_text(GOOD, "pack.yaml", "user")
    assert problems == []
    assert pack is not None
    assert pack.version == "2"
    refund, no = pack.entries
    assert (refund.line, no.line) == (12, 18)
    assert no.title == "no"  # YAML 1.1 would have made this False
    assert refund.placeholder("reply_by") is not None
    assert refund.language == "zh-Hans"


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (
            ("category: commitment", "category: promises"),
            "pack.yaml:14: t.refund: unknown category 'promises'",
        ),
        (("    title: 退款承诺\n", ""), "pack.yaml:12: t.refund: missing title"),
        (("tags: [退款, 回电]", "tags: 退款"), "pack.yaml:16: t.refund: tags must be a list"),
        (
            ("{customer_title}，", "{customer_title}{order_id}，"),
            "pack.yaml:15: t.refund: placeholder {order_id} is used but not defined",
        ),
        (
            ('spec: "+1 business day at 10:00"', 'spec: "someday"'),
            "pack.yaml:10: -: placeholder reply_by: date spec 'someday'",
        ),
        (
            ("emotion_stages: [dissatisfied]", "emotion_stages: [furious]"),
            "pack.yaml:17: t.refund: emotion_stages: 'furious' is not one of",
        ),
        (
            ("  - id: t.no", "  - id: t.refund"),
            "pack.yaml:18: t.refund: duplicate id (first at line 12)",
        ),
        (("    tags:", "    tagz:"), "pack.yaml:16: t.refund: unknown key 'tagz'"),
        (
            ('body: "{customer_title}', 'body: "{ customer title}'),
            "pack.yaml:15: t.refund: body: {customer title} is not a placeholder name",
        ),
        (
            ("language: zh-Hans", "language: klingon"),
            "pack.yaml:4: -: language 'klingon' is not one of",
        ),
        (
            ("  - id: t.refund\n", "  - id: t.refund\n   bad: [\n"),
            "pack.yaml:13: -: not valid YAML",
        ),
    ],
)
def test_each_problem_names_file_line_and_entry(change: tuple[str, str], expected: str) -> None:
    text = GOOD.replace(*change)
    assert text != GOOD
    problems = _problems(text)
    assert any(p.startswith(expected) for p in problems), problems


def test_a_bad_entry_does_not_stop_the_others() -> None:
    pack, problems = load_pack_text(
        GOOD.replace("category: opening", "category: none"), "p.yaml", "user"
    )
    assert pack is not None
    assert [e.id for e in pack.entries] == ["t.refund"]
    assert len(problems) == 1


def test_jargon_entries_need_term_plain_and_analogy() -> None:
    text = (
        GOOD
        + "  - id: t.sla\n    title: SLA\n    category: jargon\n    body: 服务承诺\n    term: SLA\n"
    )
    assert "pack.yaml:22: t.sla: a jargon entry needs plain" in _problems(text)


def test_duplicate_ids_across_packs_are_reported_and_the_first_kept(tmp_path: Path) -> None:
    first = tmp_path / "a.yaml"
    second = tmp_path / "b.yaml"
    first.write_text(GOOD, encoding="utf-8")
    second.write_text(GOOD.replace("id: test-zh", "id: other"), encoding="utf-8")
    packs, problems = check_sources([(first, "builtin"), (second, "user")])
    assert [len(p.entries) for p in packs] == [2, 0]
    assert [str(p) for p in problems] == [
        f"{second}:12: t.refund: duplicate id (also at {first}:12)",
        f"{second}:18: t.no: duplicate id (also at {first}:18)",
    ]


def test_pack_cannot_execute_code() -> None:
    evil = GOOD.replace("title: no", "title: !!python/object/apply:os.system ['echo hi']")
    assert _problems(evil) == ["pack.yaml:19: t.no: title must be text, not a list"]
    tagged = GOOD.replace("title: no", "title: !!python/object/apply:os.system 'echo hi'")
    pack, problems = load_pack_text(tagged, "pack.yaml", "user")
    assert problems == []
    assert pack is not None
    assert pack.entries[1].title == "echo hi"  # text, never a call


def _mutations() -> st.SearchStrategy[str]:
    lines = GOOD.splitlines(keepends=True)
    junk = st.sampled_from(
        [
            "",
            ":",
            "- ",
            "  ",
            "{",
            "}",
            "[",
            "'",
            '"',
            "\t",
            "&a",
            "*a",
            "!!",
            "#",
            "\x00",
            "ü",
            "：",
            "---\n",
            "...\n",
        ]
    )

    @st.composite
    def mutate(draw: st.DrawFn) -> str:
        mutated = list(lines)
        for _ in range(draw(st.integers(1, 4))):
            index = draw(st.integers(0, len(mutated) - 1))
            action = draw(st.sampled_from(["delete", "insert", "dup", "cut"]))
            if action == "delete":
                del mutated[index]
            elif action == "insert":
                text = mutated[index]
                at = draw(st.integers(0, len(text)))
                mutated[index] = text[:at] + draw(junk) + text[at:]
            elif action == "dup":
                mutated.insert(index, mutated[index])
            else:
                mutated[index] = mutated[index][: draw(st.integers(0, len(mutated[index])))]
            if not mutated:
                break
        return "".join(mutated)

    return mutate()


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_mutations())
def test_mutated_packs_never_crash_and_always_give_file_line(text: str) -> None:
    pack, problems = load_pack_text(text, "pack.yaml", "user")
    for problem in problems:
        assert re.match(r"pack\.yaml:\d+: ", str(problem)), problem
        assert 1 <= problem.line <= text.count("\n") + 2
    if pack is None:
        assert problems


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300))
def test_random_text_never_crashes_the_loader(text: str) -> None:
    pack, problems = load_pack_text(text, "x.yaml", "user")
    assert pack is not None or problems


SYNONYMS = """\
pack: {id: s, name: S, language: zh-Hans, version: "1"}
synonyms:
  主管: [找领导, 经理]
  Abuse: swearing
entries:
  - id: s.supervisor
    intent: deesc.supervisor
    title: 客户要求找主管
    category: commitment
    body: 我来安排主管，{reply_by}之前主管给您回电话。
    tags: [主管]
    placeholders: {reply_by: {kind: date, spec: "tomorrow 10:00"}}
  - id: s.abuse
    title: Abusive language
    category: de_escalation
    body: I want to help, and I need us to keep this respectful.
    tags: [abuse]
"""


def test_intent_and_synonyms_give_search_words_that_are_never_shown() -> None:
    pack, problems = load_pack_text(SYNONYMS, "pack.yaml", "user")
    assert not problems
    assert pack is not None
    supervisor, abuse = pack.entries
    assert supervisor.intent_key == "deesc.supervisor"
    assert abuse.intent_key == "s.abuse"  # no intent: its own id
    assert supervisor.tags == ("主管",)
    # The pack's synonyms of its tags, and the day its promise falls on.
    assert supervisor.keywords[:2] == ("找领导", "经理")
    assert {"明天", "tomorrow"} <= set(supervisor.keywords)
    assert abuse.keywords == ("swearing",)


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (
            ("    intent: deesc.supervisor", "    intent: 找 主管"),
            "pack.yaml:7: s.supervisor: intent",
        ),
        (("  Abuse: swearing", "  Abuse: {a: b}"), "pack.yaml:4: -: synonyms of 'Abuse'"),
    ],
)
def test_bad_intent_or_synonyms_name_the_line(change: tuple[str, str], expected: str) -> None:
    _, problems = load_pack_text(SYNONYMS.replace(*change), "pack.yaml", "user")
    assert any(str(p).startswith(expected) for p in problems), problems
