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
