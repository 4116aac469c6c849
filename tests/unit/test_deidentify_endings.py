"""What set 25 (endings, and the paper and digital trail people leave) showed (issue 12): a
registered name typed against Chinese or Thai with no space, the registered date of birth in
digits far from its cue, a text opening with "<name> here", and "我是<name>"."""

from __future__ import annotations

import datetime as dt

import pytest

from bot.deidentify import COMMON_SERVICES, KnownClient, deidentify
from bot.domain import ClientIdentity


def redact(text: str, *clients: KnownClient) -> str:
    return deidentify(text, list(clients), keep=[*COMMON_SERVICES, "Jerome Quaife", "Jerome"]).text


TONG = KnownClient("ND-2508", ClientIdentity(full_name="Tong Baozhu", aliases=("Baobao",)))
SIRI = KnownClient("ND-2519", ClientIdentity(full_name="Siriporn Kaewmanee", aliases=("Siri",)))


@pytest.mark.parametrize(
    ("text", "client", "expected"),
    [
        ("她母亲Tong Baozhu住在Box Hill", TONG, "她母亲ND-2508 ND-2508住在Box Hill"),
        ("บันทึกสําหรับSiri: คุณ", SIRI, "บันทึกสําหรับND-2519: คุณ"),
    ],
)
def test_a_registered_name_typed_against_another_script_is_hers(text, client, expected):
    assert redact(text, client) == expected


def test_the_characters_before_a_glued_name_are_not_her_name():
    assert redact("我是Tong，谢谢", TONG) == "我是ND-2508,谢谢"


BRAY = KnownClient(
    "ND-2510",
    ClientIdentity(
        full_name="Braydon Prior", aliases=("Bray",), date_of_birth=dt.date(1989, 8, 16)
    ),
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ND-2510's DOB is needed for the church register: 160889.",
         "ND-2510's DOB is needed for the church register: [DOB]."),
        ("His number ends 16081989 ok", "His number ends [DOB] ok"),
    ],
)
def test_the_registered_date_of_birth_in_digits_goes_wherever_it_is(text, expected):
    assert redact(text, BRAY) == expected


def test_another_six_digit_number_stays_a_reference():
    assert redact("Ref 170889 paid", BRAY) == "Ref [ID] paid"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("bray here new phone same number", "ND-2510 here new phone same number"),
        ("bray here. new phone", "ND-2510 here. new phone"),
    ],
)
def test_a_text_opening_with_a_word_name_and_here_is_hers(text, expected):
    assert redact(text, BRAY) == expected


def test_a_word_name_after_a_pronoun_is_still_a_word():
    hope = KnownClient("HL-01", ClientIdentity(full_name="Hope Li"))
    assert redact("I hope here is fine", hope) == "I hope here is fine"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Jerome 您好，我是侯玉玲，谢谢", "Jerome 您好,我是[name],谢谢"),
        ("저는 김민준 입니다", "저는 [name] 입니다"),
    ],
)
def test_a_name_after_i_am_is_a_person(text, expected):
    assert redact(text) == expected


def test_i_am_a_student_is_no_name():
    assert redact("我是学生。") == "我是学生。"


DHAKAL = KnownClient("ND-2522", ClientIdentity(full_name="Sita Dhakal"))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("| death certificate (T. Dhakal) |", "| death certificate ([name]) |"),
        ("Spoke to Mr T. Dhakal about it", "Spoke to Mr [name] about it"),
        ("Spoke to S. Dhakal", "Spoke to ND-2522"),
        ("spoke w Dhakal today", "spoke w ND-2522 today"),
    ],
)
def test_another_initial_before_the_registered_surname_is_another_person(text, expected):
    assert redact(text, DHAKAL) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Executor: Grantley Chifley of 4 Smith St", "Executor: [name] of [address]"),
        ("Name: Jess Kowalski (client)", "Name: [name] (client)"),
    ],
)
def test_a_name_field_ends_before_its_address_or_its_note(text, expected):
    assert redact(text) == expected
