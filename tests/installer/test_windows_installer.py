"""installer/windows/agent-assist.iss, read as Inno Setup would (it compiles only on Windows)."""

from __future__ import annotations

import re
import struct
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
ISS = REPO / "installer" / "windows" / "agent-assist.iss"
ICO = REPO / "installer" / "windows" / "agent-assist.ico"
SPEC = REPO / "installer" / "agent-assist.spec"

Section = list[str]


def read_script() -> tuple[dict[str, str], dict[str, Section]]:
    """The ISPP ``#define``s and the sections' lines (comments and directives dropped)."""
    raw = ISS.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf"), "UTF-8 with a BOM, so Inno Setup reads the Chinese"
    text = raw.decode("utf-8-sig")
    defines: dict[str, str] = {}
    sections: dict[str, Section] = {}
    current: Section | None = None
    depth = 0
    for line in text.splitlines():
        stripped = line.strip()
        if not stripped or stripped.startswith(";"):
            continue
        if stripped.startswith("#"):
            word = stripped.split()[0]
            if word in {"#if", "#ifdef", "#ifndef"}:
                depth += 1
            elif word == "#endif":
                depth -= 1
                assert depth >= 0, "an #endif without its #if"
            elif word == "#define":
                _, name, value = stripped.split(None, 2)
                defines.setdefault(name, value.strip('"'))
            continue
        header = re.fullmatch(r"\[(\w+)\]", stripped)
        if header:
            current = sections.setdefault(header.group(1), [])
        else:
            assert current is not None, f"text outside a section: {stripped}"
            current.append(stripped)
    assert depth == 0, "unbalanced #if/#endif"
    return defines, sections


def entries(lines: Section) -> list[dict[str, str]]:
    """``Name: "x"; Filename: "y"; Flags: a b`` lines as dicts."""
    out = []
    for line in lines:
        fields = {}
        for part in re.split(r";\s+(?=\w+:)", line):
            key, _, value = part.partition(":")
            fields[key.strip()] = value.strip().strip('"')
        out.append(fields)
    return out


def keys(lines: Section) -> dict[str, str]:
    return dict(line.split("=", 1) for line in lines if "=" in line)


@pytest.fixture(scope="module")
def script() -> tuple[dict[str, str], dict[str, Section]]:
    return read_script()


def test_the_script_has_every_section(script: tuple[dict[str, str], dict[str, Section]]) -> None:
    _, sections = script
    for name in (
        "Setup",
        "Languages",
        "CustomMessages",
        "Tasks",
        "Files",
        "Icons",
        "Run",
        "UninstallDelete",
        "Code",
    ):
        assert name in sections, name


def test_setup_installs_per_user_without_admin_rights(
    script: tuple[dict[str, str], dict[str, Section]],
) -> None:
    _, sections = script
    setup = keys(sections["Setup"])
    assert setup["PrivilegesRequired"] == "lowest"
    assert setup["DefaultDirName"] == r"{autopf}\{#AppName}"
    assert re.fullmatch(r"\{\{[0-9A-F-]{36}\}", setup["AppId"])  # a stable GUID
    for key in ("AppName", "AppVersion", "OutputBaseFilename", "UninstallDisplayIcon"):
        assert setup[key]
    assert (ISS.parent / setup["SetupIconFile"]).is_file()


def test_it_packs_the_bundle_and_starts_the_windowed_executable(
    script: tuple[dict[str, str], dict[str, Section]],
) -> None:
    defines, sections = script
    files = entries(sections["Files"])
    assert files == [
        {
            "Source": r"{#BundleDir}\*",
            "DestDir": "{app}",
            "Flags": "ignoreversion recursesubdirs createallsubdirs",
        }
    ]
    assert defines["BundleDir"].endswith(r"..\..\dist\agent-assist")
    # The spec makes agent-assist-panel.exe (no console window) on Windows.
    assert defines["AppExe"] == "agent-assist-panel.exe"
    spec = SPEC.read_text(encoding="utf-8")
    assert 'name=f"{NAME}-panel"' in spec
    assert "console=False" in spec


def test_start_menu_shortcut_and_optional_start_at_login(
    script: tuple[dict[str, str], dict[str, Section]],
) -> None:
    _, sections = script
    tasks = {t["Name"]: t for t in entries(sections["Tasks"])}
    assert "unchecked" in tasks["startup"]["Flags"]  # optional, off unless chosen
    icons = {i["Name"]: i for i in entries(sections["Icons"])}
    start_menu = icons[r"{autoprograms}\{#AppName}"]
    assert start_menu["Filename"] == r"{app}\{#AppExe}"
    assert "Tasks" not in start_menu  # always made
    login = icons[r"{autostartup}\{#AppName}"]
    assert login["Tasks"] == "startup"
    assert login["Filename"] == r"{app}\{#AppExe}"


def test_the_uninstaller_keeps_the_agents_data_unless_asked(
    script: tuple[dict[str, str], dict[str, Section]],
) -> None:
    defines, sections = script
    code = "\n".join(sections["Code"])
    assert "procedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);" in code
    assert "usPostUninstall" in code
    assert r"ExpandConstant('{localappdata}\{#DataDirName}')" in code
    # Asked, defaulting to No; silent uninstalls keep the data unless /PURGE is given.
    assert "MB_DEFBUTTON2" in code
    assert "UninstallSilent" in code
    assert "/PURGE" in code
    assert "DelTree(DataDir()" in code
    # [UninstallDelete] touches only the program folder.
    deleted = entries(sections["UninstallDelete"])
    assert [d["Name"] for d in deleted] == ["{app}"]
    assert defines["DataDirName"] == "agent-assist"


def test_the_data_folder_is_where_platformdirs_puts_it(
    script: tuple[dict[str, str], dict[str, Section]], monkeypatch: pytest.MonkeyPatch
) -> None:
    import platformdirs.windows as windows

    from assistant.paths import APP_NAME

    defines, _ = script
    monkeypatch.setattr(windows, "get_win_folder", lambda csidl: f"<{csidl}>")
    data = windows.Windows(APP_NAME, appauthor=False).user_data_dir
    # {localappdata} is CSIDL_LOCAL_APPDATA; the one folder below it is the app's name.
    assert Path(data).parts == ("<CSIDL_LOCAL_APPDATA>", defines["DataDirName"])


def test_every_custom_message_is_defined_in_every_language(
    script: tuple[dict[str, str], dict[str, Section]],
) -> None:
    _, sections = script
    text = ISS.read_text(encoding="utf-8-sig")
    used = set(re.findall(r"\{cm:(\w+)", text)) | set(re.findall(r"CustomMessage\('(\w+)'\)", text))
    builtin = {"CreateDesktopIcon", "LaunchProgram"}  # from Inno Setup's Default.isl
    languages = [entry["Name"] for entry in entries(sections["Languages"])]
    assert languages[0] == "english"
    assert set(languages) <= {"english", "chinesesimplified", "chinesetraditional"}
    defined: dict[str, set[str]] = {}
    for line in sections["CustomMessages"]:
        name, _, value = line.partition("=")
        language, _, message = name.partition(".")
        defined.setdefault(language, set()).add(message)
        assert value.strip()
    assert set(defined) == set(languages)
    for language, messages in defined.items():
        assert used - builtin == messages, language


def test_the_windows_icon_holds_every_size_up_to_256() -> None:
    data = ICO.read_bytes()
    reserved, kind, count = struct.unpack_from("<HHH", data)
    assert (reserved, kind) == (0, 1)
    sizes = set()
    for index in range(count):
        width, height, *_rest, length, offset = struct.unpack_from(
            "<BBBBHHII", data, 6 + 16 * index
        )
        assert data[offset : offset + 8] == b"\x89PNG\r\n\x1a\n"
        assert offset + length <= len(data)
        sizes.add((width or 256, height or 256))
    assert {(16, 16), (32, 32), (48, 48), (256, 256)} <= sizes
