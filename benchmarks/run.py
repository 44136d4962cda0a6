"""Performance metrics of Agent Assist.

    python benchmarks/run.py [--quick] [--json] [--only NAME[,NAME...]]

Prints one line per metric: name, value, unit, target, ok. With --json, one JSON
object per line with exactly those keys. Each ``bench_*.py`` module beside this
file contributes metrics through ``metrics(quick: bool) -> Iterator[Metric]``.
Ratios compare against a baseline measured in the same run, because the machines
are noisy. Exit status is 0 even when a target is missed: the lines say ``ok``.
"""

from __future__ import annotations

import argparse
import importlib
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

from common import Metric  # noqa: E402


def _modules() -> list[str]:
    return sorted(p.stem for p in HERE.glob("bench_*.py"))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawTextHelpFormatter
    )
    parser.add_argument("--quick", action="store_true", help="smaller sizes, fewer repeats")
    parser.add_argument("--json", action="store_true", help="one JSON object per line")
    parser.add_argument("--only", default="", help="comma-separated metric or module names")
    args = parser.parse_args(argv)
    only = {s.strip() for s in args.only.split(",") if s.strip()}
    for name in _modules():
        module = importlib.import_module(name)
        wanted = getattr(module, "METRICS", ())
        if only and name not in only and not (only & set(wanted)):
            continue
        for metric in module.metrics(args.quick):
            if only and name not in only and metric.name not in only:
                continue
            _print(metric, as_json=args.json)
    return 0


def _print(metric: Metric, *, as_json: bool) -> None:
    if as_json:
        print(json.dumps(metric.as_dict(), ensure_ascii=False), flush=True)
    else:
        ok = "ok" if metric.ok else "MISSED"
        print(
            f"{metric.name:<28} {metric.value:>12.4g} {metric.unit:<8} {metric.target:<10} {ok}",
            flush=True,
        )


if __name__ == "__main__":
    raise SystemExit(main())
