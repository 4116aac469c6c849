"""Notes about cars and roads (issue 12, set 29): makes and models, roadhouses, languages and a
month heading a note stay; a person with the same words still goes."""

from __future__ import annotations

import pytest

from bot.deidentify import COMMON_SERVICES, KnownClient, deidentify
from bot.domain import ClientIdentity

SAM = KnownClient("DQ-2990", ClientIdentity(full_name="Sam Jones"))


def redact(text: str) -> str:
    return deidentify(text, [SAM], keep=list(COMMON_SERVICES)).text


@pytest.mark.parametrize(
    "text",
    [
        "his Hilux was towed to Moree",
        "She drives a Kia Cerato; he has a Mitsubishi Triton",
        "Tracked by an app (MyMazda, Toyota Connected, FordPass)",
        "Fuel on the Eyre Highway: Balladonia, Caiguna, Cocklebiddy, Mundrabilla, Eucla",
        "DLAP lesson block, Moree, week of 14 July.",
        "Languages among learners: Krio, Kirundi, Swahili.",
        "interpreters in Yolŋu Matha available",
        "Physio continues at Bankstown twice a week.",
        "the nearest driving assessment is at Calvary Bruce.",
        "a Seniors Card does not give a Victorian concession",
        "Team note, Mackay office, August. Our clients can get vouchers.",
        "Scam alert for Kingston seniors' groups, August: texts pretending to be Linkt",
    ],
)
def test_vehicles_places_and_a_headings_month_stay(text):
    assert redact(text) == text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Thanks for the update, August. See you Tuesday.",
         "Thanks for the update, [name]. See you Tuesday."),
        ("her cousin Kia drove her", "her cousin [name] drove her"),
    ],
)
def test_a_person_with_those_words_still_goes(text, expected):
    assert redact(text) == expected


def client(name: str, *aliases: str) -> list[KnownClient]:
    return [KnownClient("RX-0001", ClientIdentity(full_name=name, aliases=aliases))]


@pytest.mark.parametrize(
    ("name", "text", "expected"),
    [
        ("Tyreke Brake", "Brake by name, brake by nature, he joked.",
         "RX-0001 by name, brake by nature, he joked."),
        ("Adrian Speed", "Speed and speed: his new job has a speed limit.",
         "RX-0001 and speed: his new job has a speed limit."),
        ("Deanne Cruise", "Cruise on a cruise: her daughter booked it.",
         "RX-0001 on a cruise: her daughter booked it."),
        ("Adrian Speed", "Speed humps and speed cameras went in.",
         "Speed humps and speed cameras went in."),
        ("Ninh Truc Vy", "• Vy (Vee): Money3 agreed to return the car",
         "• RX-0001 (RX-0001): Money3 agreed to return the car"),
    ],
)
def test_a_word_name_joked_on_or_beside_its_alias_is_the_client(name, text, expected):
    aliases = ("Vee",) if name == "Ninh Truc Vy" else ()
    assert deidentify(text, client(name, *aliases)).text == expected


def test_a_language_that_is_a_name_stays_in_a_list_of_languages():
    text = "Languages among learners: Krio, Dari, Swahili, Kirundi."
    assert redact(text) == text
    assert redact("Karen and Dari came.") == "[name] and [name] came."


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("NSW Police event E 420 551 708. Neck pain.", "NSW Police event [ID]. Neck pain."),
        ("Expiation notice no.: EN 0417 338 912", "Expiation notice no.: [ID]"),
        ("Customer number: DOT 5518 2209", "Customer number: [ID]"),
        ("Learner licence number for the program: K 304 772.",
         "Learner licence number for the program: [ID]."),
        ("the nan's licence too, as a backup supervisor: 7 443 018.",
         "the nan's licence too, as a backup supervisor: [ID]."),
        ("the permit number she gave for the forms is 0 4471 8823.",
         "the permit number she gave for the forms is [ID]."),
        ("She has her own licence now (P2, 2093 3817).", "She has her own licence now (P2, [ID])."),
        ("a full licence for eight years (0 9912 4473).", "a full licence for eight years ([ID])."),
        ("her licence was suspended on 12 05 2025 for 3 months",
         "her licence was suspended on 12 05 2025 for 3 months"),
    ],
)
def test_licence_and_event_numbers_go_whole_with_their_letters(text, expected):
    assert redact(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('"Turbo kills turbos," said the fleet manager.',
         '"RX-0001 kills turbos," said the fleet manager.'),
        ("- Turbo / Bibin: union meeting went OK", "- RX-0001 / RX-0001: union meeting went OK"),
        ("his first truck had a blown turbo", "his first truck had a blown turbo"),
        ("Turbo timers save engines; turbo lag is normal.",
         "Turbo timers save engines; turbo lag is normal."),
    ],
)
def test_an_alias_that_is_a_cars_word_needs_a_person_around_it(text, expected):
    assert deidentify(text, client("Bibin Thekkedath", "Turbo")).text == expected


@pytest.mark.parametrize(
    "text",
    [
        "Toyota and Kia dealers can quote factory options",
        "he rides for Uber Eats on a Honda scooter",
        'Her iPhone showed "AirTag Found Moving With You" again',
        "Department of Transport (WA) — VEHICLE LICENCE RENEWAL NOTICE",
        "new axle, new drawbar, new Al-Ko coupling",
        "Poster for the noticeboards (Congress, Tangentyere, PCYC)",
    ],
)
def test_makes_and_services_of_the_road_stay(text):
    assert redact(text) == text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Kia rang about the bond", "[name] rang about the bond"),
        ("her cousin Kia car pooled", "her cousin [name] car pooled"),
    ],
)
def test_a_make_that_is_a_name_is_a_person_without_its_car(text, expected):
    assert redact(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Roe Highway and Graham Farmer Freeway are free.",
        "Trip: King Georges Road to Camden Valley Way",
        "turn onto Sir Donald Bradman Drive",
        "Adelaide Metro O-Bahn from Tea Tree Plaza",
        "The team comes to Galiwin'ku in September",
    ],
)
def test_roads_named_for_people_and_a_town_with_an_apostrophe_stay(text):
    assert redact(text) == text


def test_a_person_before_an_everyday_street_type_still_goes():
    assert redact("she walked along John Smith Road") == "she walked along [name] Road"


@pytest.mark.parametrize(
    "text",
    [
        "the foreshore camping reserves at Rosebud, McCrae and Rye are closed",
        "the Nepalese Association asked us to their Dashain gathering",
    ],
)
def test_a_town_listed_after_a_place_said_and_a_festival_stay(text):
    assert redact(text) == text


def test_a_misspelt_name_goes_whole_with_its_particle():
    got = deidentify("two, muntadar al kafaji rang about the claim",
                     client("Muntadhar Al-Khafaji", "Monty")).text
    assert got == "two, RX-0001 rang about the claim"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Her new landlord is Dirk van der Linden, who lives in Auburn.",
         "Her new landlord is [name], who lives in Auburn."),
        ("Ze krijgt een flat van QLD Housing.", "Ze krijgt een flat van QLD Housing."),
    ],
)
def test_a_surname_after_particles_goes_though_a_town_is_called_so(text, expected):
    assert redact(text) == expected
