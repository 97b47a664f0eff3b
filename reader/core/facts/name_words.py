"""The words that say what kind of name a span is: bodies, places, streets, titles, demonyms, openers, and the words around a person."""

from __future__ import annotations

import re

from reader.core.facts.name_forms import TITLE_WORDS

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
    media foods pharmaceuticals rovers united fc club hospital school college academy police brigade trust ferries power utilities
    wire radio tv television gazette herald tribune courier chronicle observer ledger
    society museum freight shipping railways transport construction engineering insurance securities
    investments ventures labs pharma telecom communications software electronics chemicals mining petroleum
    hotels resorts stores brands retail properties estates developments enterprises associates solutions
    consulting studios entertainment publishing press""".split()
)

_PLACE_WORDS = frozenset("palace palacio square street strait sea river island islands airport station".split())

#: Last words of places that are no street: "Breckin County", "Carrow Isle", "Cedar Shoals".
_PLACE_LAST = frozenset(
    """county isle island islands bay valley coast heights shoals creek beach peninsula stadium arena cathedral
    ranch pass palace canyon reservoir glacier volcano""".split()
)

#: A town's own hall: "City Hall", "Town Hall" (a Hall after a first name is a person: "Stuart Hall").
_CIVIC = frozenset("city town village county borough".split())

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

_PERSON_APPOSED = re.compile(rf",\s{{1,3}}(?:a|an|the)\s{{1,3}}(?:[\w-]{{1,30}}\s{{1,3}}){{0,3}}?(?:{'|'.join(sorted(_PERSON_NOUNS))})\b")

#: "Secretary of the Interior Ken Salazar": a title of a department, its last word caught up in the name.
_TITLE_OF = re.compile(rf"\b(?:{'|'.join(sorted(w for w in TITLE_WORDS if '-' not in w))})\s{{1,3}}of\s{{1,3}}the\s{{1,3}}$", re.I)
