"""Leaks the fifteenth review left open (issue 12), each as a behaviour a reader sees."""

from __future__ import annotations

import pytest

from bot.deidentify import COMMON_SERVICES, KnownClient, deidentify
from bot.domain import ClientIdentity

SAM = KnownClient("LV-0101", ClientIdentity(full_name="Sam Jones"))


def redact(text: str, *clients: KnownClient) -> str:
    return deidentify(text, list(clients), keep=[*COMMON_SERVICES, "Priya Raman", "Priya"]).text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("uploaded Tom_Brown_payslip.pdf", "uploaded [ID]"),
        ("saved as scan_kate_smith.jpg", "saved as [ID]"),
        ("see Jack_Frost_lease.pdf", "see [ID]"),
    ],
)
def test_a_given_name_and_surname_in_a_files_name_are_someone(text, expected):
    assert redact(text, SAM) == expected


@pytest.mark.parametrize(
    "text",
    [
        "see Summer_Hill_rent.pdf and Young_Carers_form.pdf",
        "attached Bill_Payment.pdf and Grace_Period_letter.pdf",
        "Salvation_Army_receipt.pdf, Red_Cross_letter.pdf, Legal_Aid_Queensland.pdf",
    ],
)
def test_files_named_for_places_services_and_words_stay(text):
    assert redact(text, SAM) == text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Her mum lives at 14 Ord Street, Kennington, 0412 555 231.",
         "Her mum lives at [address], [phone]."),
        ("She lives at 4 Vale Road, Sarina.", "She lives at [address]."),
        ("She lives at 4 Vale Road, Sarina QLD 4737.", "She lives at [address]."),
        ("His cousin lives at 4 Vale Road, Webberton and gets mail there.",
         "His cousin lives at [address] and gets mail there."),  # a suburb in no list
    ],
)
def test_a_town_after_a_streets_comma_is_the_addresses_suburb(text, expected):
    # Not "[address], [name]": a reader would look for a person who is not there.
    assert redact(text, SAM) == expected


def test_a_name_after_a_streets_comma_is_still_a_person():
    assert redact("She lives at 4 Vale Road, Sarina Smith is her landlady.", SAM) == (
        "She lives at [address], [name] is her landlady."
    )
