"""Health, disability and money notes (issue 12): conditions and tests named after people,
pathology results, hospitals, patient labels and the numbers of health and income papers."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from bot.deidentify import COMMON_SERVICES, KnownClient, deidentify
from bot.domain import ClientIdentity


def redact(text: str, *clients: KnownClient) -> str:
    return deidentify(text, list(clients), keep=list(COMMON_SERVICES)).text


def client(name: str, code: str = "HM-7001") -> KnownClient:
    return KnownClient(code, ClientIdentity(full_name=name))


@pytest.mark.parametrize(
    "text",
    [
        "His Parkinson's is worse since the fall; Alzheimer's screen next week.",
        "Crohn's flare; Down syndrome; Asperger's; Huntington's; Korsakoff's syndrome.",
        "Hodgkin lymphoma in 2019, non-Hodgkin lymphoma now ruled out.",
        "Guillain-Barré last year; Bell's palsy; a Foley catheter; Baker's cyst.",
        "Addenbrooke's 71/100, Glasgow Coma Scale 15, Kessler K10 32.",
        "Mum's Alzheimers is moderate and Dad has Parkinsons.",
        "Hb 98 g/L, eGFR 45, INR 2.4, Na 131 mmol/L, K 4.2, CRP <5.",
    ],
)
def test_conditions_tests_and_results_named_like_people_survive(text):
    assert redact(text) == text


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Mr Parkinson's house is on the market.", "Parkinson"),
        ("Jim Parkinson's car was towed.", "Parkinson"),
        ("Sarah Stevens-Johnson rang about the bond.", "Stevens-Johnson"),
        ("Spoke to Dr Wilson about the syndrome.", "Wilson"),
        ("Tom Turner came with his sister.", "Turner"),
    ],
)
def test_a_person_with_an_eponyms_surname_is_still_removed(text, name):
    assert name not in redact(text)


def test_a_registered_client_is_replaced_even_inside_a_condition():
    """The register wins over a medical word as over every keep-list."""
    out = redact("Addison's review: Addison says the Addison's disease is settled.",
                 client("Addison Marr"))
    assert "Addison" not in out


@pytest.mark.parametrize(
    "text",
    [
        "Sent from RPA to Royal North Shore, then Prince of Wales.",
        "Discharged from Royal Prince Alfred to the Royal Brisbane.",
        "Outpatients at Royal Melbourne, then Royal Adelaide and Royal Perth.",
        "Lady Cilento for the kids; Peter MacCallum Cancer Centre for chemo; QEII Jubilee rehab.",
    ],
)
def test_hospitals_named_after_people_survive_without_the_word_hospital(text):
    assert redact(text) == text


@pytest.mark.parametrize(
    "text",
    [
        "SMITH, John  M  82y  URN 004418",
        "Patient: BROWN, Mary  F  79y  Ward 4B Bed 12",
        "• GREEN, Alice (daughter) to be told first",
    ],
)
def test_a_patient_labels_surname_in_capitals_goes_even_when_it_is_a_word(text):
    out = redact(text)
    assert not any(w in out for w in ("SMITH", "BROWN", "GREEN", "John", "Mary", "Alice")), out
    assert "Ward 4B Bed 12" in out or "Ward" not in text


@pytest.mark.parametrize("text", ["CHEERS, Tom", "HOPE, this helps", "WELL, Tom said"])
def test_a_word_in_capitals_before_a_comma_is_not_a_surname(text):
    assert text.split(",")[0] in redact(text)


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("script no. 3344122 at Priceline", "3344122"),
        ("Companion Card 5566778 renewed", "5566778"),
        ("DVA file NX123456", "NX123456"),
        ("Gold Card QX123456", "QX123456"),
        ("NMI 6305123456 on the Origin bill", "6305123456"),
        ("meter no. 04412233 read wrong", "04412233"),
        ("Seniors Card 12345678", "12345678"),
    ],
)
def test_numbers_of_health_and_concession_papers_after_their_cue_go(text, number):
    assert number not in redact(text)


def test_a_prescription_with_its_counts_keeps_them():
    text = "the script for 2 repeats of 30 tablets"
    assert redact(text) == text


@pytest.mark.parametrize(
    "text",
    ["The Logan River is high.", "We walked along the Jordan River.", "Cabbage Tree Creek"],
)
def test_rivers_named_with_a_name_word_survive(text):
    assert redact(text) == text


STATEMENT = """03/11 TRANSFER FROM NGUYEN T HOA  $200.00
04/11 DIRECT DEBIT ORIGIN ENERGY  $145.20
05/11 OSKO PAYMENT TO K BANKS REF RENT  $320.00
07/11 TRANSFER FROM CENTRELINK  $612.40
09/11 TRANSFER TO DANIEL O'CONNOR  $50.00
10/11 PAYMENT TO RAY WHITE LOGAN REF 22  $410.00"""


def test_a_bank_statements_payees_go_and_its_businesses_and_words_stay():
    out = redact(STATEMENT)
    for who in ("NGUYEN", "HOA", "BANKS", "DANIEL", "O'CONNOR"):
        assert who not in out, out
    for kept in ("TRANSFER FROM", "OSKO PAYMENT TO", "ORIGIN ENERGY", "TRANSFER FROM CENTRELINK",
                 "TRANSFER TO", "RAY WHITE LOGAN", "REF RENT", "$320.00"):
        assert kept in out, (kept, out)


@pytest.mark.parametrize(
    "text",
    [
        "She speaks Karen and some Burmese; a Karen interpreter was booked.",
        "Speaking Dari at home, English at TAFE.",
    ],
)
def test_a_language_that_is_also_a_name_survives_after_speaks(text):
    assert redact(text) == text


def test_someone_called_karen_is_still_a_person():
    assert "Karen" not in redact("Karen speaks English and rang about the rent.")


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("QCAT GAA 4412/25 hearing 14 Feb", "4412/25"),
        ("Rent arrears $1,840; tribunal NCAT SH 25/11223", "25/11223"),
        ("VCAT ref D 1234/2024 listed", "1234/2024"),
        ("Interpreter: Abdi (Somali), TIS job no. 7712345", "7712345"),
    ],
)
def test_tribunal_files_and_interpreter_jobs_go(text, number):
    assert number not in redact(text)


def test_readings_scores_years_and_units_with_a_slash_survive():
    text = "BP 130/80, ACE 71/100, FY 2024/25, Mon 12/03, Unit 4/25, GCS 15/15"
    assert redact(text) == text


PENNY = KnownClient(
    "HM-7001",
    ClientIdentity(full_name="Penelope Ward", aliases=("Penny",),
                   address="12/44 Kessels Road, Coopers Plains QLD 4108"),
)


@pytest.mark.parametrize("text", ["back to unit 12 tonight", "her unit 12 has mould",
                                  "home to unit 12 after rehab", '"unit 12, Kessels Rd"'])
def test_a_clients_unit_number_alone_goes_where_her_home_is_said(text):
    assert "12" not in redact(text, PENNY)


def test_units_as_a_refuges_rooms_survive_though_a_client_lives_in_one_of_that_number():
    text = "Unit 12 family at Mercy Hospital for Women overnight. Unit 5 moved to transitional."
    assert redact(text, PENNY) == text


@pytest.mark.parametrize("text", ["Moved to Ward 7B today.", "Nurse on Ward 4 said all fine.",
                                  "In Ward 4 since Monday."])
def test_a_numbered_ward_is_a_ward_though_a_client_is_called_ward(text):
    assert redact(text, PENNY) == text


@pytest.mark.parametrize("text", ["Gave Ward 2 vouchers.", "Spoke to Ward 4 days ago."])
def test_a_client_called_ward_is_still_replaced_before_a_count(text):
    assert "HM-7001" in redact(text, PENNY)


@pytest.mark.parametrize("text", ["| Bill | 2953 71234 1 / 2 |", "Medicare 2953712341-2 on file",
                                  "Medicare 2953 71234 1/2"])
def test_a_registered_medicare_number_goes_with_its_issue_number(text):
    bill = KnownClient("HM-7005", ClientIdentity(full_name="Bill Papadopoulos",
                                                 medicare="2953 71234 1"))
    out = redact(text, bill)
    assert "[Medicare]" in out and "2" not in out.replace("HM-7005", ""), out


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("spoke w/ pharmacist joanne at priceline", "joanne"),
        ("physio bec came at 2", "bec"),
        ("interpreter abdi (somali) was great", "abdi"),
        ("debt collector rhys rang again", "rhys"),
        ("nurse bec changed the dressing", "bec"),
        ("her solicitor marcus has the file", "marcus"),
    ],
)
def test_a_lowercase_name_after_a_professions_word_goes(text, name):
    assert name not in redact(text)


@pytest.mark.parametrize(
    "text",
    [
        "the interpreter fees are covered",
        "the nurse said she is fine",
        "the pharmacist will call back",
        "with an interpreter (TIS 131 450) on Monday",
        "ot assessment next week",
    ],
)
def test_a_professions_word_before_a_word_or_a_service_changes_nothing(text):
    assert redact(text) == text


# What a review of these rules found: each input let a person through, or hid a word, in a first
# version (people called like conditions, "River", grammar words in capitals that are Asian
# names, hospitals that are people, the payee and label rules taking words).
@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Addison came in for food vouchers.", "Addison"),
        ("My daughter Addison is 4.", "Addison"),
        ("Addison's dad is in prison.", "Addison"),
        ("Stayed at Parkinson's last night.", "Parkinson"),
        ("Spoke with Grace Parkinson.", "Parkinson"),
        ("Tom Wilson's assessment is due.", "Wilson"),
        ("River Parkinson's assessment is due.", "Parkinson"),
        ("Parkinson's test results came back.", "Parkinson"),
        ("Nurse Bell's assessment", "Bell"),
        ("Landlord Parkinson wants the bond.", "Parkinson"),
        ("Tell Wilson to sign the lease.", "Wilson"),
        ("Jones's assessment is due Friday.", "Jones"),
        ("Stevens has dementia; son Tom visits.", "Stevens"),
        ("Baker-Jones rang about the bond.", "Baker"),
        ("Grace Stevens-Johnson attended.", "Stevens"),
        ("Addison, Grace - tenant", "Addison"),
        ("Kim Na 20 yo attended", "Na"),
        ("Wang Na 45F", "Na"),
        ("Jayden River Smith is her son.", "River"),
        ("Jordan River came in today.", "River"),
        ("Client understands Karen will be on leave.", "Karen"),
        ("Peter Mac called about the lease.", "Mac"),
        ("Prince Charles Nguyen attended.", "Charles"),
        ("NOK: NGUYEN THI MY (SISTER)", "MY"),
        ("CARER IS WANG HE", "HE"),
        ("PATIENT: KELLY ON", "ON"),
        ("DISCHARGED HOME TO HE JIANG", "HE"),
        ("CALL FROM PARK SO YEON RE BOND", "SO"),
    ],
)
def test_people_called_like_medical_words_hospitals_or_grammar_are_still_removed(text, name):
    assert not re.search(rf"(?<![\w'])(?:{re.escape(name)})(?![\w])", redact(text)), redact(text)


@pytest.mark.parametrize(
    "text",
    [
        "12/03 TRANSFER TO GOAL SAVER 50.00",
        "12/03 TRANSFER TO BILLS 50.00",
        "12/03 PAYMENT TO HUNGRY JACKS 50.00",
        "12/03 PAYMENT TO PARKING FINE 50.00",
        "12/03 PAYMENT TO BRIGHT 50.00",
        "Rx 50000 IU vitamin D weekly",
        "meter 10000 steps a day goal",
    ],
)
def test_merchants_savings_doses_and_counts_survive(text):
    assert redact(text) == text


@pytest.mark.parametrize("text", ["BOND, Sarah paid $1200 today.", "CASH, Sarah received $50.",
                                  "- CALL, Tom re rent"])
def test_a_word_in_capitals_before_a_name_outside_a_label_stays(text):
    assert text.split(",")[0] in redact(text)


@pytest.mark.parametrize(
    "text",
    ["UR 1234567  SMITH, John  DOB 01/02/1950", "1. BLACK, Tom",
     "Discharge summary for SMITH, John", "PARKINSON, Jim  M  70y"],
)
def test_a_surname_in_capitals_on_a_list_or_label_goes(text):
    out = redact(text)
    assert not any(w in out for w in ("SMITH", "BLACK", "PARKINSON")), out


# Forms the sixteenth held-out set found (bench/eval16, written from a brief by a helper who read
# no detector); each is the general form, written afresh.
def test_a_word_name_in_a_forms_name_field_is_the_client():
    nuala = KnownClient("HM-7007", ClientIdentity(full_name="Nuala Frame"))
    out = redact("Surname: FRAME   Given name: Nuala\nUses a walking frame inside.", nuala)
    assert "FRAME" not in out and "Nuala" not in out and "walking frame" in out


@pytest.mark.parametrize(
    ("client_name", "text", "left"),
    [
        ("Saul Levy", "Hi it's er Saul levi calling about the lithium test", "levi"),
        ("Remedios Macapagal", 'renal list: "MACAPAGEL, R" — spelt wrong again', "MACAPAGEL"),
        ("Wilbur Porter", '"P0RTER WILBUR  Licence No 6902217"', "P0RTER"),
    ],
)
def test_a_registered_name_misspelt_by_dictation_a_list_or_a_scanner_goes(client_name, text,
                                                                          left):
    assert left not in redact(text, client(client_name, "HM-7004"))


def test_a_scanned_word_name_alone_is_still_the_word():
    wilbur = KnownClient("HM-7006", ClientIdentity(full_name="Wilbur Porter"))
    assert redact("the P0RTER came at 9", wilbur) == "the P0RTER came at 9"


def test_a_registered_street_with_its_number_and_no_type_goes():
    ganga = KnownClient("HM-7015", ClientIdentity(full_name="Ganga Pokhrel",
                                                  address="15 Le Hunte Street, Kilburn SA 5084"))
    assert "Le Hunte" not in redact('Taxi voucher sent to "15 Le Hunte" today.', ganga)


def test_a_quoted_unit_before_the_street_goes():
    priti = KnownClient("HM-7016", ClientIdentity(full_name="Pritika Chand",
                                                  address="9/140 Memorial Avenue, Liverpool NSW"))
    out = redact('Transport picks up from "unit 9, Memorial Ave" at 8.', priti)
    assert "9" not in out.replace("HM-7016", ""), out


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("Patient:\tX\tLab no:\t25-4471093", "4471093"),
        ("Prescriber A. Zreika, prescriber no. 2204519.", "2204519"),
        ("Public Trustee client no.: PT 4481-0923", "PT"),
        ("Driver licence (QLD): 089 117 442", "117"),
        ("resident no. R-20917 at the home", "20917"),
        ("DVA file (his late brother, not him): SX 21804", "21804"),
        ("DVA widow's card: TX 087712 (Gold)", "087712"),
        ("Rego plate 1HKL 882 (sister's car)", "1HKL"),
        ("her husband's car rego EJT 48M. Cancer Council", "EJT"),
    ],
)
def test_more_numbers_after_their_cue_go(text, number):
    assert number not in redact(text)


@pytest.mark.parametrize(
    "text",
    [
        "DVA paid $1200 on 12 May; see him Q 2025.",
        "rego due 10AM Friday",
        "room no. 14 and Bed no 12",
        "Goodpasture's antibodies negative; Cushing's ruled out.",
        "not Parkinson's disease; Huntington's was excluded years ago.",
        "no Wernicke's or Korsakoff's concerns (no alcohol).",
        "Coversyl 5 mg mane | Caltrate 600 mg | Prolia 60 mg | Entresto 49/51 mg BD",
        "Respite at Fronditha Care Thornbury; gas with TasGas; Laverty Pathology.",
        "book an S'gaw Karen interpreter",
    ],
)
def test_more_health_and_money_words_survive(text):
    assert redact(text) == text


STATEMENT_2 = """03/06\tDD J HABER\t-$250.00
05/05  OSKO CHEUNG P Y PAYID pycheung@example.com  +$300.00
06/11 DIRECT CREDIT 123456 J SMITH  $50.00
07/11 DD TELSTRA  $80.00
08/11 OSKO PAYMENT TO K BANKS REF RENT  $320.00
09/11 DD AFTERPAY  $40.00"""


def test_direct_debits_and_osko_payees_go_their_billers_stay():
    out = redact(STATEMENT_2)
    for who in ("HABER", "CHEUNG", " P Y", "SMITH", "BANKS"):
        assert who not in out, out
    for kept in ("DD TELSTRA", "DD AFTERPAY", "OSKO PAYMENT TO", "DIRECT CREDIT"):
        assert kept in out, out


@pytest.mark.parametrize("text", ["Results to Dr Phung T.T.  Laverty Pathology",
                                  "Cheung P. Y. rang about the loan"])
def test_a_surname_takes_all_its_initials(text):
    out = redact(text)
    assert "T.T" not in out and ".T." not in out and "Y." not in out, out


@pytest.mark.parametrize(
    ("text", "name"),
    [("hey clodagh, maureen here, the sister. ramp fella coming monday", "maureen"),
     ("at the airport with her. thank you. nettie", "nettie")],
)
def test_someone_signing_an_sms_on_or_off_in_lowercase_goes(text, name):
    assert name not in redact(text)


@pytest.mark.parametrize("text", ["thanks heaps. see you tuesday", "all good here, thanks. cheers",
                                  "the key is here. mark"])
def test_an_sms_ending_in_a_word_keeps_it(text):
    assert redact(text) == text


@pytest.mark.parametrize(
    "text",
    [
        "- Power OK; Centrelink appt Tue.",
        "reminder for Tues: pick up the frame",
        "acute mental health unit (Ward 5) after two weeks",
        "Goal: walk to the Karen church on Neale Street.",
        "có đi khám mắt ở Liverpool không?",
        "Evidence from Fiona Stanley OT and GP.",
        "hospital porter strike at Fiona Stanley delayed it",
        "transferred to John Hunter yesterday",
    ],
)
def test_days_wards_peoples_places_and_hospitals_named_like_people_survive(text):
    assert redact(text) == text


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Member Ruddock adjourned the application.", "Ruddock"),
        ("Senior Member Chen struck it out.", "Chen"),
        ("spoke to Fiona Stanley about the rent", "Stanley"),
        ("Fiona Stanley rang", "Stanley"),
        ("Tue rang me back", "Tue"),
    ],
)
def test_a_tribunal_members_name_and_people_called_like_hospitals_or_days_go(text, name):
    out = redact(text)
    assert name not in out, out


def test_a_tribunal_member_keeps_the_title():
    assert redact("Member Ruddock adjourned it.").startswith("Member ")


@pytest.mark.parametrize("text", ["Rocco compie 80 anni il 19/3... festa a casa!",
                                  "sinh nhật bà là 19/3"])
def test_a_registered_birthday_after_a_birthday_word_in_another_language_goes(text):
    rocco = KnownClient("HM-7005", ClientIdentity(full_name="Rocco Pace",
                                                  date_of_birth=dt.date(1945, 3, 19)))
    assert "19/3" not in redact(text, rocco)


def test_a_date_that_is_a_clients_birthday_stays_without_a_birthday_word():
    rocco = KnownClient("HM-7005", ClientIdentity(full_name="Rocco Pace",
                                                  date_of_birth=dt.date(1945, 3, 19)))
    assert redact("appointment 19/3 at 10", rocco) == "appointment 19/3 at 10"



# What a second review found in the rules tuned on bench/eval16: each input let a person through,
# or hid a word, in that version.
@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Patient: NGUYEN, Thu  F  54y  URN 441122", "Thu"),
        ("Spoke with Thu today.", "Thu"),
        ("Told Sun about the hearing.", "Sun"),
        ("Arranged for April to stay with nan.", "April"),
        ("Room booked for June and her kids.", "June"),
        ("Support worker KYLIE attended", "KYLIE"),
        ("Edosa ta lefta stin Maria.", "Maria"),
        ("Karen Lee rang. Karen speaking on behalf of her mum now.", "Karen"),
        ("Wilson Tran MMSE 24/30 today.", "Wilson"),
        ("Bell Nguyen catheter changed.", "Nguyen"),
        ("Glasgow Smith coma", "Smith"),
        ("Kids staying with Addison's nan this week.", "Addison"),
        ("Got the key from Huntington's brother.", "Huntington"),
        ("Patient Wang Na 45F. Bloods: Na 131, K 4.2.", "Wang Na"),
        ("Ms Na 45 rang; K 4", "Ms Na"),
        ("Her daughter Juniper is 6.", "Juniper"),
        ("Peter MacCallum rang about his son.", "MacCallum"),
        ("Spoke with Fiona Stanley physio", "Stanley"),
        ("Sent from John Hunter.", "Hunter"),
    ],
)
def test_the_second_reviews_people_are_removed(text, name):
    out = redact(text)
    assert name not in out, out


@pytest.mark.parametrize(
    "text",
    ["Psychologist Appointment Friday", "Nurse Visit Tuesday", "Janumet XR 50/1000 BD",
     "with DVA, the TV 1234 remote", "in unit 12 of the Cert III course"],
)
def test_the_second_reviews_words_survive(text):
    assert redact(text, PENNY) == text


@pytest.mark.parametrize(
    ("code", "name", "address", "text"),
    [
        ("HM-7007", "Nuala Frame", None, "Client: uses frame"),
        ("HM-7001", "Ward Major", None, "Client: Ward 4 bed 2"),
        ("HM-7001", "Ward Major", None, "Client: Major issue with rent"),
        ("HM-7001", "Ward Major", "2 Main Street, Ipswich QLD", "She has 2 main concerns"),
        ("HM-9001", "Maria Vincenti", None, "Admitted to ST VINCENTS last night"),
    ],
)
def test_a_word_names_client_is_not_pinned_on_a_word(code, name, address, text):
    who = KnownClient(code, ClientIdentity(full_name=name, address=address))
    assert redact(text, who) == text


@pytest.mark.parametrize(
    ("text", "name"),
    [("Karen Smith rang. Karen church group helped.", "Karen"), ("Karen Pastor came", "Karen"),
     ("speaking Karen's language", "Karen"), ("Bolton Clarke attended", "Clarke")],
)
def test_a_peoples_word_or_a_service_that_reads_as_a_person_is_the_person(text, name):
    assert name not in redact(text)


def test_a_ratio_with_a_slash_is_no_file():
    assert redact("HbA1c 7.1; eGFR 45; ACR 12/3000") == "HbA1c 7.1; eGFR 45; ACR 12/3000"



# What a third review found in the fixes of the second: each input let a person through, or
# hid a word or an address, in that version.
@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Agent Green from LJ Hooker will do the inspection.", "Green"),
        ("Physio Baker reviewed her walker today.", "Baker"),
        ("Her support worker, Wood, is on leave until Monday.", "Wood"),
        ("Appt Thu Nguyen re housing at 2pm.", "Thu"),
        ("appt Thu, she was upset", "Thu"),
        ("Interpreter booked for June.", "June"),
        ("Kids staying with Addison's grandmother this week.", "Addison"),
        ("Got the key from Huntington's stepbrother.", "Huntington"),
        ("Letter from Addison's lawyer.", "Addison"),
        ("Support worker KHAN attended.", "KHAN"),
        ("RN NGO did obs.", "NGO"),
        ("He yelled at John Hunter in the foyer.", "Hunter"),
        ("He threw a cup at Fiona Stanley.", "Stanley"),
        ("Ran into Fiona Stanley at Coles.", "Stanley"),
        ("Smith, Na 131 K 3.2", "Na"),
    ],
)
def test_the_third_reviews_people_are_removed(text, name):
    out = redact(text)
    assert not re.search(rf"(?<![\w']){re.escape(name)}(?![\w])", out), out


@pytest.mark.parametrize(
    "text",
    ["Psychologist Appointment Friday", "Bloods Tue: Na 131, K 4.2", "Sent to Fiona Stanley.",
     "Went to Fiona Stanley for scans.", "Back from Fiona Stanley.", "DVA card holder; TV 1234"],
)
def test_the_third_reviews_words_survive(text):
    assert redact(text) == text


def test_a_dva_file_of_four_digits_after_its_letters_goes():
    assert "2180" not in redact("DVA card SX 2180")


@pytest.mark.parametrize(
    ("address", "text", "left"),
    [
        ("16 Chandler Street, Belconnen ACT 2617", "Went to 16 Chandler today.", "Chandler"),
        ("16 Chandler Street, Belconnen ACT 2617", "16 Chandler Belconnen", "Chandler"),
        ("12/44 Kessels Road, Coopers Plains QLD", "Police called to unit 12.", "12"),
        ("12/44 Kessels Road, Coopers Plains QLD", "back to Unit 12", "12"),
    ],
)
def test_a_registered_address_in_part_goes(address, text, left):
    who = KnownClient("HM-7007", ClientIdentity(full_name="Nuala Frame", address=address))
    assert left not in redact(text, who).replace("HM-7007", "")


@pytest.mark.parametrize("text", ["Patient: FRAME MRN 554433", "Client: FRAME/NUALA",
                                  "MACAPAGEL R attended", "Patient: MACAPAGEL"])
def test_a_registered_name_in_a_field_or_misspelt_in_capitals_goes(text):
    nuala = KnownClient("HM-7007", ClientIdentity(full_name="Nuala Frame"))
    rosa = KnownClient("HM-9001", ClientIdentity(full_name="Rosa Macapagal"))
    out = redact(text, nuala, rosa)
    assert "FRAME" not in out and "MACAPAGEL" not in out, out


@pytest.mark.parametrize(
    ("text", "name"),
    [("Heather Nurse said hi", "Heather"), ("Spoke to OT NGO re plan.", "NGO"),
     ("Spoke to Physio KING re plan.", "KING"), ("Spoke with OT MARK today.", "MARK"),
     ("Spoke to RN LEE re plan.", "LEE")],
)
def test_a_professions_word_before_a_name_in_capitals_or_as_a_surname(text, name):
    assert name not in redact(text)
