"""How the build scales with the number of cooperations: a benchmark, not a test.

It synthesises N cooperations from the shipped data (copies of data/sml and
data/sydnarke under new folder names) and builds each size twice with the
generator: once from nothing (every PDF and PNG made), then after an editor's
change to one cooperation (the others' PDF and PNGs come from the cache). The
same generated files are then built once more with plain MkDocs (no handbook
plugin) side by side, to see what share of the second build is the generator's
own. Last, `make serve` is started at 10 cooperations and timed from saving a
data file to serving the changed page. It prints one row per size; the goals are
printed with the table and never fail.

    .venv/bin/python benchmarks/scale.py                      # N = 2, 10, 50
    .venv/bin/python benchmarks/scale.py --sizes 10 --serve 10  # as CI runs it
"""

from __future__ import annotations

import argparse
import re
import resource
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generator import theme
from generator.engines.binaries import with_binaries
from generator.engines.cache import Cache
from generator.render.site import merge_nav, render_site
from generator.validate import read_handbook
from generator.write import write_files

GOALS = (
    "Mål: generatorns andel ≤ 10 % av bygget, ≤ 15 ms per sida, byte per sida lika från 2 till 50, "
    "make serve visar en ändring inom 1,5 s vid 10 samverkan. Bygget efter en ändring är det som en "
    "redaktör och CI (med cachen sparad) gör; det första bygget gör också alla PDF- och PNG-filer."
)


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


def edit(data: Path) -> Path:
    """An editor's change to one cooperation: its name, which is on each of its pages and its PDF."""
    info = data / "sml" / "samverkan.yaml"
    text = info.read_text(encoding="utf-8")
    info.write_text(re.sub(r"(?m)^(namn: .*)$", r"\1 (ändrad)", text, count=1), encoding="utf-8")
    return info


def plain_mkdocs_project(work: Path, data: Path, cache: Path) -> Path:
    """The generated files (pages, and the PDF and PNGs from the cache) and the hand-written pages
    as an ordinary MkDocs project: what MkDocs alone costs for the same site."""
    project = work / "plain"
    docs = project / "docs"
    shutil.copytree(theme.DOCS, docs)
    shutil.copytree(theme.OVERRIDES, project / "overrides")
    handbook = read_handbook(data)
    site = with_binaries(render_site(handbook), handbook, Cache(cache))
    write_files(site.files, docs, keep=True)
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    config["plugins"] = [p for p in config["plugins"] if not (isinstance(p, dict) and "handbook" in p)]
    config["nav"] = merge_nav(config["nav"], site.nav)
    config.pop("watch", None)
    config["theme"]["custom_dir"] = "overrides"  # what the plugin adds from the package
    config.update(extra_css=list(theme.EXTRA_CSS), extra_javascript=list(theme.EXTRA_JAVASCRIPT))
    (project / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
    return project


def measure(count: int, work: Path) -> dict[str, float]:
    data = synthesise(work, count)
    python = str(ROOT / ".venv" / "bin" / "python")
    site, cache = work / "site", work / "cache"
    build = [python, "-m", "generator", "build", "--data", str(data), "--site", str(site), "--cache", str(cache)]
    cold, peak = timed(build, ROOT)
    edit(data)
    seconds, _ = timed(build, ROOT)
    project = plain_mkdocs_project(work, data, cache)
    plain, _ = timed([python, "-m", "mkdocs", "build", "--quiet"], project)
    pages = list(site.rglob("*.html"))
    size = sum(p.stat().st_size for p in pages)
    return {
        "cooperations": count,
        "pages": len(pages),
        "cold": cold,
        "seconds": seconds,
        "ms_per_page": 1000 * seconds / len(pages),
        "generator_share": max(0.0, (seconds - plain) / seconds),
        "peak_mb": peak,
        "kb_per_page": size / len(pages) / 1024,
        "site_mb": sum(p.stat().st_size for p in site.rglob("*") if p.is_file()) / 1024 / 1024,
    }


def serve_latency(count: int, work: Path) -> float:
    """Seconds from saving a data file to `make serve` serving the changed page."""
    data = synthesise(work, count)
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    config["docs_dir"] = str(ROOT / "docs")
    config["plugins"] = [
        {"handbook": {"data_dir": str(data), "cache_dir": str(work / "cache")}}
        if isinstance(p, dict) and "handbook" in p
        else p
        for p in config["plugins"]
    ]
    config["watch"] = [str(data)]
    (work / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    url = f"http://127.0.0.1:{port}/sml/"
    command = [str(ROOT / ".venv" / "bin" / "python"), "-m", "generator", "serve"]
    server = subprocess.Popen(
        [*command, "--config", str(work / "mkdocs.yml"), "--dev-addr", f"127.0.0.1:{port}"],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        _until(url, "Sotenäs", 600)
        time.sleep(2)  # the watcher settles
        before = time.perf_counter()
        edit(data)
        _until(url, "(ändrad)", 600)
        return time.perf_counter() - before
    finally:
        server.terminate()
        server.wait(30)


def _until(url: str, text: str, seconds: float) -> None:
    deadline = time.perf_counter() + seconds
    while time.perf_counter() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:  # noqa: S310 - our own loopback server
                if text in response.read().decode("utf-8"):
                    return
        except OSError:
            pass
        time.sleep(0.05)
    raise TimeoutError(f"{url} visade inte {text!r}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[2, 10, 50])
    parser.add_argument("--serve", type=int, nargs="*", default=[10], help="sizes to time `make serve` at")
    args = parser.parse_args()
    print(
        "| samverkan | sidor | första bygget (s) | bygge efter en ändring (s) | ms/sida | generatorns andel "
        "| minne (MB) | kB/sida | webbplats (MB) |"
    )
    print("|---" * 9 + "|")
    for count in args.sizes:
        with tempfile.TemporaryDirectory(prefix="handbok-skala-") as work:
            row = measure(count, Path(work))
        cells = (
            f"{row['cooperations']:.0f}",
            f"{row['pages']:.0f}",
            f"{row['cold']:.1f}",
            f"{row['seconds']:.1f}",
            f"{row['ms_per_page']:.1f}",
            f"{row['generator_share']:.0%}",
            f"{row['peak_mb']:.0f}",
            f"{row['kb_per_page']:.0f}",
            f"{row['site_mb']:.1f}",
        )
        print("| " + " | ".join(cells) + " |", flush=True)
    for count in args.serve:
        with tempfile.TemporaryDirectory(prefix="handbok-serve-") as work:
            print(f"make serve, {count} samverkan: ändringen syns efter {serve_latency(count, Path(work)):.1f} s")
    print(GOALS)


if __name__ == "__main__":
    main()
