"""Reading bytes safely: size limit, binary sniffing, gzip, and text decoding with a detector fallback."""
from __future__ import annotations

import codecs
import gzip
import io
import os
import re

# Magic numbers of formats people drop into a news folder by mistake, with the name we tell them.
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF", "PDF document"),
    (b"PK\x03\x04", "ZIP archive (or .docx/.xlsx/.epub)"),
    (b"PK\x05\x06", "ZIP archive"),
    (b"\x89PNG", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF8", "GIF image"),
    (b"RIFF", "RIFF media file"),
    (b"\xd0\xcf\x11\xe0", "Microsoft Office document (.doc/.xls)"),
    (b"{\\rtf", "RTF document"),
    (b"\x7fELF", "executable"),
    (b"MZ", "Windows executable"),
    (b"SQLite format 3\x00", "SQLite database"),
    (b"PAR1", "Parquet file"),
    (b"BZh", "bzip2 archive"),
    (b"\xfd7zXZ\x00", "xz archive"),
    (b"7z\xbc\xaf", "7-Zip archive"),
    (b"OggS", "Ogg media file"),
    (b"ID3", "MP3 audio"),
)
_GZIP = b"\x1f\x8b"
_CHARSET_RE = re.compile(rb"""(?:charset|encoding)\s*=\s*["']?([A-Za-z0-9_.:-]{2,30})""", re.I)
_CONTROL_RE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_DETECT_BYTES = 256 * 1024  # the detector is slow on big inputs; a sample decides as well
_MAX_CHAOS = 20.0  # charset_normalizer "percent_chaos": above this the guess is not trusted


class BadInput(Exception):
    """Internal: a file cannot be used; ``reason`` is the one-line message for the user."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


def _size(n: float) -> str:
    if n >= 2**20:
        return f"{n / 2**20:.1f} MB"
    return f"{n / 1024:.1f} KB" if n >= 1024 else f"{int(n)} bytes"


def limit_text(max_bytes: int) -> str:
    """'64 MB' for the default limit, '1.5 KB' for odd small ones."""
    if max_bytes >= 2**20 and max_bytes % 2**20 == 0:
        return f"{max_bytes // 2**20} MB"
    return _size(max_bytes)


def read_file(path: str, max_bytes: int) -> bytes:
    """The file's bytes, after checking it exists, is a regular file and is under ``max_bytes`` (via stat)."""
    try:
        st = os.stat(path)
    except FileNotFoundError:
        raise BadInput("no such file or directory") from None
    except PermissionError:
        raise BadInput("permission denied") from None
    except OSError as exc:
        raise BadInput(f"cannot read: {exc.strerror or exc}") from None
    if os.path.isdir(path):
        raise BadInput("is a directory")
    if st.st_size > max_bytes:
        raise BadInput(f"file is {_size(st.st_size)}, over the {limit_text(max_bytes)} limit (--max-bytes)")
    try:
        with open(path, "rb") as fh:
            return fh.read(max_bytes + 1)
    except PermissionError:
        raise BadInput("permission denied") from None
    except OSError as exc:
        raise BadInput(f"cannot read: {exc.strerror or exc}") from None


def gunzip(data: bytes, max_bytes: int) -> bytes:
    """Decompress gzip data, refusing to inflate past ``max_bytes``."""
    try:
        with gzip.GzipFile(fileobj=io.BytesIO(data)) as fh:
            out = fh.read(max_bytes + 1)
    except (OSError, EOFError) as exc:
        raise BadInput(f"corrupt gzip file ({exc})") from None
    if len(out) > max_bytes:
        raise BadInput(f"decompressed text is over the {limit_text(max_bytes)} limit (--max-bytes)")
    return out


def is_gzip(data: bytes) -> bool:
    return data[:2] == _GZIP


def check_binary(data: bytes) -> None:
    """Raise BadInput naming the format when ``data`` is a known binary format or contains NUL bytes."""
    if not data.strip():
        raise BadInput("file is empty" if not data else "file is empty (whitespace only)")
    for magic, name in _MAGIC:
        if data.startswith(magic):
            raise BadInput(f"binary file ({name}), not text")
    if data[:2] in (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE):
        return  # UTF-16 text is full of NUL bytes by nature
    if b"\x00" in data[:65536]:
        raise BadInput("binary file (contains NUL bytes), not text")


def decode(data: bytes) -> str:
    """Text from bytes: UTF-8 (BOM or not), UTF-16 with BOM, a declared charset, else a confident guess."""
    text = _decode(data).lstrip("\ufeff")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise BadInput("file is empty (whitespace only)")
    return _CONTROL_RE.sub("", text)


def _decode(data: bytes) -> str:
    if data.startswith(codecs.BOM_UTF8):
        try:
            return data[3:].decode("utf-8")
        except UnicodeDecodeError:
            pass
    elif data[:2] in (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            raise BadInput("starts with a UTF-16 byte-order mark but is not valid UTF-16") from None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    declared = _CHARSET_RE.search(data[:4096])  # <meta charset=...>, <?xml encoding=...?>
    if declared:
        try:
            return data.decode(declared.group(1).decode("ascii"))
        except (LookupError, UnicodeDecodeError):
            pass
    guessed = _guess(data)
    if guessed is None:
        raise BadInput("not valid UTF-8 and encoding could not be detected")
    return guessed


def _guess(data: bytes) -> str | None:
    """charset_normalizer's guess when confident; among equally good guesses prefer Windows-1252."""
    from charset_normalizer import from_bytes

    matches = list(from_bytes(data[:_DETECT_BYTES]))
    good = [m for m in matches if m.percent_chaos <= _MAX_CHAOS]
    if not good:
        return None
    best = min(m.percent_chaos for m in good)
    # Short Western text fits many single-byte code pages equally well; English news is mostly cp1252.
    western = [m for m in good if m.percent_chaos <= best + 1.0 and "cp1252" in m.could_be_from_charset]
    for match in western + good:
        try:
            return data.decode(match.encoding)
        except (UnicodeDecodeError, LookupError):
            continue
    return None
