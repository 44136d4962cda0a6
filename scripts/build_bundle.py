"""Build Agent Assist as a one-folder bundle with PyInstaller (installer/agent-assist.spec).

    .venv/bin/python scripts/build_bundle.py [--dist DIR] [--work DIR]

The bundle is ``DIR/agent-assist/`` (default ``dist/agent-assist``): run
``dist/agent-assist/agent-assist`` (``agent-assist.exe`` on Windows). It is built
for the platform it runs on; the Windows installer (installer/windows) packs a
bundle built on Windows. Prints the bundle's size and the build time.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SPEC = ROOT / "installer" / "agent-assist.spec"
NAME = "agent-assist"


def folder_size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


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
