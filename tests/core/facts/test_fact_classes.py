"""Small cases of the ways a fact check goes wrong on real news, one class at a time.

Each case is two short reports of one made-up event, written the way two
outlets would write it: number words and digits, units of two systems,
qualifiers, time zones, weekdays, bylines and page stamps, other people
and other moments that share a noun, quotes attributed in different ways.
The verdicts asserted are the ones a careful fact-checker would sign after
reading both reports:

* every conflict listed is found (the pair of facts is judged ``different``
  and nothing else), and no other pair of facts is judged ``different``;
* every agreement listed is found (``same`` or ``compatible``);
* no quote is given to two different people unless the case says so.

A fact is matched by its words: a fact whose text holds the given words, or
whose text the given words hold ("19 km" matches the fact "about 19 km (12
miles)", and the fact "12" matches "12 000"), in any case.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pytest

from reader.core import align, load_article
from reader.core.facts.compare import FactComparison, FactPair, compare_facts
from reader.core.reading.articles import article_from_text

AGREEING = frozenset({"same", "compatible"})


def report(source: str, date: str, headline: str, *paragraphs: str) -> str:
    """A Markdown report with front matter (its source and date), its headline repeated as the first line."""
    body = "\n\n".join((headline, *paragraphs))
    return f"---\ntitle: {headline}\nsource: {source}\ndate: {date}\n---\n{body}\n"


def page(*lines: str) -> str:
    """A plain-text page as it was saved: headline, the lines above the story, then its paragraphs."""
    return "\n\n".join(lines) + "\n"


@dataclass(frozen=True)
class Case:
    """Two reports and what a fact-checker finds between them."""

    a: str
    b: str
    conflicts: tuple[tuple[str, str], ...] = ()
    agreements: tuple[tuple[str, str], ...] = ()


def case(
    name: str,
    a: str,
    b: str,
    conflicts: tuple[tuple[str, str], ...] = (),
    agreements: tuple[tuple[str, str], ...] = (),
) -> object:
    return pytest.param(Case(a, b, conflicts, agreements), id=name)


@cache
def compared(text_a: str, text_b: str) -> FactComparison:
    a = article_from_text(Path("a.md" if text_a.startswith("---") else "a.txt"), text_a)
    b = article_from_text(Path("b.md" if text_b.startswith("---") else "b.txt"), text_b)
    return compare_facts(align(a, b))


def holds(fact_text: str, words: str) -> bool:
    """Whether a fact's text and the given words overlap: one holds the other, in any case."""
    fact, wanted = fact_text.casefold(), words.casefold()
    return bool(fact) and (wanted in fact or fact in wanted)


def between(pair: FactPair, words_a: str, words_b: str) -> bool:
    return pair.a is not None and pair.b is not None and holds(pair.a.text, words_a) and holds(pair.b.text, words_b)


def verdicts(comparison: FactComparison, words_a: str, words_b: str) -> set[str]:
    """The verdicts of every pair of a fact of A matching ``words_a`` with a fact of B matching ``words_b``."""
    return {p.verdict for p in comparison.pairs if between(p, words_a, words_b)}


def describe(comparison: FactComparison) -> str:
    """Every pair and every quote of a comparison, one a line, for assertion messages."""
    lines = []
    for p in comparison.pairs:
        a = p.a.text if p.a else "-"
        b = p.b.text if p.b else "-"
        lines.append(f"  {p.kind:<12} {p.verdict:<10} {a!r} / {b!r}")
    for q in comparison.quotes:
        a = q.a.text if q.a else "-"
        b = q.b.text if q.b else "-"
        lines.append(f"  quote        {q.speaker_a!r} / {q.speaker_b!r}  {a[:40]!r} / {b[:40]!r}")
    return "\n".join(lines)


# --- Number words -----------------------------------------------------------

NUMBER_WORDS = [
    case(
        "two-killed-vs-three-killed",
        report(
            "Valley Courier",
            "2026-02-14",
            "Two killed as van hits bus shelter in Orlen",
            "Two people were killed when a van mounted the pavement and hit a bus shelter in Orlen on Friday evening, police said.",
        ),
        report(
            "Orlen Evening Post",
            "2026-02-14",
            "Van crash at Orlen bus stop",
            "Three people were killed when a delivery van struck a bus shelter on Orlen's high street on Friday evening, police said.",
        ),
        conflicts=(("Two", "Three"),),
    ),
    case(
        "one-died-vs-two-died",
        report(
            "Kessock Herald",
            "2026-07-03",
            "Climber dies on Ben Carran",
            "One climber died and another was rescued after a fall on Ben Carran on Thursday, mountain rescue said.",
        ),
        report(
            "Highland Radio",
            "2026-07-03",
            "Fall on Ben Carran",
            "Two climbers died after a fall on Ben Carran on Thursday, mountain rescue said.",
        ),
        conflicts=(("One", "Two"),),
    ),
    case(
        "no-one-and-one-of-are-not-counts",
        report(
            "Ashby Gazette",
            "2026-05-20",
            "Roof collapses at Ashby depot",
            "No one was killed when the roof of the bus depot in Ashby collapsed on Tuesday, but one of the 14 workers inside was hurt.",
        ),
        report(
            "Midshire Live",
            "2026-05-20",
            "Depot roof caves in",
            "Fourteen workers were in the Ashby bus depot when its roof fell in on Tuesday. One was injured and none died.",
        ),
        agreements=(("14", "Fourteen"),),
    ),
    case(
        "twenty-four-homes-vs-25-homes",
        report(
            "Tarn Valley News",
            "2026-01-09",
            "Flood hits Tarnmouth",
            "Twenty-four homes were flooded in Tarnmouth on Thursday night when the river burst its banks.",
        ),
        report(
            "North Coast Radio",
            "2026-01-09",
            "River bursts banks in Tarnmouth",
            "The river flooded 25 homes in Tarnmouth late on Thursday, the council said.",
        ),
        conflicts=(("Twenty-four", "25"),),
    ),
]

# --- Thousands and decimals as real pages write them -------------------------

THOUSANDS = [
    case(
        "12-000-with-a-space-is-12,000",
        report(
            "Helvetic Sport",
            "2026-06-07",
            "Record crowd for Lausanne final",
            "A crowd of 12 000 watched the cup final in Lausanne on Saturday.",
        ),
        report(
            "Alpine Sports Wire",
            "2026-06-07",
            "Lausanne hosts cup final",
            "The final in Lausanne on Saturday drew 12,000 spectators.",
        ),
        agreements=(("12 000", "12,000"),),
    ),
    case(
        "12-000-vs-21,000",
        report(
            "Helvetic Sport",
            "2026-06-14",
            "Bern derby sells out",
            "A crowd of 12 000 saw the Bern derby on Saturday.",
        ),
        report(
            "Alpine Sports Wire",
            "2026-06-14",
            "Derby day in Bern",
            "The Bern derby on Saturday was watched by 21,000 spectators.",
        ),
        conflicts=(("12 000", "21,000"),),
    ),
    case(
        "spaced-comma-thousands-and-spaced-decimal-millions",
        page(
            "Transit authority approves Riverside line",
            "The transit board on Tuesday approved the $ 412. 5 million Riverside light rail line, which will carry an estimated 3, 500 riders a day.",
        ),
        page(
            "Riverside rail line wins approval",
            "The $412.5 million Riverside light rail line was approved by the transit board on Tuesday. It is expected to carry 3,500 riders a day.",
        ),
        agreements=(("412. 5", "412.5"), ("3, 500", "3,500")),
    ),
    case(
        "spaced-decimal-magnitude-6.1-vs-6.4",
        page(
            "Quake shakes Ferrol coast",
            "A 6. 1 - magnitude earthquake struck off the Ferrol coast on Monday, the seismological institute said.",
        ),
        page(
            "Earthquake off Ferrol",
            "A magnitude 6.4 earthquake struck off the coast of Ferrol on Monday, the seismological institute said.",
        ),
        conflicts=(("6. 1", "6.4"),),
    ),
]

# --- Fractions, proportions and points --------------------------------------

FRACTIONS = [
    case(
        "2-1/2-years-is-two-and-a-half-years",
        report(
            "Castlebridge Gazette",
            "2026-03-20",
            "Builder jailed over deposits",
            "A builder who took deposits for kitchens he never fitted was jailed for 2 1/2 years on Friday.",
        ),
        report(
            "Northern News Agency",
            "2026-03-20",
            "Kitchen fraudster jailed",
            "A builder who pocketed deposits for kitchens that were never fitted was sentenced to two and a half years in prison on Friday.",
        ),
        agreements=(("2 1/2 years", "two and a half years"),),
    ),
    case(
        "2-1/2-years-vs-three-years",
        report(
            "Castlebridge Gazette",
            "2026-03-27",
            "Landlord jailed over fire doors",
            "A landlord who removed fire doors from a block of flats was jailed for 2 1/2 years on Friday.",
        ),
        report(
            "Northern News Agency",
            "2026-03-27",
            "Fire door landlord sentenced",
            "A landlord who took out the fire doors of a block of flats was jailed for three years on Friday.",
        ),
        conflicts=(("2 1/2 years", "three years"),),
    ),
    case(
        "a-quarter-of-homes-is-25-percent",
        report(
            "Delta Times",
            "2026-09-02",
            "Power still out in Port Neves",
            "A quarter of the homes in Port Neves were still without power on Wednesday, the utility said.",
        ),
        report(
            "Coastal Wire",
            "2026-09-02",
            "Port Neves outages drag on",
            "About 25% of homes in Port Neves remained without electricity on Wednesday, according to the utility.",
        ),
        agreements=(("quarter", "25%"),),
    ),
    case(
        "one-in-four-voters-vs-40-percent",
        report(
            "Civic Review",
            "2026-04-30",
            "Few turn out for Marlow referendum",
            "Only one in four registered voters took part in Marlow's referendum on the new bridge on Thursday.",
        ),
        report(
            "Marlow Today",
            "2026-04-30",
            "Bridge referendum result",
            "Turnout in Thursday's referendum on the Marlow bridge was 40% of registered voters.",
        ),
        conflicts=(("one in four", "40%"),),
    ),
    case(
        "two-thirds-vs-67-percent-and-half-vs-50-percent",
        report(
            "Civic Review",
            "2026-05-07",
            "Marlow bridge wins backing",
            "Two-thirds of voters backed the new bridge, and half of them said they would use it every day.",
        ),
        report(
            "Marlow Today",
            "2026-05-07",
            "Bridge gets the nod",
            "The new bridge was backed by 67% of voters; 50 percent of supporters said they would cross it daily.",
        ),
        agreements=(("Two-thirds", "67%"), ("half", "50 percent")),
    ),
    case(
        "25-basis-points-is-a-quarter-of-a-point",
        report(
            "Markets Daily",
            "2026-10-29",
            "Central bank trims rate",
            "The central bank cut its main rate by 25 basis points to 3.75% on Thursday.",
        ),
        report(
            "Evening Business",
            "2026-10-29",
            "Rate cut for borrowers",
            "The central bank lowered its main rate by a quarter of a percentage point to 3.75% on Thursday.",
        ),
        agreements=(("25 basis points", "a quarter of a percentage point"),),
    ),
    case(
        "50-basis-points-vs-a-quarter-of-a-point",
        report(
            "Markets Daily",
            "2026-11-05",
            "Central bank cuts rate to 3.5%",
            "The central bank cut its main rate by 50 basis points on Thursday.",
        ),
        report(
            "Evening Business",
            "2026-11-05",
            "Another cut for borrowers",
            "The central bank cut its main rate by a quarter of a point on Thursday.",
        ),
        conflicts=(("50 basis points", "a quarter of a point"),),
    ),
    case(
        "0.8-percentage-point-is-80-basis-points",
        report(
            "Helvetic Market Wire",
            "2026-10-27",
            "Alpwerk margin widens",
            "Alpwerk's operating margin widened by 0.8 percentage point to 14.6% in the third quarter.",
        ),
        report(
            "Continental Ledger",
            "2026-10-27",
            "Alpwerk lifts margin",
            "Alpwerk's operating margin improved by 80 basis points to 14.6% in the third quarter.",
        ),
        agreements=(("0.8 percentage point", "80 basis points"),),
    ),
]

# --- Ages, tolls and tallies without a noun ----------------------------------

ROLES = [
    case(
        "age-in-apposition-54-vs-45",
        report(
            "Nordic Wire",
            "2026-08-11",
            "Lindqvist named harbour chief",
            "Maria Lindqvist, 54, was named head of the Malmhavn port authority on Tuesday.",
        ),
        report(
            "Malmhavn Posten",
            "2026-08-11",
            "New chief for the port",
            "The port authority appointed Maria Lindqvist, 45, as its new head on Tuesday.",
        ),
        conflicts=(("54", "45"),),
    ),
    case(
        "age-in-apposition-is-the-54-year-old",
        report(
            "Nordic Wire",
            "2026-08-12",
            "Lindqvist takes over at Malmhavn port",
            "Maria Lindqvist, 54, took over as head of the Malmhavn port authority on Wednesday.",
        ),
        report(
            "Malmhavn Posten",
            "2026-08-12",
            "Port chief starts work",
            "The 54-year-old Maria Lindqvist began work as head of the port authority on Wednesday.",
        ),
        agreements=(("54", "54-year-old"),),
    ),
    case(
        "toll-without-a-noun-13-vs-twelve-died",
        report(
            "Gulf Coast Wire",
            "2026-09-18",
            "Storm toll climbs",
            "The toll from Tropical Storm Inés rose to 13 on Friday, state officials said.",
        ),
        report(
            "Bayou Radio",
            "2026-09-18",
            "Inés: the cost",
            "Twelve people have died in Tropical Storm Inés, state officials said on Friday.",
        ),
        conflicts=(("13", "Twelve"),),
    ),
    case(
        "fatalities-deaths-and-killed-are-one-count",
        report(
            "Gulf Coast Wire",
            "2026-09-19",
            "Inés fatalities reach 13",
            "State officials confirmed 13 fatalities from Tropical Storm Inés on Saturday.",
        ),
        report(
            "Bayou Radio",
            "2026-09-19",
            "Storm deaths confirmed",
            "Tropical Storm Inés killed 13 people, state officials said on Saturday.",
        ),
        agreements=(("13 fatalities", "13"),),
    ),
    case(
        "deaths-vs-people-killed-13-vs-14",
        report(
            "Gulf Coast Wire",
            "2026-09-20",
            "Inés: 13 deaths",
            "Officials have recorded 13 deaths from Tropical Storm Inés, they said on Sunday.",
        ),
        report(
            "Bayou Radio",
            "2026-09-20",
            "Storm toll updated",
            "Fourteen people were killed by Tropical Storm Inés, officials said on Sunday.",
        ),
        conflicts=(("13", "Fourteen"),),
    ),
    case(
        "finished-with-22-vs-scored-24-points",
        report(
            "Hoops Daily",
            "2026-02-03",
            "Hawks hold off Owls",
            "Dani Okafor finished with 22 as the Hawks beat the Owls 88-80 on Monday.",
        ),
        report(
            "City Sports",
            "2026-02-03",
            "Okafor leads Hawks",
            "Dani Okafor scored 24 points in the Hawks' 88-80 win over the Owls on Monday.",
        ),
        conflicts=(("22", "24"),),
        agreements=(("88-80", "88-80"),),
    ),
    case(
        "mother-of-12-vs-mother-of-13",
        report(
            "Orlen Evening Post",
            "2026-06-01",
            "Mother of 12 wins regional lottery",
            "Grace Adebayo, a mother of 12 from Orlen, won the regional lottery on Saturday.",
        ),
        report(
            "Valley Courier",
            "2026-06-01",
            "Orlen lottery winner",
            "A mother of 13 from Orlen, Grace Adebayo, won Saturday's regional lottery.",
        ),
        conflicts=(("12", "13"),),
    ),
    case(
        "built-in-the-1950s-vs-86-year-old",
        report(
            "Kelby Star",
            "2026-05-14",
            "Kelby bridge shut over cracks",
            "The Kelby bridge, built in the 1950s, was closed on Thursday after inspectors found cracks.",
        ),
        report(
            "Haulage Today",
            "2026-05-14",
            "Cracks close Kelby crossing",
            "Inspectors closed the 86-year-old Kelby bridge on Thursday after finding cracks in its piers.",
        ),
        conflicts=(("1950s", "86-year-old"),),
    ),
    case(
        "the-second-defendant-is-not-a-count",
        report(
            "Castlebridge Gazette",
            "2026-04-02",
            "Three charged over warehouse raid",
            "Three men were charged on Wednesday over the raid on the Castlebridge warehouse. The second defendant, Omar Reyes, was granted bail.",
        ),
        report(
            "Northern News Agency",
            "2026-04-02",
            "Warehouse raid: men charged",
            "Three men have been charged over the Castlebridge warehouse raid, police said on Wednesday. One of them, Omar Reyes, was given bail.",
        ),
        agreements=(("Three", "Three"),),
    ),
    case(
        "a-fourth-floor-flat-is-not-four",
        report(
            "Orlen Evening Post",
            "2026-11-21",
            "Two die in flat fire",
            "Two people died in a fire in a fourth-floor flat in Orlen on Friday night.",
        ),
        report(
            "Valley Courier",
            "2026-11-21",
            "Fatal fire in Orlen flats",
            "A fire in a flat on the fourth floor of an Orlen block killed two people on Friday night. Four neighbours escaped down the stairs.",
        ),
        agreements=(("Two", "two"),),
    ),
]

# --- Units of two systems -----------------------------------------------------

UNITS = [
    case(
        "12-miles-is-19-km",
        report(
            "Western Wire",
            "2026-08-18",
            "Fire front nears Pinecrest",
            "The fire front was 12 miles from Pinecrest Hollow on Tuesday morning, officials said.",
        ),
        report(
            "World Service",
            "2026-08-18",
            "California fire approaches town",
            "The fire was 19 km from the town of Pinecrest Hollow on Tuesday morning, officials said.",
        ),
        agreements=(("12 miles", "19 km"),),
    ),
    case(
        "12-miles-vs-12-km",
        report(
            "Western Wire",
            "2026-08-19",
            "Fire front holds",
            "The fire front was 12 miles from Pinecrest Hollow on Wednesday morning, officials said.",
        ),
        report(
            "World Service",
            "2026-08-19",
            "Firefighters hold the line",
            "The fire was 12 km from the town of Pinecrest Hollow on Wednesday morning, officials said.",
        ),
        conflicts=(("12 miles", "12 km"),),
    ),
    case(
        "90-mph-is-145-km/h",
        report(
            "Gulf Coast Wire",
            "2026-09-17",
            "Inés strengthens",
            "Tropical Storm Inés had sustained winds of 90 mph when it came ashore on Thursday.",
        ),
        report(
            "World Service",
            "2026-09-17",
            "Storm makes landfall",
            "Inés came ashore on Thursday with sustained winds of 145 km/h.",
        ),
        agreements=(("90 mph", "145 km/h"),),
    ),
    case(
        "90-mph-vs-120-km/h",
        report(
            "Gulf Coast Wire",
            "2026-09-24",
            "Storm Jaume makes landfall",
            "Storm Jaume had sustained winds of 90 mph when it came ashore on Thursday.",
        ),
        report(
            "World Service",
            "2026-09-24",
            "Jaume comes ashore",
            "Jaume came ashore on Thursday with sustained winds of 120 km/h.",
        ),
        conflicts=(("90 mph", "120 km/h"),),
    ),
    case(
        "500-acres-is-about-200-hectares",
        report(
            "Western Wire",
            "2026-07-02",
            "Grass fire near Alder Flat",
            "A grass fire burned 500 acres near Alder Flat on Wednesday before crews stopped it.",
        ),
        report(
            "World Service",
            "2026-07-02",
            "Fire near Alder Flat contained",
            "A grass fire near Alder Flat burned about 200 hectares on Wednesday before firefighters contained it.",
        ),
        agreements=(("500 acres", "200 hectares"),),
    ),
    case(
        "15%-contained-vs-containment-at-30%",
        report("Fire Desk", "2026-08-10", "Fire grows", "The blaze was 15% contained by Monday evening."),
        report("Valley Wire", "2026-08-10", "Crews gain ground", "Containment stood at 30% on Monday."),
        conflicts=(("15%", "30%"),),
    ),
    case(
        "between-2016-and-2022-is-from-2016-to-2022",
        report("Court Desk", "2026-04-10", "Treasurer sentenced", "The treasurer took the money between 2016 and 2022, the court heard."),
        report("Metro Ledger", "2026-04-10", "Fund fraud", "The scheme ran from 2016 to 2022, prosecutors said."),
        agreements=(("2016", "2016"), ("2022", "2022")),
    ),
    case(
        "expected-revenue-is-forecast-sales",
        report("Market Wire", "2026-07-24", "Tool maker beats estimates", "Analysts had expected revenue of $2.3 billion for the quarter."),
        report("Business Desk", "2026-07-24", "Results ahead", "Analysts had forecast sales of $2.3 billion for the quarter."),
        agreements=(("$2.3 billion", "$2.3 billion"),),
    ),
    case(
        "third-consecutive-vs-fourth-straight-meeting",
        report("Rates Desk", "2026-10-29", "Bank on hold", "The bank kept its rate at 2% on Thursday, the third consecutive meeting without a move."),
        report("Market Wire", "2026-10-29", "Rates unchanged", "The bank left its rate unchanged for a fourth straight meeting on Thursday, at 2%."),
        conflicts=(("third", "fourth"),),
    ),
    case(
        "a-loser-s-votes-after-his",
        report(
            "Harlow Herald",
            "2026-11-04",
            "Okafor wins Harlow",
            "Grace Okafor won Harlow with 9,214 votes to Tom Penrose's 8,877, according to the county clerk.",
        ),
        report(
            "Valley Wire",
            "2026-11-04",
            "New mayor in Harlow",
            "Grace Okafor beat Mayor Tom Penrose on Tuesday with about 9,200 votes to his 8,877, a margin of 337.",
        ),
        agreements=(("9,214", "about 9,200"), ("8,877", "8,877")),
    ),
    case(
        "12-years-vs-14-years-behind-bars",
        report("Court Desk", "2026-04-10", "Fraudster jailed", "Brandt was sentenced on Friday to 12 years in federal prison."),
        report("Metro Ledger", "2026-04-10", "Brandt jailed for fraud", "A judge on Friday sentenced Brandt to 14 years behind bars."),
        conflicts=(("12", "14"),),
    ),
    case(
        "magnitude-6.8-vs-magnitude-of-7.1",
        report("Quake Watch", "2026-02-02", "Quake hits coast", "A magnitude 6.8 earthquake struck the northern coast on Monday."),
        report(
            "Pacific Wire",
            "2026-02-02",
            "Strong quake on the coast",
            "A strong earthquake with a preliminary magnitude of 7.1 shook the northern coast on Monday.",
        ),
        conflicts=(("6.8", "7.1"),),
    ),
    case(
        "two-cuts-later-this-year-vs-three",
        report("Rates Desk", "2026-06-17", "Bank holds rates", "The central bank held rates and signalled two cuts later this year."),
        report("Market Wire", "2026-06-17", "Rates on hold", "The central bank kept rates on hold and pencilled in three cuts this year."),
        conflicts=(("two", "three"),),
    ),
    case(
        "2,000-cubic-metres-is-70,600-cubic-feet",
        report(
            "Harbour Desk",
            "2026-05-04",
            "Tunnel pumped dry",
            "Crews pumped 2,000 cubic metres of water out of the Orrin tunnel on Monday.",
        ),
        report(
            "Valley Courier",
            "2026-05-04",
            "Orrin tunnel reopens",
            "On Monday crews removed some 70,600 cubic feet of water from the Orrin tunnel.",
        ),
        agreements=(("2,000 cubic metres", "70,600 cubic feet"),),
    ),
    case(
        "42-cubic-metres-vs-42-metres-of-pipe",
        report(
            "Harbour Desk",
            "2026-05-05",
            "Tunnel pumped again",
            "Crews pumped 42 cubic metres of water out of the Orrin tunnel on Tuesday.",
        ),
        report(
            "Valley Courier",
            "2026-05-05",
            "More water out of Orrin tunnel",
            "On Tuesday crews pumped 60 cubic metres of water out of the Orrin tunnel.",
        ),
        conflicts=(("42 cubic metres", "60 cubic metres"),),
    ),
    case(
        "40-tonnes-is-88,000-pounds",
        report(
            "Haulage Today",
            "2026-03-11",
            "Bridge closed after lorry strike",
            "A lorry weighing 40 tonnes struck the Kelby bridge on Tuesday, closing it to traffic.",
        ),
        report(
            "Kelby Star",
            "2026-03-11",
            "Kelby bridge shut",
            "An 88,000-pound truck hit the Kelby bridge on Tuesday and the bridge was closed.",
        ),
        agreements=(("40 tonnes", "88,000"),),
    ),
    case(
        "40C-is-104F",
        report(
            "World Service",
            "2026-07-20",
            "Heat grips Sevilla",
            "The temperature in Sevilla reached 40C on Sunday.",
        ),
        report(
            "Western Wire",
            "2026-07-20",
            "Sevilla swelters",
            "Sevilla hit 104F on Sunday.",
        ),
        agreements=(("40C", "104F"),),
    ),
    case(
        "CHF-8-million-is-eight-million-Swiss-francs",
        report(
            "Helvetic Market Wire",
            "2026-10-27",
            "Alpwerk recall cost",
            "The product recall cost Alpwerk CHF 8 million last year, the company said on Tuesday.",
        ),
        report(
            "Continental Ledger",
            "2026-10-27",
            "Alpwerk puts recall behind it",
            "Last year's product recall cost Alpwerk eight million Swiss francs, it said on Tuesday.",
        ),
        agreements=(("CHF 8 million", "eight million Swiss francs"),),
    ),
    case(
        "CHF-8-million-vs-nine-million-Swiss-francs",
        report(
            "Helvetic Market Wire",
            "2026-11-03",
            "Brunnhof fined",
            "Regulators fined the Brunnhof dairy CHF 8 million on Tuesday.",
        ),
        report(
            "Continental Ledger",
            "2026-11-03",
            "Dairy fined",
            "The Brunnhof dairy was fined nine million Swiss francs by regulators on Tuesday.",
        ),
        conflicts=(("CHF 8 million", "nine million Swiss francs"),),
    ),
    case(
        "140-mm-is-5.5-inches",
        report(
            "World Service",
            "2026-09-18",
            "Record rain in Cedar Shoals",
            "Some 140 mm of rain fell at Cedar Shoals airport on Thursday.",
        ),
        report(
            "Gulf Coast Wire",
            "2026-09-18",
            "Cedar Shoals rain total",
            "Cedar Shoals airport recorded 5.5 inches of rain on Thursday.",
        ),
        agreements=(("140 mm", "5.5 inches"),),
    ),
    case(
        "fell-60-metres-vs-500-feet",
        report(
            "Alpine Sports Wire",
            "2026-07-15",
            "Climber survives fall on the Dent Rouge",
            "A climber survived a fall of about 60 metres on the Dent Rouge on Tuesday, rescuers said.",
        ),
        report(
            "Mountain Radio",
            "2026-07-15",
            "Dent Rouge rescue",
            "A climber fell 500 feet on the Dent Rouge on Tuesday and survived, rescuers said.",
        ),
        conflicts=(("60 metres", "500 feet"),),
    ),
    case(
        "about-19-km-(12-miles)-is-one-fact",
        report(
            "World Service",
            "2026-08-20",
            "Fire edges closer",
            "The fire was about 19 km (12 miles) from Pinecrest Hollow on Thursday.",
        ),
        report(
            "Western Wire",
            "2026-08-20",
            "Pinecrest waits",
            "The fire was 12 miles from Pinecrest Hollow on Thursday.",
        ),
        agreements=(("19 km", "12 miles"),),
    ),
]

# --- Qualifiers, times and time zones ----------------------------------------

QUALIFIERS = [
    case(
        "shortly-after-5am-is-5.15am",
        report(
            "KBRZ 7 News",
            "2026-09-17",
            "Teodora comes ashore",
            "Hurricane Teodora made landfall shortly after 5 a.m. on Thursday.",
        ),
        report(
            "Gulf Coast Wire",
            "2026-09-17",
            "Teodora landfall",
            "Hurricane Teodora came ashore at 5:15 a.m. on Thursday.",
        ),
        agreements=(("5 a.m.", "5:15 a.m."),),
    ),
    case(
        "about-7pm-is-7.01pm",
        report(
            "Valley Courier",
            "2026-05-02",
            "Tremor felt across Orlen",
            "A small earthquake shook Orlen at about 7 p.m. on Friday.",
        ),
        report(
            "Seismic Bulletin",
            "2026-05-02",
            "Magnitude 3.2 event near Orlen",
            "The earthquake struck near Orlen at 7:01 p.m. on Friday.",
        ),
        agreements=(("7 p.m.", "7:01 p.m."),),
    ),
    case(
        "at-least-12-is-15",
        report(
            "Nordic Wire",
            "2026-01-12",
            "Ferry hits pier",
            "At least 12 passengers were injured when a ferry struck the pier at Malmhavn on Sunday.",
        ),
        report(
            "Malmhavn Posten",
            "2026-01-12",
            "Ferry crash at Malmhavn",
            "Fifteen passengers were injured when the ferry hit the pier in Malmhavn on Sunday.",
        ),
        agreements=(("12", "Fifteen"),),
    ),
    case(
        "nearly-40-is-38",
        report(
            "Nordic Wire",
            "2026-01-13",
            "Ferry crash: patients discharged",
            "Nearly 40 people were treated in hospital after the Malmhavn ferry crash, the health board said on Monday.",
        ),
        report(
            "Malmhavn Posten",
            "2026-01-13",
            "Ferry crash patients",
            "The health board said on Monday that 38 people had been treated in hospital after the ferry crash.",
        ),
        agreements=(("40", "38"),),
    ),
    case(
        "a-range-meets-the-value",
        report(
            "Valden Post",
            "2026-05-16",
            "Thousands march in Valden",
            "Between 3,000 and 4,000 people marched through Valden on Saturday, police said.",
        ),
        report(
            "Continental Wire",
            "2026-05-16",
            "March against rate rises",
            "About 3,500 people took part in the march through Valden on Saturday, police said.",
        ),
        agreements=(("3,000 and 4,000", "3,500"),),
    ),
    case(
        "five-o-clock-in-the-afternoon-is-5pm",
        report(
            "Valden Post",
            "2026-05-23",
            "Second march in Valden",
            "The march set off from the station at five o'clock on Saturday afternoon.",
        ),
        report(
            "Continental Wire",
            "2026-05-23",
            "Valden protesters march again",
            "The march left the station at 5 p.m. on Saturday.",
        ),
        agreements=(("five o'clock", "5 p.m."),),
    ),
    case(
        "more-than-60-vs-55",
        report(
            "Western Wire",
            "2026-06-30",
            "Crews battle scrub fire",
            "More than 60 firefighters fought a scrub fire near Juniper Springs on Monday.",
        ),
        report(
            "Tamarack Sentinel",
            "2026-06-30",
            "Scrub fire near Juniper Springs",
            "Fifty-five firefighters were sent to a scrub fire near Juniper Springs on Monday.",
        ),
        conflicts=(("60", "Fifty-five"),),
    ),
    case(
        "3.30pm-central-is-1.30pm-pacific",
        report(
            "Hoops Daily",
            "2026-03-14",
            "Hawks face Suns",
            "The Hawks and the Suns tip off at 3:30 p.m. Central on Saturday.",
        ),
        report(
            "Pacific Sports",
            "2026-03-14",
            "Suns visit Hawks",
            "Saturday's game between the Suns and the Hawks starts at 1:30 p.m. Pacific.",
        ),
        agreements=(("3:30 p.m.", "1:30 p.m."),),
    ),
    case(
        "10.15-GMT-is-5.15am-CDT",
        report(
            "World Service",
            "2026-09-17",
            "Hurricane hits Texas",
            "Hurricane Teodora made landfall at 10:15 GMT on Thursday.",
        ),
        report(
            "Gulf Coast Wire",
            "2026-09-17",
            "Teodora comes ashore",
            "Hurricane Teodora made landfall at 5:15 a.m. CDT on Thursday.",
        ),
        agreements=(("10:15", "5:15 a.m."),),
    ),
    case(
        "3.30pm-ET-vs-1.30pm-PT",
        report(
            "Eastern Sports",
            "2026-03-21",
            "Hawks travel to Boston",
            "The game starts at 3:30 p.m. ET on Saturday.",
        ),
        report(
            "Pacific Sports",
            "2026-03-21",
            "Hawks on the road",
            "Saturday's game starts at 1:30 p.m. PT.",
        ),
        conflicts=(("3:30 p.m.", "1:30 p.m."),),
    ),
    case(
        "thursday-in-a-march-12-report-is-march-12",
        report(
            "Northern News Agency",
            "2026-03-12",
            "Verdicts in care home fraud",
            "The jury returned its verdicts on Thursday.",
        ),
        report(
            "Castlebridge Gazette",
            "2026-03-12",
            "Care bosses guilty",
            "The jury returned its verdicts on March 12.",
        ),
        agreements=(("Thursday", "March 12"),),
    ),
    case(
        "wednesday-in-a-march-12-report-is-not-march-12",
        report(
            "Northern News Agency",
            "2026-03-12",
            "Verdict in warehouse case",
            "The jury returned its verdict on Wednesday.",
        ),
        report(
            "Castlebridge Gazette",
            "2026-03-12",
            "Warehouse raiders guilty",
            "The jury returned its verdict on March 12.",
        ),
        conflicts=(("Wednesday", "March 12"),),
    ),
]

# --- What is not a fact of the story ------------------------------------------

METADATA = [
    case(
        "page-stamp-and-byline-are-not-facts",
        page(
            "Recount confirms Harlow win",
            "Updated 14:25 GMT, 3 March 2026",
            "The recount in Calder Falls ended at 9 a.m. on Tuesday with Mayor Denise Harlow 37 votes ahead.",
        ),
        page(
            "Harlow holds on after recount",
            "By Janet Whitcombe, Calder Falls Herald, March 4, 2026",
            "Mayor Denise Harlow finished 37 votes ahead when the recount ended at 9 a.m. on Tuesday.",
        ),
        agreements=(("9 a.m.", "9 a.m."), ("37", "37")),
    ),
    case(
        "dateline-and-posted-time-are-not-facts",
        page(
            "Ferry strike ends",
            "MALMHAVN, March 3 (Nordic Wire) – Ferry crews ended their strike at 6 p.m. on Monday after 11 days.",
        ),
        page(
            "Ferries sail again",
            "Posted 8:44AM, 4 March 2026",
            "The ferry crews' 11-day strike ended at 6 p.m. on Monday.",
        ),
        agreements=(("6 p.m.", "6 p.m."), ("11 days", "11-day")),
    ),
]

# --- Other people, moments, years and scopes ----------------------------------

OTHERS = [
    case(
        "the-one-split-of-each-report-is-one-vote",
        report(
            "Tarn Ledger",
            "2026-05-08",
            "Central bank cuts rates",
            "The central bank cut its main rate to 3.75% on Thursday.",
            "The committee voted 5-4 for the cut, with four members wanting no change.",
        ),
        report(
            "Northern Wire",
            "2026-05-08",
            "Rates trimmed in split vote",
            "The central bank lowered its benchmark rate to 3.75% on Thursday in a 7-2 vote.",
        ),
        conflicts=(("5-4", "7-2"),),
    ),
    case(
        "a-split-decision-of-a-court-is-a-vote",
        report(
            "Capitol Report",
            "2026-03-14",
            "Court orders city to pay ranchers",
            "The state supreme court ruled 4-3 on Friday that the city must pay the ranchers.",
        ),
        report(
            "Range Chronicle",
            "2026-03-14",
            "Ranchers win water case",
            "The state's highest court on Friday ordered the city to pay ranchers who said it had drained Clear Fork Creek, in a 5-2 decision.",
        ),
        conflicts=(("4-3", "5-2"),),
    ),
    case(
        "a-vote-of-another-year-is-no-rival",
        report(
            "Tarn Ledger",
            "2026-05-08",
            "Council backs tram plan",
            "The council backed the tram plan 7-2 on Thursday.",
        ),
        report(
            "Northern Wire",
            "2026-05-08",
            "Tram plan returns",
            "The plan was rejected 6-3 in 2024, and was brought back this spring.",
        ),
    ),
    case(
        "the-value-a-change-starts-from-is-no-rival-of-the-one-it-sets",
        report(
            "Tarn Ledger",
            "2026-05-08",
            "Central bank cuts its rate to 3.75% in a split vote",
            "The central bank cut its main rate by a quarter of a percentage point to 3.75% on Thursday.",
        ),
        report(
            "Northern Wire",
            "2026-05-08",
            "Rates trimmed as growth slows",
            "The central bank lowered its benchmark rate to 3.75% from 4% on Thursday.",
        ),
        agreements=(("3.75%", "3.75%"),),
    ),
    case(
        "the-one-year-of-linked-sentences-is-one-fact",
        report(
            "Valley Post",
            "2026-03-04",
            "Old span closed",
            "The ring road crosses the Lenne on a single span. The 61-year-old span opened in 1965.",
        ),
        report(
            "Lenne Herald",
            "2026-03-04",
            "Ring road span shut",
            "The ring road crosses the Lenne on a single span. The span, built in 1965, is 61 years old.",
        ),
        agreements=(("1965", "1965"),),
    ),
    case(
        "the-one-time-of-day-of-both-reports-is-one-fact",
        report(
            "Valley Post",
            "2026-03-04",
            "Old span closed",
            "Engineers found a cracked bearing under the Lenne span, and the city shut it to all traffic at 6 a.m. on Tuesday.",
            "Drivers face detours of up to 20 minutes through the old town.",
        ),
        report(
            "Lenne Herald",
            "2026-03-04",
            "Ring road span shut",
            "The Lenne span was closed on Tuesday after a cracked bearing turned up during a routine check.",
            "The closure, which began at 6 a.m., affects some 30,000 vehicles a day.",
        ),
        agreements=(("6 a.m.", "6 a.m."),),
    ),
    case(
        "two-players-points-only-the-real-conflict",
        report(
            "Hoops Daily",
            "2026-02-10",
            "Hawks edge Owls",
            "Richard Carter scored 14 points and Jamie VanDeest added 13 as the Hawks beat the Owls on Monday.",
        ),
        report(
            "City Sports",
            "2026-02-10",
            "Carter helps Hawks past Owls",
            "The Hawks beat the Owls on Monday. Jamie VanDeest had 13 points and Richard Carter 12.",
        ),
        conflicts=(("14", "12"),),
        agreements=(("13", "13"),),
    ),
    case(
        "two-climbers-falls",
        report(
            "Alpine Sports Wire",
            "2026-07-16",
            "Climber hurt on the Dent Rouge",
            "Lukas Jansen fell 20 metres on the Dent Rouge on Wednesday and broke his leg.",
        ),
        report(
            "Mountain Radio",
            "2026-07-16",
            "Rescue on the Dent Rouge",
            "Elena Ruiz, Lukas Jansen's climbing partner, slipped 5 metres on the Dent Rouge on Wednesday and was unhurt.",
            "Jansen was taken to hospital with a broken leg.",
        ),
    ),
    case(
        "another-candidates-votes",
        report(
            "Lakeshore Wire",
            "2026-12-02",
            "Harlow wins recount",
            "Mayor Denise Harlow won the recount with 18,406 votes on Wednesday.",
        ),
        report(
            "The Ballot Box",
            "2026-12-02",
            "Recount ends in Calder Falls",
            "Tomas Brandvold finished the recount on Wednesday with 18,369 votes, 37 fewer than the mayor.",
        ),
    ),
    case(
        "the-equal-value-elsewhere-is-the-partner",
        report(
            "Valley Courier",
            "2026-03-02",
            "Storm kills six in Ardmore county",
            "The storm killed four people in Ardmore and six across the county, officials said on Monday.",
        ),
        report(
            "Orlen Evening Post",
            "2026-03-02",
            "County counts storm dead",
            "Six people died across the county in the storm, four of them in Ardmore, officials said on Monday.",
        ),
        agreements=(("six", "Six"), ("four", "four")),
    ),
    case(
        "at-least-one-early-vs-24-later",
        report(
            "Plains Wire",
            "2026-05-10",
            "Tornado leaves at least 1 dead",
            "At least one person was killed when a tornado hit Ardmore early on Sunday, officials said.",
        ),
        report(
            "Prairie Radio",
            "2026-05-10",
            "Ardmore tornado toll rises",
            "The toll from Sunday's tornado in Ardmore rose to 24 by Sunday evening, officials said.",
        ),
    ),
    case(
        "counts-on-different-days",
        report(
            "Tamarack Sentinel",
            "2026-08-18",
            "Shelter fills up",
            "On Monday night 310 people slept at the Pinecrest Hollow shelter.",
        ),
        report(
            "Western Wire",
            "2026-08-20",
            "Evacuees start to go home",
            "By Wednesday night 120 people were still staying at the Pinecrest Hollow shelter.",
        ),
    ),
    case(
        "ten-houses-in-a-town-vs-1500-in-the-district",
        report(
            "Valley Courier",
            "2026-03-03",
            "Storm damage in Ardmore",
            "Ten houses in Ardmore were badly damaged by the storm, the town council said on Tuesday.",
        ),
        report(
            "Orlen Evening Post",
            "2026-03-03",
            "District counts storm damage",
            "About 1,500 houses across the district were damaged by the storm, officials said on Tuesday.",
        ),
    ),
    case(
        "season-record-is-not-the-score",
        report(
            "Hoops Daily",
            "2026-03-01",
            "Hawks roll on",
            "The Hawks (41-20) beat the Owls 65-53 on Saturday.",
        ),
        report(
            "City Sports",
            "2026-03-01",
            "Hawks beat Owls",
            "The Hawks won 65-53 against the Owls on Saturday to improve their record to 41-20.",
        ),
        agreements=(("65-53", "65-53"),),
    ),
    case(
        "half-time-score-is-not-the-final-score",
        report(
            "Harbour Sports",
            "2026-04-12",
            "Harbour City come back",
            "Ridgeford led 2-0 at half-time, but Harbour City won 3-2 on Saturday.",
        ),
        report(
            "Ridgeford Echo",
            "2026-04-12",
            "Ridgeford throw away lead",
            "Harbour City beat Ridgeford 3-2 on Saturday after trailing 2-0 at the break.",
        ),
        agreements=(("3-2", "3-2"),),
    ),
    case(
        "score-65-53-vs-65-55-beside-the-record",
        report(
            "Hoops Daily",
            "2026-03-08",
            "Hawks win again",
            "The Hawks (42-20) beat the Rams 65-53 on Saturday.",
        ),
        report(
            "City Sports",
            "2026-03-08",
            "Hawks down Rams",
            "The Hawks beat the Rams 65-55 on Saturday and are now 42-20.",
        ),
        conflicts=(("65-53", "65-55"),),
    ),
    case(
        "different-years-are-different-floods",
        report(
            "Tarn Valley News",
            "2026-01-10",
            "Tarnmouth counts flood damage",
            "The flood of 2019 killed 11 people along the Tarn. This week's flooding has caused no deaths.",
        ),
        report(
            "North Coast Radio",
            "2026-01-10",
            "Tarn floods again",
            "Floods along the Tarn killed seven people in 2021. No one has died this week.",
        ),
    ),
]

# --- Names ----------------------------------------------------------------

NAMES = [
    case(
        "a-name-spelled-two-ways",
        report(
            "Northern News Agency",
            "2026-03-12",
            "Finance director convicted",
            "Former finance director Graham Pettifer was convicted of fraud on Thursday.",
        ),
        report(
            "Bench Notes",
            "2026-03-12",
            "Care fraud verdict",
            "Former finance director Graham Pettiford was convicted of fraud on Thursday.",
        ),
        conflicts=(("Pettifer", "Pettiford"),),
    ),
    case(
        "a-surname-is-the-full-name",
        report(
            "Capital Wire",
            "2026-06-09",
            "Salazar unveils drilling plan",
            "Interior Secretary Ken Salazar announced the offshore drilling plan on Tuesday.",
        ),
        report(
            "Energy Desk",
            "2026-06-09",
            "Offshore plan announced",
            "Salazar announced the offshore drilling plan on Tuesday.",
        ),
    ),
    case(
        "the-next-in-a-run-against-another-count",
        report(
            "Harbour Ledger",
            "2026-05-22",
            "Ferry contract extended again",
            "The council granted the operator its fifth extension of the ferry contract on Wednesday.",
        ),
        report(
            "Isles Today",
            "2026-05-22",
            "Ferry deal gets more time",
            "The council has granted the operator its seventh extension of the ferry contract, on Wednesday.",
        ),
        conflicts=(("fifth", "seventh"),),
    ),
]

CASES = NUMBER_WORDS + THOUSANDS + FRACTIONS + ROLES + UNITS + QUALIFIERS + METADATA + OTHERS + NAMES


@pytest.mark.parametrize("given", CASES)
def test_the_verdicts_a_fact_checker_would_sign(given: Case) -> None:
    comparison = compared(given.a, given.b)
    shown = describe(comparison)
    for words_a, words_b in given.conflicts:
        found = verdicts(comparison, words_a, words_b)
        assert found == {"different"}, f"{words_a!r} / {words_b!r} should conflict, found {found or 'no pair'}:\n{shown}"
    for words_a, words_b in given.agreements:
        found = verdicts(comparison, words_a, words_b)
        assert found and found <= AGREEING, f"{words_a!r} / {words_b!r} should agree, found {found or 'no pair'}:\n{shown}"
    unexpected = [p for p in comparison.conflicts if not any(between(p, wa, wb) for wa, wb in given.conflicts)]
    assert not unexpected, f"conflicts a fact-checker would not sign:\n{shown}"
    flagged = [q for q in comparison.quotes if q.different_speakers]
    assert not flagged, f"quotes given to two people:\n{shown}"


# --- Quote speakers -------------------------------------------------------------


def quote_between(comparison: FactComparison, words: str) -> list:
    """The quote pairs whose two sides both hold ``words``."""
    return [q for q in comparison.quotes if q.a is not None and q.b is not None and words in q.a.text and words in q.b.text]


SPEAKERS = [
    pytest.param(
        report(
            "Coastal Wire",
            "2026-09-19",
            "Mayor vows to rebuild",
            "Mayor Ana Ruiz toured the flooded streets of Port Neves on Friday.",
            '"We will rebuild every house on this street," she said.',
        ),
        report(
            "Delta Times",
            "2026-09-19",
            "Port Neves begins clean-up",
            '"We will rebuild every house on this street," Mayor Ana Ruiz said on Friday.',
        ),
        "We will rebuild every house",
        ("Ruiz", "Ruiz"),
        False,
        id="a-pronoun-is-the-last-named-person",
    ),
    pytest.param(
        report(
            "Coastal Wire",
            "2026-09-20",
            "Mayor promises help",
            "Mayor Ana Ruiz visited the shelter in Port Neves on Saturday.",
            '"No family will be left on its own," she said.',
        ),
        report(
            "Delta Times",
            "2026-09-20",
            "Governor visits Port Neves",
            '"No family will be left on its own," Governor Tomas Ibarra said in Port Neves on Saturday.',
        ),
        "No family will be left on its own",
        ("Ruiz", "Ibarra"),
        True,
        id="a-pronoun-against-another-named-speaker",
    ),
    pytest.param(
        report(
            "Northern News Agency",
            "2026-03-12",
            "Pettifer denies knowing",
            '"I signed what was put in front of me," Graham Pettifer told the court.',
        ),
        report(
            "Trent Valley News",
            "2026-03-12",
            "Finance director's evidence",
            'Graham Pettifer said: "I signed what was put in front of me."',
        ),
        "I signed what was put in front of me",
        ("Pettifer", "Pettifer"),
        False,
        id="told-the-court-names-the-speaker",
    ),
    pytest.param(
        report(
            "Northern Courier",
            "2026-11-20",
            "Former mayor jailed",
            'Judge Miriam Okafor told the court that Daniel Price had "sold the town he was elected to serve".',
        ),
        report(
            "Yorkshire Standard",
            "2026-11-20",
            "Ex-mayor sentenced",
            'Daniel Price, 57, was told by Judge Miriam Okafor that he had "sold the town he was elected to serve".',
        ),
        "sold the town he was elected to serve",
        ("Okafor", "Okafor"),
        False,
        id="told-by-names-the-speaker-of-a-passive-report",
    ),
    pytest.param(
        report(
            "Northern Post",
            "2026-03-08",
            "Rovers go top",
            '"We never stopped believing in what we were doing," said Rovers manager Alan Pryce.',
        ),
        report(
            "Castleton Echo",
            "2026-03-08",
            "Pryce hails belief",
            '"We never stopped believing in what we were doing," Alan Pryce told reporters afterwards.',
        ),
        "We never stopped believing",
        ("Pryce", "Pryce"),
        False,
        id="the-name-a-speakers-phrase-ends-on-is-the-speaker",
    ),
    pytest.param(
        report(
            "Aldmoor Gazette",
            "2023-07-14",
            "Greens take Aldmoor",
            '"Tonight Aldmoor has said it wants a different kind of politics," Okoye, 38, said in her victory speech.',
        ),
        report(
            "Western Mail",
            "2023-07-14",
            "Green win in Aldmoor",
            'Speaking after the result, Hannah Okoye said: "Tonight Aldmoor has said it wants a different kind of politics."',
        ),
        "Tonight Aldmoor has said",
        ("Okoye", "Okoye"),
        False,
        id="an-age-in-apposition-after-the-quote-keeps-the-speaker",
    ),
    pytest.param(
        report(
            "Continental Ledger",
            "2026-10-27",
            "Analysts weigh Alpwerk deal",
            '"The price looks full, but the fit is obvious," said Nadia Ferrante, an analyst at Bank Kessler.',
        ),
        report(
            "Market Hour TV",
            "2026-10-27",
            "Alpwerk deal reaction",
            '"The price looks full, but the fit is obvious," Ferrante said.',
        ),
        "The price looks full",
        ("Ferrante", "Ferrante"),
        False,
        id="an-organisation-in-apposition-is-not-the-speaker",
    ),
    pytest.param(
        report(
            "Tamarack Sentinel",
            "2026-08-18",
            "Fire stopped at the school fence",
            '"We were lucky," said fire chief Dale Wickstrom. "The wind turned at the last minute.',
            '"Another hour and we would have lost the school."',
        ),
        report(
            "Western Wire",
            "2026-08-18",
            "Wind shift saves school",
            '"Another hour and we would have lost the school," fire chief Dale Wickstrom said.',
        ),
        "Another hour and we would have lost the school",
        ("Wickstrom", "Wickstrom"),
        False,
        id="a-quote-over-two-paragraphs-keeps-its-speaker",
    ),
    pytest.param(
        report(
            "Tamarack Sentinel",
            "2026-08-19",
            "Crews hold the ridge",
            '"We held the ridge," said fire chief Dale Wickstrom. "It was close.',
            '"The next two days decide it."',
        ),
        report(
            "Western Wire",
            "2026-08-19",
            "Ridge line holds",
            '"The next two days decide it," Sheriff Marta Olsen said.',
        ),
        "The next two days decide it",
        ("Wickstrom", "Olsen"),
        True,
        id="a-quote-over-two-paragraphs-against-another-speaker",
    ),
    pytest.param(
        report(
            "Lakeshore Wire",
            "2026-12-02",
            "Recount ends",
            '"It was done in the open, table by table," elections director Gail Ferreira told reporters on Wednesday.',
        ),
        report(
            "WCFR News",
            "2026-12-02",
            "Recount flips race",
            '"It was done in the open, table by table," said District Judge Leonard Ashby on Wednesday.',
        ),
        "done in the open, table by table",
        ("Ferreira", "Ashby"),
        True,
        id="told-reporters-against-said",
    ),
    pytest.param(
        report(
            "Monsoon Desk",
            "2026-08-04",
            "Landslide buries farm",
            "One woman died when mud swept through a tea estate, said district relief official Harjanto.",
            '"She was picking leaves on the slope when the hill gave way," he said.',
        ),
        report(
            "Java Post",
            "2026-08-04",
            "Tea picker killed",
            "Harjanto, an official at the district relief office, confirmed one death on Tuesday.",
            '"She was picking leaves on the slope when the hill gave way," he told reporters.',
        ),
        "She was picking leaves on the slope",
        ("Harjanto", "Harjanto"),
        False,
        id="a-single-name-beside-what-its-bearer-is",
    ),
    pytest.param(
        report(
            "Monsoon Desk",
            "2026-08-05",
            "Clinic overwhelmed",
            "Dewi Lestari, a nurse at the Sumber clinic, said the ward was full by noon.",
            '"We are treating people in the corridor," added the nurse.',
        ),
        report(
            "Java Post",
            "2026-08-05",
            "Ward full",
            '"We are treating people in the corridor," Dewi Lestari said.',
        ),
        "We are treating people in the corridor",
        ("Dewi Lestari", "Dewi Lestari"),
        False,
        id="the-nurse-is-the-nurse-named-before",
    ),
]


@pytest.mark.parametrize(("text_a", "text_b", "words", "speakers", "different"), SPEAKERS)
def test_quote_speakers(text_a: str, text_b: str, words: str, speakers: tuple[str, str], different: bool) -> None:
    comparison = compared(text_a, text_b)
    shown = describe(comparison)
    found = quote_between(comparison, words)
    assert found, f"the quote {words!r} is not paired:\n{shown}"
    for quote in found:
        assert quote.speaker_a is not None and speakers[0] in quote.speaker_a, shown
        assert quote.speaker_b is not None and speakers[1] in quote.speaker_b, shown
        assert quote.different_speakers is different, shown


# --- An article against itself -------------------------------------------------

ITSELF = page(
    "Hawks edge Owls as Carter scores 14",
    "Updated 14:25 GMT, 3 March 2026",
    "By Sam Okereke, Hoops Daily, March 3, 2026",
    "Richard Carter scored 14 points and Jamie VanDeest added 13 as the Hawks (41-20) beat the Owls 65-53 on Monday. The Hawks led 30-28 at half-time.",
    '"We were patient," said coach Ana Ruiz, 47. "Richard found his shot late.',
    '"That is what good teams do."',
    "A crowd of 12 000 watched, about a quarter of them Owls fans. The game started at 7 p.m. Central, 5 p.m. Pacific.",
)


def test_an_article_never_conflicts_with_itself() -> None:
    comparison = compared(ITSELF, ITSELF)
    shown = describe(comparison)
    assert not comparison.conflicts, shown
    assert all(p.verdict in AGREEING for p in comparison.pairs), shown
    assert comparison.quotes, shown
    assert all(q.a is not None and q.b is not None and not q.different_speakers for q in comparison.quotes), shown


def test_there_is_a_case_for_every_class() -> None:
    groups = (NUMBER_WORDS, THOUSANDS, FRACTIONS, ROLES, UNITS, QUALIFIERS, METADATA, OTHERS, NAMES)
    assert all(groups)
    assert len(CASES) + len(SPEAKERS) + 1 >= 45


def test_words_alike_in_another_mouth_are_not_one_quote() -> None:
    """A few shared words in quotes given to a named person and to "two men" are two quotes, not a paraphrase."""
    comparison = compared(
        report(
            "Green Ledger",
            "2026-04-30",
            "Wetland rule restored",
            '"Farmers will once again have to consult the wetland board before they drain a field," the two ministers said in a statement.',
        ),
        report(
            "Field Weekly",
            "2026-04-30",
            "Drainage rule back",
            '"Most farmers never drain a field without asking a neighbour first," said Ruth Okafor, a drainage engineer.',
        ),
    )
    assert not [q for q in comparison.quotes if q.a.kind == "quote" and q.b.kind == "quote"], describe(comparison)


QUAKE_WIRE = """---
title: Quake hits northern island
source: Island Wire
date: 2026-06-02
---
Quake hits northern island

A strong earthquake shook the northern island on Tuesday, damaging dozens of homes near the port city.

Rescue teams searched the coastal villages through the night.

Residents of the port city ran into the streets as the quake shook houses.

In March last year a 6.1-magnitude quake struck 300 kilometres off the port city, prompting a tsunami alert.
"""

QUAKE_HERALD = """---
title: Earthquake shakes northern island
source: Coast Herald
date: 2026-06-02
---
Earthquake shakes northern island

A strong earthquake shook the northern island on Tuesday, damaging homes.

Last year, a smaller quake rocked the west coast of the island, killing one person.

A 6.3-magnitude earthquake also hit off the port city in April 2025, triggering tsunami alerts.
"""


def test_the_month_of_a_past_quake_conflicts_where_a_row_holds_two_of_its_sentences(tmp_path: Path) -> None:
    """The wire's past quake is linked to both of the herald's sentences on past quakes, in one row. The
    magnitudes conflict between two of them, which tells that those two are of one event: their months
    are set against each other, and "last year" in the other sentence of the row does not hide it."""
    (tmp_path / "wire.md").write_text(QUAKE_WIRE, encoding="utf-8")
    (tmp_path / "herald.md").write_text(QUAKE_HERALD, encoding="utf-8")
    alignment = align(load_article(tmp_path / "wire.md"), load_article(tmp_path / "herald.md"))
    past = next(link for link in alignment.links if len(link.b) == 2 and 2 in link.b)
    assert past.b == (2, 3)
    different = {(p.a.text, p.b.text) for p in compare_facts(alignment).pairs if p.verdict == "different" and p.a and p.b}
    assert ("March last year", "April 2025") in different
    assert ("6.1", "6.3") in different


@pytest.mark.parametrize(
    ("a", "b"),
    [
        (
            "The Alder Creek Fire burned 30,000 acres in the county last summer.",
            "The blaze is the largest since 2020, when the Holiday Farm Fire burned 173,000 acres.",
        ),
        (
            "The Marlow Cup drew 41,000 fans to the stadium last year.",
            "The final was the best attended since the Hensley Shield drew 52,000.",
        ),
    ],
)
def test_figures_of_two_named_events_are_no_conflict(a: str, b: str) -> None:
    comparison = compared(f"Report\n\n{a}\n", f"Report\n\n{b}\n")
    assert not [p for p in comparison.pairs if p.verdict == "different"], [(p.a and p.a.text, p.b and p.b.text) for p in comparison.pairs]
