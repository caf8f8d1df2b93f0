"""The promises behind the one writer, the checked cache and the growing history, tried the way
they break: two builds at once (one of them killed), a site served by another user, a cache
with poisoned entries, a calendar history lowered or deleted in a committed repository, and
`diff` between revisions that are hostile themselves."""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import stat
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from generator.write import MARKER

from conftest import ROOT
from helpers import project_copy

HISTORY = "data/kalenderhistorik.json"


def generator(*args: str, cwd: Path, umask: int | None = None) -> subprocess.Popen[str]:
    environment = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.Popen(
        [sys.executable, "-m", "generator", *args],
        cwd=cwd,
        env=environment,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        preexec_fn=None if umask is None else lambda: os.umask(umask),
    )


def run(*args: str, cwd: Path, umask: int | None = None) -> subprocess.CompletedProcess[str]:
    process = generator(*args, cwd=cwd, umask=umask)
    out, err = process.communicate(timeout=600)
    return subprocess.CompletedProcess(process.args, process.returncode, out, err)


def site_files(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return project_copy(tmp_path / "project")


# --- one writer: a lock per target ---------------------------------------------------------


@pytest.mark.slow
@pytest.mark.parametrize("stop", [signal.SIGKILL, signal.SIGTERM])
def test_two_builds_at_once_leave_one_whole_site(project: Path, stop: signal.Signals) -> None:
    assert run("build", cwd=project).returncode == 0
    before = site_files(project / "site")
    first, second = generator("build", cwd=project), generator("build", cwd=project)
    for _ in range(3000):  # until one of them is building: its staging folder is there
        if list(project.glob(".site-ny-*")):
            break
        time.sleep(0.1)
    first.send_signal(stop)
    _out, first_err = first.communicate(timeout=600)
    _out, err = second.communicate(timeout=600)
    if second.returncode != 0:  # refused while the first held the lock: said so, in Swedish
        assert second.returncode == 1 and "ett annat bygge skriver just nu till samma mål" in err, err
    if stop == signal.SIGTERM:  # stopped in Swedish, or done before the signal came
        # A process already refused and on its way out has Python's default handler back (the
        # interpreter restores it at shutdown): killed then, it had said its Swedish line already.
        refused_before = "ett annat bygge skriver just nu till samma mål" in first_err
        assert first.returncode in (0, 1) or (first.returncode == -signal.SIGTERM and refused_before), first_err
    assert site_files(project / "site") == before, "the old site or the new one, whole, with its marker"
    again = run("build", cwd=project)
    assert again.returncode == 0, again.stderr
    assert site_files(project / "site") == before
    assert not list(project.glob(".site-*")), "no staging folder left behind"


def test_a_second_build_is_refused_while_the_target_is_locked(project: Path) -> None:
    import fcntl

    (project / "site").mkdir()
    (project / "site" / MARKER).write_text("x", encoding="utf-8")
    with (project / ".site.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        result = run("build", cwd=project)
    assert result.returncode == 1
    assert result.stderr.startswith("site: ett annat bygge skriver just nu till samma mål")
    assert sorted(p.name for p in (project / "site").iterdir()) == [MARKER]


# --- one writer: modes that follow the umask ----------------------------------------------------


@pytest.fixture
def shared_folder() -> Iterator[Path]:
    """A folder another user can reach (pytest's own tmp folders are the owner's only)."""
    folder = Path(tempfile.mkdtemp(prefix="handbok-delad-"))
    folder.chmod(0o755)
    yield folder
    shutil.rmtree(folder, ignore_errors=True)


@pytest.mark.slow
def test_a_site_built_under_umask_022_is_served_to_another_user(shared_folder: Path) -> None:
    project = project_copy(shared_folder / "project")
    result = run("build", "--zip", "handbok.zip", cwd=project, umask=0o022)
    assert result.returncode == 0, result.stderr
    site = project / "site"
    for path in [site, *site.rglob("*"), project / "handbok.zip"]:
        mode = stat.S_IMODE(path.lstat().st_mode)
        assert mode == (0o755 if path.is_dir() else 0o644), f"{path}: {oct(mode)}"
    cache_entries = list((project / ".cache" / "samverkanshandbok").iterdir())
    assert cache_entries and all(stat.S_IMODE(p.stat().st_mode) == 0o644 for p in cache_entries)
    if os.geteuid() != 0 or not shutil.which("runuser"):
        pytest.skip("serving as another user needs root and runuser")
    for path in [project, *project.rglob("*")]:
        if path.is_dir() and path != site and site not in path.parents:
            path.chmod(0o755)
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = subprocess.Popen(
        ["runuser", "-u", "nobody", "--", "/usr/bin/python3", "-m", "http.server", str(port), "--bind", "127.0.0.1"],
        cwd=site,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        pdf = next(p for p in site.rglob("*.pdf")).relative_to(site).as_posix()
        for page in ("index.html", pdf):
            assert _status(f"http://127.0.0.1:{port}/{page}") == 200, page
    finally:
        server.terminate()
        server.wait(timeout=10)


def _status(url: str) -> int:
    for _ in range(50):
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                return int(response.status)
        except urllib.error.HTTPError as error:
            return error.code
        except OSError:
            time.sleep(0.2)
    return 0


# --- a checked cache ------------------------------------------------------------------------------


def _replace(entry: Path, other: Path) -> None:
    entry.write_bytes(b"%PDF-1.7 en annan fil")


def _swap(entry: Path, other: Path) -> None:
    entry.write_bytes(other.read_bytes())  # another entry of the cache, whole and sealed


def _symlink(entry: Path, other: Path) -> None:
    entry.unlink()
    entry.symlink_to("/etc/hostname")


def _fifo(entry: Path, other: Path) -> None:
    entry.unlink()
    os.mkfifo(entry)


@pytest.mark.slow
def test_a_poisoned_cache_entry_is_never_published(project: Path) -> None:
    cache = project / ".cache" / "samverkanshandbok"
    assert run("build", "--site", "anew", "--utan-cache", cwd=project).returncode == 0
    anew = site_files(project / "anew")
    assert run("build", cwd=project).returncode == 0
    pdfs = sorted(cache.glob("*.pdf"))
    pngs = sorted(cache.glob("*.png"))
    assert pdfs and pngs
    for poison in (_replace, _swap, _symlink, _fifo):
        poison(pdfs[0], pngs[0])
        process = generator("build", cwd=project)
        _out, err = process.communicate(timeout=300)  # a FIFO must not hang the build
        assert process.returncode == 0, err
        assert site_files(project / "site") == anew, poison.__name__
        assert pdfs[0].is_file() and not pdfs[0].is_symlink(), "the entry is made anew"


# --- a history that only grows ----------------------------------------------------------------


def git(project: Path, *args: str) -> str:
    environment = {
        **os.environ,
        "GIT_AUTHOR_NAME": "Test",
        "GIT_AUTHOR_EMAIL": "test@example.org",
        "GIT_COMMITTER_NAME": "Test",
        "GIT_COMMITTER_EMAIL": "test@example.org",
    }
    result = subprocess.run(
        ["git", *args],
        cwd=project,
        env=environment,
        capture_output=True,
        text=True,
        check=True,
    )
    return result.stdout


@pytest.fixture
def repository(project: Path) -> Path:
    """The project as a git repository whose committed history has every SEQUENCE at 3 (as if
    published three times: the data's own events are recorded by the next build)."""
    record = {"sekvens": 3, "andrad": "2026-01-01T00:03:00Z", "innehall": "publicerad"}
    events = {f"exempel.mote.{number}@samverkanshandbok": record for number in range(3)}
    history = {"format": 1, "om": "", "handelser": events}
    (project / HISTORY).write_text(json.dumps(history, indent=1), encoding="utf-8")
    git(project, "init", "-q", "-b", "main")
    git(project, "add", "data", "docs", "mkdocs.yml")
    git(project, "commit", "-q", "-m", "första")
    return project


def _lower(project: Path) -> None:
    history = json.loads((project / HISTORY).read_text(encoding="utf-8"))
    next(iter(history["handelser"].values()))["sekvens"] = 2
    (project / HISTORY).write_text(json.dumps(history), encoding="utf-8")


def _drop(project: Path) -> None:
    history = json.loads((project / HISTORY).read_text(encoding="utf-8"))
    history["handelser"].pop(next(iter(history["handelser"])))
    (project / HISTORY).write_text(json.dumps(history), encoding="utf-8")


def _empty(project: Path) -> None:
    (project / HISTORY).write_text('{"format": 1, "handelser": {}}', encoding="utf-8")


def _delete(project: Path) -> None:
    (project / HISTORY).unlink()


LOSSES = [
    ("lowered", _lower, "har lägre sekvens än i den incheckade versionen"),
    ("dropped", _drop, "en händelse som finns i den incheckade versionen saknas"),
    ("emptied", _empty, "händelser som finns i den incheckade versionen saknas"),
    ("deleted", _delete, "kalenderhistoriken saknas, men den är incheckad i git"),
]


@pytest.mark.parametrize(("lose", "message"), [r[1:] for r in LOSSES], ids=[r[0] for r in LOSSES])
def test_a_history_that_lost_what_git_has_is_refused(repository: Path, lose: object, message: str) -> None:
    assert run("check", cwd=repository).returncode == 0
    lose(repository)  # type: ignore[operator]
    for command in (["check"], ["build", "--utan-cache"]):
        result = run(*command, cwd=repository)
        assert result.returncode == 1, result.stderr
        assert f"{HISTORY}: kalenderhistoriken" in result.stderr and message in result.stderr
        assert f"git checkout -- {HISTORY}" in result.stderr
    assert not (repository / "site").exists()
    git(repository, "checkout", "--", HISTORY)
    assert run("check", cwd=repository).returncode == 0


def test_a_history_deleted_in_a_commit_is_an_error_not_a_fresh_start(repository: Path) -> None:
    git(repository, "rm", "-q", HISTORY)
    git(repository, "commit", "-q", "-m", "bort")
    result = run("check", cwd=repository)
    assert result.returncode == 1
    assert "kalenderhistoriken saknas, men git har haft den (borttagen i " in result.stderr
    commit = git(repository, "log", "-1", "--format=%h").strip()
    assert f"git checkout {commit}~1 -- {HISTORY}" in result.stderr


def test_a_history_that_grew_passes(repository: Path) -> None:
    history = json.loads((repository / HISTORY).read_text(encoding="utf-8"))
    next(iter(history["handelser"].values()))["sekvens"] = 4
    history["handelser"]["ny@samverkanshandbok"] = {"sekvens": 0, "andrad": "2026-01-01T00:00:00Z", "innehall": "x"}
    (repository / HISTORY).write_text(json.dumps(history), encoding="utf-8")
    assert run("check", cwd=repository).returncode == 0


# --- diff between revisions ---------------------------------------------------------------------


@pytest.fixture
def two_versions(project: Path) -> Path:
    git(project, "init", "-q", "-b", "main")
    git(project, "add", "data")
    git(project, "commit", "-q", "-m", "första")
    info = project / "data" / "exempel" / "samverkan.yaml"
    text = info.read_text(encoding="utf-8")
    name = next(line for line in text.splitlines() if line.startswith("namn: "))
    info.write_text(text.replace(name, name + " (ändrad)", 1), encoding="utf-8")
    git(project, "commit", "-q", "-am", "andra")
    return project


def test_diff_answers_the_same_for_relative_and_absolute_data(two_versions: Path) -> None:
    relative = run("diff", "HEAD~1", "HEAD", cwd=two_versions)
    absolute = run("diff", "HEAD~1", "HEAD", "--data", str(two_versions / "data"), cwd=two_versions)
    assert relative.returncode == absolute.returncode == 0, relative.stderr + absolute.stderr
    assert relative.stdout == absolute.stdout
    assert "(ändrad)" in relative.stdout


def test_diff_names_the_revision_of_a_broken_file(two_versions: Path) -> None:
    roles = two_versions / "data" / "exempel" / "roller.yaml"
    roles.write_text("roller: [\n", encoding="utf-8")
    git(two_versions, "commit", "-q", "-am", "trasig")
    result = run("diff", "HEAD~1", "HEAD", cwd=two_versions)
    assert result.returncode == 1
    assert "HEAD:data/exempel/roller.yaml:" in result.stderr, result.stderr
    assert tempfile.gettempdir() not in result.stderr and "handbok-version-" not in result.stderr


def test_diff_refuses_a_revision_with_a_link_out_of_the_data(two_versions: Path) -> None:
    roles = two_versions / "data" / "exempel" / "roller.yaml"
    roles.unlink()
    roles.symlink_to("/etc/passwd")
    git(two_versions, "commit", "-q", "-am", "länk")
    result = run("diff", "HEAD~1", "HEAD", cwd=two_versions)
    assert result.returncode == 1
    assert result.stderr.startswith("HEAD: data kan inte packas upp ('data/exempel/roller.yaml' är en länk"), (
        result.stderr
    )
    assert "Traceback" not in result.stderr and "oväntat fel" not in result.stderr


# --- temporary folders on SIGINT and SIGTERM ----------------------------------------------------


@pytest.mark.slow
@pytest.mark.parametrize("stop", [signal.SIGTERM, signal.SIGINT])
def test_serve_removes_its_temporary_folders_when_stopped(project: Path, tmp_path: Path, stop: signal.Signals) -> None:
    scratch = tmp_path / "tmp"
    scratch.mkdir()
    log = tmp_path / "serve.log"
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        address = f"127.0.0.1:{probe.getsockname()[1]}"
    with log.open("w") as output:
        server = subprocess.Popen(
            [sys.executable, "-m", "generator", "serve", "--dev-addr", address],
            cwd=project,
            env={**os.environ, "PYTHONPATH": str(ROOT), "TMPDIR": str(scratch)},
            stdout=output,
            stderr=subprocess.STDOUT,
        )
        try:
            for _ in range(600):
                if "Serving on" in log.read_text(encoding="utf-8"):
                    break
                time.sleep(0.2)
            assert any(scratch.iterdir()), "the preview keeps its sources and site in temporary folders"
            server.send_signal(stop)
            server.wait(timeout=60)
        finally:
            if server.poll() is None:
                server.kill()
    assert not list(scratch.iterdir()), log.read_text(encoding="utf-8")[-2000:]


@pytest.mark.slow
def test_an_old_site_a_crash_left_aside_is_put_back_not_removed(project: Path) -> None:
    assert run("build", cwd=project).returncode == 0
    before = site_files(project / "site")
    (project / "site").rename(project / ".site-gammal-krasch")  # a crash between the swap's two renames
    (project / "docs" / "trasig.md").write_bytes(b"\xff")  # and the next build fails
    result = run("build", cwd=project)
    assert result.returncode == 1 and "docs/trasig.md:1:1: sidan är inte sparad som UTF-8" in result.stderr
    assert site_files(project / "site") == before
    assert not list(project.glob(".site-*"))
