"""Sentence splitting on the seeds' tricky spots and on made-up edge cases."""

from __future__ import annotations

import pytest

from reader.core import SegmentKind
from reader.core.reading.sentences import split_sentences
from tests.conftest import seed


def sentence_starting(prefix: str, text: str) -> str:
    article = seed(prefix)
    (match,) = [s.text for s in article.segments if s.text.startswith(text)]
    return match


@pytest.mark.parametrize(
    ("prefix", "start", "end"),
    [
        # "U.S." and "Sept." do not end sentences.
        ("000", "TikTok faces being shut down as early as Sept. 17", "unless it moves to U.S. ownership."),
        ("000", "The U.S. will go ahead", "said on Monday."),
        # "a.m." inside a sentence.
        ("004", "Monday’s discussions resumed between 8 and 10 a.m. local time", "nature of the negotiations."),
        # A quote of two sentences stays with its attribution (straight quotes).
        ("000", '"We will see if we can get there at present. We are not willing', "he said."),
        # The same in curly quotes, with an ellipsis inside.
        ("002", "Trump himself has spoken about flexibility", "It depends on China.”"),
        # A hyphenated title is no boundary.
        ("001", "Chinese Vice-Premier He Lifeng and Bessent", "extended until November."),
    ],
)
def test_abbreviations_and_quotes_stay_in_one_sentence(prefix: str, start: str, end: str) -> None:
    sentence = sentence_starting(prefix, start)
    assert sentence.endswith(end)


@pytest.mark.parametrize(("prefix", "heading"), [("000", "PROGRESS ON TECHNICAL DETAILS"), ("000", "LOW EXPECTATIONS")])
def test_inline_headings_are_split_off(prefix: str, heading: str) -> None:
    article = seed(prefix)
    (segment,) = [s for s in article.segments if s.text == heading]
    assert segment.kind is SegmentKind.HEADING
    following = article.segments[article.segments.index(segment) + 1]
    assert following.kind is SegmentKind.SENTENCE
    assert following.text[0].isupper() and not following.text.startswith(heading)


@pytest.mark.parametrize(("prefix", "heading"), [("001", "TikTok ban"), ("003", "Future Prospects and Expectations")])
def test_headings_without_final_punctuation_are_segments(prefix: str, heading: str) -> None:
    (segment,) = [s for s in seed(prefix).segments if s.text == heading]
    assert segment.kind is SegmentKind.HEADING


def test_every_segment_points_at_its_text(seeds: dict) -> None:
    for article in seeds.values():
        previous_end = 0
        for segment in article.segments:
            assert article.text[segment.start : segment.end] == segment.text
            assert segment.start >= previous_end
            assert segment.text == segment.text.strip()
            previous_end = segment.end


@pytest.mark.parametrize(
    "text",
    ['He left. " Then she spoke.', "One thing. ”", "“ Alone.", '" \n'],
)
def test_a_stray_quote_mark_is_never_a_sentence(text: str) -> None:
    for start, end in split_sentences(text):
        assert any(ch.isalnum() for ch in text[start:end])


def test_cjk_sentences_end_at_ideographic_stops() -> None:
    text = "今天下雨。我们在家！你呢？"
    assert [text[s:e] for s, e in split_sentences(text)] == ["今天下雨。", "我们在家！", "你呢？"]


def test_offsets_are_relative_to_the_whole_text() -> None:
    text = "Intro line.\nFirst one. Second one."
    spans = split_sentences(text, 12, len(text))
    assert [text[s:e] for s, e in spans] == ["First one.", "Second one."]


def test_a_huge_paragraph_is_cut_into_bounded_pieces() -> None:
    from reader.core.reading.sentences import MAX_CHUNK

    words = " ".join(f"word{k % 97}" for k in range(40_000))  # ~280 kB, no punctuation
    text = f"{words}. Then a real sentence follows here."
    spans = split_sentences(text)
    assert all(end - start <= MAX_CHUNK for start, end in spans)
    assert "".join(text[s:e] for s, e in spans).replace(" ", "") == text.replace(" ", "")
    assert text[spans[-1][0] : spans[-1][1]] == "Then a real sentence follows here."
