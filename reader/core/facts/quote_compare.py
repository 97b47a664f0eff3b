"""Compare the direct quotes of two articles word by word.

A quote in one article is matched with the quote in the other that shares
most of its words. The verdict is ``exact`` when the shorter one's words run
unchanged inside the longer one, ``altered`` when most words are shared but
some changed (with the word diff), and ``paraphrased`` when fewer are shared,
or when the other article reports the quoted words without quotation marks
in the linked sentence.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass

from reader.core.alignment.word_diff import word_diff
from reader.core.facts.extract import ArticleFacts, Fact
from reader.core.facts.quotes import quote_words
from reader.core.facts.speakers import same_speaker
from reader.core.facts.verdicts import MIN_SHARED, PARAPHRASED_SHARE, REPORTED_SHARE, UNLINKED_SHARE, content, quote_verdict, shared_words
from reader.core.models import Alignment, DiffOp, QuoteVerdict, Segment
from reader.core.text.opcodes import indel_opcodes
from reader.core.text.tokens import diff_key, word_tokens


@dataclass(frozen=True, slots=True)
class QuotePair:
    """The same quote in two articles.

    Attributes:
        a: The quote in the left article (kind ``"quote"``).
        b: The quote in the right article; for a paraphrase without
            quotation marks, a fact of kind ``"paraphrase"`` spanning the
            linked sentence.
        verdict: ``"exact"``, ``"altered"`` or ``"paraphrased"``.
        diff: Word diff from ``a`` to ``b`` (offsets into the two texts).
        link: Index of the alignment link holding both, else ``None``.
    """

    a: Fact
    b: Fact
    verdict: QuoteVerdict
    diff: tuple[DiffOp, ...]
    link: int | None

    @property
    def speaker_a(self) -> str | None:
        """Who the left article says spoke."""
        return self.a.speaker

    @property
    def speaker_b(self) -> str | None:
        """Who the right article says spoke."""
        return self.b.speaker

    @property
    def different_speakers(self) -> bool:
        """Whether the two articles put these words in different mouths.

        Only two named speakers can differ (:func:`same_speaker`): "Park" and
        "Mayor Linda Park" are one, and a side with no speaker, or one named
        by no one ("critics"), differs from no one.
        """
        return not same_speaker(self.a.speaker, self.b.speaker)


def compare_quotes(alignment: Alignment, facts_a: ArticleFacts, facts_b: ArticleFacts) -> tuple[QuotePair, ...]:
    """Match the quotes of two articles and judge each match.

    Each quote is matched with the quote of the other article sharing most
    words; one long quote may match several shorter ones. A quote with no
    counterpart is matched, as a paraphrase, with the sentence linked to its
    own when that sentence carries enough of its words.

    Args:
        alignment: The alignment of the two articles.
        facts_a: The facts of ``alignment.a``.
        facts_b: The facts of ``alignment.b``.

    Returns:
        The pairs, in the order of the left quotes.
    """
    quotes_a, quotes_b = facts_a.quotes, facts_b.quotes
    chosen: dict[tuple[int, int], QuoteVerdict] = {}
    for side, mine, theirs in (("a", quotes_a, quotes_b), ("b", quotes_b, quotes_a)):
        # Only quotes sharing a word that means something can match: index
        # them by their content words ("the" would make every pair a candidate).
        by_word: dict[str, set[int]] = defaultdict(set)
        for j, other in enumerate(theirs):
            for word in set(content(other.words)) or set(other.words):
                by_word[word].add(j)
        for i, quote in enumerate(mine):
            best: tuple[int, float, int, QuoteVerdict] | None = None
            shared: Counter[int] = Counter()
            for word in set(content(quote.words)) or set(quote.words):
                shared.update(by_word.get(word, ()))
            least = min(2, len(set(content(quote.words))) or 1)
            for j in sorted(k for k, n in shared.items() if n >= least):
                other = theirs[j]
                verdict = quote_verdict(quote.words, other.words)
                if verdict is None or verdict == "paraphrased" and not _one_mouth(quote.speaker, other.speaker):
                    continue  # a few words alike in another's mouth are another quote
                equal, _ = shared_words(quote.words, other.words)
                score = (equal, equal / max(len(quote.words), len(other.words)), j, verdict)
                if best is None or score[:2] > best[:2]:
                    best = score
            if best is not None:
                chosen[(i, best[2]) if side == "a" else (best[2], i)] = best[3]
    pairs = [_pair(alignment, quotes_a[i], quotes_b[j], verdict) for (i, j), verdict in chosen.items()]
    matched_a = {i for i, _ in chosen}
    matched_b = {j for _, j in chosen}
    pairs += _paraphrases(alignment, [q for k, q in enumerate(quotes_a) if k not in matched_a], facts_b, "a")
    pairs += _paraphrases(alignment, [q for k, q in enumerate(quotes_b) if k not in matched_b], facts_a, "b")
    pairs.sort(key=lambda p: (p.a.start, p.b.start))
    return tuple(pairs)


def _one_mouth(a: str | None, b: str | None) -> bool:
    """Whether two quotes may be one speaker's: either is unattributed, or both are
    given the same way (:func:`same_speaker`), not one to a named person and the
    other to "two men" or "critics"."""
    if a is None or b is None:
        return True
    if a[:1].isupper() != b[:1].isupper():
        return False
    return a == b or same_speaker(a, b)


def _pair(alignment: Alignment, a: Fact, b: Fact, verdict: QuoteVerdict) -> QuotePair:
    # When one outlet quotes more of the speech than the other, diff the
    # shorter quote against the part of the longer one it matches, so the
    # diff shows what was changed, not what was left out.
    a_span = _window(alignment.a.text, a, b.words) if len(a.words) > len(b.words) else (a.start, a.end)
    b_span = _window(alignment.b.text, b, a.words) if len(b.words) > len(a.words) else (b.start, b.end)
    diff = word_diff(
        alignment.a.text,
        [Segment(*a_span, alignment.a.text[a_span[0] : a_span[1]])],
        alignment.b.text,
        [Segment(*b_span, alignment.b.text[b_span[0] : b_span[1]])],
    )
    return QuotePair(a, b, verdict, diff, link_of(alignment, a.sentence, b.sentence))


def _window(text: str, quote: Fact, other: tuple[str, ...]) -> tuple[int, int]:
    """The span of ``quote`` from its first to its last word shared with ``other``."""

    tokens = [t for t in word_tokens(text, quote.start, quote.end) if t[2][0].isalnum()]
    if not tokens or not other:
        return quote.start, quote.end
    matched = [(i1, i2, j1, j2) for tag, i1, i2, j1, j2 in indel_opcodes([diff_key(t[2]) for t in tokens], other) if tag == "equal"]
    # A lone shared "we" far from the rest is chance, not the quote's start:
    # drop a one-word block at either end when this side skips many more
    # words to reach the next block than the other side does.
    while len(matched) > 1 and matched[0][1] - matched[0][0] == 1 and (matched[1][0] - matched[0][1] > matched[1][2] - matched[0][3] + 2):
        matched.pop(0)
    while len(matched) > 1 and matched[-1][1] - matched[-1][0] == 1 and (matched[-1][0] - matched[-2][1] > matched[-1][2] - matched[-2][3] + 2):
        matched.pop()
    if not matched:
        return quote.start, quote.end
    # Words of the shorter quote before its first shared word (and after its
    # last) were changed, not left out: keep as many on this side.
    lead, trail = matched[0][2], len(other) - matched[-1][3]
    first = max(matched[0][0] - lead, 0)
    last = min(matched[-1][1] - 1 + trail, len(tokens) - 1)
    return tokens[first][0], tokens[last][1]


def link_of(alignment: Alignment, sentence_a: int, sentence_b: int) -> int | None:
    """The index of the link holding both sentences, else ``None``."""
    for index, link in enumerate(alignment.links):
        if sentence_a in link.a and sentence_b in link.b:
            return index
    return None


def _paraphrases(alignment: Alignment, quotes: list[Fact], other: ArticleFacts, side: str) -> list[QuotePair]:
    """Quotes the other article reports in its own words.

    The sentences linked to the quote's are tried first; then any sentence
    of the other article that names the same speaker ("Bessent said both
    sides had made good progress"), which the aligner may have linked
    elsewhere or not at all.
    """
    pairs: list[QuotePair] = []
    if not quotes:
        return pairs
    named: dict[str, list[int]] = defaultdict(list)  # person -> sentences of the other article naming them
    for fact in other.facts:
        if fact.kind == "person" and (not named[fact.value] or named[fact.value][-1] != fact.sentence):
            named[fact.value].append(fact.sentence)
    links_of: dict[int, list[int]] = defaultdict(list)  # sentence of this side -> its links
    for number, run in enumerate(alignment.links):
        for k in run.a if side == "a" else run.b:
            links_of[k].append(number)
    reader = _Reported(other)
    for quote in quotes:
        candidates: list[tuple[int, int | None]] = []
        for number in links_of.get(quote.sentence, ()):
            # One sentence of the link at a time: the one that reports
            # the quote, not the whole run.
            run = alignment.links[number]
            candidates += [(k, number) for k in (run.b if side == "a" else run.a)]
        if quote.speaker:
            candidates += [(k, None) for k in named.get(quote.speaker, ())]
        for sentence, index in candidates:
            stand_in = reader.paraphrase(quote, sentence, linked=index is not None)
            if stand_in is None:
                continue
            a, b = (quote, stand_in) if side == "a" else (stand_in, quote)
            diff = word_diff(alignment.a.text, [Segment(a.start, a.end, a.text)], alignment.b.text, [Segment(b.start, b.end, b.text)])
            link = index if index is not None else link_of(alignment, a.sentence, b.sentence)
            pairs.append(QuotePair(a, b, "paraphrased", diff, link))
            break
    return pairs


class _Reported:
    """The sentences of one article read as paraphrases of the other's quotes.

    Each sentence's words are read once, however many quotes try it, and a
    sentence that cannot share enough words with a quote is turned down on
    a count of shared words before they are aligned in order.
    """

    def __init__(self, other: ArticleFacts) -> None:
        self.other = other
        self.quoted = [(q.start, q.end) for q in other.quotes]
        self._words: dict[int, tuple[tuple[str, ...], tuple[str, ...], Counter[str]]] = {}

    def _read(self, sentence: int) -> tuple[tuple[str, ...], tuple[str, ...], Counter[str]]:
        if sentence not in self._words:
            segment = self.other.article.sentences[sentence]
            words = quote_words(self.other.article.text, segment.start, segment.end)
            meaning = content(words)
            self._words[sentence] = (words, meaning, Counter(meaning))
        return self._words[sentence]

    def paraphrase(self, quote: Fact, sentence: int, linked: bool) -> Fact | None:
        """Sentence ``sentence`` of the other article as a paraphrase of ``quote``, if it is one."""
        other = self.other
        people = [f.value for f in other.in_sentence(sentence) if f.kind == "person"]
        # Reported speech names its speaker ("Greer noted that the Chinese side
        # views ..."): with the same speaker named, fewer shared words make a
        # paraphrase than without; away from the link, the speaker must be named.
        speaker = quote.speaker if quote.speaker in people else None
        if not linked and speaker is None:
            return None
        needed = (PARAPHRASED_SHARE if linked else UNLINKED_SHARE) if speaker else REPORTED_SHARE
        words, meaning, counts = self._read(sentence)
        mine = content(quote.words)
        least = max(MIN_SHARED, needed * max(len(mine), 1))
        # Words shared in order are at most the words shared at all.
        if sum((Counter(mine) & counts).values()) < least:
            return None
        equal, _ = shared_words(mine, meaning)
        if equal < MIN_SHARED or equal / max(len(mine), 1) < needed:
            return None
        segment = other.article.sentences[sentence]
        start, end = segment.start, segment.end
        if any(s < end and start < e for s, e in self.quoted):
            return None  # the other side quotes something else here
        text = other.article.text
        return Fact("paraphrase", start, end, text[start:end], " ".join(words), "", sentence, speaker=speaker, words=words)
