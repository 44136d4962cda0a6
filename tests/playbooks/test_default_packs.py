"""The built-in playbook packs (resources/playbooks): structure, coverage, wording rules.

These tests read the YAML directly (yaml.safe_load), so they check the content the
supervisors and agents see, independently of the loader.
"""

from __future__ import annotations

import importlib.util
import re
import string
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
import yaml

from assistant.playbooks.loader import ENTRY_KEYS, PLACEHOLDER_KEYS
from assistant.playbooks.model import (
    BUILTIN_PLACEHOLDERS,
    CATEGORIES,
    CUSTOMER_TYPES,
    EMOTION_STAGES,
)

ROOT = Path(__file__).resolve().parents[2]
PACK_DIR = ROOT / "resources" / "playbooks"
MAKE_ZH_HANT = ROOT / "scripts" / "make_zh_hant.py"

# language -> (file, pack id, entry id prefix)
PACKS: dict[str, tuple[str, str, str]] = {
    "zh-Hans": ("zh-Hans.yaml", "core-zh-hans", "zh."),
    "en": ("en.yaml", "core-en", "en."),
    "zh-Hant": ("zh-Hant.yaml", "core-zh-hant", "hant."),
}
ALL_LANGS = tuple(PACKS)
# zh-Hant is generated from zh-Hans; the content minimums are asserted on the two
# hand-written packs (and zh-Hant is checked to mirror zh-Hans entry by entry).
AUTHORED_LANGS = ("zh-Hans", "en")

MIN_ENTRIES = 130
MIN_JARGON = 25
MIN_PER_EMOTION_STAGE = 8
MIN_COMMITMENTS = 15

REQUIRED_ENTRY_KEYS = ("id", "title", "category", "body")
JARGON_KEYS = ("term", "plain", "analogy")
ID_RE = re.compile(r"^[A-Za-z0-9._-]+$")

# The date-spec grammar of docs/playbook-format.md. Times of day are also required
# to fall inside default office hours (09:00-17:59), so that a commitment is not
# silently pushed to the next morning.
_WEEKDAY = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
_TIME = r"(?P<hh>\d{1,2}):(?P<mm>\d{2})"
DATE_SPEC_RES = (
    re.compile(r"^\+\d+[hmd]$"),
    re.compile(r"^\+\d+ business (?:hours?|minutes?)$"),
    re.compile(rf"^\+\d+ (?:business|working) days?(?: at {_TIME})?$"),
    re.compile(rf"^(?:today|tomorrow) {_TIME}$"),
    re.compile(rf"^next {_WEEKDAY} {_TIME}$"),
)

# Vague promises: allowed only in `taboo` entries, which show them as what not to say.
VAGUE_ZH = ("尽快", "稍后", "马上", "回头", "儘快", "盡快", "稍後", "馬上", "回頭")
VAGUE_EN = re.compile(r"\bASAP\b|as soon as possible|\bsoon\b|\bshortly\b", re.IGNORECASE)
# Empty comfort and rebuttal (domain brief): also only as warnings in `taboo`.
EMPTY_COMFORT_ZH = (
    "别着急",
    "别担心",
    "不要着急",
    "不要担心",
    "冷静一点",
    "冷静点",
    "別著急",
    "別擔心",
    "不要著急",
    "不要擔心",
    "冷靜一點",
    "冷靜點",
)
EMPTY_COMFORT_EN = re.compile(
    r"don'?t worry|calm down|that'?s impossible|no need to worry", re.IGNORECASE
)

# Structure markers the handbook templates must keep, per language.
CROSS_DEPT_MARKERS = {
    "zh-Hans": ("【客户问题】", "【当前进展】", "【负责人】", "【预计解决时间】", "【需协同部门】"),
    "zh-Hant": ("【客戶問題】", "【當前進展】", "【負責人】", "【預計解決時間】", "【需協同部門】"),
    "en": (
        "[Customer problem]",
        "[Current progress]",
        "[Owner]",
        "[Expected resolution time]",
        "[Departments needed]",
    ),
}
RESOLVED_MARKER = {"zh-Hans": "【已解决】", "zh-Hant": "【已解決】", "en": "[Resolved]"}


# --------------------------------------------------------------------------- helpers


def _load(lang: str) -> dict[str, Any]:
    path = PACK_DIR / PACKS[lang][0]
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert isinstance(data, dict), f"{path}: top level must be a mapping"
    return data


_CACHE: dict[str, dict[str, Any]] = {}


def pack(lang: str) -> dict[str, Any]:
    if lang not in _CACHE:
        _CACHE[lang] = _load(lang)
    return _CACHE[lang]


def is_text(value: object) -> bool:
    return isinstance(value, str) and bool(value.strip())


def entries(lang: str) -> list[dict[str, Any]]:
    result = pack(lang)["entries"]
    assert isinstance(result, list)
    return result


def by_category(lang: str, category: str) -> list[dict[str, Any]]:
    return [e for e in entries(lang) if e["category"] == category]


def texts(entry: dict[str, Any]) -> Iterator[str]:
    """The body and every alternative: the strings an agent may say or paste."""
    yield entry["body"]
    yield from entry.get("alternatives") or ()


def placeholder_names(text: str) -> set[str]:
    """`{name}` fields of a template; `{{` / `}}` are literal braces."""
    names: set[str] = set()
    try:
        fields = list(string.Formatter().parse(text))
    except ValueError as exc:  # a single { or } that is not a placeholder
        raise AssertionError(f"unbalanced brace ({exc}) in {text!r}; write {{{{ or }}}}") from exc
    for _literal, field, spec, conversion in fields:
        if field is None:
            continue
        assert field.isidentifier(), f"bad placeholder {{{field}}} in {text!r}"
        assert not spec, f"placeholder with a format spec in {text!r}"
        assert conversion is None, f"placeholder with a conversion in {text!r}"
        names.add(field)
    return names


def defined_placeholders(lang: str, entry: dict[str, Any]) -> dict[str, dict[str, Any]]:
    merged: dict[str, dict[str, Any]] = dict(pack(lang).get("placeholders") or {})
    merged.update(entry.get("placeholders") or {})
    return merged


def used_placeholders(entry: dict[str, Any]) -> set[str]:
    names: set[str] = set()
    for text in texts(entry):
        names |= placeholder_names(text)
    return names


def is_valid_date_spec(spec: str) -> bool:
    for regex in DATE_SPEC_RES:
        m = regex.match(spec)
        if m is None:
            continue
        hh = m.groupdict().get("hh")
        if hh is None:
            return True
        return 9 <= int(hh) <= 17 and int(m.group("mm")) < 60
    return False


def all_placeholder_defs(lang: str) -> Iterator[tuple[str, str, dict[str, Any]]]:
    """(owner, name, definition) for the pack-wide and every entry's placeholders."""
    for name, spec in (pack(lang).get("placeholders") or {}).items():
        yield "pack", name, spec
    for e in entries(lang):
        for name, spec in (e.get("placeholders") or {}).items():
            yield e["id"], name, spec


# --------------------------------------------------------------------------- header


@pytest.mark.parametrize("lang", ALL_LANGS)
def test_header(lang: str) -> None:
    header = pack(lang)["pack"]
    _file, pack_id, _prefix = PACKS[lang]
    assert header["id"] == pack_id
    assert header["language"] == lang
    for key in ("name", "version", "author"):
        assert is_text(header.get(key)), f"pack.{key} must be a non-empty string"
    assert set(pack(lang)) <= {"pack", "synonyms", "placeholders", "entries"}


# --------------------------------------------------------------------------- entries


@pytest.mark.parametrize("lang", ALL_LANGS)
def test_entry_shape(lang: str) -> None:
    prefix = PACKS[lang][2]
    for e in entries(lang):
        eid = e.get("id", "?")
        assert set(e) <= ENTRY_KEYS, f"{eid}: unknown keys {set(e) - ENTRY_KEYS}"
        for key in REQUIRED_ENTRY_KEYS:
            assert is_text(e.get(key)), f"{eid}: {key} missing"
        assert ID_RE.match(eid), f"{eid}: id may only hold letters, digits, . _ -"
        assert eid.startswith(prefix), f"{eid}: ids of this pack start with {prefix!r}"
        assert e["category"] in CATEGORIES, f"{eid}: unknown category {e['category']}"
        assert set(e.get("emotion_stages") or ()) <= set(EMOTION_STAGES), eid
        assert set(e.get("customer_types") or ()) <= set(CUSTOMER_TYPES), eid
        for key in ("tags", "alternatives", "emotion_stages", "customer_types"):
            value = e.get(key, [])
            assert isinstance(value, list), f"{eid}: {key} must be a list"
            assert all(is_text(v) for v in value), f"{eid}: {key}"
        if "when_to_use" in e:
            assert is_text(e["when_to_use"]), eid


def test_ids_unique_across_all_packs() -> None:
    seen: Counter[str] = Counter()
    for lang in ALL_LANGS:
        seen.update(e["id"] for e in entries(lang))
    dupes = sorted(i for i, n in seen.items() if n > 1)
    assert not dupes, f"duplicate ids: {dupes}"
    pack_ids = [pack(lang)["pack"]["id"] for lang in ALL_LANGS]
    assert len(set(pack_ids)) == len(pack_ids)


@pytest.mark.parametrize("lang", AUTHORED_LANGS)
def test_entry_count(lang: str) -> None:
    assert len(entries(lang)) >= MIN_ENTRIES


@pytest.mark.parametrize("lang", ALL_LANGS)
def test_every_category_present(lang: str) -> None:
    present = {e["category"] for e in entries(lang)}
    missing = set(CATEGORIES) - present
    assert not missing, f"categories with no entry: {sorted(missing)}"


@pytest.mark.parametrize("lang", AUTHORED_LANGS)
def test_most_entries_are_searchable_and_explained(lang: str) -> None:
    es = entries(lang)
    with_tags = sum(1 for e in es if e.get("tags"))
    with_when = sum(1 for e in es if e.get("when_to_use"))
    with_alternatives = sum(1 for e in es if e.get("alternatives"))
    assert with_tags >= 0.9 * len(es)
    assert with_when >= 0.9 * len(es)
    assert with_alternatives >= 30, "agents need other wordings to switch strategy"


@pytest.mark.parametrize("lang", AUTHORED_LANGS)
def test_customer_is_addressed_by_the_title_they_asked_for(lang: str) -> None:
    using_title = [e for e in entries(lang) if "{customer_title}" in e["body"]]
    assert len(using_title) >= 40


# --------------------------------------------------------------------------- placeholders


@pytest.mark.parametrize("lang", ALL_LANGS)
def test_every_placeholder_is_defined(lang: str) -> None:
    for e in entries(lang):
        defined = set(BUILTIN_PLACEHOLDERS) | set(defined_placeholders(lang, e))
        missing = used_placeholders(e) - defined
        assert not missing, f"{e['id']}: undefined placeholders {sorted(missing)}"


@pytest.mark.parametrize("lang", ALL_LANGS)
def test_placeholder_definitions(lang: str) -> None:
    for owner, name, spec in all_placeholder_defs(lang):
        where = f"{owner}: {name}"
        assert name.isidentifier(), where
        assert name not in BUILTIN_PLACEHOLDERS, f"{where}: shadows a built-in placeholder"
        assert isinstance(spec, dict), f"{where}: definition must be a mapping"
        assert set(spec) <= PLACEHOLDER_KEYS, f"{where}: unknown keys"
        kind = spec.get("kind", "text")
        assert kind in ("text", "date"), where
        if "choices" in spec:
            assert isinstance(spec["choices"], list), where
            assert spec["choices"], where
            assert all(isinstance(c, str) for c in spec["choices"]), where
        if "default" in spec:
            assert isinstance(spec["default"], str), f"{where}: quote the default"


@pytest.mark.parametrize("lang", ALL_LANGS)
def test_every_date_placeholder_has_a_valid_spec(lang: str) -> None:
    dates = 0
    for owner, name, spec in all_placeholder_defs(lang):
        if spec.get("kind") != "date":
            assert "spec" not in spec, f"{owner}: {name}: spec without kind: date"
            continue
        dates += 1
        assert isinstance(spec.get("spec"), str), f"{owner}: {name}: date without spec"
        assert is_valid_date_spec(spec["spec"]), f"{owner}: {name}: bad spec {spec['spec']!r}"
    assert dates >= MIN_COMMITMENTS


@pytest.mark.parametrize("lang", ALL_LANGS)
def test_defined_entry_placeholders_are_used(lang: str) -> None:
    for e in entries(lang):
        unused = set(e.get("placeholders") or {}) - used_placeholders(e)
        assert not unused, f"{e['id']}: placeholders defined but never used: {sorted(unused)}"


# --------------------------------------------------------------------------- wording rules


@pytest.mark.parametrize("lang", ALL_LANGS)
def test_no_vague_promises_outside_taboo(lang: str) -> None:
    for e in entries(lang):
        if e["category"] == "taboo":
            continue
        for text in texts(e):
            found = [w for w in VAGUE_ZH if w in text] + VAGUE_EN.findall(text)
            assert not found, f"{e['id']}: vague promise {found} in {text!r}"


@pytest.mark.parametrize("lang", ALL_LANGS)
def test_no_empty_comfort_or_rebuttal_outside_taboo(lang: str) -> None:
    for e in entries(lang):
        if e["category"] == "taboo":
            continue
        for text in texts(e):
            found = [w for w in EMPTY_COMFORT_ZH if w in text] + EMPTY_COMFORT_EN.findall(text)
            assert not found, f"{e['id']}: empty comfort or rebuttal {found} in {text!r}"


@pytest.mark.parametrize("lang", ALL_LANGS)
def test_taboo_entries_are_warnings(lang: str) -> None:
    taboos = by_category(lang, "taboo")
    assert len(taboos) >= 7
    for e in taboos:
        assert not e.get("alternatives"), f"{e['id']}: a warning has no alternative wordings"


# --------------------------------------------------------------------------- category content


@pytest.mark.parametrize("lang", ALL_LANGS)
def test_jargon_entries_have_term_plain_analogy(lang: str) -> None:
    for e in entries(lang):
        if e["category"] == "jargon":
            for key in JARGON_KEYS:
                assert is_text(e.get(key)), f"{e['id']}: {key}"
        else:
            assert not set(JARGON_KEYS) & set(e), f"{e['id']}: term/plain/analogy are jargon-only"


@pytest.mark.parametrize("lang", AUTHORED_LANGS)
def test_jargon_count_and_core_terms(lang: str) -> None:
    jargon = by_category(lang, "jargon")
    assert len(jargon) >= MIN_JARGON
    terms = " ".join(e["term"] for e in jargon)
    for must in ("SLA", "KPI", "API", "ASAP", "VPN", "DNS", "CDN"):
        assert must in terms, f"jargon term {must} missing"


@pytest.mark.parametrize("lang", AUTHORED_LANGS)
@pytest.mark.parametrize("stage", EMOTION_STAGES)
def test_de_escalation_per_emotion_stage(lang: str, stage: str) -> None:
    matching = [
        e for e in by_category(lang, "de_escalation") if stage in (e.get("emotion_stages") or ())
    ]
    assert len(matching) >= MIN_PER_EMOTION_STAGE, f"{stage}: {len(matching)} entries"


@pytest.mark.parametrize("lang", ALL_LANGS)
def test_de_escalation_entries_name_their_stage(lang: str) -> None:
    for e in by_category(lang, "de_escalation"):
        assert e.get("emotion_stages"), f"{e['id']}: no emotion_stages"


@pytest.mark.parametrize("lang", ALL_LANGS)
def test_commitments_carry_a_date(lang: str) -> None:
    commitments = by_category(lang, "commitment")
    if lang in AUTHORED_LANGS:
        assert len(commitments) >= MIN_COMMITMENTS
    for e in commitments:
        defs = defined_placeholders(lang, e)
        in_body = placeholder_names(e["body"])
        dated = [n for n in in_body if defs.get(n, {}).get("kind") == "date"]
        assert dated, f"{e['id']}: a commitment body needs a date placeholder"
        for alt in e.get("alternatives") or ():
            alt_dated = [n for n in placeholder_names(alt) if defs.get(n, {}).get("kind") == "date"]
            assert alt_dated, f"{e['id']}: alternative without a date: {alt!r}"


@pytest.mark.parametrize("lang", ALL_LANGS)
def test_opening_introduces_agent_with_id(lang: str) -> None:
    openings = by_category(lang, "opening")
    full = [e for e in openings if {"agent_name", "agent_id"} <= placeholder_names(e["body"])]
    assert len(full) >= 3


@pytest.mark.parametrize("lang", ALL_LANGS)
def test_closing_states_a_dated_next_step(lang: str) -> None:
    dated = []
    for e in by_category(lang, "closing"):
        defs = defined_placeholders(lang, e)
        if any(defs.get(n, {}).get("kind") == "date" for n in placeholder_names(e["body"])):
            dated.append(e["id"])
    assert dated


@pytest.mark.parametrize("lang", ALL_LANGS)
def test_complaint_steps_and_crisis_numbers(lang: str) -> None:
    prefix = PACKS[lang][2]
    ids = {e["id"] for e in by_category(lang, "complaint")}
    for step in (
        "step1_accept_emotion",
        "step2_clarify_facts",
        "step3_take_responsibility",
        "step4_beyond_expectations",
        "step5_follow_up",
        "full_five_steps",
    ):
        assert f"{prefix}complaint.{step}" in ids
    crisis_names: set[str] = set()
    for e in by_category(lang, "crisis"):
        crisis_names |= placeholder_names(e["body"])
    assert {"affected_share", "fixed_share", "eta"} <= crisis_names


@pytest.mark.parametrize("lang", ALL_LANGS)
def test_handoff_templates_keep_their_structure(lang: str) -> None:
    bodies = [e["body"] for e in by_category(lang, "handoff")]
    assert any(all(m in b for m in CROSS_DEPT_MARKERS[lang]) for b in bodies)
    assert any(RESOLVED_MARKER[lang] in b for b in bodies)
    escalation = [
        b
        for b in bodies
        if {"customer_background", "problem_details", "steps_taken"} <= placeholder_names(b)
    ]
    assert escalation, "escalation handoff needs background, details and steps taken"


@pytest.mark.parametrize("lang", AUTHORED_LANGS)
def test_objections_cover_customer_types(lang: str) -> None:
    objections = by_category(lang, "objection")
    covered = {t for e in objections for t in e.get("customer_types") or ()}
    assert {"rational", "emotional", "direct"} <= covered


@pytest.mark.parametrize("lang", AUTHORED_LANGS)
def test_questioning_has_spin(lang: str) -> None:
    prefix = PACKS[lang][2]
    ids = {e["id"] for e in by_category(lang, "questioning")}
    for part in ("situation", "problem", "implication", "need_payoff"):
        assert f"{prefix}questioning.spin_{part}" in ids


# --------------------------------------------------------------------------- zh-Hant


def _make_zh_hant() -> ModuleType:
    spec = importlib.util.spec_from_file_location("make_zh_hant", MAKE_ZH_HANT)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_zh_hant_mirrors_zh_hans() -> None:
    hans = {e["id"].removeprefix("zh."): e for e in entries("zh-Hans")}
    hant = {e["id"].removeprefix("hant."): e for e in entries("zh-Hant")}
    assert list(hans) == list(hant)
    for key, e in hans.items():
        t = hant[key]
        assert t["category"] == e["category"], key
        assert used_placeholders(t) == used_placeholders(e), key
        assert len(t.get("alternatives") or ()) == len(e.get("alternatives") or ()), key
        assert t.get("emotion_stages") == e.get("emotion_stages"), key
        assert t.get("customer_types") == e.get("customer_types"), key
        for name, spec in (e.get("placeholders") or {}).items():
            assert t["placeholders"][name].get("spec") == spec.get("spec"), key
            assert t["placeholders"][name].get("kind") == spec.get("kind"), key


def test_zh_hant_is_up_to_date_with_its_generator() -> None:
    pytest.importorskip("opencc")
    module = _make_zh_hant()
    source = (PACK_DIR / "zh-Hans.yaml").read_text(encoding="utf-8")
    current = (PACK_DIR / "zh-Hant.yaml").read_text(encoding="utf-8")
    assert module.convert(source) == current, "run: .venv/bin/python scripts/make_zh_hant.py"


def test_every_entry_names_its_intent_shared_by_all_three_languages() -> None:
    intents = {
        lang: {e["id"].removeprefix(prefix): e.get("intent") for e in entries(lang)}
        for lang, (_, _, prefix) in PACKS.items()
    }
    for lang, by_id in intents.items():
        assert all(by_id.values()), f"{lang}: entries without an intent"
        assert all(intent == rest for rest, intent in by_id.items()), lang
    assert set(intents["zh-Hans"]) == set(intents["en"]) == set(intents["zh-Hant"])


@pytest.mark.parametrize("lang", AUTHORED_LANGS)
def test_synonyms_name_tags_the_pack_uses(lang: str) -> None:
    synonyms = pack(lang)["synonyms"]
    tags = {t.casefold() for e in entries(lang) for t in e.get("tags", ())}
    assert len(synonyms) >= 15
    assert not [word for word in synonyms if word.casefold() not in tags]
