"""Set 37's misses (issue 12): the paperwork of seasonal and fly-in fly-out work -- payroll
exports, rosters, pick sheets, camp check-ins and room allocations, site induction registers,
charter manifests -- where a worker's number is shaped like a case code ("IBC-22817"), a BSB
sits in its own column, an amount's comma splits a CSV row, and a room in a camp is someone's
home; addresses abroad with no number; a registered home at a park's site or a camp's donga;
a registered date of birth with its month in capitals; months after a day's number."""

from __future__ import annotations

import datetime as dt

import pytest

from bot.deidentify import COMMON_SERVICES, KnownClient, deidentify
from bot.domain import ClientIdentity


def client(
    name: str, *aliases: str, address: str | None = None, dob: dt.date | None = None
) -> KnownClient:
    return KnownClient(
        "ZK-3701",
        ClientIdentity.from_dict({
            "full_name": name, "aliases": list(aliases), "address": address,
            "date_of_birth": dob.isoformat() if dob else None,
        }),
    )


def redact(text: str, *clients: KnownClient) -> str:
    return deidentify(text, list(clients), keep=[*COMMON_SERVICES, "Jo Worker", "Jo"]).text


@pytest.mark.parametrize(
    ("text", "gone"),
    [
        # a worker's number in a table's own column, shaped like a case code
        ("Emp      | Name        | Swing 1\nIBC-22817 | Amy Lee     | 07/05–13/05\n"
         "IBC-20455 | Bo Chan     | 07/05–13/05", ["IBC-22817", "IBC-20455"]),
        ("picker no | name       | buckets\nP-0331    | Amy Lee    | 22\n"
         "P-0334    | Bo Chan    | 27", ["P-0331", "P-0334"]),
        # a CSV whose amounts carry their thousands' comma, unquoted
        ("worker,worker_id,days,owed,paid_on\nAmy Lee,BFF-0771,31,4,118.40,2026-05-05\n"
         "Bo Chan,BFF-0774,44,5,902.10,2026-05-05", ["BFF-0771", "BFF-0774"]),
        # a BSB under a lowercase header
        ("emp_no,name,bsb,account,bins\n88123,Amy Lee,633-108,12345678,41\n"
         "88124,Bo Chan,083-347,23456789,38", ["633-108", "083-347"]),
        # a licence after its state, under the register's licence column
        ("name,company,white_card,licence,induction_date\n"
         "Amy Lee,Summit Labour,WC123456,ACT 3377021,2026-04-06\n"
         "Bo Chan,Capital Formwork,WC223456,QLD 071 553 902,2026-04-07",
         ["3377021", "071 553 902"]),
        # a JSON record's values under an id's key, a booking's and a room's
        ('{"room": "C14", "name": "Amy Lee", "emp": "IBC-22817", "mobile": "0412 345 678"}',
         ["C14", "IBC-22817"]),
        ('{"seat": "3A", "name": "LEE/AMY", "employer": "Outback Drilling Co", '
         '"booking": "QFX7TR"}', ["QFX7TR", "LEE/AMY"]),
        # after the worker's title
        ("the conduct of a line manager, employee LCMP-00418. The allegations", ["LCMP-00418"]),
        ("Worker: Amy Lee      Passport no: PA1234567      Worker no: DTG-P-0091", ["0091"]),
        ("PAY SLIP\nEmployee: Amy Lee          No: LCMP-01977\nPeriod: 16/03/2026", ["01977"]),
        # a camp's rooms, on the rows of its people
        ("room,surname,given,employer,checked_in\nC14,Lee,Amy,Isaac Basin,2026-03-12 05:40\n"
         "C15,Chan,Bo,Isaac Basin,2026-03-12 05:41", ["C14", "C15"]),
        ("room | worker | next of kin | relationship\nC14 | Amy Lee | Tom Lee | brother\n"
         "C15 | Bo Chan | Sue Chan | wife", ["C14", "C15"]),
        # an account's last digits
        ("Your nominated account ends in ...6220.", ["6220"]),
        ("Her card ending 4417 was declined at the servo.", ["4417"]),
        # an address abroad with no number, under its label
        ("Seen 12/03. Address: Aldeia Buruma, Suco Buruma, Baucau, Timor-Leste", ["Buruma"]),
        ("Ref 2231. Receiver address: Rua de Vila Antiga, Baucau, Timor-Leste", ["Vila Antiga"]),
        ("Exit 24/04. Home address: Lenakel area, Tanna (family home)", ["Lenakel"]),
        ("Adresse en France: 12 rue des Tanneurs, 21000 Dijon", ["Tanneurs"]),
        # a desk's extension, after a contact's verb
        ("Ring ext 4417 for the office", ["4417"]),
    ],
)
def test_a_workers_number_or_home_in_the_paperwork_goes(text, gone):
    out = redact(text)
    for piece in gone:
        assert piece not in out, out


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        # the paperwork's own words and figures stay
        ("worker,worker_id,days,owed,paid_on\nAmy Lee,BFF-0771,31,4,118.40,2026-05-05",
         ["worker,worker_id,days,owed,paid_on", "4,118.40", "2026-05-05"]),
        ("Emp      | Name        | Swing 1\nIBC-22817 | Amy Lee     | 07/05–13/05",
         ["Emp      | Name", "07/05–13/05"]),
        # a meeting's rooms are nobody's home; nor a motel's room for a night
        ("Room | Time | Session\nB12 | 10:00 | Induction\nC14 | 11:00 | Safety", ["B12", "C14"]),
        ("Date\tClient\tMotel\tRoom\n20/7\tAmy Lee\tComfort Inn\t6", ["\t6"]),
        # "Ring ext" and "ends in" with nothing of anyone's
        ("Ring ext 4417 for the office", ["Ring ext"]),
        ("The lease ends in 2027 and the account ends in 2027 too.", ["ends in 2027"]),
        # a town alone, or an address not given, under an address's label
        ("Seen 12/03. Address: Katherine, NT", ["Katherine, NT"]),
        ("Seen 12/03. Address: Not Known, NA", ["Not Known, NA"]),
        # a code that is a date's month and year
        ("Started JAN-2026 at the site", ["JAN-2026"]),
        # months after a day's number, or at a season's end, are dates
        ("apple picking confirmed for 6 april at an orchard near pemberton.", ["6 april"]),
        ("voice to text 12 april, late. he rang to say goodbye", ["12 april"]),
        ("Cherries finished; apples and pears carry on to about May. Backpackers drift", ["May"]),
        ("navels         | from about May                 |", ["May"]),
        ("Parenting orders underway. Keep open to August.", ["August"]),
    ],
)
def test_the_paperworks_own_words_stay(text, kept):
    out = redact(text)
    for piece in kept:
        assert piece in out, out


@pytest.mark.parametrize(
    "text",
    ["we spoke to June about it", "saw april at the park", "Rang Ben ext 4417 re the form"],
)
def test_a_person_is_still_a_person(text):
    out = redact(text)
    assert "[name]" in out or "[phone]" in out, out


@pytest.mark.parametrize(
    ("address", "text", "street"),
    [
        ("Cabin 6, 12 Horseshoe Bay Road, Bowen QLD 4805",
         "He is in Cabin 6 at the park on Horseshoe Bay Road. He came", "Horseshoe Bay"),
        ("Site 31, 17 Zouch Street, Young NSW 2594",
         "Before that Site 31 at the caravan park on Zouch Street.", "Zouch"),
        ("Donga 5, 110 Victoria Highway, Katherine NT 0850",
         "his room at donga 5 is cleaned out. final pay came in.", "donga 5"),
    ],
)
def test_a_registered_home_at_a_parks_site_or_a_camps_donga_goes(address, text, street):
    out = redact(text, client("Waisake Ravouvou", address=address))
    assert street not in out, out
    assert "[address]" in out


def test_a_registered_birthday_with_its_month_in_capitals_goes():
    derrick = client("Derrick Rewiti", dob=dt.date(1981, 1, 31))
    out = redact("NAME: DERRICK REWITI        DOB: 31-JAN-1981\nNEXT OF KIN: T. VIDAL", derrick)
    assert "1981" not in out and "REWITI" not in out, out


@pytest.mark.parametrize(
    "text",
    [
        "Employer: Dry Tropics Growers Pty Ltd, Bowen",
        "SUNRAYSIA HARVEST LABOUR PTY LTD — PAY ADVICE",
        "He worked for Grampians Haulage Pty Ltd until March.",
        "Thanks, Lockyer Pack Co rang back about the roster.",
    ],
)
def test_a_business_with_its_legal_ending_stays(text):
    assert redact(text) == text


@pytest.mark.parametrize(
    ("text", "gone"),
    [
        ("RT 25/08019  Hollindale Pty Ltd v Farrugia-Mintoff", "Hollindale"),
        ("Employer: Kilsby Electrical Pty Ltd\nSupervisor: Corben Kilsby", "Kilsby"),
        ("Lot 1 — Kwok Holdings Pty Ltd — owner", "Kwok"),
    ],
)
def test_a_familys_company_still_names_the_family(text, gone):
    assert gone not in redact(text)


def test_a_clients_company_is_still_the_client():
    out = redact("Nampas Pty Ltd paid him late.", client("Alick Nampas", "Shovel"))
    assert "Nampas" not in out and "Pty Ltd" not in out


def test_a_lowercase_name_between_commas_after_who_they_are_goes():
    out = redact("one of the older blokes, norbert dunbar, worked underground with his dad.")
    assert "norbert" not in out and "dunbar" not in out, out
    assert redact("the farmer, red dust, everywhere") == "the farmer, red dust, everywhere"


def test_a_receipts_or_a_registers_signer_is_a_person_but_a_member_by_initial_stays():
    from bot.deidentify.members import members_names

    assert "Featherby" not in redact("Rate: $30.00 per night\nReceived by: Featherby\nThanks")
    assert "Reception" in redact("Rate: $30.00 per night\nReceived by: Reception\nThanks")
    keep = [*COMMON_SERVICES, *members_names("Jolyon Pickersgill", "Jolyon")]
    text = "Handover: Norseman Roadhouse, 26/12/2024 10:00\nWitnessed by: J. Pickersgill"
    assert deidentify(text, [], keep=keep).text == text
    assert "Pickersgill" not in redact(text)  # no member of that name: someone else


def test_a_members_form_that_quotes_a_client_is_not_kept():
    from bot.services.privacy import members_kept

    nguyen = KnownClient("ZK-3727", ClientIdentity.from_dict({"full_name": "Thi Nguyen"}))
    kept = members_kept([("Linh Nguyen", "Linh"), ("Jolyon Pickersgill", "Jolyon")], [nguyen])
    assert "Mrs Nguyen" not in kept and "Linh Nguyen" not in kept and "L. Nguyen" not in kept
    assert "Linh" in kept and "J. Pickersgill" in kept and "Ms Pickersgill" in kept
    text = "Saw Mrs Nguyen at home — her hip is worse."
    assert "Nguyen" not in deidentify(text, [nguyen], keep=[*COMMON_SERVICES, *kept]).text
