"""The real strict MkDocs build, through the command line an editor uses."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from generator import theme
from generator.render import paths
from generator.render.markdown import html_text, plain
from generator.render.papers.checklists import meeting_checklists
from generator.render.site import render_site
from generator.validate import read_handbook

from conftest import FIXTURE_DATA, ROOT, SHIPPED_DATA, build_site, run_generator
from helpers import project_copy, tree_digest


def test_shipped_data_builds_strictly(shipped_site: Path) -> None:
    for page in [
        "index.html",
        "uppdatera/index.html",
        "sml/index.html",
        "sml/organisation/styrgrupp/index.html",
        "sml/arshjul/index.html",
        "sml/processer/budget/index.html",
        "sml/roller/index.html",
        "sml/kommunikation/index.html",
        "sydnarke/organisation/samordningsgrupp/index.html",
        "sydnarke/processer/budget/index.html",
    ]:
        assert (shipped_site / page).is_file(), page


def test_every_cooperation_page_shows_all_members(shipped_site: Path) -> None:
    members = {"sml": ["Sotenäs", "Lysekil", "Munkedal"], "sydnarke": ["Askersund", "Hallsberg", "Kumla", "Laxå"]}
    for cooperation, names in members.items():
        pages = list((shipped_site / cooperation).rglob("index.html"))
        assert len(pages) > 5
        for page in pages:
            html = page.read_text(encoding="utf-8")
            profile = html[html.index('class="hb-profil"') :][:2000]
            for name in names:
                assert name in profile, f"{name} saknas i profilen på {page}"


def test_site_makes_no_third_party_requests(shipped_site: Path) -> None:
    for page in shipped_site.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        for host in ("fonts.googleapis", "fonts.gstatic", "unpkg.com", "cdn.jsdelivr", "cdnjs"):
            assert host not in html, f"{page} hänvisar till {host}"


def test_two_builds_are_byte_identical(tmp_path: Path, shipped_site: Path) -> None:
    again = build_site(SHIPPED_DATA, tmp_path / "site")
    assert tree_digest(again) == tree_digest(shipped_site)


def test_builds_in_processes_with_other_hash_seeds_and_time_zones_are_identical(tmp_path: Path) -> None:
    """Set and dict order, str hashes and the local clock must not reach the output."""
    sites = []
    for seed, zone in (("1", "UTC"), ("4711", "Pacific/Kiritimati")):
        site, data = tmp_path / f"site-{seed}", tmp_path / f"data-{seed}"
        shutil.copytree(FIXTURE_DATA, data)  # the build keeps a calendar history in the data folder
        env = {**os.environ, "PYTHONPATH": str(ROOT), "PYTHONHASHSEED": seed, "TZ": zone}
        command = [sys.executable, "-m", "generator", "build", "--data", str(data), "--site", str(site)]
        result = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, check=False)
        assert result.returncode == 0, result.stderr
        sites.append(tree_digest(site))
    assert sites[0] == sites[1]


def test_failed_build_leaves_previous_site_untouched(tmp_path: Path) -> None:
    site = tmp_path / "site"
    data = tmp_path / "data"
    shutil.copytree(FIXTURE_DATA, data)
    assert run_generator("build", "--data", str(data), "--site", str(site)).returncode == 0
    before = tree_digest(site)

    roles = data / "exempel" / "roller.yaml"
    roles.write_text(roles.read_text(encoding="utf-8").replace("namn: Ekonomichef", "namn: [Ekonomichef"), "utf-8")
    result = run_generator("build", "--data", str(data), "--site", str(site))

    assert result.returncode == 1
    assert "roller.yaml:" in result.stderr and "Traceback" not in result.stderr
    assert tree_digest(site) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["data", "site"], "staging folders left behind"


def test_mkdocs_failure_also_leaves_site_untouched(tmp_path: Path) -> None:
    """A strict-mode warning from MkDocs itself (a broken link in docs/) aborts the swap too."""
    project = project_copy(tmp_path / "project")
    assert run_generator("build", cwd=project).returncode == 0
    before = tree_digest(project / "site")

    page = project / "docs" / "uppdatera.md"  # the project's own page, in place of the package's
    guide = (theme.DOCS / "uppdatera.md").read_text(encoding="utf-8")
    page.write_text(guide + "\n[Trasig länk](finns-inte.md)\n", encoding="utf-8")
    result = run_generator("build", cwd=project)

    assert result.returncode == 1
    assert "finns-inte.md" in result.stderr
    assert "site/ är oförändrad" in result.stderr
    assert tree_digest(project / "site") == before


def test_generate_writes_markdown_for_another_engine(tmp_path: Path) -> None:
    out = tmp_path / "md"
    data = tmp_path / "data"
    shutil.copytree(FIXTURE_DATA, data)
    result = run_generator("generate", "--data", str(data), "--out", str(out))
    assert result.returncode == 0, result.stderr
    assert (out / "index.md").is_file()
    body = (out / "exempel" / "organisation" / "styrgrupp.md").read_text(encoding="utf-8")
    front, heading = body.split("\n---\n", 1)
    assert front.startswith("---\n") and "boost: 3" in front  # search ranks the body page first
    assert heading.lstrip("\n").startswith("# Styrgrupp\n")


def test_every_discussion_point_reaches_its_checklist_and_meeting_papers() -> None:
    """A point dropped from the checklist, the notice or the minutes template (a template edit) fails here."""
    handbook = read_handbook(SHIPPED_DATA)
    files = render_site(handbook).files
    checked = 0
    for c in handbook.cooperations:
        for checklist in meeting_checklists(c):
            body, occasion = checklist.body, checklist.occasions[0]
            if body is None or occasion.agenda is None:
                continue
            agenda = c.agenda(occasion.agenda)
            papers = [paths.minutes_page(c, paths.occasion_key(o)) for o in checklist.occasions]
            papers += [paths.notice_page(c, paths.occasion_key(o)) for o in checklist.occasions]
            for page in (paths.checklist_page(c, checklist.id), *papers):
                text = files[page]
                assert isinstance(text, str)
                for section in agenda.sections:
                    for point in section.points:
                        shown = (plain(point), html_text(point))  # Markdown list or raw HTML list
                        assert any(s in text for s in shown), f"{page}: '{point}' saknas"
                        checked += 1
    assert checked > 20
