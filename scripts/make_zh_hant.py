#!/usr/bin/env python3
"""Generate the Traditional Chinese built-in pack from the Simplified one.

    .venv/bin/python scripts/make_zh_hant.py          # write resources/playbooks/zh-Hant.yaml
    .venv/bin/python scripts/make_zh_hant.py --check  # exit 1 if the file is out of date

resources/playbooks/zh-Hans.yaml is the source; zh-Hant.yaml is never edited by
hand. The text is converted with OpenCC ``s2twp`` (Simplified to Traditional with
Taiwan phrasing: 伺服器, 軟體, 網路, 簡訊, 資料), then a short list of post-fixes
repairs what s2twp gets wrong or what reads mainland-only to an agent in Taiwan
or Hong Kong. Converting the YAML as text keeps its comments and layout; keys,
ids, categories, placeholder names and date specs are ASCII and pass unchanged.
Ids are re-prefixed ``zh.`` -> ``hant.`` so that they stay unique across packs.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

import opencc
import yaml

ROOT = Path(__file__).resolve().parents[1]
SOURCE = ROOT / "resources" / "playbooks" / "zh-Hans.yaml"
TARGET = ROOT / "resources" / "playbooks" / "zh-Hant.yaml"

OPENCC_CONFIG = "s2twp"

HEADER = """\
# Agent Assist — 預設話術庫（繁體中文）
#
# 本檔案由 scripts/make_zh_hant.py 從 zh-Hans.yaml 自動產生（OpenCC s2twp + 修正清單），
# 請勿直接修改：修改 zh-Hans.yaml 或腳本裡的修正清單後重新執行
#     .venv/bin/python scripts/make_zh_hant.py
# 格式說明見 docs/playbook-format.md。

"""

# (wrong, right), applied in order after OpenCC. Keep each fix as narrow as it can
# be: a bare character is replaced only where the whole pack never needs it.
POST_FIXES: tuple[tuple[str, str], ...] = (
    # --- s2twp conversion errors
    ("彆著急", "別著急"),
    ("寫明瞭", "寫明了"),
    ("隻有", "只有"),
    ("一箇", "一個"),
    ("髮", "發"),  # 髮卡銀行, 要髮網上: 发 is never "hair" here
    ("回複", "回覆"),
    ("回復", "回覆"),  # 恢復 is not touched
    ("確認物件", "確認查詢對象"),
    ("許可權", "權限"),
    ("稽核", "審核"),
    ("釋出", "發布"),
    ("型別", "類型"),
    ("點菜視窗", "點菜窗口"),
    ("好幾個視窗", "好幾個櫃檯"),
    ("多個視窗", "多個櫃檯"),
    ("空閒的視窗", "空閒的櫃檯"),
    ("空閒視窗", "空閒櫃檯"),
    ("帶著預設。", "帶著預設立場。"),
    ("瞭解", "了解"),
    # 数据 -> 資料 everywhere; where it means figures, Taiwan says 數據
    ("理性型給資料", "理性型給數據"),
    ("給資料和", "給數據和"),
    ("關心資料和", "關心數據和"),
    ("理性型, 資料,", "理性型, 數據,"),
    ("記錄和資料說話", "記錄和數據說話"),
    # 在线 became 線上 ("online") where it means "stay on the line"
    ("我線上等您確認", "我不掛斷，等您確認"),
    ("願意線上稍等", "願意不掛斷稍候"),
    ("願意線上等兩分鐘", "願意不掛斷等兩分鐘"),
    ("您線上聽著就行", "您不用掛斷，聽著就行"),
    # --- Taiwan / Hong Kong usage
    ("賬", "帳"),  # 帳號, 帳單, 帳戶, 到帳, 對帳
    ("臺", "台"),  # 一台, 後台, 灶台
    ("宕機", "當機"),
    ("負載均衡", "負載平衡"),
    ("運維", "維運"),
    ("域名", "網域"),
    ("合同", "合約"),
    ("郵箱", "電子信箱"),
    ("渠道", "管道"),
    ("通過", "透過"),  # only ever "by way of" in this pack
    ("套餐", "資費方案"),
    ("發貨", "出貨"),
    ("支付方式", "付款方式"),
    ("流水號", "交易序號"),
    ("身份證", "身分證"),
    ("房產證", "房屋權狀"),
    ("便利店", "便利商店"),
    ("駕校", "駕訓班"),
    ("調料", "調味料"),
    ("小區門口的門衛", "大樓門口的警衛"),
    ("小區門衛", "大樓警衛"),
    ("門衛", "警衛"),
    ("要發網上", "要發到網路上"),
    ("網上", "網路上"),
    ("打遊戲", "玩遊戲"),
    ("訪問", "連線"),
    ("按選單點菜", "按菜單點菜"),
    ("“撤銷”", "“復原”"),
    ("把檔案放進", "把文件放進"),
    ("響應", "回應"),
    ("光貓", "光纖數據機"),
    ("反饋給", "回報給"),
    ("反饋單", "意見單"),
    ("您的反饋", "您的意見"),
    ("反饋", "回饋"),
    ("企業微信", "LINE"),
    ("都是北京時間", "都是台灣時間（UTC+8）"),
    ("（北京時間）", "（台灣時間）"),
    ("打12315", "打消保專線"),
    ('"12315"', "消保"),
    ("沒準兒", "說不準"),
    ("普通話/中文", "中文"),
    ("張工）", "張工程師）"),
    ("坐席", "客服人員"),
    ("（簡體中文）", "（繁體中文）"),
    # Traditional Chinese quotation marks
    ("“", "「"),
    ("”", "」"),
)

_ID_LINE = re.compile(r"^(\s*-?\s*id:\s*)zh\.", re.MULTILINE)
_PACK_FIELDS = (
    (re.compile(r"^(  id:\s*)core-zh-hans\s*$", re.MULTILINE), r"\1core-zh-hant"),
    (re.compile(r"^(  language:\s*)zh-Hans\s*$", re.MULTILINE), r"\1zh-Hant"),
)


def _strip_leading_comments(text: str) -> str:
    """Drop the source's header comment block (it talks about the zh-Hans file)."""
    lines = text.splitlines(keepends=True)
    i = 0
    while i < len(lines) and (lines[i].startswith("#") or not lines[i].strip()):
        i += 1
    return "".join(lines[i:])


def _convert(source: str) -> tuple[str, list[str]]:
    """The zh-Hant text, and the post-fixes that matched nothing (stale fixes)."""
    text = opencc.OpenCC(OPENCC_CONFIG).convert(_strip_leading_comments(source))
    unused: list[str] = []
    for wrong, right in POST_FIXES:
        if wrong not in text:
            unused.append(wrong)
        text = text.replace(wrong, right)
    text = _ID_LINE.sub(r"\1hant.", text)
    for regex, replacement in _PACK_FIELDS:
        text, count = regex.subn(replacement, text)
        if count != 1:
            raise ValueError(f"pack header field not found exactly once: {regex.pattern}")
    return HEADER + text, unused


def convert(source: str) -> str:
    """The zh-Hant pack text for the zh-Hans pack text ``source``."""
    return _convert(source)[0]


def _check_structure(source: str, result: str) -> list[str]:
    """Problems if the conversion changed anything but the wording."""
    hans = yaml.safe_load(source)
    hant = yaml.safe_load(result)
    problems: list[str] = []
    src_entries = hans["entries"]
    out_entries = hant["entries"]
    if len(src_entries) != len(out_entries):
        return [f"entry count {len(out_entries)} != {len(src_entries)}"]
    brace = re.compile(r"\{[A-Za-z_][A-Za-z0-9_]*\}")
    for s, t in zip(src_entries, out_entries, strict=True):
        sid = s["id"]
        if t["id"] != "hant." + sid.removeprefix("zh."):
            problems.append(f"{sid}: id became {t['id']}")
        for key in ("category", "emotion_stages", "customer_types"):
            if s.get(key) != t.get(key):
                problems.append(f"{sid}: {key} changed")
        src_texts = [s["body"], *(s.get("alternatives") or ())]
        out_texts = [t["body"], *(t.get("alternatives") or ())]
        if [brace.findall(x) for x in src_texts] != [brace.findall(x) for x in out_texts]:
            problems.append(f"{sid}: placeholders changed")
        src_ph = s.get("placeholders") or {}
        out_ph = t.get("placeholders") or {}
        if list(src_ph) != list(out_ph):
            problems.append(f"{sid}: placeholder names changed")
        for name, spec in src_ph.items():
            for key in ("kind", "spec"):
                if spec.get(key) != (out_ph.get(name) or {}).get(key):
                    problems.append(f"{sid}: {name}.{key} changed")
    return problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only report if out of date")
    args = parser.parse_args(argv)

    source = SOURCE.read_text(encoding="utf-8")
    result, unused = _convert(source)
    for wrong in unused:
        print(f"note: post-fix {wrong!r} no longer matches anything", file=sys.stderr)
    problems = _check_structure(source, result)
    if problems:
        for p in problems:
            print(f"{TARGET.name}: {p}", file=sys.stderr)
        return 2
    if args.check:
        current = TARGET.read_text(encoding="utf-8") if TARGET.exists() else ""
        if current != result:
            print(f"{TARGET} is out of date; run scripts/make_zh_hant.py", file=sys.stderr)
            return 1
        return 0
    TARGET.write_text(result, encoding="utf-8")
    print(f"wrote {TARGET.relative_to(ROOT)} ({len(yaml.safe_load(result)['entries'])} entries)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
