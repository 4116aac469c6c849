"""Renting and the neighbours (issue 12, the twenty-second set): rooms, cabins and sites of a
registered address said alone; ledgers' and utilities' references; neighbours' house numbers."""

from __future__ import annotations

import pytest

from bot.deidentify import COMMON_SERVICES, KnownClient, deidentify
from bot.domain import ClientIdentity


def redact(text: str, *clients: KnownClient) -> str:
    return deidentify(text, list(clients), keep=[*COMMON_SERVICES, "Grace Lee", "Grace"]).text


def living_at(address: str) -> KnownClient:
    return KnownClient("RL-7001", ClientIdentity(full_name="Dora Fenn", address=address))


@pytest.mark.parametrize(
    ("address", "text", "expected"),
    [
        ("Cabin 7, 46 Tweed Street, Brunswick Heads NSW 2483",
         "She has been at Cabin 7 for eight months; the view from cabin 7 is nice.",
         "She has been at [address] for eight months; the view from [address] is nice."),
        ("Room 9, 27 Warburton Street, North Ward QLD 4810",
         "RE: resident Room 9. He's still at rm 9.",
         "RE: resident [address]. He's still at [address]."),
        ("8/21 Tapleys Hill Road, Hendon SA 5014",
         "Asked the Trust to fix the clothesline at Unit 8.",
         "Asked the Trust to fix the clothesline at [address]."),
    ],
)
def test_the_room_cabin_or_unit_of_a_registered_address_said_alone_goes(address, text, expected):
    assert redact(text, living_at(address)) == expected


@pytest.mark.parametrize(
    "text",
    ["Interview Room 9 is booked for the hearing.", "Meeting room 9 at 2pm."],
)
def test_a_meetings_room_stays(text):
    assert redact(text, living_at("Room 9, 27 Warburton Street, North Ward QLD 4810")) == text


def test_another_numbered_cabin_goes_as_someones_home():
    """Set 24 (written by other hands) hides every site, cabin and pen in a park: an empty one
    too is hidden, the safe side of a number that is usually someone's home."""
    assert redact("Cabin 8 is empty.", living_at("Room 9, 27 Warburton Street")) == (
        "[address] is empty."
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Still on the utility account (EnergyAustralia acct 7700 3184 226).",
         "Still on the utility account (EnergyAustralia acct [ID])."),
        ("Tenant ID: 5521   Folio: RNT-22617", "Tenant ID: [ID]   Folio: [ID]"),
        ("Rental ledger. Tenant code OGUN01", "Rental ledger. Tenant code [ID]"),
        ("QCAT application number Q-RT 1827/25.", "QCAT application number [ID]."),
    ],
)
def test_ledger_utility_and_tribunal_references_go_whole(text, expected):
    assert redact(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("the neighbour at number 29, Bob, threatened him",
         "the neighbour at [address], [name], threatened him"),
        ("Number 7's tap has been running.", "[address]'s tap has been running."),
        ("we moved in to koch street, all good", "we moved in to [address], all good"),
        ("the keys for hawthorn street are ready", "the keys for [address] are ready"),
        ("she lives on Koombana Drive now", "she lives on [address] now"),
    ],
)
def test_a_home_by_its_street_or_a_neighbours_by_its_number_goes(text, expected):
    assert redact(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "she is at number 3 on the waitlist",
        "headspace Townsville moved to Sturt Street.",
        "The office has moved to Portman Street.",
        "the rally took place on George Street, she was arrested",
        "AOD unit on Herston Road has a bed tonight",
        "she moved to the Queen Street Mall area",
    ],
)
def test_a_services_move_a_rank_or_an_event_on_a_street_stays(text):
    assert redact(text) == text


def test_a_neighbours_unit_in_the_same_block_goes():
    assert redact("The neighbour is Trystan Stott, unit 11 in the same block.") == (
        "The neighbour is [name], [address] in the same block."
    )


@pytest.mark.parametrize(
    "text",
    [
        "Harris Real Estate and Roberts Real Estate both use 2Apply; Netstrata manages the block.",
        "Scam alert: Flatmates.com.au listings asking for holding deposits. Report to Scamwatch.",
    ],
)
def test_real_estate_agencies_strata_managers_and_listing_sites_stay(text):
    assert redact(text) == text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("my landlord name nabih he fix the fan now", "my landlord name [name] he fix the fan now"),
        ("the bloke dermid was in my room", "the bloke [name] was in my room"),
        ("a guy called dermid rang", "a guy called [name] rang"),
        ("and braxtyn's new address is 4 Main Road", "and [name]'s new address is [address]"),
    ],
)
def test_a_lowercase_name_after_a_persons_word_or_before_their_details_goes(text, expected):
    assert redact(text) == expected


@pytest.mark.parametrize(
    "text", ["the name tag fell off", "the lady next door is nice", "a guy from the council rang"]
)
def test_person_words_before_ordinary_words_take_nothing(text):
    assert redact(text) == text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Owner: P. & M. Ravenscroft", "Owner: [name]"),
        ('ledger: "owner: B & T Kuchel".', 'ledger: "owner: [name]".'),
        ('02/02 PAYID TO D OGUNLESI-FITCH "rent 2wk"', '02/02 PAYID TO [name] "rent 2wk"'),
    ],
)
def test_owners_initials_go_with_their_surname(text, expected):
    assert redact(text) == expected
