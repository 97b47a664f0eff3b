"""Find people, organisations and places by rule: capitalised spans, titles, a gazetteer.

No model is loaded. A span of capitalised words is split at places and
titles and classified by keywords ("Ministry", "Court", "Palacio"), by the
title before it ("Treasury Secretary Scott Bessent"), by a short built-in
list of places, and by a :class:`Gazetteer` learned from the loaded library,
so that "Bessent" alone is known to be Scott Bessent once any article gives
his full name.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from reader.core.facts.name_forms import TITLE_WORDS, canonical_place, normalise_name
from reader.core.models import Article, FactKind, SegmentKind
from reader.core.text.words import MONTHS, STOPWORDS, WEEKDAYS

_TOKEN = re.compile(r"(?:[A-Za-z]\.){2,}|[^\W\d_](?:[\w&]|['’](?=\w)|[-.](?=[^\W_]))*|\d+[^\W\d_]\w*|\S")
_ORG_WORDS = frozenset(
    """ministry department court congress house center centre institute university company corp corporation inc
    ltd group bank council commission agency office party association administration cooperation organization
    organisation union committee parliament senate assembly fund federation forum studies service services
    news times post journal reuters network board authority bureau foundation alliance treasury""".split()
)
_PLACE_WORDS = frozenset("palace palacio square street strait sea river island islands airport station".split())
_CONNECTORS = frozenset({"of", "for", "de", "del", "la", "and"})
_DEMONYMS = frozenset(
    """chinese american russian european spanish japanese korean british french german indian asian swedish
    swiss ukrainian taiwanese canadian mexican african western eastern""".split()
)
#: A short list of places the news names most; the library teaches the rest.
_PLACES = frozenset(
    """afghanistan africa argentina asia australia austria beijing belgium berlin brazil brussels canada china
    europe france geneva germany hong kong india indonesia iran iraq israel istanbul italy japan kyiv london
    madrid mexico moscow netherlands new york north korea paris poland russia saudi arabia shanghai singapore
    south korea spain stockholm sweden switzerland taiwan tokyo turkey ukraine united states united kingdom
    european union vietnam washington gaza egypt qatar tehran delhi seoul taipei ottawa rome""".split("\n")
)
_PLACE_NAMES = frozenset(
    n.strip() for line in _PLACES for n in re.split(r"\s(?=[a-z]+(?:\s|$))", line) if n.strip()
) | frozenset(
    {"hong kong", "new york", "north korea", "south korea", "saudi arabia", "united states", "united kingdom",
     "european union", "united arab emirates"}
)
#: Capitalised words that open sentences without naming anyone: "Senior
#: Treasury officials", "Experts said".
_OPENERS = frozenset(
    """senior former top new several many both some most all analysts experts officials critics supporters
    sources negotiators observers lawmakers leaders delegations talks negotiations""".split()
)
_MID_SENTENCE_CAP = re.compile(r"(?<=[a-z,;] )([A-Z][a-z]{2,})\b(?![ -][A-Z])")
_SPEECH = frozenset("said says stated added noted told warned asked wrote explained".split())


@dataclass(frozen=True, slots=True)
class Name:
    """A name found in text.

    Attributes:
        kind: "person", "organisation" or "place".
        start: Offset of the first character.
        end: Offset one past the last character.
        value: The display form ("Scott Bessent" for "Bessent").
        key: The comparison key (:func:`reader.core.facts.values.normalise_name`).
    """

    kind: FactKind
    start: int
    end: int
    value: str
    key: str


@dataclass(frozen=True, slots=True)
class Gazetteer:
    """Names learned from a library, to recognise them everywhere in it.

    Attributes:
        kinds: Kind of each name key seen with a confident kind.
        people: A single name ("bessent", "xi") to the full name it stands for.
        documents: How many articles mention each key.
        common: Lower-case words used in running text, so a capitalised one
            opening a sentence ("Talks resumed") is not a name.
        acronyms: Initials to the organisation they stand for ("apec").
    """

    kinds: Mapping[str, FactKind] = field(default_factory=dict)
    people: Mapping[str, str] = field(default_factory=dict)
    documents: Mapping[str, int] = field(default_factory=dict)
    common: frozenset[str] = frozenset()
    acronyms: Mapping[str, str] = field(default_factory=dict)


def learn_gazetteer(articles: Iterable[Article]) -> Gazetteer:
    """Learn names from articles: full names of people, kinds of names, common words.

    Args:
        articles: The library (or the two articles being compared).

    Returns:
        The gazetteer to pass to :func:`find_names` for each of them.
    """
    articles = list(articles)
    common = set(STOPWORDS)
    for article in articles:
        common.update(re.findall(r"\b[a-z][a-z'’-]*\b", article.text))
    base = Gazetteer(common=frozenset(common))
    kinds: dict[str, Counter[FactKind]] = defaultdict(Counter)
    documents: Counter[str] = Counter()
    full_names: dict[str, set[str]] = defaultdict(set)
    organisations: set[str] = set()
    for article in articles:
        seen: set[str] = set()
        # A capitalised word inside a sentence ("a probe of Nvidia") that
        # several articles use is a name, even with nothing around it to say so.
        for segment in article.sentences:
            if segment.kind is SegmentKind.SENTENCE:
                for match in _MID_SENTENCE_CAP.finditer(article.text, segment.start, segment.end):
                    word = match.group(1)
                    if word.lower() not in common and word.lower() not in _DEMONYMS:
                        seen.add(normalise_name(word))
        for name in find_names(article, base):
            kinds[name.key][name.kind] += 1
            seen.add(name.key)
            if name.kind == "organisation":
                organisations.add(name.value)
            if name.kind == "person" and " " in name.value:
                for part in (name.value.split()[0], name.value.split()[-1]):
                    full_names[part.lower()].add(name.value)
        documents.update(seen)
    # A single name stands for a full name only when it stands for one.
    people = {part: next(iter(names)) for part, names in full_names.items() if len(names) == 1}
    return Gazetteer(
        kinds={key: counts.most_common(1)[0][0] for key, counts in kinds.items()},
        people=people,
        documents=dict(documents),
        common=frozenset(common),
        acronyms=_acronyms(organisations),
    )


def _acronyms(names: Iterable[str]) -> dict[str, str]:
    """"apec" for "Asia-Pacific Economic Cooperation", "csis" for the Center
    for Strategic and International Studies; ambiguous initials are left out."""
    found: dict[str, set[str]] = defaultdict(set)
    for name in names:
        words = [w for w in re.split(r"[\s-]+", name) if w[:1].isupper()]
        if len(words) >= 2:
            found["".join(w[0] for w in words).lower()].add(name)
    return {initials: next(iter(full)) for initials, full in found.items() if len(full) == 1}


def find_names(article: Article, gazetteer: Gazetteer | None = None) -> list[Name]:
    """Every person, organisation and place named in an article's sentences.

    Headings are title case, where every word looks like a name, so in them
    only names the gazetteer knows are taken.

    Args:
        article: The article.
        gazetteer: Names learned from the library (default: nothing learned).

    Returns:
        The names sorted by offset.
    """
    gazetteer = gazetteer or Gazetteer()
    names: list[Name] = []
    for segment in article.sentences:
        heading = segment.kind is SegmentKind.HEADING
        for name in _names_in(article.text, segment.start, segment.end, gazetteer):
            if not heading or name.key in gazetteer.kinds:
                names.append(name)
    return names


def _names_in(text: str, start: int, end: int, gazetteer: Gazetteer) -> list[Name]:
    tokens = []
    for match in _TOKEN.finditer(text, start, end):
        tokens.extend(_split_hyphens(match.start(), match.group()))
    found: list[Name] = []
    for span, initial, before in _spans(text, tokens, start):
        found.extend(_classify(text, span, initial, before, gazetteer))
    return found


def _split_hyphens(start: int, token: str) -> list[tuple[int, int, str]]:
    """Split "US-China" into two places and "TikTok-related" before the suffix."""
    parts = token.split("-")
    if len(parts) == 1 or not parts[0][:1].isupper():
        return [(start, start + len(token), token)]
    if all(normalise_name(p) in _PLACE_NAMES or canonical_place(p) for p in parts) or parts[-1][:1].islower():
        out = []
        offset = start
        for k, part in enumerate(parts):
            if k:
                out.append((offset, offset + 1, "-"))
                offset += 1
            out.append((offset, offset + len(part), part))
            offset += len(part)
        return out
    return [(start, start + len(token), token)]


def _is_cap(token: str) -> bool:
    if not token[0].isupper():
        return False
    word = token.lower().replace(".", "")
    # Shouted headings glued into a paragraph ("PROGRESS ON TECHNICAL DETAILS")
    return not (token.isupper() and len(word) > 5 and word not in _PLACE_NAMES)


def _spans(
    text: str, tokens: list[tuple[int, int, str]], start: int
) -> Iterable[tuple[list[tuple[int, int, str]], bool, str]]:
    """Runs of capitalised tokens joined by single spaces, with connectors inside."""
    k = 0
    while k < len(tokens):
        if not _is_cap(tokens[k][2]):
            k += 1
            continue
        run = [tokens[k]]
        j = k + 1
        while j < len(tokens):
            if re.search(r"['’]s$", run[-1][2]):
                break  # a possessive ends a name: "TikTok's Chinese parent"
            gap = text[run[-1][1] : tokens[j][0]]
            if gap not in {" ", ""} or gap == "" and run:
                break
            token = tokens[j][2]
            if _is_cap(token):
                run.append(tokens[j])
                j += 1
                continue
            lower = token.lower()
            joinable = lower in _CONNECTORS and j + 1 < len(tokens) and _is_cap(tokens[j + 1][2])
            last = run[-1][2].lower().replace("’s", "").replace("'s", "")
            if joinable and lower != "and" and (last in _ORG_WORDS or last in _PLACE_WORDS or last in TITLE_WORDS):
                run.append(tokens[j])
                j += 1
                continue
            if joinable and lower == "and" and any(t[2] in {"of", "for"} for t in run):
                run.append(tokens[j])
                j += 1
                continue
            break
        previous = text[start : run[0][0]].rstrip()
        initial = not previous or previous[-1] in ".!?\"“”‘'(:\n–—"
        before = tokens[k - 1][2].lower() if k else ""
        yield run, initial, before
        k = j


def _word(token: str) -> str:
    return re.sub(r"['’]s$", "", token).lower().replace(".", "")


def _classify(
    text: str, span: list[tuple[int, int, str]], initial: bool, before: str, gazetteer: Gazetteer
) -> list[Name]:
    out: list[Name] = []
    # Dates are not names ("Monday's talks", "Sept. 17").
    span = [t for t in span if _word(t[2]) not in WEEKDAYS and _word(t[2]) not in MONTHS]
    while span and span[-1][2].lower() in _CONNECTORS:
        span = span[:-1]
    if not span:
        return out
    first = _word(span[0][2])
    # A capitalised common word opening a sentence is not a name ("The U.S.",
    # "Talks resumed", "Regarding TikTok"), unless the whole span is one
    # ("He Lifeng").
    opener = first in gazetteer.common or first in STOPWORDS or first in _OPENERS or re.search(r"(?:ing|ly)$", first)
    raw = re.sub(r"\.", "", _join(text, span).lower())
    if initial and opener and not (len(span) > 1 and gazetteer.kinds.get(raw) == "person"):
        span = span[1:]
        before = ""
    # Leading demonyms and places stand apart: "U.S. Treasury Secretary ...".
    while span:
        first = _word(span[0][2])
        if first in _DEMONYMS:
            span = span[1:]
            continue
        taken = _leading_place(text, span)
        if taken and taken < len(span) or taken == len(span) and taken:
            out.append(_name(text, span[:taken], "place"))
            span = span[taken:]
            continue
        break
    if not span:
        return out
    words = [_word(t[2]) for t in span]
    titled = [i for i, w in enumerate(words) if any(part in TITLE_WORDS for part in w.split("-"))]
    if words[-1] in _ORG_WORDS or any(w in _ORG_WORDS for w in words[1:]) and words[-1] not in TITLE_WORDS:
        last_is_title = bool(titled) and titled[-1] == len(words) - 1 and words[-1] not in _ORG_WORDS
        if not last_is_title and (words[-1] not in TITLE_WORDS or words[-1] in _ORG_WORDS):
            out.append(_name(text, span, "organisation"))
            return out
    if words[0] in _PLACE_WORDS:
        out.append(_name(text, span, "place"))
        return out
    if titled:
        rest = span[titled[-1] + 1 :]
        if rest and not (len(rest) == 1 and _word(rest[0][2]) in STOPWORDS):
            out.append(_person(text, rest, gazetteer))
        return out
    key = normalise_name(_join(text, span))
    if len(span) == 1 and span[0][2].isupper() and _word(span[0][2]) in gazetteer.acronyms:
        full = gazetteer.acronyms[_word(span[0][2])]  # "APEC": the Asia-Pacific Economic Cooperation
        out.append(Name("organisation", span[0][0], span[0][1], full, normalise_name(full)))
        return out
    if key in gazetteer.kinds:
        kind = gazetteer.kinds[key]
        out.append(_person(text, span, gazetteer) if kind == "person" else _name(text, span, kind))
        return out
    if len(span) == 1:
        token = span[0][2]
        word = _word(token)
        if word in STOPWORDS or (initial and word in gazetteer.common):
            return out
        if before in TITLE_WORDS or before in _SPEECH or word in gazetteer.people:
            out.append(_person(text, span, gazetteer))
        elif re.search(r"[a-z][A-Z]", token) or (token.isupper() and len(word) > 1) or re.search(r"\d", token):
            out.append(_name(text, span, "organisation"))  # TikTok, ByteDance, APEC, G7
        elif gazetteer.documents.get(key, 0) >= 2:
            out.append(_name(text, span, "organisation"))
        return out
    if len(span) <= 3 and all(re.fullmatch(r"[A-Z][a-z’'-]+", t[2]) for t in span):
        out.append(_person(text, span, gazetteer))
    else:
        out.append(_name(text, span, "organisation"))
    return out


def _leading_place(text: str, span: list[tuple[int, int, str]]) -> int:
    """How many tokens at the start of ``span`` name a known place."""
    for size in (3, 2, 1):
        if len(span) >= size:
            name = normalise_name(_join(text, span[:size]))
            if name in _PLACE_NAMES or canonical_place(_join(text, span[:size])):
                return size
    return 0


def _join(text: str, span: list[tuple[int, int, str]]) -> str:
    return re.sub(r"['’]s$", "", text[span[0][0] : span[-1][1]])


def _name(text: str, span: list[tuple[int, int, str]], kind: FactKind) -> Name:
    start, end = span[0][0], span[-1][1]
    surface = text[start:end]
    if re.search(r"['’]s$", surface):
        end -= 2
        surface = surface[:-2]
    value = canonical_place(surface) or surface if kind == "place" else surface
    return Name(kind, start, end, value, normalise_name(value))


def _person(text: str, span: list[tuple[int, int, str]], gazetteer: Gazetteer) -> Name:
    name = _name(text, span, "person")
    if " " not in name.value:
        full = gazetteer.people.get(name.value.lower())
        if full:
            return Name("person", name.start, name.end, full, normalise_name(full))
    return name
