"""The workbook's package (a ZIP file) put together from parts compressed elsewhere.

The long sheets are compressed as they are written, possibly in other processes
(assistant.report.parallel), each into a file of its own; the rest comes from the
workbook XlsxWriter laid out. Both are copied here as they are, compressed: Python's
``zipfile`` only stores data it compresses itself. The format is the ZIP file
format's plain subset that spreadsheets read (no encryption, no data descriptors),
with the ZIP64 records only where a size or an offset needs them.
"""

from __future__ import annotations

import shutil
import struct
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import IO

_MARK = 0xFFFFFFFF  # in a 32-bit field: the value is in the ZIP64 record
# Sizes and offsets from here on take ZIP64 records (the format's limit; lower in a test).
ZIP64_FROM = _MARK
_DEFLATED = 8
_COPY = 1 << 20


@dataclass(frozen=True, slots=True)
class CompressedPart:
    """A part's raw deflate data in ``path``, with what its ZIP entry records."""

    path: Path
    crc: int
    size: int  # uncompressed bytes
    compressed: int


@dataclass(frozen=True, slots=True)
class _Entry:
    name: bytes
    method: int
    dos_time: int
    dos_date: int
    crc: int
    size: int
    compressed: int
    offset: int


def _dos(info: zipfile.ZipInfo) -> tuple[int, int]:
    year, month, day, hour, minute, second = info.date_time
    return (hour << 11) | (minute << 5) | (second // 2), ((year - 1980) << 9) | (month << 5) | day


class PackageWriter:
    """Writes entries one after another to ``out``, then the central directory."""

    def __init__(self, out: IO[bytes]) -> None:
        self.out = out
        self.entries: list[_Entry] = []
        self.position = 0

    def _write(self, data: bytes) -> None:
        self.out.write(data)
        self.position += len(data)

    def _local_header(self, entry: _Entry) -> None:
        big = entry.size >= ZIP64_FROM or entry.compressed >= ZIP64_FROM
        extra = struct.pack("<HHQQ", 1, 16, entry.size, entry.compressed) if big else b""
        self._write(
            struct.pack(
                "<IHHHHHIIIHH",
                0x04034B50,
                45 if big else 20,
                0,
                entry.method,
                entry.dos_time,
                entry.dos_date,
                entry.crc,
                _MARK if big else entry.compressed,
                _MARK if big else entry.size,
                len(entry.name),
                len(extra),
            )
            + entry.name
            + extra
        )

    def copy_from(self, source: zipfile.ZipFile, info: zipfile.ZipInfo) -> None:
        """One entry of another package, as it is stored there."""
        source_fp = source.fp
        assert source_fp is not None
        source_fp.seek(info.header_offset)
        header = source_fp.read(30)
        name_length, extra_length = struct.unpack("<HH", header[26:30])
        source_fp.seek(info.header_offset + 30 + name_length + extra_length)
        dos_time, dos_date = _dos(info)
        entry = _Entry(
            info.filename.encode("utf-8"),
            info.compress_type,
            dos_time,
            dos_date,
            info.CRC,
            info.file_size,
            info.compress_size,
            self.position,
        )
        self._local_header(entry)
        remaining = info.compress_size
        while remaining:
            block = source_fp.read(min(_COPY, remaining))
            if not block:
                raise zipfile.BadZipFile(f"{info.filename}: data ends early")
            self._write(block)
            remaining -= len(block)
        self.entries.append(entry)

    def add_compressed(self, info: zipfile.ZipInfo, part: CompressedPart) -> None:
        """An entry whose deflate data is already in ``part.path``."""
        dos_time, dos_date = _dos(info)
        entry = _Entry(
            info.filename.encode("utf-8"),
            _DEFLATED,
            dos_time,
            dos_date,
            part.crc,
            part.size,
            part.compressed,
            self.position,
        )
        self._local_header(entry)
        with part.path.open("rb") as data:
            shutil.copyfileobj(data, self.out, _COPY)
        self.position += part.compressed
        self.entries.append(entry)

    def close(self) -> None:
        """The central directory and its end records."""
        start = self.position
        for entry in self.entries:
            fields = [entry.size, entry.compressed, entry.offset]
            wide = [value for value in fields if value >= ZIP64_FROM]
            # ZIP64's extra field holds, in this order, the fields too big for 32 bits.
            extra = struct.pack(f"<HH{len(wide)}Q", 1, 8 * len(wide), *wide) if wide else b""
            self._write(
                struct.pack(
                    "<IHHHHHHIIIHHHHHII",
                    0x02014B50,
                    45 if wide else 20,
                    45 if wide else 20,
                    0,
                    entry.method,
                    entry.dos_time,
                    entry.dos_date,
                    entry.crc,
                    _MARK if entry.compressed >= ZIP64_FROM else entry.compressed,
                    _MARK if entry.size >= ZIP64_FROM else entry.size,
                    len(entry.name),
                    len(extra),
                    0,
                    0,
                    0,
                    0,
                    _MARK if entry.offset >= ZIP64_FROM else entry.offset,
                )
                + entry.name
                + extra
            )
        size = self.position - start
        count = len(self.entries)
        end64 = start >= ZIP64_FROM or size >= ZIP64_FROM or count >= 0xFFFF
        if end64:
            record = self.position
            self._write(
                struct.pack("<IQHHIIQQQQ", 0x06064B50, 44, 45, 45, 0, 0, count, count, size, start)
            )
            self._write(struct.pack("<IIQI", 0x07064B50, 0, record, 1))
        self._write(
            struct.pack(
                "<IHHHHIIH",
                0x06054B50,
                0,
                0,
                min(count, 0xFFFF),
                min(count, 0xFFFF),
                _MARK if end64 else size,
                _MARK if end64 else start,
                0,
            )
        )
