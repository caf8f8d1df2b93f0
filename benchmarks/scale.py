"""How the build scales with the number of cooperations: a benchmark, not a test.

It synthesises N cooperations from the shipped data (copies of data/sml and
data/sydnarke under new folder names), builds each size with the generator, and
builds the same generated Markdown once more with plain MkDocs (no handbook
plugin) side by side, to see what share of the time is the generator's own. It
prints one row per size; the goals are printed with the table and never fail.

    .venv/bin/python benchmarks/scale.py            # N = 2, 10, 50
    .venv/bin/python benchmarks/scale.py --sizes 10 # as CI runs it
"""

from __future__ import annotations

import argparse
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generator.render.site import merge_nav, render_site
from generator.validate import read_handbook
from generator.write import write_files

GOALS = "Mål: generatorns andel ≤ 10 % av bygget, ≤ 15 ms per sida, byte per sida lika från 2 till 50."


def synthesise(target: Path, count: int) -> Path:
    """`count` cooperations: the shipped ones, then numbered copies of them."""
    data = target / "data"
    data.mkdir(parents=True)
    shutil.copy(ROOT / "data" / "handbok.yaml", data / "handbok.yaml")
    shutil.copytree(ROOT / "data" / "_schema", data / "_schema")
    sources = [ROOT / "data" / "sml", ROOT / "data" / "sydnarke"]
    for number in range(count):
        source = sources[number % len(sources)]
        name = source.name if number < len(sources) else f"{source.name}-{number}"
        shutil.copytree(source, data / name)
        info = data / name / "samverkan.yaml"
        text = info.read_text(encoding="utf-8")
        info.write_text(re.sub(r"(?m)^kortnamn: (.*)$", rf"kortnamn: \1 {number}", text), encoding="utf-8")
    return data


def timed(command: list[str], cwd: Path) -> tuple[float, float]:
    """Seconds and peak memory (MB) of one command."""
    before = time.perf_counter()
    subprocess.run(command, cwd=cwd, check=True, capture_output=True)
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return time.perf_counter() - before, peak


def plain_mkdocs_project(work: Path, data: Path) -> Path:
    """The generated Markdown and the hand-written pages as an ordinary MkDocs project."""
    project = work / "plain"
    docs = project / "docs"
    shutil.copytree(ROOT / "docs", docs)
    shutil.copytree(ROOT / "overrides", project / "overrides")
    site = render_site(read_handbook(data))
    write_files(site.files, docs, keep=True)
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    config["plugins"] = [p for p in config["plugins"] if not (isinstance(p, dict) and "handbook" in p)]
    config["nav"] = merge_nav(config["nav"], site.nav)
    config.pop("watch", None)
    (project / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
    return project


def measure(count: int, work: Path) -> dict[str, float]:
    data = synthesise(work, count)
    python = str(ROOT / ".venv" / "bin" / "python")
    site = work / "site"
    seconds, peak = timed([python, "-m", "generator", "build", "--data", str(data), "--site", str(site)], ROOT)
    project = plain_mkdocs_project(work, data)
    plain, _ = timed([python, "-m", "mkdocs", "build", "--quiet"], project)
    pages = list(site.rglob("*.html"))
    size = sum(p.stat().st_size for p in pages)
    return {
        "cooperations": count,
        "pages": len(pages),
        "seconds": seconds,
        "ms_per_page": 1000 * seconds / len(pages),
        "generator_share": max(0.0, (seconds - plain) / seconds),
        "peak_mb": peak,
        "kb_per_page": size / len(pages) / 1024,
        "site_mb": sum(p.stat().st_size for p in site.rglob("*") if p.is_file()) / 1024 / 1024,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[2, 10, 50])
    sizes = parser.parse_args().sizes
    header = "| samverkan | sidor | bygge (s) | ms/sida | generatorns andel | minne (MB) | kB/sida | webbplats (MB) |"
    print(header)
    print("|---" * 8 + "|")
    for count in sizes:
        with tempfile.TemporaryDirectory(prefix="handbok-skala-") as work:
            row = measure(count, Path(work))
        cells = (
            f"{row['cooperations']:.0f}",
            f"{row['pages']:.0f}",
            f"{row['seconds']:.1f}",
            f"{row['ms_per_page']:.1f}",
            f"{row['generator_share']:.0%}",
            f"{row['peak_mb']:.0f}",
            f"{row['kb_per_page']:.0f}",
            f"{row['site_mb']:.1f}",
        )
        print("| " + " | ".join(cells) + " |", flush=True)
    print(GOALS)


if __name__ == "__main__":
    main()
