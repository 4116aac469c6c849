"""Set 40's misses (issue 12): an interpreter's NAATI number, a refuge's or a rooming house's
register of rooms, a property named in quotes before its address and a road named for two towns,
a speaker's label before what is said (the session that measured it); then a chat line's or an
email's sender who is a word-name, a birthday list's initials, "Paid to:", suburbs no list has,
a rural road with its town, and what must survive: towns, brands, months and labels."""

from __future__ import annotations

import pytest

from bot.deidentify import COMMON_SERVICES, KnownClient, deidentify
from bot.domain import ClientIdentity


def redact(text: str, *clients: KnownClient) -> str:
    return deidentify(text, list(clients), keep=[*COMMON_SERVICES, "Jo Worker", "Jo"]).text


@pytest.mark.parametrize(
    ("text", "gone"),
    [
        ("Nuer interpreter (NAATI 72841) by phone.", ["72841"]),
        ("Vietnamese interpreter by phone (NAATI CPN 7Q4KD1).", ["7Q4KD1"]),
        ("Room | Tenant | Since\n2 | Amy Lee | 2024\n3 | Bo Chan | 2025", ["2 |", "3 |"]),
        ('Respondent: Alister BULLOCK, of "Glenmorgan Downs", 1460 Yuleba–Surat Road, Yuleba '
         "QLD 4427", ["Glenmorgan", "Yuleba–Surat"]),
    ],
)
def test_what_must_go_goes(text: str, gone: list[str]) -> None:
    out = redact(text)
    for piece in gone:
        assert piece not in out, out


@pytest.mark.parametrize(
    "text",
    [
        "NAATI 2019 standards apply to every booking.",
        "Room | Worker | Time\n2 | Jo Worker | 10:00",
        'He said "come home", and she went to the refuge.',
        "WORKER: Has he ever stopped you seeing family?\nCLIENT: No.\n"
        "WORKER: Thank you for telling me.",
        "PRESENTER: Then the carer question comes first.",
    ],
)
def test_what_must_survive_survives(text: str) -> None:
    assert redact(text) == text


def test_a_refuges_resident_list_hides_each_room() -> None:
    out = redact(
        "Room   Resident                 Children    In since\n"
        "1      HEREWINI, H.          2           03/2026\n"
        "4      GATDULA, J.           1           02/2026"
    )
    assert [line.split()[0] for line in out.splitlines()[1:]] == ["[address]", "[address]"]


def test_a_name_after_a_relations_label_is_still_someone() -> None:
    assert "Grace" not in redact("Partner: Grace")


def client(code: str, name: str, *aliases: str, dob: str | None = None) -> KnownClient:
    return KnownClient(code, ClientIdentity.from_dict(
        {"full_name": name, "aliases": list(aliases), "date_of_birth": dob}
    ))


TRACE = client("FV-4020", "Trace Trevena")
HULA = client("FV-4003", "Hulita Taumalolo", "Hula")
SARI = client("FV-4025", "Sari Kusumawati")
MELTEM = client("FV-4028", "Meltem Bulut", "Meli", dob="1979-11-09")
TARNYA = client("FV-4012", "Tarnya Bullock", "Tarny")


@pytest.mark.parametrize(
    ("text", "who", "gone"),
    [
        ("Mervi 4/3 6:12pm: Hi, just checking.\nTrace 6:30pm: yeah 3 more msgs", TRACE,
         ["Trace"]),
        ("Hula 8/4 6:40pm: court today. Kids ok.\nHeikki 6:52pm: Well done.", HULA, ["Hula"]),
        ("Sari <sari.kusuma91@gmail.com>        Thu 16 Apr, 7:02 PM\nto Kalle", SARI, ["Sari"]),
        ("Women's birthday list for the monthly lunch (shared with consent)\n"
         "Meltem B. — 9 November", MELTEM, ["9 November"]),
        ("Vendor: A. G. BULLOCK, Yuleba\nPaid to: BULLOCK A G — BSB 064-416", TARNYA,
         ["BULLOCK A G"]),
    ],
)
def test_a_registered_client_said_in_new_ways_goes(
    text: str, who: KnownClient, gone: list[str]
) -> None:
    out = redact(text, who)
    for piece in gone:
        assert piece not in out, out


@pytest.mark.parametrize(
    ("text", "gone"),
    [
        ("Client code   Interpreter        NAATI no.\nFV-4006       Sukhpreet Atwal    CPN 5TK2H8",
         ["CPN"]),
        ("Paid to: SMITH J   $400", ["SMITH"]),
        ("3 long arms on licence 40-336127-QW, stored in shed", ["QW"]),
        ("MARE: Dobar dan. (Interpreter 508812: Good afternoon.) Interpreter 41267 was late.",
         ["508812", "41267"]),
        ("Lodged by: tax agent 25 118 043 on behalf of her", ["118 043"]),
        ("Optus bill extract, account 123, holder M. YAZDANI\n(Service used by her)",
         ["YAZDANI"]),
        ("TV delivered to 6 Urana St, Turvey Park", ["Turvey Park"]),
        ("Moved to 14 Vale Road, Ashgrove Park, near the school.", ["Ashgrove Park"]),
        ('Agistor: Brian Tebbutt, "Kooringa", Muckadilla Road, Muckadilla QLD 4461',
         ["Kooringa", "Muckadilla Road"]),
    ],
)
def test_other_peoples_details_go(text: str, gone: list[str]) -> None:
    out = redact(text)
    for piece in gone:
        assert piece not in out, out


@pytest.mark.parametrize(
    "text",
    [
        "The wedding was in Kandy, Sri Lanka, in 2024. She phoned her sister in Mae La.",
        "Money3 paused, Latitude still chasing. Registration through Eventbrite. Ask Lort Smith "
        "and RSPCA. Agent: Dahabshiil (Moorooka). Harvey Norman interest-free.",
        "Family Violence Court at Perth, Joondalup, Armadale, Midland, Rockingham, Geraldton",
        "Mail-out list for the May newsletter; the May locks audit; April school holidays.",
        "Wants to leave after Lebaran.",
        "The Free Wesleyan Church of Tonga hall hosted it; donated by the Rotary Club of "
        "Rockingham.",
        "Partner contact meeting — Men's Behaviour Change Program Midland.",
        "06 Feb      ATM PRESTON WDL                           400.00",
        "At the Coles till next to hers. A Maglite from the Bunnings in Port Melbourne.",
        "Agistor phone on file\n14    Droughtmaster steers      38\n15    Brahman x bullock   1",
        "Trace 6:30pm on the day the police could not trace it.",
        "The interpreter came at 10.30 and stayed. Plan: A. NDIS review. Level 3, B. BLOCK.",
    ],
)
def test_what_must_survive_survives_too(text: str) -> None:
    out = redact(text)
    assert "[name]" not in out and "[address]" not in out, out


def test_a_forms_label_that_is_also_a_name_is_a_label() -> None:
    out = redact("Applicant: NHAM, N. N.\nDOB: unknown\nOther party: see file\n"
                 "Grant: representation on the protection order application")
    assert "\nGrant: representation" in out, out


def test_a_transcripts_speaker_is_still_someone() -> None:
    out = redact("Worker: How are you?\nGrant: Fine.\nWorker: And the kids?\nGrant: Good.")
    assert "Grant" not in out, out


def test_a_kinds_of_month_is_no_one_but_a_family_is() -> None:
    assert "June" not in redact("Spoke to the June family today.")


def test_a_forms_children_and_their_dates_of_birth_go() -> None:
    out = redact("Reason: remained in the home.\nChildren: Jayla 14/01/2023, Zayden 02/08/2025")
    assert "2023" not in out and "2025" not in out and "Jayla" not in out, out
    assert "14/01/2026" in redact("Children: Jayla, Zayden. Next visit 14/01/2026.")


def test_a_dob_columns_year_alone_goes() -> None:
    out = redact(
        "Name                   Relationship to client      DOB            Location\n"
        "Abdiweli Dahir Bile    husband                     12/01/1989     Nairobi\n"
        "Sucaad Dahir Bile      mother-in-law               1962           Hargeisa"
    )
    assert "1962" not in out and "1989" not in out, out


def test_a_date_ending_a_line_is_no_address_with_the_next_line() -> None:
    text = (
        "DVO Act review      | joint submission       | due 30 June\n"
        "Bush court, Wurrumiyanga  | dates confirmed  | 19 May, 16 June"
    )
    assert redact(text) == text
    assert "Bush Court" not in redact("Moved to 30 Bush Court, Wurrumiyanga.")
