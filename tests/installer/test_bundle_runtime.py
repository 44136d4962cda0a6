"""What the trimmed bundle still does at run time (see installer/agent-assist.spec).

The spec leaves out most of ICU's data and OpenCC's other conversions; these tests run
the built bundle through what depends on what is left: team sync through psycopg-binary's
libpq and OpenSSL, the password in a Secret Service keychain (secretstorage, jeepney,
cryptography), playbook search with a cold cache (pypinyin, OpenCC's t2s), and what Qt
asks of ICU, compared with the full data.
"""

from __future__ import annotations

import importlib.util
import json
import os
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any
from urllib.parse import urlsplit

import pytest

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the Linux bundle"),
]

REPO = Path(__file__).resolve().parents[2]
RECORD = {
    "id": "3f1c2a10-0000-4000-8000-000000000002",
    "status": "draft",
    "started_at": "2024-03-15T14:00:00+08:00",
    "request": "退款进度",
}


def internal(bundle: Path) -> Path:
    return bundle / "_internal"


def load_build_script() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "scripts_build_bundle", REPO / "scripts" / "build_bundle.py"
    )
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


# -- playbook search: pypinyin and OpenCC's t2s -----------------------------------------------


def test_search_with_a_cold_cache_reads_pinyin_and_folds_traditional(
    run_bundle: Any, tmp_path: Path
) -> None:
    cache = tmp_path / "data" / "cache" / "playbook.cache"
    assert not cache.exists()  # the index is built here, with pypinyin and OpenCC
    done = run_bundle("playbook", "search", "投訴", "--limit", "1", "--explain")
    assert done.returncode == 0, done.stderr
    # The Simplified entry matches itself (no "found as" another language's entry)
    # only through OpenCC's t2s: 投訴 folds to 投诉.
    first, *why = done.stdout.splitlines()
    assert first.startswith("1. zh.complaint.")
    assert why
    assert not any("found as" in line for line in why)
    assert cache.is_file()
    cache.unlink()
    # A phrase that exists only in Traditional characters: 鸚鵡 read as yīng wǔ.
    packs = tmp_path / "data" / "packs"
    packs.mkdir(parents=True, exist_ok=True)
    (packs / "mine.yaml").write_text(TRADITIONAL_ONLY, encoding="utf-8")
    done = run_bundle("playbook", "search", "yingwu", "--limit", "5")
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("mine.parrot\t")


TRADITIONAL_ONLY = """\
pack: {id: mine, name: 我的話術, language: zh-Hant, version: "1"}
entries:
  - id: mine.parrot
    title: 客戶說家裡的鸚鵡咬壞了電線
    category: confirming
    body: 我確認一下：是鸚鵡咬壞了電源線，之後設備就開不了機，對嗎？
"""


def test_only_the_t2s_conversion_of_opencc_is_shipped(bundle: Path) -> None:
    share = internal(bundle) / "opencc" / "clib" / "share" / "opencc"
    config = json.loads((share / "t2s.json").read_text(encoding="utf-8"))
    assert {p.name for p in share.iterdir()} == {"t2s.json", *_files(config)}


def _files(node: object) -> set[str]:
    if isinstance(node, dict):
        found = {node["file"]} if "file" in node else set()
        return found.union(*(_files(v) for v in node.values()))
    if isinstance(node, list):
        return set().union(*(_files(v) for v in node))
    return set()


# -- team sync: psycopg-binary, libpq and its OpenSSL, against a real PostgreSQL ----------------
# (the server and the test's database come from tests/conftest.py)


def server_calls(pg_server: Any, url: str) -> list[tuple[Any, ...]]:
    with pg_server.admin_session(url.rsplit("/", 1)[1]) as conn:
        return list(
            conn.execute("SELECT id::text, request, pushed_by FROM agent_assist.calls").fetchall()
        )


def no_keychain(tmp_path: Path) -> dict[str, str]:
    """An environment in which keyring finds no keychain (and never the user's own)."""
    home = tmp_path / "home"
    home.mkdir(exist_ok=True)
    return {
        "HOME": str(home),
        "XDG_CONFIG_HOME": str(home / ".config"),
        "XDG_DATA_HOME": str(home / ".local" / "share"),
        "DBUS_SESSION_BUS_ADDRESS": f"unix:path={tmp_path / 'no-bus'}",
    }


def import_record(run_bundle: Any, tmp_path: Path, env: dict[str, str]) -> None:
    source = tmp_path / "calls.jsonl"
    source.write_text(json.dumps(RECORD, ensure_ascii=False) + "\n", encoding="utf-8")
    done = run_bundle("import", str(source), env=env)
    assert done.returncode == 0, done.stderr


def test_a_sync_round_reaches_postgresql_through_psycopg(
    run_bundle: Any, pg_server: Any, server_url: str, agent_password: str, tmp_path: Path
) -> None:
    env = no_keychain(tmp_path)
    login = run_bundle(
        "sync", "--login", server_url, "--password-stdin", env=env, input=agent_password + "\n"
    )
    assert login.returncode == 0, login.stderr
    assert "logged in" in login.stdout
    assert "no usable keychain" in login.stderr  # and so the password was kept nowhere
    import_record(run_bundle, tmp_path, env)
    synced = run_bundle("sync", "--password-stdin", env=env, input=agent_password + "\n")
    assert synced.returncode == 0, synced.stdout + synced.stderr
    assert "sent 1 record(s)" in synced.stdout
    assert server_calls(pg_server, server_url) == [
        (RECORD["id"], RECORD["request"], urlsplit(server_url).username)
    ]
    wrong = run_bundle("sync", "--password-stdin", env=env, input="wrong\n")
    assert wrong.returncode != 0
    assert "Traceback" not in wrong.stderr


# -- the keychain: a Secret Service on a private D-Bus -------------------------------------------


class FakeSecretService:
    """Just enough of org.freedesktop.secrets for keyring's SecretService backend, with
    the encrypted sessions (dh-ietf1024-sha256-aes128-cbc-pkcs7) a real keychain uses:
    the bundle encrypts the password it stores and decrypts the one it reads."""

    NAME = "org.freedesktop.secrets"
    ROOT = "/org/freedesktop/secrets"
    COLLECTION = "/org/freedesktop/secrets/aliases/default"

    def __init__(self, address: str) -> None:
        from jeepney.bus_messages import message_bus
        from jeepney.io.blocking import open_dbus_connection

        self.items: dict[str, dict[str, Any]] = {}  # path -> attributes, label, secret
        self.sessions: dict[str, bytes] = {}  # path -> AES key
        self.calls: list[str] = []
        self.connection = open_dbus_connection(bus=address)
        reply = self.connection.send_and_get_reply(message_bus.RequestName(self.NAME))
        assert reply.body == (1,), reply.body  # the primary owner
        self.stopping = threading.Event()
        self.thread = threading.Thread(target=self._serve, daemon=True)
        self.thread.start()

    def stop(self) -> None:
        self.stopping.set()
        self.thread.join(timeout=10)
        self.connection.close()

    def _serve(self) -> None:
        from jeepney import MessageType, new_error, new_method_return

        while not self.stopping.is_set():
            try:
                message = self.connection.receive(timeout=0.1)
            except TimeoutError:
                continue
            if message.header.message_type != MessageType.method_call:
                continue
            fields = message.header.fields
            path, member = fields[1], fields[3]  # HeaderFields.path, .member
            self.calls.append(member)
            try:
                signature, body = self._answer(path, member, message.body)
                reply = new_method_return(message, signature, body)
            except KeyError:
                reply = new_error(message, "org.freedesktop.DBus.Error.UnknownObject")
            self.connection.send(reply)

    def _answer(self, path: str, member: str, args: tuple[Any, ...]) -> tuple[str, tuple[Any, ...]]:
        if member == "Get":  # org.freedesktop.DBus.Properties
            return "v", (self._property(path, args[1]),)
        if member == "OpenSession":
            return self._open_session(*args)
        if member == "SearchItems":
            (query,) = args
            found = [
                p for p, item in self.items.items() if query.items() <= item["attributes"].items()
            ]
            return "ao", (found,)
        if member == "CreateItem":
            properties, secret, _replace = args
            attributes = properties["org.freedesktop.Secret.Item.Attributes"][1]
            for old, item in list(self.items.items()):
                if item["attributes"] == attributes:
                    del self.items[old]
            item_path = f"{self.ROOT}/collection/default/{len(self.calls)}"
            self.items[item_path] = {
                "attributes": dict(attributes),
                "label": properties["org.freedesktop.Secret.Item.Label"][1],
                "secret": self._decrypt(secret),
            }
            return "oo", (item_path, "/")
        if member == "Unlock":
            return "aoo", (args[0], "/")  # unlocked already, no prompt
        if member == "GetSecret":
            return "(oayays)", (self._encrypt(args[0], self.items[path]["secret"]),)
        if member == "Delete":
            del self.items[path]
            return "o", ("/",)
        raise KeyError(member)

    def _property(self, path: str, name: str) -> tuple[str, Any]:
        if path == self.COLLECTION:
            return {"Label": ("s", "Default"), "Locked": ("b", False)}[name]
        item = self.items[path]
        return {
            "Label": ("s", item["label"]),
            "Locked": ("b", False),
            "Attributes": ("a{ss}", item["attributes"]),
        }[name]

    def _open_session(
        self, algorithm: str, value: tuple[str, bytes]
    ) -> tuple[str, tuple[Any, ...]]:
        from secretstorage.dhcrypto import Session

        assert algorithm == "dh-ietf1024-sha256-aes128-cbc-pkcs7"
        mine = Session()  # Diffie-Hellman is symmetric: the client's half works here too
        mine.set_server_public_key(int.from_bytes(value[1], "big"))
        path = f"{self.ROOT}/session/{len(self.sessions) + 1}"
        assert mine.aes_key is not None
        self.sessions[path] = mine.aes_key
        return "vo", (("ay", mine.my_public_key.to_bytes(128, "big")), path)

    def _decrypt(self, secret: tuple[str, bytes, bytes, str]) -> str:
        from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

        session, iv, data, _content_type = secret
        cipher = Cipher(algorithms.AES(self.sessions[session]), modes.CBC(bytes(iv)))
        decryptor = cipher.decryptor()
        padded = decryptor.update(bytes(data)) + decryptor.finalize()
        return padded[: -padded[-1]].decode("utf-8")

    def _encrypt(self, session: str, text: str) -> tuple[str, bytes, bytes, str]:
        from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

        iv = os.urandom(16)
        data = text.encode("utf-8")
        data += bytes([16 - len(data) % 16]) * (16 - len(data) % 16)
        encryptor = Cipher(algorithms.AES(self.sessions[session]), modes.CBC(iv)).encryptor()
        return (session, iv, encryptor.update(data) + encryptor.finalize(), "text/plain")


BUS_CONFIG = """<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>session</type>
  <listen>unix:path={socket}</listen>
  <auth>EXTERNAL</auth>
  <policy context="default">
    <allow send_destination="*" eavesdrop="true"/>
    <allow eavesdrop="true"/>
    <allow own="*"/>
  </policy>
</busconfig>
"""


@pytest.fixture
def keychain(tmp_path: Path) -> Iterator[tuple[FakeSecretService, dict[str, str]]]:
    """A private session bus with a Secret Service on it, and the environment to use it."""
    daemon = shutil.which("dbus-daemon")
    if daemon is None:
        pytest.fail("no dbus-daemon: run scripts/dev.sh (apt-get install dbus-daemon)")
    config = tmp_path / "bus.conf"
    config.write_text(BUS_CONFIG.format(socket=tmp_path / "bus"), encoding="utf-8")
    bus = subprocess.Popen(
        [daemon, f"--config-file={config}", "--nofork", "--print-address=1"],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert bus.stdout is not None
        address = bus.stdout.readline().strip()
        assert address, "dbus-daemon gave no address"
        service = FakeSecretService(address)
        try:
            env = no_keychain(tmp_path)
            env["DBUS_SESSION_BUS_ADDRESS"] = address
            yield service, env
        finally:
            service.stop()
    finally:
        bus.terminate()
        bus.wait(timeout=10)
        if bus.stdout is not None:
            bus.stdout.close()


def test_the_password_goes_to_the_keychain_encrypted_and_comes_back(
    run_bundle: Any,
    pg_server: Any,
    server_url: str,
    agent_password: str,
    tmp_path: Path,
    keychain: Any,
) -> None:
    service, env = keychain
    login = run_bundle(
        "sync", "--login", server_url, "--password-stdin", env=env, input=agent_password + "\n"
    )
    assert login.returncode == 0, login.stderr
    assert "keychain" not in login.stderr
    [item] = service.items.values()
    assert item["secret"] == agent_password  # the bundle encrypted it with the session's key
    assert item["attributes"]["service"] == "agent-assist"
    assert "OpenSession" in service.calls
    import_record(run_bundle, tmp_path, env)
    synced = run_bundle("sync", env=env)  # the password comes from the keychain
    assert synced.returncode == 0, synced.stdout + synced.stderr
    assert "GetSecret" in service.calls
    assert server_calls(pg_server, server_url) == [
        (RECORD["id"], RECORD["request"], urlsplit(server_url).username)
    ]
    logout = run_bundle("sync", "--logout", env=env)
    assert logout.returncode == 0, logout.stderr
    assert "removed from the keychain" in logout.stdout
    assert service.items == {}


# -- ICU: the slimmed data answers Qt as the full data does --------------------------------------

ICU_PROBE = r"""
import json, sys
from PySide6.QtCore import (
    QCollator, QDate, QDateTime, QLocale, Qt, QTextBoundaryFinder, QTime, QTimeZone,
)
from PySide6.QtGui import QFont, QTextLayout, QTextOption
from PySide6.QtWidgets import QApplication

app = QApplication([])
names = ["张伟", "李娜", "王芳", "赵磊", "陈静", "欧阳娜娜", "Zoë", "zoe", "Émile", "apple",
         "Banana", "10", "9", "投訴", "投诉"]
zones = [b"Asia/Shanghai", b"Asia/Taipei", b"Asia/Hong_Kong", b"America/New_York",
         b"Europe/London", b"UTC"]
text = ("客户来电询问退款进度，已核实订单号并承诺三个工作日内回电。"
        "The customer asked about a refund; 請於三個工作天內回覆。")
out = {}
for name in ("zh_CN", "zh_TW", "zh_HK", "zh_SG", "en_US", "en_GB", "en_AU", "en_IN"):
    locale = QLocale(name)
    collator = QCollator(locale)
    found = {"sorted": sorted(names, key=collator.sortKey)}
    collator.setNumericMode(True)
    collator.setCaseSensitivity(Qt.CaseInsensitive)
    found["numeric"] = sorted(names, key=collator.sortKey)
    found["zones"] = [
        QTimeZone(zone).displayName(kind, style, locale)
        for zone in zones
        for kind in (QTimeZone.StandardTime, QTimeZone.DaylightTime, QTimeZone.GenericTime)
        for style in (QTimeZone.LongName, QTimeZone.ShortName, QTimeZone.OffsetName)
    ]
    when = QDateTime(QDate(2026, 9, 30), QTime(14, 5), QTimeZone(b"Asia/Shanghai"))
    found["dates"] = [locale.toString(when, f) for f in (QLocale.LongFormat, QLocale.ShortFormat)]
    found["case"] = [locale.toUpper("straße ǆ i ı"), locale.toLower("İSTANBUL ΣΑΣ")]
    out[name] = found
finder = QTextBoundaryFinder(QTextBoundaryFinder.Line, text)
breaks = []
while (at := finder.toNextBoundary()) != -1:
    breaks.append(at)
layout = QTextLayout(text, QFont("Noto Sans CJK SC", 12))
layout.setTextOption(QTextOption())
layout.beginLayout()
lines = []
while (line := layout.createLine()).isValid():
    line.setLineWidth(120)
    lines.append((line.textStart(), line.textLength()))
layout.endLayout()
out["line breaks"] = breaks
out["layout"] = lines
with open("/proc/self/maps") as maps:
    mapped = sorted({row.split()[-1] for row in maps if "libicudata" in row})
print(json.dumps({"icudata": mapped, "results": out}, ensure_ascii=False))
"""


def run_probe(preload: Path | None) -> dict[str, Any]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    env.pop("LD_PRELOAD", None)
    if preload is not None:
        # Loaded first, the bundle's library answers for the soname Qt's ICU links.
        env["LD_PRELOAD"] = str(preload)
    done = subprocess.run(
        [sys.executable, "-c", ICU_PROBE],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)  # type: ignore[no-any-return]


def test_qt_gets_the_same_answers_from_the_slim_icu_data(bundle: Path) -> None:
    [slim] = (internal(bundle) / "PySide6" / "Qt" / "lib").glob("libicudata.so.*")
    import PySide6

    full = Path(PySide6.__file__).parent / "Qt" / "lib" / slim.name
    if not full.is_file():
        pytest.skip(f"this environment's PySide6 has no {slim.name}: not the bundle's ICU")
    assert slim.stat().st_size < 8e6 < full.stat().st_size
    expected = run_probe(None)
    assert expected["icudata"] == [str(full.resolve())]
    got = run_probe(slim)
    assert got["icudata"] == [str(slim.resolve())]
    assert got["results"] == expected["results"]


def test_the_icu_data_tools_keep_what_qt_asks_for(tmp_path: Path) -> None:
    import PySide6

    build = load_build_script()
    [full] = (Path(PySide6.__file__).parent / "Qt" / "lib").glob("libicudata.so.*")
    image = full.read_bytes()
    symbol, offset, size = build.elf_symbol(image, build._ICU_SYMBOL)
    header, items = build.read_icu_data(image[offset : offset + size])
    # Written back whole, the data has the items at the same places as ICU's own tool.
    rewritten = build.write_icu_data(header, items)
    assert len(rewritten) == size
    assert build.read_icu_data(rewritten) == (header, items)
    package = items[0][0].split("/")[0]  # icudt73l
    names = {name.removeprefix(package + "/") for name, _ in items}
    kept = {name for name in names if build.icu_item_wanted(f"{package}/{name}")}
    for wanted in (
        "root.res", "pool.res", "res_index.res", "zh.res", "zh_Hant_TW.res", "en_GB.res",
        "supplementalData.res", "likelySubtags.res", "zoneinfo64.res", "metaZones.res",
        "timezoneTypes.res", "cnvalias.icu", "coll/ucadata.icu", "coll/root.res",
        "coll/zh.res", "coll/zh_Hant.res", "zone/zh.res", "zone/en.res", "zone/root.res",
    ):  # fmt: skip
        assert wanted in kept, wanted
    for unwanted in (
        "de.res", "ja.res", "yue.res", "coll/ja.res", "zone/fr.res", "gb18030.cnv",
        "brkitr/cjdict.dict", "translit/root.res",
    ):  # fmt: skip
        assert unwanted in names, unwanted
        assert unwanted not in kept, unwanted
    target = build.slim_icu_library(full, tmp_path / full.name)
    assert target.stat().st_size < 8e6
    name, at, _size = build.elf_symbol(target.read_bytes(), build._ICU_SYMBOL)
    assert name == symbol
    header_again, items_again = build.read_icu_data(target.read_bytes()[at:])
    assert header_again == header
    assert sorted(n for n, _ in items_again) == sorted(f"{package}/{n}" for n in kept)
