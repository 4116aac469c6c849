"""Set 31's misses (issue 12): aged care, elder rights and veterans' services, peoples and
languages, places abroad, and the forms older people's paperwork comes on."""

from __future__ import annotations

import pytest

from bot.deidentify import COMMON_SERVICES, KnownClient, deidentify
from bot.domain import ClientIdentity


def redact(text: str, name: str = "Sam Jones", *aliases: str) -> str:
    who = KnownClient("EL-3100", ClientIdentity(full_name=name, aliases=tuple(aliases)))
    return deidentify(text, [who], keep=list(COMMON_SERVICES)).text


@pytest.mark.parametrize(
    "text",
    [
        "They also do a Calabrian dialect group in Thomastown monthly",
        "several Dutch and Italian migrants from the 1950s",
        "The interpreter service needs 48 hours' notice for Pintupi and Luritja.",
        "Visited the Slovenian club in Phillip for their pensioners' lunch.",
        "Two carers said they did not know they could ring the helpline.",
        "4. Elder abuse: the WA Elder Abuse Helpline and Advocare",
        "Is the Tasmanian Elder Abuse Helpline still on the same number?",
        "Retirement village residents' forum in Bendigo run by HAAG.",
        "2. Bundiyarra is recruiting two Aboriginal community care workers",
        "Tjilpi Pampaku Ngura has two respite beds free from April",
        "Amana Living's Albany home has a new memory support unit",
        "Also discussed the Snowy Hydro oral history project",
        "war widows and widowers, some WWII and ex-POW",
        "Referral to Audiology at the hospital",
    ],
)
def test_services_peoples_and_languages_stay(text):
    assert redact(text) == text


@pytest.mark.parametrize(
    "text",
    [
        "asking for the boat to Marseille",
        "deported to Siberia as a girl, then through Persia to Africa",
        "born on the island of Kalymnos",
    ],
)
def test_a_place_abroad_no_name_list_knows_stays(text):
    assert redact(text) == text


@pytest.mark.parametrize(
    ("text", "gone"),
    [
        ("Mrs Haag rang about the rent", "Haag"),
        ("Rewa Harwood is her neighbour", "Rewa"),
        ("Blo mi brada Waiben i don dai lo Boigu.", "Waiben"),
    ],
)
def test_a_person_of_such_a_word_is_still_a_person(text, gone):
    assert gone not in redact(text)


@pytest.mark.parametrize(
    ("text", "gone", "stays"),
    [
        ("Previous address (India): TC 14/1127, Vazhuthacaud, Thiruvananthapuram",
         "Vazhuthacaud, Thiruvananthapuram", "Previous address"),
        ("Home address in the Philippines: 112 Rizal Street, Barangay Poblacion, Lipa City, "
         "Batangas", "Poblacion", "Home address"),
        ("Postal address: PO Box 41, Papunya NT 0872", "41", "Postal address"),
    ],
)
def test_an_address_field_goes_whatever_its_country(text, gone, stays):
    out = redact(text)
    assert gone not in out and stays in out


@pytest.mark.parametrize(
    "text",
    ["Address: see file", "Address: NFA", "Address: unknown, last seen at the mall"],
)
def test_an_address_field_with_no_address_stays(text):
    assert redact(text) == text


def test_a_service_is_no_suburb_after_a_street():
    out = redact("Three steps at the front of 8 Church Ave. Silver Chain nursing to do wound care")
    assert "Silver Chain nursing" in out and "8 Church Ave" not in out


@pytest.mark.parametrize(
    ("text", "gone"),
    [
        ("His late wife's Medicare card was still in his wallet, 4227 31977 1.", "31977"),
        ("Matter number: GAA 1187 of 2025", "1187"),
        ("Matter: NTCAT 2025-0411", "0411"),
        ("Witness: JP number NT-JP 3318.", "3318"),
        ("posts in a WeChat group as @养老服务中心_Jenny", "Jenny"),
        ("and on Xiaohongshu as xhs_user_5528710.", "5528710"),
        ('"请立即聯絡 曾警官，電話"', "曾"),
        ("我是社区养老中心的 庞主任。", "庞"),
        ("her GP is Dr Fung Kei-leung.", "leung"),
        ("From: Peteru Luamanu <p.luamanu@example.org>", "Peteru"),
    ],
)
def test_other_peoples_numbers_handles_and_names_go(text, gone):
    assert gone not in redact(text)


@pytest.mark.parametrize("text", ["社区养老中心主任", "对方先生不在", "saved as IMG_2024.jpg"])
def test_a_title_or_a_file_name_with_no_one_stays(text):
    assert redact(text) == text


def test_a_text_thread_typed_out_names_its_speakers():
    thread = "rosetta: hi loveday sorry to bother\nloveday: thanks for telling me\nrosetta: yes"
    who = KnownClient("EL-3100", ClientIdentity(full_name="Sam Jones"))
    out = deidentify(thread, [who], keep=["Loveday Carlyon", "Loveday"]).text
    assert "rosetta" not in out and "loveday: thanks" in out
    notes = "note: rent paid\nupdate: all good\nfyi: none"
    assert deidentify(notes, [who]).text == notes


def test_a_birthday_under_a_birthday_column_goes():
    table = "| client | birthday | age |\n|---|---|---|\n| Eric Frail | 12 December | 96 |"
    who = KnownClient(
        "EL-3100", ClientIdentity.from_dict({"full_name": "Eric Frail",
                                             "date_of_birth": "1929-12-12"}))
    out = deidentify(table, [who]).text
    assert "12 December" not in out and "| 96 |" in out


def test_a_birth_date_said_with_its_ordinal_takes_its_the():
    who = KnownClient(
        "EL-3100", ClientIdentity.from_dict({"full_name": "Gladys Rocker",
                                             "date_of_birth": "1935-01-17"}))
    out = deidentify("the lawyer needs your date of birth, is it the 17th of January?", [who]).text
    assert out == "the lawyer needs your date of birth, is it [DOB]?"


@pytest.mark.parametrize(
    "text",
    [
        "SHINE for Kids runs child-friendly visits at Dame Phyllis Frost Centre.",
        "Outcare, Ruah and Foundation Housing will have tables.",
        "Villawood IDC, Melbourne ITA and Yongah Hill IDC all changed visiting hours.",
        "He was at Curtin, then Manus, then Nauru.",
        "Her mother lives in Tsuen Wan.",
    ],
)
def test_prisons_detention_centres_and_post_release_services_stay(text):
    assert redact(text) == text
