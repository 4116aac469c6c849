"""Set 33's misses (issue 12), after its held-out measurement: the services of pregnancy, birth,
early parenting and name changes, and kin words that stand before a noun ("baby sleep")."""

from __future__ import annotations

import pytest

from bot.deidentify import COMMON_SERVICES, KnownClient, deidentify
from bot.domain import ClientIdentity


def redact(text: str) -> str:
    who = KnownClient("NC-3300", ClientIdentity(full_name="Sam Jones"))
    return deidentify(text, [who], keep=list(COMMON_SERVICES)).text


@pytest.mark.parametrize(
    "text",
    [
        "Checked what Births, Deaths and Marriages Victoria needs for a child's surname.",
        "Call to Births, Deaths and Marriages in Adelaide about the documents.",
        "Phoned Ngala about their early parenting groups in Armadale.",
        "Bfriend now runs a monthly peer night; try Noongar Mia Mia too.",
        "Booked Tok Pisin through TIS National. Stopped at Hungry Jack's on Philip Highway.",
        "Worked with trans and gender-diverse parents at Queerspace.",
        "Bicultural worker Tue/Thu at Winanga-Li.",
    ],
)
def test_services_languages_and_days_stay(text):
    assert redact(text) == text


@pytest.mark.parametrize(
    "text",
    [
        "Asked whether a young dad can have his baby visit overnight at the refuge.",
        "Nowhere to bath baby except the shower. Walked with mum and baby along Todd Mall.",
        "A quiz about baby sleep. Child Safety's unborn child notification.",
        "Referral from a GP or child health nurse.",
    ],
)
def test_a_kin_word_before_a_noun_names_no_one(text):
    assert redact(text) == text


@pytest.mark.parametrize(
    ("text", "gone"),
    [
        ("His baby jirra was born on Monday.", "jirra"),
        ("Her baby rose is feeding well.", "rose"),
    ],
)
def test_a_babys_name_after_baby_still_goes(text, gone):
    assert gone not in redact(text)


def test_a_list_is_one_name_only_where_the_list_is_listed():
    out = redact("Spoke to Mercy, Health Care Card in hand.")
    assert "Health Care Card" in out


@pytest.mark.parametrize(
    ("text", "gone"),
    [
        ("bubs came early!! were calling her jirra. shes on the hospital band", "jirra"),
        ("baby name is monika baru now, we registered", "monika"),
    ],
)
def test_a_name_given_in_lowercase_goes(text, gone):
    assert gone not in redact(text)


def test_a_pronoun_after_a_kin_word_and_a_full_stop_is_no_one():
    text = "They named him after his pop. She is calling him later."
    assert redact(text) == text


@pytest.mark.parametrize(
    ("text", "gone"),
    [
        ("Her son was born at Rockingham General Hospital on 9 May 2025 and went home.", "9 May"),
        ("She had her baby on 30 June 2025 at Royal Hobart Hospital.", "30 June"),
        ("His girlfriend had their son at Nepean Hospital on 2 March 2025.", "2 March"),
    ],
)
def test_a_birth_told_as_an_event_hides_the_babys_birth_date(text, gone):
    assert gone not in redact(text)


@pytest.mark.parametrize(
    "text",
    [
        "She was born in Iran and arrived on 3 March 2019.",
        "She had her appointment on 3 March 2025.",
    ],
)
def test_other_events_near_a_birth_keep_their_dates(text):
    assert redact(text) == text
