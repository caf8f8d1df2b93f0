"""`python -m generator check|build|build-zensical|generate|schema`: the commands an editor runs.

Every failure an editor can cause ends in a plain Swedish message on stderr and
exit code 1, never a traceback.
"""

from __future__ import annotations

import argparse
import datetime
import os
import re
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import NoReturn

from .annotations import step_summary, workflow_commands
from .binaries import with_binaries
from .cache import DEFAULT_FOLDER, Cache
from .drafting import draft_schedule
from .errors import DataErrors
from .model import Handbook, with_address
from .model.address import normalise_address
from .model.base import YEARS
from .model.history import HISTORY_FILE, Revision, changed, history_text
from .pdf import PdfUnavailable
from .render.changes import handbook_changes, report_text
from .render.site import calendar_history, check_outputs, render_site
from .revisions import VersionNotFound, data_folder
from .scaffold import name_problem, scaffold
from .validate import RESERVED_FOLDERS, SCHEMA_FILES, read_cooperation, read_handbook
from .validate.schema import schema_files
from .validate.types import ID_PATTERN
from .validate.versions import version_folder
from .validate.warnings import collect_warnings
from .write import OutputRefused, staging, write_file, write_tree, zip_tree

DEFAULT_DATA = Path("data")
DEFAULT_CONFIG = Path("mkdocs.yml")


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        return int(args.command(args))
    except DataErrors as errors:
        print(errors.report(), file=sys.stderr)
        return 1
    except OutputRefused as refusal:  # a target folder the generator must not or cannot write
        print(f"{refusal}\nInget skrevs.", file=sys.stderr)
        return 1
    except PdfUnavailable as missing:  # the machine lacks what the PDF needs: say what, not a traceback
        print(f"{missing}\nInget skrevs.", file=sys.stderr)
        return 1
    except Exception as err:  # a bug in the generator, not in the data: say so plainly
        if os.environ.get("HANDBOK_DEBUG"):
            raise
        print(f"Ett oväntat fel i generatorn (inte i dina data): {err!r}", file=sys.stderr)
        print("Kör igen med HANDBOK_DEBUG=1 för detaljer och rapportera felet.", file=sys.stderr)
        return 2


def _read(args: argparse.Namespace) -> Handbook:
    handbook = read_handbook(args.data)
    return with_address(handbook, args.address) if getattr(args, "address", None) else handbook


def _check(args: argparse.Namespace) -> int:
    if args.format == "github":
        return _check_for_github(args.data)
    handbook, changed = _checked(args.data)
    names = ", ".join(c.info.short_name for c in handbook.cooperations)
    print(f"Inga fel i {args.data}: {len(handbook.cooperations)} samverkan ({names}).")
    if changed:
        print(
            f"{changed} kalenderhändelser är nya eller ändrade sedan förra bygget: `make site` skriver "
            f"{args.data / HISTORY_FILE}, som ska checkas in tillsammans med ändringen."
        )
    _print_warnings(handbook)
    return 0


def _checked(data: Path) -> tuple[Handbook, int]:
    """The data read and checked as a build would check it, and how many calendar events are new
    or changed: two events with one UID and two outputs with one path are errors here too."""
    handbook = read_handbook(data)
    count = changed(handbook.history, calendar_history(handbook))
    check_outputs(handbook)
    return handbook, count


def _print_warnings(handbook: Handbook) -> None:
    # The clock is read here, at the edge, only to warn; no output file depends on it.
    for warning in collect_warnings(handbook, datetime.date.today()):
        print(warning, file=sys.stderr)


def _check_for_github(data: Path) -> int:
    """Every error and warning as a workflow command on stdout, for annotations on a pull request,
    and all of them in the step's summary (GitHub shows only the first annotations of each kind)."""
    try:
        found, failed = collect_warnings(_checked(data)[0], datetime.date.today()), False
    except DataErrors as errors:
        found, failed = errors.errors, True
    for line in workflow_commands(found):
        print(line)
    if summary := os.environ.get("GITHUB_STEP_SUMMARY"):
        write_file(Path(summary), step_summary(found))
    if failed:
        print(f"{len(found)} fel i datafilerna.", file=sys.stderr)
    return 1 if failed else 0


def _new_year(args: argparse.Namespace) -> int:
    handbook = read_handbook(args.data)
    chosen = [c for c in handbook.cooperations if args.cooperation in (None, c.id)]
    if not chosen:
        known = ", ".join(c.id for c in handbook.cooperations)
        print(f"Det finns ingen samverkan med id '{args.cooperation}'; välj en av: {known}", file=sys.stderr)
        return 1
    targets = {c.id: args.data / c.id / f"motesplan-{args.year}.yaml" for c in chosen}
    existing = [str(p) for p in targets.values() if p.exists()]
    if existing and not args.force:
        print(f"Finns redan: {', '.join(existing)}. Lägg till --force för att skriva över.", file=sys.stderr)
        return 1
    for c in chosen:
        write_file(targets[c.id], draft_schedule(c, args.year))
        print(f"Skrev förslag till mötesplan: {targets[c.id]}")
    _print_warnings(read_handbook(args.data))  # the draft must load like any other file
    return 0


def _new_cooperation(args: argparse.Namespace) -> int:
    folder = args.data / args.id
    problem = name_problem(args.name)
    if not re.fullmatch(ID_PATTERN, args.id):
        problem = f"ogiltigt id '{args.id}': använd små bokstäver a–z, siffror och bindestreck (id blir mappens namn)"
    elif args.id in RESERVED_FOLDERS:
        problem = f"id '{args.id}' används redan av handbokens egna sidor; välj ett annat (ingenting skrevs)"
    elif folder.exists():
        problem = f"{folder} finns redan; välj ett annat id (ingenting skrevs)"
    elif not args.data.is_dir():
        problem = f"datamappen {args.data} finns inte"
    if problem:
        print(problem, file=sys.stderr)
        return 1
    write_tree(scaffold(args.name, datetime.date.today()), folder, marker=False)  # the editor's data, not output
    print(f"Skapade {folder}/ med exempel i varje fil. Byt ut exemplen och kör make check.")
    _print_warnings(read_handbook(args.data))  # the new folder must load like any other
    return 0


def _generate(args: argparse.Namespace) -> int:
    handbook = _read(args)
    cache = _cache(args)
    site = with_binaries(render_site(handbook), handbook, cache)
    write_tree(site.files, args.out, protected=[args.data])
    print(f"Skrev {len(site.files)} filer (Markdown, kalendrar, bilder, PDF) till {args.out}/.")
    _keep(args, handbook, cache, site.history)
    return 0


def _diff(args: argparse.Namespace) -> int:
    """What changed between two versions of the data, per cooperation, in Swedish: two data
    folders, two git revisions, or two folders of one cooperation (e.g. a kept version)."""
    try:
        with data_folder(args.old, args.data) as old_folder, data_folder(args.new, args.data) as new_folder:
            if _is_cooperation(old_folder) and _is_cooperation(new_folder):
                report = report_text(read_cooperation(old_folder), read_cooperation(new_folder))
            else:
                report = handbook_changes(read_handbook(old_folder), read_handbook(new_folder))
    except VersionNotFound as missing:
        print(missing, file=sys.stderr)
        return 1
    except DataErrors as errors:  # e.g. an old version written before a key became required
        print("\n".join(str(e) for e in errors.errors), file=sys.stderr)
        print(f"Versionerna kunde inte jämföras: {len(errors.errors)} fel i uppgifterna.", file=sys.stderr)
        return 1
    print(report, end="")
    return 0


def _is_cooperation(folder: Path) -> bool:
    return (folder / "samverkan.yaml").is_file()


def _save_version(args: argparse.Namespace) -> int:
    """Keep a copy of each cooperation's data as published, for the next version to compare with."""
    handbook = read_handbook(args.data)  # only valid data is worth keeping
    for c in handbook.cooperations:
        if args.cooperation not in (None, c.id):
            continue
        folder = args.data / c.id
        target = version_folder(folder, c)
        if target.exists():
            print(f"{target}/ finns redan; versionen {c.info.version_date.isoformat()} är redan sparad.")
            continue
        for path in sorted(folder.glob("*.yaml")):
            write_file(target / path.name, path.read_text(encoding="utf-8"))
        print(f"Sparade {c.info.short_name} version {c.info.version_date.isoformat()} i {target}/.")
        if not any(v.date == c.info.version_date for v in c.info.versions):
            print(f"Lägg till den under 'versioner' i {folder / 'samverkan.yaml'}: - datum: {c.info.version_date}")
    return 0


def _schema(args: argparse.Namespace) -> int:
    write_tree(schema_files(SCHEMA_FILES), args.out, protected=[DEFAULT_DATA])
    print(f"Skrev JSON-scheman till {args.out}/.")
    return 0


def _build(args: argparse.Namespace) -> int:
    from . import mkdocs_build  # MkDocs is only needed for this command

    handbook = _read(args)  # report data errors plainly before MkDocs starts
    cache = _cache(args)
    try:
        with staging(args.site, protected=[args.data, args.config, args.config.parent / "docs"]) as stage:
            rendered = mkdocs_build.build(args.config, stage, handbook, cache)
            if args.zip:  # packed before the swap: a zip that cannot be written leaves the site as it was
                zip_tree(stage, args.zip, handbook.version_date, name=args.site.resolve().name)
    except mkdocs_build.BuildFailed as failure:
        print(f"{failure}\nHandboken byggdes inte; {args.site}/ är oförändrad.", file=sys.stderr)
        return 1
    print(f"Handboken är byggd i {args.site}/.")
    _keep(args, handbook, cache, rendered.history)
    _print_warnings(handbook)
    if args.zip:
        print(f"Packad som {args.zip}.")
    return 0


def _build_zensical(args: argparse.Namespace) -> int:
    from . import zensical_build  # Zensical is only needed for this command

    handbook = _read(args)
    cache = _cache(args)
    try:
        rendered = zensical_build.build(args.config, args.out, handbook, cache)
    except zensical_build.BuildFailed as failure:
        print(f"{failure}\nHandboken byggdes inte med Zensical; {args.out}/ är oförändrad.", file=sys.stderr)
        return 1
    print(f"Handboken är byggd med Zensical i {args.out / zensical_build.SITE}/ (projektet i {args.out}/).")
    _keep(args, handbook, cache, rendered.history)
    _print_warnings(handbook)
    return 0


def _cache(args: argparse.Namespace) -> Cache | None:
    protected = [args.data, getattr(args, "config", DEFAULT_CONFIG).parent / "docs"]
    return None if args.cache is None else Cache(args.cache, protected)


def _keep(args: argparse.Namespace, handbook: Handbook, cache: Cache | None, history: dict[str, Revision]) -> None:
    """After a build that succeeded: keep the PDF and PNG files it made, and what the calendars
    now say (so that the next build knows which events changed)."""
    if cache is not None:
        cache.save()
    if history != handbook.history:
        path = args.data / HISTORY_FILE
        write_file(path, history_text(history))
        count = changed(handbook.history, history)
        print(f"Kalenderhistoriken har {count} nya eller ändrade händelser: checka in {path}.")


class _Parser(argparse.ArgumentParser):
    """argparse with its messages in Swedish and exit code 1, like every other refusal."""

    def error(self, message: str) -> NoReturn:
        for english, swedish in _ARGPARSE_MESSAGES:
            message = re.sub(english, swedish, message)
        sys.stderr.write(self.format_usage().replace("usage:", "användning:", 1))
        self.exit(1, f"{self.prog}: fel: {message}\n")


_ARGPARSE_MESSAGES = (
    (r"^the following arguments are required:", "det här måste anges:"),
    (r"^unrecognized arguments:", "okända argument:"),
    (r"invalid choice: (.*) \(choose from (.*)\)", r"okänt kommando \1; välj ett av \2"),
    (r"expected one argument", "väntade ett värde"),
    (r"invalid (\w+) value:", "ogiltigt värde:"),
    (r"^argument ", "argumentet "),
)


def _year(text: str) -> int:
    low, high = YEARS
    if not (text.isascii() and text.isdigit() and low <= int(text) <= high):
        raise argparse.ArgumentTypeError(
            f"året ska vara ett årtal från {low} till {high}, t.ex. 2028, inte '{text[:20]}'"
        )
    return int(text)


def _address(text: str) -> str:
    try:
        return normalise_address(text)
    except ValueError as err:
        raise argparse.ArgumentTypeError(str(err)) from None


def _serve(args: argparse.Namespace) -> int:
    """`mkdocs serve`, without Material's English end-of-life notice; data errors show in the browser."""
    os.environ["NO_MKDOCS_2_WARNING"] = "1"  # read when Material's templates are imported
    from mkdocs.__main__ import cli as mkdocs_cli

    try:
        # --dirty: a change rebuilds the pages it changed, not all of them (see mkdocs_plugin.py).
        command = ["serve", "--dirty", "--config-file", str(args.config), "--dev-addr", args.dev_addr]
        mkdocs_cli.main(command, prog_name="mkdocs")
    except SystemExit as done:
        return int(done.code or 0) if isinstance(done.code, int | None) else 1
    return 0


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="python -m generator", description="Bygger samverkanshandboken från data/.")
    sub = parser.add_subparsers(required=True, metavar="kommando")

    check = sub.add_parser("check", help="kontrollera datafilerna och visa alla fel")
    check.add_argument(
        "--format", choices=["text", "github"], default="text", help="github: som anteckningar i GitHub Actions"
    )
    check.set_defaults(command=_check)

    build = sub.add_parser("build", help="bygg hela webbplatsen (strikt) till en mapp")
    build.add_argument("--site", type=Path, default=Path("site"), help="målmapp (standard: site)")
    build.add_argument("--config", type=Path, default=DEFAULT_CONFIG, help="MkDocs-konfiguration")
    build.add_argument("--zip", type=Path, help="packa också webbplatsen i den här zip-filen")
    build.set_defaults(command=_build)

    generate = sub.add_parser("generate", help="skriv de genererade Markdown-sidorna till en mapp, för annan motor")
    generate.add_argument("--out", type=Path, required=True, help="målmapp")
    generate.set_defaults(command=_generate)

    zensical = sub.add_parser("build-zensical", help="bygg webbplatsen med Zensical i stället för MkDocs")
    zensical.add_argument(
        "--out", type=Path, default=Path("build/zensical"), help="projektmapp (standard: build/zensical)"
    )
    zensical.add_argument("--config", type=Path, default=DEFAULT_CONFIG, help="MkDocs-konfiguration att utgå från")
    zensical.set_defaults(command=_build_zensical)

    new_year = sub.add_parser("new-year", help="skriv ett förslag till mötesplan för ett år utifrån reglerna")
    new_year.add_argument("year", type=_year, metavar="ÅR", help="året, t.ex. 2028")
    new_year.add_argument("--cooperation", metavar="ID", help="bara den här samverkan, t.ex. sml")
    new_year.add_argument("--force", action="store_true", help="skriv över en befintlig mötesplan")
    new_year.set_defaults(command=_new_year)

    serve = sub.add_parser("serve", help="förhandsvisning som laddas om när data/ eller docs/ ändras")
    serve.add_argument("--config", type=Path, default=DEFAULT_CONFIG, help="MkDocs-konfiguration")
    serve.add_argument("--dev-addr", default="127.0.0.1:8000", help="adress och port (standard: 127.0.0.1:8000)")
    serve.set_defaults(command=_serve)

    cooperation = sub.add_parser("new-cooperation", help="skapa mappen för en ny samverkan, med exempel i varje fil")
    cooperation.add_argument("id", metavar="ID", help="kort id och mappnamn, t.ex. vastra")
    cooperation.add_argument("name", metavar="NAMN", help="samverkans namn, t.ex. 'Västra samverkan'")
    cooperation.set_defaults(command=_new_cooperation)

    diff = sub.add_parser("diff", help="visa vad som har ändrats mellan två versioner av uppgifterna")
    diff.add_argument("old", metavar="FÖRE", help="datamapp, en samverkans mapp eller version i git (t.ex. main~1)")
    diff.add_argument("new", metavar="EFTER", help="datamapp, en samverkans mapp eller version i git (t.ex. HEAD)")
    diff.set_defaults(command=_diff)

    save = sub.add_parser("save-version", help="spara uppgifterna som de är publicerade, att jämföra nästa version med")
    save.add_argument("--cooperation", metavar="ID", help="bara den här samverkan, t.ex. sml")
    save.set_defaults(command=_save_version)

    schema = sub.add_parser("schema", help="skriv JSON-scheman för datafilerna")
    schema.add_argument("--out", type=Path, default=DEFAULT_DATA / "_schema", help="målmapp")
    schema.set_defaults(command=_schema)

    for command in (check, build, generate, zensical, new_year, cooperation, diff, save):
        command.add_argument("--data", type=Path, default=DEFAULT_DATA, help="datamapp (standard: data)")
    for command in (build, generate, zensical):
        command.add_argument(
            "--adress", dest="address", type=_address, help="publiceringsadress i stället för den i handbok.yaml"
        )
        command.add_argument(
            "--cache",
            type=Path,
            default=DEFAULT_FOLDER,
            help=f"mapp där PDF och PNG sparas till nästa bygge (standard: {DEFAULT_FOLDER})",
        )
        command.add_argument("--utan-cache", dest="cache", action="store_const", const=None, help="gör allt på nytt")
    return parser
