"""What set 27 (the season: Christmas, summer and the new year) showed (issue 12): particles of
Italian, Hebrew and Swedish names, a ranked officer whose given name is a town, and a facility's
or a system's letters written as part of a number."""

from __future__ import annotations

import pytest

from bot.deidentify import COMMON_SERVICES, deidentify


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
