"""What the thirteenth review (of set 24's round) found (issue 12): the registered street before
a landmark, the suburb before a named place, ranks, course units, compounds that turn, money
and expiry after a cue, notes in capitals, the order picker's class, options after a comma,
everyday words in Chinese and Japanese, sayings' streets, rows of rooms, and counted things."""

from __future__ import annotations

import pytest

from bot.deidentify import COMMON_SERVICES, KnownClient, deidentify
from bot.domain import ClientIdentity


def redact(text: str, *clients: KnownClient) -> str:
    return deidentify(text, list(clients), keep=[*COMMON_SERVICES, "Grace Lee", "Grace"]).text


def _client(full_name: str, address: str | None = None, *aliases: str) -> KnownClient:
    return KnownClient(
        "PBW-02", ClientIdentity(full_name=full_name, aliases=aliases, address=address)
    )


MELE = _client("Mele Vea", "14 Rossmore Avenue, Punchbowl NSW 2196")
ANA = _client("Ana Fifita", "22 Logan Rd, Woolloongabba QLD 4102")


@pytest.mark.parametrize(
    ("text", "client", "expected"),
    [
        ("Met her at Rossmore Avenue, Punchbowl Station at 10.", MELE,
         "Met her at [address], Punchbowl Station at 10."),
        ("Logan Rd, Woolloongabba busway stop", ANA, "[address], Woolloongabba busway stop"),
        ("Rossmore Ave, Punchbowl Public School rang", MELE,
         "[address], Punchbowl Public School rang"),
        ("mele rang from rossmore ave, punchbowl public school", MELE,
         "PBW-02 rang from [address], punchbowl public school"),
        ("Crossed Logan Rd, Woolloongabba PCYC runs boxing.", ANA,
         "Crossed [address], Woolloongabba PCYC runs boxing."),
        ("She is still at Rossmore Avenue, Punchbowl.", MELE, "She is still at [address]."),
        ("MAIL TO ROSSMORE AVENUE PUNCHBOWL IS BEING RETURNED.", MELE,
         "MAIL TO [address] IS BEING RETURNED."),
    ],
)
def test_the_registered_street_goes_and_a_named_place_keeps_its_suburb(text, client, expected):
    assert redact(text, client) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Broncos stayed at number 1 on the ladder",
        "Her neighbours are at number 2 on the priority list",
        "She is number 6 of 8 Housing SA priority applicants",
    ],
)
def test_a_rank_is_no_home(text):
    assert redact(text) == text


def test_a_home_after_a_count_is_still_a_home():
    assert redact("She lives at number 14 bay view") == "She lives at [address] bay view"


SHAZ = KnownClient(
    "GEO-03",
    ClientIdentity(full_name="Shannon Kerr", aliases=("Shaz",),
                   address="Unit 4 Level 2, 88 George St, Brisbane City QLD 4000"),
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("She passed Unit 4 level 1 of the Cert II", "She passed Unit 4 level 1 of the Cert II"),
        ("Visited her at unit 4 level 2 today", "Visited her at [address] today"),
        ("SHAZ FINISHED UNIT 4 LEVEL 3 TODAY.", "GEO-03 FINISHED UNIT 4 LEVEL 3 TODAY."),
        ("SHAZ FINISHED UNIT 4 TODAY.", "GEO-03 FINISHED [address] TODAY."),
    ],
)
def test_a_courses_unit_is_no_home_and_a_name_in_capitals_before_it_is_hers(text, expected):
    assert redact(text, SHAZ) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Playgroup turns 3 on 4 May 2026", "Playgroup turns 3 on 4 May 2026"),
        ("The sublease turns 1 on 3 March 2026", "The sublease turns 1 on 3 March 2026"),
        ("Sloan turns 16 on 14 March 2009.", "[name] turns 16 on [DOB]."),
        ("Kaplan turns 16 on 8 September 2008.", "[name] turns 16 on [DOB]."),
    ],
)
def test_compounds_turn_and_names_ending_in_their_words_have_birthdays(text, expected):
    assert redact(text) == expected


@pytest.mark.parametrize(
    "text",
    ["Invoice 1234.50 paid", "Claim 3456.78", "Licence: 08/2028 expiry",
     "Padlock 100 pack donated by Bunnings"],
)
def test_money_expiry_and_quantities_after_a_cue_are_no_ids(text):
    assert redact(text) == text


@pytest.mark.parametrize(
    ("text", "expected"),
    [("ref 4471.2290.118", "ref [ID]"), ("padlock code 4419", "padlock code [ID]")],
)
def test_references_and_codes_after_a_cue_still_go(text, expected):
    assert redact(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("CALLED DHS/CENTRELINK MS LEE", "CALLED DHS/CENTRELINK [name]"),
        ("EMAILED SCHOOL/TAFE MR KHAN", "EMAILED SCHOOL/TAFE [name]"),
        ("Passenger: BROWN/MARY MRS", "Passenger: [name]"),
    ],
)
def test_agencies_in_capitals_are_no_passengers(text, expected):
    assert redact(text) == expected


LANI = KnownClient("LO-01", ClientIdentity(full_name="Lani Okafor"))


@pytest.mark.parametrize("text", ["LO forklift licence renewed", "LF and LO forklift tickets"])
def test_the_order_pickers_class_is_a_forklift_class(text):
    assert redact(text, LANI) == text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Level 3, B. West wing", "Level 3, B. West wing"),
        ("Option chosen, B. Long term lease", "Option chosen, B. Long term lease"),
        ("NOTE, A. Smith to call", "NOTE, [name] to call"),
        ("Present: Jo Smith, B. Long", "Present: [name]"),
    ],
)
def test_a_comma_is_a_persons_label_only_in_a_list_of_people(text, expected):
    assert redact(text) == expected


HARUKA = KnownClient("PAR-09", ClientIdentity(full_name="Haruka Sato"))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Haruka 病院 appointment", "PAR-09 病院 appointment"),
        ("Haruka 明日 at 10", "PAR-09 明日 at 10"),
        ("Haruka 春香 rang", "PAR-09 PAR-09 rang"),
    ],
)
def test_everyday_words_beside_a_registered_name_are_not_her_name(text, expected):
    assert redact(text, HARUKA) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("living on Struggle Street in January.", "living on Struggle Street in January."),
        ("living on Easy Street, Dad says", "living on Easy Street, Dad says"),
        ("she lives on Easy Street, Logan.", "she lives on [address], Logan."),
    ],
)
def test_a_sayings_street_is_a_home_only_with_a_suburb(text, expected):
    assert redact(text) == expected


def test_rows_of_rooms_are_no_people():
    text = "Rooms check for the refuge tonight\nName / status\nROOM B / vacant\nWING A / closed"
    assert redact(text) == text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Counted 12 Esplanade benches", "Counted 12 Esplanade benches"),
        ("Bus 22 Esplanade stop", "Bus 22 Esplanade stop"),
        ("She lives at 22 Esplanade", "She lives at [address]"),
    ],
)
def test_counted_things_on_the_esplanade_are_no_home(text, expected):
    assert redact(text) == expected
