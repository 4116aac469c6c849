"""What set 26 (belonging: faith, sport, clubs, culture, pets and belongings) showed (issue 12):
a text addressed to a word-name client, church titles, psalms, dictation's soft g, birthdays on
named days, players' numbers on team sheets, Filipino and South Asian kin words, coaches."""

from __future__ import annotations

import datetime as dt

import pytest

from bot.deidentify import COMMON_SERVICES, KnownClient, deidentify
from bot.domain import ClientIdentity


def redact(text: str, *clients: KnownClient) -> str:
    return deidentify(
        text, list(clients), keep=[*COMMON_SERVICES, "Leocadia Frayne", "Leocadia"]
    ).text


CHOOK = KnownClient("BG-2603", ClientIdentity(full_name="Salesi Koloamatangi", aliases=("Chook",)))
RUNNER = KnownClient("BG-2620", ClientIdentity(full_name="Ewan Tully", aliases=("Runner",)))
PSALM = KnownClient("BG-2602", ClientIdentity(full_name="Psalm Fadeyi"))
GENESIS = KnownClient("BG-2605", ClientIdentity(full_name="Genesis Seiuli", aliases=("Gen",)))
DAK = KnownClient(
    "BG-2611",
    ClientIdentity(
        full_name="Dakota Striker", aliases=("Dak",), date_of_birth=dt.date(2006, 5, 19)
    ),
)
JO = KnownClient(
    "BG-2623", ClientIdentity(full_name="Joel Bragg", date_of_birth=dt.date(1990, 4, 1))
)
HOPE = KnownClient("BG-2630", ClientIdentity(full_name="Hope Ngata"))


@pytest.mark.parametrize(
    ("text", "who", "expected"),
    [
        (
            "chook pls bring ur letter to court monday",
            CHOOK,
            "BG-2603 pls bring ur letter to court monday",
        ),
        (
            "runner ur mate found ur bike on gumtree",
            RUNNER,
            "BG-2620 ur mate found ur bike on gumtree",
        ),
    ],
)
def test_a_text_opening_with_a_word_name_and_a_request_is_to_the_client(text, who, expected):
    assert redact(text, who) == expected


def test_a_text_opening_with_a_verb_of_hoping_is_the_word():
    assert redact("hope ur ok today", HOPE) == "hope ur ok today"


def test_a_church_title_before_a_word_name_makes_it_the_client():
    assert redact("Sister Psalm has been our choir director since 2019.", PSALM) == (
        "Sister BG-2602 has been our choir director since 2019."
    )


def test_a_psalm_with_its_number_is_scripture_and_the_reader_the_client():
    assert redact("Psalm read Psalm 91 aloud before we started.", PSALM) == (
        "BG-2602 read Psalm 91 aloud before we started."
    )


def test_dictation_writes_a_soft_g_as_j():
    assert redact("voice note jenesis seiuli full stop", GENESIS) == "voice note BG-2605 full stop"


@pytest.mark.parametrize(
    ("text", "who", "expected"),
    [
        (
            "happy 19th Dak!! 19 may lunch on me friday",
            DAK,
            "happy 19th BG-2611!! [DOB] lunch on me friday",
        ),
        (
            "Joel laughs that his birthday is April Fools' Day.",
            JO,
            "BG-2623 laughs that his birthday is [DOB].",
        ),
    ],
)
def test_a_registered_birthday_after_a_greeting_or_as_a_named_day(text, who, expected):
    assert redact(text, who) == expected


def test_a_named_day_that_is_no_ones_birthday_survives():
    assert redact("Joel will come on Anzac Day. Happy to help.", JO) == (
        "BG-2623 will come on Anzac Day. Happy to help."
    )


def test_players_numbers_then_surnames_on_a_team_sheet():
    text = "1 Tevita 2 TAUELANGI 3 Sione 5 LOKOTUI\n8 MALAEULU\nCoach: Leocadia"
    assert redact(text) == "1 [name] 2 [name] 3 [name] 5 [name]\n8 [name]\nCoach: Leocadia"


def test_medicines_counted_in_capitals_survive():
    assert redact("Take 2 PANADOL and 3 NUROFEN. 12 MAR appt.") == (
        "Take 2 PANADOL and 3 NUROFEN. 12 MAR appt."
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("her kuya dimaano in Batangas sends money", "her kuya [name] in Batangas sends money"),
        ("khala gulbadan is 78", "khala [name] is 78"),
        ("his coach merritt drops him to training", "his coach [name] drops him to training"),
    ],
)
def test_kin_and_coaches_before_a_lowercase_name(text, expected):
    assert redact(text) == expected


def test_the_coach_alone_is_no_one():
    assert redact("the coach said no to the trip") == "the coach said no to the trip"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Contract no.: SUN-228745   Redeem by 18/03/2025",
            "Contract no.: [ID]   Redeem by 18/03/2025",
        ),
        (
            "It's on his sister's rego (1GMX 448) for now.",
            "It's on his sister's rego ([ID]) for now.",
        ),
    ],
)
def test_a_pawn_contract_and_a_rego_in_brackets(text, expected):
    assert redact(text) == expected
