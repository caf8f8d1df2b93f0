"""`python -m generator COMMAND`: the command line. It parses the arguments and hands them to the
command's module in commands/, imported only when asked for.

Every failure an editor can cause ends in a plain Swedish message on stderr and
exit code 1, never a traceback.
"""

from __future__ import annotations

import argparse
import importlib
import io
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from .commands.arguments import SwedishParser, address, year
from .commands.common import DEFAULT_CONFIG, DEFAULT_DATA
from .engines.cache import DEFAULT_FOLDER
from .engines.unavailable import PdfUnavailable
from .errors import DataErrors
from .targets import stop_on_signals
from .write import OutputRefused


def main(argv: Sequence[str] | None = None) -> int:
    stop_on_signals()
    _utf8_output()
    args = _parser().parse_args(argv)
    try:
        command = importlib.import_module(f"generator.commands.{args.command}")
        return int(command.run(args))
    except DataErrors as errors:
        print(errors.report(args.command), file=sys.stderr)
        return 1
    except OutputRefused as refusal:  # a target folder the generator must not or cannot write
        print(f"{refusal}\nInget skrevs.", file=sys.stderr)
        return 1
    except PdfUnavailable as missing:  # the machine lacks what the PDF needs: say what, not a traceback
        print(f"{missing}\nInget skrevs.", file=sys.stderr)
        return 1
    except KeyboardInterrupt:  # Ctrl-C or SIGTERM: the staging and scratch folders are gone by now
        print("Avbrutet; inget halvfärdigt skrevs.", file=sys.stderr)
        return 1
    except Exception as err:  # a bug in the generator, not in the data: say so plainly
        if os.environ.get("HANDBOK_DEBUG"):
            raise
        print(f"Ett oväntat fel i generatorn (inte i dina data): {repr(err)[:300]}", file=sys.stderr)
        print("Kör igen med HANDBOK_DEBUG=1 för detaljer och rapportera felet.", file=sys.stderr)
        return 2


def _utf8_output() -> None:
    """Swedish text on stdout and stderr also where the locale is C without UTF-8."""
    for stream in (sys.stdout, sys.stderr):
        encoding = (getattr(stream, "encoding", None) or "").lower().replace("-", "")
        if encoding != "utf8" and isinstance(stream, io.TextIOWrapper):
            stream.reconfigure(encoding="utf-8", errors="replace")


def _parser() -> argparse.ArgumentParser:
    # The name the editor typed: the installed command, or the module in this repository.
    prog = "samverkanshandbok" if Path(sys.argv[0]).name == "samverkanshandbok" else "python -m generator"
    parser = SwedishParser(prog=prog, description="Bygger samverkanshandboken från data/.")
    sub = parser.add_subparsers(required=True, metavar="kommando")

    check = sub.add_parser("check", help="kontrollera datafilerna och visa alla fel")
    check.add_argument(
        "--format", choices=["text", "github"], default="text", help="github: som anteckningar i GitHub Actions"
    )
    check.set_defaults(command="check")

    build = sub.add_parser("build", help="bygg hela webbplatsen (strikt) till en mapp")
    build.add_argument("--site", type=Path, metavar="MAPP", default=Path("site"), help="målmapp (standard: site)")
    build.add_argument("--config", type=Path, metavar="FIL", default=DEFAULT_CONFIG, help="MkDocs-konfiguration")
    build.add_argument("--zip", type=Path, metavar="FIL", help="packa också webbplatsen i den här zip-filen")
    build.set_defaults(command="build")

    generate = sub.add_parser("generate", help="skriv de genererade Markdown-sidorna till en mapp, för annan motor")
    generate.add_argument("--out", type=Path, metavar="MAPP", required=True, help="målmapp")
    generate.set_defaults(command="generate")

    zensical = sub.add_parser("build-zensical", help="bygg webbplatsen med Zensical i stället för MkDocs")
    zensical.add_argument(
        "--out",
        type=Path,
        metavar="MAPP",
        default=Path("build/zensical"),
        help="projektmapp (standard: build/zensical)",
    )
    zensical.add_argument(
        "--config", type=Path, metavar="FIL", default=DEFAULT_CONFIG, help="MkDocs-konfiguration att utgå från"
    )
    zensical.set_defaults(command="build_zensical")

    new_year = sub.add_parser("new-year", help="skriv ett förslag till mötesplan för ett år utifrån reglerna")
    new_year.add_argument("year", type=year, metavar="ÅR", help="året, t.ex. 2028")
    new_year.add_argument("--cooperation", metavar="ID", help="bara den här samverkan, t.ex. sml")
    new_year.add_argument("--force", action="store_true", help="skriv över en befintlig mötesplan")
    new_year.set_defaults(command="new_year")

    serve = sub.add_parser("serve", help="förhandsvisning som laddas om när data/ eller docs/ ändras")
    serve.add_argument("--config", type=Path, metavar="FIL", default=DEFAULT_CONFIG, help="MkDocs-konfiguration")
    serve.add_argument(
        "--dev-addr", metavar="ADRESS", default="127.0.0.1:8000", help="adress och port (standard: 127.0.0.1:8000)"
    )
    serve.set_defaults(command="serve")

    cooperation = sub.add_parser("new-cooperation", help="skapa mappen för en ny samverkan, med exempel i varje fil")
    cooperation.add_argument("id", metavar="ID", help="kort id och mappnamn, t.ex. vastra")
    cooperation.add_argument("name", metavar="NAMN", help="samverkans namn, t.ex. 'Västra samverkan'")
    cooperation.set_defaults(command="new_cooperation")

    diff = sub.add_parser("diff", help="visa vad som har ändrats mellan två versioner av uppgifterna")
    diff.add_argument("old", metavar="FÖRE", help="datamapp, en samverkans mapp eller version i git (t.ex. main~1)")
    diff.add_argument("new", metavar="EFTER", help="datamapp, en samverkans mapp eller version i git (t.ex. HEAD)")
    diff.set_defaults(command="diff")

    save = sub.add_parser("save-version", help="spara uppgifterna som de är publicerade, att jämföra nästa version med")
    save.add_argument("--cooperation", metavar="ID", help="bara den här samverkan, t.ex. sml")
    save.set_defaults(command="save_version")

    schema = sub.add_parser("schema", help="skriv JSON-scheman för datafilerna")
    schema.add_argument("--out", type=Path, metavar="MAPP", default=DEFAULT_DATA / "_schema", help="målmapp")
    schema.set_defaults(command="schema")

    init = sub.add_parser("init", help="skapa ett nytt handboksprojekt (data, inställningar, arbetsflöden)")
    init.add_argument("folder", type=Path, metavar="MAPP", help="projektets mapp, t.ex. min-handbok")
    init.set_defaults(command="init")

    for command in (check, build, generate, zensical, new_year, cooperation, diff, save):
        command.add_argument(
            "--data", type=Path, metavar="MAPP", default=DEFAULT_DATA, help="datamapp (standard: data)"
        )
    for command in (build, generate, zensical):
        command.add_argument(
            "--adress",
            dest="address",
            type=address,
            metavar="ADRESS",
            help="publiceringsadress i stället för den i handbok.yaml",
        )
        command.add_argument(
            "--cache",
            type=Path,
            metavar="MAPP",
            default=DEFAULT_FOLDER,
            help=f"mapp där PDF och PNG sparas till nästa bygge (standard: {DEFAULT_FOLDER})",
        )
        command.add_argument("--utan-cache", dest="cache", action="store_const", const=None, help="gör allt på nytt")
    return parser
