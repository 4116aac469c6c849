"""The nineteenth review (issue 12): what the last round's rules took that they should not have,
and the people they let through."""

from __future__ import annotations

import pytest

from bot.deidentify import COMMON_SERVICES, KnownClient, deidentify
from bot.domain import ClientIdentity


def redact(text: str, name: str = "Sam Jones", *aliases: str) -> str:
    who = KnownClient("RV-1100", ClientIdentity(full_name=name, aliases=tuple(aliases)))
    return deidentify(text, [who], keep=list(COMMON_SERVICES)).text


@pytest.mark.parametrize(
    "text",
    [
        "Caught doing 145KMH in the ute",
        "The Hilux GUN126 in the driveway needs a battery, N70ZZ",
        "Isuzu NPR300 truck and a CRF250 bike",
        "password is DIFFERENT to the car one",
        "password is DISABLED now",
        "Interpreter: Da Nang dialect needed",
        "Dad's Abu Dhabi job ended",
        "Stockland Plaza Level 1",
        "Take the bus Via Central 2 stops",
        "Rural Fire Brigade 4 trucks came",
        "Service NSW licence help line for drivers is 13 77 88",
        "permit period is 2024-2026",
        "CASE MANAGER WILL ALSO RING HOUSING",
        "CLIENT MAY NOW BRING A SUPPORT PERSON",
    ],
)
def test_what_the_round_took_stays(text):
    assert redact(text) == text


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("UPDATED WILL IS WITH THE LAWYER NOW", "Will Smith"),
        ("DISPUTED BILL FROM AGL", "Bill Smith"),
        ("REVISED WILL FROM THE SOLICITOR", "Will Smith"),
        ("Speed and speed cameras are the main worry", "Adrian Speed"),
    ],
)
def test_a_documents_word_or_a_compound_stays_with_a_client_of_that_name(text, name):
    assert redact(text, name) == text


@pytest.mark.parametrize(
    ("text", "name", "expected"),
    [
        ("ESCORTED WILL WAS CALM", "Will Smith", "ESCORTED RV-1100 WAS CALM"),
        ('"Dash and dash cam," the manager joked.', "Kylie Dash",
         '"RV-1100 and dash cam," the manager joked.'),
        ("MAY ALSO CAME TO THE OFFICE", "May Smith", "RV-1100 ALSO CAME TO THE OFFICE"),
    ],
)
def test_the_client_still_goes(text, name, expected):
    assert redact(text, name) == expected


@pytest.mark.parametrize(
    ("text", "gone"),
    [
        ("her friend Astra drove her to the clinic", "Astra"),
        ("his cousin Tesla came", "Tesla"),
        ("Mr Kluger rang", "Kluger"),
        ("Got your update, June. Will call.", "June"),
        ("Please check the schedule, May.", "May"),
        ("Kia and Mack car pooled to the group", "Kia"),
        ("Her daughters Kia and Mercedes car pool", "Mercedes"),
        ("Kylie Smith Highway Patrol officer rang", "Kylie"),
    ],
)
def test_people_named_like_cars_months_or_roads_go(text, gone):
    assert gone not in redact(text)


@pytest.mark.parametrize(
    "text",
    [
        "Interpreter Burmese / Rohingya.",
        "Team note, Mackay office, August. Our clients can get vouchers.",
        "Toyota and Kia dealers are shut",
        "Graham Farmer Freeway closed",
    ],
)
def test_cars_months_languages_and_roads_stay(text):
    assert redact(text) == text


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("kluger family moved to ipswich", "Jason Kluger"),
        ("DROPPED ASTRA AT CENTRELINK", "Ann Astra"),
    ],
)
def test_a_client_called_like_a_car_goes_the_register_wins(text, name):
    assert name.split()[-1].casefold() not in redact(text, name).casefold()


def test_the_car_stays_when_no_client_is_called_so():
    assert redact("toyota kluger, seven seats, on finance. HER CAMRY HAS A FLAT.") == (
        "toyota kluger, seven seats, on finance. HER CAMRY HAS A FLAT."
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Spoke to Astra from the school about the fees.",
         "Spoke to [name] from the school about the fees."),
        ("She drives an Astra and parks at the station.",
         "She drives an Astra and parks at the station."),
        ("The Nissan dealer can cut a new key.", "The Nissan dealer can cut a new key."),
    ],
)
def test_a_cars_name_is_someones_only_away_from_cars(text, expected):
    assert redact(text) == expected


def test_a_licence_in_capitals_a_few_words_after_its_cue_goes():
    assert redact("LICENCE NUMBER FOR THE PROGRAM: K 304 772") == (
        "LICENCE NUMBER FOR THE PROGRAM: [ID]"
    )
