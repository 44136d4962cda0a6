"""Team packs: published to the server by supervisors, downloaded by every sync.

Downloaded packs are written to ``paths.team_packs_dir`` one file per pack
(``<id>.yaml``), each through a temporary file and a rename, so the panel never
loads half a pack. Only what changed since the last sync is fetched: the server
lists ids with their version and publish time first.
"""

from __future__ import annotations

import re
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import func, select
from sqlalchemy.dialects.postgresql import insert

from assistant.errors import UserError
from assistant.files import write_text_atomically
from assistant.sync import server_tables as t

if TYPE_CHECKING:
    from sqlalchemy import Connection

    from assistant.playbooks.model import Pack, Problem
    from assistant.sync.connection import ServerAddress

# The loader's rule for ids; it also keeps a pack id a safe file name.
_PACK_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9._\-]*")


@dataclass(slots=True)
class PackPull:
    updated: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    manifest: dict[str, str] = field(default_factory=dict)  # id -> version marker


def pack_path(folder: Path, pack_id: str) -> Path:
    return folder / f"{pack_id}.yaml"


def pull_packs(conn: Connection, folder: Path, known: dict[str, str]) -> PackPull:
    """Bring ``folder`` up to the server's team packs; ``known`` is the last manifest."""
    result = PackPull()
    listing = conn.execute(
        select(t.team_packs.c.id, t.team_packs.c.version, t.team_packs.c.published_at)
    ).all()
    wanted: list[str] = []
    for row in listing:
        if not _PACK_ID.fullmatch(row.id):
            result.errors.append(f"team pack {row.id!r} on the server has an unusable id; skipped")
            continue
        marker = f"{row.version}|{row.published_at.isoformat()}"
        result.manifest[row.id] = marker
        if known.get(row.id) != marker or not pack_path(folder, row.id).exists():
            wanted.append(row.id)
    if wanted:
        query = select(t.team_packs.c.id, t.team_packs.c.yaml).where(t.team_packs.c.id.in_(wanted))
        for pack_id, text in conn.execute(query):
            target = pack_path(folder, pack_id)
            try:
                target.parent.mkdir(parents=True, exist_ok=True)
                write_text_atomically(target, text)  # ".part" is no pack suffix: never loaded
            except OSError as exc:
                result.errors.append(f"{target}: cannot write: {exc.strerror}")
                result.manifest.pop(pack_id, None)
                continue
            result.updated.append(pack_id)
    for pack_id in sorted(set(known) - set(result.manifest)):
        if not _PACK_ID.fullmatch(pack_id):
            continue
        # Withdrawn on the server: remove the copy this sync wrote earlier.
        pack_path(folder, pack_id).unlink(missing_ok=True)
        result.removed.append(pack_id)
    result.updated.sort()
    return result


def check_pack(path: Path) -> tuple[Pack | None, list[Problem]]:
    """The playbook check for a pack about to be published, beside the built-in packs.

    Only problems in ``path`` count: an entry id that a built-in pack already uses
    is one (the panel would drop that entry).
    """
    from assistant.paths import builtin_packs_dir
    from assistant.playbooks.library import check_sources, discover

    if not path.is_file():
        raise UserError(f"{path}: no such file")
    sources = [*discover(builtin_packs_dir()), (path, "team")]
    packs, problems = check_sources(sources)
    mine = [p for p in problems if p.file == str(path)]
    pack = next((p for p in packs if p.source == str(path)), None)
    return pack, mine


class PackRefused(UserError):
    """The pack failed the playbook check; nothing was sent."""

    def __init__(self, path: Path, problems: list[Problem]) -> None:
        super().__init__(f"{path}: not published: {len(problems)} problem(s)")
        self.problems = problems


def checked_pack(path: Path) -> Pack:
    """The pack at ``path`` if it passes the check that publishing needs."""
    pack, problems = check_pack(path)
    if problems or pack is None:
        raise PackRefused(path, problems)
    return pack


def upload_pack(address: ServerAddress, password: str, pack: Pack, text: str) -> None:
    """Publish a checked pack; a refused account or an unreachable server is a UserError."""
    from assistant.sync.connection import classify, describe, make_engine
    from assistant.sync.server_schema import ensure_schema

    engine = make_engine(address, password)
    try:
        ensure_schema(engine, address.user)
        with engine.begin() as conn:
            publish_pack(conn, pack, text)
    except UserError:
        raise
    except Exception as exc:
        kind = classify(exc)
        if kind == "permission":
            raise UserError(
                f"the account {address.user} may not publish team packs on {address.place}; "
                "a supervisor's account is needed"
            ) from None
        if kind == "other":
            raise
        raise UserError(describe(exc, address)) from None
    finally:
        engine.dispose()


def publish_text(address: ServerAddress, password: str, pack_id: str, text: str) -> Pack:
    """Check ``text`` as the pack file ``<pack_id>.yaml`` and publish it (the panel's way)."""
    with tempfile.TemporaryDirectory(prefix="agent-assist-publish-") as folder:
        path = pack_path(Path(folder), pack_id)
        path.write_text(text, encoding="utf-8")
        pack = checked_pack(path)
    upload_pack(address, password, pack, text)
    return pack


def publish_pack(conn: Connection, pack: Pack, text: str) -> None:
    """Upload (or replace) a checked pack; the server records who and when."""
    statement = insert(t.team_packs).values(
        id=pack.id,
        version=pack.version,
        yaml=text,
        published_at=func.now(),
        published_by=func.current_user(),
    )
    conn.execute(
        statement.on_conflict_do_update(
            index_elements=[t.team_packs.c.id],
            set_={
                "version": statement.excluded.version,
                "yaml": statement.excluded.yaml,
                "published_at": func.now(),
                "published_by": func.current_user(),
            },
        )
    )
