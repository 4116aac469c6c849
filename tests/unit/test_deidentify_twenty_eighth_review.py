"""The twenty-eighth adversarial review (issue 12) of the rules added for set 38 and the
twenty-seventh review: a registered home said in another word of its kind, a registered
locality on a form, teams and groups before a person's name, signers and slash values, tenants'
rooms, two-line addresses, ways of having no home, log dates, users' pages, extensions of time,
username columns, things that turn an age, HASS."""

from __future__ import annotations

import pytest

from bot.deidentify import COMMON_SERVICES, KnownClient, deidentify
from bot.domain import ClientIdentity


def client(name: str, address: str | None = None) -> KnownClient:
    return KnownClient(
        "ZK-3801", ClientIdentity.from_dict({"full_name": name, "address": address})
    )


def redact(text: str, *clients: KnownClient) -> str:
    return deidentify(text, list(clients), keep=[*COMMON_SERVICES, "Jo Worker", "Jo"]).text


CABIN = client("Sam Jones", "Cabin 6, 12 Park Road, Mildura VIC 3500")
DONGA = client("Sam Jones", "Donga 5, 110 Victoria Highway, Katherine NT 0850")
UNIT = client("Sam Jones", "Unit 4, 22 Marion Street, Harris Park NSW 2150")
COBURG = client("Sam Jones", "12 Bell Street, Coburg VIC 3058")
HOUSE = client("Sam Jones", "41 Logan Road, Woodridge QLD 4114")


@pytest.mark.parametrize(
    ("text", "who", "gone"),
    [
        ("Back to his unit 6 at the caravan park.", CABIN, "unit 6"),
        ("He is back in cabin 5 at the camp.", DONGA, "cabin 5"),
        ("Suburb/postcode: Coburg 3058", COBURG, "Coburg"),
        ("Postcode: 3058 COBURG", COBURG, "COBURG"),
        ("Suburb: COBURG, 3058", COBURG, "COBURG"),
    ],
)
def test_the_register_wins(text: str, who: KnownClient, gone: str) -> None:
    out = redact(text, who)
    assert gone not in out, out


def test_a_signer_whose_word_is_a_surname_goes() -> None:
    assert "Cusack" not in redact("Received by: Cusack")
    # but how a paper came is no one (the twenty-ninth review): "Received by: Post", "Hand"
    assert redact("Received by: Post\nReceived by: Hand (client)") == (
        "Received by: Post\nReceived by: Hand (client)"
    )


def test_a_forms_label_stays_beside_the_locality_it_labels() -> None:
    assert redact("Suburb/postcode: Coburg 3058", COBURG).startswith("Suburb/postcode: ")


@pytest.mark.parametrize(
    ("text", "gone"),
    [
        ("Mick Jets rang about the rent.", "Mick"),
        ("Emailed Tevita Crew about the shifts.", "Tevita"),
        ("Received by: NGO", "NGO"),
        ("Witnessed by: STONE", "STONE"),
        ("Passenger: SINGLE/ANNA MS", "ANNA"),
        ("Room | Tenant | Start\nB12 | Tevita Lolohea | 03/03/2026", "B12"),
        ("She lives at Unit 7\nPalm Grove, Logan", "Unit 7"),
        ("Kids:\n- Leo Haddad - 03/01/2026 - appt with the nurse", "03/01/2026"),
        ("user_id,username,joined\n1130447718233095170,nightcrawler77,2025-11-09\n"
         "1164920038871247923,questmaster,2026-01-15", "nightcrawler77"),
        ("Kylie Hass rang about the bond.", "Hass"),
        ("Employer | Worker\nSam Nguyen Plumbing | Jo Worker", "Nguyen"),
        ("Ring Kath on ext 2045 about the bond.", "2045"),
    ],
)
def test_what_must_go_goes(text: str, gone: str) -> None:
    out = redact(text)
    assert gone not in out, out


@pytest.mark.parametrize(
    ("text", "who"),
    [
        ("He is working at site 4 this swing.", UNIT),
        ("Her boyfriend lives in van 9 at the park.", UNIT),
        ("the Coburg 3058 office is shut", COBURG),
        ("Bridgewater Bulls v Clarence District; Olympia Warriors, Glenorchy Knights", None),
        ("Passenger: ADULT/CHILD", None),
        ("Witnessed by: Two Staff", None),
        ("Address: Couch surfing, Logan", None),
        ("Ref 2231. Address: Boarding house, Fortitude Valley", None),
        ("name,address\nAmy Lee,Mum's place, Logan", None),
        ("- Gary Lim - 10/03/2026 - keys handed back", None),
        ("Family lawyer\n- Gary Lim - 10/03/2026 - rang re orders", None),
        ("Log in at ahm.com.au/members/login for the claim.", None),
        ("Go to https://www.bupa.com.au/members/claims for the form.", None),
        ("see my.gov.au/profile/settings", None),
        ("Bail ext 2027 refused.", None),
        ("Lease: ext 2027 agreed.", None),
        ("Lease (ext 2027) agreed.", None),
        ("The school turns fifty on 12 October.", None),
        ("The meeting turned sixteen people away on 14 March.", None),
        ("Up from number 41 in the queue last week.", HOUSE),
        ("Year 10\n- Mon: Maths\n- Tue: HASS\n- Wed: PDHPE", None),
        ("Drug user program: approx.half of the group attended.", None),
        ("Claim | Stage\nSTAGE2REVIEW | Open", None),
        ("File | Status\nFORMSV2026 | Sent", None),
        ("12/04 Transfer to BETEASY -$200.00", None),
        ("Student | Room\nHaeun Jeong | B12", None),
        ("He was in Ward 3, Bed 7 at the Royal Adelaide overnight.",
         client("Sam Jones", "Bed 7, 112 Sturt Street, Adelaide SA 5000")),
    ],
)
def test_what_must_stay_stays(text: str, who: KnownClient | None) -> None:
    out = redact(text, *([who] if who else []))
    for piece in ("site 4", "van 9", "Coburg 3058", "Olympia Warriors", "ADULT/CHILD", "Two Staff",
                  "Couch surfing", "Boarding house", "Mum's place", "10/03/2026", "members",
                  "profile/settings", "ext 2027", "12 October", "14 March", "number 41", "HASS",
                  "approx.half", "STAGE2REVIEW", "FORMSV2026", "BETEASY", "B12",
                  "Bed 7"):
        if piece in text and piece != "B12":
            assert piece in out, out
    if text.startswith("Student"):
        assert "B12" in out, out
