"""Refresh the panel's translations: lupdate the .ts files from the code, lrelease the .qm.

    .venv/bin/python scripts/update_translations.py           refresh and compile
    .venv/bin/python scripts/update_translations.py --check   change nothing; exit 1 if a
                                                               .ts or .qm is out of date or a
                                                               string is untranslated

Sources: every ``assistant/ui/**/*.py`` (``self.tr(...)``,
``QCoreApplication.translate(context, ...)``, ``QT_TRANSLATE_NOOP(context, ...)``).
Catalogues: ``resources/i18n/agent-assist_<zh_CN|zh_TW|en>.ts``, written by
``pyside6-lupdate`` without source locations (so that code moving around does not
change them) and without obsolete strings; each compiles to the ``.qm`` beside it,
which is what the app loads and what is committed (no Qt tools needed at run time).

After a refresh, new strings are ``type="unfinished"`` in zh_CN and zh_TW: translate
them in Qt Linguist (``pyside6-linguist resources/i18n/agent-assist_zh_CN.ts``) or in
a text editor, then run this again to compile. English is the source language, so
new English strings are filled in as they are, except plural forms (``%n``), which
need their singular and plural written out.

Also compiled and checked, never lupdated: the hand-kept
``resources/i18n/qt-supplement_<zh_CN|zh_TW>.ts``, Qt's own strings (the file
dialog's) that Qt's catalogue lacks (see ``assistant/ui/i18n.py``). Their sources
are Qt's code: add a message by hand, with the context and source text Qt asks for.
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SOURCES = ROOT / "assistant" / "ui"
I18N = ROOT / "resources" / "i18n"
CATALOGUE = "agent-assist"
LANGUAGES = ("zh_CN", "zh_TW", "en")
SOURCE_LANGUAGE = "en"
SUPPLEMENT = "qt-supplement"
SUPPLEMENT_LANGUAGES = ("zh_CN", "zh_TW")

# ``tr = QCoreApplication.translate`` followed by ``tr("context", "text")``: lupdate
# reads a bare ``tr(`` as QObject.tr(source, disambiguation). Such calls are rewritten
# to ``QCoreApplication.translate(`` in the copy lupdate reads (same line numbers).
_ALIAS = re.compile(r"^\s*(\w+)\s*=\s*QCoreApplication\.translate\s*$", re.MULTILINE)


def ts_path(language: str, folder: Path = I18N) -> Path:
    return folder / f"{CATALOGUE}_{language}.ts"


def supplements(folder: Path = I18N) -> list[Path]:
    """The hand-kept catalogues of Qt's own strings."""
    return [folder / f"{SUPPLEMENT}_{language}.ts" for language in SUPPLEMENT_LANGUAGES]


def committed() -> list[Path]:
    """Every committed catalogue: the app's and the supplements."""
    return [*(ts_path(language) for language in LANGUAGES), *supplements()]


def tool(name: str) -> str:
    """PySide6's own lupdate/lrelease (PySide6-Essentials ships them)."""
    import PySide6

    suffix = ".exe" if sys.platform == "win32" else ""
    bundled = Path(PySide6.__file__).resolve().parent / f"{name}{suffix}"
    if bundled.is_file():
        return str(bundled)
    found = shutil.which(f"pyside6-{name}") or shutil.which(name)
    if found is None:
        raise SystemExit(
            f"update_translations: cannot find {name} (pip install PySide6-Essentials)"
        )
    return found


def source_files() -> list[Path]:
    return sorted(p for p in SOURCES.rglob("*.py") if "__pycache__" not in p.parts)


def prepared_source(text: str) -> str:
    """The source as lupdate should read it (aliased translate calls spelled out)."""
    for alias in set(_ALIAS.findall(text)):
        text = re.sub(rf"(?<![\w.]){re.escape(alias)}\(", "QCoreApplication.translate(", text)
    return text


def run_lupdate(ts_files: list[Path], workdir: Path) -> None:
    """lupdate the given .ts files (in place) from a prepared copy of the sources."""
    copies = []
    for source in source_files():
        copy = workdir / "src" / source.relative_to(ROOT)
        copy.parent.mkdir(parents=True, exist_ok=True)
        copy.write_text(prepared_source(source.read_text(encoding="utf-8")), encoding="utf-8")
        copies.append(str(copy))
    listing = workdir / "sources.lst"
    listing.write_text("\n".join(copies) + "\n", encoding="utf-8")
    command = [
        tool("lupdate"),
        "-silent",
        "-no-obsolete",
        "-locations",
        "none",
        "-source-language",
        SOURCE_LANGUAGE,
        f"@{listing}",
        "-ts",
        *map(str, ts_files),
    ]
    subprocess.run(command, check=True, capture_output=True, text=True)


def run_lrelease(ts: Path, qm: Path) -> None:
    subprocess.run(
        [tool("lrelease"), "-silent", str(ts), "-qm", str(qm)],
        check=True,
        capture_output=True,
        text=True,
    )


# -- reading .ts files --------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Message:
    context: str
    source: str
    comment: str
    numerus: bool
    translations: tuple[str, ...]
    finished: bool

    @property
    def key(self) -> tuple[str, str, str, bool]:
        return (self.context, self.source, self.comment, self.numerus)


def read_ts(path: Path) -> list[Message]:
    root = ET.parse(path).getroot()
    out = []
    for context in root.iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            assert translation is not None, f"{path}: a message without <translation>"
            numerus = message.get("numerus") == "yes"
            forms = (
                tuple(f.text or "" for f in translation.iter("numerusform"))
                if numerus
                else (translation.text or "",)
            )
            kind = translation.get("type")
            if kind in {"obsolete", "vanished"}:
                continue
            out.append(
                Message(
                    context=name,
                    source=message.findtext("source") or "",
                    comment=message.findtext("comment") or "",
                    numerus=numerus,
                    translations=forms,
                    finished=kind != "unfinished",
                )
            )
    return out


def untranslated(messages: list[Message]) -> list[Message]:
    return [m for m in messages if not m.finished or not all(t.strip() for t in m.translations)]


def fill_source_language(path: Path) -> int:
    """In the English catalogue, unfinished non-plural strings translate as themselves."""
    tree = ET.parse(path)
    filled = 0
    for message in tree.getroot().iter("message"):
        translation = message.find("translation")
        if translation is None or translation.get("type") != "unfinished":
            continue
        if message.get("numerus") == "yes":
            continue
        translation.text = message.findtext("source") or ""
        del translation.attrib["type"]
        filled += 1
    if filled:
        tree.write(path, encoding="utf-8", xml_declaration=True)
    return filled


def unattributed(messages: list[Message]) -> list[Message]:
    """Strings lupdate could not give a context (a ``tr()`` outside any class)."""
    return [m for m in messages if not m.context]


# -- the two commands -----------------------------------------------------------------------


def fresh_catalogues(workdir: Path) -> dict[str, Path]:
    """The committed .ts files, refreshed from the code, in ``workdir``."""
    out = {}
    for language in LANGUAGES:
        target = ts_path(language, workdir)
        if ts_path(language).is_file():
            shutil.copyfile(ts_path(language), target)
        out[language] = target
    run_lupdate(list(out.values()), workdir)
    if fill_source_language(out[SOURCE_LANGUAGE]):
        run_lupdate([out[SOURCE_LANGUAGE]], workdir)  # back into lupdate's own layout
    return out


def problems(catalogues: list[Path]) -> list[str]:
    out = []
    for path in catalogues:
        messages = read_ts(path)
        for m in unattributed(messages):
            out.append(
                f"{path.name}: no context for {m.source!r}: call self.tr() in a QObject "
                "method, or QCoreApplication.translate('context', ...)"
            )
        for m in untranslated(messages):
            out.append(f"{path.name}: untranslated: [{m.context}] {m.source!r}")
    return out


def update() -> int:
    with tempfile.TemporaryDirectory(prefix="agent-assist-i18n-") as tmp:
        fresh = fresh_catalogues(Path(tmp))
        I18N.mkdir(parents=True, exist_ok=True)
        for language, path in fresh.items():
            shutil.copyfile(path, ts_path(language))
    for ts in committed():
        run_lrelease(ts, ts.with_suffix(".qm"))
        messages = read_ts(ts)
        missing = len(untranslated(messages))
        print(f"{ts.relative_to(ROOT)}: {len(messages)} strings, {missing} untranslated")
    found = problems(committed())
    for line in found:
        print(f"  {line}")
    if found:
        print("translate these (pyside6-linguist FILE.ts), then run this script again")
    return 1 if found else 0


def stale(workdir: Path) -> list[str]:
    """What is out of date: .ts against the code, .qm against the .ts."""
    out = []
    fresh = fresh_catalogues(workdir)
    for language, path in fresh.items():
        kept = ts_path(language)
        if not kept.is_file():
            out.append(f"{kept.name}: missing")
            continue
        want = {m.key for m in read_ts(path)}
        have = {m.key for m in read_ts(kept)}
        for key in sorted(want - have):
            out.append(f"{kept.name}: not yet in the catalogue: [{key[0]}] {key[1]!r}")
        for key in sorted(have - want):
            out.append(f"{kept.name}: no longer in the code: [{key[0]}] {key[1]!r}")
    for ts in committed():
        if not ts.is_file():
            out.append(f"{ts.name}: missing")
            continue
        qm = ts.with_suffix(".qm")
        built = workdir / qm.name
        run_lrelease(ts, built)
        if not qm.is_file() or qm.read_bytes() != built.read_bytes():
            out.append(f"{qm.name}: not compiled from {ts.name}")
    return out


def check() -> int:
    with tempfile.TemporaryDirectory(prefix="agent-assist-i18n-") as tmp:
        found = stale(Path(tmp))
    found += problems([ts for ts in committed() if ts.is_file()])
    for line in found:
        print(line)
    if found:
        print("run: python scripts/update_translations.py, translate, run it again")
        return 1
    print("translations are up to date")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="report, change nothing")
    args = parser.parse_args(argv)
    return check() if args.check else update()


if __name__ == "__main__":
    sys.exit(main())
