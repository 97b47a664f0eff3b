"""Whether an article's facts can be checked in the time a person waits: what the check would cost, counted first.

The cost of a fact check is not the length of the text but what is in it.
Finding the facts costs a fraction of a millisecond for each figure, number
word, date or time (its value, what it counts, its role in its clause), and
little for each capitalised word (names are looked for among them). Pairing
them costs, in each pair of linked sentences, the product of the facts of the
two sides: a sentence that holds a thousand of them (a table of figures saved
as text, a list of names) costs its square; and each value is looked for among
the values of its kind and unit in the other report. Real news holds some one
value, 0.3 dates and 4 capitalised words a sentence, ten values at the most.

Each is counted here in passes of C over the sentences, stopping as soon as
a limit is passed, so that a refusal is quick however large the file.
"""

from __future__ import annotations

import re

from reader.core.cache import IdentityCache
from reader.core.models import Article
from reader.core.text.words import MONTHS, NUMBER_VALUES, ORDINAL_VALUES, SCALES, WEEKDAYS

#: Most figures, number words, dates and times. Each is looked for among the values of its kind and unit in the
#: other report, so a report that states one figure after another costs their square: two market reports of 3,000
#: figures each are paired in a second, of 12,000 in nine. Their finding and the alignment cost as much again. Two
#: long reports of real news (2,754 and 2,962 sentences of ECB+, 2,947 and 3,686 values) are checked whole.
MAX_VALUES = 4_000
#: Most dates (years, months, weekdays, "next", "yesterday"...). Pairing them is cheap, a look-up by value; but news
#: holds some 0.3 a sentence, so this is the limit a long report meets first, and so the one that bounds the finding
#: of its facts and its alignment: two reports of some 1,900 sentences of real news with 600 dates are compared, as a
#: whole ``reader facts``, in five seconds of CPU, half a second of it pairing; the two long reports above (895 and
#: 991 dates) in some seven.
MAX_DATES = 1_200
#: Most of the sum, over the sentences, of the square of the values and capitalised words each holds: what the
#: pairing of linked sentences costs. A report of 3,000 sentences comes to some 100,000; one sentence of 450
#: figures, to 200,000. Two versions of a list of 200 scores (160,000) are paired in under a second, of 400 in some
#: three. It bounds the capitalised words too: with at most 3,000 sentences, to some 25,000.
MAX_CROWDING = 200_000

#: Most words. Finding the facts reads every word for names, numbers and quotes: 100,000 words of one plain word take
#: 0.7 s, and news, whose dates and values cost more, some 40 µs a word, meets the date limit first (at some 45,000).
#: 3,000 sentences, the most a fact check takes, hold some 75,000 words of news; a text with no full stops is few
#: sentences however long it is: this bounds it.
MAX_WORDS = 100_000

#: A figure: where digits start a word ("3.5" is two, the digits of "word12" none).
_DIGITS = re.compile(r"\b\d")
#: Words that may be a date: a month, a weekday, the words of a relative date.
_DATE_WORDS = frozenset({*MONTHS, *WEEKDAYS, "today", "tomorrow", "yesterday", "tonight", "next", "last"})
#: Number words, ordinals, and the words of dates, in lower case. Each is one word (letters only), so a word of
#: the text is one of them when the whole of it is: a set looks it up, where a pattern of their hundred
#: alternatives would be tried at every word.
_VALUE_WORDS = frozenset({*NUMBER_VALUES, *SCALES, *ORDINAL_VALUES, *_DATE_WORDS} - {"a", "an", "m", "k"})
#: A year from 1500 to 2099, the whole of a word.
_YEAR = re.compile(r"(?:1[5-9]|20)\d\d")
#: A word: the run of word characters between two word boundaries.
_WORD = re.compile(r"\w+")
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
    values = dates = crowding = words = 0
    reason = ""
    for sentence in article.sentences:
        text = sentence.text
        words += len(text.split())
        if words > MAX_WORDS:
            reason = f"{name} holds too many words for a fact check (over {MAX_WORDS:,})"
            break
        held = len(_DIGITS.findall(text))
        for word in _WORD.findall(text.lower()):
            held += word in _VALUE_WORDS
            dates += word in _DATE_WORDS or len(word) == 4 and _YEAR.fullmatch(word) is not None
        values += held
        crowding += (held + len(_CAPITAL.findall(text))) ** 2
        if values > MAX_VALUES:
            reason = f"{name} holds too many numbers and dates for a fact check (over {MAX_VALUES:,})"
        elif dates > MAX_DATES:
            reason = f"{name} holds too many dates for a fact check (over {MAX_DATES:,})"
        elif crowding > MAX_CROWDING:
            reason = f"{name} holds sentences too full of numbers and names for a fact check (a table or a list?)"
        if reason:
            break
    _refusals.put((article,), None, reason)
    return reason
