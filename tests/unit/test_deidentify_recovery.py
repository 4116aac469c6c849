"""Notes about recovery (issue 12, set 30): rehabs, lines and units of alcohol and other drugs and
mental health services, towns listed with a note in brackets or as a schedule's labels, a town
before an acronym and a heading's "PHONE LIST" stay; a person in the same places still goes."""

from __future__ import annotations

import pytest

from bot.deidentify import COMMON_SERVICES, KnownClient, deidentify
from bot.domain import ClientIdentity

SAM = KnownClient("DQ-3090", ClientIdentity(full_name="Sam Jones"))


def redact(text: str) -> str:
    return deidentify(text, [SAM], keep=list(COMMON_SERVICES)).text


@pytest.mark.parametrize(
    "text",
    [
        "Quitline (13 78 48) has a pregnancy callback service.",
        "Al-Anon family groups are at Southport (Tuesdays).",
        "SafeScript Victoria monitors all of them.",
        "He called DirectLine last night. SHARC's family program is full.",
        "Visited the Kamira intake team at Gorokan to ask about the wait.",
        "Drove to Busselton for the WA Primary Health Alliance AOD forum.",
        "COPE BETTER WITH SUPPORT: MENS SHED, COTA TASMANIA, LIFELINE.",
        "Darwin AOD network — 13 November, Amity Community Services",
        "SMART Recovery groups: Elizabeth (Thursday 6pm), Salisbury (Monday 7pm) and online.",
        "Kununurra office: Mon–Fri\nWarmun: every second Tuesday\nKalumburu: monthly\n"
        "Wyndham: Thursdays",
        "SPECIAL CARE NURSERY PHONE LIST (for staff)",
        "COMMUNITY: Gongolgon. Melaleuca counselling continues.",
    ],
)
def test_services_and_places_of_recovery_stay(text):
    assert redact(text) == text


@pytest.mark.parametrize(
    ("text", "gone"),
    [
        ("Elizabeth (my sister), Salisbury's wife, came too.", "Elizabeth"),
        ("emlyn: hi\nWyndham: are you there?", "Wyndham"),
        ("Darwin rang about the bond.", "Darwin"),
        ("Phone List about the bond, she said.", "List"),
    ],
)
def test_a_person_with_those_words_still_goes(text, gone):
    assert gone not in redact(text)
