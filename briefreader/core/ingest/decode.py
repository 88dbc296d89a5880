"""Bytes -> text: BOMs, UTF-8, UTF-16, and a cp1252 fallback; binary files refused."""

from __future__ import annotations

import codecs

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


def decode_bytes(data: bytes) -> tuple[str, str | None]:
    """Decode a file's bytes; returns (text, remark) where remark notes a fallback.

    Raises IngestError for binary data. Newlines are normalised (\\r\\n, \\r -> \\n).
    """
    remark: str | None = None
    for sig, what in _BINARY_SIGNATURES:
        if data.startswith(sig):
            raise IngestError(f"not text: looks like {what}")
    if data.startswith(codecs.BOM_UTF8):
        text = data[3:].decode("utf-8", errors="replace")
    elif data.startswith(codecs.BOM_UTF16_LE) or data.startswith(codecs.BOM_UTF16_BE):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise IngestError(f"invalid UTF-16 text ({exc.reason})") from None
        remark = "decoded as UTF-16"
    else:
        sample = data[:8192]
        if b"\x00" in sample:
            raise IngestError("not text: contains NUL bytes (binary file?)")
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            text = data.decode("cp1252", errors="replace")
            remark = "not valid UTF-8; decoded as Windows-1252"
    if "\x00" in text:
        raise IngestError("not text: contains NUL characters (binary file?)")
    if _control_ratio(text[:8192]) > 0.05:
        raise IngestError("not text: too many control characters (binary file?)")
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text, remark


def _control_ratio(sample: str) -> float:
    if not sample:
        return 0.0
    bad = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\n\r\t\f")
    bad += sample.count("\ufffd")
    return bad / len(sample)
