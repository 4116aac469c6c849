"""Number plates written bare, with no "rego" or "plate" beside them (issue 12, set 29): in a
note about a vehicle, a word in one of the states' plate shapes goes as an ID."""

from __future__ import annotations

import pytest

from bot.deidentify import COMMON_SERVICES, KnownClient, deidentify
from bot.domain import ClientIdentity

SAM = KnownClient("DQ-2990", ClientIdentity(full_name="Sam Jones"))


def redact(text: str) -> str:
    return deidentify(text, [SAM], keep=list(COMMON_SERVICES)).text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Vehicle: Toyota Camry Hybrid, NSW EWR28F", "Vehicle: Toyota Camry Hybrid, NSW [ID]"),
        ("the Mazda is at the tow yard (DQN52R)", "the Mazda is at the tow yard ([ID])"),
        ("Toll notice for vehicle 1PS7KV, EastLink", "Toll notice for vehicle [ID], EastLink"),
        ("his Hilux, 094HXL, was towed", "his Hilux, [ID], was towed"),
        ("Suzuki Swift WA 1DNQ508 broke down", "Suzuki Swift WA [ID] broke down"),
        ("Toyota Prado S119BWN; caravan too", "Toyota Prado [ID]; caravan too"),
        ("new car is a Kia Cerato, TAS H47LQ", "new car is a Kia Cerato, TAS [ID]"),
        ("Triton, NT CB82MK, camera fines", "Triton, NT [ID], camera fines"),
        ("Toll invoice, operator of YMK37R", "Toll invoice, operator of [ID]"),
    ],
)
def test_a_bare_plate_in_a_note_about_a_car_goes(text, expected):
    assert redact(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "the wifi code ABC123 works again",  # no vehicle: any other code
        "she scored CF47RT on the quiz",
        "Centrelink form SA332A is due and she has no car",
        "her car: a 2019 Mazda CX-5, rego paid",
        "took the N2 coach and her 4WD stayed at the roadhouse",
        "she drives to dialysis; the 500MLS bottle is in the car",
        "the client's car, DQ-2990 on the file, is fine",
        "gave her the ute keys at 10AM",
    ],
)
def test_codes_that_are_not_plates_stay(text):
    assert redact(text) == text
