"""Bytes to text: gzip layers, byte-order marks and legacy encodings, with errors that say why."""

from __future__ import annotations

import re
import zlib

from charset_normalizer import from_bytes

from crosscheck.errors import CaptureError

__all__ = ["GZIP_MAGIC", "decode_text", "gunzip"]

GZIP_MAGIC = b"\x1f\x8b"

# Encodings tried when bytes are not UTF-8: the ones our users' captures come in.
_LEGACY = ["cp1251", "koi8_r", "koi8_u", "cp1252", "iso8859_5", "utf_16"]


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f]")  # C0 controls other than \t \n \f \r


def gunzip(content: bytes, *, where: str, max_bytes: int) -> bytes:
    """Decompress gzip data (all members), refusing truncated data and output over the limit."""
    decompressor = zlib.decompressobj(wbits=16 + zlib.MAX_WBITS)
    out = bytearray()
    data = content
    try:
        while data:
            out += decompressor.decompress(data, max_bytes + 1 - len(out))
            if len(out) > max_bytes:
                raise CaptureError(where, f"decompressed data larger than {max_bytes} bytes")
            if decompressor.unconsumed_tail:
                data = decompressor.unconsumed_tail
                continue
            if not decompressor.eof:
                raise CaptureError(where, "truncated gzip data")
            data = decompressor.unused_data
            if data:
                if not data.startswith(GZIP_MAGIC):
                    break  # trailing garbage after the last member, as gzip(1) tolerates
                decompressor = zlib.decompressobj(wbits=16 + zlib.MAX_WBITS)
    except zlib.error as error:
        raise CaptureError(where, f"corrupt gzip data ({error})") from error
    return bytes(out)


def is_gzip(content: bytes) -> bool:
    return content.startswith(GZIP_MAGIC)


def decode_text(content: bytes, *, where: str) -> str:
    """Text from bytes: UTF-8 (with or without BOM), UTF-16 with BOM, else a legacy encoding
    that charset-normalizer finds coherent; ``CaptureError`` for binary data."""
    if content.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return content.decode("utf-16")
        except UnicodeDecodeError as error:
            raise CaptureError(where, f"invalid UTF-16 at byte {error.start}") from error
    try:
        return content.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        first_bad = error.start
    if b"\x00" in content:
        raise CaptureError(where, "binary data (NUL bytes), not text")
    best = from_bytes(content, cp_isolation=_LEGACY).best()
    if best is None or best.chaos > 0.2:
        raise CaptureError(where, f"not UTF-8 or a known encoding (first bad byte at {first_bad})")
    return str(best)


def looks_binary(text: str) -> bool:
    """True when decoded text is mostly control characters (junk that happened to decode)."""
    if not text:
        return False
    controls = len(_CONTROL.findall(text))
    return "\x00" in text or controls / len(text) > 0.05
