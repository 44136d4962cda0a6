"""Team packs: published by a supervisor, downloaded by every machine's sync."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from assistant.playbooks.library import discover, load_library

Sql = Callable[..., list[tuple[Any, ...]]]


def test_publish_checks_the_pack_and_uploads_it(
    logged_in: Any, cli: Any, pack_file: Path, server_sql: Sql
) -> None:
    result = cli("pack", "publish", str(pack_file))

    assert result.status == 0, result.errors
    assert "published team pack team-acme version 3 (1 entries)" in result.text
    rows = server_sql("SELECT id, version, yaml, published_by FROM agent_assist.team_packs")
    assert rows == [("team-acme", "3", pack_file.read_text(encoding="utf-8"), "agent")]


def test_a_pack_that_fails_the_check_is_not_published(
    logged_in: Any, cli: Any, pack_file: Path, server_sql: Sql
) -> None:
    broken = pack_file.read_text(encoding="utf-8").replace("category: opening", "category: gossip")
    pack_file.write_text(broken, encoding="utf-8")

    result = cli("pack", "publish", str(pack_file))

    assert result.status == 1
    assert f"{pack_file}:10: team.acme.greeting: unknown category 'gossip'" in result.text
    assert "not published: 1 problem(s)" in result.errors
    assert "Traceback" not in result.errors
    # Refused before connecting: the server was never touched.
    assert server_sql("SELECT to_regclass('agent_assist.team_packs')") == [(None,)]


def test_a_pack_reusing_a_built_in_entry_id_is_not_published(
    logged_in: Any, cli: Any, pack_file: Path
) -> None:
    text = pack_file.read_text(encoding="utf-8").replace(
        "team.acme.greeting", "en.opening.inbound_greeting"
    )
    pack_file.write_text(text, encoding="utf-8")

    result = cli("pack", "publish", str(pack_file))

    assert result.status == 1
    assert "en.opening.inbound_greeting: duplicate id" in result.text


def test_sync_downloads_team_packs_where_the_panel_loads_them(
    logged_in: Any, cli: Any, pack_file: Path, machine: Callable[..., Any]
) -> None:
    assert cli("pack", "publish", str(pack_file)).status == 0
    b = machine("b")

    result = b.run()

    assert result.packs_updated == ["team-acme"]
    folder = b.paths.team_packs_dir
    assert sorted(p.name for p in folder.iterdir()) == ["team-acme.yaml"]  # no temp files left
    assert (folder / "team-acme.yaml").read_text(encoding="utf-8") == pack_file.read_text(
        encoding="utf-8"
    )
    library = load_library(discover(b.paths.data_dir / "no-builtin", None, folder))
    assert [(p.id, p.origin) for p in library.packs] == [("team-acme", "team")]
    assert [e.id for e in library.entries] == ["team.acme.greeting"]
    # Unchanged on the server: not downloaded again.
    assert b.run().packs_updated == []


def test_a_republished_pack_replaces_the_copy_and_a_withdrawn_one_is_removed(
    logged_in: Any, cli: Any, pack_file: Path, machine: Callable[..., Any], server_sql: Sql
) -> None:
    assert cli("pack", "publish", str(pack_file)).status == 0
    b = machine("b")
    b.run()
    newer = pack_file.read_text(encoding="utf-8").replace('version: "3"', 'version: "4"')
    pack_file.write_text(newer, encoding="utf-8")
    assert cli("pack", "publish", str(pack_file)).status == 0

    assert b.run().packs_updated == ["team-acme"]
    target = b.paths.team_packs_dir / "team-acme.yaml"
    assert 'version: "4"' in target.read_text(encoding="utf-8")

    server_sql("DELETE FROM agent_assist.team_packs")
    result = b.run()
    assert result.packs_removed == ["team-acme"]
    assert not target.exists()


def test_publish_needs_a_server(cli: Any, pack_file: Path) -> None:
    result = cli("pack", "publish", str(pack_file))

    assert result.status == 1
    assert result.errors.strip() == (
        "agent-assist: no sync server set: run "
        "'agent-assist sync --login postgresql://user@host:port/dbname'"
    )
