"""Word lists the analysis shares: number words, ordinals, months, weekdays, stop words.

Kept in one place so that the alignment's terms and the facts' values read
"four", "fourth" and "Sept." the same way.
"""

from __future__ import annotations

#: Number words and their values ("a dozen" is read with :data:`SCALES`).
NUMBER_VALUES = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "a": 1, "an": 1,
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
}  # fmt: skip
#: Words that multiply the number before them.
SCALES = {
    "hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000,
    "trillion": 1_000_000_000_000, "dozen": 12, "k": 1_000, "m": 1_000_000, "bn": 1_000_000_000,
}  # fmt: skip
ORDINAL_VALUES = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
    "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14,
    "fifteenth": 15, "twentieth": 20, "thirtieth": 30, "hundredth": 100,
}  # fmt: skip
#: Month names and abbreviations, lower case, and the month's number.
MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7, "august": 8,
    "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
    "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
WEEKDAYS = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6,
    "mon": 0, "tue": 1, "tues": 1, "wed": 2, "thu": 3, "thurs": 3, "fri": 4, "sat": 5, "sun": 6,
}  # fmt: skip
MONTH_NAMES = ("", "January", "February", "March", "April", "May", "June", "July", "August", "September",
               "October", "November", "December")  # fmt: skip
WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")

#: Function words, reporting verbs and a few words that name no fact of their
#: own ("new", "Russia-related"): frequent everywhere, they say little about
#: which sentences match.
STOPWORDS = frozenset(
    """a about above after again against all also although am an and any are aren't as at be because been
    before being below between both but by can could did do does doing down during each either even ever
    few for from further had has have having he her here hers herself him himself his how however i if in
    into is isn't it it's its itself just least less let like may me might more most much must my myself
    neither no nor not now of off often on once one only or other others our ours ourselves out over own
    per rather same she should since so some such than that that's the their theirs them themselves then
    there these they this those though through thus to too under until up upon us' very via was we were
    what when where whether which while who whom whose why will with within without would yet you your
    yours yourself said says say saying told tell added adding according also already still just
    mr mrs ms dr new related""".split()
)
