"""Find people, organisations and places by rule: capitalised spans, titles, a gazetteer.

No model is loaded. A span of capitalised words is split at places and
titles and classified by keywords ("Ministry", "Court", "Palacio"), by the
last word of a company, club or public body ("Harbor Logistics Inc.",
"Millbrook Rovers", "County Fire Brigade") or of a street ("Dock Street",
"Route 9"), by the title before it ("Treasury Secretary Scott Bessent"), by
the words around it ("in Millbrook", "Millbrook's Dock Street"), by a short
built-in list of places, and by a :class:`Gazetteer` learned from the loaded
library, so that "Bessent" alone is known to be Scott Bessent once any
article gives his full name.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache

from reader.core.facts.name_forms import LEGAL_SUFFIXES, TITLE_WORDS, canonical_place, normalise_name
from reader.core.models import Article, FactKind, SegmentKind
from reader.core.text.words import MONTHS, STOPWORDS, WEEKDAYS

_TOKEN = re.compile(r"(?:[A-Za-z]\.){2,}|[^\W\d_](?:[\w&]|['’](?=\w)|[-.](?=[^\W_]))*|\d+[^\W\d_]\w*|\S")
_ORG_WORDS = frozenset(
    """ministry department court congress house center centre institute university company corp corporation inc
    ltd group bank council commission agency office party association administration cooperation organization
    organisation union committee parliament senate assembly fund federation forum studies service services
    news times post journal reuters network board authority bureau foundation alliance treasury nations
    llc plc""".split()
)
#: Last words of companies, clubs and public bodies, which alone are common
#: nouns ("Police said", "Media reported"): a name only after another word.
_BODY_WORDS = frozenset(
    """co holdings logistics partners industries airlines airways motors capital systems technologies energy
    media foods pharmaceuticals rovers united fc club hospital school college academy police brigade trust ferries
    wire radio tv television gazette herald tribune courier chronicle observer ledger
    society museum freight shipping railways transport construction engineering insurance securities
    investments ventures labs pharma telecom communications software electronics chemicals mining petroleum
    hotels resorts stores brands retail properties estates developments enterprises associates solutions
    consulting studios entertainment publishing press""".split()
)
_PLACE_WORDS = frozenset("palace palacio square street strait sea river island islands airport station".split())
#: Last words of places that are no street: "Breckin County", "Carrow Isle", "Cedar Shoals".
_PLACE_LAST = frozenset("county isle island islands bay valley coast heights shoals creek beach peninsula".split())
#: Last words of streets, roads and squares ("Dock Street", "Kings Highway").
_STREET_WORDS = frozenset(
    """street st road rd avenue ave lane boulevard blvd highway hwy square drive crescent terrace parkway
    expressway freeway motorway turnpike plaza bridge tunnel pier wharf quay harbour harbor alley""".split()
)
#: Roads known by number: "Route 9", "Interstate 95", "Highway 101".
_ROUTE_WORDS = frozenset("route highway interstate motorway".split())
_ORDINAL = re.compile(r"\d+(?:st|nd|rd|th)")
#: Institutions whose names hold a possessive: "St Mary's Hospital", "King's College".
_POSSESSIVE_INSTITUTIONS = frozenset("hospital college school church cathedral university academy infirmary".split())
#: Words before a name that say it is where something happens: "in Millbrook".
_LOCATIVES = frozenset("in near outside across throughout around inside towards toward".split())
#: Words before "in" that make what follows a thing owned or joined, not a place: "a stake in Nvidia".
_NOT_LOCATIVE = frozenset(
    """stake stakes share shares invest invested investing investment investments interest confidence faith
    trust role job jobs career position stock holdings deal deals""".split()
)
#: "the town of Millbrook", "residents of Millbrook".
_PLACE_OF = re.compile(
    r"\b(?:town|city|village|county|state|province|suburb|borough|district|region|port|capital|outskirts"
    r"|residents|people|streets|centre|center|mayor)\s+of\s+$",
    re.I,
)
#: What follows a place's possessive: "Millbrook's Dock Street", "Millbrook's mayor".
_PLACE_POSSESSION = re.compile(
    r"['’]s\s{1,3}(?:(?:[A-Z][\w'’-]{0,30}\s{1,3}){0,3}(?:Street|St|Road|Avenue|Ave|Lane|Boulevard|Highway|Square|Drive|Plaza"
    r"|Bridge|Harbou?r|Waterfront)\b|(?:own\s+)?(?:mayor|council|residents|streets|downtown|town|city|centre|center"
    r"|harbou?r|port|waterfront|suburbs|outskirts|neighbou?rhoods?|schools|hospitals|roads|airport|people)\b)"
)
#: What follows a place named as a modifier: "the Millbrook city council", "the Palmer area".
_PLACE_NOUN_AFTER = re.compile(
    r" (?:city|town|village|county|area|region|district|suburbs?|residents|downtown|harbou?r|port|waterfront"
    r"|airport|police|fire department|council|mayor|neighbou?rhoods?|man|woman|men|women|resident|native"
    r"|family|couple|teenager|teen|boy|girl)\b"
)
_CONNECTORS = frozenset({"of", "for", "de", "del", "la", "and"})
_DEMONYMS = frozenset(
    """chinese american russian european spanish japanese korean british french german indian asian swedish
    swiss ukrainian taiwanese canadian mexican african western eastern englishman englishwoman frenchman
    frenchwoman scotsman scotswoman irishman irishwoman welshman welshwoman dutchman dutchwoman""".split()
)
#: A short list of places the news names most; the library teaches the rest.
#: Names of more than one word are joined by "_" here.
_PLACES = """afghanistan africa argentina asia australia austria beijing belgium berlin brazil brussels canada china
    europe france geneva germany hong_kong india indonesia iran iraq israel istanbul italy japan kyiv london
    madrid mexico moscow netherlands new_york north_korea paris poland russia saudi_arabia shanghai singapore
    south_korea spain stockholm sweden switzerland taiwan tokyo turkey ukraine united_states united_kingdom
    european_union vietnam washington gaza egypt qatar tehran delhi seoul taipei ottawa rome korea
    united_arab_emirates midwest alabama alaska arizona arkansas california colorado connecticut delaware
    florida hawaii idaho illinois indiana iowa kansas kentucky louisiana maine maryland massachusetts
    michigan minnesota mississippi missouri montana nebraska nevada new_hampshire new_jersey new_mexico
    north_carolina north_dakota ohio oklahoma oregon pennsylvania rhode_island south_carolina south_dakota
    tennessee texas utah vermont west_virginia wisconsin wyoming new_zealand england scotland wales ireland
    pakistan nigeria kenya syria lebanon greece portugal norway denmark finland chile peru colombia venezuela
    cuba philippines thailand malaysia bangladesh yemen libya sudan ethiopia south_africa haiti chicago
    los_angeles san_francisco toronto dubai mumbai cairo baghdad kabul jerusalem"""
_PLACE_NAMES = frozenset(name.replace("_", " ") for name in _PLACES.split())
#: Capitalised words that open sentences without naming anyone: "Senior
#: Treasury officials", "Experts said".
_OPENERS = frozenset(
    """senior former top new several many both some most all analysts experts officials critics supporters
    sources negotiators observers lawmakers leaders delegations talks negotiations""".split()
)
_MID_SENTENCE_CAP = re.compile(r"(?<=[a-z,;] )([A-Z][a-z]{2,})\b(?![ -][A-Z])")
#: Words shaped like a nationality ("Italian", "Lebanese", "Polish"), not names of their own.
_DEMONYM_SHAPE = re.compile(r"[a-z]+(?:ian|ese|ish|ean)")
#: Words for what someone is, not who, that may open a sentence before a name.
_ROLE_WORDS = frozenset("owner owners manager operator landlord tenant witness witnesses survivor victim boss".split())
#: How a possessive ends ("Millbrook's", "Millbrook’s").
_POSSESSIVE = ("'s", "’s")
_SPEECH = frozenset("said says stated added noted told warned asked wrote explained".split())
#: What someone is, said beside a single name that makes it a person's ("official Fauzi",
#: "Fauzi, an official from the agency"), as a title would.
_PERSON_NOUNS = frozenset(
    """official doctor nurse farmer resident witness teacher student driver worker engineer lawyer attorney
    analyst economist researcher scientist survivor victim villager fisherman pilot soldier policeman
    policewoman activist neighbour neighbor mother father son daughter wife husband brother sister
    spokesman spokeswoman spokesperson head chief""".split()
)
_PERSON_APPOSED = re.compile(
    rf",\s{{1,3}}(?:a|an|the)\s{{1,3}}(?:[\w-]{{1,30}}\s{{1,3}}){{0,3}}?(?:{'|'.join(sorted(_PERSON_NOUNS))})\b"
)
#: "Secretary of the Interior Ken Salazar": a title of a department, its last word caught up in the name.
_TITLE_OF = re.compile(
    rf"\b(?:{'|'.join(sorted(w for w in TITLE_WORDS if '-' not in w))})\s{{1,3}}of\s{{1,3}}the\s{{1,3}}$", re.I
)


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
        articles: How many articles it was learned from. A capitalised word
            inside a sentence is taken for a name when several of them use
            it, or when there is only the one article to learn from.
    """

    kinds: Mapping[str, FactKind] = field(default_factory=dict)
    people: Mapping[str, str] = field(default_factory=dict)
    documents: Mapping[str, int] = field(default_factory=dict)
    common: frozenset[str] = frozenset()
    acronyms: Mapping[str, str] = field(default_factory=dict)
    articles: int = 0

    @property
    def mentions_needed(self) -> int:
        """In how many articles a bare capitalised word must appear to be a name."""
        return 1 if self.articles == 1 else 2


#: A run of capitalised words that may be a name: its tokens, whether it opens
#: a sentence, and the word before it.
Candidate = tuple[list[tuple[int, int, str]], bool, str]
#: An article's candidates, per sentence: whether the sentence is a heading, and its runs.
Candidates = tuple[tuple[bool, tuple[Candidate, ...]], ...]


def name_candidates(article: Article) -> Candidates:
    """The runs of capitalised words of each sentence, before any is typed.

    They do not depend on the gazetteer, so one article's candidates serve
    both to learn its gazetteer and to find its names.
    """
    text = article.text
    out = []
    for segment in article.sentences:
        tokens = []
        for match in _TOKEN.finditer(text, segment.start, segment.end):
            tokens.extend(_split_hyphens(match.start(), match.group()))
        out.append((segment.kind is SegmentKind.HEADING, tuple(_spans(text, tokens, segment.start))))
    return tuple(out)


def learn_gazetteer(articles: Iterable[Article], candidates: Iterable[Candidates] | None = None) -> Gazetteer:
    """Learn names from articles: full names of people, kinds of names, common words.

    Args:
        articles: The library (or the two articles being compared).
        candidates: Each article's :func:`name_candidates`, when already found.

    Returns:
        The gazetteer to pass to :func:`find_names` for each of them.
    """
    articles = list(articles)
    found = list(candidates) if candidates is not None else [name_candidates(a) for a in articles]
    common = set(STOPWORDS)
    for article in articles:
        common.update(re.findall(r"\b[a-z][a-z'’-]*\b", article.text))
    base = Gazetteer(common=frozenset(common))
    kinds: dict[str, Counter[FactKind]] = defaultdict(Counter)
    documents: Counter[str] = Counter()
    full_names: dict[str, set[str]] = defaultdict(set)
    organisations: set[str] = set()
    for article, runs in zip(articles, found, strict=True):
        seen: set[str] = set()
        # A capitalised word inside a sentence ("a probe of Nvidia") that
        # several articles use (or the only article) is a name, even with
        # nothing around it to say so.
        for segment in article.sentences:
            if segment.kind is SegmentKind.SENTENCE:
                for match in _MID_SENTENCE_CAP.finditer(article.text, segment.start, segment.end):
                    word = match.group(1).lower()
                    space = article.text.rfind(" ", segment.start, match.start() - 1)
                    if not article.text[space + 1 : match.start()].strip(",; ").islower():
                        continue  # "the New Deal": the word before is part of the name
                    if word not in common and word not in _DEMONYMS and not _DEMONYM_SHAPE.fullmatch(word):
                        seen.add(normalise_name(word))
        for name in find_names(article, base, runs):
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
        articles=len(articles),
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


def find_names(article: Article, gazetteer: Gazetteer | None = None, candidates: Candidates | None = None) -> list[Name]:
    """Every person, organisation and place named in an article's sentences.

    Headings are title case, where every word looks like a name, so in them
    only names the gazetteer knows are taken.

    Args:
        article: The article.
        gazetteer: Names learned from the library (default: nothing learned).
        candidates: The article's :func:`name_candidates`, when already found.

    Returns:
        The names sorted by offset.
    """
    gazetteer = gazetteer or Gazetteer()
    text = article.text
    names: list[Name] = []
    for heading, runs in candidates if candidates is not None else name_candidates(article):
        for span, initial, before in runs:
            for name in _classify(text, span, initial, before, gazetteer):
                if not heading or name.key in gazetteer.kinds:
                    names.append(name)
    return names


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
    """Runs of capitalised tokens joined by single spaces, with connectors inside.

    A run may open on an ordinal before a capitalised word ("5th Avenue"),
    take the number of a road ("Route 9"), a possessive inside an
    institution's name ("St Mary's Hospital") and a company's legal form
    ("Harbor Logistics, Inc.", "Falcon plc").
    """
    k = 0
    while k < len(tokens):
        ordinal = (
            _ORDINAL.fullmatch(tokens[k][2]) is not None
            and k + 1 < len(tokens)
            and text[tokens[k][1] : tokens[k + 1][0]] == " "
            and _is_cap(tokens[k + 1][2])
        )
        if not ordinal and not _is_cap(tokens[k][2]):
            k += 1
            continue
        run = [tokens[k]]
        j = k + 1
        while j < len(tokens):
            gap = text[run[-1][1] : tokens[j][0]]
            token = tokens[j][2]
            if run[-1][2].endswith(_POSSESSIVE):
                # A possessive ends a name ("TikTok's Chinese parent"), but
                # not an institution's ("St Mary's Hospital").
                if gap == " " and _is_cap(token) and _word(token) in _POSSESSIVE_INSTITUTIONS:
                    run.append(tokens[j])
                    j += 1
                    continue
                break
            lower = token.lower().rstrip(".")
            if gap == "" and token == "." and _abbreviation(run) and j + 1 < len(tokens):
                after = tokens[j + 1]
                if text[tokens[j][1] : after[0]] == " " and _is_cap(after[2]) and after[2].lower() not in STOPWORDS:
                    run += [tokens[j], after]  # "Sgt. Shayne La Croix", "Karen B. Olson"
                    j += 2
                    continue
            if token == "," and gap == "" and j + 1 < len(tokens) and _legal_after_comma(text, tokens[j], tokens[j + 1]):
                run += [tokens[j], tokens[j + 1]]  # "Harbor Logistics, Inc."
                j += 2
                continue
            if gap != " ":
                break
            if _is_cap(token) or lower == "plc":
                run.append(tokens[j])
                j += 1
                continue
            if token.isdigit() and _word(run[-1][2]) in _ROUTE_WORDS:
                run.append(tokens[j])  # "Route 9": the number is read as one run of digits
                j += 1
                while j < len(tokens) and tokens[j][2].isdigit() and tokens[j][0] == run[-1][1]:
                    run.append(tokens[j])
                    j += 1
                break
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


def _legal_after_comma(text: str, comma: tuple[int, int, str], token: tuple[int, int, str]) -> bool:
    """Whether ``token`` after ``comma`` is a company's legal form: "…, Inc.", "…, Ltd"."""
    word = token[2].lower()
    return (
        text[comma[1] : token[0]] == " "
        and token[2][:1].isupper()
        and word in LEGAL_SUFFIXES
        and word not in {"co", "company", "corporation", "limited"}
    )


def _abbreviation(run: list[tuple[int, int, str]]) -> bool:
    """Whether a run ends on a title cut short ("Sgt", "Dr") or on a middle initial ("Karen B")."""
    last = run[-1][2]
    return last.lower() in TITLE_WORDS and len(last) <= 4 or len(run) > 1 and len(last) == 1 and last.isupper()


@lru_cache(maxsize=65536)
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
    # ("He Lifeng", "Main Road", "Green Foods").
    opener = first in gazetteer.common or first in STOPWORDS or first in _OPENERS or first.endswith(("ing", "ly"))
    raw = _join(text, span).lower().replace(".", "")
    if (
        initial
        and opener
        and not (len(span) > 1 and gazetteer.kinds.get(raw) == "person")
        and not _named_by_last_word(span, first)
    ):
        span = span[1:]
        before = first
    if len(span) > 1 and _ORDINAL.fullmatch(span[0][2]) and _word(span[-1][2]) not in _STREET_WORDS:
        span = span[1:]  # "the 5th Avenue" is a street, "the 3rd Armoured Division" a division
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
    # "Owner Harbor Logistics Inc. put the damage at…": a role opening the sentence is no part of the name.
    while len(span) > 1 and _word(span[0][2]) in _ROLE_WORDS:
        span = span[1:]
    if not span:
        return out
    words = [_word(t[2]) for t in span]
    if (words[-1] in _STREET_WORDS or words[-1] in _PLACE_LAST) and len(words) > 1 or words[-1].isdigit() and words[0] in _ROUTE_WORDS:
        out.append(_name(text, span, "place"))  # "Dock Street", "Kings Highway", "Route 9"
        return out
    titled = [i for i, w in enumerate(words) if any(part in TITLE_WORDS for part in w.split("-"))]
    if titled and _titled_person(span, words, titled):
        # "Millbrook Police Chief Tom Reyes": the body, then the person.
        k = titled[-1]
        while k > 0 and (words[k - 1] in TITLE_WORDS or words[k - 1] in _CONNECTORS):
            k -= 1
        if k >= 2 and words[k - 1] not in TITLE_WORDS and _is_body(words[:k]):
            out.append(_name(text, span[:k], "organisation"))
            out.append(_person(text, _after_title(span, titled), gazetteer))
            return out
    body = _is_body(words)
    if body or any(w in _ORG_WORDS or w in _BODY_WORDS for w in words[1:]) and words[-1] not in TITLE_WORDS:
        last_is_title = bool(titled) and titled[-1] == len(words) - 1 and not body
        if not last_is_title and (words[-1] not in TITLE_WORDS or body):
            out.append(_name(text, span, "organisation"))
            return out
    if words[0] in _PLACE_WORDS:
        out.append(_name(text, span, "place"))
        return out
    if titled:
        rest = _after_title(span, titled)
        if rest and not (len(rest) == 1 and _word(rest[0][2]) in STOPWORDS):
            out.append(_person(text, rest, gazetteer))
        return out
    key = normalise_name(_join(text, span))
    if len(span) == 1 and span[0][2].isupper() and _word(span[0][2]) in gazetteer.acronyms:
        full = gazetteer.acronyms[_word(span[0][2])]  # "APEC": the Asia-Pacific Economic Cooperation
        out.append(Name("organisation", span[0][0], span[0][1], full, normalise_name(full)))
        return out
    if len(span) == 1:
        token = span[0][2]
        word = _word(token)
        if word in STOPWORDS or (initial and word in gazetteer.common):
            return out
        # Where a word stands says it is a place ("in Millbrook", "Millbrook's
        # Dock Street") whatever another article's name of the same word.
        if gazetteer.kinds.get(key) != "organisation" and _is_place_word(word, gazetteer) and _place_context(
            text, span, before
        ):
            out.append(_name(text, span, "place"))
            return out
    if key in gazetteer.kinds:
        kind = gazetteer.kinds[key]
        out.append(_person(text, span, gazetteer) if kind == "person" else _name(text, span, kind))
        return out
    if len(span) == 1:
        # "said Locke" names who spoke; "told AFP" whom he told, as often an agency as a person.
        if (
            before in TITLE_WORDS
            or before in _PERSON_NOUNS
            or before in _SPEECH - {"told", "asked"}
            or word in gazetteer.people
            or _PERSON_APPOSED.match(text, span[0][1], span[0][1] + 80)
        ):
            out.append(_person(text, span, gazetteer))
        elif re.search(r"[a-z][A-Z]", token) or (token.isupper() and len(word) > 1) or re.search(r"\d", token):
            out.append(_name(text, span, "organisation"))  # TikTok, ByteDance, APEC, G7
        elif gazetteer.documents.get(key, 0) >= gazetteer.mentions_needed:
            out.append(_name(text, span, "organisation"))
        return out
    if len(span) >= 3 and before == "the" and _TITLE_OF.search(text, max(0, span[0][0] - 60), span[0][0]) \
            and _person_shaped(span[1:]):
        out.append(_person(text, span[1:], gazetteer))
        return out
    if _person_shaped(span):
        if _place_context(text, span, before):
            out.append(_name(text, span, "place"))
        elif before == "the":
            out.append(_name(text, span, "organisation"))  # "the New Deal", "the Rising Tide"
        else:
            out.append(_person(text, span, gazetteer))
    else:
        out.append(_name(text, span, "organisation"))
    return out


def _is_body(words: list[str]) -> bool:
    """Whether the last word makes a span an organisation: "Ministry", "Harbor Logistics Inc"."""
    last = words[-1]
    return last in _ORG_WORDS or len(words) > 1 and (last in _BODY_WORDS or last in LEGAL_SUFFIXES)


def _named_by_last_word(span: list[tuple[int, int, str]], first: str) -> bool:
    """Whether a span of two words opening a sentence is a street or a body as a whole ("Main Road",
    "Green Foods"); in a longer one the common word is not part of the name ("Owner Harbor Logistics Inc.")."""
    if len(span) != 2 or first in STOPWORDS or first in _OPENERS or first.endswith(("ing", "ly")):
        return False
    words = [_word(t[2]) for t in span]
    return words[-1] in _STREET_WORDS or _is_body(words) or words[-1].isdigit() and words[0] in _ROUTE_WORDS


def _titled_person(span: list[tuple[int, int, str]], words: list[str], titled: list[int]) -> bool:
    """Whether the words after the last title are a person's name ("... Chief Tom Reyes")."""
    rest = _after_title(span, titled)
    return 0 < len(rest) <= 4 and _person_shaped(rest) and not any(
        w in _ORG_WORDS or w in _BODY_WORDS or w in _STREET_WORDS for w in words[titled[-1] + 1 :]
    )


def _after_title(span: list[tuple[int, int, str]], titled: list[int]) -> list[tuple[int, int, str]]:
    """The words after the last title, without the dot of "Sgt."."""
    rest = span[titled[-1] + 1 :]
    while rest and rest[0][2] == ".":
        rest = rest[1:]
    return rest


def _person_shaped(span: list[tuple[int, int, str]]) -> bool:
    """One to three capitalised words, with initials: "Linda Park", "Karen B. Olson"."""
    words = [t[2] for t in span if t[2] != "."]
    return 0 < len(words) <= 3 and all(re.fullmatch(r"(?:[A-Z][a-z’'-]+)+|[A-Z]", w) for w in words) and any(
        len(w) > 1 for w in words
    )


def _is_place_word(word: str, gazetteer: Gazetteer) -> bool:
    return word not in gazetteer.common and word not in _DEMONYMS and not _DEMONYM_SHAPE.fullmatch(word)


def _place_context(text: str, span: list[tuple[int, int, str]], before: str) -> bool:
    """Whether the words around a name say it is a place.

    "in Millbrook" (but not "a stake in Nvidia"), "the town of Millbrook",
    "Millbrook-based", "Millbrook's Dock Street", "Millbrook's mayor".
    """
    start, end = span[0][0], span[-1][1]
    if text.endswith(_POSSESSIVE, start, end):
        return _PLACE_POSSESSION.match(text, end - 2) is not None
    if re.match(r" ?- ?(?:based|born)\b", text[end : end + 8]) or _PLACE_NOUN_AFTER.match(text, end):
        return True
    after = re.match(r", ([A-Z][a-z]+(?: [A-Z][a-z]+)?)\b", text[end : end + 40])
    if after and normalise_name(after.group(1)) in _PLACE_NAMES:
        return True  # "Palmer, Alaska"
    lead = text[max(0, start - 40) : start]
    if before in _LOCATIVES:
        prior = re.findall(r"[A-Za-z]+", lead)
        return not (len(prior) >= 2 and prior[-2].lower() in _NOT_LOCATIVE)
    return _PLACE_OF.search(lead) is not None


def _leading_place(text: str, span: list[tuple[int, int, str]]) -> int:
    """How many tokens at the start of ``span`` name a known place."""
    for size in (3, 2, 1):
        if len(span) >= size:
            name = normalise_name(_join(text, span[:size]))
            if name in _PLACE_NAMES or canonical_place(_join(text, span[:size])):
                return size
    return 0


def _join(text: str, span: list[tuple[int, int, str]]) -> str:
    surface = text[span[0][0] : span[-1][1]]
    return surface[:-2] if surface.endswith(_POSSESSIVE) else surface


def _name(text: str, span: list[tuple[int, int, str]], kind: FactKind) -> Name:
    start, end = span[0][0], span[-1][1]
    surface = text[start:end]
    if surface.endswith(_POSSESSIVE):
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
