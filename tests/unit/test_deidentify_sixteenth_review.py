"""What the sixteenth review (1,347 hand seeds against the rules of set 26's and set 24's trails,
the fifteenth review and set 27) found the last round broke (issue 12), each as a behaviour a
reader sees."""

from __future__ import annotations

import pytest

from bot.deidentify import COMMON_SERVICES, KnownClient, deidentify
from bot.domain import ClientIdentity


def redact(text: str, *clients: KnownClient) -> str:
    return deidentify(text, list(clients), keep=[*COMMON_SERVICES, "Priya Raman", "Priya"]).text


def client(code: str, name: str, *aliases: str) -> KnownClient:
    return KnownClient(code, ClientIdentity(full_name=name, aliases=aliases))


HOPE = client("BG-2630", "Hope Ngata")
DALE = client("KN-3009", "Dale Whitby")
WILL = client("RV-1102", "Will Tamatea")
ROSE = client("BG-2632", "Rose Lim")
PEARL = client("KN-3054", "Pearl Cassidy")
HOLLY = client("KN-3012", "Holly Dunstan")
NAVIDAD = client("KN-3020", "Marites Navidad")
BOZIC = client("KN-3019", "Ana Božić")
KAYA = client("KN-3028", "Kaya Blom")


@pytest.mark.parametrize(
    ("text", "who", "expected"),
    [
        ("DROVE HOPE WAS TIRED", HOPE, "DROVE BG-2630 WAS TIRED"),
        ("HELPED DALE PASSED THE TEST", DALE, "HELPED KN-3009 PASSED THE TEST"),
        ("PICKED UP HOPE WAS LATE", HOPE, "PICKED UP BG-2630 WAS LATE"),
        ("COLLECTED WILL IS STAYING AT MUMS", WILL, "COLLECTED RV-1102 IS STAYING AT MUMS"),
        ("CLEANER ROSE WAS LATE", ROSE, "CLEANER BG-2632 WAS LATE"),
        ("HAPPY HOLLY IS BACK", HOLLY, "HAPPY KN-3012 IS BACK"),
    ],
)
def test_in_capitals_a_name_after_a_verb_a_role_or_a_greeting_is_the_client(text, who, expected):
    assert redact(text, who) == expected


@pytest.mark.parametrize(
    ("text", "who"),
    [
        ("THE BILL WAS PAID", client("RV-1101", "Bill Orrock")),
        ("GAS BILL WAS PAID", client("RV-1101", "Bill Orrock")),
        ("HER WILL IS SIGNED", WILL),
        ("NO HOPE WAS GIVEN", HOPE),
    ],
)
def test_in_capitals_a_things_word_after_a_determiner_or_a_noun_stays(text, who):
    assert redact(text, who) == text


@pytest.mark.parametrize(
    ("text", "who", "expected"),
    [
        ("the client hope missed her appt", HOPE, "the client BG-2630 missed her appt"),
        ("the nurse pearl came by", PEARL, "the nurse KN-3054 came by"),
        ("the tenant will paid rent", WILL, "the tenant RV-1102 paid rent"),
        ("happy holly is back", HOLLY, "happy KN-3012 is back"),
    ],
)
def test_a_lowercase_name_after_a_persons_role_is_the_client_not_a_things_phrase(
    text, who, expected
):
    assert redact(text, who) == expected


def test_a_things_phrase_still_keeps_its_word():
    garland = client("YT-2703", "Maude Garland")
    assert redact("we hung a paper garland in the lounge", garland) == (
        "we hung a paper garland in the lounge"
    )


@pytest.mark.parametrize(
    ("text", "who", "expected"),
    [
        ("Navidad family moved to Blacktown", NAVIDAD, "KN-3020 family moved to Blacktown"),
        ("NAVIDAD FAMILY MOVED", NAVIDAD, "KN-3020 FAMILY MOVED"),
        ("Saw Ana. Božić family moved", BOZIC, "Saw KN-3019. KN-3019 family moved"),
        ("Feliz Navidad to all the team", NAVIDAD, "Feliz Navidad to all the team"),
    ],
)
def test_a_registered_surname_that_is_a_feasts_word_before_family_is_theirs(
    text, who, expected
):
    assert redact(text, who) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Genna Moretti rang about the rent", "[name] rang about the rent"),
        ("spoke to Santa Ramirez re bond", "spoke to [name] re bond"),
        ("Genna rang", "[name] rang"),
        ("Dear Genna, thanks", "Dear [name], thanks"),
    ],
)
def test_women_called_genna_or_santa_are_people(text, expected):
    assert redact(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Срећан Божић! To everyone celebrating Christmas on 7 January.",
        "Santa Claus arrives at 1pm.",
        "Feliz Navidad from the team.",
    ],
)
def test_the_seasons_greetings_stay(text):
    assert redact(text) == text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("PW: KAYA!2024", "PW: [ID]"),
        ("password: Kaya!2024", "password: [ID]"),
    ],
)
def test_a_password_in_capitals_with_a_symbol_is_hidden_whole(text, expected):
    assert redact(text, KAYA) == expected


@pytest.mark.parametrize("text", ["PASSWORD RESET done", "PW: RESET."])
def test_a_word_in_capitals_after_a_password_cue_stays(text):
    assert redact(text) == text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("hi mum its hope thx", "hi mum its BG-2630 thx"),
        ("hope here thx", "BG-2630 here thx"),
        ("hi mum its hope xx", "hi mum its BG-2630 xx"),
    ],
)
def test_the_sender_saying_who_she_is_before_thanks_or_kisses(text, expected):
    assert redact(text, HOPE) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Remind anyone fasting for Genna that the lunch is on.",
         "Remind anyone fasting for [name] that the lunch is on."),
        ("a visit from Santa on the fire truck", "a visit from [name] on the fire truck"),
    ],
)
def test_a_feast_that_is_also_a_womans_name_with_no_cue_either_way_is_hidden(text, expected):
    # A trade: the season's set kept these until the review showed "Genna rang" and "Santa
    # Ramirez" leaking; the author can give the word back with *Not identifying*.
    assert redact(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("plate DUE 448", "plate [ID]"),
        ("rego YRS 123", "rego [ID]"),
        ("10am Thu Nguyen came in", "10am [name] came in"),
        ("pw hope1991", "pw [ID]"),
        ("password is FRANGIPANI", "password is [ID]"),
        ("Beds: 3 TUIVASA 4 KOROI", "Beds: 3 [name] 4 [name]"),
    ],
)
def test_what_the_last_round_let_through_is_hidden_again(text, expected):
    assert redact(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "REGO (DUE 30/6)",
        "rego due 30/6",
        "appt 10am Thu Centrelink",
        "$380 pw 2wks",
        "PASSWORD IS RESET",
        "Santa Maria Catholic school",
        "对方先生不在",
        "长江先生",
        "building code 2024 compliance letter",
        "access code 2023 policy",
        "Site 4 induction at 7am for the crew",
        "SITE 2 SAFETY MEETING",
        "He works at Site 7 on the Westconnex job",
        "Pen 2 at the dog pound",
        "Pen 14 for the sheep",
        "Cabin 4 at Camp Kanga is the kids camp",
        "the refuge office is room 1",
        "her brother (older) chase the bond",
    ],
)
def test_what_the_last_round_hid_that_is_no_one_stays(text):
    assert redact(text) == text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("PLAN 4300123456", "PLAN [ID]"),
        ("REGO 1ABC234", "REGO [ID]"),
        ("KEY SAFE 2290 AT THE BACK", "KEY SAFE [ID] AT THE BACK"),
        ("VISA 4417 2231 9988 0012", "VISA [ID]"),
        ("at 7 mill lane logan council said", "at [address] logan council said"),
        ("at 4 rose st ryde hospital appt", "at [address] ryde hospital appt"),
        ("at 7 mill lane wa police came", "at [address] wa police came"),
    ],
)
def test_a_label_or_a_service_beside_a_number_or_an_address_stays(text, expected):
    assert redact(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("gate code 2024 then push", "gate code [ID] then push"),  # a gate's code may be a year
        ("her PIN is 2019 now", "her PIN is [ID] now"),
        ("lives on his yacht at Pen B03", "lives on his yacht at [address]"),
        ("she is in Cabin 9 at the caravan park", "she is in [address] at the caravan park"),
        ("Parramatta City Motel, Room 14", "Parramatta City Motel, [address]"),
        ("去看侯先生", "去看[name]"),
    ],
)
def test_codes_homes_and_names_the_round_meant_to_hide_stay_hidden(text, expected):
    assert redact(text) == expected


def test_weather_doing_something_here_is_no_sender():
    storm = client("KN-3005", "Storm Wiremu")
    assert redact("storm here knocked power out", storm) == "storm here knocked power out"
    assert redact("storm here re the bond", storm) == "KN-3005 here re the bond"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ms Pentecost rang", "[name] rang"),
        ("LORNA PENTECOST HAS COURT", "[name] HAS COURT"),
        ("Pentecost Sunday service at 10", "Pentecost Sunday service at 10"),
    ],
)
def test_pentecost_is_a_feast_or_a_surname_by_what_is_around_it(text, expected):
    assert redact(text) == expected
