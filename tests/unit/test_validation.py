from __future__ import annotations

import datetime as dt

import pytest

from bot import validation
from bot.domain import ClientIdentity, InvalidInput
from bot.ids_au import medicare_check_digit, medicare_valid

TODAY = dt.date(2026, 11, 25)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1988-04-03", dt.date(1988, 4, 3)),
        ("3/4/1988", dt.date(1988, 4, 3)),
        ("03.04.1988", dt.date(1988, 4, 3)),
        (" 31-12-1970 ", dt.date(1970, 12, 31)),
    ],
)
def test_date_of_birth_is_day_first(text, expected):
    assert validation.date_of_birth(text, today=TODAY) == expected


@pytest.mark.parametrize("text", ["1988-02-30", "13/13/1988", "1/1/88", "2027-01-01", "1899-12-31"])
def test_bad_date_of_birth_message_never_echoes_the_value(text):
    with pytest.raises(InvalidInput) as caught:
        validation.date_of_birth(text, today=TODAY)
    assert text.strip() not in caught.value.message


def test_medicare_check_digit():
    assert validation.medicare_number("2123 45670 1") == "2123456701"
    assert validation.medicare_number("21234567011") == "21234567011"
    with pytest.raises(InvalidInput):
        validation.medicare_number("2123 45671 1")
    with pytest.raises(InvalidInput):
        validation.medicare_number("123")


def test_one_medicare_check_serves_validation_and_the_deidentifier():
    assert medicare_check_digit("21234567") == 0
    assert medicare_valid("2123 45670 1") and not medicare_valid("2123 45671 1")
    assert not medicare_valid("2123")  # too short to hold a check digit: not one, no error


def test_crn_phone_email():
    assert validation.crn("204 837 561k") == "204837561K"
    assert validation.phone("+61 7 3555 0199") == "+61 7 3555 0199"
    for bad in ("12345", "call me"):
        with pytest.raises(InvalidInput):
            validation.phone(bad)
    with pytest.raises(InvalidInput):
        validation.email("not-an-email")


def test_ids_and_codes():
    assert validation.case_code(" u1r-014 ") == "U1R-014"
    assert validation.slack_user_id("<@U0KW00001|kate>") == "U0KW00001"
    assert validation.slack_user_id("@U0KW00001") == "U0KW00001"
    assert validation.slack_channel_id(" C0123ABCD ") == "C0123ABCD"
    # Slack's IDs are capitals: upper-casing would let a name such as ushers123 through.
    for user in ("@u0kw00001", "ushers123", "U0KW 0001"):
        with pytest.raises(InvalidInput, match="doesn't look like a Slack member ID"):
            validation.slack_user_id(user)
    for channel in ("c0123abcd", "general1", "#general"):
        with pytest.raises(InvalidInput, match="doesn't look like a Slack channel ID"):
            validation.slack_channel_id(channel)
    for bad in ("JaneS", "U1R 014", "-014"):
        with pytest.raises(InvalidInput):
            validation.case_code(bad)


def test_identity_from_loose_input():
    identity = validation.identity(
        {"full_name": "  Jane   Quokkafield ", "aliases": "Janey, janey , JQ", "phone": ""},
        today=TODAY,
    )
    assert identity.full_name == "Jane Quokkafield"
    assert identity.aliases == ("Janey", "JQ")
    assert identity.phone is None


def test_identity_repr_hides_every_value():
    identity = ClientIdentity(full_name="Jane Quokkafield", phone="0412 345 678")
    assert "Quokkafield" not in repr(identity) and "0412" not in str(identity)
    assert "full_name" in repr(identity)


def test_identity_round_trip():
    identity = ClientIdentity(full_name="A B", aliases=("C",), date_of_birth=dt.date(1990, 1, 2))
    assert ClientIdentity.from_dict(identity.to_dict()) == identity


def test_timezone_suggests():
    assert validation.timezone("Australia/Sydney") == "Australia/Sydney"
    with pytest.raises(InvalidInput, match="Australia/Sydney"):
        validation.timezone("Australia/Sidney")


# C0 controls but newline and tab, DEL, C1 controls, bidi embeddings/overrides/isolates, marks.
HIDDEN = "".join(
    map(chr, [*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20), *range(0x7F, 0xA0),
              *range(0x202A, 0x202F), *range(0x2066, 0x206A), 0x200E, 0x200F, 0x061C])
)


def test_clean_text_drops_control_and_bidi_characters():
    assert validation.clean_text(f"call{HIDDEN} the GP") == "call the GP"
    assert validation.clean_text("evil\u202egnp.exe") == "evilgnp.exe"


def test_clean_text_keeps_what_people_write():
    # Line breaks, tabs, accents, an emoji sequence (U+200D) and Persian's U+200C stay.
    text = "Line one\n\tindented · café · 👩\u200d⚕\ufe0f · می\u200cخواهم"
    assert validation.clean_text(text) == text
    assert validation.clean_text("one\r\ntwo\rthree") == "one\ntwo\nthree"


def test_identity_fields_drop_control_and_bidi_characters():
    found = validation.identity(
        {"full_name": "Jane\x00 \u202eQuokkafield", "aliases": ["Ja\x1bne"],
         "notes": "first\r\nsecond\x07"},
        today=TODAY,
    )
    assert (found.full_name, found.aliases, found.notes) == (
        "Jane Quokkafield", ("Jane",), "first\nsecond"
    )
