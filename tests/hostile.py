"""Build a folder of hostile and messy inputs at test time (no binary fixtures).

``make_hostile_tree(root)`` writes the files and returns, for each one the
library should report, the reason it must give; every other article file
must load.
"""

from __future__ import annotations

import os
import zipfile
from io import BytesIO
from pathlib import Path

INJECTION = (
    "[bold]Bold[/] and [@click=app.quit]click me[/] and [link=https://example.com]link[/link]. "
    "Red \x1b[31mred\x1b[0m and cursor \x1b[2J\x1b[H moves. "
    "Hyperlink \x1b]8;;https://example.com\x07text\x1b]8;;\x07 here. "
    "Clipboard \x1b]52;c;aGVsbG8=\x07 write. "
    "Bell \x07 backspace x\x08y carriage\rreturn and \u202eevil override\u202c done."
)

_BODY = (
    "Negotiators met in Madrid on Monday for a fourth round of talks on tariffs. "
    "The deadline for the sale of the app is Sept. 17, officials said.\n\n"
    "Analysts expect another extension of the deadline before the summit in October.\n"
)


def make_hostile_tree(root: Path) -> dict[str, str]:
    """Write the hostile files under ``root``.

    Returns:
        Relative path -> the reason the library must give for it. Article
        files not in the mapping must load as articles.
    """
    root.mkdir(parents=True, exist_ok=True)
    errors: dict[str, str] = {}

    def write(name: str, data: bytes | str, reason: str | None = None) -> Path:
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
        if reason:
            errors[name] = reason
        return path

    # Empty or near-empty.
    write("empty.txt", b"", "empty file")
    write("whitespace.txt", b" \n\t \r\n  ", "contains only white space")
    # Not text, under a .txt name.
    write("png.txt", b"\x89PNG\r\n\x1a\n" + bytes(range(256)), "binary file (PNG image), not text")
    archive = BytesIO()
    with zipfile.ZipFile(archive, "w") as zipped:
        zipped.writestr("a.txt", "hello")
    write("zip.txt", archive.getvalue(), "binary file (ZIP archive), not text")
    write("elf.txt", b"\x7fELF\x02\x01\x01" + bytes(64), "binary file (ELF executable), not text")
    write("pdf.txt", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n", "binary file (PDF document), not text")
    # Encodings.
    write("invalid-utf8.txt", _BODY.encode() + "“Quoted” text, then ".encode() + b"\xff\xfe broken \xc3 bytes.\n")
    write("cp1252.txt", "Le café coûte 5 €, dit-il: “c’est cher”.\n".encode("cp1252"))
    write("latin1.txt", "Der Bürgermeister sagte, die Straße sei geschlossen.\n".encode("latin-1"))
    write("bom-utf8.txt", b"\xef\xbb\xbf" + _BODY.encode())
    write("utf16le.txt", b"\xff\xfe" + _BODY.encode("utf-16-le"))
    write("utf16be.txt", b"\xfe\xff" + _BODY.encode("utf-16-be"))
    # Line endings.
    write("crlf.txt", _BODY.replace("\n", "\r\n"))
    write("cr.txt", _BODY.replace("\n", "\r"))
    # Size.
    write("one-long-line.txt", " ".join(f"word{k % 89}" for k in range(150_000)))
    # Markup.
    write(
        "scripts.html",
        "<html><head><title>Talks</title><script>alert('x')</script><style>p{color:red}</style></head><body>"
        "<iframe src='https://example.com'></iframe><article><p>"
        + _BODY.replace("\n", " ")
        + "</p><p>Officials said the talks would continue for several more days in the Spanish capital.</p>"
        "</article></body></html>",
    )
    write("malformed.html", "<html><body><p>Negotiators met in Madrid <b>on Monday <i>for talks</p></div></span>" * 3)
    write("no-body.html", "<html><head><title>Nothing</title></head><body><nav>Home</nav></body></html>", "HTML page with no article text")
    write("front-matter.md", "---\ntitle: Front matter title\nsource: Example Wire\ndate: 2025-09-15\n---\n" + _BODY)
    # Other scripts and symbols.
    write("chinese.txt", "美中两国代表周一在马德里会谈。双方讨论了关税问题！会谈还会继续吗？\n")
    write("japanese.txt", "米中の代表団は月曜日にマドリードで会談した。交渉は続く！\n")
    write("arabic.txt", "التقى المفاوضون في مدريد يوم الاثنين. وناقشوا الرسوم الجمركية.\n")
    write("hebrew.txt", "המשלחות נפגשו במדריד ביום שני. השיחות יימשכו.\n")
    write("symbols.txt", "Cafe\u0301 talks 👩\u200d👩\u200d👧 went on\u00a0Monday. Prices rose 5\u00a0%.\n")
    # Injection.
    write("injection.txt", INJECTION + "\n\n" + _BODY)
    # File system oddities.
    write("nested/deeper/still/article.txt", _BODY)
    write("name with spaces.txt", _BODY)
    write("naïve – ünïcode.txt", _BODY)
    write("new\nline.txt", _BODY)
    (root / "folder.txt").mkdir(exist_ok=True)
    write("folder.txt/inside.txt", _BODY)
    loop = root / "nested" / "loop"
    if not loop.exists():
        os.symlink(root / "nested", loop)
    return errors
