"""The handbook's builds against a plain MkDocs build of the same site: a benchmark, not a test.

It copies the shipped data, builds it once to fill the cache, and writes the generated Markdown
(with the PDF, PNG and Word files from the cache) into an ordinary MkDocs project with the same
theme, overrides, assets and search. Then it runs, interleaved so that a busy machine slows both
sides alike: a warm build (everything in the cache), the plain MkDocs build, a cold build
(`--utan-cache`) and `check`. Each figure is the median of the runs with the minimum and maximum;
the ratio is of the medians. It prints a table with the goals of issue 26 and never fails.

    .venv/bin/python benchmarks/warm_vs_plain.py             # 10 rounds, cold build in 3 of them
    .venv/bin/python benchmarks/warm_vs_plain.py --runs 5 --cold 1
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from scale import plain_mkdocs_project

PYTHON = str(ROOT / ".venv" / "bin" / "python")
GOALS = {"warm": "≤ ×1,25", "cold": "≤ ×2", "check": "≤ 0,4 s"}


def seconds(command: list[str], cwd: Path) -> float:
    before = time.perf_counter()
    subprocess.run(command, cwd=cwd, check=True, capture_output=True)
    return time.perf_counter() - before


def spread(values: list[float]) -> str:
    return f"{statistics.median(values):.2f} s ({min(values):.2f}–{max(values):.2f})"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=10, help="rounds of warm, plain and check")
    parser.add_argument("--cold", type=int, default=3, help="rounds that also build without the cache")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="handbok-jamfor-") as folder:
        work = Path(folder)
        data = work / "data"
        shutil.copytree(ROOT / "data", data)
        site, cache = work / "site", work / "cache"
        build = [PYTHON, "-m", "generator", "build", "--data", str(data), "--site", str(site)]
        for _ in range(2):  # the first build writes the calendar history, which the second reads
            subprocess.run([*build, "--cache", str(cache)], cwd=ROOT, check=True, capture_output=True)
        project = plain_mkdocs_project(work, data, cache)
        times: dict[str, list[float]] = {"warm": [], "plain": [], "cold": [], "check": []}
        for round_ in range(args.runs):
            times["warm"].append(seconds([*build, "--cache", str(cache)], ROOT))
            times["plain"].append(seconds([PYTHON, "-m", "mkdocs", "build", "--quiet"], project))
            times["check"].append(seconds([PYTHON, "-m", "generator", "check", "--data", str(data)], ROOT))
            if round_ < args.cold:
                times["cold"].append(seconds([*build, "--utan-cache"], ROOT))
    plain = statistics.median(times["plain"])
    print(f"Medianer av {args.runs} omgångar (kallt bygge {args.cold}), omväxlande, min–max inom parentes:\n")
    print("| vad | tid | mot vanlig MkDocs | mål |")
    print("|---|---|---|---|")
    print(f"| vanligt MkDocs-bygge av samma Markdown | {spread(times['plain'])} | ×1 | |")
    for name, label in (("warm", "bygge med allt i cachen"), ("cold", "bygge utan cache")):
        if times[name]:
            ratio = statistics.median(times[name]) / plain
            print(f"| {label} | {spread(times[name])} | ×{ratio:.2f} | {GOALS[name]} |")
    print(f"| `check` | {spread(times['check'])} | | {GOALS['check']} |")


if __name__ == "__main__":
    main()
