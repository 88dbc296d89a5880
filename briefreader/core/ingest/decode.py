"""Bytes -> text: BOMs, UTF-8, UTF-16/32, and a Windows-1252 fallback; binary files refused.

Every fallback is reported as a remark (it ends up in ``Briefing.notes``). Control
characters other than tab, newline and form feed are shown as U+FFFD, one for one, so
no offset moves and no terminal escape sequence from a file reaches the screen.
"""

from __future__ import annotations

import codecs
import re

from briefreader.core.errors import IngestError

MAX_FILE_BYTES = 20 * 1024 * 1024  # larger files are skipped with a reason (documented in README)

_BINARY_SIGNATURES = (
    (b"%PDF-", "a PDF file"),
    (b"PK\x03\x04", "a ZIP/Office file"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"\x7fELF", "an executable"),
    (b"\x1f\x8b", "a gzip file"),
    (b"{\\rtf", "an RTF file"),
    (b"\xd0\xcf\x11\xe0", "an old Office file"),
)
_BOMS = (  # UTF-32 first: its little-endian BOM starts with UTF-16's
    (codecs.BOM_UTF32_LE, "utf-32-le", "UTF-32"),
    (codecs.BOM_UTF32_BE, "utf-32-be", "UTF-32"),
    (codecs.BOM_UTF8, "utf-8", None),
    (codecs.BOM_UTF16_LE, "utf-16-le", "UTF-16"),
    (codecs.BOM_UTF16_BE, "utf-16-be", "UTF-16"),
)
_SAMPLE = 8192
# C0 controls but tab, newline, form feed and carriage return; DEL; C1 controls (CSI is \x9b)
_CONTROLS = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")


def decode_bytes(data: bytes) -> tuple[str, str | None]:
    """Decode a file's bytes; returns (text, remark) where remark notes a fallback.

    Raises IngestError for binary data. Newlines are normalised (\\r\\n, \\r -> \\n).
    """
    for sig, what in _BINARY_SIGNATURES:
        if data.startswith(sig):
            raise IngestError(f"not text: looks like {what}")
    remarks: list[str] = []
    for bom, codec, name in _BOMS:
        if data.startswith(bom):
            text = data[len(bom):].decode(codec, errors="replace")
            if name:
                remarks.append(f"decoded as {name}")
            break
    else:
        text = _decode_unmarked(data, remarks)
    sample = text[:_SAMPLE]
    if sample and (len(_CONTROLS.findall(sample)) + sample.count("\ufffd")) / len(sample) > 0.05:
        raise IngestError("not text: too many control characters (binary file?)")
    text, n = _CONTROLS.subn("\ufffd", text)
    if n:
        remarks.append(f"{n} control character{'s' if n > 1 else ''} shown as \ufffd")
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text, "; ".join(remarks) or None


def _decode_unmarked(data: bytes, remarks: list[str]) -> str:
    sample = data[:_SAMPLE]
    if b"\x00" in sample:
        codec = _utf16_without_bom(sample)
        if codec is None:
            raise IngestError("not text: contains NUL bytes (binary file?)")
        remarks.append("decoded as UTF-16 (no byte-order mark)")
        return data.decode(codec, errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    # Mostly UTF-8 with a few broken bytes (a truncated download, a pasted fragment)
    # stays UTF-8; text with no valid multi-byte sequence is a legacy Windows file.
    text = data.decode("utf-8", errors="replace")
    broken = text.count("\ufffd") - data.count(b"\xef\xbf\xbd")
    wide = len(text) - len(text.encode("ascii", "ignore")) - text.count("\ufffd")
    if 0 < broken <= wide:
        remarks.append(f"not valid UTF-8: {broken} malformed byte sequence{'s' if broken > 1 else ''}"
                       " shown as \ufffd")
        return text
    remarks.append("not valid UTF-8; decoded as Windows-1252")
    return data.decode("cp1252", errors="replace")


def _utf16_without_bom(sample: bytes) -> str | None:
    """'utf-16-le'/'-be' when every other byte is NUL (mostly-ASCII UTF-16), else None."""
    pairs = len(sample) // 2
    if pairs < 2:
        return None
    odd_nul = sample[1:pairs * 2:2].count(0)
    even_nul = sample[0:pairs * 2:2].count(0)
    if odd_nul >= 0.9 * pairs and even_nul == 0:
        return "utf-16-le"
    if even_nul >= 0.9 * pairs and odd_nul == 0:
        return "utf-16-be"
    return None
