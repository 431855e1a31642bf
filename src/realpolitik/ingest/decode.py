"""Reading bytes safely: size limit, binary sniffing, gzip, and text decoding with a detector fallback."""
from __future__ import annotations

import codecs
import gzip
import io
import os
import re
import stat
from typing import BinaryIO, Iterator

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


def _kind(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a regular file"


def open_file(path: str) -> BinaryIO:
    """The file opened for binary reading, after checking it exists and is a regular file.

    It is opened non-blocking and checked on the open descriptor, so a FIFO or a device named ``.txt``
    is refused at once instead of hanging the batch (and cannot be swapped in after the check)."""
    try:
        st = os.stat(path)
    except FileNotFoundError:
        raise BadInput("no such file or directory") from None
    except PermissionError:
        raise BadInput("permission denied") from None
    except OSError as exc:
        raise BadInput(f"cannot read: {exc.strerror or exc}") from None
    if stat.S_ISDIR(st.st_mode):
        raise BadInput("is a directory")
    if not stat.S_ISREG(st.st_mode):
        raise BadInput(f"is {_kind(st.st_mode)}, not a regular file")
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))
    except PermissionError:
        raise BadInput("permission denied") from None
    except OSError as exc:
        raise BadInput(f"cannot read: {exc.strerror or exc}") from None
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            raise BadInput(f"is {_kind(st.st_mode)}, not a regular file")
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


def read_file(path: str, max_bytes: int) -> bytes:
    """The file's bytes (``open_file``'s checks), refused when over ``max_bytes``."""
    fh = open_file(path)
    with fh:
        try:
            size = os.fstat(fh.fileno()).st_size
            if size > max_bytes:
                raise BadInput(f"file is {_size(size)}, over the {limit_text(max_bytes)} limit (--max-bytes)")
            return fh.read(max_bytes + 1)
        except OSError as exc:
            if isinstance(exc, PermissionError):
                raise BadInput("permission denied") from None
            raise BadInput(f"cannot read: {exc.strerror or exc}") from None


def bounded_lines(src: BinaryIO, max_bytes: int) -> Iterator[bytes | None]:
    """The lines of a binary stream, each read with a bounded buffer; an over-long line comes back as None
    (and is skipped to its end) so one huge record cannot exhaust memory."""
    while True:
        line = src.readline(max_bytes + 1)
        if not line:
            return
        nl = "\n" if isinstance(line, str) else b"\n"  # a text stream (a caller's StringIO) reads the same way
        if len(line) > max_bytes and not line.endswith(nl):
            while line and not line.endswith(nl):
                line = src.readline(1 << 20)
            yield None
            continue
        yield line


def decoded_lines(src: BinaryIO, max_bytes: int, notes: list[str]) -> Iterator[str | None]:
    """The text lines of a stream, decoded one at a time (for files too big to hold: JSON Lines, CSV): UTF-8,
    or as ``decode_with_note`` reads a line that is not (its note, the first one, goes to ``notes``); line
    ends and control characters as ``decode_with_note`` leaves them, each line keeping its "\\n". An
    over-long line is None."""
    first = True
    for raw in bounded_lines(src, max_bytes):
        if raw is None:
            yield None
            continue
        if first and raw.startswith(codecs.BOM_UTF8):
            raw = raw[3:]
        first = False
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError:
            try:
                raw_text, note = _decode(raw)
            except BadInput:  # no encoding fits this line: keep what UTF-8 can read of it
                raw_text = raw.decode("utf-8", errors="replace")
                note = _replaced_note(raw_text.count("\ufffd"))
            text = raw_text.lstrip("\ufeff")
            if note is not None and not notes:
                notes.append(note)
        text = _CONTROL_RE.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))
        pieces = text.split("\n")  # a lone CR ends a line, as in a file read whole
        for piece in pieces[:-1]:
            yield piece + "\n"
        if pieces[-1]:
            yield pieces[-1]


def text_file_bytes(path: str | os.PathLike[str], what: str, max_bytes: int = 64 * 2**20) -> bytes:
    """The bytes of a small text file the user hands us (a dictionary, an actor file), or an ``InputError``
    naming it: unreadable, not a regular file, too large, binary or empty."""
    from realpolitik.errors import InputError

    try:
        data = read_file(os.fspath(path), max_bytes)
        check_binary(data)
    except BadInput as exc:
        raise InputError(str(path), f"not {what}: {exc.reason}") from None
    return data


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
    return decode_with_note(data)[0]


def decode_with_note(data: bytes) -> tuple[str, str | None]:
    """``decode`` plus a note for the user when the text was not plain UTF-8: how many invalid bytes were
    replaced, or which encoding was guessed (None when nothing needs saying)."""
    raw, note = _decode(data)
    text = raw.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise BadInput("file is empty (whitespace only)")
    return _CONTROL_RE.sub("", text), note


# Few enough stray bytes in otherwise ASCII text to be damage rather than another encoding.
_STRAY_SHARE = 0.01
_HIGH_BYTES = bytes(range(0x80, 0x100))
_CP1252_PLAUSIBLE = set("“”‘’–—…€£°©®«»·•×§¶¿¡")


def _decode(data: bytes) -> tuple[str, str | None]:
    if data.startswith(codecs.BOM_UTF8):
        try:
            return data[3:].decode("utf-8"), None
        except UnicodeDecodeError:
            data = data[3:]
    elif data[:2] in (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE):
        try:
            return data.decode("utf-16"), None
        except UnicodeDecodeError:
            raise BadInput("starts with a UTF-16 byte-order mark but is not valid UTF-16") from None
    try:
        return data.decode("utf-8"), None
    except UnicodeDecodeError:
        pass
    declared = _CHARSET_RE.search(data[:4096])  # <meta charset=...>, <?xml encoding=...?>
    if declared:
        try:
            name = declared.group(1).decode("ascii")
            return data.decode(name), None
        except (LookupError, UnicodeDecodeError):
            pass
    replaced = data.decode("utf-8", errors="replace")
    bad = replaced.count("\ufffd") - data.count("\ufffd".encode("utf-8"))
    non_ascii = len(replaced) - len(replaced.encode("ascii", "ignore"))
    multibyte = non_ascii - bad - data.count("\ufffd".encode("utf-8"))
    high = len(data) - len(data.translate(None, _HIGH_BYTES))
    if multibyte > 0 and multibyte >= bad:  # UTF-8 text with a few damaged bytes
        return replaced, _replaced_note(bad)
    if high <= max(1, _STRAY_SHARE * len(data)):  # ASCII text with a few bytes of something else
        cp1252 = _plausible_cp1252(data)
        if cp1252 is not None:
            return cp1252, "not UTF-8: decoded as Windows-1252 (cp1252)"
        return replaced, _replaced_note(bad)
    guessed = _guess(data)
    if guessed is None:
        raise BadInput("not valid UTF-8 and encoding could not be detected")
    text, encoding = guessed
    return text, f"not UTF-8: decoded as {encoding} (a guess)"


def _replaced_note(bad: int) -> str:
    return f"not valid UTF-8: {bad} invalid byte sequence{'s' if bad != 1 else ''} replaced with U+FFFD"


def _plausible_cp1252(data: bytes) -> str | None:
    """The text as Windows-1252 if every non-ASCII character is then a letter or usual typography."""
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        return None
    if all(ch.isalpha() or ch in _CP1252_PLAUSIBLE for ch in text if ord(ch) > 0x7F):
        return text
    return None


def _guess(data: bytes) -> tuple[str, str] | None:
    """charset_normalizer's guess (text, encoding) when confident; among equally good guesses prefer cp1252."""
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
            return data.decode(match.encoding), match.encoding
        except (UnicodeDecodeError, LookupError):
            continue
    return None
