"""Panel start-up against a bare PySide6 window, both measured in the same run.

``startup_ratio``: median wall time of ``agent-assist --exit-when-ready`` (the
built-in packs plus a 10,000-entry pack in the data dir's ``packs/`` folder, the
playbook cache warm) over the median wall time of a script that shows one QLabel
and quits. ``startup_rss_ratio``: the median peak RSS (``ru_maxrss`` of each child,
from ``os.wait4``) of the same pair.

Both run under ``QT_QPA_PLATFORM=offscreen``, with their bytecode compiled once
into a private cache first (as an installed app has it), so neither pays for
compiling Python source on every start.

    python benchmarks/run.py --only bench_startup
"""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

from common import Metric, app_command, median, run_env

METRICS = ("startup_ratio", "startup_rss_ratio")

USER_PACK_ENTRIES = 10_000

BARE_SCRIPT = """
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QLabel

app = QApplication([])
label = QLabel("Agent Assist")
label.show()
QTimer.singleShot(0, app.quit)
app.exec()
"""


def _words(text: str) -> list[str]:
    return text.split()


CATEGORIES = _words(
    "opening closing questioning confirming de_escalation sandwich complaint crisis "
    "commitment handoff written_reply objection proactive_care cross_cultural"
)
STAGES = ("calm", "dissatisfied", "angry", "confrontational")
ZH = _words(
    "投诉 退款 回电 承诺 升级 转接 主管 订单 账单 发票 物流 快递 延迟 故障 维修 服务器 维护 "
    "加密 合同 续费 价格 优惠券 折扣 成本 客户 情绪 道歉 理解 确认 复述 事实 诉求 方案 解决 "
    "跟进 回访 满意度 反馈 记录 工单 流程 部门 同事 技术支持 话术 开场 问候 感谢 工号 套餐 "
    "企业版 配置 申请 审核 提交 资料 邮件 短信 安抚 缓冲 暂停 倾听 共情 账户 密码 验证码"
)
EN = _words(
    "complaint refund callback promise escalation transfer supervisor order invoice billing "
    "delivery delay outage repair server maintenance contract renewal price coupon discount "
    "customer apology confirm restate solution follow-up survey feedback ticket department "
    "colleague support script greeting thanks account password upgrade payback reminder"
)


def write_user_pack(path: Path, count: int, seed: int = 3) -> None:
    """A valid pack of ``count`` generated entries (Chinese and English)."""
    rng = random.Random(seed)
    q = lambda s: json.dumps(s, ensure_ascii=False)  # noqa: E731 - a JSON string is YAML
    lines = [
        "pack:",
        "  id: bench-user-pack",
        "  name: Generated pack",
        "  language: zh-Hans",
        '  version: "1"',
        "  author: bench_startup",
        "placeholders:",
        "  reply_by:",
        "    kind: date",
        '    spec: "+1 business day at 10:00"',
        "entries:",
    ]
    for i in range(count):
        zh = rng.random() < 0.6
        words = ZH if zh else EN
        a, b, c = rng.sample(words, 3)
        if zh:
            title = f"{a}的{b}话术（{c}）"
            body = f"{{customer_title}}您好，关于{a}的问题我已记录，我会在{{reply_by}}之前给您{b}。"
            when = f"客户提到{b}或{c}时使用。"
        else:
            title = f"{a.capitalize()} {b} script ({c})"
            body = (
                f"Hello {{customer_title}}, I have noted the {a}; "
                f"I will reply about {b} by {{reply_by}}."
            )
            when = f"Use when the customer talks about {b}."
        lines += [
            f"  - id: bench.{i}",
            f"    title: {q(title)}",
            f"    category: {rng.choice(CATEGORIES)}",
            f"    body: {q(body)}",
            f"    tags: [{', '.join(q(t) for t in rng.sample(words, 3))}]",
            f"    when_to_use: {q(when)}",
            f"    emotion_stages: [{', '.join(rng.sample(STAGES, rng.randint(1, 2)))}]",
        ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def wall_and_rss(cmd: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Wall seconds and peak RSS (MiB) of one child process."""
    started = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - started
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        raise RuntimeError(f"{cmd} exited {proc.returncode}")
    return elapsed, usage.ru_maxrss / 1024


Run = tuple[float, float]


def measure(quick: bool) -> tuple[list[Run], list[Run]]:
    """(wall s, peak MiB) of each app run and each bare-window run."""
    with tempfile.TemporaryDirectory(prefix="aa-bench-startup-") as tmp:
        work = Path(tmp)
        data = work / "data"
        (data / "packs").mkdir(parents=True)
        write_user_pack(data / "packs" / "generated.yaml", USER_PACK_ENTRIES)
        bare = work / "bare_label.py"
        bare.write_text(BARE_SCRIPT, encoding="utf-8")
        env = run_env(QT_QPA_PLATFORM="offscreen", PYTHONPYCACHEPREFIX=str(work / "pycache"))
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        app = app_command("--data-dir", str(data), "--exit-when-ready")
        baseline = [sys.executable, str(bare)]
        # Warm-up: builds the playbook cache and compiles both programs' bytecode.
        wall_and_rss(app, env)
        wall_and_rss(baseline, env)
        repeats = 5 if quick else 15
        app_runs, bare_runs = [], []
        for _ in range(repeats):
            app_runs.append(wall_and_rss(app, env))
            bare_runs.append(wall_and_rss(baseline, env))
    return app_runs, bare_runs


def metrics(quick: bool) -> Iterator[Metric]:
    app_runs, bare_runs = measure(quick)
    time_ratio = median([t for t, _ in app_runs]) / median([t for t, _ in bare_runs])
    rss_ratio = median([m for _, m in app_runs]) / median([m for _, m in bare_runs])
    yield Metric("startup_ratio", time_ratio, "ratio", "<= 1.6")
    yield Metric("startup_rss_ratio", rss_ratio, "ratio", "<= 1.6")


if __name__ == "__main__":
    app_runs, bare_runs = measure(quick="--quick" in sys.argv)
    for name, runs in (("agent-assist", app_runs), ("bare QLabel", bare_runs)):
        wall = median([t for t, _ in runs])
        rss = median([m for _, m in runs])
        print(f"{name:<14} median {wall * 1000:7.1f} ms  {rss:6.1f} MiB")
