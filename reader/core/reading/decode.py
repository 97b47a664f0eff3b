"""Turn the bytes of a file into text, or say clearly why they are not text."""

from __future__ import annotations

import codecs

#: Files larger than this are refused rather than read; news articles are far smaller.
MAX_BYTES = 8 * 1024 * 1024

_MAGIC = {
    b"\x89PNG": "PNG image",
    b"PK\x03\x04": "ZIP archive",
    b"\x7fELF": "ELF executable",
    b"%PDF": "PDF document",
    b"GIF8": "GIF image",
    b"\xff\xd8\xff": "JPEG image",
    b"\x1f\x8b": "gzip archive",
}

_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),  # keeps U+FEFF, as open() does
    # UTF-32-LE's mark begins with UTF-16-LE's: it is tried first.
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


_WESTERN = ("cp1252", "latin_1", "iso8859_15")


class DecodeError(ValueError):
    """The bytes are not readable text; the message says why."""


def too_large(size: int, limit: int) -> str:
    """The reason given for a file over the size limit: "too large (52 MB; the limit is 8 MiB)"."""
    return f"too large ({size / 1e6:.0f} MB; the limit is {limit // 2**20} MiB)"


def decode_bytes(data: bytes) -> str:
    """Decode a file's bytes to text with universal newlines.

    UTF-8 (with or without a BOM) and UTF-16 with a BOM are decoded directly;
    anything else is handed to charset-normalizer. Line endings become ``\\n``,
    as Python's text mode gives them, so offsets match ``open(path).read()``
    for UTF-8 files.

    Args:
        data: The raw bytes.

    Returns:
        The decoded text.

    Raises:
        DecodeError: The bytes are empty, binary or in no encoding we can tell.
    """
    if len(data) > MAX_BYTES:
        raise DecodeError(too_large(len(data), MAX_BYTES))
    text = _decode(data)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.replace("\ufeff", "").strip():
        # A byte-order mark alone marks an empty file.
        raise DecodeError("contains only white space" if text.replace("\ufeff", "") else "empty file")
    return text


def _decode(data: bytes) -> str:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError as error:
                raise DecodeError(f"invalid {encoding} after its byte-order mark") from error
            return text if encoding == "utf-8" else text.lstrip("\ufeff")
    for magic, kind in _MAGIC.items():
        if data.startswith(magic):
            raise DecodeError(f"binary file ({kind}), not text")
    if b"\x00" in data[:8192]:
        raise DecodeError("binary file (contains NUL bytes), not text")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    # Mostly valid UTF-8 with a few broken bytes (a bad copy and paste, a
    # truncated download) is UTF-8: show the broken bytes as U+FFFD rather
    # than reinterpret the whole file in another encoding.
    replaced = data.decode("utf-8", errors="replace")
    broken = replaced.count("\ufffd")
    valid = sum(1 for c in replaced if ord(c) > 0x7F and c != "\ufffd")
    if valid and broken <= max(8, len(replaced) // 50):
        return replaced
    # charset-normalizer costs ~30 ms to import; only odd encodings need it.
    from charset_normalizer import from_bytes

    results = from_bytes(data)
    best = results.best()
    if best is None:
        raise DecodeError("not valid UTF-8 and no other text encoding fits")
    # On short Western text every single-byte code page looks equally likely;
    # Windows-1252 is the one such articles are almost always written in.
    for result in results:
        if result.encoding in _WESTERN and result.chaos <= best.chaos + 0.1:
            return str(result)
    return str(best)
