"""What the twenty-third review found (issue 12): the last round's rules, firing where they must
not or missing where they must -- word aliases, house numbers and unit pairs said alone, readings,
ledgers, faiths and places beside names, dates in brackets, codes, pay pages, babies' words."""

from __future__ import annotations

import pytest

from bot.deidentify import COMMON_SERVICES, KnownClient, deidentify
from bot.domain import ClientIdentity


def client(name: str, *aliases: str, address: str = "") -> KnownClient:
    return KnownClient(
        "C-101", ClientIdentity.from_dict({"full_name": name, "aliases": list(aliases),
                                           "address": address})
    )


LUCKY = client("Lucky Okoro", "Friday", "Lucky")
HOUSE = client("Hope Baker", address="27 Logan Road, Woolloongabba QLD 4102")
UNIT = client("Hope Baker", address="12/9 Logan Road, Woolloongabba QLD 4102")
FLAT = client("Hope Baker", address="3/44 Logan Road, Woolloongabba QLD 4102")
NARKLE = client("Iluka Narkle")


def redact(text: str, *clients: KnownClient) -> str:
    return deidentify(text, list(clients), keep=[*COMMON_SERVICES, "Dana"]).text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("call him friday about rent", "call him friday about rent"),
        ("call me lucky but the flat came through", "call me lucky but the flat came through"),
        ("everyone calls me lucky. flat came", "everyone calls me C-101. flat came"),
        ("pls call me lucky from now on", "pls call me C-101 from now on"),
        ("the kids call him lucky too now", "the kids call him C-101 too now"),
    ],
)
def test_a_word_alias_is_the_client_only_where_the_clause_ends(text, expected):
    assert redact(text, LUCKY) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Goal #27: stable housing",
        "No. 27: follow up with Centrelink",
        "She's number 27 on the housing list",
        "Exit number 27 off the highway",
    ],
)
def test_a_number_that_is_no_house_stays(text):
    assert redact(text, HOUSE) == text


@pytest.mark.parametrize(
    "text",
    [
        "her boxes were on the footpath outside number 27",
        "she is back at no. 27 again",
        "her husband bought number 27 with cash",
    ],
)
def test_the_registered_house_number_said_as_a_house_goes(text):
    assert "27" not in redact(text, HOUSE)


@pytest.mark.parametrize(
    "text",
    ["Worker on leave 12/9 to 20/9", "Rent backdated back to 12/9", "Rent at 12/9 rates was $300"],
)
def test_a_unit_pair_that_is_a_date_stays(text):
    assert redact(text, UNIT) == text


@pytest.mark.parametrize(
    "text",
    ["The agent wants her out of 12/9 by 31 August.", "left 12/9 after the fight",
     "C-202's rent at 12/9 went up"],
)
def test_a_unit_pair_where_a_home_is_left_or_rented_goes(text):
    assert "12/9" not in redact(text, UNIT)


@pytest.mark.parametrize(
    "text",
    ["bros Unit 3 assessment at TAFE due", "mums unit 3 maths homework"],
)
def test_a_relatives_unit_needs_a_place_said(text):
    assert redact(text, FLAT) == text


def test_a_relatives_unit_where_a_place_is_said_goes():
    assert "unit 3" not in redact("staying at mums unit 3 for now", FLAT)


@pytest.mark.parametrize(
    "text",
    ["She is staying at 4/22 this week", "Mark lives at 5/27 with his nan",
     "After school she stays at 3/45"],
)
def test_a_home_after_a_school_or_a_week_word_is_still_a_home(text):
    assert "/" not in redact(text)


@pytest.mark.parametrize(
    "text", ["BP is at 140/90 today", "MMSE score is at 27/30", "His pain is at 8/10"]
)
def test_readings_stay(text):
    assert redact(text) == text


@pytest.mark.parametrize(
    ("text", "gone"),
    [
        ("kylie: $20\ntash: $30", "kylie"),
        ("grace: $50 owing\njoy: paid", "grace"),
        ("rose: $15 owing\nmaddie: paid", "maddie"),
    ],
)
def test_names_in_a_ledger_of_names_go(text, gone):
    assert gone not in redact(text)


@pytest.mark.parametrize(
    "text", ["bill: $230 owing\nrent: paid", "may: paid\njune: owing", "art: tues\nmusic: thurs"]
)
def test_a_ledger_of_things_stays(text):
    assert redact(text) == text


@pytest.mark.parametrize(
    ("text", "gone"),
    [
        ("Jade Mormon signed the form", "Mormon"),
        ("Her daughter Shia started school", "Shia"),
        ("Call Hindu Patel on Monday", "Hindu"),
        ("Uncle Gumlu visited", "Gumlu"),
        ("Ms Tom Price called", "Tom Price"),
        ("Her friend Frances Bay rang", "Frances"),
        ("Dear Corindi, see you Monday", "Corindi"),
    ],
)
def test_a_faith_or_a_place_beside_a_title_or_a_name_is_someone(text, gone):
    assert gone not in redact(text)


@pytest.mark.parametrize(
    "text",
    ["She is Muslim and fasting this month.", "He is Shia; his wife is Sunni.",
     "She lives in Tom Price now.", "Her friend in Frances Bay rang.",
     "Mrs Ipswich Road; Mrs Macquarie's Chair"],
)
def test_faiths_and_places_alone_stay(text):
    assert redact(text) == text


@pytest.mark.parametrize(
    "text",
    ["His sister Lena (02/02/2014) is at school", "Called Kai (5/1/2023) - he's 2 now",
     "Rang Ruby (07/07/2024), Jess's baby", "She had her baby girl Ivy on 4/5/2025"],
)
def test_a_childs_date_of_birth_goes(text):
    assert "/20" not in redact(text)


def test_a_meetings_date_stays():
    assert "12/02/2025" in redact("Met Kylie (12/02/2025) at the office.")


@pytest.mark.parametrize(
    "text", ["Booking in the name of Rain", "The lease is in the name of Gift."]
)
def test_a_word_name_holding_a_paper_goes(text):
    assert "Rain" not in redact(text) and "Gift" not in redact(text)


def test_acting_in_the_name_of_a_word_stays():
    text = "He acted in the name of Justice."
    assert redact(text) == text


@pytest.mark.parametrize(
    "text", ["txtd narkle re rent", "phnd narkle, no ans", "emld narkle twice"]
)
def test_a_texts_shortened_verb_before_a_clients_surname_stays(text):
    assert redact(text, NARKLE).split()[0] == text.split()[0]


@pytest.mark.parametrize(
    "text",
    [
        "Flu vaccine batch PF-FL-2291 given at the clinic",
        "Catch the BNE-GC-700 bus",
        "Wiring must comply with AS-NZS-3000",
        "Call the SA-NT 1300 650 322 helpline",
        "Scores: QLD-NSW 112 108 after extra time",
        "Case number, NSW 2025 guidelines apply to all",
        "GitHub issue github.com/microsoft/vscode/issues/1234",
        "Refunds: paypal.com/au/webapps/help",
        "Login via paypal.com/signin",
        "Gaming group uses discord.gg/youthspace",
        "premmie born at 30 weeks",
        "uni did an assessment",
        "me and dhs talked",
        "named darwin as the closest office",
        "her baby wrap has gone missing",
        "Son's name: see file",
        "Vessel,Skipper,Port\nSeahawk,Bay Charters,Bribie",
    ],
)
def test_codes_pages_and_words_stay(text):
    assert redact(text) == text


@pytest.mark.parametrize(
    ("text", "gone"),
    [
        ("Worker ID KI-PALM-0117 on the roster", "0117"),
        ("registration number, TAS 2025/3318", "3318"),
        ("He sells on paypal.me/kyliebrown22", "kyliebrown22"),
        ("me and nardia got a flat", "nardia"),
        ("jirra was born on Tuesday", "jirra"),
    ],
)
def test_what_those_rules_were_for_still_goes(text, gone):
    assert gone not in redact(text)
