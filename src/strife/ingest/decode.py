"""Bytes to text, and what kind of input a text is.

Decoding tries UTF-8 (with or without a byte-order mark), then UTF-16 when a byte-order mark
says so, then charset-normalizer's detection. Binary data (NUL bytes, known file signatures,
mostly control characters) is refused with a clear problem rather than decoded into noise.
"""

from __future__ import annotations

import re
from typing import Literal

from strife.errors import InputError

Kind = Literal["text", "html", "feed", "jsonl"]

_SIGNATURES: dict[bytes, str] = {
    b"%PDF": "a PDF document",
    b"PK\x03\x04": "a ZIP archive (or Office document)",
    b"\x1f\x8b": "a gzip archive",
    b"\x89PNG": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
    b"\x7fELF": "an executable",
    b"SQLite format 3": "an SQLite database",
    b"PAR1": "a Parquet file",
}
_BOMS_16 = (b"\xff\xfe", b"\xfe\xff")
_WESTERN_SINGLE_BYTE = {"cp1250", "cp1252", "latin_1", "iso8859_2", "iso8859_15", "cp850", "mac_roman"}
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")


def _binary_problem(data: bytes) -> str | None:
    for magic, what in _SIGNATURES.items():
        if data.startswith(magic):
            return f"binary file ({what}), not text"
    if data.startswith(_BOMS_16):
        return None  # UTF-16 text has NUL bytes by design
    sample = data[:8192]
    if b"\x00" in sample:
        return "binary file (NUL bytes), not text"
    return None


def decode_bytes(data: bytes, source: str) -> str:
    """Text of `data`, or InputError naming `source`: empty, binary or undecodable input."""
    if not data.strip():
        raise InputError(source, "empty file" if not data else "empty file (only white space)")
    problem = _binary_problem(data)
    if problem:
        raise InputError(source, problem)
    text = _decode(data, source)
    sample = text[:8192]
    if len(_CONTROL.findall(sample)) > 0.05 * len(sample):
        raise InputError(source, "binary file (mostly control characters), not text")
    if not text.strip():
        raise InputError(source, "empty file (only white space)")
    return text


def _decode(data: bytes, source: str) -> str:
    if data.startswith(_BOMS_16):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            raise InputError(source, "undecodable bytes (broken UTF-16)") from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise InputError(source, "undecodable bytes: not UTF-8 and no known encoding fits")
    if best.encoding in _WESTERN_SINGLE_BYTE:
        # the detector cannot tell these code pages apart on a few accented letters; English
        # news saved by Western software is far most often Windows-1252
        try:
            return data.decode("cp1252")
        except UnicodeDecodeError:
            pass
    return str(best)


_FEED_RE = re.compile(r"<(rss|feed|rdf:RDF)\b", re.I)
_HTML_RE = re.compile(r"<(!doctype\s+html|html|head|body|p|div|article|br|h[1-6])\b[^>]*>", re.I)
_TAG_RE = re.compile(r"</?[a-zA-Z][^>]*>")


def sniff(text: str) -> Kind:
    """Guess what `text` is: a feed, JSON lines, HTML, or plain text."""
    head = text.lstrip("\ufeff \t\r\n")[:4096]
    if head.startswith("<") and _FEED_RE.search(head[:1024]):
        return "feed"
    lines = [ln for ln in text.splitlines() if ln.strip()]
    if lines and all(ln.lstrip().startswith("{") and ln.rstrip().endswith("}") for ln in lines[:20]):
        return "jsonl"
    if _HTML_RE.search(head) and len(_TAG_RE.findall(head)) >= 2:
        return "html"
    return "text"


def html_has_text(html: str) -> bool:
    """True when something other than tags, scripts and styles is left in `html`."""
    body = re.sub(r"(?is)<(script|style|head|template)\b.*?</\1\s*>", " ", html)
    body = re.sub(r"(?s)<!--.*?-->", " ", body)
    return bool(_TAG_RE.sub(" ", body).strip())
