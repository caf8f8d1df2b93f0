"""The handbook's published address, checked and normalised in one place.

The address lands in MkDocs' `site_url`, in links on pages and in every
calendar event, so it must be a plain web address and nothing else: an
absolute https:// URL with a host (http:// only for a preview on the own
computer), no user name, query or fragment, and only characters that need no
escaping anywhere. It always ends in '/'.
"""

from __future__ import annotations

import re

LOCAL_HOSTS = ("localhost", "127.0.0.1", "[::1]")
_LABEL = r"[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?"
_HOST = re.compile(rf"{_LABEL}(?:\.{_LABEL})*|\[::1\]")
_PATH = re.compile(r"(?:[A-Za-z0-9._~/-]|%[0-9A-Fa-f]{2})*")
MAX_LENGTH = 500
EXAMPLE = "t.ex. https://kommun.github.io/handbok/"


def normalise_address(text: str) -> str:
    """`text` as 'https://host/path/'; `ValueError` with a Swedish message if it is not a safe web address."""
    text = text.strip()
    if len(text) > MAX_LENGTH:
        raise ValueError(f"adressen är längre än {MAX_LENGTH} tecken")
    scheme, _, rest = text.partition("://")
    scheme = scheme.lower()
    if scheme not in ("https", "http") or not rest:
        raise ValueError(f"adressen måste vara en fullständig webbadress som börjar med https://, {EXAMPLE}")
    netloc, slash, path = rest.partition("/")
    host = netloc.lower()
    host, _, port = host.partition(":") if not host.startswith("[") else (host, "", "")
    if "@" in netloc or not _HOST.fullmatch(host) or (port and not (port.isdigit() and len(port) <= 5)):
        raise ValueError(f"adressen har inget giltigt värdnamn efter {scheme}://, {EXAMPLE}")
    if scheme == "http" and host not in LOCAL_HOSTS:
        local = "http:// går bara för förhandsvisning på localhost"
        raise ValueError(f"adressen måste börja med https:// ({local}), {EXAMPLE}")
    path = slash + path
    if not _PATH.fullmatch(path):
        bad = next((c for c in path if not re.fullmatch(r"[A-Za-z0-9._~/%-]", c)), "%")
        raise ValueError(
            f"adressen innehåller {_shown(bad)}, som inte får stå i handbokens adress; "
            "bara bokstäver a–z och A–Z, siffror, '-', '.', '_', '~', '/' och %-koder"
        )
    return f"{scheme}://{host}{':' + port if port else ''}{path.rstrip('/')}/"


def _shown(char: str) -> str:
    if char.isprintable() and not char.isspace():
        return f"tecknet '{char}'"
    return f"tecknet U+{ord(char):04X}"
