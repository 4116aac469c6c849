"""What the fifteenth review (951 hand seeds against the rules of set 25's trail, the fourteenth
review and set 26) found the last round broke (issue 12), each as a behaviour a reader sees."""

from __future__ import annotations

import pytest

from bot.deidentify import COMMON_SERVICES, KnownClient, deidentify
from bot.domain import ClientIdentity


def redact(text: str, *clients: KnownClient) -> str:
    return deidentify(text, list(clients), keep=[*COMMON_SERVICES, "Priya Raman", "Priya"]).text


HOPE = KnownClient("BG-2630", ClientIdentity(full_name="Hope Ngata"))
SUMMER = KnownClient("BG-2631", ClientIdentity(full_name="Summer Lealaiauloto"))
ROSE = KnownClient("BG-2632", ClientIdentity(full_name="Rose Lim"))
PSALM = KnownClient("BG-2602", ClientIdentity(full_name="Psalm Fadeyi"))
VERSE = KnownClient("BG-2633", ClientIdentity(full_name="Verse Tui"))


@pytest.mark.parametrize(
    ("text", "who", "expected"),
    [
        ("hope here re the bond tmrw", HOPE, "BG-2630 here re the bond tmrw"),
        ("summer here from the refuge, call me", SUMMER, "BG-2631 here from the refuge, call me"),
        ("Summer here is brutal", SUMMER, "Summer here is brutal"),
        ("昨天Hope来了", HOPE, "昨天BG-2630来了"),
        ("Hope씨가 왔어요", HOPE, "BG-2630씨가 왔어요"),
        ("Rose去了Rose Bay", ROSE, "BG-2632去了Rose Bay"),
        ("去Hope Island玩", HOPE, "去Hope Island玩"),
        ("Saw Psalm 14 Feb at the clinic.", PSALM, "Saw BG-2602 14 Feb at the clinic."),
        ("Gave Psalm 20 dollars for the bus.", PSALM, "Gave BG-2602 20 dollars for the bus."),
        ("MET VERSE 4 TIMES.", VERSE, "MET BG-2633 4 TIMES."),
        ("Read Psalm 91 before every visit", PSALM, "Read Psalm 91 before every visit"),
    ],
)
def test_a_registered_word_name_opening_a_text_glued_to_chinese_or_before_a_date(
    text, who, expected
):
    assert redact(text, who) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("去Peter James Centre看侯先生。", "去Peter [name] Centre看[name]。"),
        ("我是王建民。", "我是[name]。"),
        ("我是高中生。", "我是高中生。"),
        ("我先生明天来", "我先生明天来"),
        ("我和先生一起去", "我和先生一起去"),
    ],
)
def test_chinese_names_by_their_honorific_and_after_i_am(text, expected):
    assert redact(text) == expected
