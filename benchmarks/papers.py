"""How long the meeting papers take to render: a benchmark, not a test.

Renders every notice and minutes (Word) for the shipped data and for N synthesised
cooperations (as benchmarks/scale.py makes them), and prints the seconds per set.
With --out DIR it also writes the .docx files there, to compare two versions of the
renderer byte for byte.

    .venv/bin/python benchmarks/papers.py [--sizes 10] [--out DIR]
"""

from __future__ import annotations

import argparse
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


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", type=int, nargs="*", default=[10])
    parser.add_argument("--out", type=Path)
    args = parser.parse_args()
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
