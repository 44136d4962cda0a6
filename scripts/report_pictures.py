"""The README's pictures of the report workbook: each chart of its Summary sheet.

    .venv/bin/python scripts/report_pictures.py [--out docs/images]

Builds a small sample store (three weeks of calls by four agents, with promises kept,
late and open), writes ``agent-assist report`` of it, and has LibreOffice
(``soffice --headless``, which the project's setup installs) draw the charts: its
HTML export writes each chart as a PNG, ``<out>/report-<chart>.png``. A real
spreadsheet program draws them, not this script. Chinese needs a CJK font
(fonts-noto-cjk on Debian/Ubuntu).
"""

from __future__ import annotations

import argparse
import random
import shutil
import subprocess
import sys
import tempfile
import uuid
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

START = datetime(2026, 3, 2, 9, 0).astimezone()
AGENTS = ("王芳", "李明", "陈静", "张伟")
DISPOSITIONS = (
    "info_provided",
    "callback_scheduled",
    "escalated",
    "transferred",
    "complaint_logged",
)
REQUESTS = ("退款进度查询", "企业版升级", "宽带频繁掉线", "发票重开", "账户被锁定")
TEMPLATES = ("zh.commit.callback", "zh.deesc.angry.pause", "zh.open.greeting", "zh.close.summary")


def _record(rng: random.Random, day: int, n: int) -> dict[str, Any]:
    agent = AGENTS[(day + n) % len(AGENTS)]
    started = START + timedelta(days=day, minutes=37 * n + rng.randint(0, 20))
    talk = rng.randint(90, 900) + (240 if agent == "陈静" else 0)
    wrap = rng.randint(30, 300) + (200 if agent == "张伟" else 0)
    resolution = rng.choices(("resolved", "partial", "unresolved"), (6, 3, 1))[0]
    due = started + timedelta(hours=rng.choice((2, 20, 26, 50)))
    done = due + timedelta(hours=rng.choice((-3, -1, -1, 2)))
    followups = []
    if resolution != "resolved":  # a promise made and kept (or late), and one still open
        followups = [
            {
                "id": str(uuid.uuid4()),
                "owner": agent,
                "due_at": due.isoformat(),
                "plan": "回电确认处理结果",
                "status": "done",
                "done_at": done.isoformat(),
            },
            {
                "id": str(uuid.uuid4()),
                "owner": "财务部",
                "due_at": (due + timedelta(days=2)).isoformat(),
                "plan": "核实到账",
                "status": "open",
            },
        ]
    contact = f"+86 138 {rng.randint(1000, 1040)} {rng.randint(1000, 9999)}"
    return {
        "id": str(uuid.uuid4()),
        "status": "final",
        "started_at": started.isoformat(),
        "ended_at": (started + timedelta(seconds=talk)).isoformat(),
        "talk_seconds": talk,
        "wrap_up_seconds": wrap,
        "channel": "phone",
        "direction": "inbound",
        "connect_status": "connected",
        "agent_id": f"A{1020 + AGENTS.index(agent)}",
        "agent_name": agent,
        "customer_name": "李先生",
        "customer_title": "李总",
        "customer_contact": contact,
        "customer_type": rng.choice(("rational", "emotional", "direct")),
        "level": rng.choice(("L1", "L1", "L2", "L2", "L3", "L4")),
        "emotion_start": rng.choice(("calm", "dissatisfied", "angry")),
        "emotion_end": "calm",
        "facts": "客户来电反映问题",
        "emotions": "着急",
        "demands": "尽快解决",
        "request": rng.choice(REQUESTS),
        "key_problem": rng.choice(REQUESTS),
        "outcome": "已说明处理流程",
        "resolution": resolution,
        "disposition": rng.choice(DISPOSITIONS),
        "templates_used": rng.sample(TEMPLATES, rng.randint(1, 2)),
        "created_at": started.isoformat(),
        "updated_at": (started + timedelta(seconds=talk + wrap)).isoformat(),
        "followups": followups,
    }


def sample_store(data_dir: Path) -> None:
    """Three weeks of working days, 6 to 14 calls a day, imported as an agent would."""
    import json

    from assistant.cli import main

    rng = random.Random(17)
    records = [
        _record(rng, day, n)
        for day in range(21)
        if (START + timedelta(days=day)).weekday() < 5
        for n in range(rng.randint(6, 14))
    ]
    lines = data_dir / "calls.jsonl"
    lines.write_text(
        "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8"
    )
    if main(["--data-dir", str(data_dir), "import", str(lines)]) != 0:
        raise SystemExit("the sample records were not imported")


# The Summary's charts, in the order the workbook places them.
CHARTS = ("calls-per-day", "handle-time-per-agent", "dispositions", "talk-against-wrap-up")


def draw(workbook: Path, out: Path, work: Path) -> list[Path]:
    """LibreOffice draws each chart: its HTML export writes every chart as a PNG."""
    import re

    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        raise SystemExit("soffice not found: install LibreOffice (scripts/dev.sh does)")
    html = work / "html"
    subprocess.run(
        [
            soffice,
            f"-env:UserInstallation={(work / 'lo-profile').as_uri()}",
            "--headless",
            "--convert-to",
            "html",
            "--outdir",
            str(html),
            str(workbook),
        ],
        check=True,
        capture_output=True,
        timeout=300,
    )
    page = (html / f"{workbook.stem}.html").read_text(encoding="utf-8", errors="replace")
    drawn = list(dict.fromkeys(re.findall(r'<img src="([^"]+\.png)"', page)))
    if len(drawn) != len(CHARTS):
        raise SystemExit(f"LibreOffice drew {len(drawn)} chart(s), not {len(CHARTS)}")
    pictures = []
    for name, source in zip(CHARTS, drawn, strict=True):
        picture = out / f"report-{name}.png"
        shutil.copyfile(html / source, picture)
        pictures.append(picture)
    return pictures


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "images")
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    from assistant.cli import main as cli

    with tempfile.TemporaryDirectory(prefix="aa-report-pictures-") as tmp:
        work = Path(tmp)
        sample_store(work)
        workbook = work / "report.xlsx"
        if cli(["--data-dir", str(work), "report", "--out", str(workbook)]) != 0:
            raise SystemExit("the report was not written")
        for picture in draw(workbook, args.out, work):
            print(f"wrote {picture}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
