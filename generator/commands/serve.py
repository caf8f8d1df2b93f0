"""`serve`: `mkdocs serve`, without Material's English end-of-life notice; data errors show in the browser."""

from __future__ import annotations

import argparse
import errno
import os
import socket
import sys
from pathlib import Path


def run(args: argparse.Namespace) -> int:
    problem = _config_problem(args.config) or _address_problem(args.dev_addr)
    if problem:  # before the first build: a busy port is said at once, in Swedish
        print(problem, file=sys.stderr)
        return 1
    os.environ["NO_MKDOCS_2_WARNING"] = "1"  # read when Material's templates are imported
    from mkdocs.__main__ import cli as mkdocs_cli

    try:
        # --dirty: a change rebuilds the pages it changed, not all of them (see adapters/mkdocs_plugin.py).
        command = ["serve", "--dirty", "--config-file", str(args.config), "--dev-addr", args.dev_addr]
        mkdocs_cli.main(command, prog_name="mkdocs")
    except SystemExit as done:
        return int(done.code or 0) if isinstance(done.code, int | None) else 1
    except OSError as err:  # the port was taken while the site was built
        print(_port_message(args.dev_addr, err), file=sys.stderr)
        return 1
    return 0


def _config_problem(config: Path) -> str | None:
    """A missing configuration is said in Swedish before MkDocs answers in English."""
    if config.is_file():
        return None
    return f"{config}: MkDocs-konfigurationen finns inte; ange den med --config, t.ex. mkdocs.yml"


def _address_problem(address: str) -> str | None:
    """Why the preview cannot listen on `address` (host:port), or None."""
    host, _, port = address.rpartition(":")
    if not (host and port.isascii() and port.isdigit() and 0 < int(port) < 65536):
        return f"--dev-addr '{address[:60]}': skriv adress och port, t.ex. 127.0.0.1:8000"
    try:
        with socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET) as probe:
            probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as the preview's server does
            probe.bind((host.strip("[]"), int(port)))
    except OSError as err:
        return _port_message(address, err)
    return None


def _port_message(address: str, err: OSError) -> str:
    if err.errno == errno.EADDRINUSE:
        return (
            f"Porten i {address} används redan, kanske av en annan förhandsvisning. Stäng den, eller välj "
            "en annan port, t.ex. --dev-addr 127.0.0.1:8001."
        )
    if isinstance(err, socket.gaierror) or err.errno == errno.EADDRNOTAVAIL:
        return f"Adressen {address} finns inte på den här datorn; använd t.ex. 127.0.0.1:8000."
    return f"Förhandsvisningen kan inte lyssna på {address} (systemfel {err.errno})."
