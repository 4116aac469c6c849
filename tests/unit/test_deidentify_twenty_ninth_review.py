"""The twenty-ninth adversarial review (issue 12): what the rules of sets 39 and 40 and the
twenty-eighth review's fixes broke, and what they still missed."""

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


def test_a_registered_surname_that_is_also_a_medicine_or_a_brand_is_the_client() -> None:
    rhys = client("BX-2912", "Rhys Kinson")
    assert redact("rhys says kinson family moved to shepparton.", rhys) == (
        "BX-2912 says BX-2912 family moved to shepparton."
    )
    greta = client("BX-2913", "Greta Schindler")
    assert "SCHINDLER" not in redact("GRETA SAYS SCHINDLER IS HER MARRIED NAME", greta)


@pytest.mark.parametrize(
    ("text", "gone"),
    [
        ("Neighbour Paul Kinson called police.", "Kinson"),
        ("Schindler rang back at 3.", "Schindler"),
        ("Ring Housing Support ext 4471 and ask for the duty worker.", "4471"),
        ("Time ext 4417 is the duty phone.", "4417"),
        ("Jayden Marshall turns 18 on 03/06/2026.", "03/06/2026"),
        ("Mia Bishop turns 16 on 4 May.", "4 May"),
        ("Safety plan contacts\n- Ava Nguyen - 14/02/2024", "14/02/2024"),
        ("He posts as mr.fluffy22 on tiktok", "fluffy22"),
        ("Her instagram profile st.kilda.kid07 is private.", "kilda"),
        ("Her page forum.carersaustralia.asn.au/members/kyliemum83", "kyliemum83"),
        ("Name | USI\nBen Frey | KXPTQMWRH7", "KXPTQMWRH7"),
    ],
)
def test_what_the_round_let_through_goes(text: str, gone: str) -> None:
    assert gone not in redact(text)


@pytest.mark.parametrize(
    "text",
    [
        "Lease ext 2027 agreed. Bail (ext 2027).",
        "The town hall turns 100 on 3 March. Playgroup turns 3 on 1 June.",
        "- Gary Lim - 10/03/2026 - rang re lease",
        "Her instagram: at home.she said approx.half the account balance.",
        "See ndis.gov.au/participants/home and carersaustralia.asn.au/members/login",
        "Name | Stage\nAmy Lo | STAGE2REVIEW",
        'Meeting at "The Orange Door", 154 Mitchell Street, Bendigo.',
        'He said "No worries", 9 O\'Connell Street was fine to visit.',
        "Received by: Post\nReceived by: Hand (client)\nReceived by: Counter",
        "Note 3/3:\nAddress: With family, Kyneton",
        "Note 3/3:\nAddress: Staying with friends, Bendigo\nAddress: Between places",
        "Recording 2026_03_14_10_30.m4a deleted. Shift pattern 7_3_7_3. Score 10_9_8_7.",
        "Hours 10 Mon–Wed Street Library open. 3 Jan–Feb Court dates to confirm.",
        "Wait at Door C.  Security will buzz you in.",
        "Bondi Crew volunteers came.",
    ],
)
def test_what_the_round_hid_survives(text: str) -> None:
    out = redact(text)
    for piece in ("Ring", "Lease", "Bail", "hall", "10/03/2026", "home.she", "ndis", "STAGE2REVIEW",
                  "Orange Door", "No worries", "Post", "Hand", "With family", "friends",
                  "Between", "2026_03", "7_3_7_3", "Mon–Wed", "Jan–Feb", "Door C", "Bondi"):
        if piece in text:
            assert piece in out, out


def test_a_quoted_propertys_name_still_goes_with_its_address() -> None:
    out = redact('Respondent lives at "Glenmorgan Downs", 1460 Yuleba–Surat Road, Yuleba QLD 4427')
    assert "Glenmorgan" not in out and "1460" not in out


def test_a_birth_date_keeps_the_sentences_full_stop() -> None:
    assert redact("Born 4 May. Then she left.").startswith("Born [DOB]. Then")
