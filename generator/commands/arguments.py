"""The command line's parser in Swedish (argparse's own words and messages translated, exit code 1
like every other refusal) and the argument types that check a value before any command runs."""

from __future__ import annotations

import argparse
import re
import sys
from typing import NoReturn

from ..model.address import normalise_address
from ..model.base import YEARS


class SwedishParser(argparse.ArgumentParser):
    """argparse with its messages in Swedish and exit code 1, like every other refusal."""

    def format_help(self) -> str:
        text = super().format_help()
        for english, swedish in _ARGPARSE_HELP:
            text = text.replace(english, swedish, 1)
        return text

    def error(self, message: str) -> NoReturn:
        for english, swedish in _ARGPARSE_MESSAGES:
            message = re.sub(english, swedish, message)
        sys.stderr.write(self.format_usage().replace("usage:", "användning:", 1))
        self.exit(1, f"{self.prog}: fel: {message}\n")


# argparse's own words in `--help` (Python 3.10 and later), each once, in this order.
_ARGPARSE_HELP = (
    ("usage:", "användning:"),
    ("\npositional arguments:\n", "\nargument:\n"),
    ("\noptions:\n", "\nflaggor:\n"),
    ("show this help message and exit", "visa den här hjälpen och avsluta"),
)

_ARGPARSE_MESSAGES = (
    (r"^the following arguments are required:", "det här måste anges:"),
    (r"^unrecognized arguments:", "okända argument:"),
    (r"invalid choice: (.*) \(choose from (.*)\)", r"okänt kommando \1; välj ett av \2"),
    (r"expected one argument", "väntade ett värde"),
    (r"invalid (\w+) value:", "ogiltigt värde:"),
    (r"^argument ", "argumentet "),
)


def year(text: str) -> int:
    low, high = YEARS
    if not (text.isascii() and text.isdigit() and low <= int(text) <= high):
        raise argparse.ArgumentTypeError(
            f"året ska vara ett årtal från {low} till {high}, t.ex. 2028, inte '{text[:20]}'"
        )
    return int(text)


def address(text: str) -> str:
    try:
        return normalise_address(text)
    except ValueError as err:
        raise argparse.ArgumentTypeError(str(err)) from None
