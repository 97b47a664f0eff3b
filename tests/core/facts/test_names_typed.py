"""Names typed by rule from the article itself: streets, companies and bodies, towns, bare names."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.core import Article
from reader.core.facts.extract import NAME_KINDS, extract_facts
from reader.core.facts.name_forms import normalise_name
from reader.core.facts.names import find_names, learn_gazetteer
from reader.core.reading.articles import article_from_text


def article(text: str, name: str = "a.txt") -> Article:
    return article_from_text(Path(name), text + "\n")


def typed(text: str) -> list[tuple[str, str]]:
    """(text, kind) of every name found in ``text`` learned from itself alone."""
    return [(f.text, f.kind) for f in extract_facts(article(text)).facts if f.kind in NAME_KINDS]


@pytest.mark.parametrize(
    ("sentence", "place", "person"),
    [
        ('"We cannot take chances," the mayor told reporters at City Hall.', "City Hall", None),
        ("Protesters gathered outside Town Hall on Monday night.", "Town Hall", None),
        ("Fans queued for hours outside Kelso Stadium before the final.", "Kelso Stadium", None),
        ("The historian Stuart Hall spoke at the opening.", None, "Stuart Hall"),
        ("The fire reached Black Butte Ranch near Santiam Pass on Monday.", "Black Butte Ranch", None),
        ("The fire reached Black Butte Ranch near Santiam Pass on Monday.", "Santiam Pass", None),
        ("Tourists queued outside Pena Palace in Sintra.", "Pena Palace", None),
    ],
)
def test_halls_and_grounds_are_places_and_a_hall_after_a_first_name_a_person(sentence: str, place: str | None, person: str | None) -> None:
    found = typed(sentence)
    assert place is None or (place, "place") in found, found
    assert person is None or (person, "person") in found, found


@pytest.mark.parametrize(
    ("sentence", "street"),
    [
        ("Traffic was diverted along Quarry Street after the crash on Tuesday.", "Quarry Street"),
        ("A water main burst under Mill Road late on Sunday, flooding two shops.", "Mill Road"),
        ("The parade will start at 7th Avenue and end at the town hall.", "7th Avenue"),
        ("Neighbours on Birch Lane said the noise went on until dawn.", "Birch Lane"),
        ("A cyclist was hurt on Seaview Boulevard when a van turned without warning.", "Seaview Boulevard"),
        ("Police closed Route 17 in both directions after the lorry overturned.", "Route 17"),
        ("Drivers heading north on Queens Highway faced delays of up to an hour.", "Queens Highway"),
        ("Hundreds gathered in Chapel Square for the vigil on Friday evening.", "Chapel Square"),
        ("Mill Road was closed for six hours while the gas leak was fixed.", "Mill Road"),
    ],
)
def test_streets_and_roads_are_places(sentence: str, street: str) -> None:
    assert (street, "place") in typed(sentence)
    assert not [t for t, kind in typed(sentence) if kind == "person"]


@pytest.mark.parametrize(
    "body",
    [
        "Kestrel Freight Inc",
        "Bramble Ltd",
        "Ostara Software LLC",
        "Corvid Corp",
        "Tamsin Co",
        "Greywater plc",
        "Larch Group",
        "Fenwick Holdings",
        "Copperline Logistics",
        "Aldous Partners",
        "Marrow Industries",
        "Skyrun Airlines",
        "Vantor Motors",
        "Highmoor Capital",
        "Quillon Systems",
        "Nexara Technologies",
        "Solwind Energy",
        "Riverbend Media",
        "Orchard Foods",
        "Calder Pharmaceuticals",
        "Ashford Rovers",
        "Ashford United",
        "Ashford Town FC",
        "Ashford Cricket Club",
        "St Bride's Hospital",
        "Elmhurst School",
        "Ashford Police",
        "Ashford Fire Department",
        "Eastvale Fire Brigade",
    ],
)
def test_companies_clubs_and_public_bodies_are_organisations(body: str) -> None:
    found = typed(f"A statement from {body} on Tuesday gave no further details.")
    assert found == [(body, "organisation")]


def test_a_company_with_and_without_its_legal_form_is_one_organisation() -> None:
    text = (
        "The depot belongs to Kestrel Freight Inc. of Dunmore. Kestrel Freight said on Monday that no "
        "drivers had been hurt, and Kestrel Freight, Inc. would pay for the repairs."
    )
    facts = [f for f in extract_facts(article(text)).facts if "Kestrel" in f.text]
    assert [f.text for f in facts] == ["Kestrel Freight Inc", "Kestrel Freight", "Kestrel Freight, Inc"]
    assert {f.kind for f in facts} == {"organisation"}
    assert {f.key for f in facts} == {"organisation|kestrel freight"}
    assert normalise_name("Greywater plc") == normalise_name("Greywater") == "greywater"
    assert normalise_name("Co.") == "co"  # a legal form alone is kept


def test_a_body_before_a_title_and_the_person_after_it() -> None:
    text = "Ashford Police Chief Nora Vance said the road would reopen on Friday."
    assert typed(text) == [("Ashford Police", "organisation"), ("Nora Vance", "person")]


@pytest.mark.parametrize(
    ("text", "person"),
    [
        ("Sgt. Imogen Hale said the driver had been arrested.", "Imogen Hale"),
        ("Councillor Ruth Akande voted against the budget.", "Ruth Akande"),
        ("The inquiry was led by Dana J. Whitfield, a retired judge.", "Dana J. Whitfield"),
        ("Mr. Olsen lied to investors for six years.", "Olsen"),
        ("Dr. Ana Ruiz treated the driver at the scene.", "Ana Ruiz"),
        ("Assistant U.S. Attorney Rachel Dunn asked for 15 years.", "Rachel Dunn"),
    ],
)
def test_people_are_named_without_their_titles(text: str, person: str) -> None:
    people = [t for t, kind in typed(text) if kind == "person"]
    assert people == [person]


def test_a_town_in_its_possessive_and_after_in_is_a_place() -> None:
    text = (
        "Flooding closed Ashford's Quarry Street on Sunday. Families in Ashford were moved to a sports hall, "
        "and Ashford's mayor asked for help from the town of Kelby."
    )
    assert typed(text) == [
        ("Ashford", "place"),
        ("Quarry Street", "place"),
        ("Ashford", "place"),
        ("Ashford", "place"),
        ("Kelby", "place"),
    ]


def test_a_town_is_no_person_for_what_other_articles_named_with_its_name() -> None:
    town = article("Flooding closed Ashford's Quarry Street on Sunday. Families in Ashford were moved.", "town.txt")
    club = article("Ashford Rovers beat Dunmore Athletic Club 2-1 on Saturday, and Ashford Rovers went top.", "club.txt")
    coach = article("Coach Gareth Ashford praised the squad. Gareth Ashford said they had earned it.", "coach.txt")
    library = learn_gazetteer([town, club, coach])
    assert library.people.get("ashford") == "Gareth Ashford"  # the coach is known by his surname
    names = find_names(town, library)
    assert [(n.value, n.kind) for n in names if "Ashford" in n.value] == [("Ashford", "place"), ("Ashford", "place")]
    assert ("Ashford Rovers", "organisation") in [(n.value, n.kind) for n in find_names(club, library)]


@pytest.mark.parametrize(
    "text",
    [
        "The Ashford-based charity raised money for the families.",
        "A man from Kelby, Vermont, was charged on Tuesday.",
        "The Kelby town council met in private.",
        "A Kelby woman was found safe after two days.",
    ],
)
def test_the_words_around_a_town_make_it_a_place(text: str) -> None:
    places = [t for t, kind in typed(text) if kind == "place"]
    assert places and places[0] in {"Ashford", "Kelby"}
    assert not [t for t, kind in typed(text) if kind == "person"]


def test_a_bare_name_inside_a_sentence_is_learned_from_its_one_article() -> None:
    text = "Regulators opened a probe of Zentrix last week, and Italian officials asked for documents."
    alone = learn_gazetteer([article(text)])
    assert alone.documents.get("zentrix") == 1
    assert [(n.value, n.kind) for n in find_names(article(text), alone)] == [("Zentrix", "organisation")]
    assert typed(text) == [("Zentrix", "organisation")]  # extract_facts learns from the article by default
    # Across several articles, a bare word needs more than one of them.
    other = article("Talks on the new tariffs resumed on Monday.", "b.txt")
    assert find_names(article(text), learn_gazetteer([article(text), other])) == []


def test_a_stake_in_a_company_does_not_make_it_a_place() -> None:
    text = "The fund sold its stake in Zentrix on Monday after a probe of Zentrix began."
    assert [kind for t, kind in typed(text) if t == "Zentrix"] == ["organisation", "organisation"]


def test_common_words_opening_a_sentence_are_not_bodies() -> None:
    assert typed("Police said the driver was not hurt. Media reported a second crash.") == []
    assert ("Ohio", "place") in typed("Voters in Ohio and Wisconsin go to the polls in May.")
    assert ("Wisconsin", "place") in typed("Voters in Ohio and Wisconsin go to the polls in May.")


def test_a_role_opening_the_sentence_is_no_part_of_the_name() -> None:
    assert typed("Owner Harbor Logistics Inc. put the damage at $1.2 million.") == [("Harbor Logistics Inc", "organisation")]


def test_a_utility_is_an_organisation_and_a_time_zone_no_name() -> None:
    assert ("Hokuriku Electric Power", "organisation") in typed("Hokuriku Electric Power said two reactors were safe.")
    assert typed("The quake struck at 07:10 GMT on Monday, and again at 09:00 UTC.") == []
