"""The twenty-seventh adversarial review (issue 12) of the rules added for set 37 and the
twenty-sixth review: desk extensions, firms' legal endings, lowercase months before a number, a
registered house number on a visit list, a child's birthday this year in a household list, a
town surname before "and Mum", a client's number on a worker's line, ways of having no home in
an address field, a work site numbered like the client's unit, meeting rooms, slash values,
BSB columns by their other headers."""

from __future__ import annotations

import pytest

from bot.deidentify import COMMON_SERVICES, KnownClient, deidentify
from bot.domain import ClientIdentity


def client(name: str, address: str | None = None) -> KnownClient:
    return KnownClient(
        "ZK-3701", ClientIdentity.from_dict({"full_name": name, "address": address})
    )


def redact(text: str, *clients: KnownClient) -> str:
    keep = [*COMMON_SERVICES, "Jo Worker", "Jo", "Priya Raman", "Priya"]
    return deidentify(text, list(clients), keep=keep).text


@pytest.mark.parametrize(
    ("text", "gone"),
    [
        # a desk extension, a year's digits or after a helpline
        ("Ring Kath on ext 2045 about the bond.", "2045"),
        ("Helpline ext 4417 for the after-hours team.", "4417"),
        # a lowercase word before a firm's ending is no firm, nor a verb before it
        ("Offered Tevite limited hours at the packing shed.", "Tevite"),
        ("Waisake and Co came over for the barbecue.", "Waisake"),
        ("Emailed Hollindale Pty Ltd re the bond.", "Hollindale"),
        # a name before a count, not a day
        ("rang june 3 times, no answer", "june"),
        # a child's birthday this year in a list of siblings
        ("Siblings:\n- Leo Haddad - 03/01/2026 - at home", "03/01/2026"),
        # a slash value that names someone, not a fare's class
        ("Passenger: LEE/AMY MS", "LEE/AMY"),
        # a BSB under its other headers
        ("name,Bank BSB,account\nAmy Lee,633-108,12345678\nBo Chan,083-347,23456789", "633-108"),
        ("name,BSB No,account\nAmy Lee,633-108,12345678", "633-108"),
    ],
)
def test_what_must_go_goes(text: str, gone: str) -> None:
    assert gone not in redact(text)


HOUSE = client("Sam Jones", "27 Logan Road, Woodridge QLD 4114")
DOVER = client("Ben Dover")
UNIT = client("Aarav Kulkarni", "Unit 4, 22 Marion Street, Harris Park NSW 2150")


@pytest.mark.parametrize(
    ("text", "who", "gone"),
    [
        ("Visited number 27 on my list: no answer.", HOUSE, "27"),
        ("Emailed the flights to Dover and Mum, she will check them.", DOVER, "Dover"),
        ("The road is closed between Dover and Mum for now.", DOVER, "Dover"),
        ("Back to unit 4 tonight after the shift.", UNIT, "unit 4"),
    ],
)
def test_the_register_wins(text: str, who: KnownClient, gone: str) -> None:
    assert gone not in redact(text, who)


@pytest.mark.parametrize(
    ("text", "who"),
    [
        ("Lease ext 2027 agreed with the agent.", None),
        ("deadline ext 2027 for the report", None),
        ("At number 27 on the waitlist now.", HOUSE),
        ("Contacts:\n- Staff: Priya Raman   Client no: ZK-3702", None),
        ("Ref 2231. Address: Couch surfing, Logan", None),
        ("Ref 2231. Address: Youth shelter, Townsville", None),
        ("Ref 2231. Address: Rough sleeping, Brisbane CBD", None),
        ('{"id": 4, "address": "Couch surfing, Logan"}', None),
        ("He is working at site 4 this swing.", UNIT),
        ("Room | Worker | Time\nB12 | Priya Raman | 10:00", None),
        ("Passenger: ADULT/CHILD", None),
        ("The road closed between Dover and Southport for roadworks.", DOVER),
        ("picking starts 6 april at the orchard, court on may 3 at 9", None),
    ],
)
def test_what_must_stay_stays(text: str, who: KnownClient | None) -> None:
    assert redact(text, *([who] if who else [])) == text


def test_an_address_field_in_json_keeps_its_quotes_and_braces() -> None:
    out = redact('{"id": 4, "address": "Aldeia Buruma, Suco Buruma, Baucau"}')
    assert out == '{"id": 4, "address": "[address]"}'


def test_an_expiry_in_a_licence_column_is_no_number() -> None:
    out = redact("name,licence,status\nAmy Lee,exp 2027,ok\nBo Chan,12345678,ok")
    assert "exp 2027" in out and "12345678" not in out


@pytest.mark.parametrize(
    "text",
    [
        "- Emailed Hollindale Pty Ltd re the bond.",
        "| Saw Uhila and Co outside the servo. |",
        "Kids\n- Leo Haddad - 03/01/2026 - appt with the nurse",
        "Grandkids\n- Leo Haddad - 03/01/2026 - text from mum says he's well",
        "Young person: WOODS, Zac   DOB: 14/03/2009",
    ],
)
def test_the_review_round_keeps_these_going(text: str) -> None:
    out = redact(text)
    for piece in ("Hollindale", "Uhila", "03/01/2026", "WOODS", "Zac"):
        assert piece not in out, out


@pytest.mark.parametrize(
    "text",
    [
        "Family violence\n- Gary Lim - 10/03/2026 - rang re lease",
        "Landlord log\n- Gary Lim - 10/03/2026 - repairs done",
        "Her mobile contract is with Blue Wave Telecom Inc.",
        "HER MOBILE CONTRACT IS WITH BLUE WAVE TELECOM INC.",
        "Witnessed by: Two Staff",
        "Passenger: SELF/CARER",
        "Room | Name | Capacity\nB12 | Boardroom | 12\nC14 | Training | 30",
    ],
)
def test_the_review_round_keeps_these_words(text: str) -> None:
    out = redact(text)
    for piece in ("10/03/2026", "Blue Wave", "BLUE WAVE", "Two Staff", "SELF/CARER",
                  "Boardroom"):
        if piece in text:
            assert piece in out, out
