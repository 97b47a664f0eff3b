"""Whether an article's facts can be checked in the time a person waits: what the check would cost, counted first.

The cost of a fact check is not the length of the text but what is in it.
Finding the facts costs some 0.15 ms for each figure, number word, date or
time (its value, what it counts, its role in its clause) and some 5 µs for
each capitalised word (names are looked for among them). Pairing them costs,
in each pair of linked sentences, the product of the facts of the two sides:
a sentence that holds a thousand of them (a table of figures saved as text,
a list of names) costs its square. Real news holds some 0.6 values and 4
capitalised words a sentence, ten values at the most.

Each is counted here in passes of C over the sentences, stopping as soon as
a limit is passed, so that a refusal is quick however large the file.
"""

from __future__ import annotations

import re

from reader.core.cache import IdentityCache
from reader.core.models import Article
from reader.core.text.words import MONTHS, NUMBER_VALUES, ORDINAL_VALUES, SCALES, WEEKDAYS

#: Most figures, number words, dates and times: a report of 3,000 sentences holds some 2,000.
MAX_VALUES = 15_000
#: Most of the sum, over the sentences, of the square of the values and capitalised words each holds: what the
#: pairing costs. A report of 3,000 sentences comes to some 100,000; one sentence of 450 figures, to 200,000.
#: It bounds the capitalised words too: with at most 3,000 sentences, to some 25,000.
MAX_CROWDING = 200_000

#: A figure: where digits start a word ("3.5" is two, the digits of "word12" none).
_DIGITS = re.compile(r"\b\d")
_WORDS = sorted({*NUMBER_VALUES, *SCALES, *ORDINAL_VALUES, *MONTHS, *WEEKDAYS, "today", "tomorrow", "yesterday", "tonight",
                 "next", "last"} - {"a", "an", "m", "k"}, key=len, reverse=True)
#: Number words, ordinals, months, weekdays and the words of relative dates, matched in lower-cased text.
_VALUE_WORDS = re.compile(r"\b(?:" + "|".join(_WORDS) + r")\b")
#: A word that starts with a capital (Latin, Greek, Cyrillic), where names are looked for.
_CAPITAL = re.compile(r"\b[A-Z\u00c0-\u00d6\u00d8-\u00de\u0391-\u03a9\u0410-\u042f]")
_refusals: IdentityCache[str] = IdentityCache(maxsize=256)


def too_much_for_facts(article: Article) -> str:
    """Why the article's facts would take too long to find and pair ("" when they would not).

    Args:
        article: The article.

    Returns:
        "table.txt holds too many numbers and dates for a fact check (over 15,000)", or "".
    """
    known = _refusals.get((article,), None)
    if known is not None:
        return known
    name = article.path.name
    values = crowding = 0
    reason = ""
    for sentence in article.sentences:
        text = sentence.text
        held = len(_DIGITS.findall(text)) + len(_VALUE_WORDS.findall(text.lower()))
        values += held
        crowding += (held + len(_CAPITAL.findall(text))) ** 2
        if values > MAX_VALUES:
            reason = f"{name} holds too many numbers and dates for a fact check (over {MAX_VALUES:,})"
        elif crowding > MAX_CROWDING:
            reason = f"{name} holds sentences too full of numbers and names for a fact check (a table or a list?)"
        if reason:
            break
    _refusals.put((article,), None, reason)
    return reason
