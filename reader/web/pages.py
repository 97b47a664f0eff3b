"""An article page: its text, decoded, and its main text and metadata, by trafilatura.

The extraction is the one the reader applies to a saved ``.html`` file
(:func:`reader.core.reading.html.extract_page`), given the page's URL so
that its canonical address and its date are read too.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

from reader.core.reading.decode import decode_bytes
from reader.core.reading.html import PLAIN_ABOVE_BYTES, extract_page
from reader.web.urls import host_of, is_web_url

#: Fewer words of prose than this is a page with no article (a section front, a login form, a gallery).
MIN_ARTICLE_WORDS = 20
#: A paragraph of fewer words is a link, a label or a heading, not prose.
PROSE_WORDS = 7
#: Longest title kept; the reader takes 500 characters of a title at most.
MAX_TITLE = 300

_META_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]{1,40})""", re.IGNORECASE)
#: Single-byte names that pages use for Windows-1252, as browsers read them.
_WINDOWS_1252 = frozenset({"iso8859-1", "latin-1", "ascii", "us-ascii", "cp819"})
#: The text encodings of the WHATWG Encoding Standard, which browsers read pages in, by Python's names. A charset
#: naming anything else (rot13, base64, idna, punycode, zlib, utf-7, ...: Python's codecs hold them all) is ignored.
_WEB_ENCODINGS = frozenset(
    codecs.lookup(name).name
    for name in (
        "utf-8",
        "utf-16",
        "utf-16-le",
        "utf-16-be",
        "cp866",
        "koi8-r",
        "koi8-u",
        "mac-roman",
        "mac-cyrillic",
        "iso8859-2",
        "iso8859-3",
        "iso8859-4",
        "iso8859-5",
        "iso8859-6",
        "iso8859-7",
        "iso8859-8",
        "iso8859-10",
        "iso8859-13",
        "iso8859-14",
        "iso8859-15",
        "iso8859-16",
        "cp874",
        "cp1250",
        "cp1251",
        "cp1252",
        "cp1253",
        "cp1254",
        "cp1255",
        "cp1256",
        "cp1257",
        "cp1258",
        "gbk",
        "gb18030",
        "big5",
        "big5hkscs",
        "euc-jp",
        "iso2022-jp",
        "shift-jis",
        "cp932",
        "euc-kr",
        "cp949",
        "latin-1",
        "ascii",
        "gb2312",
    )
)
#: Encodings browsers read as a larger one, which the pages named so are in fact written in.
_READ_AS = {codecs.lookup("gb2312").name: "gbk", **{name: "cp1252" for name in _WINDOWS_1252}}
_UTF_16 = frozenset(codecs.lookup(name).name for name in ("utf-16", "utf-16-le", "utf-16-be"))
_BOMS = (codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
#: C0 and C1 controls other than the tab and the newline: shown as their pictures, never written.
_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
#: Elements whose content is never article text: dropped from a large page before it is measured.
_NOT_TEXT = ("script", "style", "noscript", "template", "svg")
_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")


@dataclass(frozen=True, slots=True)
class Page:
    """An article read from a web page.

    Attributes:
        title: The headline.
        source: The outlet: the site's name, or its host.
        author: The byline's name, when the page gives one.
        date: The ISO date the page gives, if any.
        url: The page's canonical address (the fetched one when it names none on its own host).
        text: The main text, one paragraph a line, a blank line between paragraphs.
    """

    title: str
    source: str
    author: str | None
    date: str | None
    url: str
    text: str


def decode_page(body: bytes, charset: str | None) -> str:
    """The text of a page: in the charset its server or its ``<meta>`` names, else as the reader decodes a file.

    A charset that is no text encoding of the web (``rot13``, ``base64``,
    ``idna``, ``undefined``, a name Python does not know) is ignored, as a
    browser ignores it: the page is decoded as one that names none. As in a
    browser, a byte-order mark outweighs any name, and a ``<meta>`` that
    names UTF-16 means UTF-8: it could not have been read if it were so.

    Raises:
        DecodeError: The body is binary or in no encoding that can be told.
    """
    if body.startswith(_BOMS):
        return decode_bytes(body).removeprefix("\ufeff")
    for name, in_meta in ((charset, False), (_meta_charset(body), True)):
        codec = web_encoding(name)
        if codec is None:
            continue
        if in_meta and codec in _UTF_16:
            codec = "utf-8"
        try:
            text = body.decode(codec, errors="replace").removeprefix("\ufeff")
        except (LookupError, UnicodeError):
            continue
        return text.replace("\r\n", "\n").replace("\r", "\n")
    return decode_bytes(body)


def web_encoding(charset: str | None) -> str | None:
    """Python's codec for a charset a page or a feed names, when it is a text encoding of the web; else ``None``.

    ISO-8859-1 and ASCII are read as Windows-1252, and GB2312 as GBK, as browsers read them.
    """
    if not charset:
        return None
    try:
        codec = codecs.lookup(charset.strip()).name
    except (LookupError, ValueError):  # ValueError: a name with a NUL in it
        return None
    if codec not in _WEB_ENCODINGS:
        return None
    return _READ_AS.get(codec, codec)


def read_page(html: str, url: str, title: str = "", date: str | None = None) -> Page | str:
    """The article of a page.

    Args:
        html: The decoded page.
        url: Where it was found (after redirects).
        title: A title to fall back on (a feed entry's).
        date: A date to fall back on (a feed entry's).

    Returns:
        The article, or the reason the page holds none ("no article text").
    """
    if len(html) > PLAIN_ABOVE_BYTES:
        html = _without_scripts(html)
    page = extract_page(html, url)
    if isinstance(page, str):
        return "no article text" if "no article text" in page else page
    paragraphs = [" ".join(line.split()) for line in _CONTROLS.sub(_picture, page.text).split("\n")]
    paragraphs = [p for p in paragraphs if p]
    # What trafilatura falls back to on a page with no article is its
    # navigation and teasers: many short lines, no prose.
    if sum(len(p.split()) for p in paragraphs if len(p.split()) >= PROSE_WORDS) < MIN_ARTICLE_WORDS:
        return "no article text"
    meta = page.meta
    headline = _one_line(meta.get("title") or title)[:MAX_TITLE]
    # The headline opens the text as it opens the page, so that two reports'
    # headlines are compared like their sentences.
    if headline and not any(_same_words(headline, p) for p in paragraphs[:2]):
        paragraphs.insert(0, headline)
    headline = headline or paragraphs[0][:MAX_TITLE]
    canonical = meta.get("url", "")
    if not (is_web_url(canonical) and host_of(canonical) == host_of(url)):
        canonical = url
    return Page(
        title=headline,
        source=_one_line(meta.get("sitename", ""))[:MAX_TITLE] or host_of(url),
        author=_one_line(meta.get("author", ""))[:MAX_TITLE] or None,
        date=meta.get("date") or date,
        url=canonical,
        text="\n\n".join(paragraphs) + "\n",
    )


def _meta_charset(body: bytes) -> str | None:
    match = _META_CHARSET.search(body[:4096])
    return match.group(1).decode("ascii") if match else None


def _picture(match: re.Match[str]) -> str:
    code = ord(match.group())
    return chr(0x2400 + code) if code < 0x20 else "\u2421" if code == 0x7F else "\ufffd"


def _one_line(text: str) -> str:
    return " ".join(_CONTROLS.sub(_picture, text).split())


def _same_words(a: str, b: str) -> bool:
    return [w.casefold() for w in re.findall(r"\w+", a)] == [w.casefold() for w in re.findall(r"\w+", b)]


def _without_scripts(html: str) -> str:
    """The page without its scripts, styles and inline pictures, which make up most of a large news page.

    A scan from each opening tag to its closing one, in linear time: a
    regular expression would rescan the rest of the page from every
    unclosed ``<script``.
    """
    lower = html.translate(_ASCII_LOWER)  # str.lower() may change the length ("İ")
    # Where each kind of element opens next: each search moves only forward.
    opens = {name: lower.find(f"<{name}") for name in _NOT_TEXT}
    pieces: list[str] = []
    position = 0
    while True:
        found = [(at, name) for name, at in opens.items() if at >= 0]
        if not found:
            break
        start, name = min(found)
        pieces.append(html[position:start])
        end = lower.find(f"</{name}", start)
        close = lower.find(">", end) if end >= 0 else -1
        position = len(html) if close < 0 else close + 1
        for other, at in opens.items():
            if 0 <= at < position:
                opens[other] = lower.find(f"<{other}", position)
    pieces.append(html[position:])
    return "".join(pieces)
