"""Words news reports use for one another, read as one term when aligning.

Outlets telling one story reword it: one says "killed", another "died"; one
"extended the deadline", another "delayed enforcement". Word overlap alone
cannot pair such sentences. This table is kept by hand from the vocabulary
of news writing in general (deaths and injuries, violence, disasters, crime
and courts, business, politics, sport, technology), not from any one story,
and it holds only words whose news sense is clear: "fire" (a blaze, or a
dismissal) and "strike" (an attack, a walk-out, a blow) are left out.

Each group's words are read as the group's first word. Countries and their
peoples ("China", "Chinese") are not joined: a story about two countries
names them in most sentences, and one term for both weighs too little to
tell its sentences apart.
"""

from __future__ import annotations

from collections.abc import Callable

#: One group a line: every word on it means, in news, what the first one does.
_GROUPS = """
die dead death deaths died dies dying killed kill kills killing fatal fatally deceased perish perished lifeless
injure injured injuries injury wound wounded wounds hurt
shoot shooting shot shots gunfire gunman gunmen gunshot
bomb bombs bombed bombing bomber bombers airstrike airstrikes explosive blast blasts explosion exploded
attack attacks attacked attacker attackers assault assaulted raid raided
earthquake quake quakes tremor tremors temblor seismic
blaze flames wildfire inferno
flood floods flooding flooded
storm hurricane cyclone typhoon tornado
arrest arrested arrests detain detained detention custody apprehended nabbed
charge charged charges accused indicted indictment
convict convicted conviction guilty
sentence sentenced jailed imprisoned prison jail
escape escaped escapee fled flee fleeing fugitive
steal stole stolen theft robbery robbed robber burglary
police officers officer cops deputies deputy sheriff troopers
victim victims
suspect suspects perpetrator
hospital hospitalised hospitalized
rehab rehabilitation
buy bought buys buying acquire acquired acquires acquisition acquiring purchase purchased takeover
sell sold sells selling sale divest divested divestiture divestment
deal agreement accord pact treaty
company corporation
announce announced announces announcement unveil unveiled unveils reveal revealed reveals disclosed
launch launched launches release released releases debut debuted
patch fix fixes update
flaw vulnerability bug loophole
delay delayed postpone postponed extend extended extension deadline
tariff tariffs duties levies
talks negotiations negotiation negotiate negotiating negotiators
meet meeting met summit
resign resigned resignation quit
appoint appointed appointment nominate nominated nomination choose chose chosen select selected
elect elected election elections vote votes voted ballot
win won wins victory victorious beat beats defeat defeated triumph
lose lost loses loss defeats
champion championship
leader chief boss
government administration authorities officials
president presidential
minister ministry
protest protests protesters protestors demonstration demonstrators rally
soldiers troops army military forces
refugee refugees displaced
camp camps
crash crashed collision collided wreck
car vehicle
ship vessel boat
plane aircraft jet airliner
climber mountaineer
actor actress
film movie
phone smartphone handset
""".strip()


def paraphrase_table(stem: Callable[[str], str]) -> dict[str, str]:
    """Each listed word's stem mapped to the stem of its group's first word.

    Args:
        stem: The stemmer the terms are read with, so that the table also
            covers the forms it does not list ("perishes", "unveiling").

    Returns:
        The mapping; a stem two groups share keeps its first group.
    """
    table: dict[str, str] = {}
    for line in _GROUPS.splitlines():
        words = line.split()
        for word in words:
            table.setdefault(stem(word), stem(words[0]))
    return table
