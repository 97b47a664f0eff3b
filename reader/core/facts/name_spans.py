"""Runs of capitalised words that may be names: tokens, hyphens split, connectors, initials, legal forms and road numbers kept inside."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from reader.core.facts.name_forms import LEGAL_SUFFIXES, TITLE_WORDS, canonical_place, normalise_name
from reader.core.facts.name_words import _CONNECTORS, _ORDINAL, _ORG_WORDS, _PLACE_NAMES, _PLACE_WORDS, _POSSESSIVE, _POSSESSIVE_INSTITUTIONS, _ROUTE_WORDS
from reader.core.text.words import STOPWORDS


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


def _spans(text: str, tokens: list[tuple[int, int, str]], start: int) -> Iterable[tuple[list[tuple[int, int, str]], bool, str]]:
    """Runs of capitalised tokens joined by single spaces, with connectors inside.

    A run may open on an ordinal before a capitalised word ("5th Avenue"),
    take the number of a road ("Route 9"), a possessive inside an
    institution's name ("St Mary's Hospital") and a company's legal form
    ("Harbor Logistics, Inc.", "Falcon plc").
    """
    k = 0
    while k < len(tokens):
        token = tokens[k][2]
        # Most tokens are neither: a capital or a digit opening a token is looked for first.
        opens = token[0].isupper() and _is_cap(token) or token[0].isdigit() and _ordinal_before_cap(text, tokens, k)
        if not opens:
            k += 1
            continue
        run, j = _run_at(text, tokens, k)
        previous = text[start : run[0][0]].rstrip()
        initial = not previous or previous[-1] in ".!?\"“”‘'(:\n–—"
        before = tokens[k - 1][2].lower() if k else ""
        yield run, initial, before
        k = j


def _ordinal_before_cap(text: str, tokens: list[tuple[int, int, str]], k: int) -> bool:
    """Whether token ``k`` is an ordinal a space before a capitalised word: "5th Avenue"."""
    return _ORDINAL.fullmatch(tokens[k][2]) is not None and k + 1 < len(tokens) and text[tokens[k][1] : tokens[k + 1][0]] == " " and _is_cap(tokens[k + 1][2])


def _run_at(text: str, tokens: list[tuple[int, int, str]], k: int) -> tuple[list[tuple[int, int, str]], int]:
    """The run of a name that opens on token ``k``, and the index of the token after it."""
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
    return run, j


def _legal_after_comma(text: str, comma: tuple[int, int, str], token: tuple[int, int, str]) -> bool:
    """Whether ``token`` after ``comma`` is a company's legal form: "…, Inc.", "…, Ltd"."""
    word = token[2].lower()
    return text[comma[1] : token[0]] == " " and token[2][:1].isupper() and word in LEGAL_SUFFIXES and word not in {"co", "company", "corporation", "limited"}


def _abbreviation(run: list[tuple[int, int, str]]) -> bool:
    """Whether a run ends on a title cut short ("Sgt", "Dr") or on a middle initial ("Karen B")."""
    last = run[-1][2]
    return last.lower() in TITLE_WORDS and len(last) <= 4 or len(run) > 1 and len(last) == 1 and last.isupper()


_POSSESSIVE_S = re.compile(r"['’]s$")


@lru_cache(maxsize=65536)
def _word(token: str) -> str:
    return _POSSESSIVE_S.sub("", token).lower().replace(".", "")
