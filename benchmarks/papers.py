"""How long the meeting papers take to render: a benchmark, not a test.

Renders every notice and minutes (Word) for the shipped data and for N synthesised
cooperations (as benchmarks/scale.py makes them), and prints the seconds per set.
With --out DIR it also writes the .docx files there, to compare two versions of the
renderer byte for byte. With --against CHECKOUT it runs this checkout's benchmark and that
one's (another clone or `git worktree add`, sharing this .venv) in turn, --rounds times each,
each in a fresh process, and prints the median ms per file with min–max and the ratio.

    .venv/bin/python benchmarks/papers.py [--sizes 10] [--out DIR]
    .venv/bin/python benchmarks/papers.py --against ../old-checkout [--rounds 5]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from scale import synthesise

from generator.render.papers.papers import meeting_papers
from generator.render.papers.word import minutes_docx, notice_docx
from generator.validate import read_handbook


def render(data: Path, out: Path | None) -> tuple[int, float]:
    """Every Word paper of the handbook in `data`: how many, and the seconds it took."""
    handbook = read_handbook(data)
    papers = [(c.id, p) for c in handbook.cooperations for p in meeting_papers(c)]
    files: dict[str, bytes] = {}
    before = time.process_time()
    for cid, p in papers:
        files[f"{cid}/kallelse-{p.key}.docx"] = notice_docx(p)
        files[f"{cid}/anteckningar-{p.key}.docx"] = minutes_docx(p)
    seconds = time.process_time() - before
    if out is not None:
        for name, data_bytes in files.items():
            (out / name).parent.mkdir(parents=True, exist_ok=True)
            (out / name).write_bytes(data_bytes)
    return len(files), seconds


def ms_per_file(checkout: Path, sizes: list[int]) -> dict[str, float]:
    """One run of `checkout`'s benchmark in a fresh process: ms per file for each set of data."""
    command = [sys.executable, str(checkout / "benchmarks" / "papers.py"), "--sizes", *map(str, sizes)]
    output = subprocess.run(command, check=True, capture_output=True, text=True, cwd=checkout).stdout
    rows = [line.strip("|").split("|") for line in output.splitlines() if line.startswith("| ")]
    return {cells[0].strip(): float(cells[3]) for cells in rows[1:]}


def compare(other: Path, sizes: list[int], rounds: int) -> None:
    """Interleaved runs of this checkout and `other`: medians with min–max, and their ratio."""
    runs: dict[str, list[dict[str, float]]] = {"this": [], "other": []}
    for _ in range(rounds):
        runs["this"].append(ms_per_file(ROOT, sizes))
        runs["other"].append(ms_per_file(other.resolve(), sizes))
    print(f"ms per .docx file, median (min–max) of {rounds} interleaved runs; other = {other}")
    print("| data | this | other | other / this |")
    print("|---|---|---|---|")
    for name in runs["this"][0]:
        this, that = ([run[name] for run in runs[side]] for side in ("this", "other"))
        ratio = statistics.median(that) / statistics.median(this)
        print(f"| {name} | {_spread(this)} | {_spread(that)} | {ratio:.1f}× |")


def _spread(values: list[float]) -> str:
    return f"{statistics.median(values):.1f} ({min(values):.1f}–{max(values):.1f})"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", type=int, nargs="*", default=[10])
    parser.add_argument("--out", type=Path)
    parser.add_argument("--against", type=Path, help="another checkout to compare with")
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    if args.against:
        compare(args.against, args.sizes, args.rounds)
        return
    sets = [("data/", ROOT / "data"), ("tests/fixtures/data", ROOT / "tests" / "fixtures" / "data")]
    with tempfile.TemporaryDirectory() as work:
        for size in args.sizes:
            sets.append((f"{size} samverkan", synthesise(Path(work) / str(size), size)))
        print("| data | .docx files | CPU seconds | ms per file |")
        print("|---|---|---|---|")
        for name, data in sets:
            out = args.out / name.replace("/", "_").replace(" ", "_") if args.out else None
            count, seconds = render(data, out)
            print(f"| {name} | {count} | {seconds:.2f} | {1000 * seconds / max(count, 1):.1f} |")


if __name__ == "__main__":
    main()
