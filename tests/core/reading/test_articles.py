"""Reading articles: titles, sources, dates, boilerplate, formats and errors."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.core import Article, LoadError, SegmentKind, bundled_seeds, load_article, load_library
from reader.core.facts.extract import extract_facts
from reader.core.reading import articles
from reader.core.reading.articles import words_at_most
from tests.conftest import seed


def written(path: Path, text: str) -> Article:
    """The article a file of ``text`` at ``path`` is read as."""
    path.write_text(text)
    article = load_article(path)
    assert isinstance(article, Article)
    return article


def test_bundled_seeds_load_with_no_paths() -> None:
    library = load_library()
    assert len(library.articles) == 5
    assert not library.errors
    assert {a.path.parent for a in library.articles} == {bundled_seeds()}


@pytest.mark.parametrize(
    ("prefix", "source"),
    [
        ("001", ""),  # a dateline ("ISTANBUL") names a place, not the outlet
        ("003", "Inter Bellum News"),  # the site line before the domain
        ("000", ""),  # nothing in the text says
    ],
)
def test_source(prefix: str, source: str) -> None:
    article = seed(prefix)
    assert article.source == source
    # Where a name is needed, an article of unknown outlet goes by its file's name.
    assert article.label == (source or article.path.name)


def test_a_dateline_is_set_aside_as_a_place() -> None:
    from reader.core.reading.structure import analyse

    article = seed("001")
    structure = analyse(article.text)
    assert structure.dateline == "Istanbul" and structure.source is None
    assert not any(s.text.strip() == "ISTANBUL" for s in article.sentences)


def test_date_and_title() -> None:
    assert seed("004").date == "2025-09-15"
    assert seed("000").date is None
    assert seed("003").title == "US-China Talks Advance on TikTok Amid Trade Tensions in Madrid"
    assert seed("004").title.startswith("United States Treasury Secretary")


def test_boilerplate_is_kept_marked_and_not_aligned() -> None:
    article = seed("003")
    boilerplate = {s.text for s in article.boilerplate}
    for furniture in ("Updated on", "2 min read", "Related Stories", "No stories found.", "interbellumnews.com"):
        assert furniture in boilerplate
    # Other stories' headlines in the footer, and every copy of the photo caption.
    assert "China’s New Aircraft Carrier Transits Taiwan Strait for First Time" in boilerplate
    captions = [s for s in article.boilerplate if s.text.startswith("Scott Bessent and He Lifeng in Geneva")]
    assert len(captions) == 5 and {s.reason for s in captions} == {"photo caption"}
    sentences = {s.text for s in article.sentences}
    assert not boilerplate & sentences
    # The body is intact.
    assert any(s.startswith("Despite initial calls for a ban") for s in sentences)
    assert "Future Prospects and Expectations" in sentences


def test_dateline_is_metadata() -> None:
    (first, *_) = seed("001").segments
    assert first.text == "ISTANBUL" and first.kind is SegmentKind.METADATA and first.reason == "dateline"


@pytest.mark.parametrize(
    ("opening", "place", "source"),
    [
        ("BEIRUT, Lebanon (AP) — A car bomb exploded near the port on Monday.", "Beirut", "AP"),
        ("ATLANTA, Ga. (AP) — Police said two men were arrested on Monday.", "Atlanta", "AP"),
        ("AREQUIPA, Peru (Dec. 3) — A strong earthquake struck the south on Thursday.", "Arequipa", None),
        ("SAN JUAN, Puerto Rico, Sept. 20 (Reuters) - The storm made landfall on Wednesday.", "San Juan", "Reuters"),
        ("KABUL, Afghanistan — Gunmen attacked a hotel in the capital on Tuesday.", "Kabul", None),
    ],
)
def test_a_dateline_with_its_state_or_country_is_metadata(tmp_path: Path, opening: str, place: str, source: str | None) -> None:
    """The wire services' datelines name a state or country after the city, and may bracket a date:
    none of it is the story's first sentence, and the date in brackets is no agency."""
    from reader.core.reading.metadata import read_prefix

    found = read_prefix(opening, 0, len(opening))
    assert found is not None
    start, metadata = found
    assert (metadata.reason, metadata.place, metadata.source) == ("dateline", place, source)
    sentence = opening[start:]
    assert sentence[0].isupper() and "—" not in sentence and "(" not in sentence
    path = tmp_path / "report.txt"
    path.write_text(f"A headline for the report\n\n{opening}\n", encoding="utf-8")
    assert load_article(path).sentences[-1].text == sentence


@pytest.mark.parametrize("opening", ["US, China agree to talks — The two sides met in Geneva.", "UPDATE 2-Peru quake kills 11 as rescuers dig."])
def test_a_sentence_that_only_starts_in_capitals_is_no_dateline(opening: str) -> None:
    from reader.core.reading.metadata import read_prefix

    assert read_prefix(opening, 0, len(opening)) is None


def test_html_main_text_and_metadata(tmp_path: Path) -> None:
    page = tmp_path / "story.html"
    page.write_text(
        """<html><head><title>Talks resume in Madrid</title>
        <meta property="og:site_name" content="Example Times">
        <meta name="date" content="2025-09-15">
        <script>alert('x')</script><style>p{color:red}</style></head>
        <body><nav>Home | World</nav><article><h1>Talks resume in Madrid</h1>
        <p>Negotiators from both countries met again on Monday in the Spanish capital to discuss the future of the app.</p>
        <p>Officials said the talks would continue for several days while both sides weighed new proposals on tariffs.</p>
        </article><footer>Copyright Example Times</footer></body></html>""",
        encoding="utf-8",
    )
    article = load_article(page)
    assert isinstance(article, Article)
    assert article.title == "Talks resume in Madrid"
    assert article.source == "Example Times"
    assert article.date == "2025-09-15"
    assert "alert" not in article.text and "color:red" not in article.text
    assert any("several days" in s.text for s in article.sentences)


def test_markdown_front_matter_becomes_metadata(tmp_path: Path) -> None:
    article = written(tmp_path / "note.md", "---\ntitle: A title\nsource: The Outlet\ndate: 2025-09-16\n---\nThe body starts here. It goes on.\n")
    assert (article.title, article.source, article.date) == ("A title", "The Outlet", "2025-09-16")
    assert [s.text for s in article.sentences] == ["A title", "The body starts here.", "It goes on."]
    assert article.sentences[0].kind is SegmentKind.HEADING
    assert article.segments[0].reason == "front matter"


@pytest.mark.parametrize(
    "title_line",
    ['title: "Council approves new bridge"', "title: 'Council approves new bridge'", "title:   Council approves new bridge  "],
)
def test_a_front_matter_title_is_the_headline_a_text_file_opens_with(tmp_path: Path, title_line: str) -> None:
    """So a Markdown report's headline is read against a text file's first line, not left out of one side."""
    article = written(tmp_path / "note.md", f"---\n{title_line}\ndate: 2025-09-16\n---\n\nThe council approved it. The vote was 7-2.\n")
    headline = article.sentences[0]
    assert (headline.kind, headline.text) == (SegmentKind.HEADING, "Council approves new bridge")
    assert article.text[headline.start : headline.end] == headline.text
    assert all(s.kind is SegmentKind.BOILERPLATE for s in article.segments if s.start < headline.start)


@pytest.mark.parametrize(
    "text",
    [
        "---\ntitle: Council approves new bridge\n---\n\n# Council approves new bridge\n\nThe council approved it.\n",
        '---\ntitle: "Council \\"approves\\" bridge"\n---\n\nThe council approved it.\n',
        "---\ntitle:\n---\n\nThe council approved it.\n",
    ],
)
def test_a_front_matter_title_is_read_once_and_only_as_written(tmp_path: Path, text: str) -> None:
    """A body that opens with the title as its heading keeps that one; an escaped title is not a span of the file."""
    article = written(tmp_path / "note.md", text)
    headings = [s for s in article.sentences if s.kind is SegmentKind.HEADING]
    assert len(headings) <= 1
    assert all(s.start >= text.index("\n---") for s in article.sentences)


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"", "empty file"),
        (b"  \n\t\n", "contains only white space"),
        (b"\x89PNG\r\n\x1a\n\x00\x00", "binary file (PNG image), not text"),
        (b"\x7fELF\x02\x01\x01\x00", "binary file (ELF executable), not text"),
        (b"\xff\xfe\x00\xd8a\x00", "invalid utf-16 after its byte-order mark"),
    ],
)
def test_unreadable_files_say_why(tmp_path: Path, content: bytes, reason: str) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    result = load_article(path)
    assert isinstance(result, LoadError)
    assert result.reason == reason


def test_legacy_encodings_and_line_endings_decode(tmp_path: Path) -> None:
    path = tmp_path / "cp1252.txt"
    path.write_bytes("Le café coûte 5 €.\r\nIl a dit “oui”.\r".encode("cp1252"))
    article = load_article(path)
    assert isinstance(article, Article)
    assert [s.text for s in article.sentences] == ["Le café coûte 5 €.", "Il a dit “oui”."]


def test_a_library_reports_bad_files_and_keeps_the_rest(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text("A real sentence here. And another one.")
    (tmp_path / "empty.txt").write_text("")
    (tmp_path / "folder.txt").mkdir()
    (tmp_path / "ignored.png").write_bytes(b"\x89PNG")
    library = load_library([tmp_path, tmp_path / "missing.txt"])
    assert [a.id for a in library.articles] == ["good"]
    reasons = {e.path.name: e.reason for e in library.errors}
    assert reasons == {"empty.txt": "empty file", "missing.txt": "no such file or folder"}


def test_reading_never_writes(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("Some text. More text.")
    before = (path.read_bytes(), path.stat().st_mtime_ns)
    load_library([tmp_path])
    assert (path.read_bytes(), path.stat().st_mtime_ns) == before


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="ab \n\t\u3000", max_size=60), st.integers(1, 8))
def test_words_counted_a_chunk_at_a_time_are_the_words_of_the_whole(text: str, chunk: int) -> None:
    original = articles._WORD_CHUNK
    articles._WORD_CHUNK = chunk
    try:
        assert words_at_most(text, 10**9) == len(text.split())
    finally:
        articles._WORD_CHUNK = original


def test_a_file_of_more_words_than_the_limit_is_refused_with_the_reason(tmp_path: Path) -> None:
    path = tmp_path / "no-stops.txt"
    path.write_text("go " * (articles.MAX_WORDS + 1), encoding="utf-8")
    loaded = load_article(path)
    assert isinstance(loaded, LoadError) and loaded.reason == f"too many words for an article (over {articles.MAX_WORDS:,})"
    path.write_text("go " * articles.MAX_WORDS, encoding="utf-8")
    assert isinstance(load_article(path), Article)


def test_a_file_named_twice_is_one_article(tmp_path: Path) -> None:
    story = tmp_path / "story.txt"
    story.write_text("The council approved the bridge on Tuesday. It will open in 2027.")
    (tmp_path / "alias.txt").symlink_to(story)
    (tmp_path / "other.txt").write_text("A different report on a different day.")
    library = load_library([story, tmp_path / "." / "story.txt", tmp_path])
    assert [a.path for a in library.articles] == [story, tmp_path / "other.txt"]
    assert not library.errors


def test_a_markdown_heading_is_read_without_its_marks(tmp_path: Path) -> None:
    """ "# Ferry capsizes" titles the article "Ferry capsizes"; "## Rescue" is the heading "Rescue"; a .txt file keeps its # as written."""
    body = "# Ferry capsizes off Vessen\n\nThe ferry capsized near the north pier on Monday.\n\n## Rescue\n\nDivers searched the hull.\n"
    (tmp_path / "ferry.md").write_text(body, encoding="utf-8")
    (tmp_path / "ferry.txt").write_text(body, encoding="utf-8")
    markdown, text = load_article(tmp_path / "ferry.md"), load_article(tmp_path / "ferry.txt")
    assert isinstance(markdown, Article) and isinstance(text, Article)
    assert markdown.title == "Ferry capsizes off Vessen"
    headings = [s.text for s in markdown.sentences if s.kind is SegmentKind.HEADING]
    assert headings == ["Ferry capsizes off Vessen", "Rescue"]
    assert all(markdown.text[s.start : s.end] == s.text for s in markdown.segments)
    assert text.title == "# Ferry capsizes off Vessen"


@pytest.mark.parametrize(
    ("line", "reason", "source", "date"),
    [
        ("August 12, 2025 9:14 PM UTC Updated 2 hours ago", "time stamp", None, "2025-08-12"),
        ("City Ledger - 8 May 2025", "time stamp", "City Ledger", "2025-05-08"),
        ("Reporting by Sam Oduya in Millbrook; Editing by Clare Booth", "byline", None, None),
        ("(Additional reporting by Ana Ruiz in Madrid; Writing by Tom Lee)", "byline", None, None),
    ],
)
def test_page_stamps_site_names_and_agency_credits_are_metadata(line: str, reason: str, source: str | None, date: str | None) -> None:
    from reader.core.reading.metadata import read_line

    found = read_line(line)
    assert found is not None and (found.reason, found.source, found.date) == (reason, source, date)


@pytest.mark.parametrize(
    "line",
    ["Reporting by the BBC suggests the toll rose.", "The fire spread 2 hours ago.", "Rates held - analysts expect a cut in May 2025"],
)
def test_a_sentence_like_a_credit_or_a_stamp_stays_a_sentence(line: str) -> None:
    from reader.core.reading.metadata import read_line

    assert read_line(line) is None


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("The council met on Tuesday.", 5),
        ("港城流浪者队周一宣布签下前锋。", 14),  # a character a word, the full stop none
        ("流浪者队签下 Tiago Lemos。", 8),
        ("Le conseil s'est réuni mardi.", 5),
    ],
)
def test_words_are_counted_a_character_each_in_scripts_without_spaces(text: str, words: int) -> None:
    from reader.core.text.word_count import count_words

    assert count_words(text) == words


def test_a_quoted_front_matter_title_is_no_quote(tmp_path: Path) -> None:
    article = written(tmp_path / "note.md", '---\ntitle: "Bank holds rates at 2% as inflation eases"\n---\n\nThe bank held its rate at 2% on Thursday.\n')
    facts = extract_facts(article).facts
    assert not [f for f in facts if f.kind == "quote"]
    assert [f.text for f in facts if f.kind == "percent"] == ["2%", "2%"]


@pytest.mark.parametrize(
    "caption",
    [
        "A man walks past a collapsed house in Wajima, Japan, January 2, 2024. REUTERS/Kim Kyung-Hoon",
        "Jerome Powell speaks in Washington, January 31, 2024. REUTERS/Kevin Lamarque/File Photo",
        "Firefighters work at the scene in Lisbon on Sunday. (AP Photo/Armando Franca)",
        "Rescuers search the rubble in Wajima. AFP via Getty Images",
    ],
)
def test_a_caption_with_an_agency_s_credit_is_no_sentence(tmp_path: Path, caption: str) -> None:
    article = written(tmp_path / "wire.txt", f"Quake hits Japan\n\nA strong quake hit Wajima on Thursday.\n\n{caption}\n\nAt least 14 people were injured.\n")
    assert [s.text for s in article.sentences] == ["Quake hits Japan", "A strong quake hit Wajima on Thursday.", "At least 14 people were injured."]


@pytest.mark.parametrize(
    "sentence",
    [
        "A Reuters/Ipsos poll found that 40% of voters backed the plan.",
        "The photo was taken by AP Photo editors in 2019, the agency said.",
    ],
)
def test_a_sentence_that_names_an_agency_stays_a_sentence(tmp_path: Path, sentence: str) -> None:
    article = written(tmp_path / "wire.txt", f"Poll\n\n{sentence}\n")
    assert sentence in [s.text for s in article.sentences]
