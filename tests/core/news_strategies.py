"""Hypothesis strategies that write news: numbers in every format, times, money, quotes, headings.

Arbitrary Unicode rarely writes "3,500" twice, or "2:30" in two articles;
news does all the time. These strategies build sentences from the pieces
news is made of, so that properties are tried on the text users read.
"""

from __future__ import annotations

from hypothesis import strategies as st

# Few values, so that two articles often hold the same one, as reports of one story do.
_INTEGERS = st.sampled_from([3, 12, 40, 480, 1200, 3500, 40000, 1_500_000])
_NUMBERS = st.one_of(
    _INTEGERS.map(str),
    _INTEGERS.map(lambda n: f"{n:,}"),  # 3,500
    _INTEGERS.map(lambda n: f"{n:,}".replace(",", ", ")),  # 3, 500 (ECB+ spacing)
    st.floats(0, 100, allow_nan=False).map(lambda x: f"{x:.1f}"),
    st.floats(0, 100, allow_nan=False).map(lambda x: f"{x:.1f}".replace(".", ". ")),  # 6. 1
    st.sampled_from(["one", "three", "twelve", "twenty", "a dozen", "hundreds", "first", "third", "21st", "4th"]),
)
_TIMES = st.one_of(
    st.tuples(st.integers(0, 23), st.sampled_from([0, 15, 30])).map(lambda t: f"{t[0]}:{t[1]:02d}"),
    st.tuples(st.integers(1, 12), st.integers(0, 59), st.sampled_from(["a.m.", "p.m.", "am", "pm", "a. m."])).map(lambda t: f"{t[0]}.{t[1]:02d} {t[2]}"),
    st.tuples(st.integers(1, 12), st.integers(0, 59)).map(lambda t: f"{t[0]}: {t[1]:02d} pm"),  # 7: 35 pm
    st.sampled_from(["noon", "midnight", "3 a.m.", "Sept. 17", "Monday", "2025-09-15", "05 / 02 / 2013"]),
)
_MONEY = st.one_of(
    _NUMBERS.map(lambda n: f"${n}"),
    _NUMBERS.map(lambda n: f"$ {n} million"),
    st.integers(1, 999).map(lambda n: f"${n}m"),
    st.integers(1, 99).map(lambda n: f"£{n}bn"),
    st.tuples(st.integers(1, 9), st.integers(1, 9)).map(lambda t: f"${t[0]}.{t[1]}-{t[0] + 1}.{t[1]} million"),
    _NUMBERS.map(lambda n: f"{n} euros"),
)
_PERCENT = _NUMBERS.map(lambda n: f"{n}%") | _NUMBERS.map(lambda n: f"{n} per cent") | _NUMBERS.map(lambda n: f"{n} percent")
_RANGES = st.tuples(_NUMBERS, _NUMBERS).map(lambda t: f"{t[0]} to {t[1]}") | st.tuples(_NUMBERS, _NUMBERS).map(lambda t: f"{t[0]}-{t[1]}")
_VALUES = st.one_of(_NUMBERS, _TIMES, _MONEY, _PERCENT, _RANGES)
_WORDS = st.sampled_from(
    """the council police fire officials said U.S. Dr. Mr. Sen. Inc. Co. vote voted killed died injured
    warehouse plan tariffs talks deadline extension on at in by about roughly more than TikTok Madrid
    Bessent China people — - ( ) ; : , 's""".split()
)
_QUOTE = st.lists(_WORDS, min_size=1, max_size=8).map(" ".join).flatmap(lambda q: st.sampled_from([f'"{q}," she said', f"“{q}”", f"‘{q}’", f'"{q}']))
_PIECE = st.one_of(_WORDS, _WORDS, _WORDS, _VALUES, _QUOTE)
sentences = st.lists(_PIECE, min_size=1, max_size=25).map(" ".join).flatmap(lambda s: st.sampled_from([s + ".", s + "?", s, s.upper(), s + ". " + s]))
headings = st.lists(_WORDS | _VALUES, min_size=1, max_size=6).map(" ".join)
paragraphs = st.lists(sentences, min_size=1, max_size=4).map(" ".join)
articles = st.tuples(headings, st.lists(paragraphs | headings, min_size=1, max_size=8)).map(lambda t: t[0] + "\n\n" + "\n\n".join(t[1]) + "\n")
