"""Build Agent Assist as a one-folder bundle with PyInstaller (installer/agent-assist.spec).

    .venv/bin/python scripts/build_bundle.py [--dist DIR] [--work DIR]

The bundle is ``DIR/agent-assist/`` (default ``dist/agent-assist``): run
``dist/agent-assist/agent-assist`` (``agent-assist.exe`` on Windows). It is built
for the platform it runs on; the Windows installer (installer/windows) packs a
bundle built on Windows. Prints the bundle's size and the build time.

The spec uses this script's ICU tools (``slim_icu_library``) to cut Qt's ICU data
library down to what Qt asks of it here (Linux; see the comment above them).
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SPEC = ROOT / "installer" / "agent-assist.spec"
NAME = "agent-assist"


def folder_size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


# -- Qt's ICU data (Linux) --------------------------------------------------------------
#
# PySide6's Qt links ICU, whose data library (libicudata.so.73) holds the data for
# every language ICU knows: 32 MB, a fifth of the bundle. Qt asks little of it (these
# are all of libQt6Core's ICU calls): collation (QCollator; the file dialog sorts with
# it), time zone names (QTimeZone::displayName), locale-aware upper and lower case, and
# text codecs other than the UTF ones Qt has built in. Number and date formats come from
# Qt's own CLDR tables, and line breaking (CJK included) is Qt's own code: neither reads
# ICU data. The panel speaks Chinese or English and sets QLocale's default to a Chinese
# or English locale (assistant/ui/i18n.py), so only those locales reach ICU.
#
# The bundle's data library keeps ICU's common data except: the locale data of other
# languages, the legacy code page tables (.cnv: GBK, Big5, EBCDIC...; Qt loads one only
# when code asks for that encoding by name, and the app reads and writes UTF-8 only;
# Python's codecs are its own), the transliterators and the word-break dictionaries
# (Qt calls neither). About 5 MB is left. The library is relinked with binutils
# (objcopy, ld), which PyInstaller needs anyway on Linux.

ICU_LANGUAGES = ("zh", "en")  # locale data kept for these, and root (every locale's parent)
_LOCALE_ID = re.compile(r"[a-z]{2,3}(?:_[A-Za-z0-9]+)*")  # zh, zh_Hant_TW, en_001, yue
_ICU_SYMBOL = re.compile(rb"icudt\d+_dat")
_ALIGN = 16  # ICU's data items start on 16-byte boundaries


def icu_item_wanted(name: str) -> bool:
    """Whether an item of ICU's common data (``icudt73l/coll/zh.res``) is kept."""
    path = name.partition("/")[2]
    tree, _, leaf = path.rpartition("/")
    stem, _, kind = leaf.rpartition(".")
    if kind in {"cnv", "dict"} or tree == "translit":
        return False
    if kind == "res" and stem != "res_index" and _LOCALE_ID.fullmatch(stem):
        return stem.split("_")[0] in ICU_LANGUAGES
    return True  # root, pools, supplemental data, time zones, collation base, aliases...


def _number(data: bytes, at: int, size: int) -> int:
    return int.from_bytes(data[at : at + size], "little")


def read_icu_data(blob: bytes) -> tuple[bytes, list[tuple[str, bytes]]]:
    """ICU common data (a little-endian "CmnD" package): its header and its items."""
    header_size = _number(blob, 0, 2)
    if blob[2:4] != b"\xda\x27" or blob[8] != 0 or blob[12:16] != b"CmnD" or blob[16] != 1:
        raise ValueError("not little-endian ICU common data (CmnD format 1)")
    toc = header_size  # offsets in the table of contents count from here
    count = _number(blob, toc, 4)
    entries = [
        (_number(blob, e, 4), _number(blob, e + 4, 4))
        for e in range(toc + 4, toc + 4 + 8 * count, 8)
    ]
    items = []
    for i, (name_at, data_at) in enumerate(entries):
        start = toc + name_at
        name = blob[start : blob.index(b"\0", start)].decode("ascii")
        end = toc + entries[i + 1][1] if i + 1 < count else len(blob)
        items.append((name, blob[toc + data_at : end]))
    return blob[:header_size], items


def write_icu_data(header: bytes, items: list[tuple[str, bytes]]) -> bytes:
    """ICU common data made of ``header`` and ``items`` (sorted by name, as ICU looks
    them up by binary search)."""

    def aligned(size: int) -> int:
        return size + -size % _ALIGN

    table_size = 4 + 8 * len(items)
    names = b"".join(name.encode("ascii") + b"\0" for name, _ in items)
    first = aligned(len(header) + table_size + len(names)) - len(header)
    table, body = [len(items).to_bytes(4, "little")], []
    name_at, data_at = table_size, first
    for name, data in items:
        table.append(name_at.to_bytes(4, "little") + data_at.to_bytes(4, "little"))
        name_at += len(name) + 1
        body.append(data.ljust(aligned(len(data)), b"\0"))
        data_at += len(body[-1])
    names = names.ljust(first - table_size, b"\0")
    return b"".join([header, *table, names, *body])


def elf_symbol(image: bytes, pattern: re.Pattern[bytes]) -> tuple[bytes, int, int]:
    """The exported symbol of a 64-bit little-endian ELF file whose name matches
    ``pattern``: its name, the file offset of its data and its size."""
    if image[:4] != b"\x7fELF" or image[4:6] != b"\x02\x01":
        raise ValueError("not a 64-bit little-endian ELF file")
    table, entry_size, count = (
        _number(image, 0x28, 8),
        _number(image, 0x3A, 2),
        _number(image, 0x3C, 2),
    )
    # Each section: type, address, file offset, size, linked section.
    sections = [
        tuple(
            _number(image, h + at, size)
            for at, size in ((4, 4), (16, 8), (24, 8), (32, 8), (40, 4))
        )
        for h in range(table, table + entry_size * count, entry_size)
    ]
    dynsym = next((s for s in sections if s[0] == 11), None)  # SHT_DYNSYM
    if dynsym is None:
        raise ValueError("no dynamic symbol table")
    strings = sections[dynsym[4]][2]
    for at in range(dynsym[2], dynsym[2] + dynsym[3], 24):
        name_at = strings + _number(image, at, 4)
        name = image[name_at : image.index(b"\0", name_at)]
        section = _number(image, at + 6, 2)
        if pattern.fullmatch(name) and 0 < section < len(sections):
            _kind, address, offset, _size, _link = sections[section]
            return name, offset + _number(image, at + 8, 8) - address, _number(image, at + 16, 8)
    raise ValueError(f"no symbol matching {pattern.pattern!r}")


def data_library(data: bytes, symbol: str, like: Path, target: Path) -> None:
    """Write ``target``: a shared library holding only ``data``, as the read-only
    symbol ``symbol``, for the same machine and under the same soname as ``like``."""

    def described(option: str, pattern: str) -> str:
        text = subprocess.run(
            ["objdump", option, str(like)], capture_output=True, text=True, check=True
        ).stdout
        found = re.search(pattern, text)
        if found is None:
            raise ValueError(f"objdump {option} {like}: no match for {pattern!r}")
        return found.group(1)

    file_format = described("-f", r"file format (\S+)")
    architecture = described("-f", r"architecture: ([^,\s]+)")
    soname = described("-p", r"SONAME\s+(\S+)")
    with tempfile.TemporaryDirectory() as temporary:
        folder = Path(temporary)
        (folder / "data.bin").write_bytes(data)
        # objcopy names the symbols after the input file: _binary_data_bin_start...
        commands = [
            [
                "objcopy", "-I", "binary", "-O", file_format, "-B", architecture,
                "--rename-section", ".data=.rodata,alloc,load,readonly,data,contents",
                "--set-section-alignment", f".rodata={_ALIGN}",
                "--redefine-sym", f"_binary_data_bin_start={symbol}",
                "--strip-symbol", "_binary_data_bin_end",
                "--strip-symbol", "_binary_data_bin_size",
                "data.bin", "data.o",
            ],
            ["ld", "-shared", "-soname", soname, "-z", "noexecstack", "-o", "data.so", "data.o"],
        ]  # fmt: skip
        for command in commands:
            done = subprocess.run(command, cwd=folder, capture_output=True, text=True, check=False)
            if done.returncode != 0:
                raise RuntimeError(f"{' '.join(command)} failed:\n{done.stdout}{done.stderr}")
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(folder / "data.so", target)


def slim_icu_library(source: Path, target: Path) -> Path:
    """Write to ``target`` a copy of the ICU data library ``source`` holding only the
    items :func:`icu_item_wanted` keeps; ``target``."""
    image = source.read_bytes()
    symbol, offset, size = elf_symbol(image, _ICU_SYMBOL)
    header, items = read_icu_data(image[offset : offset + size])
    data = write_icu_data(header, [(n, d) for n, d in items if icu_item_wanted(n)])
    data_library(data, symbol.decode("ascii"), source, target)
    written = target.read_bytes()
    name, at, _size = elf_symbol(written, _ICU_SYMBOL)
    if name != symbol or written[at : at + len(data)] != data:
        raise RuntimeError(f"{target}: the relinked ICU data library does not hold the data")
    return target


def check_translations() -> None:
    """The compiled .qm files are committed; a .ts without its .qm means a forgotten step."""
    i18n = ROOT / "resources" / "i18n"
    missing = [ts.name for ts in i18n.glob("*.ts") if not ts.with_suffix(".qm").is_file()]
    if missing:
        sys.exit(
            f"build_bundle: no .qm for {', '.join(missing)}; "
            "run: python scripts/update_translations.py"
        )


def build(dist: Path, work: Path, *, quiet: bool = False) -> Path:
    """Run PyInstaller on the spec; the bundle folder."""
    check_translations()
    command = [
        sys.executable,
        "-m",
        "PyInstaller",
        str(SPEC),
        "--noconfirm",
        "--clean",
        "--distpath",
        str(dist),
        "--workpath",
        str(work),
        "--log-level",
        "WARN" if quiet else "INFO",
    ]
    subprocess.run(command, cwd=ROOT, check=True, env=dict(os.environ, PYTHONNOUSERSITE="1"))
    return dist / NAME


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--dist", type=Path, default=ROOT / "dist", help="where the bundle goes")
    parser.add_argument(
        "--work", type=Path, default=ROOT / "build" / "pyinstaller", help="PyInstaller's work dir"
    )
    parser.add_argument("--quiet", action="store_true", help="only PyInstaller's warnings")
    args = parser.parse_args(argv)
    started = time.monotonic()
    bundle = build(args.dist.resolve(), args.work.resolve(), quiet=args.quiet)
    took = time.monotonic() - started
    size = folder_size(bundle)
    print(f"built {bundle} in {took:.0f} s: {size / 1e6:.1f} MB unpacked")
    return 0


if __name__ == "__main__":
    sys.exit(main())
