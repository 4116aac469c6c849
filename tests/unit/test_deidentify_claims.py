"""Set 42's first misses (issue 12): claims, reviews, complaints and appeals -- an ombudsman's
complaint number, interpreter and complaint columns, a client's alias opening a text that its
sender signs ("bounty durita here"), and a claims manager kept."""

from __future__ import annotations

import pytest

from bot.deidentify import COMMON_SERVICES, KnownClient, deidentify
from bot.domain import ClientIdentity


def redact(text: str) -> str:
    return deidentify(text, [], keep=[*COMMON_SERVICES, "Heðin"]).text


@pytest.mark.parametrize(
    ("text", "gone"),
    [
        ("AFCA recibió la queja, número 12-26-204417.", "204417"),
        ("AFCA 编号是 12-26-211093。请周四来办公室。", "211093"),
        ("Date | Client | Language | TIS no.\n16/03 | CA-4203 | Niuean | TIS 50214", "50214"),
        ("Complaint no. | Client | Firm\n12-26-211093 | CA-4209 | Cover-More", "211093"),
    ],
)
def test_a_complaints_or_a_bookings_number_goes(text: str, gone: str) -> None:
    assert gone not in redact(text)


@pytest.mark.parametrize(
    "text",
    [
        "Hearing due 12-03-2026 at the tribunal.",
        "The insurer, Gallagher Bassett, stopped payments. The identity theft line is IDCARE.",
    ],
)
def test_what_must_survive_survives(text: str) -> None:
    assert redact(text) == text


def test_a_texts_first_word_is_whom_it_is_to_when_its_sender_signs_next() -> None:
    bounty = KnownClient("CA-4213", ClientIdentity.from_dict(
        {"full_name": "Clotilde Rontji", "aliases": ["Bounty"]}
    ))
    keep = [*COMMON_SERVICES, "Durita"]
    out = deidentify("bounty durita here. centrelink says they stop taking money.", [bounty],
                     keep=keep).text
    assert out.startswith("CA-4213 durita here."), out
    assert deidentify("hope you are well. see you here", [bounty], keep=keep).text == (
        "hope you are well. see you here"
    )
