"""The thirtieth adversarial review (issue 12): what the rules of sets 40 and 41 and the
twenty-ninth review's fixes broke, and what they still missed."""

from __future__ import annotations

import pytest

from bot.deidentify import COMMON_SERVICES, KnownClient, deidentify
from bot.domain import ClientIdentity


def client(code: str, name: str, *aliases: str) -> KnownClient:
    return KnownClient(
        code, ClientIdentity.from_dict({"full_name": name, "aliases": list(aliases)})
    )


def redact(text: str, *clients: KnownClient) -> str:
    return deidentify(text, list(clients), keep=[*COMMON_SERVICES, "Priya Raman", "Priya"]).text


@pytest.mark.parametrize(
    ("text", "who", "gone"),
    [
        ("Bed 4 KM - settled overnight.", client("U30-013", "Kim Mason"), "KM"),
        ("Day 2 MG engaged. Step 4 MG signed.", client("U30-014", "Mia Grant"), "MG"),
        ("Pt 3 KM - review. 1 KM 2 JS 3 TR. bed 4 km settled.",
         client("U30-013", "Kim Mason"), "KM -"),
        ("1 KM 2 JS 3 TR", client("U30-013", "Kim Mason"), "KM"),
        ("bed 4 km settled", client("U30-013", "Kim Mason"), "km"),
        ("Yohanes Minggu rang; Minggu starts work Monday.",
         client("U30-026", "Yohanes Minggu"), "Minggu"),
        ("- Mervi 6:12pm: Hi.\n- Trace 6:30pm: yeah 3 more msgs",
         client("U30-030", "Trace Trevena"), "Trace 6"),
        ("From: Sari <sari.kusuma91@gmail.com>\nTo: Kalle",
         client("U30-031", "Sari Kusumawati"), "Sari <"),
    ],
)
def test_a_registered_client_the_round_let_through_goes(
    text: str, who: KnownClient, gone: str
) -> None:
    assert gone not in redact(text, who)


@pytest.mark.parametrize(
    ("text", "gone"),
    [
        ("Spoke to Centrelink (Beverley) re payment.", "Beverley"),
        ("Date: 3/4\nVenue: library\nChair: Jess\nGrant: will ring the landlord", "Grant:"),
        ("Visited the Austin family at home.", "Austin"),
        ("Handed the form back to Austin at reception.", "Austin"),
        ("Wilson's chart says she's fine.", "Wilson"),
        ("Jones sign the form please.", "Jones"),
        ("Peter Mac from the footy club drove her.", "Peter"),
        ("Penne (her cousin) rang.", "Penne"),
        ("Met Nasi Rahimi at the library.", "Nasi"),
        ("Stayed with the Coles over Christmas.", "Coles"),
        ("Her sister Mae is in Mae La.", "sister Mae"),
        ("Ms Crew (teacher) rang.", "Crew"),
        ("- Emailed Tevita Crew re the kids.", "Tevita"),
        ("parent dawn - mum - says no. parent rich signed.", "dawn"),
        ("her sister\ngrace: 0412 555 018", "grace"),
        ("WITNESS: A. LEE", "LEE"),
        ("Waiting at Gary Lee Dr's rooms (his GP).", "Gary"),
        ('Lives at "Rose Cottage", 88 Old Coach Rd, Yass NSW 2582.', "Rose Cottage"),
    ],
)
def test_someone_the_round_let_through_goes(text: str, gone: str) -> None:
    assert gone not in redact(text)


@pytest.mark.parametrize(
    "text",
    [
        "Apgar scores for your baby are on the yellow card. Mantoux or QuantiFERON.",
        "Snellen chart, Amsler grid, Dix-Hallpike test; Ortolani and Barlow tests for the hips.",
        "The Alfred — trauma, burns, HIV (Prahran).",
        "Isoniazid 300 mg x 30",
        "I picked up their carer guide. Foster care for 8 weeks. Moved to foster street.",
        "Assisi Aged Care (Rosanna), Fronditha Care (Clayton), Women's Safety Services SA "
        "(Elizabeth).",
    ],
)
def test_what_must_survive_still_survives(text: str) -> None:
    assert redact(text) == text


def test_a_dose_or_a_distance_is_no_clients_initials() -> None:
    mg = client("U30-014", "Mehret Ghebreyesus")
    km = client("U30-013", "Kim Mason")
    assert redact("MELATONIN 3 MG NOCTE. Isoniazid 300 mg x 30.", mg) == (
        "MELATONIN 3 MG NOCTE. Isoniazid 300 mg x 30."
    )
    assert redact("Walked 5 km today.", km) == "Walked 5 km today."
