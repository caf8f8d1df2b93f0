"""How long `python -m generator check` takes as the data grows: a benchmark, not a test.

It synthesises N cooperations from the shipped data (as benchmarks/scale.py does) and
times the whole command, start-up included, the way an editor runs it: once with the
YAML parser the generator picks (libyaml's when PyYAML has it) and once with PyYAML's
pure-Python parser, for comparison. Each figure is the best of a few runs, since the
machine is shared. It prints one row per size and never fails on a figure.

    .venv/bin/python benchmarks/check_speed.py                # N = 10, 50, 200
    .venv/bin/python benchmarks/check_speed.py --sizes 10 --runs 1
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from scale import synthesise

from generator import compose

# `check` as the command line runs it, with the pure-Python parser chosen instead of libyaml.
PURE_PYTHON = (
    "import sys, generator.compose as compose; compose.PARSER = compose.PurePythonParser; "
    "from generator.cli import main; sys.exit(main(sys.argv[1:]))"
)


def best_of(runs: int, command: list[str]) -> float:
    """The shortest wall time of `runs` runs of `command`, which must succeed."""
    times = []
    for _ in range(runs):
        before = time.perf_counter()
        result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=False)
        times.append(time.perf_counter() - before)
        if result.returncode != 0:
            raise SystemExit(f"{' '.join(command)} misslyckades:\n{result.stderr}")
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[10, 50, 200])
    parser.add_argument("--runs", type=int, default=3, help="körningar per mätning; den snabbaste räknas")
    args = parser.parse_args()
    python = str(ROOT / ".venv" / "bin" / "python")
    print(f"YAML-tolk som generatorn väljer: {getattr(compose.PARSER, '__name__', compose.PARSER)}")
    print("| samverkan | datafiler | check (s) | check med ren Python-tolk (s) |")
    print("|---|---|---|---|")
    for count in args.sizes:
        with tempfile.TemporaryDirectory(prefix="handbok-check-") as work:
            data = synthesise(Path(work), count)
            files = len(list(data.rglob("*.yaml")))
            chosen = best_of(args.runs, [python, "-m", "generator", "check", "--data", str(data)])
            pure = best_of(args.runs, [python, "-c", PURE_PYTHON, "check", "--data", str(data)])
        print(f"| {count} | {files} | {chosen:.2f} | {pure:.2f} |", flush=True)


if __name__ == "__main__":
    main()
