"""What set 26's misses still showed once tuned (issue 12): titles as dictated ("missus"), a
given name before a surname found by its verb, a kin word explained in brackets, a place that
is also a given name after a kin word, a person's name and number, and codes that open doors."""

from __future__ import annotations

import pytest

from bot.deidentify import COMMON_SERVICES, deidentify


def redact(text: str) -> str:
    return deidentify(text, [], keep=[*COMMON_SERVICES, "Leocadia Frayne", "Leocadia"]).text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "bowls club president missus lynette crowley rang",
            "bowls club president missus [name] rang",
        ),
        ("rang missus crowley about the rent", "rang missus [name] about the rent"),
        ("spoke to mister tran at the shop", "spoke to [name] at the shop"),
        (
            "his old carer piers scanlan said he can come",
            "his old carer piers [name] said he can come",
        ),
        ("rep is madison crowley 0412 555 111, she's nice", "rep is [name] [phone], she's nice"),
        ("her uncle milton drove her", "her uncle [name] drove her"),
        ("uncle milton and aunty june are helping", "[name] and [name] are helping"),
        (
            "her kuya (older brother) dimaano sends money",
            "her kuya (older brother) [name] sends money",
        ),
        ("his khala (aunt) gulbadan runs the group", "his khala (aunt) [name] runs the group"),
    ],
)
def test_other_peoples_names_in_lowercase_go(text, expected):
    assert redact(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "me and the missus went to the footy",
        "the missus rang again",
        "her mum in logan rang",
        "her brother (older) rang today",
        "her brother (in Perth) rang today",
        "his uncle (mum's side) will come",
        "mon ami a trouvé un travail",
        "ring the madison office on 1300 555 111",
        "pin 4 of 12 on the board",
        "the gate code was changed",
    ],
)
def test_words_around_kin_and_titles_stay(text):
    assert redact(text) == text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Unit C14 · $55/week · Gate code: 4417#", "Unit C14 · $55/week · Gate code: [ID]"),
        ("the gate code is 4417", "the gate code is [ID]"),
        ("key safe 2290 at the back door", "key safe [ID] at the back door"),
        ("her PIN is 0615", "her PIN is [ID]"),
        ("messaged on WeChat (his ID gwm_sz1986). ok", "messaged on WeChat (his ID [ID]). ok"),
    ],
)
def test_codes_that_open_a_door_and_handles_after_an_id_go(text, expected):
    assert redact(text) == expected
