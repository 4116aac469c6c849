"""A synthetic corpus of case notes with ground truth, for the de-identification benchmark.

Everything here is invented and deterministic for a seed. Identities come from Faker ``en_AU``
(with a share of names from other Faker locales: Australian case loads are multicultural, and
Faker's ``en_AU`` names are US Census names, which the engine's lexicon also comes from -- the
other locales show how the engine does on names that no lexicon lists). Notes are rendered from
the templates below, written in Australian case-work language, and every note records where its
identifiers are (client's own or a third party's, of which type) and which tokens must survive.

    corpus = build(notes=2000, seed=7)
    for note in corpus.notes:
        out = deidentify(note.text, corpus.clients, keep=corpus.keep).text
        hits, kept = score(note, out)

Scoring (``score``): an identifier is *removed* when none of its tokens survive in the output --
its letter runs of 2+ characters and digit runs of 3+ (casefolded), where a token that the note
also holds outside every identifier (a title, "Paul" of "St Vincent de Paul") may survive as often
as it is written there and no more -- and, when it holds 6+ digits, its digit string is absent
from the output's digits (separators dropped; the engine's case codes left out). A must-survive
token is *preserved* when the output holds it, word-bounded and case-sensitively, at least as
often as the input holds it outside identifiers.
"""

from __future__ import annotations

import datetime as dt
import random
import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

import phonenumbers
from faker import Faker

from bot.deidentify import COMMON_SERVICES, KnownClient
from bot.deidentify.known_clients import edit_distance
from bot.deidentify.lexicon import english_words, word_set
from bot.domain import ClientIdentity
from bot.ids_au import medicare_check_digit, tfn_valid

CLIENT, OTHER = "client", "other"
# Identifier kinds a client's register record holds (the engine matches them by value).
REGISTERED = frozenset({"name", "dob", "address", "phone", "email", "medicare", "crn"})
PATTERN_KINDS = ("phone", "email", "medicare", "crn", "tfn", "dob", "address")


@dataclass(frozen=True)
class Identifier:
    start: int
    end: int
    kind: str  # name, person (a third party's name), dob, address, phone, email, ...
    role: str  # CLIENT or OTHER
    registered: bool  # found in the client's register record (matched by value)
    lexicon: bool = True  # for names: every part is in the engine's name lexicon


@dataclass(frozen=True)
class Survivor:
    start: int
    end: int
    kind: str  # code, agency, member, suburb, appointment, money, medication, word, url


@dataclass(frozen=True)
class Note:
    text: str
    template: str
    identifiers: tuple[Identifier, ...]
    survivors: tuple[Survivor, ...]


@dataclass(frozen=True)
class Corpus:
    clients: tuple[KnownClient, ...]
    keep: tuple[str, ...]
    notes: tuple[Note, ...]


# --- templates -----------------------------------------------------------------------------------
# Slots: {c.*} the note's client, {d.*} a second client, {t.*} and {u.*} third parties (a
# possessive "'s" after a slot stays outside the identifier). Client fields: name (a random way of
# writing it), full, first, last, alias, miss (a misspelling), title (Ms/Mr + surname), dob (any
# format, with or without a cue), phone, email, addr, medicare, crn, tfn, url, code,
# she/her/She/Her. Third-party fields: name, first, last, title, rel (sister, neighbour...),
# phone, email, dob (with a cue or an age), addr, medicare, crn, tfn, url. Must-survive slots:
# {agency} {member} {suburb} {appt} {money} {med} {svcurl} {w:word}, and capitalised terms that
# are no names: {benefit} {program} {shop} {landmark} (kind "term").
TEMPLATES: tuple[str, ...] = (
    "{c.name} attended {agency} on {appt} with {c.her} {t.rel} {t.name}. Rent arrears now {money}.",
    "Phoned {c.name} on {c.phone} re housing application. {c.She} is couch surfing at {c.her} "
    "{t.rel}'s place in {suburb} and {w:may} need a {program} ({money}).",
    "Update for {code}: {c.first} moved into transitional housing in {suburb}, needs furniture. "
    "{member} to follow up with {agency} by {appt}.",
    "{c.name} (DOB {c.dob}) presented to {agency} ED overnight; discharged on {med}. "
    "{c.Her} {t.rel} {t.first} is the emergency contact, mob {t.phone}.",
    "Home visit to {c.addr}. {c.name} was home with {c.her} {t.rel} {t.name}; "
    "place tidy, fridge empty. Food parcel from {agency}.",
    "{c.title} rang from a new number {c.phone}, asked for {member} to call back {appt}.",
    "Centrelink: CRN {c.crn}. {c.first}'s {benefit} was cut off, {money} debt. {member} helped "
    "lodge a review with {agency}.",
    "Medicare card {c.medicare} lost again, {c.name} to replace at {agency} {appt}.",
    "{c.name}'s email is {c.email}, prefers email to texts. Worker {member} ({agency}).",
    "{c.name} told {member} that {c.her} ex-partner {t.name} has been turning up at the unit in "
    "{suburb}. DV Connect and QPS informed; safety plan reviewed.",
    "Neighbour {t.name} ({t.phone}) complained about noise again. {code} at risk of a breach "
    "notice; {agency} tenancy worker aware.",
    "{t.title} the landlord wants {c.name} out by {appt}; owed {money}. Referred to "
    "{agency} for advice.",
    "{c.name} born {c.dob}, Aboriginal, connected with {agency}. Aunty {t.first} is "
    "supporting {c.her} at court {appt}.",
    "{c.alias} (preferred name) attended the {agency} drop-in. Script for {med} and {med} filled.",
    "Spoke with {c.miss} today - {c.she} is back on {med} and engaging with {agency}.",
    "{c.first} {c.last} and {c.her} kids are in a motel in {suburb}; {c.her} son {t.first} "
    "({t.dob}) starts school {appt}.",
    "Facebook: {c.url} - {c.first} posts there, do not contact through it. {c.Her} {t.rel}'s "
    "page is {t.url}. Info sheet: {svcurl}",
    "TFN {c.tfn} needed for the {agency} application (see {svcurl}); {c.name} has the letter. "
    "Appointment {appt}.",
    "{c.name} staying with {t.rel} {t.name} at {t.addr} (near {suburb} station). "
    "Contact via {t.email}.",
    "{c.She} said {t.first} has been helping with rent ({money}) but {t.first}'s partner "
    "{u.first} is using again.",
    "{c.name} DOB {c.dob} Medicare {c.medicare} CRN {c.crn} - identity docs sighted by {member}.",
    "Old address {c.addr} (lease ended). {c.name} now sleeping rough near {suburb} station.",
    "Met {c.name} at {agency} with {member}. {c.She} mentioned {c.her} dad {t.name} "
    "({t.dob}) is in hospital at {agency}.",
    "{c.last} missed the {agency} appointment {appt}; {w:will} try again. Phone {c.phone} "
    "goes to voicemail.",
    "Mr {t.last} from next door has a key; his number is {t.phone}. {code} okay with that.",
    "{c.name} and {d.name} are sharing the unit at {c.addr}. Both linked with {agency}.",
    "Email from {t.first} {t.last} ({t.email}), {c.name}'s support coordinator, about NDIS plan "
    "review {appt}.",
    "{c.name}: {w:bill} for electricity {money}, {member} applied for a HEEC voucher through "
    "{agency} and got a {shop} gift card.",
    "{c.full} - also known as {c.alias} - was seen at {suburb} by {agency} outreach. "
    "{w:hope} to engage {appt}.",
    "{c.name} wants {c.her} sister {t.first} ({t.phone}) added as a contact. Consent form "
    "signed with {member}.",
    "{c.Her} {t.rel} {t.name}, {t.dob}, Medicare {t.medicare}, also needs housing; {code} asked if "
    "they can be housed together in {suburb}.",
    "{c.name}'s caseworker at another service, {t.name}, can be reached on {t.phone} or {t.email}.",
    "Court {appt} in {suburb}; Legal Aid Queensland representing {c.name}. {c.Her} ex "
    "{t.first} has a DVO against {t.title}.",
    "{c.name} reports {c.her} {t.rel} {t.name} took {c.her} bank card and {money}. "
    "{member} helped report it to Queensland Police.",
    "Landlady {t.title} ({t.phone}) will accept {c.name} if {agency} covers the bond {money}.",
    "{c.name}'s son {t.name}, {t.dob}, is with Child Safety. Family contact {appt}.",
    "{c.miss}'s worker from {agency} ({member}) says {c.she} is doing well on {med}.",
    "Please update the address for {code}: now {c.addr}. Phone unchanged ({c.phone}).",
    "{c.name} asked about TFN {t.tfn} (partner's) for the rental application; told {c.her} to "
    "bring it {appt}.",
    "Text from {c.name} on {c.phone}: at {agency} in {suburb}, needs a swag and a meal. Last "
    "seen near {landmark}.",
    "{c.first}'s mum {t.name} rang {member} worried, said {c.first} has not been taking "
    "{c.her} {med}.",
    "Referral from {agency}: {c.full}, {c.dob}, {c.phone}, currently at {c.addr}. On {benefit}, "
    "applying for {program}.",
    "{c.name} visited {t.rel} {t.first} {t.last} at {t.addr}; {t.first} may have a spare room.",
    "Spoke to Dr {t.last} at {agency} about {c.name}'s {med} dose. Review {appt}.",
    "{c.alias} came in with Uncle {t.first} asking about {agency}; {w:will} see {code} again "
    "{appt}.",
    "{c.name} has a {w:grace} period on the arrears and {w:may} go to {suburb} to stay with "
    "{t.rel} {t.name} ({t.phone}).",
    "{c.name} has a new Instagram ({c.url}); ex-partner {t.name} keeps messaging {c.her} there.",
    "Payment of {money} to {c.name} approved by {agency} ({program}); receipt to {c.email}. "
    "{c.She} is on {benefit}.",
    "{c.title} was upset. {c.Her} {t.rel} {t.name} passed away last week in {suburb}. "
    "{member} to check in {appt}.",
    "{c.name}, {d.name} and {t.rel} {t.name} all at the {agency} BBQ at {landmark}.",
    "Spoke to {t.name} at {t.addr} who said {c.name} left on {appt}. Forwarding {t.email}.",
    "Note: {c.first} prefers {c.alias}. Lives at {c.addr}. DOB {c.dob}.",
    "New phone for {c.name}: {c.phone} ({shop} prepaid). Old one was stolen at {suburb} station.",
    "{t.name} ({t.dob}) is {c.name}'s carer; Centrelink CRN {t.crn}.",
)

RELATIONS_F = (
    "sister", "mum", "mother", "nan", "aunt", "daughter", "niece", "cousin", "partner",
    "ex-partner", "girlfriend", "wife", "friend", "neighbour", "housemate", "flatmate", "stepmum",
)
RELATIONS_M = (
    "brother", "dad", "father", "pop", "uncle", "son", "nephew", "cousin", "partner",
    "ex-partner", "boyfriend", "husband", "mate", "friend", "neighbour", "housemate", "stepdad",
)
SUBURBS = (
    "Zillmere", "Deception Bay", "Fortitude Valley", "Logan", "Logan Central", "Ipswich",
    "Woodridge", "Kingston", "Inala", "Redcliffe", "Caboolture", "Morayfield", "Goodna",
    "Redbank Plains", "Chermside", "Nundah", "Stafford", "Kelvin Grove", "Spring Hill",
    "West End", "Woolloongabba", "Annerley", "Moorooka", "Sunnybank", "Browns Plains",
    "Beenleigh", "Eagleby", "Slacks Creek", "Strathpine", "Kallangur", "North Lakes",
    "Sandgate", "Brighton", "Bracken Ridge", "Wynnum", "Capalaba", "Cleveland",
    "Victoria Point", "Alexandra Hills", "Carina", "Coorparoo", "Sherwood", "Oxley",
    "Forest Lake", "Springfield Lakes", "Booval", "Bundamba", "Southport", "Nerang",
    "Coolangatta", "Caloundra", "Maroochydore", "Nambour", "Toowoomba", "Townsville",
    "Brisbane", "Virginia", "Hope Island", "Daisy Hill", "Chapel Hill", "Milton", "Carseldine",
)
MEDICATIONS = (
    "Seroquel", "quetiapine", "Endone", "methadone", "Suboxone", "Lyrica", "pregabalin",
    "olanzapine", "Zyprexa", "Valium", "diazepam", "Buvidal", "naloxone", "Abilify",
    "Invega Sustenna", "clozapine", "lithium", "Epilim", "sertraline", "Lexapro", "Efexor",
    "mirtazapine", "Endep", "Stilnox", "Xanax", "Ritalin", "Vyvanse", "Panadeine Forte",
    "Targin", "Palexia", "tramadol", "Campral", "naltrexone", "Champix", "thiamine",
    "Ventolin", "metformin", "insulin", "Lipitor", "Nurofen", "Panadol", "Keflex", "Antabuse",
)
BENEFITS = (
    "JobSeeker", "Disability Support Pension", "Youth Allowance", "Carer Payment", "DSP",
    "Parenting Payment", "Age Pension", "Rent Assistance", "Austudy", "Special Benefit",
)
PROGRAMS = (
    "Bond Loan", "Rental Grant", "RentConnect", "Housing Register", "Safe Night Space",
    "Street to Home", "NDIS plan review", "Rent Connect", "HEEC", "No Interest Loan",
)
SHOPS = ("Coles", "Woolies", "Kmart", "Big W", "Officeworks", "Bunnings", "Telstra", "Optus")
LANDMARKS = (
    "Queen Street Mall", "King George Square", "Roma Street Parkland", "Musgrave Park",
    "Emma Miller Place", "Anzac Square", "South Bank", "the Story Bridge", "Chinatown Mall",
    "Brunswick Street Mall",
)
SERVICE_URLS = (
    "centrelink.gov.au", "https://www.servicesaustralia.gov.au/centrelink",
    "www.qld.gov.au/housing", "https://www.rta.qld.gov.au", "1800respect.org.au",
    "https://micahprojects.org.au/services",
)
WORDS = {  # ordinary words that are also names: as words they must survive
    "may": ("may",), "will": ("will",), "bill": ("bill", "phone bill"), "hope": ("Hope",),
    "grace": ("grace",),
}
COMMON_WORD_FIRST_NAMES = (
    "Hope", "May", "Grace", "Joy", "Rose", "Dawn", "Faith", "Summer", "Mark", "Bill", "Will",
    "Ruby", "Amber", "Holly", "Jack", "Frank", "Crystal", "Robin", "Penny", "Sandy",
)
APOSTROPHE_SURNAMES = (
    "O'Brien", "O'Connor", "O'Neill", "O'Sullivan", "O'Donnell", "O'Reilly", "D'Souza",
    "O'Keefe", "D'Angelo", "O'Hara",
)
OTHER_LOCALES = ("en_NZ", "en_IN", "zh_CN", "en_KE", "en_NG", "it_IT", "vi_VN")
EMAIL_DOMAINS = ("gmail.com", "hotmail.com", "outlook.com", "bigpond.com", "yahoo.com.au")
STREET_TYPES = (  # (full, abbreviation), weighted towards the common ones
    ("Street", "St"), ("Street", "St"), ("Road", "Rd"), ("Road", "Rd"), ("Avenue", "Ave"),
    ("Crescent", "Cres"), ("Court", "Ct"), ("Drive", "Dr"), ("Place", "Pl"), ("Parade", "Pde"),
    ("Terrace", "Tce"), ("Highway", "Hwy"), ("Close", "Cl"), ("Boulevard", "Bvd"),
    ("Circuit", "Cct"), ("Esplanade", "Esp"), ("Lane", "Ln"), ("Way", "Way"), ("Grove", "Gr"),
)
MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
TITLES = {"f": ("Ms", "Mrs", "Miss"), "m": ("Mr",)}


# --- people --------------------------------------------------------------------------------------


@dataclass
class Person:
    first: str
    last: str
    gender: str  # "f" or "m"
    lexicon: bool  # drawn from Faker en_AU (US Census names), not another locale
    middle: str = ""
    aliases: tuple[str, ...] = ()
    dob: dt.date = dt.date(1980, 1, 1)
    street: tuple[str, str, str, str] = ("", "", "", "")  # unit, number, street name, type
    suburb: str = ""
    postcode: str = ""
    phone: str = ""  # national significant number (no 0, no +61)
    email: str = ""
    medicare: str = ""  # 10 digits
    crn: str = ""  # 9 digits + letter
    tfn: str = ""  # 9 digits
    code: str = ""
    relation: str = ""
    extra: dict[str, str] = field(default_factory=dict)


class _People:
    """Makes people from Faker, deterministically for the seed."""

    def __init__(self, rng: random.Random, seed: int) -> None:
        self.rng = rng
        self.au = Faker("en_AU")
        self.au.seed_instance(seed)
        self.others = {}
        for n, loc in enumerate(OTHER_LOCALES):
            self.others[loc] = Faker(loc)
            self.others[loc].seed_instance(seed + n + 1)
        self.reserved: set[str] = set()  # name words the members use: no one else gets them

    def name(self, *, multicultural: float) -> tuple[str, str, str, bool]:
        for _ in range(100):
            gender = self.rng.choice("fm")
            if self.rng.random() < multicultural:
                loc = self.rng.choice(OTHER_LOCALES)
                fk = self.others[loc]
                if loc == "zh_CN":
                    first, last = fk.first_romanized_name(), fk.last_romanized_name()
                else:
                    first = fk.first_name_female() if gender == "f" else fk.first_name_male()
                    last = fk.last_name()
                if loc == "vi_VN" and first in ("John", "Jane"):
                    first = self.rng.choice(("Thi Lan", "Van Minh", "Thu", "Hoa", "Duc", "Anh"))
                first, last, lexicon = _ascii(first), _ascii(last), False
            else:
                fk = self.au
                first = fk.first_name_female() if gender == "f" else fk.first_name_male()
                last, lexicon = fk.last_name(), True
            words = {w.casefold() for w in re.findall(r"[^\W\d_]+", f"{first} {last}")}
            if words & self.reserved or not last[:1].isupper():
                continue
            return first, last, gender, lexicon
        raise RuntimeError("no name found")

    def person(self, *, multicultural: float) -> Person:
        first, last, gender, lexicon = self.name(multicultural=multicultural)
        p = Person(first, last, gender, lexicon)
        p.dob = dt.date(1945, 1, 1) + dt.timedelta(days=self.rng.randrange(0, 62 * 365))
        unit = str(self.rng.randint(1, 40)) if self.rng.random() < 0.4 else ""
        kind = self.rng.choice(STREET_TYPES)
        street_name = self.au.last_name() if self.rng.random() < 0.6 else self.au.first_name()
        p.street = (unit, str(self.rng.randint(1, 399)), street_name, kind[0])
        p.extra["street_abbr"] = kind[1]
        p.suburb = self.rng.choice(SUBURBS)
        p.postcode = str(self.rng.randint(4000, 4519))
        p.phone = _phone_number(self.rng)
        local = self.rng.choice(
            (f"{first}.{last}", f"{first[0]}{last}", f"{first}{self.rng.randint(1, 99)}")
        )
        domain = self.rng.choice(EMAIL_DOMAINS)
        p.email = re.sub(r"[^a-z0-9.]", "", local.casefold()) + "@" + domain
        p.medicare = _medicare(self.rng)
        p.crn = "".join(str(self.rng.randint(0, 9)) for _ in range(9)) + self.rng.choice(
            "ABCDEFGHJKLMNPQRSTUVWXYZ"
        )
        p.tfn = _tfn(self.rng)
        return p


def _ascii(text: str) -> str:
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().strip()


def _phone_number(rng: random.Random) -> str:
    """A national significant number: a mobile (4xx, any range) or a landline in an allocated
    range (as real landlines are; checked with phonenumbers)."""
    if rng.random() < 0.75:
        return "4" + rng.choice("0123456789") + "".join(str(rng.randint(0, 9)) for _ in range(7))
    while True:
        area, first = rng.choice((("7", "3"), ("7", "5"), ("2", "9"), ("3", "9"), ("8", "8")))
        number = area + first + "".join(str(rng.randint(0, 9)) for _ in range(7))
        if phonenumbers.is_valid_number(phonenumbers.parse("0" + number, "AU")):
            return number


def _medicare(rng: random.Random) -> str:
    first8 = str(rng.randint(2, 6)) + "".join(str(rng.randint(0, 9)) for _ in range(7))
    return medicare_number(first8, rng.randint(1, 5))


def _tfn(rng: random.Random) -> str:
    while True:
        digits = "".join(str(rng.randint(0, 9)) for _ in range(9))
        if tfn_valid(digits):
            return digits


NICKNAME_ENDINGS = ("o", "zza", "y", "ie", "s")


def _nickname(rng: random.Random, first: str) -> str:
    """An Australian-style nickname: Dazza, Robbo, Shaz, Jess."""
    stem = first[: rng.choice((3, 4))] if len(first) > 4 else first
    if rng.random() < 0.3:
        return stem
    ending = rng.choice(NICKNAME_ENDINGS)
    if ending == "zza":
        stem = stem[:2] if stem[1] in "aeiou" else stem[:3]
        if stem[-1] not in "aeiou":
            stem = stem[:-1] if len(stem) > 2 else stem
    return (stem + ending).capitalize()


def _misspell(rng: random.Random, word: str, words: frozenset[str]) -> str | None:
    """A typo of ``word`` (5+ letters; two typos from 9), never of its first letter, never a
    dictionary word (the engine must not and cannot take "Brow" for "Brown")."""
    if len(word) < 5 or not word.isalpha():
        return None
    typos = 2 if len(word) >= 9 else 1
    for _ in range(20):
        out = word
        for _ in range(typos):
            out = _one_typo(rng, out)
        if out.casefold() != word.casefold() and out.casefold() not in words and len(out) >= 4 and (
            edit_distance(out.casefold(), word.casefold()) <= typos
        ):  # two typos can read as three ("Quaquaquaqua" -> "Quaqayuquaqua"): not a typo then
            return out[0] + out[1:].lower()
    return None


def _one_typo(rng: random.Random, w: str) -> str:
    i = rng.randrange(1, len(w) - 1)
    op = rng.choice(["swap", "delete", "insert", "replace"])
    letters = "aeiouy" if w[i] in "aeiouy" else "bcdfghklmnprstvwz"
    if op == "swap":
        return w[:i] + w[i + 1] + w[i] + w[i + 2 :]
    if op == "delete":
        return w[:i] + w[i + 1 :]
    if op == "insert":
        return w[:i] + rng.choice((w[i], *letters)) + w[i:]
    return w[:i] + rng.choice([c for c in letters if c != w[i]] or ["e"]) + w[i + 1 :]


# --- how identifiers are written -----------------------------------------------------------------


def _dob_formats(d: dt.date, rng: random.Random, *, month_first: bool) -> str:
    m = MONTHS[d.month - 1]
    sfx = {1: "st", 2: "nd", 3: "rd", 21: "st", 22: "nd", 23: "rd", 31: "st"}.get(d.day, "th")
    options = [
        d.isoformat(),
        f"{d.day}/{d.month}/{d.year}",
        f"{d.day:02}/{d.month:02}/{d.year}",
        f"{d.day}-{d.month}-{d.year}",
        f"{d.day}.{d.month}.{d.year % 100:02}",
        f"{d.day:02}/{d.month:02}/{d.year % 100:02}",
        f"{d.day} {m} {d.year}",
        f"{d.day}{sfx} {m} {d.year}",
        f"{d.day}{sfx} of {m} {d.year}",
        f"{m} {d.day}, {d.year}",
        f"{m} {d.day}{sfx} {d.year}",
        f"{d.day} {m[:3]} {d.year}",
        f"{d.day} {m[:3]} {d.year % 100:02}",
        f"{d.day}-{m[:3]}-{d.year}",
        f"{d.day:02}.{d.month:02}.{d.year}",
    ]
    if month_first and d.day <= 12 and d.day != d.month:
        options.append(f"{d.month}/{d.day}/{d.year}")
    return rng.choice(options)


def _phone_formats(n: str, rng: random.Random) -> str:
    if n[0] == "4":
        options = [
            f"0{n[:3]} {n[3:6]} {n[6:]}",
            f"0{n}",
            f"0{n[:3]}-{n[3:6]}-{n[6:]}",
            f"0{n[:3]}.{n[3:6]}.{n[6:]}",
            f"0{n[0]} {n[1:5]} {n[5:]}",
            f"+61 {n[:3]} {n[3:6]} {n[6:]}",
            f"+61{n}",
            f"+61 {n[0]} {n[1:5]} {n[5:]}",
            f"+61 (0){n[:3]} {n[3:6]} {n[6:]}",
            f"0{n[:3]} {n[3:]}",
            f"0{n[:2]} {n[2:5]} {n[5:]}",
        ]
    else:
        options = [
            f"(0{n[0]}) {n[1:5]} {n[5:]}",
            f"0{n[0]} {n[1:5]} {n[5:]}",
            f"0{n}",
            f"+61 {n[0]} {n[1:5]} {n[5:]}",
            f"0{n[0]}-{n[1:5]}-{n[5:]}",
            f"{n[1:5]} {n[5:]}",  # a local number, area code left off
        ]
    return rng.choice(options)


def _address_formats(p: Person, rng: random.Random, *, suburb: bool) -> str:
    unit, number, name, kind = p.street
    kind = rng.choice((kind, kind, p.extra["street_abbr"], p.extra["street_abbr"] + "."))
    street = f"{number} {name} {kind}"
    if rng.random() < 0.1:
        street = street.lower()
    if unit:
        street = rng.choice(
            (f"{unit}/{street}", f"Unit {unit}/{street}", f"Unit {unit}, {street}",
             f"U{unit} {street}", f"Flat {unit}, {street}")
        )
    elif rng.random() < 0.1:
        street = f"Lot {number} {name} {kind}"
    if suburb:
        street += rng.choice((f", {p.suburb}", f" {p.suburb}", f", {p.suburb} QLD {p.postcode}"))
    return street


def _medicare_formats(m: str, rng: random.Random) -> str:
    return rng.choice(
        (f"{m[:4]} {m[4:9]} {m[9]}", m, f"{m[:4]}-{m[4:9]}-{m[9]}", f"{m[:4]} {m[4:9]}{m[9]}",
         f"{m[:4]} {m[4:7]} {m[7:]}")
    )


def _crn_formats(c: str, rng: random.Random) -> str:
    d, letter = c[:9], c[9]
    return rng.choice(
        (f"{d[:3]} {d[3:6]} {d[6:]}{letter}", c, f"{d[:3]}-{d[3:6]}-{d[6:]}-{letter}",
         f"{d[:3]} {d[3:6]} {d[6:]} {letter}", c.lower())
    )


def _tfn_formats(t: str, rng: random.Random) -> str:
    return rng.choice((f"{t[:3]} {t[3:6]} {t[6:]}", t, f"{t[:3]}-{t[3:6]}-{t[6:]}"))


def _url_formats(p: Person, rng: random.Random) -> str:
    first, last = (re.sub(r"[^a-z]", "", x.casefold()) for x in (p.first, p.last))
    n = rng.randint(1, 99)
    return rng.choice(
        (f"facebook.com/{first}.{last}", f"https://www.facebook.com/{first}.{last}.{n}",
         f"instagram.com/{first}_{last}", f"www.instagram.com/{first}{last}{n}",
         f"https://www.tiktok.com/@{first}{last}", f"fb.com/{first}{last[:1]}")
    )


# --- rendering -----------------------------------------------------------------------------------

_SLOT = re.compile(r"\{([a-z]+)(?:\.([A-Za-z_]+))?(?::([a-z]+))?\}")


class _Renderer:
    """Renders one template into text with its identifiers and survivors."""

    def __init__(self, gen: _Generator, people: dict[str, Person]) -> None:
        self.gen = gen
        self.rng = gen.rng
        self.people = people
        self.parts: list[str] = []
        self.pos = 0
        self.ids: list[Identifier] = []
        self.keep: list[Survivor] = []

    def add(self, text: str, *, ident: tuple[str, str, bool, bool] | None = None,
            keep: str | None = None) -> None:
        start, end = self.pos, self.pos + len(text)
        if ident:
            self.ids.append(Identifier(start, end, *ident))
        if keep:
            self.keep.append(Survivor(start, end, keep))
        self.parts.append(text)
        self.pos = end

    def render(self, template: str) -> None:
        last = 0
        for m in _SLOT.finditer(template):
            self.add(template[last : m.start()])
            who, fld, arg = m.groups()
            if who in self.people:
                self.person_slot(self.people[who], who, fld or "name")
            else:
                self.survivor_slot(who, arg)
            last = m.end()
        self.add(template[last:])

    def person_slot(self, p: Person, who: str, fld: str) -> None:
        rng, client = self.rng, who in "cd"
        role = CLIENT if client else OTHER
        pron = {"she": ("she", "he"), "her": ("her", "his")}
        if fld.lower() in pron:
            word = pron[fld.lower()][p.gender == "m"]
            self.add(word.capitalize() if fld[0].isupper() else word)
        elif fld == "rel":
            self.add(p.relation)
        elif fld == "code":
            self.add(p.code, keep="code")
        elif fld in ("name", "full", "first", "last", "alias", "miss", "title"):
            self.name_slot(p, fld, role)
        elif fld == "dob":
            if not client:
                # Third parties: a date of birth is written with a cue or an age.
                text = _dob_formats(p.dob, rng, month_first=False)
                age = 2026 - p.dob.year
                if rng.random() < 0.3:
                    self.add(text, ident=("dob", role, False, True))
                    self.add(rng.choice((f" (aged {age})", f", age {age}", f" ({age} yo)")))
                    return
                self.add(rng.choice(("born ", "DOB ", "dob: ", "D.O.B. ", "date of birth ")))
                self.add(text, ident=("dob", role, False, True))
                return
            text = _dob_formats(p.dob, rng, month_first=client)
            self.add(text, ident=("dob", role, client, True))
        elif fld == "phone":
            self.add(_phone_formats(p.phone, rng), ident=("phone", role, client, True))
        elif fld == "email":
            email = p.email.upper() if rng.random() < 0.1 else p.email
            self.add(email, ident=("email", role, client, True))
        elif fld == "addr":
            self.add(_address_formats(p, rng, suburb=client and rng.random() < 0.3),
                     ident=("address", role, client, True))
        elif fld == "medicare":
            self.add(_medicare_formats(p.medicare, rng), ident=("medicare", role, client, True))
        elif fld == "crn":
            self.add(_crn_formats(p.crn, rng), ident=("crn", role, client, True))
        elif fld == "tfn":
            self.add(_tfn_formats(p.tfn, rng), ident=("tfn", role, False, True))
        elif fld == "url":
            self.add(_url_formats(p, rng), ident=("url", role, False, True))
        else:
            raise KeyError(fld)

    def name_slot(self, p: Person, fld: str, role: str) -> None:
        rng = self.rng
        kind = "name" if role == CLIENT else "person"
        reg = role == CLIENT
        ident = (kind, role, reg, p.lexicon)
        if fld == "name" and role == CLIENT:
            fld = rng.choices(
                ("full", "first", "last", "alias", "miss", "lower", "caps", "initial", "variant"),
                (25, 25, 10, 10, 10, 4, 3, 3, 10),
            )[0]
        elif fld == "name":
            fld = "full"
        short = len((p.first if fld != "last" else p.last).strip()) < 3
        if role == CLIENT and fld in ("first", "last", "initial") and short:
            # The documented rule: a name part of one or two letters ("Jo", "He") is the
            # client's only beside another part of the name, a title or a possessive.
            fld = "full"
        if fld == "title":
            title = rng.choice(TITLES[p.gender]) if role == CLIENT else self._title(p)
            self.add(title + " ")
            self.add(self._surname(p), ident=ident)
        elif fld == "full":
            middle = f" {p.middle}" if p.middle and rng.random() < 0.3 else ""
            self.add(f"{p.first}{middle} {self._surname(p)}", ident=ident)
        elif fld == "first":
            self.add(p.first, ident=ident)
        elif fld == "last":
            self.add(self._surname(p), ident=ident)
        elif fld == "alias":
            self.add(rng.choice(p.aliases) if p.aliases else p.first, ident=ident)
        elif fld == "miss":
            part = rng.choice((p.first, p.last))
            typo = _misspell(rng, part, self.gen.words) or _misspell(rng, p.last, self.gen.words)
            self.add(typo or p.first, ident=ident)
        elif fld == "lower":
            self.add(f"{p.first} {p.last}".lower(), ident=ident)
        elif fld == "caps":
            self.add(f"{p.first} {p.last}".upper(), ident=ident)
        elif fld == "initial":
            self.add(f"{p.first} {p.last[0]}", ident=ident)
        elif fld == "variant":  # O'Brien as OBrien or O Brien; Smith-Jones as Smith Jones
            last = p.last.replace("'", rng.choice(("", " ", "’"))).replace("-", " ")
            alone = rng.random() < 0.5 and len(p.last) >= 3
            self.add(last if alone else f"{p.first} {last}", ident=ident)

    def _title(self, p: Person) -> str:
        return self.rng.choice((*TITLES[p.gender], "Dr"))

    def _surname(self, p: Person) -> str:
        return p.last

    def survivor_slot(self, slot: str, arg: str | None) -> None:
        rng, gen = self.rng, self.gen
        if slot == "code":
            self.add(self.people["c"].code, keep="code")
        elif slot == "agency":
            self.add(rng.choice(gen.agencies), keep="agency")
        elif slot == "member":
            self.add(rng.choice(gen.member_refs), keep="member")
        elif slot == "suburb":
            self.add(rng.choice(SUBURBS), keep="suburb")
        elif slot == "appt":
            self.add(_appointment(rng), keep="appointment")
        elif slot == "money":
            self.add(_money(rng), keep="money")
        elif slot == "med":
            self.add(rng.choice(MEDICATIONS), keep="medication")
        elif slot == "svcurl":
            self.add(rng.choice(SERVICE_URLS), keep="url")
        elif slot in ("benefit", "program", "shop", "landmark"):
            pool = {"benefit": BENEFITS, "program": PROGRAMS, "shop": SHOPS, "landmark": LANDMARKS}
            self.add(rng.choice(pool[slot]), keep="term")
        elif slot == "w" and arg:
            self.add(rng.choice(WORDS[arg]), keep="word")
        else:
            raise KeyError(slot)


def _appointment(rng: random.Random) -> str:
    day = dt.date(2026, 11, 2) + dt.timedelta(days=rng.randrange(0, 120))
    wd = day.strftime("%A")
    hour = rng.choice((9, 10, 11, 1, 2, 3, 4))
    time = rng.choice((f"{hour}pm" if hour < 9 else f"{hour}am", f"{hour}:30", f"{hour}.30pm"))
    m = MONTHS[day.month - 1]
    return rng.choice(
        (f"{wd} {day.day}/{day.month} at {time}", f"on {day.day} {m} at {time}",
         f"next {wd} {time}", f"{wd[:3]} {day.day}/{day.month} @ {time}",
         f"{day.day}/{day.month}/{day.year} at {time}", f"{day.isoformat()} {hour + 12}:00",
         f"{wd} {time}", f"{day.day} {m[:3]}")
    )


def _money(rng: random.Random) -> str:
    n = rng.choice((rng.randint(20, 400), rng.randint(500, 9000)))
    return rng.choice((f"${n}", f"${n:,}.{rng.randint(0, 99):02}", f"${n:,}"))


class _Generator:
    def __init__(self, seed: int, n_clients: int) -> None:
        self.rng = random.Random(seed)
        self.people = _People(self.rng, seed)
        self.words = english_words()
        self.members = [self.people.person(multicultural=0.2) for _ in range(12)]
        for m in self.members:
            self.people.reserved |= {w.casefold() for w in (m.first, m.last)}
        self.member_refs = [
            ref for m in self.members for ref in (m.first, f"{m.first} {m.last}", m.first)
        ]
        self.agencies = [s for s in COMMON_SERVICES if s not in ("Medicare",)]
        self.clients = [self._client(i) for i in range(1, n_clients + 1)]

    def _client(self, i: int) -> Person:
        while True:
            p = self._candidate(i)
            words = re.findall(r"[^\W\d_]+", f"{p.first} {p.middle} {p.last}".casefold())
            if not set(words) & self.people.reserved:  # members' names are kept by design
                return p

    def _candidate(self, i: int) -> Person:
        rng = self.rng
        p = self.people.person(multicultural=0.15)
        roll = rng.random()
        if roll < 0.06:
            p.first, p.lexicon = rng.choice(COMMON_WORD_FIRST_NAMES), True
        elif roll < 0.12:
            p.last = rng.choice(APOSTROPHE_SURNAMES)
        elif roll < 0.18:
            p.last = f"{p.last}-{self.people.au.last_name()}"
        if rng.random() < 0.2:
            p.middle = self.people.au.first_name()
        aliases = []
        nickname = _nickname(rng, p.first)
        if rng.random() < 0.6 and self._fresh(nickname):
            aliases.append(nickname)
        preferred = self.people.au.first_name()
        if rng.random() < 0.15 and self._fresh(preferred):
            aliases.append(preferred)  # a preferred name
        p.aliases = tuple(aliases)
        p.code = f"U1R-{i:03}"
        return p

    def _fresh(self, alias: str) -> bool:
        """An alias that is no English word ("She" for Shelby) nor a member's name."""
        key = alias.casefold()
        return len(key) >= 3 and key not in self.words and key not in self.people.reserved

    def third_party(self) -> Person:
        p = self.people.person(multicultural=0.3)
        p.relation = self.rng.choice(RELATIONS_F if p.gender == "f" else RELATIONS_M)
        return p

    def note(self, n: int) -> Note:
        rng = self.rng
        parts = [rng.randrange(len(TEMPLATES)) for _ in range(rng.choice((1, 1, 2)))]
        c, d = rng.sample(self.clients, 2)
        renderer = _Renderer(self, {"c": c, "d": d, "t": self.third_party(),
                                    "u": self.third_party()})
        for k, index in enumerate(parts):
            if k:
                renderer.add(rng.choice((" ", "\n", " \n")))
            renderer.render(TEMPLATES[index])
        return Note(
            "".join(renderer.parts),
            "+".join(f"T{index + 1:02}" for index in parts),
            tuple(renderer.ids),
            tuple(renderer.keep),
        )

    def known_clients(self) -> tuple[KnownClient, ...]:
        return tuple(KnownClient(p.code, _identity(p)) for p in self.clients)


def _identity(p: Person) -> ClientIdentity:
    unit, number, name, kind = p.street
    street = f"{number} {name} {kind}"
    address = f"Unit {unit}, {street}" if unit else street
    n = p.phone
    phone = f"0{n[:3]} {n[3:6]} {n[6:]}" if n[0] == "4" else f"(0{n[0]}) {n[1:5]} {n[5:]}"
    full = " ".join(x for x in (p.first, p.middle, p.last) if x)
    return ClientIdentity(
        full_name=full,
        aliases=p.aliases,
        date_of_birth=p.dob,
        address=f"{address}, {p.suburb} QLD {p.postcode}",
        phone=phone,
        email=p.email,
        medicare=f"{p.medicare[:4]} {p.medicare[4:9]} {p.medicare[9]}",
        crn=p.crn,
    )


def build(notes: int = 2000, *, seed: int = 7, clients: int = 500) -> Corpus:
    """``notes`` synthetic case notes about ``clients`` registered clients."""
    gen = _Generator(seed, clients)
    keep = (
        *COMMON_SERVICES,
        *sorted({ref for m in gen.members for ref in (m.first, m.last, f"{m.first} {m.last}")}),
    )
    return Corpus(gen.known_clients(), keep, tuple(gen.note(n) for n in range(notes)))


# --- scoring -------------------------------------------------------------------------------------

_TOKEN = re.compile(r"[^\W_]+")
# Words of a URL that name no one: a URL is removed when its other words are.
_URL_WORDS = word_set("https http www com au net org fb facebook instagram tiktok")
_SEPARATORS = re.compile(r"[\s.\-()+/]")
_CASE_CODE = re.compile(r"\bU1R-\d{3}\b")


def _tokens(text: str) -> Iterator[str]:
    for t in _TOKEN.findall(text):
        if (t.isdigit() and len(t) >= 3) or (not t.isdigit() and len(t) >= 2):
            yield t.casefold()


def _outside(note: Note) -> str:
    """The note with every identifier blanked out."""
    chars = list(note.text)
    for ident in note.identifiers:
        chars[ident.start : ident.end] = " " * (ident.end - ident.start)
    return "".join(chars)


def score(note: Note, output: str) -> tuple[list[bool], list[bool]]:
    """(removed? for each identifier, preserved? for each survivor) -- see the module doc."""
    outside = _outside(note)
    expected = Counter(_tokens(outside))  # tokens the output should still hold
    engine_made = _CASE_CODE.sub(" ", output)  # case codes put in by the engine hold digits
    found = Counter(_tokens(engine_made))
    out_digits = re.sub(r"\D", "", _SEPARATORS.sub("", engine_made))
    removed = []
    for ident in note.identifiers:
        value = note.text[ident.start : ident.end]
        tokens = set(_tokens(value)) - (_URL_WORDS if ident.kind == "url" else set())
        # A token also written outside the identifiers may survive that many times, no more.
        ok = all(found[t] <= expected[t] for t in tokens)
        digits = re.sub(r"\D", "", value)
        if len(digits) >= 6:
            ok = ok and digits not in out_digits
        removed.append(ok)
    preserved = []
    for keep in note.survivors:
        value = note.text[keep.start : keep.end]
        pattern = re.compile(rf"(?<!\w){re.escape(value)}(?!\w)")
        preserved.append(len(pattern.findall(output)) >= len(pattern.findall(outside)))
    return removed, preserved


def iter_templates() -> Iterator[tuple[str, str]]:
    for n, template in enumerate(TEMPLATES, 1):
        yield f"T{n:02}", template


Scorer = Callable[[Note, str], tuple[list[bool], list[bool]]]


class Workshop:
    """Renders a chosen template about a chosen client, among invented others (for property
    tests: any identity in any template)."""

    def __init__(self, seed: int = 3, clients: int = 20) -> None:
        self.gen = _Generator(seed, clients)
        self.keep = (
            *COMMON_SERVICES,
            *{r for m in self.gen.members for r in (m.first, m.last, f"{m.first} {m.last}")},
        )
        self.others = self.gen.known_clients()

    def client(
        self,
        first: str,
        last: str,
        *,
        aliases: tuple[str, ...] = (),
        dob: dt.date,
        phone: str,
        medicare: str,
        crn: str,
    ) -> Person:
        p = self.gen.people.person(multicultural=0)
        p.first, p.last, p.aliases, p.dob = first, last, aliases, dob
        p.phone, p.medicare, p.crn, p.code = phone, medicare, crn, "U1R-999"
        p.email = f"{first}.{last}@example.org".casefold().replace("'", "")
        return p

    def note(
        self, client: Person, template: int, seed: int
    ) -> tuple[Note, tuple[KnownClient, ...]]:
        gen = self.gen
        gen.rng.seed(seed)
        gen.people.au.seed_instance(seed)
        for n, faker in enumerate(gen.people.others.values()):
            faker.seed_instance(seed + n)
        people = {"c": client, "d": gen.rng.choice(gen.clients)}
        people |= {"t": gen.third_party(), "u": gen.third_party()}
        renderer = _Renderer(gen, people)
        renderer.render(TEMPLATES[template % len(TEMPLATES)])
        note = Note("".join(renderer.parts), f"T{template % len(TEMPLATES) + 1:02}",
                    tuple(renderer.ids), tuple(renderer.keep))
        return note, (KnownClient(client.code, _identity(client)), *self.others)


def medicare_number(first8: str, issue: int = 1) -> str:
    """Ten digits with a valid check digit, then the issue number."""
    return f"{first8}{medicare_check_digit(first8)}{issue}"
