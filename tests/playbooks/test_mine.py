"""The agent's own phrases: saved through the pack checks, found at once, never half-written."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from assistant.paths import builtin_packs_dir
from assistant.playbooks.library import Library, discover, load_library
from assistant.playbooks.loader import load_pack_file
from assistant.playbooks.mine import MY_PACK_FILE, MyPack, Phrase, PhraseRefused

PHRASE = ("zh-Hans", "zh-Hant", "en")


def _library(user: Path, cache: Path) -> Library:
    return load_library(discover(builtin_packs_dir(), user), cache)


@pytest.fixture(scope="module")
def builtin(tmp_path_factory: pytest.TempPathFactory) -> Library:
    return load_library(discover(builtin_packs_dir()), tmp_path_factory.mktemp("cache"))


def test_a_saved_phrase_is_found_by_title_tag_pinyin_and_shortcode(
    tmp_path: Path, builtin: Library
) -> None:
    mine = MyPack(tmp_path / "packs", "zh-Hans")
    phrase = Phrase("快递改址说明", "confirming", "{customer_title}，地址改到{new_address}了。",
                    ("改地址",), "kd9")  # fmt: skip
    entry_id = mine.add(phrase, builtin)
    library = _library(tmp_path / "packs", tmp_path / "cache")
    for query in ("快递改址", "改地址", "kuaidi", "kd9", "KD9 "):
        ids = [h.entry_id for h in library.search(query, 10, None, PHRASE)]
        assert entry_id in ids[:3], query
    assert library.search("kd9", 5, None, PHRASE)[0].entry_id == entry_id
    saved = library.get(entry_id)
    assert saved is not None
    assert saved.placeholder("new_address") is not None


def test_an_edited_copy_is_the_row_shown_for_its_intent(tmp_path: Path, builtin: Library) -> None:
    original = builtin.search("退款", 1, None, PHRASE)[0].entry
    mine = MyPack(tmp_path / "packs", "zh-Hans")
    copy = Phrase.copy_of(original)._replace(body=original.body + "（我的说法）")
    entry_id = mine.add(copy, builtin)
    library = _library(tmp_path / "packs", tmp_path / "cache")
    for languages in (PHRASE, ("en", "zh-Hans"), ()):
        rows = library.search("退款", 10, None, languages)
        ids = [h.entry_id for h in rows]
        assert entry_id in ids, languages
        assert original.id not in ids
        assert rows[ids.index(entry_id)].entry.body.endswith("（我的说法）")


def test_a_bad_phrase_names_its_field_and_nothing_is_written(tmp_path: Path) -> None:
    mine = MyPack(tmp_path, "en")
    mine.add(Phrase("Greeting", "opening", "Hello {customer_name}.", shortcode="hi1"))
    before = (tmp_path / MY_PACK_FILE).read_bytes()
    cases = [
        (Phrase("Bad", "opening", "Order {order id}"), "body"),
        (Phrase(" ", "opening", "Hi"), "title"),
        (Phrase("Bad", "promise", "Hi"), "category"),
        (Phrase("Bad", "opening", "Hi", shortcode="two words"), "shortcode"),
        (Phrase("Bad", "opening", "Hi", shortcode="HI1"), "shortcode"),
    ]
    for phrase, field in cases:
        with pytest.raises(PhraseRefused) as refused:
            mine.add(phrase)
        assert refused.value.field == field, phrase
    assert (tmp_path / MY_PACK_FILE).read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == [MY_PACK_FILE, MY_PACK_FILE + ".bak"]


def test_rename_delete_and_undo(tmp_path: Path) -> None:
    mine = MyPack(tmp_path, "en")
    first = mine.add(Phrase("Greeting", "opening", "Hello."))
    second = mine.add(Phrase("Goodbye", "closing", "Bye."))
    mine.rename(first, "Warm greeting")
    mine.undo()
    assert not mine.can_undo()
    pack, problems = load_pack_file(tmp_path / MY_PACK_FILE, "user")
    assert problems == []
    assert pack is not None
    assert [e.title for e in pack.entries] == ["Greeting", "Goodbye"]
    mine.delete(second)
    assert mine.ids() == [first]
    mine.undo()
    assert mine.ids() == [first, second]


def test_undoing_the_first_phrase_leaves_no_pack(tmp_path: Path) -> None:
    mine = MyPack(tmp_path, "en")
    mine.add(Phrase("Greeting", "opening", "Hello."))
    mine.undo()
    assert not (tmp_path / MY_PACK_FILE).exists()


def test_packs_limited_to_groups_load_only_for_those_agents(tmp_path: Path) -> None:
    team = tmp_path / "team"
    team.mkdir()
    (team / "billing.yaml").write_text(
        textwrap.dedent("""\
            pack: {id: billing, name: Billing, language: en, groups: [billing, tier2]}
            entries:
              - {id: billing.late, title: Late fee, category: objection, body: "We waive it."}
            """),
        encoding="utf-8",
    )
    sources = discover(tmp_path / "none", None, team)
    cache = tmp_path / "cache"
    assert load_library(sources, cache, groups=["tier2"]).get("billing.late") is not None
    assert load_library(sources, cache, groups=["sales"]).get("billing.late") is None
    assert load_library(sources, cache, groups=[]).get("billing.late") is None
    assert load_library(sources, cache, groups=["billing"]).get("billing.late") is not None
    assert load_library(sources, cache).get("billing.late") is not None  # a check sees all


_SAVER = """
import sys
from pathlib import Path
from assistant.playbooks.mine import MyPack, Phrase
mine = MyPack(Path(sys.argv[1]), "en")
for i in range(10_000):
    mine.add(Phrase(f"Phrase {i}", "opening", f"Hello number {i}. " + "Longer words. " * 400))
    print(i, flush=True)
"""


@pytest.mark.skipif(os.name != "posix", reason="SIGKILL")
@pytest.mark.parametrize("after", [0, 3, 11])
def test_a_kill_during_a_save_leaves_the_pack_as_before_or_after(
    tmp_path: Path, after: int
) -> None:
    saver = subprocess.Popen(
        [sys.executable, "-c", _SAVER, str(tmp_path)],
        stdout=subprocess.PIPE,
        text=True,
        cwd=Path(__file__).resolve().parents[2],
    )
    assert saver.stdout is not None
    for line in saver.stdout:
        if int(line) == after:
            break
    saver.send_signal(signal.SIGKILL)  # the next save is under way
    saver.wait()
    saver.stdout.close()
    pack, problems = load_pack_file(tmp_path / MY_PACK_FILE, "user")
    assert problems == []
    assert pack is not None
    titles = [e.title for e in pack.entries]
    assert titles == [f"Phrase {i}" for i in range(len(titles))]
    assert len(titles) in (after + 1, after + 2)
