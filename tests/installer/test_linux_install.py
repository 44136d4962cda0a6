"""scripts/install_linux.sh: a per-user install under a temporary HOME, upgrade, uninstall."""

from __future__ import annotations

import configparser
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
SCRIPT = REPO / "scripts" / "install_linux.sh"
DESKTOP = REPO / "resources" / "linux" / "agent-assist.desktop"
SIZES = (16, 32, 48, 64, 128, 256)

linux_only = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Linux installer")


def run_script(home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("XDG_")}
    env.update(HOME=str(home), PATH=os.environ.get("PATH", "/usr/bin:/bin"))
    env.pop("AGENT_ASSIST_DATA_DIR", None)
    return subprocess.run(
        ["bash", str(SCRIPT), *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


def desktop_entry(path: Path) -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None, strict=True)
    parser.optionxform = str  # type: ignore[assignment,method-assign]
    parser.read(path, encoding="utf-8")
    return parser["Desktop Entry"]


def validate(path: Path) -> None:
    tool = shutil.which("desktop-file-validate")
    if tool is None:
        return  # apt-get install desktop-file-utils to check the file fully
    done = subprocess.run([tool, str(path)], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stdout + done.stderr
    assert not done.stdout.strip(), done.stdout  # no warnings or hints either


# -- the files in resources/linux ------------------------------------------------------------


def test_the_desktop_file_is_valid_and_names_the_app_in_each_language() -> None:
    validate(DESKTOP)
    entry = desktop_entry(DESKTOP)
    assert entry["Type"] == "Application"
    assert entry["Exec"] == "agent-assist"
    assert entry["Icon"] == "agent-assist"
    assert entry["Terminal"] == "false"
    assert entry["StartupWMClass"] == "agent-assist"  # QApplication.setApplicationName
    assert entry["Name[zh_CN]"] == "坐席助手"
    assert entry["Name[zh_TW]"] == "客服助手"


def test_the_icons_are_the_svg_and_pngs_of_every_size() -> None:
    from PySide6.QtGui import QImage

    hicolor = REPO / "resources" / "linux" / "icons" / "hicolor"
    source = REPO / "resources" / "icons" / "agent-assist.svg"
    assert (hicolor / "scalable" / "apps" / "agent-assist.svg").read_bytes() == source.read_bytes()
    for size in SIZES:
        image = QImage(str(hicolor / f"{size}x{size}" / "apps" / "agent-assist.png"))
        assert (image.width(), image.height()) == (size, size)
        assert image.hasAlphaChannel()
        centre = image.pixelColor(size // 2, size // 5)  # the blue tile, not transparent
        assert centre.alpha() == 255


# -- installing -------------------------------------------------------------------------------


@linux_only
@pytest.mark.slow
def test_install_run_upgrade_and_uninstall_keeping_the_data(bundle: Path, tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.mkdir()
    done = run_script(home, "--bundle", str(bundle), "--autostart")
    assert done.returncode == 0, done.stderr

    local = home / ".local"
    app = local / "opt" / "agent-assist" / "agent-assist"
    launcher = local / "bin" / "agent-assist"
    desktop = local / "share" / "applications" / "agent-assist.desktop"
    autostart = home / ".config" / "autostart" / "agent-assist.desktop"
    icons = local / "share" / "icons" / "hicolor"
    assert app.is_file()
    assert os.access(app, os.X_OK)
    assert os.access(launcher, os.X_OK)
    entry = desktop_entry(desktop)
    assert entry["Exec"] == str(launcher)  # absolute: ~/.local/bin may not be on PATH
    assert entry["Icon"] == "agent-assist"
    validate(desktop)
    assert autostart.is_file()
    for size in SIZES:
        assert (icons / f"{size}x{size}" / "apps" / "agent-assist.png").is_file()
    assert (icons / "scalable" / "apps" / "agent-assist.svg").is_file()

    # The launcher runs the installed app, which finds its packs and makes its data dir
    # where platformdirs puts it.
    env = dict(os.environ, HOME=str(home), QT_QPA_PLATFORM="offscreen")
    env.pop("AGENT_ASSIST_DATA_DIR", None)
    env.pop("XDG_DATA_HOME", None)
    searched = subprocess.run(
        [str(launcher), "playbook", "search", "tousu", "--limit", "3"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert searched.returncode == 0, searched.stderr
    assert "投诉" in searched.stdout
    data = local / "share" / "agent-assist"
    assert data.is_dir()
    (data / "settings.json").write_text('{"agent_name": "王芳"}\n', encoding="utf-8")

    # Installing again upgrades in place; without --autostart the login entry goes.
    again = run_script(home, "--bundle", str(bundle))
    assert again.returncode == 0, again.stderr
    assert app.is_file()
    assert not autostart.exists()
    assert not (local / "opt" / "agent-assist.old").exists()

    removed = run_script(home, "--uninstall")
    assert removed.returncode == 0, removed.stderr
    for path in (app.parent, launcher, desktop, autostart):
        assert not path.exists(), path
    assert not list(icons.rglob("agent-assist.*"))
    assert (data / "settings.json").read_text(encoding="utf-8") == '{"agent_name": "王芳"}\n'
    assert str(data) in removed.stderr  # says where the data was kept

    purged = run_script(home, "--uninstall", "--purge")
    assert purged.returncode == 0, purged.stderr
    assert not data.exists()


@linux_only
def test_someone_elses_command_is_not_overwritten(tmp_path: Path) -> None:
    home = tmp_path / "home"
    bundle = tmp_path / "fake-bundle"
    bundle.mkdir()
    fake = bundle / "agent-assist"
    fake.write_text("#!/bin/sh\necho agent-assist 0.0\n", encoding="utf-8")
    fake.chmod(0o755)
    theirs = home / ".local" / "bin" / "agent-assist"
    theirs.parent.mkdir(parents=True)
    theirs.write_text("#!/bin/sh\n# pip's console script\n", encoding="utf-8")
    done = run_script(home, "--bundle", str(bundle))
    assert done.returncode != 0
    assert "not ours" in done.stderr
    assert theirs.read_text(encoding="utf-8") == "#!/bin/sh\n# pip's console script\n"
    removed = run_script(home, "--uninstall")
    assert removed.returncode == 0
    assert theirs.exists()  # uninstall leaves it too


@linux_only
def test_unknown_options_and_a_missing_bundle_are_explained(tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.mkdir()
    assert run_script(home, "--frobnicate").returncode == 64
    empty = tmp_path / "empty"
    empty.mkdir()
    done = run_script(home, "--bundle", str(empty))
    assert done.returncode == 1
    assert "build_bundle.py" in done.stderr
