"""The zip archive of a Word paper, written from parts compressed once.

A paper's archive holds python-docx's template parts (styles, theme, settings, fonts, numbering…),
which never change, and four parts of its own (document, header, footer, properties). `zipfile`
would compress every part again for every paper, which was a quarter of the time a paper took;
here a part is compressed once into a `Packed` and the archive is put together from the packed
parts by the public PKZIP format (APPNOTE.TXT 4.3: local header, data, central directory, end
record). The bytes are exactly those `zipfile.ZipFile.writestr` writes on Linux for an entry
with a date, ZIP_DEFLATED at the default level and mode 0644, which tests/test_word_xml.py
checks; every entry has the same fixed date and attributes, so the same parts give the same bytes.
"""

from __future__ import annotations

import datetime
import struct
import zlib
from dataclasses import dataclass

_LOCAL = struct.Struct("<4s2B4HL2L2H")  # APPNOTE 4.3.7, as zipfile's structFileHeader
_CENTRAL = struct.Struct("<4s4B4HL2L5H2L")  # APPNOTE 4.3.12, as zipfile's structCentralDir
_END = struct.Struct("<4s4H2LH")  # APPNOTE 4.3.16, as zipfile's structEndArchive
_VERSION = 20  # 2.0: deflate, what zipfile writes for a deflated entry
_UNIX = 3  # "made by" Unix: the external attributes below are a Unix mode
_DEFLATED = 8
_MODE = 0o644 << 16  # -rw-r--r--


@dataclass(frozen=True)
class Packed:
    """One part of the archive, compressed: its name, its checksum and sizes, its deflated bytes."""

    name: str
    crc: int
    size: int
    data: bytes


def pack(name: str, content: bytes) -> Packed:
    """`content` deflated as zipfile deflates it (raw deflate, default level, one compress + flush)."""
    compressor = zlib.compressobj(zlib.Z_DEFAULT_COMPRESSION, zlib.DEFLATED, -15)
    data = compressor.compress(content) + compressor.flush()
    return Packed(name, zlib.crc32(content), len(content), data)


def archive(parts: list[Packed], day: datetime.date) -> bytes:
    """The zip archive of `parts` in this order, every entry dated `day` at midnight."""
    if not 1980 <= day.year <= 2107:
        raise ValueError("ZIP does not support timestamps before 1980 or after 2107")
    dos_date, dos_time = (day.year - 1980) << 9 | day.month << 5 | day.day, 0
    chunks: list[bytes] = []
    directory: list[bytes] = []
    offset = 0
    for part in parts:
        name = part.name.encode("ascii")  # the template's names are ASCII: no UTF-8 flag needed
        sizes = (part.crc, len(part.data), part.size, len(name))
        local = _LOCAL.pack(b"PK\x03\x04", _VERSION, 0, 0, _DEFLATED, dos_time, dos_date, *sizes, 0)
        chunks += (local, name, part.data)
        entry = (b"PK\x01\x02", _VERSION, _UNIX, _VERSION, 0, 0, _DEFLATED, dos_time, dos_date)
        directory += (_CENTRAL.pack(*entry, *sizes, 0, 0, 0, 0, _MODE, offset), name)
        offset += len(local) + len(name) + len(part.data)
    listing = b"".join(directory)
    end = _END.pack(b"PK\x05\x06", 0, 0, len(parts), len(parts), len(listing), offset, 0)
    return b"".join(chunks) + listing + end
