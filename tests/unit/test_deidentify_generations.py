"""Rules from set 23 (issue 12): families across the generations — fines and debts listed in
spaced groups, people named by a dotted initial, hospitals' wards, and the providers, homes and
funeral directors named after people."""

from __future__ import annotations

import pytest

from bot.deidentify import COMMON_SERVICES, deidentify


def redact(text: str, *keep: str) -> str:
    return deidentify(text, [], keep=[*COMMON_SERVICES, "Grace Lee", "Grace", *keep]).text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Infringements: T 7014 88123, T 7014 90217", "Infringements: [ID], [ID]"),
        ("WA Police infringement nos. 9103 337 182, 9103 412 906",
         "WA Police infringement nos. [ID], [ID]"),
        ("Debts included: P 7701 4410 92, P 7701 5533 20", "Debts included: [ID], [ID]"),
        ("Senior Member: D. Fotheringay", "Senior Member: [name]"),
        ('addressed to "Mrs P. Dimalanta" but is about', 'addressed to "Mrs [name]" but is about'),
        ("Re H. Toll & K. Toll", "Re [name] & [name]"),
    ],
)
def test_spaced_numbers_and_people_by_their_initial_go(text, expected):
    assert redact(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "call 1800 422 737 or 13 33 31", "meds at 0800 1200 1600", "paid $1 200 000",
        "2023 2024 2025 reports", "Plan B. Toll roads are dear", "She has hep C. Methadone daily",
        "bed J2 on Ward 4.1", "Ward 6C and Ward 4.1 both full",
        "Advocare, Bethanie Peel and Goodwin Home Care have beds",
        "Cabrini Malvern rang; Cribb & Foote will call about the funeral",
    ],
)
def test_service_lines_times_amounts_wards_and_providers_stay(text):
    assert redact(text) == text


def test_a_workers_surname_after_their_initial_is_the_worker():
    text = "FX-8801,Turvey Park,Active,F. Hatherall"
    assert redact(text, "Ffion Hatherall", "Ffion") == text
