"""Set 39's misses (issue 12): the paperwork of disability and care at home -- a scheme's item
numbers joined by underscores, rosters and registers of surnames and initials, a bank line's
initial before a registered surname, a street whose name is written "McCrae", an address in
someone's care ("c/o"); and what must survive there: a dose's frequency after it, medication
charts, a week's lines, what a carer or a guardian has, shows and bodies named "… Australia",
equipment brands."""

from __future__ import annotations

import pytest

from bot.deidentify import COMMON_SERVICES, KnownClient, deidentify
from bot.domain import ClientIdentity


def client(name: str, address: str | None = None) -> KnownClient:
    return KnownClient(
        "PX-3901", ClientIdentity.from_dict({"full_name": name, "address": address})
    )


def redact(text: str, *clients: KnownClient) -> str:
    return deidentify(text, list(clients), keep=[*COMMON_SERVICES, "Jo Worker", "Jo"]).text


@pytest.mark.parametrize(
    ("text", "gone"),
    [
        # a scheme's support item and claim numbers, digits joined by underscores
        ("Invoice\n07_002_0106_8_3 Assistance with self-care 2 hrs\n"
         "05_091203151_0103_1_2 Wheelchair repairs", ["0106", "091203151"]),
        # a register's surname and initials, all of them
        ("8   Dower, S.                     2023       Y\n"
         "9   Coad, L. M.                   2021       N", ["Coad", " M."]),
        # a surname that is a word, among others on the line
        ("Person involved: SATTERLY, P.      Staff present: Leadbeater, M., Pilling, D.\n"
         "Description: On arrival the room was closed.", ["Pilling", "Leadbeater"]),
        # a signer with the initial after the surname
        ("Issued by: Spargo, W.   Received by: Cusumano, E. (husband)", ["Cusumano", "E."]),
        # a roster's columns of surnames and initials
        ("            Mon             Tue             Wed\n"
         "06:30–15:00     Lemusu T.         Verran P.       Verran P.", ["Lemusu", "Verran"]),
        # a street written with its inner capital
        ("RENTAL APPLICATION — 4/9 McCrae Street, Dandenong VIC 3175 (via the agent)",
         ["McCrae"]),
        # in someone's care
        ("Oakshott, R.            09/2025       c/o 61 Hotham Street, Balaclava VIC 3183",
         ["c/o", "Hotham"]),
    ],
)
def test_other_peoples_identifiers_go(text: str, gone: list[str]) -> None:
    out = redact(text)
    for piece in gone:
        assert piece not in out, out


def test_an_initial_before_a_registered_surname_in_capitals_goes_with_it() -> None:
    who = client("Huseyin Korkmaz")
    out = redact("04/05       Transfer to S KORKMAZ 063-118 1090 5521    200.00", who)
    assert "KORKMAZ" not in out and " S " not in out


def test_an_article_before_a_registered_surname_in_capitals_stays() -> None:
    out = redact("A KORKMAZ FAMILY MEETING", client("Huseyin Korkmaz"))
    assert out.startswith("A ") and "KORKMAZ" not in out


@pytest.mark.parametrize(
    ("text", "who"),
    [
        # a dose's frequency is no one's initials, though a client's are BD
        ("Medications: levetiracetam 500 mg BD, sertraline 50 mg mane, paracetamol 1 g QID PRN.",
         client("Bree Dalton")),
        ("08:00  Stalevo 100 (1 tab) · Neupro 4 mg patch (change daily)", None),
        # a week's lines
        ("Mon: noise email sent to the rooming house manager.\nTue: manager replied.", None),
        # what a carer, a guardian or a mother has or does
        ("Morning support worker shifts for carer sleep. Nothing urgent.", None),
        ("✔ guardian update sent\n→ clinic Thursday 9:00", None),
        ("He asked for his mother twice, then watched the football.", None),
        # shows and bodies named "… Australia", and events after a town of two words
        ("Mon  6:30 The Chase Australia · 7:30 Gardening Australia (repeat)", None),
        ("Referred to Vision Australia and Dementia Australia.", None),
        ("4. Alice Springs Beanie Festival (late June) — she wants to see it", None),
        # equipment brands
        ("SPARE PARTS ORDER — mobile shower commode (Invacare) — castors by Tente", None),
        ("Device: Tobii Dynavox I-13, mounted on the Permobil F5 Corpus", None),
    ],
)
def test_what_must_survive_survives(text: str, who: KnownClient | None) -> None:
    assert redact(text, *([who] if who else [])) == text


def test_a_name_before_australia_is_still_someone() -> None:
    assert "Tama" not in redact("Tama Ruaine Academy rang about the camp.")


def test_a_table_typed_with_spaces_is_read_by_its_columns() -> None:
    text = (
        "Asset no.      Item                                Issued        Condition\n"
        "HB-0412        Hospital bed, electric, 3-function   09/04/2026   good\n"
        "MH-0088        Mobile hoist                         09/04/2026   good"
    )
    out = redact(text)
    assert "HB-0412" not in out and "MH-0088" not in out
    assert "Hospital bed, electric, 3-function" in out and "09/04/2026" in out


def test_prose_with_two_spaces_after_a_full_stop_is_no_table() -> None:
    text = "Rang the OT.  Client ID to follow.  Bed delivered Monday.\nAll good.  Nothing else."
    assert redact(text) == text
