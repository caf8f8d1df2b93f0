"""Quality figures: Lighthouse scores (mobile preset) for four kinds of page.

A benchmark, not a test: it prints figures and never fails the build. Targets:
performance ≥ 95; accessibility, best practices and SEO 100. The site is served the
way GitHub Pages serves it (gzip, ten minutes' cache), so the figures are those of
the published handbook, not of a bare development server.

    make site
    npm ci --prefix benchmarks
    .venv/bin/python benchmarks/lighthouse.py [--site site]
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import gzip
import http.server
import io
import json
import subprocess
import sys
import tempfile
import threading
from collections.abc import Iterator
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "tests"))

from browser import CHROMIUM, QUIET_FLAGS

PAGES = {
    "Startsidan": "",
    "Grupp (SML Styrgrupp)": "sml/organisation/styrgrupp/",
    "Checklista (SML Styrgrupp feb/mars)": "sml/checklistor/styrgrupp-arsbokslut-budget/",
    "Årshjul (SML)": "sml/arshjul/",
}
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
TARGETS = {"performance": 95, "accessibility": 100, "best-practices": 100, "seo": 100}


class PagesLikeHandler(http.server.SimpleHTTPRequestHandler):
    """Static files with gzip and a short cache lifetime, like GitHub Pages."""

    def log_message(self, format: str, *args: object) -> None:
        pass

    def send_head(self):  # type: ignore[no-untyped-def]
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        if not path.is_file() or "gzip" not in self.headers.get("Accept-Encoding", ""):
            return super().send_head()
        body = gzip.compress(path.read_bytes(), mtime=0)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "max-age=600")
        self.end_headers()
        return io.BytesIO(body)


@contextlib.contextmanager
def serve_like_pages(folder: Path) -> Iterator[str]:
    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(PagesLikeHandler, directory=str(folder))
    )
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()


def scores(url: str) -> dict[str, int]:
    lighthouse = HERE / "node_modules" / ".bin" / "lighthouse"
    with tempfile.TemporaryDirectory() as profile:
        flags = " ".join([*QUIET_FLAGS, f"--user-data-dir={profile}"])
        result = subprocess.run(
            [str(lighthouse), url, "--quiet", "--output=json", f"--chrome-flags={flags}",
             f"--only-categories={','.join(CATEGORIES)}"],
            capture_output=True, text=True, check=True, env={"CHROME_PATH": CHROMIUM, "PATH": "/usr/bin:/bin"},
        )  # fmt: skip
    report = json.loads(result.stdout)
    return {c: round(report["categories"][c]["score"] * 100) for c in CATEGORIES}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--site", type=Path, default=HERE.parent / "site")
    args = parser.parse_args()
    print(f"{'Sida':40} {'Prestanda':>9} {'Tillgängl.':>10} {'Praxis':>7} {'SEO':>5}")
    with serve_like_pages(args.site) as base:
        for name, path in PAGES.items():
            s = scores(base + path)
            misses = [c for c in CATEGORIES if s[c] < TARGETS[c]]
            flag = "" if not misses else "  under målet: " + ", ".join(misses)
            figures = f"{s['performance']:>9} {s['accessibility']:>10} {s['best-practices']:>7} {s['seo']:>5}"
            print(f"{name:40} {figures}{flag}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
