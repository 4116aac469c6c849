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
