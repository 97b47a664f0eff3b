"""Facts are judged by their role in the story, not by their bare value.

Each case is two short reports of one event, written as two outlets would
write them. In every case, pairing the facts of the two reports by kind and
value alone gives the wrong verdict: "Three dead" and "Three passengers were
injured" share a value but not a role, while "Three dead" and "Four people
died" differ in value and share the role of a death toll. The verdict that is
asserted is the one a reader checking the two reports against each other
would give: a conflict where both state the same thing differently, agreement
where the figures fit together, and nothing where two figures measure two
different things (a count of patients admitted and a count still in
hospital, a tariff one way and a tariff the other way, an extension already
made and one still expected).
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

from reader.core import align
from reader.core.facts.compare import FactComparison, compare_facts
from reader.core.reading.articles import article_from_text

#: The two facts must not be paired at all: they are about different things.
UNPAIRED = "unpaired"
#: The two facts must not be judged to agree (``same`` or ``compatible``).
NOT_AGREEING = "not agreeing"
#: The two facts must agree: ``same`` or ``compatible``, never ``different``.
AGREEING = "agreeing"


def report(source: str, date: str, headline: str, *paragraphs: str) -> str:
    """A Markdown report with front matter, its headline repeated as the first line."""
    body = "\n\n".join((headline, *paragraphs))
    return f"---\ntitle: {headline}\nsource: {source}\ndate: {date}\n---\n{body}\n"


@cache
def compared(text_a: str, text_b: str) -> FactComparison:
    a = article_from_text(Path("a.md"), text_a)
    b = article_from_text(Path("b.md"), text_b)
    return compare_facts(align(a, b))


def verdicts_between(comparison: FactComparison, text_a: str, text_b: str) -> set[str]:
    """The verdicts of every pair of a fact containing ``text_a`` with one containing ``text_b``."""
    return {p.verdict for p in comparison.pairs if p.a is not None and p.b is not None and contains(p.a.text, text_a) and contains(p.b.text, text_b)}


def contains(fact_text: str, snippet: str) -> bool:
    """Whether a fact's words hold the snippet, in any case ("Around 60" holds "60")."""
    return snippet.casefold() in fact_text.casefold()


def verdict_between(comparison: FactComparison, text_a: str, text_b: str) -> str | None:
    """The verdict on the pair of a fact containing ``text_a`` with one containing ``text_b``.

    ``None`` when no such pair exists; when several such pairs disagree, their
    verdicts joined by "|", which no single expected verdict equals.
    """
    found = verdicts_between(comparison, text_a, text_b)
    if not found:
        return None
    return "|".join(sorted(found))


def describe(comparison: FactComparison) -> str:
    """Every pair of a comparison, one a line, for assertion messages."""
    lines = []
    for p in comparison.pairs:
        a = p.a.text if p.a else "-"
        b = p.b.text if p.b else "-"
        lines.append(f"  {p.kind:<12} {p.verdict:<10} {a!r} / {b!r}")
    return "\n".join(lines)


def case(name: str, a: str, b: str, fact_a: str, fact_b: str, expected: str) -> object:
    return pytest.param(a, b, fact_a, fact_b, expected, id=name)


# --- Conflicts between aligned sentences that must be found -----------------

CONFLICTS = [
    case(
        "deaths-three-dead-vs-four-people-died",
        report(
            "Harwick Echo",
            "2026-05-10",
            "Three dead in Harwick bus crash",
            "Three dead and four seriously hurt after a bus overturned on the A41 near Harwick on Sunday evening, police said.",
            "The driver was among those taken to hospital.",
        ),
        report(
            "County Standard",
            "2026-05-10",
            "Bus overturns on A41 outside Harwick",
            "Four people died when a bus rolled onto its side on the A41 outside Harwick on Sunday, police said.",
            "Three passengers were seriously injured, among them the driver.",
        ),
        "Three",
        "Four",
        "different",
    ),
    case(
        "deaths-killed-5-vs-six-were-killed",
        report(
            "Lorvik Daily",
            "2026-02-19",
            "Gas explosion wrecks Lorvik apartment block",
            "A gas explosion at an apartment block in Lorvik's harbour district killed 5 people and injured 6 early on Thursday, the city's fire service said.",
            "Rescue teams worked through the morning to reach residents trapped on the upper floors.",
        ),
        report(
            "Nordic Wire",
            "2026-02-19",
            "Deadly blast at Lorvik flats",
            "Rescuers said six were killed and five others injured when gas exploded in a residential building in Lorvik's "
            "harbour district on Thursday morning.",
            "Several residents were trapped on upper floors for hours.",
        ),
        "5",
        "six",
        "different",
    ),
    case(
        "deaths-seven-killed-vs-eight-died-with-injured-swapped",
        report(
            "Tullow Vale Post",
            "2026-06-06",
            "Lorry ploughs into Tullow Vale market",
            "Seven people were killed and eight injured when a lorry ploughed into market stalls on Tullow Vale's high street on Friday.",
            "The driver was arrested at the scene.",
        ),
        report(
            "Midlands Today",
            "2026-06-06",
            "Market crash: driver held",
            "Eight people died and seven were injured after a lorry drove into a street market in Tullow Vale on Friday morning.",
            "Police arrested the driver at the scene.",
        ),
        "Seven",
        "Eight",
        "different",
    ),
    case(
        "injuries-14-injured-vs-twelve-injured-with-hospital-confounder",
        report(
            "Brennock Argus",
            "2026-09-13",
            "Stand collapse at Brennock Rovers ground",
            "In all 14 people were injured when part of a temporary stand gave way at Brennock Rovers' ground on Saturday afternoon, "
            "and 12 of them were taken to hospital.",
            "The match was abandoned at half-time.",
        ),
        report(
            "Sports Desk",
            "2026-09-13",
            "Temporary stand collapses during Brennock match",
            "Twelve spectators were injured when a section of temporary seating collapsed at Brennock Rovers on Saturday, the club said.",
            "The game was abandoned at the interval.",
        ),
        "14",
        "Twelve",
        "different",
    ),
    case(
        "injuries-hurt-vs-injured-with-deaths-swapped",
        report(
            "Saltmarsh Mercury",
            "2026-01-23",
            "Storm brings down roof at Saltmarsh sports hall",
            "One person died and nine were hurt when high winds tore the roof off a sports hall in Saltmarsh on Thursday night.",
            "Around 50 people had been inside for a five-a-side tournament.",
        ),
        report(
            "Coastal Radio News",
            "2026-01-23",
            "Roof torn off Saltmarsh sports hall",
            "Seven people were injured and one man was killed when gale-force winds ripped the roof from a Saltmarsh sports hall late on Thursday.",
            "A five-a-side tournament was under way at the time.",
        ),
        "nine",
        "Seven",
        "different",
    ),
    case(
        "inflation-3.1-vs-3.2-with-previous-month-confounder",
        report(
            "Financial Courier",
            "2026-04-15",
            "Inflation rises for a second month",
            "Annual inflation rose to 3.1% in March from 2.8% in February, the statistics office said on Wednesday.",
            "Fuel and food prices drove most of the increase.",
        ),
        report(
            "Market Watchers",
            "2026-04-15",
            "Prices climb again in March",
            "Consumer prices rose 3.2% in the year to March, up from 3.1% in February, official figures showed on Wednesday.",
            "Higher fuel and food costs accounted for most of the rise.",
        ),
        "3.1%",
        "3.2%",
        "different",
    ),
    case(
        "inflation-headline-and-core-swapped",
        report(
            "Eurozone Report",
            "2026-07-01",
            "Core inflation stubborn as headline rate edges up",
            "Headline inflation rose to 3.1% in June while core inflation held at 3.2%, according to a flash estimate.",
            "Economists had expected both measures to ease.",
        ),
        report(
            "Continental Business",
            "2026-07-01",
            "Inflation edges higher in June",
            "Headline inflation climbed to 3.2% in June and core inflation slowed to 3.1%, the flash estimate showed.",
            "Analysts had forecast a fall in both.",
        ),
        "3.1%",
        "3.2%",
        "different",
    ),
    case(
        "money-480m-vs-520m-with-earlier-estimate-confounder",
        report(
            "Kestrel Bay Gazette",
            "2026-03-04",
            "Council backs Kestrel Bay bridge repair",
            "Councillors approved a $480m plan to rebuild the Kestrel Bay bridge on Tuesday, after an earlier estimate of $520m was cut back.",
            "Work is due to start next spring.",
        ),
        report(
            "Bay Area Ledger",
            "2026-03-04",
            "Bridge rebuild gets green light",
            "The council on Tuesday approved a $520m rebuild of the Kestrel Bay bridge, up from an earlier estimate of $480m.",
            "Construction is expected to begin in the spring.",
        ),
        "$480m",
        "$520m",
        "different",
    ),
    case(
        "money-contract-480m-vs-520-million-with-grant-confounder",
        report(
            "Port Anselm Times",
            "2026-08-20",
            "Port Anselm awards hospital contract",
            "The health board has awarded a $480m contract to build a new hospital in Port Anselm, officials said on Thursday.",
            "The building is due to open in 2030.",
        ),
        report(
            "Regional Health News",
            "2026-08-20",
            "Builder chosen for Port Anselm hospital",
            "A $520 million contract for the new Port Anselm hospital was signed on Thursday, of which $480 million comes from federal grants.",
            "The hospital should open in 2030.",
        ),
        "$480m",
        "$520 million",
        "different",
    ),
    case(
        "time-3am-vs-2.30am-with-arrival-confounder",
        report(
            "Elmstead Chronicle",
            "2026-10-11",
            "Fire guts Elmstead furniture store",
            "The alarm was raised at 3 a.m. on Saturday and the fire at the Elmstead furniture store was out by 7 a.m., the fire service said.",
            "No one was inside the building.",
        ),
        report(
            "Valley FM",
            "2026-10-11",
            "Furniture store destroyed in overnight blaze",
            "Firefighters were called to the Elmstead furniture store at 2:30 a.m. on Saturday and the first crews arrived at 3 a.m., the fire service said.",
            "The building was empty.",
        ),
        "3 a.m.",
        "2:30 a.m.",
        "different",
    ),
    case(
        "time-2.30pm-vs-3.15pm-with-arrival-confounder",
        report(
            "Weyford Observer",
            "2026-05-17",
            "Thousands march against Weyford hospital cuts",
            "Protesters set off from Carden Park at 2.30pm on Saturday and reached the town hall at 3.15pm.",
            "Organisers said the turnout was the largest in a decade.",
        ),
        report(
            "Shire Voice",
            "2026-05-17",
            "Weyford march over hospital cuts",
            "The march left Carden Park at 3.15pm on Saturday and ended with speeches outside the town hall.",
            "Organisers called it the biggest protest in the town for ten years.",
        ),
        "2.30pm",
        "3.15pm",
        "different",
    ),
    case(
        "time-10.15am-vs-11.15am-power-cut",
        report(
            "Marden Herald",
            "2026-11-03",
            "Power cut leaves Marden in the dark",
            "Power went off across Marden at 10.15am on Monday and was restored at 1pm, the network operator said.",
            "Traffic lights failed at several junctions.",
        ),
        report(
            "Grid Watch",
            "2026-11-03",
            "Marden outage hits thousands of homes",
            "The outage began at 11.15am on Monday, the operator said, and supply was back by 1pm.",
            "Several sets of traffic lights stopped working.",
        ),
        "10.15am",
        "11.15am",
        "different",
    ),
    case(
        "date-late-2026-vs-mid-2026-with-consultation-confounder",
        report(
            "Hollins Cross Courier",
            "2026-01-28",
            "Hollins Cross bypass gets go-ahead",
            "A public consultation closes in mid-2026 and construction of the Hollins Cross bypass will begin in late 2026, the county said.",
            "The road is expected to cost about $90m.",
        ),
        report(
            "Roads Bulletin",
            "2026-01-28",
            "Bypass approved for Hollins Cross",
            "Construction of the Hollins Cross bypass will begin in mid-2026, county officials said on Wednesday.",
            "The scheme is budgeted at roughly $90m.",
        ),
        "late 2026",
        "mid-2026",
        "different",
    ),
    case(
        "date-opening-september-vs-october-2027-with-start-confounder",
        report(
            "Darrowby Times",
            "2026-02-02",
            "Darrowby swimming pool to reopen in 2027",
            "Work on the Darrowby pool started in October 2025, and the pool will reopen in September 2027, the council said.",
            "The refurbishment includes a new learner pool.",
        ),
        report(
            "Dales Weekly",
            "2026-02-02",
            "New date for Darrowby pool",
            "The refurbished Darrowby pool will reopen in October 2027, the council said on Monday.",
            "A learner pool is being added.",
        ),
        "September 2027",
        "October 2027",
        "different",
    ),
    case(
        "vote-6-3-vs-7-2-with-amendment-confounder",
        report(
            "Corrigan County Record",
            "2026-04-09",
            "Board approves Corrigan wind farm",
            "The Corrigan County board voted 6–3 on Wednesday to approve a wind farm on Beacon Ridge, after an amendment to cut its size failed 7-2.",
            "Construction could begin next year.",
        ),
        report(
            "Energy Desk",
            "2026-04-09",
            "Beacon Ridge wind farm wins approval",
            "County supervisors approved the Beacon Ridge wind farm 7-2 on Wednesday, after rejecting 6–3 an amendment to reduce the number of turbines.",
            "Building work may start next year.",
        ),
        "6–3",
        "7-2",
        "different",
    ),
    case(
        "vote-six-to-three-vs-7-2",
        report(
            "Ashdown Gazette",
            "2026-03-18",
            "Ashdown Road library to close",
            "Councillors voted six to three on Tuesday night to close the Ashdown Road library at the end of June.",
            "Six members of the public spoke against the closure.",
        ),
        report(
            "Ashdown Live",
            "2026-03-18",
            "Council votes to shut Ashdown Road library",
            "The council voted 7-2 on Tuesday to close the Ashdown Road library in June, despite protests outside the chamber.",
            "Seven residents addressed the meeting.",
        ),
        "six to three",
        "7-2",
        "different",
    ),
    case(
        "vote-eight-votes-to-one-vs-7-2",
        report(
            "Brennock Argus",
            "2026-07-22",
            "Riverside tower approved",
            "The planning committee approved the 24-storey Riverside tower by eight votes to one on Monday evening.",
            "The developer says 120 of the flats will be affordable.",
        ),
        report(
            "City Property Journal",
            "2026-07-22",
            "Brennock committee backs Riverside tower",
            "Brennock's planning committee backed the 24-storey Riverside tower 7-2 on Monday.",
            "Of its flats, 120 are to be offered at affordable rents.",
        ),
        "eight votes to one",
        "7-2",
        "different",
    ),
    case(
        "vote-court-ruled-5-4-vs-6-3",
        report(
            "Capital Law Report",
            "2026-06-30",
            "Top court upholds river pollution fines",
            "The Supreme Court ruled 5-4 on Monday that the state may fine farms for run-off into the Marle river.",
            "The fines total $12m.",
        ),
        report(
            "National Courier",
            "2026-06-30",
            "Justices back fines over Marle run-off",
            "In a 6-3 decision on Monday, the Supreme Court upheld the state's power to fine farms over run-off into the Marle river.",
            "The penalties add up to $12m.",
        ),
        "5-4",
        "6-3",
        "different",
    ),
]

# --- The same role, compatible values ---------------------------------------

COMPATIBLE = [
    case(
        "around-60-vs-more-than-60-firefighters",
        report(
            "Elmstead Chronicle",
            "2026-08-02",
            "Grass fire threatens homes on Elmstead Common",
            "Around 60 firefighters tackled a grass fire on Elmstead Common on Saturday afternoon, the fire service said.",
            "Residents of 30 homes were told to keep their windows shut.",
        ),
        report(
            "Valley FM",
            "2026-08-02",
            "Crews battle Elmstead Common blaze",
            "More than 60 firefighters were sent to a large grass fire on Elmstead Common on Saturday, the fire service said.",
            "People living in 30 nearby homes were asked to close their windows.",
        ),
        "60",
        "60",
        "compatible",
    ),
    case(
        "about-3500-residents-vs-3500-people-evacuated",
        report(
            "Marden Herald",
            "2026-12-08",
            "Flood warning forces evacuation in Marden",
            "About 3,500 residents were evacuated from low-lying streets in Marden on Sunday as the river Lode burst its banks.",
            "Two emergency shelters opened in school halls.",
        ),
        report(
            "Grid Watch",
            "2026-12-08",
            "Marden evacuated as Lode floods",
            "In all 3,500 people left their homes in Marden on Sunday after the river Lode overflowed, officials said.",
            "Schools were opened as shelters.",
        ),
        "3,500",
        "3,500",
        "compatible",
    ),
    case(
        "next-month-vs-october-in-a-september-report",
        report(
            "Weyford Observer",
            "2026-09-16",
            "Date set for Weyford fraud trial",
            "The trial of two former Weyford council officers will start next month, a judge said on Tuesday.",
            "Both deny fraud charges dating back to April 2024.",
        ),
        report(
            "Shire Voice",
            "2026-09-16",
            "Weyford officers to stand trial in October",
            "Two former council officers will go on trial in October, a judge ruled on Tuesday.",
            "They are accused of fraud between April 2024 and March 2025.",
        ),
        "next month",
        "October",
        "compatible",
    ),
    case(
        "triple-digit-tariffs-vs-tariffs-exceeding-100-percent",
        report(
            "Global Trade Daily",
            "2026-05-12",
            "Tariff truce extended for 90 days",
            "The two governments agreed to keep their triple-digit tariffs suspended for another 90 days, officials said on Monday.",
            "Talks will resume in Geneva.",
        ),
        report(
            "World Business Wire",
            "2026-05-12",
            "Trade truce rolled over",
            "Tariffs exceeding 100 percent will stay suspended for a further 90 days under a deal announced on Monday.",
            "Negotiators are due back in Geneva.",
        ),
        "triple-digit",
        "100 percent",
        AGREEING,
    ),
    case(
        "nearly-200-cancelled-vs-more-than-150-cancelled-with-delays-confounder",
        report(
            "Air Travel Today",
            "2026-01-09",
            "Snow grounds flights at Hollins Cross airport",
            "Nearly 200 flights were cancelled at Hollins Cross airport on Thursday as heavy snow closed both runways.",
            "Passengers were advised to check with their airlines.",
        ),
        report(
            "Hollins Cross Courier",
            "2026-01-09",
            "Airport chaos as snow falls",
            "More than 150 flights were cancelled at Hollins Cross airport on Thursday and about 200 were delayed as snow closed the runways.",
            "Travellers were told to contact their airlines.",
        ),
        "200",
        "150",
        "compatible",
    ),
    case(
        "some-2000-spectators-vs-more-than-1900-fans",
        report(
            "Brennock Argus",
            "2026-04-26",
            "Brennock half marathon draws big crowd",
            "Some 2,000 spectators lined the route of the Brennock half marathon on Sunday, organisers said.",
            "The race was won in a course record.",
        ),
        report(
            "Sports Desk",
            "2026-04-26",
            "Course record at Brennock half marathon",
            "More than 1,900 fans turned out along the course of Sunday's Brennock half marathon, according to organisers.",
            "The winner broke the course record.",
        ),
        "2,000",
        "1,900",
        "compatible",
    ),
]

# --- Different roles: never a conflict, never an agreement ------------------

DIFFERENT_ROLES = [
    case(
        "taken-to-hospital-vs-remain-in-hospital",
        report(
            "Lorvik Daily",
            "2026-02-20",
            "Lorvik blast: twelve taken to hospital",
            "Twelve people were taken to hospital after Thursday's gas explosion in Lorvik, the health authority said.",
            "Most had cuts and smoke inhalation.",
        ),
        report(
            "Nordic Wire",
            "2026-02-20",
            "Lorvik blast victims recovering",
            "Eleven people remain in hospital after Thursday's gas explosion in Lorvik, the health authority said on Friday.",
            "Most were treated for cuts and smoke inhalation.",
        ),
        "Twelve",
        "Eleven",
        UNPAIRED,
    ),
    case(
        "us-tariff-on-chinese-goods-vs-chinas-tariff-on-us-exports",
        report(
            "Global Trade Daily",
            "2026-03-10",
            "US tariff on Chinese goods takes effect",
            "A 10% US tariff on Chinese goods came into force on Tuesday, the Commerce Department said.",
            "Beijing answered the same day with a levy of its own.",
        ),
        report(
            "World Business Wire",
            "2026-03-10",
            "Beijing strikes back with levy",
            "China's 10% tariff on US exports came into force on Tuesday, the same day as a matching US levy.",
            "Beijing said it would respond to any further measures.",
        ),
        "10%",
        "10%",
        NOT_AGREEING,
    ),
    case(
        "tariff-10-on-steel-vs-15-on-soybeans",
        report(
            "Global Trade Daily",
            "2026-04-02",
            "Trade dispute escalates",
            "Washington will impose a 10% tariff on imported steel from next week, officials said on Wednesday.",
            "Industry groups welcomed the move.",
        ),
        report(
            "World Business Wire",
            "2026-04-02",
            "Tit-for-tat tariffs in steel dispute",
            "Beijing answered on Wednesday with a 15% tariff on American soybeans, hours after the US steel measure was announced.",
            "Farm groups warned of heavy losses.",
        ),
        "10%",
        "15%",
        UNPAIRED,
    ),
    case(
        "law-passed-in-2024-vs-the-2024-campaign",
        report(
            "Capital Law Report",
            "2026-10-05",
            "Court hears challenge to data law",
            "The privacy legislation, passed in 2024, requires platforms to delete user data on request.",
            "Three tech firms argue it breaches free-speech protections.",
        ),
        report(
            "National Courier",
            "2026-10-05",
            "Tech firms take privacy law to court",
            "The privacy law, a central promise of the governor's 2024 campaign, obliges platforms to erase user data on request.",
            "Three technology companies say it violates free speech.",
        ),
        "2024",
        "2024",
        NOT_AGREEING,
    ),
    case(
        "second-day-of-talks-vs-first-day-two-different-days",
        report(
            "Global Trade Daily",
            "2026-06-16",
            "Geneva talks end without deal",
            "Negotiators left Geneva without a deal on Tuesday, the second day of talks, officials said.",
            "A further round is planned for July.",
        ),
        report(
            "World Business Wire",
            "2026-06-16",
            "No breakthrough in Geneva",
            "The first day of talks in Geneva on Monday had raised hopes of a deal, but negotiators left on Tuesday without one.",
            "Another round is due in July.",
        ),
        "second",
        "first",
        UNPAIRED,
    ),
    case(
        "fourth-extension-done-vs-expected",
        report(
            "Corrigan County Record",
            "2026-11-20",
            "Deadline for mine clean-up pushed back again",
            "Regulators extended the deadline for the Hawley mine clean-up on Thursday, already the fourth extension since 2023.",
            "The operator blamed flooding for the delays.",
        ),
        report(
            "Energy Desk",
            "2026-11-20",
            "Hawley mine clean-up faces new delay",
            "Regulators are weighing a request to extend the Hawley mine clean-up deadline, which would mark the fourth extension since 2023.",
            "The operator has blamed flooding.",
        ),
        "fourth",
        "fourth",
        NOT_AGREEING,
    ),
    case(
        "extended-three-times-vs-the-third-delay",
        report(
            "Ashdown Gazette",
            "2026-09-02",
            "Leisure centre tender deadline moved again",
            "The deadline for bids to run the new Ashdown leisure centre has now been extended three times, most recently to March.",
            "Council officers blamed a lack of interest from operators.",
        ),
        report(
            "Ashdown Live",
            "2026-09-02",
            "Another delay for leisure centre tender",
            "Bids to run the new Ashdown leisure centre are now due in March, the third delay to the tender.",
            "Officers said few operators had shown interest.",
        ),
        "three",
        "third",
        "same",
    ),
    case(
        "already-the-fourth-extension-vs-extended-three-times",
        report(
            "Darrowby Times",
            "2026-05-29",
            "Darrowby bypass consultation extended",
            "The council extended the consultation on the Darrowby bypass on Thursday, already the fourth extension.",
            "It now closes in July.",
        ),
        report(
            "Dales Weekly",
            "2026-05-29",
            "Bypass consultation runs on",
            "The Darrowby bypass consultation, now extended three times, will close in July, the council said on Thursday.",
            "Campaigners welcomed the extra time.",
        ),
        "fourth",
        "three",
        "different",
    ),
    case(
        "twelve-injured-vs-twelve-arrested",
        report(
            "Weyford Observer",
            "2026-08-30",
            "Clashes after Weyford derby",
            "Twelve people were injured in clashes between rival fans after Saturday's Weyford derby, and police made nine arrests.",
            "The ground's owners said they would review security.",
        ),
        report(
            "Shire Voice",
            "2026-08-30",
            "Arrests after derby violence",
            "Police arrested 12 people after fighting broke out between fans following Saturday's Weyford derby, and nine were injured.",
            "The stadium's owners promised a security review.",
        ),
        "Twelve",
        "12",
        NOT_AGREEING,
    ),
    case(
        "40m-loss-vs-40m-profit-on-sales",
        report(
            "Sports Desk",
            "2026-11-27",
            "Brennock Rovers post heavy loss",
            "Brennock Rovers reported a £40m loss for the year to June, their accounts showed on Thursday.",
            "Wages rose by a quarter.",
        ),
        report(
            "City Property Journal",
            "2026-11-27",
            "Rovers accounts show wage bill surge",
            "Brennock Rovers made a £40m profit on player sales in the year to June, but ended the year with an overall loss of £38m.",
            "The wage bill rose by a quarter.",
        ),
        "£40m",
        "£40m",
        NOT_AGREEING,
    ),
    case(
        "unemployment-4.2-vs-growth-4.2",
        report(
            "Financial Courier",
            "2026-10-29",
            "Jobless rate falls",
            "Unemployment fell to 4.2% in the third quarter, the statistics office said on Wednesday.",
            "Employers added jobs in construction and retail.",
        ),
        report(
            "Market Watchers",
            "2026-10-29",
            "Economy grows strongly in third quarter",
            "The economy grew by 4.2% in the third quarter, while the jobless rate held steady, official figures showed on Wednesday.",
            "Construction and retail led the gains.",
        ),
        "4.2%",
        "4.2%",
        NOT_AGREEING,
    ),
    case(
        "a-25-percent-stake-vs-shares-rose-25-percent",
        report(
            "Continental Business",
            "2026-03-26",
            "Carmaker takes stake in battery start-up",
            "Vostrel Motors has bought a 25% stake in battery maker Anodyne, the companies said on Thursday.",
            "The price was not disclosed.",
        ),
        report(
            "Market Watchers",
            "2026-03-26",
            "Anodyne shares soar on carmaker deal",
            "Shares in Anodyne rose 25% on Thursday after Vostrel Motors said it was buying into the battery maker.",
            "Neither company disclosed the price.",
        ),
        "25%",
        "25%",
        NOT_AGREEING,
    ),
]

# --- Words that look like a qualifier or a different figure -----------------

PARSING_TRAPS = [
    case(
        "cover-60-percent-is-60-not-over-60",
        report(
            "Saltmarsh Mercury",
            "2026-02-11",
            "Insurers to pay for sports hall roof",
            "Insurers will cover 60% of the cost of replacing the Saltmarsh sports hall roof, the council said.",
            "The rest will come from reserves.",
        ),
        report(
            "Coastal Radio News",
            "2026-02-11",
            "Sports hall repair bill settled",
            "Insurance will pay 60 percent of the bill for the new roof at Saltmarsh sports hall, the council said.",
            "Council reserves will fund the remainder.",
        ),
        "60",
        "60",
        "same",
    ),
    case(
        "discover-12-is-12-not-more-than-12",
        report(
            "Darrowby Times",
            "2026-07-14",
            "Roman graves found at Darrowby quarry",
            "Archaeologists working at Darrowby quarry went on to discover 12 graves from the Roman period, the county said.",
            "The finds will go on display next year.",
        ),
        report(
            "Dales Weekly",
            "2026-07-14",
            "Quarry dig turns up Roman burials",
            "Twelve Roman graves have been found during excavations at Darrowby quarry, the county archaeologist said.",
            "They are due to be put on display.",
        ),
        "12",
        "Twelve",
        "same",
    ),
    case(
        "spread-over-11-kilometres-means-across",
        report(
            "Coastal Radio News",
            "2026-04-04",
            "Oil spill fouls Saltmarsh beaches",
            "Oil from the stricken tanker has spread over 11 kilometres of coastline south of Saltmarsh, the coastguard said.",
            "Volunteers have begun clearing the sand.",
        ),
        report(
            "Saltmarsh Mercury",
            "2026-04-04",
            "Clean-up begins after tanker spill",
            "The coastguard said 11 kilometres of coastline south of Saltmarsh had been fouled by oil from the tanker.",
            "Volunteers started clearing beaches on Friday.",
        ),
        "11",
        "11",
        "same",
    ),
    case(
        "9.45am-is-09-45",
        report(
            "Port Anselm Times",
            "2026-06-21",
            "Ferry runs aground off Port Anselm",
            "The ferry left Port Anselm at 9.45am and ran aground on a sandbank within the hour, the operator said.",
            "All 80 passengers were taken off safely.",
        ),
        report(
            "Island News",
            "2026-06-21",
            "Passengers rescued as ferry grounds",
            "The ferry departed Port Anselm at 9:45 a.m. and struck a sandbank shortly afterwards, its operator said.",
            "All 80 passengers were brought ashore unhurt.",
        ),
        "9.45am",
        "9:45 a.m.",
        "same",
    ),
    case(
        "a-dozen-were-hurt-is-12",
        report(
            "Tullow Vale Post",
            "2026-10-18",
            "Crash on Tullow Vale ring road",
            "Four people died and a dozen were hurt in a pile-up on the Tullow Vale ring road on Saturday morning.",
            "The road was closed for eight hours.",
        ),
        report(
            "Midlands Today",
            "2026-10-18",
            "Ring road pile-up kills four",
            "Four people were killed and 12 were injured when several cars collided on the Tullow Vale ring road on Saturday.",
            "The road stayed shut for eight hours.",
        ),
        "a dozen",
        "12",
        "same",
    ),
    case(
        "recover-30-is-30-not-more-than-30",
        report(
            "Marden Herald",
            "2026-05-05",
            "Stolen bikes found in Marden garage",
            "Police were able to recover 30 stolen bicycles from a lock-up garage in Marden on Monday.",
            "A man has been charged with handling stolen goods.",
        ),
        report(
            "Grid Watch",
            "2026-05-05",
            "Police find stolen bikes",
            "Thirty stolen bicycles were recovered from a garage in Marden on Monday, police said.",
            "A man was charged with handling stolen goods.",
        ),
        "30",
        "Thirty",
        "same",
    ),
]

CASES = CONFLICTS + COMPATIBLE + DIFFERENT_ROLES + PARSING_TRAPS


def test_there_are_enough_cases_of_every_kind() -> None:
    assert len(CASES) >= 34
    assert all(len(group) >= 4 for group in (CONFLICTS, COMPATIBLE, DIFFERENT_ROLES, PARSING_TRAPS))


@pytest.mark.parametrize(("text_a", "text_b", "fact_a", "fact_b", "expected"), CASES)
def test_facts_are_judged_by_role(text_a: str, text_b: str, fact_a: str, fact_b: str, expected: str) -> None:
    comparison = compared(text_a, text_b)
    shown = describe(comparison)
    texts_a = [f.text for f in comparison.facts_a.facts if f.kind != "quote"]
    texts_b = [f.text for f in comparison.facts_b.facts if f.kind != "quote"]
    assert any(contains(t, fact_a) for t in texts_a), f"no fact {fact_a!r} in the first report: {texts_a}"
    assert any(contains(t, fact_b) for t in texts_b), f"no fact {fact_b!r} in the second report: {texts_b}"
    found = verdicts_between(comparison, fact_a, fact_b)
    if expected == UNPAIRED:
        assert verdict_between(comparison, fact_a, fact_b) is None, f"{fact_a!r} and {fact_b!r} paired:\n{shown}"
    elif expected == NOT_AGREEING:
        assert not found & {"same", "compatible"}, f"{fact_a!r} and {fact_b!r} judged to agree:\n{shown}"
    elif expected == AGREEING:
        assert found and found <= {"same", "compatible"}, f"{fact_a!r} and {fact_b!r}: {found or 'not paired'}\n{shown}"
    else:
        assert verdict_between(comparison, fact_a, fact_b) == expected, f"{fact_a!r} and {fact_b!r}:\n{shown}"
