"""What set 27 (the season: Christmas, summer and the new year) showed (issue 12): particles of
Italian, Hebrew and Swedish names, a ranked officer whose given name is a town, and a facility's
or a system's letters written as part of a number."""

from __future__ import annotations

import pytest

from bot.deidentify import COMMON_SERVICES, KnownClient, deidentify
from bot.domain import ClientIdentity


def redact(text: str) -> str:
    return deidentify(text, [], keep=[*COMMON_SERVICES, "Thane Loxley", "Thane"]).text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("neighbour Ottavia degli Esposti takes her", "neighbour [name] takes her"),
        (
            "her mother's name, Tzipora bat Feiga, is on the list",
            "her mother's name, [name], is on the list",
        ),
        ("Doors: Greta af Sandeberg", "Doors: [name]"),
        (
            "Phone call from Senior Constable Tullah Vines today",
            "Phone call from Senior Constable [name] today",
        ),
        ("Detainee no.: AMC 22-04417", "Detainee no.: [ID]"),
        ("Police report SAPOL 24-118827", "Police report [ID]"),
        ("Accounts: Zip ZP 0093 1142", "Accounts: Zip [ID]"),
    ],
)
def test_other_peoples_names_and_numbers_go_whole(text, expected):
    assert redact(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Wellington Correctional Centre (MIN 643219)",
            "Wellington Correctional Centre (MIN [ID])",
        ),
        ("IMEI 356938035643809", "IMEI [ID]"),
        ("SA licence SA 1FV 829", "SA licence SA [ID]"),
    ],
)
def test_a_cues_or_a_states_letters_stay_to_say_what_the_number_is(text, expected):
    assert redact(text) == expected


@pytest.mark.parametrize("text", ["Dr Moncrieff Clinic", "the bat flew off"])
def test_places_and_words_stay(text):
    assert redact(text) == text


@pytest.mark.parametrize(
    "text",
    [
        "Wishing all our clients a Merry Christmas and a safe New Year.",
        "Simbang Gabi masses at St Mary's Cathedral are at 5.30am.",
        "Noche Buena lunch at the Mirrabooka community centre on 24 December.",
        "Larrakia Nation Return to Country is booked out until mid-January.",
        "Buon Natale a tutti.",
        "tickets for the Rod Laver Arena and Margaret Court Arena",
    ],
)
def test_greetings_feasts_and_summer_events_stay(text):
    assert redact(text) == text


def test_a_person_called_merry_still_goes():
    assert redact("spoke with Merry Tuilagi about the hamper") == (
        "spoke with [name] about the hamper"
    )


def test_a_word_name_inside_a_things_phrase_is_the_word():
    garland = KnownClient("YT-2717", ClientIdentity(full_name="Garland Hibbs"))
    chase = KnownClient("CB-4512", ClientIdentity(full_name="Chase Aroha"))
    keep = [*COMMON_SERVICES]
    text = "the tree has a paper garland made by the group"
    assert deidentify(text, [garland], keep=keep).text == text
    text = "no point chasing the bond chase said he will go"
    assert deidentify(text, [chase], keep=keep).text == (
        "no point chasing the bond CB-4512 said he will go"
    )
