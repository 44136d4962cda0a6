"""The library's cache and the ``agent-assist playbook`` commands."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from assistant.playbooks.library import CACHE_NAME, Library, Source, discover, load_library

PACK = """\
pack: {id: mine, name: My pack, language: en, version: "1", author: me}
entries:
  - id: mine.callback
    title: Call-back promise
    category: commitment
    body: "{customer_title}, I'll call you back {reply_by} about order {order_id}."
    tags: [callback]
    placeholders:
      reply_by: {kind: date, spec: "+1 business day at 10:00"}
      order_id: {label: Order}
"""


def test_cache_is_used_when_packs_are_unchanged_and_rebuilt_when_they_change(
    tmp_path: Path,
) -> None:
    packs = tmp_path / "packs"
    packs.mkdir()
    (packs / "mine.yaml").write_text(PACK, encoding="utf-8")
    cache = tmp_path / "cache"
    first = load_library(discover(packs), cache)
    assert not first.from_cache
    assert (cache / CACHE_NAME).exists()
    second = load_library(discover(packs), cache)
    assert second.from_cache
    assert list(second.entries) == list(first.entries)
    assert [h.entry.id for h in second.search("callback")] == ["mine.callback"]
    (packs / "mine.yaml").write_text(PACK.replace("Call-back promise", "Ring back"), "utf-8")
    third = load_library(discover(packs), cache)
    assert not third.from_cache
    ring = third.get("mine.callback")
    assert ring is not None
    assert ring.title == "Ring back"


@pytest.fixture(scope="module")
def builtin_cache(tmp_path_factory: pytest.TempPathFactory) -> tuple[list[Source], Path, Library]:
    """The built-in packs, a cache written for them, and the library that was built."""
    from assistant.paths import builtin_packs_dir

    sources = discover(builtin_packs_dir())
    cache = tmp_path_factory.mktemp("cache")
    return sources, cache, load_library(sources, cache)


def test_a_warm_cache_answers_every_query_as_the_index_it_was_built_from(
    builtin_cache: tuple[list[Source], Path, Library],
) -> None:
    sources, cache, built = builtin_cache
    cached = load_library(sources, cache)
    assert cached.from_cache
    # The cached index reads its keys and posting lists from the file on demand.
    queries = ["退款", "投訴", "tuikuan", "tk", "refund", "refnud", "sla", "de-escalate",
               "客户 生气", "jiang ji", "SLA 是什么", "", "qqxq"]  # fmt: skip
    for query in queries:
        expected = [(h.entry.id, h.score, h.field) for h in built.search(query, 40)]
        assert [(h.entry.id, h.score, h.field) for h in cached.search(query, 40)] == expected
    assert built.search("退款", 40)


def test_a_search_decodes_only_the_entries_that_are_looked_at(
    builtin_cache: tuple[list[Source], Path, Library],
) -> None:
    sources, cache, _ = builtin_cache
    library = load_library(sources, cache)
    assert library.from_cache
    table = library.entries
    hits = library.search("退款", 100, None, ("zh-Hans", "en"))
    assert len(hits) > 5
    assert [h.entry_id for h in hits[:3]]  # ids come without decoding
    assert len(table._made) == 0
    first = hits[0].entry
    assert hits[0].entry_id == first.id
    assert len(table._made) == 1
    assert "退款" in first.title + first.body + " ".join(first.tags)


def test_damaged_cache_is_rebuilt(tmp_path: Path) -> None:
    packs = tmp_path / "packs"
    packs.mkdir()
    (packs / "mine.yaml").write_text(PACK, encoding="utf-8")
    cache = tmp_path / "cache"
    load_library(discover(packs), cache)
    (cache / CACHE_NAME).write_bytes(b"\x00garbage")
    library = load_library(discover(packs), cache)
    assert not library.from_cache
    assert [e.id for e in library.entries] == ["mine.callback"]


def test_a_pack_changed_as_the_cache_was_written_is_compared_by_content(
    tmp_path: Path,
) -> None:
    packs = tmp_path / "packs"
    packs.mkdir()
    pack = packs / "mine.yaml"
    pack.write_text(PACK, encoding="utf-8")
    cache = tmp_path / "cache"
    load_library(discover(packs), cache)
    # The same size and time stamp, other words: only the content tells.
    stamp = pack.stat()
    pack.write_text(PACK.replace("Call-back promise", "Ring-back promise"), "utf-8")
    os.utime(pack, ns=(stamp.st_atime_ns, stamp.st_mtime_ns))
    assert pack.stat().st_size == stamp.st_size
    library = load_library(discover(packs), cache)
    assert not library.from_cache
    entry = library.get("mine.callback")
    assert entry is not None
    assert entry.title == "Ring-back promise"
    assert load_library(discover(packs), cache).from_cache


def test_adding_a_pack_or_a_truncated_cache_rebuilds(tmp_path: Path) -> None:
    packs = tmp_path / "packs"
    packs.mkdir()
    (packs / "mine.yaml").write_text(PACK, encoding="utf-8")
    cache = tmp_path / "cache"
    load_library(discover(packs), cache)
    other = PACK.replace("id: mine", "id: other").replace("mine.callback", "other.callback")
    (packs / "other.yaml").write_text(other, encoding="utf-8")
    both = load_library(discover(packs), cache)
    assert not both.from_cache
    assert {e.id for e in both.entries} == {"mine.callback", "other.callback"}
    data = (cache / CACHE_NAME).read_bytes()
    (cache / CACHE_NAME).write_bytes(data[: len(data) - 64])
    again = load_library(discover(packs), cache)
    assert not again.from_cache
    assert {e.id for e in again.entries} == {"mine.callback", "other.callback"}


def test_warm_cache_start_does_not_import_pinyin_tables(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    code = (
        "import sys; from pathlib import Path\n"
        "from assistant.paths import builtin_packs_dir\n"
        "from assistant.playbooks.library import discover, load_library\n"
        f"lib = load_library(discover(builtin_packs_dir()), Path({str(cache)!r}))\n"
        "hits = lib.search('tousu') + lib.search('投訴') + lib.search('SLA')\n"
        "print(lib.from_cache, bool(hits), 'pypinyin' in sys.modules)\n"
    )
    run = [sys.executable, "-c", code]
    subprocess.run(run, check=True, capture_output=True)
    out = subprocess.run(run, check=True, capture_output=True, text=True).stdout.split()
    # Pinyin keys are built into the cached index: searching never needs pypinyin.
    assert out == ["True", "True", "False"]


def test_check_reports_every_problem_and_exits_1(cli: Any, tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text(
        PACK.replace("category: commitment", "category: gossip").replace("{order_id}", "{oder}"),
        encoding="utf-8",
    )
    result = cli("playbook", "check", str(bad))
    assert result.status == 1
    assert f"{bad}:5: mine.callback: unknown category 'gossip'" in result.text


def test_check_with_no_path_checks_the_built_in_packs(cli: Any) -> None:
    result = cli("playbook", "check")
    assert result.status == 0, result.text
    assert "no problems" in result.errors


def test_check_finds_duplicates_between_user_and_built_in_packs(cli: Any, paths: Any) -> None:
    paths.user_packs_dir.mkdir(parents=True)
    builtin_id = "zh.jargon.sla"
    (paths.user_packs_dir / "dup.yaml").write_text(
        PACK.replace("mine.callback", builtin_id), encoding="utf-8"
    )
    result = cli("playbook", "check")
    assert result.status == 1
    assert f"{builtin_id}: duplicate id (also at " in result.text


def test_render_prints_and_names_missing_values(cli: Any) -> None:
    args = (
        "playbook",
        "render",
        "zh.commitment.refund_status",
        "--now",
        "2026-11-23T09:30:00+08:00",
    )
    missing = cli(*args)
    assert missing.status == 2
    assert "no value for customer_title, order_id" in missing.errors
    done = cli(*args, "--set", "customer_title=李总", "--set", "order_id=A1001")
    assert done.status == 0
    assert done.text.startswith("李总，您订单A1001的退款")
    assert "{" not in done.text


def test_render_copy_puts_the_text_on_the_clipboard(cli: Any, monkeypatch: Any) -> None:
    import pyperclip

    copied: list[str] = []
    monkeypatch.setattr(pyperclip, "copy", copied.append)
    args = ("playbook", "render", "zh.commitment.confirm_with_colleague", "--copy")
    result = cli(*args, "--now", "2026-11-23T09:30:00+08:00")
    assert result.status == 0
    assert copied == [result.text.rstrip("\n")]


def test_search_json(cli: Any) -> None:
    result = cli("playbook", "search", "tousu", "--json", "--limit", "3")
    hits = json.loads(result.text)
    assert len(hits) == 3
    assert all("投诉" in h["title"] + h["body"] or "投訴" in h["title"] + h["body"] for h in hits)
    assert set(hits[0]) == {"id", "title", "category", "language", "score", "field", "body"}


def test_lint_flags_vague_promises_and_jargon(cli: Any) -> None:
    result = cli("playbook", "lint", "我们会尽快处理，这个SLA没问题")
    assert result.status == 1
    lines = result.text.splitlines()
    assert lines[0].startswith("3-5\tvague\t尽快")
    assert lines[1].startswith("10-13\tjargon\tSLA")
    assert cli("playbook", "lint", "明天上午10:00前给您回电").status == 0


def test_documented_example_pack_passes_the_check(cli: Any) -> None:
    example = Path(__file__).resolve().parents[2] / "docs" / "example-pack.yaml"
    result = cli("playbook", "check", str(example))
    assert result.status == 0, result.text
    assert "4 entries: no problems" in result.errors
