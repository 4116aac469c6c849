"""Set 41's misses (issue 12), hospitals and health care -- a dose's unit that spells a client's
initials, provider numbers and pagers, a rural passenger's initial, a witness or a relative
before an initial, and what must survive: eponyms, hospitals named for people, medicines,
a week's days in brackets, a heading's month, a street named for someone."""

from __future__ import annotations

import pytest

from bot.deidentify import COMMON_SERVICES, KnownClient, deidentify
from bot.domain import ClientIdentity


def client(code: str, name: str, *aliases: str) -> KnownClient:
    return KnownClient(
        code, ClientIdentity.from_dict({"full_name": name, "aliases": list(aliases)})
    )


def redact(text: str, *clients: KnownClient) -> str:
    return deidentify(text, list(clients), keep=[*COMMON_SERVICES, "Merike", "Indrek"]).text


def test_a_dose_unit_is_no_clients_initials() -> None:
    mehret = client("HX-4107", "Mehret Ghebreyesus", "Mehri")
    out = redact("12/02/2026  Isoniazid 300 mg x 30. MG rang about it.", mehret)
    assert "300 mg x 30" in out and "MG rang" not in out


def test_a_registered_surname_and_initial_in_a_csv_cell_is_the_client() -> None:
    joy = client("HX-4117", "Joycelyn Tooth", "Jossie")
    out = redact("client,item,amount\nTooth J,denture co-payment,$36.00", joy)
    assert "Tooth" not in out and "denture" in out


@pytest.mark.parametrize(
    ("text", "gone"),
    [
        ("Authorised by: Dr F. Appiah 2744915L; entered by the paramedic.", "2744915L"),
        ("nephrologist Dr G. Lomidze (prov. 3318206B)", "3318206B"),
        ("Role,Name,Provider no.,Pager\nConsultant,Jo Smith,3318206B,4471", "4471"),
        ("3. BURTON/K MR — nurse, Miwatj Health", "BURTON/K"),
        ("HX-4101 | signed 02/03 | share with RPA | witness K. Dimmock", "Dimmock"),
        ("Contact on the day: daughter G. Attard, 0412 345 678", "Attard"),
        ("Patient: LENS G   MRN PHC-3310927   Medicare 5734 06825 1\n27/03/2026  Cataract R",
         "06825"),
    ],
)
def test_other_peoples_details_go(text: str, gone: str) -> None:
    assert gone not in redact(text)


@pytest.mark.parametrize(
    "text",
    [
        "Apgar score at 1 and 5 minutes\nGuthrie heel-prick test\nMoro reflex",
        "the seminar covers Koch's postulates, the Ziehl-Neelsen stain and Lyme disease.",
        "Black's classification of cavities\nGillies technique\nLudwig's angina — emergency",
        "Friday: Ménière's disease (Epley manoeuvre, Dix-Hallpike test). Sjögren's, Raynaud's.",
        "The Valsalva manoeuvre. A Whipple procedure.",
        "The Alfred — trauma, burns. The John Hunter cardiology letter came back.",
        "Chris O'Brien Lifehouse — Camperdown. Walter and Eliza Hall Institute.",
        "Bicillin L-A every 28 days. Maxidex and Chlorsig drops. Panadol Osteo. Colgate Total.",
        "Agreed to a Libre sensor trial. She works at the Woolworths in Devonport.",
        "Wounds: Hutt St Centre nurse (Mon–Fri)",
        "Cantonese for the first client (Tue) and Tigrinya for the second (Thu).",
        "Palliative care equipment loan (team stock), April\nitem,qty,location",
        "Outreach first-aid kit — restock list (Belconnen office, May)\n• stitch cutter",
        "Bus: 998/999 CircleRoute stops at Robin Warren Drive.",
        "Maternity — baby checks (parent handout, Canterbury Hospital)",
        "The doctor at Monash says the fistula operation April.",
    ],
)
def test_what_must_survive_survives(text: str) -> None:
    out = redact(text)
    assert "[name]" not in out and "[ID]" not in out and "[phone]" not in out, out


def test_a_line_ending_in_a_role_does_not_name_the_next_lines_label() -> None:
    mehret = client("HX-4107", "Mehret Ghebreyesus", "Mehri")
    out = redact("Printed for the TB nurse\nPatient: Mehret Ghebreyesus (05/04/1988)", mehret)
    assert out.startswith("Printed for the TB nurse\nPatient: HX-4107"), out


def test_a_person_beside_a_street_word_is_still_someone() -> None:
    assert "Amy Lee" not in redact("Met Amy Lee Road safety officer.")


def test_a_word_name_after_a_things_word_is_the_word() -> None:
    brace = client("HX-4106", "Struan Brace", "Bracey")
    lens = client("HX-4115", "Geert Lens")
    assert redact("new brace arrived and he's walking better. knee brace on.", brace) == (
        "new brace arrived and he's walking better. knee brace on."
    )
    assert "intraocular lens is put in" in redact("an intraocular lens is put in.", lens)


def test_a_carers_name_stays_a_name_but_a_carers_guide_is_a_guide() -> None:
    out = redact("her carer grace helps with meals. I picked up their carer guide.")
    assert "grace" not in out and "carer guide" in out
