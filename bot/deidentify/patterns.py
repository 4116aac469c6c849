"""Detectors for anyone's identifiers: phone numbers, emails, Medicare numbers, CRNs, tax file
numbers, dates of birth, street addresses and URLs that carry a name.

Phone numbers are found and validated by ``phonenumbers`` (Google's libphonenumber metadata,
region AU, leniency VALID: POSSIBLE also took Medicare numbers, CRNs and dollar amounts for
phones). A cheap scan first picks the digit runs that could be phones, so the library only sees a
few characters. Two rules are ours: 13/1300/1800 numbers are services and survive, and an 8-digit
local landline written without its area code ("3555 0199"), which the library cannot validate
without one, is a phone.
"""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Collection, Iterator
from typing import TYPE_CHECKING

from bot.deidentify import lexicon
from bot.deidentify.lexicon import word_set
from bot.deidentify.text import THE_BEFORE, Hit, hit
from bot.ids_au import medicare_valid, tfn_valid

if TYPE_CHECKING:
    from phonenumbers import PhoneNumber

# ``phonenumbers`` (its metadata) is imported by the functions that ask it, on the first digit
# run that could be a phone: a process that never checks one (`casebot tick`) starts faster.

# A run of 6 or more digits, however grouped: where phones and ID numbers can be (cheap to check).
LONG_NUMBER = re.compile(r"\d(?:(?:[ \t\n\r.\-()+]|&nbsp;){0,3}\d){5}", re.ASCII).search

# --- phones ------------------------------------------------------------------------------------

_PHONE_RUN = re.compile(
    r"(?:\+\s?|\b00)?\(?\d(?:(?:[ \t\n\r.\-()]|&nbsp;){0,3}\d){7,15}\)?", re.ASCII
)
_LOCAL_LANDLINE = re.compile(r"(?<![\w$.,/:\-])[3-9]\d{3} \d{4}(?![\w/]|[.,:]\d)", re.ASCII)
_NOT_DIGIT = re.compile(r"\D")
_AREA_CODE = re.compile(r"\(0?\d\)")
_WHITESPACE = str.maketrans("\t\n\r", "   ")
# A desk's extension: "Officer: D. Greatorex ext 4417" (not "ext 28 days").
_EXTENSION = re.compile(
    r"(?i:\bext[n.]?)[ \t]*(\d{3,5})"
    r"(?![\w/:]|[.,]\d|[ \t]+(?i:days?|weeks?|wks?|hrs?|hours?|months?|mths?|years?|yrs?)\b)"
)


# What is extended in time, just before "ext": "Lease ext 2027", "Bail: ext 2027", "AVO ext
# 2027"; not "Helpline ext 4417", "Ring Kath on ext 2045".
_EXTENDED = re.compile(
    r"(?i)\b(?:visa|lease|respite|contract|tenancy|order|leave|term|stay|loan|deadline|bail|avo"
    r"|dvo|ivo|fvro|plan|permit|funding|licen[cs]e|package|placement|agreement|approval|tila"
    r"|payment|support|due\s+date|date|time|extension)[ \t]*[:\-–(]?[ \t]*\Z"
)


_A_DATE_AFTER_A_BREAK = re.compile(r"[/.]\d")  # the run's last digits are a date's day


def phones(text: str, taken: list[tuple[int, int]]) -> list[Hit]:
    """Phone numbers anywhere in ``text``, except runs already ``taken`` by another detector."""
    hits: list[Hit] = []
    for run in _PHONE_RUN.finditer(text):
        start, end = run.span()
        if any(s <= start and end <= e for s, e in taken):
            continue
        window = run[0].translate(_WHITESPACE).replace("&nbsp;", "      ")  # same length
        if window[0] == "(" and not _AREA_CODE.match(window):  # "(0412 345 678)": prose
            window, start = window[1:], start + 1
        if window[-1] == ")" and window.count("(") < window.count(")"):
            window, end = window[:-1], end - 1
        if "\n" in run[0] and _A_DATE_AFTER_A_BREAK.match(text, run.end()):
            continue  # "… 2914673\n12/02/2026": a number ending a line, then a date's day
        if sum(ch.isdigit() for ch in window) <= 13 and is_phone(window):
            hits.append(hit(start, end, "phone"))
            continue
        if sum(ch.isdigit() for ch in window) > 13:  # numbers side by side: let the library split
            import phonenumbers

            for m in phonenumbers.PhoneNumberMatcher(window, "AU", phonenumbers.Leniency.VALID):
                if not _service(m.number):
                    hits.append(hit(start + m.start, start + m.end, "phone"))
    hits += [hit(*m.span(), "phone") for m in _LOCAL_LANDLINE.finditer(text)]
    for m in _SPACED_DIGITS.finditer(text):  # "0412 345 678 0433 222 111", however long
        hits += [hit(m.start() + a, m.start() + b, "phone") for a, b in _side_by_side(m[0])]
    if "\n" in text:  # a table's phone, then the next row's number: each line alone too
        hits += [h for h in phones_by_line(text, 0)
                 if not any(s <= h.start and h.end <= e for s, e in taken)]
    return hits


def extensions(text: str) -> list[Hit]:
    """A desk's extension after its cue ([phone])."""
    return [hit(*m.span(1), "phone") for m in _EXTENSION.finditer(text)
            if not (_A_YEAR.fullmatch(m[1]) and _EXTENDED.search(
                text, max(0, m.start() - 24), m.start()
            ))] if (  # "Lease ext 2027" is when; "Housing Support ext 4471" a desk
        "xt" in text or "XT" in text
    ) else []


def scanned_mobiles(text: str) -> list[Hit]:
    """Mobiles with a letter O for a zero, as a scanner reads them ("O427 OO9 318")."""
    return [hit(*m.span(), "phone") for m in _SCANNED_MOBILE.finditer(text)
            if sum(ch.isdigit() for ch in m[0]) >= 5]


# A mobile as a scanner reads it, a letter O for a zero: "O427 OO9 318".
_SCANNED_MOBILE = re.compile(
    r"(?<![\w])[0Oo]4[0-9Oo]{2}[ \-]?[0-9Oo]{3}[ \-]?[0-9Oo]{3}(?![\w])"
)


def phones_by_line(run: str, start: int) -> list[Hit]:
    """The phones in text read one line at a time, each line's numbers apart
    ("1<TAB>0412345678<TAB>3", "0400 999 888 - 2"): a run of digits crossing lines is none."""
    hits, at = [], start
    for line in run.split("\n"):
        for m in _LINE_PHONE.finditer(line):
            a, b = m.span()
            if line[a] == "(" and not _AREA_CODE.match(line, a):
                a += 1  # "(0412 345 678)": the brackets are the sentence's
            if line[b - 1] == ")" and line.count("(", a, b) < line.count(")", a, b):
                b -= 1
            if is_phone(line[a:b]):
                hits.append(hit(at + a, at + b, "phone"))
        if sum(ch.isdigit() for ch in line) > 13:  # side by side, by spaces
            hits += [hit(at + a, at + b, "phone") for a, b in _side_by_side(line)]
        at += len(line) + 1
    return hits


_SPACED_DIGITS = re.compile(r"(?<![\d\-])\d(?:[ \-]?\d){13,60}(?![\d\-])")


def _side_by_side(line: str) -> list[tuple[int, int]]:
    """Phones written one after the other with only spaces between ("0412 345 678 0433 222
    111"), which no library splits: the digit groups taken in turn, ten digits at a time."""
    spans: list[tuple[int, int]] = []
    groups = [m.span() for m in re.finditer(r"\d+", line)]
    i = 0
    while i < len(groups):
        a0, b0 = groups[i]
        if line[a0] != "0" or b0 - a0 < 2:
            i += 1  # a phone here starts with its 0 and a group of two or more digits
            continue
        total, j = 0, i
        while j < len(groups) and (j == i or line[groups[j - 1][1] : groups[j][0]] in (" ", "-")):
            total += groups[j][1] - groups[j][0]
            if total >= 8 and is_phone(line[groups[i][0] : groups[j][1]]):
                spans.append((groups[i][0], groups[j][1]))
                break
            if total > 12:
                break
            j += 1
        i = j + 1 if spans and spans[-1][0] == groups[i][0] else i + 1
    return spans


_LINE_PHONE = re.compile(r"(?<![\d+])(?:\+ ?)?\(?\d(?:[ .\-()]{0,2}\d){7,13}\)?(?!\d)")


def is_phone(candidate: str) -> bool:
    """A valid number for its region (AU unless it starts with + and another country code), or
    one shaped like an Australian mobile in a range not yet allocated; never a 13/1300/1800
    service number."""
    digits = _NOT_DIGIT.sub("", candidate)
    if candidate.lstrip("(").startswith("+"):
        if not digits.startswith("61"):
            return _is_foreign_phone(candidate, possible=True)
        national = digits[2:].removeprefix("0")  # "+61 (0)412..."
    elif digits.startswith("00"):
        return _is_foreign_phone(candidate)
    else:
        national = digits.removeprefix("0")
    if not 8 <= len(national) <= 10 or national.startswith(("13", "18")):
        return False  # too short or long, or a 13/1300/1800 service
    import phonenumbers

    # Built directly from the digits: the library's parse costs twice its validation.
    number = phonenumbers.PhoneNumber(country_code=61, national_number=int(national))
    if phonenumbers.is_valid_number(number):
        return True
    mobile = phonenumbers.PhoneNumberType.MOBILE
    return phonenumbers.is_possible_number_for_type(number, mobile) and national[0] == "4"


def _service(number: PhoneNumber) -> bool:
    """A toll-free or shared-cost number (13/1300/1800 here): a service's, not a person's."""
    from phonenumbers import PhoneNumberType, number_type

    return number_type(number) in (PhoneNumberType.TOLL_FREE, PhoneNumberType.SHARED_COST)


def _is_foreign_phone(candidate: str, *, possible: bool = False) -> bool:
    import phonenumbers

    try:
        number = phonenumbers.parse(candidate, "AU")
    except phonenumbers.NumberParseException:
        return False
    # After "+", possible is enough: a number abroad may be in a range the library does not know.
    check = phonenumbers.is_possible_number if possible else phonenumbers.is_valid_number
    return check(number) and not _service(number)


# --- ID numbers --------------------------------------------------------------------------------

_MEDICARE = re.compile(  # 4-5-1 as printed on the card (or 4-3-3), then the person's number
    r"(?<![\d:])(?<!\d[.\-])[2-6]\d{3}[ \t.\-]?(?:\d{5}[ \t.\-]?\d|\d{3}[ \t.\-]?\d{3})"
    r"(?:[ \t\-/]?\d|[ \t]?/[ \t]?\d)?(?![\w:])",  # the issue number: "1-2", "1 / 2"
    re.ASCII,
)
# Grouped 4-5-1 as the card prints it, which no phone or account is, whatever its check digit.
_MEDICARE_CUE = re.compile(r"(?i)\bmedicare\b")
_AS_ON_THE_CARD = re.compile(r"\d{4} \d{5} \d(?:[ \t\-/]?\d|[ \t]?/[ \t]?\d)?")
_CRN = re.compile(
    r"(?<!\d)(?<!\d[.\-])\d{3}[ \t.\-]?\d{3}[ \t.\-]?\d{3}(?:[ \t.\-]?[A-Z]|[a-z])(?!\w)", re.ASCII
)
_NINE = re.compile(  # 8 or 9 digits, grouped any way: a TFN or a CRN without its letter
    r"(?<![\w$.,/\-])\d{3}[ \t.\-]?\d{3}[ \t.\-]?\d{2,3}(?![\w/]|[.,\-]\d)", re.ASCII
)
_TFN_CUE = re.compile(
    r"(?:\btfn|\bt\.f\.n\.?|\btax\s+file(?:\s+(?:number|no\.?|num|#))?)"
    r"[\s:#=.\-]*(?:(?:is|was|of)\s+)?\Z",
    re.IGNORECASE,
)
_CRN_CUE = re.compile(
    r"(?:\bcrn|\bcustomer\s+reference(?:\s+(?:number|no\.?))?)[\s:#=.\-]*(?:(?:is|was)\s+)?\Z",
    re.IGNORECASE,
)


_STATES = r"(?:QLD|NSW|VIC|SA|WA|TAS|NT|ACT)\s*"
# After its cue, any number of the kind is replaced, whatever its check digit says ("Medicare
# 4309 31852 1" with a typo is still someone's card): passports, licences, Medicare, accounts.
_CUED_ID = re.compile(
    r"\b(?P<cue>medicare(?:\s+(?:card|no\.?|number|#))?"
    r"|passport(?:\s+(?:no\.?|number|#))?"
    r"|(?:driver'?s?\s+)?licen[cs]e(?:\s+(?:no\.?|number|#))?|d/?l"
    r"|(?:visa|account|acct|card|client|customer|ihi|bond|ref(?:erence)?)\s+(?:no\.?|number|#)"
    r"|tax\s+agent(?:\s+(?:no\.?|number|#))?(?=[\s:#.]+\d)"  # "tax agent 25 118 043"
    r"|bsb|(?:naati|interpreter)(?:\s+(?:no\.?|number|#))?(?=[\s:#.]+\d{5}\b|[\s:#.]+\d{6})"
    r")[\s:#.=\-(]*(?:(?:is|was)\s+)?"
    r"(?:\(?(?:QLD|NSW|VIC|SA|WA|TAS|NT|ACT)\)[\s:]*)?"  # "licence (QLD): 089 117 442"
    rf"(?P<id>(?:{_STATES})?(?:DL\s*)?(?:[A-Z]{{1,2}}[ \t]?\d(?:[ \t\-]?\d){{3,13}}"
    r"|\d(?:[ \t\-]?\d|[/.]\d){5,13}|(?<=naati )\d{5}|(?<=interpreter )\d{5})"
    r"(?:-(?-i:[A-Z]{1,3})(?![\w\-])|[A-Z])?)(?![\w])",  # any case: "NAATI 72841"; a weapons
    # licence's "40-336127-QW"
    re.IGNORECASE,
)


# A licence or permit number a few words after its cue: "Learner licence number for the
# program: K 304 772", "the nan's licence too, as a backup supervisor: 7 443 018", "permit number
# she gave is 0 4471 8823", "her own licence now (P2, 2093 3817)".
_CUED_ID_LATER = re.compile(
    r"\b(?i:licen[cs]e|permit|passport)(?:[ \t]+(?i:no\.?|number|#))?"
    r"(?:,?(?:[ \t]+[\w'’]+,?){1,7}[ \t]*(?::|\b(?i:is|was)\b)|[ \t]+(?i:now))"
    r"[ \t]*(?:\((?:[A-Z]{1,2}\d?,[ \t]*)?)?"
    r"(?P<id>(?:(?:QLD|NSW|VIC|TAS|ACT|[A-Z]{1,2})[ \t]?)?\d(?:[ \t\-]?\d){5,13})(?![\w])"
)


def later_cued_ids(text: str) -> list[Hit]:
    """Licence and permit numbers a few words after their cue (``_CUED_ID_LATER``)."""
    return [
        hit(m.start("id"), m.end("id"), "id") for m in _CUED_ID_LATER.finditer(text)
        if not DATE.fullmatch(m["id"]) and not _dated(m["id"].replace("-", " ")) and not (
            _a_service_line(re.sub(r"\D", "", m["id"]))
        )  # not "the licence help line is 13 77 88", "permit period is 2024-2026", "0930 1030"
    ]


# Before a phone-shaped number, the letters or the zero of an ID it belongs to: "event E 420 551
# 708", "Expiation notice no.: EN 0417 338 912", "Customer number: DOT 5518 2209".
_ID_PREFIX_BEFORE = re.compile(
    r"(?i:\b(?:number|no\.?|num|event|licen[cs]e|permit|ref|reference|badge|notice|customer))"
    r"[ \t]*[:#]?[ \t]*(?P<prefix>[A-Z]{1,3}|0)[ \t]\Z"
    r"|\((?P<zero>0)[ \t]\Z"
    r"|(?<![\w\-])(?P<camel>[A-Z][a-z][A-Z])[ \t]\Z"  # "CoE 0384 4417 62": the paper's letters
)


def id_prefixes(text: str, hits: list[Hit]) -> list[Hit]:
    """A number's hit again from the letters or zero before it, as one ID (see above)."""
    found = []
    for h in hits:
        m = _ID_PREFIX_BEFORE.search(text, max(0, h.start - 40), h.start)
        if m is not None:
            found.append(hit(m.start(m.lastgroup or "zero"), h.end, "id"))
    return found


# A licence written in groups of letters and digits, its state first: "licence SA 1FV 829".
_LICENCE_GROUPS = re.compile(
    r"(?i:\blicen[cs]e|\bdl)(?:\s+(?i:no\.?|number|#))?[\s:#.=\-]*"
    r"(?:(?:QLD|NSW|VIC|SA|WA|TAS|NT|ACT)\s+)?"
    r"(?P<id>[A-Z0-9]{2,4}(?:[ \-][A-Z0-9]{2,4}){1,2}|[A-Z0-9]{5,9})(?![\w\-])"
)


def cued_ids(text: str) -> list[Hit]:
    """ID numbers after their cue: "passport N4456789", "licence QLD 098 765 432",
    "Medicare 4309 31852 1" (check digit or not), "bond no. 4411239" -- as [ID], or [Medicare]."""
    hits = []
    for m in _CUED_ID.finditer(text):
        if DATE.fullmatch(m["id"]) or _MONTH_YEAR.fullmatch(m["id"]):
            continue  # "licence 12/05/2031", "Licence: 08/2028 expiry": when it expires
        kind = "medicare" if m["cue"].casefold().startswith("medicare") else "id"
        hits.append(hit(m.start("id"), m.end("id"), kind))
    hits += later_cued_ids(text)
    for m in _LICENCE_GROUPS.finditer(text):
        digits = sum(ch.isdigit() for ch in m["id"])
        mixed = any(_MIXED(g) for g in m["id"].split())  # "1FV 829", not "12 MAR 2025"
        if digits >= 3 and mixed:
            hits.append(hit(m.start("id"), m.end("id"), "id"))
    return hits


# A Medicare provider number, with or without its cue: six digits, the practice's character and
# a check letter ("prov. 3318206B", "Dr F. Appiah 2744915L").
_PROVIDER_NUMBER = re.compile(r"(?<![\w\-/])\d{6}[0-9A-Z][A-HJ-NP-Z](?![\w\-/])")
# A doctor or a provider's cue before it, not a reading's unit ("1200000W").
_A_DOCTOR_BEFORE = re.compile(
    r"(?i)\b(?:prov|provider|prescriber|dr|doctor|gp|consultant|surgeon|registrar|resident"
    r"|specialist|physician|\w+ologist|\w+iatrist|\w+ician|anaesthetist|trainee)\b"
)
# Words of an ID number's cue ("passport", "licence", "Medicare", "account no.", "DL").
ID_CUES = word_set(
    "medicare passport licence license dl d visa account acct card client customer ihi bond ref "
    "reference bsb permit naati cpn interpreter agent"
)


def id_numbers(text: str, keys: Collection[str] | None = None) -> list[Hit]:
    """Medicare numbers (valid check digit), CRNs (9 digits and a letter, or after "CRN"), and
    tax file numbers (after "TFN"/"tax file number", or 9 digits with a valid checksum)."""
    hits = [hit(*m.span(), "medicare") for m in _MEDICARE.finditer(text)
            if medicare_valid(m[0]) or (_AS_ON_THE_CARD.fullmatch(m[0]) and _MEDICARE_CUE.search(
                text, max(0, m.start() - 80), m.start()))]
    if keys is None or not ID_CUES.isdisjoint(keys):
        hits += cued_ids(text)
    hits += [hit(*m.span(), "crn") for m in _CRN.finditer(text)]
    hits += [hit(*m.span(), "id") for m in _PROVIDER_NUMBER.finditer(text)
             if _A_DOCTOR_BEFORE.search(text, max(0, m.start() - 40), m.start())]
    for m in _NINE.finditer(text):
        digits = re.sub(r"\D", "", m[0])
        before = text[max(0, m.start() - 40) : m.start()]
        if _TFN_CUE.search(before) or (len(digits) == 9 and tfn_valid(digits)):
            hits.append(hit(*m.span(), "tfn"))
        elif len(digits) == 9 and _CRN_CUE.search(before):
            hits.append(hit(*m.span(), "crn"))
    return hits




# Reference numbers of every other kind (Safe Harbor's "any other unique identifying number"):
# court files, prisoner numbers, case and claim references, accounts. Two ways to know one:
# its shape -- capitals and digits run together, with 5+ digits ("MAG-00481/25", "QH-2209114",
# "N2049188", "BCC2025/1187744"), which no word, date, dose or time has -- or its cue, then a
# number of 5+ digits or letters and 4+ digits ("MIN 643219", "Veteran file QX 40882", "URN
# 1234567", "police event no 24-1188231").
_SHAPED_CODE = re.compile(
    r"(?<![\w/.\-@#<])[A-Z][A-Z0-9]*\d[A-Z0-9]*(?:[\-/][A-Z0-9]+)*"
    r"|(?<![\w/.\-@#<])[A-Z]+(?:[\-/][A-Z0-9]+)+"
)
_CODE_END = re.compile(r"[\w\-/]|\.\w")
# A national training course's code before its name: "CHC32015 Certificate III".
_COURSE_CODE = re.compile(  # the training packages' letters: community services, business, …
    r"(?:CHC|BSB|SIT|CPC|HLT|ICT|FSK|TLI|AHC|MEM|SIR|CUA|FNS|UEE|AUR|RII|MSF|TAE|SHB|ACM|PUA)\d{5}"
)
_COURSE_AFTER = re.compile(r" (?:Certificate|Diploma|Advanced Diploma)\b")
_REF_CUE = re.compile(
    r"\b(?:ref(?:erence)?|file|case|account|acct|acc|application|claim|matter|docket|warrant|policy"
    r"|contract"
    r"|member(?:ship)?|user|id|min|crn|prisoner|inmate|booking|invoice|receipt|tracking|ticket|ndis"
    r"|participant|order|permit|certificate|serial|urn|mrn|ur|hrn|umrn|provider|infringement|penalty"
    r"|passport|(?:police|sapol|vicpol|qps|wapol|afp)\s+report"
    r"|imei|cin|trn|usi|pin|unique\s+student\s+identifier|script|prescription|nmi|dva"
    r"|(?:ses|rfs|cfa|cfs|qfes|dfes|mfs|frnsw)\s+(?:incident|request|task)"  # "RFS incident 24-1"
    r"|job|(?:rates?\s+)?assessment"  # "SES job 22-0228-04117", "Rates assessment A61-221907"
    r"|inv|doc(?:ument)?(?![ \t]+[0-2]?\d[0-5]\d\b)|skip|cpn|naati"  # "inv BT-0412", "doc
    # DMS-44190", "NAATI CPN 7H4Q9 2"; not "appt w doc 0930 Friday" (a time with the doctor)
    r"|immicard|lodgement|redirection|evidence\s+of\s+age(?:\s+card)?|eoa|tis\s+job"
    r"|badge|pager|credential|uuid|wwcc?|working\s+with\s+children(?:\s+check)?"  # a worker's
    r"|no\.(?=\s*[A-Z0-9])"  # "Bond Administrator no. BA 7702618"
    # a worker's code after their title, shaped like a case code: "employee LCMP-00418",
    # "Employee: … No: NWVP-5520" (another letters' code than the group's)
    r"|(?:employee|no)(?=[ \t]*:?[ \t]*[A-Z]{2,6}-[A-Z]?-?\d{3,6}\b)"
    r"|folio|(?:tenant|customer|client|property|owner)\s+code"  # a rental ledger's "OGUN01"
    r"|(?:companion|pension|concession|health\s?care|seniors|gold|white|rsa|rcg|photo)\s+card"
    r"|(?:opal|myki|go\s?card|smartrider|metrocard)(?:\s+card)?"
    r"|(?:report|student|reg|registration|job|meter|lab|prescriber|resident|employee"
    r"|staff|payroll|bond|loan|tenancy|emp|cert|worker|picker)"
    r"(?=\s+(?:no\b|number|num\b|#|id\b))"
    r"|(?:record|patient|hospital|incident|event|grant)(?=\s+(?:no\b|number|num\b|#)))"
    r"(?:\s+(?:no\.?|number|num|#|id|conf(?:irmation)?|ref(?:erence)?)\.?)?"
    r"(?:(?:\s+[a-z]+){1,6}\s*:\s*"
    r"|,[ \t]+(?=[A-Z]{2,4}[ \t](?:\d+[/\-]\d|\d{5}"
    r"|(?:\d+[ \t]){1,3}\d+(?![ \t]*[A-Za-z])(?<=\d{2})))"
    # "registration number, TAS 2025/3318", "Case number, NSW 2025 118204"; not "Case number,
    # NSW 2025 guidelines"
    r"|[\s:#=.\-–—]*(?:\([^()]{1,40}\)[\s:#=.\-–—]*)?(?:(?:is|was)\s+)?)",
    re.IGNORECASE,
)
_CUED_NUMBER = re.compile(
    r"(?P<id>[A-Z]{1,4}[ \-]?\d(?:[ \-/]?\d){3,15}[A-Z]?|\d(?:[ \-/]?\d|\.\d){4,15}[A-Z]?(?:-\d\d)?"
    r"|[a-z]\d{5,12}"  # "student ID s3812345"
    r"|[0-9a-f]{8}(?:-[0-9a-f]{4}){1,4}(?:-[0-9a-f]{12})?"  # "UUID: 7f3a91c2-6b04"
    r"|\d{4}(?![\-/]\w)"  # "Employee ID: 0047" (only after a worker's cue, below)
    r"|[A-Z0-9]+(?:[/\-][A-Z0-9]+)+"  # "2024/HCS/08163"
    r"|(?=[a-z0-9.]*_)(?=[a-z_.]*\d)[a-z][a-z0-9_.]{3,30}[a-z0-9]"  # a handle: "ID gwm_sz1986"
    r"|(?=[A-Z]*\d[A-Z]*\d)(?=\d*[A-Z]\d*[A-Z])[A-Z0-9]{5,16}(?: \d(?![\w/]))?)(?![\w/])"
    # "EGOF9TB7X2", "7H4Q9 2" (a check digit)
)
_A_CASE_CODE = re.compile(r"[A-Z][A-Z0-9]{0,7}-[0-9]{1,6}")
_CENTS = re.compile(r"\d{1,7}\.\d\d")
_MONEY_CUE = re.compile(r"(?i)invoice|receipt|claim|bond|loan|penalty|infringement|payment")
_EXPIRY_CUE = re.compile(
    r"(?i)licen[cs]e|card|passport|permit|certificate|cert|visa|wwc|credential|immicard|badge"
)
_MONTH_YEAR = re.compile(r"(?:0?[1-9]|1[0-2])/(?:19|20)\d\d")
_A_YEARS_SPAN = re.compile(r"(?:19|20)\d\d[/\-–](?:\d\d|(?:19|20)\d\d)")  # "2025/26"
_A_NUMBERS_CUE = re.compile(r"(?i)\b(?:id|no|number|num|ref(?:erence)?|policy)\b|#")
# Before "no.", a number that is no one's: an organisation's, a bus's, a room's.
_NOBODYS_NO = re.compile(
    r"(?i:\b(?:abn|acn|arbn|bus|route|room|ward|bed|level|flight|platform|gate|lot|page|unit"
    r"|line|tram|train|service|version|question|item|catalogue|meeting|step|part|section"
    r"|clause|chapter|issue|edition|week|session))\s*\Z"
)
_MIXED = re.compile(r"(?=.*[A-Z])(?=.*\d)").match  # letters and digits both
REF_CUES = word_set(
    "ref reference file case account acct acc application claim matter docket warrant policy "
    "member membership id min crn prisoner inmate booking invoice receipt tracking ticket ndis "
    "contract "
    "participant order permit certificate serial urn mrn ur hrn umrn record patient hospital "
    "incident "
    "provider infringement penalty passport report "
    "event grant imei cin trn usi pin identifier opal myki gocard card smartrider metrocard "
    "student reg "
    "registration script prescription nmi meter dva companion pension concession healthcare "
    "seniors job lab prescriber resident rsa rcg photo employee staff payroll bond loan tenancy"
    " immicard lodgement redirection evidence eoa tis no emp cert assessment badge credential uuid"
    " worker picker"
    " wwc wwcc working folio code user pager inv doc document skip cpn"
)
# A system's acronym, then a number of 6+ digits: "ICMS 1234567", "QCS number 1234567" (an
# organisation's ABN or ACN, a state and postcode, a service's 13 or 1800 number are no one's).
_ACRONYM_NUMBER = re.compile(
    r"(?=[A-Z]{2})(?<![\w/])(?P<cue>[A-Z]{2,6})(?:\s+(?:no\.?|number|num|#|ID|id|ref))?[\s:#.\-]*"
    r"(?P<id>\d(?:[ \-/]?\d){5,15})(?![\w/])"
)
_NOT_A_PERSONS_NUMBER = lexicon.STATES | word_set(
    "abn acn arbn po tis nrs gpo lot dp aud au nz usd gst rrp ytd eft kms km odo otp isbn issn "
    "hrs pts yp fy ph tel fax mob gl cc kpi"
)
_YEARS_OR_HOURS = re.compile(
    r"(?:19|20)\d\d(?:\s?[-/–]\s?|\s)(?:\d\d|(?:19|20)\d\d)"
    r"|(?:[01]\d|2[0-3])[0-5]\d(?:\s?[-–]\s?|\s)(?:[01]\d|2[0-3])[0-5]\d"
    r"|\d\d? \d\d? (?:19|20)?\d\d"  # "14 05 2025"
    r"|(?:19|20)\d\d[ \-/.]\d\d?[ \-/.]\d\d?"  # "2025 03 14"
    r"|(?:(?:[01]\d|2[0-3])[0-5]\d[ \-–]?)+"  # "0800-1600 0900-1700"
    r"|(?:19|20)\d\d(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])"  # "20250312"
)


def _dated(number: str) -> bool:
    """Years, hours or a date written without their usual separators."""
    return _YEARS_OR_HOURS.fullmatch(number) is not None


def _a_service_line(digits: str) -> bool:
    """A 13 number, a 1300 or 1800 number, or a mobile: a phone, not an ID."""
    return (len(digits) == 6 and digits.startswith("13")) or (
        len(digits) == 10 and digits.startswith(("1300", "1800", "04"))
    )
_TIMES_OR_YEARS = re.compile(
    r"(?:(?:[01]\d|2[0-3])[0-5]\d[ \-]?)+|(?:(?:19|20)\d\d[ \-]?)+"
)
# Numbers no date, amount or phone is written as: a card's 16 digits in fours ("Opal 3085 2200
# 1234 5678"), 13 to 19 digits run together (an IMEI, a card), "L17 2025-0418-7731" (three fours),
# "event E 84471902" (a letter and 7+ digits), "blue card 1122873/2" (an issue after a slash),
# "prisoner 26104A", "provider no. 2448391T" (a letter after 5+ digits), "badge #44812".
_OTHER_NUMBER = re.compile(
    r"(?=[\d#A-Z])(?:"  # (the lookahead first: most characters start none of these)
    r"(?<![\w.\-/$])(?:\d{4}(?:[ \-]\d{4}){2}[ \-]\d{3,4}(?:[ \-]?\d{1,3})?|\d{4} \d{6} \d{5}"
    r"|\d{13,19})(?![\w\-/]|\.\d)"  # cards and devices: fours, an Amex, 13-19 digits
    r"|(?<![\w/.\-$])(?:\d{4}(?P<sep>[ \-/.])\d{4}(?P=sep)\d{4}(?![ \-/.]\d)"
    r"|(?P<letter>[A-Z]) (?P<digits>\d{7,12})"
    r"|\d{6,} ?/ ?\d{1,2}"
    r"|\d{5,}[AC-FHJNP-UX-Z])(?![\w/\-]|\.\d)"  # not a unit: 20000L, 1200000W, 500000V
    r"|(?<![\w&<])# ?\d{5,6}(?!\w)"
    r")"
)
_COUNTED = re.compile(r"(?i:\b(?:top|room|rm|unit|flat|level|no|number)\s*)\Z")  # "Room #1204"
_IP_GATE = re.compile(r"\d\.\d{1,3}\.\d{1,3}\.\d").search
_IPV4 = re.compile(r"(?<![\w.])(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})(?![\w]|\.\d)")


def _an_ip_address(text: str, m: re.Match[str]) -> bool:
    """Four numbers to 255 with dots, after "IP" or with two of three digits ("203.45.118.22"),
    not a version or a clause ("Version 10.12.4.1", "clause 10.2.14.3")."""
    octets = [m[k] for k in range(1, 5)]
    if not all(int(o) <= 255 for o in octets):
        return False
    cued = _IP_CUE.search(text, max(0, m.start() - 25), m.start()) is not None
    return cued or sum(len(o) == 3 for o in octets) >= 2


_IP_CUE = re.compile(r"(?i)\bip\b|\blogged in from\b|\bip address\b")


# A long run of letters and digits mixed, as machines make them: crypto wallets ("bc1q9x7f…",
# "0x7a3F9c21…", "TXk92mLr…", or shortened "0x7a3F…0D1e"), tracking and transaction numbers.
_OPAQUE = re.compile(
    r"(?<![\w/.@\-])(?=(?:[A-Za-z]*\d){3})(?=(?:\d*[A-Za-z]){3})[A-Za-z0-9]{20,100}(?![\w/@\-])"
    r"|\b0x[0-9a-fA-F]{3,10}(?:…|\.\.\.)[0-9a-fA-F]{3,10}\b"
)
_OPAQUE_GATE = re.compile(r"[A-Za-z0-9]{20}|0x[0-9a-fA-F]{3}").search
# A bank account: its BSB with the account number after it ("BSB 032-118 account 4471 9036",
# "BSB 923-100 acc 71884026"), or a statement's "035-612 448201337". One identifier, hidden whole.
_BANK_ACCOUNT = re.compile(
    r"\b(?i:bsb)[\s:#]*\d{3}[ \-]?\d{3}(?:(?:[\s,;/]*(?i:acc(?:ount)?|a/c|acct)\.?"
    r"(?:[ \t]*(?i:no\.?|number|#))?[\s:#]*|[ \t]*/[ \t]*)\d(?:[ \-]?\d){4,11})?(?![\w\-])"
    r"|(?:\b(?i:acc(?:ount)?|acct|a/c)\.?[ \t]+)?"  # "acc 062-114 1077 3318"
    r"(?<![\w\-/.])\d{3}-\d{3}[ \t]+\d(?:[ ]?\d){5,10}(?![\w\-/.])"
    r"|\b(?i:iban)[\s:#]*[A-Z]{2}\d{2}(?:[ ]?[A-Z0-9]{2,4}){3,8}(?![\w\-])"  # "IBAN GB29 NWBK …"
)


_BANKISH = re.compile(r"(?i:bsb|iban)|\d{3}-\d{3}[ \t]+\d").search
# A BSB in its own cell of a payments table whose header names the BSB: "| 105-900 |".
_A_BSB_HEADER = re.compile(  # "BSB" a cell of its own: not "… | BSB for payments on the form |"
    r"(?im)^(?:.*[|,\t])?[ \t]*BSB[ \t]*(?:[|,\t].*)?$"
).search
_BSB_CELL = re.compile(r"(?<=[|,\t])[ \t]*(\d{3}-\d{3})[ \t]*(?=[|,\t]|$)", re.M)


# An account's or a card's last digits: "Your nominated account ends in ...6220", "card ending
# 4417" (Safe Harbor's account numbers, shown in part).
_ENDING_IN = re.compile(
    r"(?i:\b(?:account|acct|a/c|card)\b[^\n.]{0,40}?\bend(?:s|ing)(?:[ \t]+(?:in|with))?[ \t:]*)"
    r"(?P<id>(?:\.{2,}|…|[xX*•]{2,})?[ \t]?\d{3,4})(?![\d/.:]\d|\d)"
)


# A card or phone number with some of its digits masked: "4532 •••• •••• 7781", "0477 ••• 021",
# "XXXX-XXXX-XXXX-1234": the digits shown still say whose it is.
_MASK_GATE = re.compile(r"[•●∗·]{2}|\*{3}|[xX]{4}").search
# A mask is bullets, three stars or more (two are Markdown's bold: "** 450 **"), or four x's.
_MASKED = re.compile(
    r"(?<![\w•●∗*·])(?=[\d•●∗*·xX \-]*\d)(?:\d{2,6}|[•●∗·]{2,6}|\*{3,6}|[xX]{4})"
    r"(?:[ \-](?:\d{2,6}|[•●∗·]{2,6}|\*{3,6}|[xX]{4})){1,4}(?![\w•●∗*·])"
)
_A_LONG_MASK = re.compile(r"[•●∗·]{3}|\*{3}").search  # "••• 882", "04** *** 219"
_A_MASKED_MONTH = re.compile(r"\d\d? [xX]{4} (?:19|20)\d\d")  # "12 XXXX 2021": a date


def _masked_numbers(text: str) -> list[Hit]:
    """Numbers with masked groups and 4+ digits still shown ("4532 •••• •••• 7781")."""
    return [
        hit(*m.span(), "id") for m in _MASKED.finditer(text)
        if (sum(ch.isdigit() for ch in m[0]) >= 4 or (
            sum(ch.isdigit() for ch in m[0]) >= 3 and _A_LONG_MASK(m[0])
        )) and not m[0].replace(" ", "").replace(
            "-", "").isdigit() and not _A_MASKED_MONTH.fullmatch(m[0])
    ]


# A tribunal's or a court's file, or a JP's number, after its cue: "Matter number: GAA 1187 of
# 2025", "Matter: NTCAT 2025-0411", "JP number NT-JP 3318", "File: SACAT 25/0412".
_MATTER = re.compile(
    r"(?i:\b(?:matter|file|case|application|proceedings?|appeal|jp)(?:[ \t]+(?:number|no\.?|#))?"
    r"[ \t]*[:#]?[ \t]*)"
    r"(?P<id>[A-Z]{1,6}(?:-[A-Z]{1,4})?[ \t\-]?\d{3,6}(?:[ \t]+of[ \t]+(?:19|20)\d\d|/\d\d)?"
    r"|[A-Z]{2,6}[ \t](?:19|20)?\d\d[\-/]\d{3,5})(?![\w/\-])"
)


_AN_ACRONYMS_YEAR = re.compile(r"[A-Z]{1,6}(?:-[A-Z]{1,4})?[ \t\-]?(?:19|20)\d\d")


def reference_codes(text: str, keys: Collection[str] | None = None) -> list[Hit]:
    """Other reference numbers, by shape anywhere and by cue ([ID])."""
    hits = [hit(*m.span(), "id") for m in _BANK_ACCOUNT.finditer(text)] if _BANKISH(text) else []
    if ("BSB" in text or "bsb" in text) and _A_BSB_HEADER(text):  # "emp_no,name,bsb,account"
        hits += [hit(*m.span(1), "id") for m in _BSB_CELL.finditer(text)]
    hits += [hit(*m.span("id"), "id") for m in _MATTER.finditer(text)
             if not _AN_ACRONYMS_YEAR.fullmatch(m["id"])]  # not "Proceedings: AVO 2024"
    if _MASK_GATE(text):
        hits += _masked_numbers(text)
    if "end" in text:
        hits += [hit(*m.span("id"), "id") for m in _ENDING_IN.finditer(text)
                 if not _A_YEAR.fullmatch(m["id"])]  # "the account ends in 2027": a year
    if _OPAQUE_GATE(text):
        hits += [hit(*m.span(), "id") for m in _OPAQUE.finditer(text)]
    hits += [hit(*m.span(), "id") for m in _CODE_IN_ANOTHER_SCRIPT.finditer(text)]
    hits += [hit(*m.span(), "id") for m in _SITE_CODE.finditer(text)
             if not _A_YEAR.fullmatch(m["n"] or m["n2"])  # "KI-PALM-0117", "AE-4403-QLD"
             and not _A_THINGS_CODE_BEFORE.search(text, max(0, m.start() - 24), m.start())
             and not (_THE_BEFORE.search(text, max(0, m.start() - 5), m.start())
                      and _A_THINGS_NOUN_AFTER.match(text, m.end()))]
    hits += [hit(*m.span(), "id") for m in _LETTERED_CODE.finditer(text)
             if sum(ch.isdigit() for ch in m["digits"]) >= 6 and not _dated(m["digits"])
             and not DATE.fullmatch(m["digits"])
             and not _A_SERVICES_NUMBER.match(m["digits"])  # "SA-NT 1300 650 322 helpline"
             and any(len(g) > 3 for g in re.findall(r"\d+", m["digits"]))]  # "QLD-NSW 112 108"
    for m in _SHAPED_CODE.finditer(text):
        code = m[0]
        if (
            sum(ch.isdigit() for ch in code) >= 5
            and not _CODE_END.match(text, m.end())
            and not _A_CASE_CODE.fullmatch(code)  # a case code, by the product's own shape
            and not (_COURSE_CODE.fullmatch(code) and _COURSE_AFTER.match(text, m.end()))
        ):
            hits.append(hit(*m.span(), "id"))
    if _IP_GATE(text):
        hits += [hit(*m.span(), "id") for m in _IPV4.finditer(text) if _an_ip_address(text, m)]
    if "/" in text:
        hits += _file_numbers(text)
        hits += [hit(*m.span(), "id") for m in _YEAR_FILE.finditer(text)]
    if "-" in text:
        hits += [hit(*m.span(), "id") for m in _HYPHENED.finditer(text)
                 if sum(ch.isdigit() for ch in m[0]) >= 12
                 and not all(_A_YEAR.fullmatch(g) for g in m[0].split("-"))]  # "2024-2025-2026"
        hits += [hit(*m.span(), "id") for m in _TWO_TWO_SIX.finditer(text)]  # "12-26-204417"
    for m in _SMALL_CUED.finditer(text):
        hits.append(hit(*m.span(next(g for g in ("id", "id2", "id3") if m[g])), "id"))
    if keys is not None and not _VETERANS.isdisjoint(keys):
        hits += [hit(*m.span(), "id") for m in _DVA_FILE.finditer(text)]
    long = LONG_NUMBER(text) is not None
    if not long and not _FIVE_DIGITS(text) and not _FOURS(text):
        return hits + _cued_references(text, keys)  # most notes: no number of five digits
    hits += [
        hit(*m.span(), "id") for m in _OTHER_NUMBER.finditer(text)
        if not _TIMES_OR_YEARS.fullmatch(m[0])  # "Meds given 0800 1200 1600 2000"
        and not (m["digits"] and _a_service_line(m["digits"]))  # "T 1300651251": a phone
        and not (m["digits"] and m["digits"].startswith("0") and len(m["digits"]) == 10)
        and not (m[0][0] == "#" and _COUNTED.search(text, max(0, m.start() - 8), m.start()))
    ]
    hits += _bare_runs(text) if long else []
    hits += [hit(*m.span(), "id") for m in _FOUR_GROUPS.finditer(text) if _a_cards_groups(m[0])]
    for m in _ACRONYM_NUMBER.finditer(text) if long else ():
        digits, cue = re.sub(r"\D", "", m["id"]), m["cue"].casefold()
        if cue in _NOT_A_PERSONS_NUMBER or cue in lexicon.english_words() or (
            cue in lexicon.FUNCTION_WORDS or cue in lexicon.WEEKDAYS or cue in lexicon.MONTHS
        ):
            continue  # "ADJOURNED TO 14 05 2025", "CURFEW 1900 0700", "MON-FRI 0900 1700"
        if _a_service_line(digits) or DATE.fullmatch(m["id"]) or _dated(m["id"]):
            continue  # "SHS 2024-25", "YJ 2024/25", "MH 0900-1700", "DATE 20250312"
        if _A_CASE_CODE.fullmatch(text, m.start(), m.end()):
            hits.append(hit(m.start(), m.end(), "id"))  # "ICMS-123456", whole (a registered
            continue  # case code is kept by the caller, who knows the codes)
        hits.append(hit(m.start("id"), m.end("id"), "id"))
    return hits + _cued_references(text, keys)


# A card's or a grant's number in groups of four, thirteen digits or more: "0533 1982 0047 6",
# "8814 2079 3365 1" (a visa grant), "4622 1189 0071 2236".
_FOUR_GROUPS = re.compile(
    r"(?<![\w.,$/\-:#+])\d{4}(?: \d{4}){2,3}(?: \d{1,3})?(?![\w\-/%]|[.,]\d| \d)", re.ASCII
)
# A site's or a scheme's letters in two or more parts, then a number, or a number and a state:
# a worker's, an employer's or a licence's ID ("KI-PALM-0117", "WRL-DG-0419", "AE-4403-QLD").
_SITE_CODE = re.compile(
    r"(?<![\w/.\-@#])(?:[A-Z]{2,5}(?:-[A-Z]{2,6})+-(?P<n>\d{3,6})|[A-Z]{1,4}-(?P<n2>\d{3,6})-[A-Z]{2,4})"
    r"(?![\w\-/])"
)
# What a code of letters and numbers names when it is no one's: a form, a standard, a bus, a
# batch ("Flu vaccine batch PF-FL-2291", "comply with AS-NZS-3000", "Catch the BNE-GC-700 bus").
_A_THINGS_CODE_BEFORE = re.compile(
    r"(?i)(?<!client )(?<!participant )(?<!member )(?<!tenant )(?<!access )(?<!swipe )"
    r"\b(?:form|standard|comply\s+with|bus|route|flight|model|item|batch|template"
    r"|product|part|sku|toner|train|vaccine|product\s+code|part\s+code)[ \t]+\Z"
)
# "the BNE-GC-700 bus": after "the", only what follows says a thing.
_THE_BEFORE = re.compile(r"(?i)\bthe[ \t]+\Z")
_A_THINGS_NOUN_AFTER = re.compile(
    r"(?i)[ \t]+(?:bus|route|service|train|flight|form|standard|model|batch|toner|vaccine|kit"
    r"|cartridge|template|unit|module|course|code\s+of)\b"
)
_A_SERVICES_NUMBER = re.compile(r"1[38]00\b|13[ \t]?\d\d[ \t]?\d\d\b")
# An office's letters joined by a hyphen, then a number in groups: "QLD-COA 2025 118204",
# "BDM-VIC 25-118803", "DCJ-P 1187 3365" (a registry's or a department's reference).
_LETTERED_CODE = re.compile(
    r"(?<![\w/.\-@#])[A-Z]{2,5}-[A-Z]{1,5}[ \t]+(?P<digits>\d+(?:[ \t\-/]\d+){0,3})"
    r"(?![\w/\-]|[.,]\d)"
)
# Cyrillic or Greek capitals run into digits: "ВК-204417" (a military ID), "ΑΚ 123456".
_CODE_IN_ANOTHER_SCRIPT = re.compile(  # not "В 2019 году" (in 2019), "С 2020 года"
    r"(?<![\w/.\-])(?:[А-ЯЁЂ-ЏΑ-Ω]{1,4}[\-/]?\d{4,}|[А-ЯЁЂ-ЏΑ-Ω]{2,4} \d{4,}|[А-ЯЁЂ-ЏΑ-Ω] \d{5,})"
    r"(?![\w\-/])"
)


def _a_cards_groups(run: str) -> bool:
    """Not years, clock times or a rising list ("2019 2020 2021 2022", "0800 1200 1600 2000")."""
    groups = run.split()
    return not (
        all(_A_YEAR.fullmatch(g) for g in groups)
        or all(len(g) == 4 and int(g[:2]) < 24 and int(g[2:]) < 60 for g in groups)
        or _a_list_of_numbers(run)
    )


# Seven to twelve digits run together, with no cue: no date, amount, time or phone is written so,
# so it is someone's number (a fund's member number, an account, a claim), with the one to three
# capitals just before it ("AustralianSuper AS 2210984407", "Old fund MS 0418822").
_BARE_RUN = re.compile(
    r"(?<![\w.,$/\-:#+])(?:(?P<pre>[A-Z]{1,3}) )?(?P<id>\d{7,12})(?![\w\-/%]|[.,]\d)"
)
_COUNTED_AFTER = re.compile(  # "1200000 litres", "2500000 Australians", "1500000 AUD": so many
    r"\s*(?i:litres|liters|people|persons|residents|households|dollars|km|kms|kilometres|metres"
    r"|miles|tonnes|hectares|kg|ml|views|downloads|hits|times|visits|units|followers|subscribers"
    r"|likes|steps|points|words|australians|aud|usd|nzd|vnd|idr|php|inr|pkr|rupees?|rupiah|dong"
    r"|pesos?|yuan|baht|shillings?|birr|cents?)\b"
)
# Money or a count just before: "sold the house for 1250000", "Grant of 3500000", "₹1500000",
# "Rp 2500000", "Car kms 1234567" (not "loan account 2210984407": an account's number).
_AMOUNT_BEFORE = re.compile(
    r"(?:[$₹€£¥₫₱]|\b(?i:rp|aud|usd|nzd|vnd|idr|php|inr|kms?|odometer|odo|mileage)\.?)\s*\Z"
    r"|\b(?i:worth|owes?|owed|owing|costs?|population)\s*\Z"
    r"|\b(?i:sold|went|bought|paid|purchased|worth|valued?|costs?|price[ds]?|budget|grant|loan|debt"
    r"|sum|total|amount|salary|income|wages?|population)\b"
    r"(?:\s+(?!(?i:account|acct|number|no|ref|reference|member|id|claim|policy|customer|into|to"
    r"|from|via)\b)[\w']+){0,3}\s+(?i:for|of|at|is|was|about|around|approx\.?|~)\s*\Z"
)
_A_THINGS_NUMBER = re.compile(
    r"(?i:\b(?:batch|lot|sku|product|part|model|isbn|issn|catalogue|item|version|build|barcode"
    r"|apn|upc))\s*(?:no\.?|number|#)?\s*[:\-]?\s*\Z"
)


def _an_amount(text: str, m: re.Match[str], digits: str) -> bool:
    """Money or a count, by a word before or after it ("sold the house for 1250000", "2500000
    Australians") and by its shape: seven digits at most, or round; not "Paid AGL bill for
    4412983310", an account's number."""
    return (len(digits) <= 7 or digits.endswith("000")) and bool(
        _COUNTED_AFTER.match(text, m.end())
        or _AMOUNT_BEFORE.search(text, max(0, m.start() - 40), m.start())
    )


_DAY_MONTH_YEAR = re.compile(r"(?:0[1-9]|[12]\d|3[01])(?:0[1-9]|1[0-2])(?:19|20)\d\d")


# The same in spaced groups: "Infringements: T 7014 88123, T 7014 90217", "nos. 9103 337 182",
# "P 7701 4410 92" (three groups, or two with one of five digits or more; no phone's shape).
_SPACED_RUN = re.compile(
    r"(?<![\w.,$/\-:#+])(?<!\d )(?:(?P<pre>[A-Z]{1,3}) )?"
    r"(?P<id>\d{3,4}(?: \d{2,4}){2}|\d{3,4} \d{5,6}|\d{5,6} \d{3,4})(?![\w\-/%]|[.,]\d| \d)"
)


_GROUPS_SPACED = re.compile(r"\d{3} \d").search


def _spaced_runs(text: str) -> list[Hit]:
    if not _GROUPS_SPACED(text):
        return []
    hits = []
    for m in _SPACED_RUN.finditer(text):
        digits = m["id"].replace(" ", "")
        if _a_list_of_numbers(m["id"]):
            continue
        if not 8 <= len(digits) <= 13 or digits[0] == "0" or _a_service_line(digits) or (
            _TIMES_OR_YEARS.fullmatch(m["id"]) or _dated(digits)
            or _DAY_MONTH_YEAR.fullmatch(digits) or _an_amount(text, m, digits)
            or _A_THINGS_NUMBER.search(text, max(0, m.start() - 24), m.start())
        ):
            continue
        pre = m["pre"]
        if pre is not None and (
            pre.casefold() in _NOT_A_PERSONS_NUMBER or pre.casefold() in _OWN_DETECTORS
        ):
            continue  # "ABN 33 …" is an organisation's; "TFN 123 456 782" the TFN's own detector's
        hits.append(hit(m.start(), m.end(), "id"))
    return hits


_OWN_DETECTORS = frozenset({"tfn", "crn", "dob", "abn", "acn", "bsb"})


def _a_list_of_numbers(run: str) -> bool:
    """Three numbers near one another, rising or falling ("WHODAS 120 115 98", "Step 101 102
    103", "Shift 830 1230 1630"), or one number in thousands ("125 000 000"): no ID's groups
    (not "9103 337 182", nor a TFN's "533 901 662")."""
    groups = run.split()
    if len(groups) < 3:
        return False
    if all(len(g) == 3 for g in groups[1:]) and groups[-1].endswith("00"):
        return True  # thousands
    values = [int(g) for g in groups]
    rising = all(a <= b for a, b in itertools.pairwise(values))
    falling = all(a >= b for a, b in itertools.pairwise(values))
    return (rising or falling) and min(values) > 0 and max(values) <= 2 * min(values) and not (
        tfn_valid("".join(groups))
    )


def _bare_runs(text: str) -> list[Hit]:
    """Long runs of digits that no cue names: lean to hiding (the author can give one back)."""
    hits = _spaced_runs(text)
    for m in _BARE_RUN.finditer(text):
        digits = m["id"]
        if (digits[0] == "0" and len(digits) in (8, 10)) or _a_service_line(digits) or (
            _dated(digits) or _DAY_MONTH_YEAR.fullmatch(digits)
            or _an_amount(text, m, digits)
        ):
            continue
        if _A_THINGS_NUMBER.search(text, max(0, m.start() - 24), m.start()):
            continue  # "batch 3123456721", "model no. 4471902": a product's
        pre = m["pre"]
        if pre is not None and pre.casefold() in _NOT_A_PERSONS_NUMBER:
            continue  # "YTD 1234567", "ABN 33612008471": an amount, an organisation's
        start = m.start("id") if pre is None or pre.casefold() in REF_CUES else m.start()
        hits.append(hit(start, m.end(), "id"))
    return hits


# A tribunal's or court's file: its list's letters, then a number and a year, or a year and a
# number ("QCAT GAA 4412/25", "NCAT SH 25/11223"), one side of four digits or more (not "BP
# 130/80", "ACE 71/100", "FY 2024/25", "Mon 12/03").
_FILE_NUMBER = re.compile(
    r"(?<![\w/.\-])(?P<cue>[A-Z]{1,5}(?:-[A-Z]{1,4})?)[ \-]?(?P<id>\d{2,7}/\d{2,7})(?![\w/]|\.\d)"
)
_NOT_A_FILES_LIST = _NOT_A_PERSONS_NUMBER | word_set(
    "bp fy u lot rm unit no dob am pm xr sr cr mr er la cd hct plus duo forte acr pcr uacr"
)  # "Janumet XR 50/1000 BD" is a dose, "ACR 12/3000" a ratio


# A criminal or protection-order list's letters ("CR 2219/26", "PO 0442/2026") are also a dose's
# or a post box's; with four digits or more, then a year, they are a court's file.
_A_LISTS_LETTERS = word_set("cr po")
_A_FILES_YEAR = re.compile(r"\d{4,7}/(?:[0-3]\d|20[0-3]\d)")


def _file_numbers(text: str) -> list[Hit]:
    hits = []
    for m in _FILE_NUMBER.finditer(text):
        left, right = m["id"].split("/")
        cue = m["cue"].casefold()
        a_list = cue in _A_LISTS_LETTERS and m["cue"].isupper() and _A_FILES_YEAR.fullmatch(m["id"])
        if max(len(left), len(right)) < 4 or _dated(m["id"]) or (
            cue in _NOT_A_FILES_LIST and not a_list
        ) or (
            cue in lexicon.FUNCTION_WORDS or cue in lexicon.WEEKDAYS or cue in lexicon.MONTHS
            or (len(cue) > 3 and cue in lexicon.english_words())  # "ROOM 1204/5"
        ):
            continue
        hits.append(hit(m.start(), m.end(), "id"))
    return hits


# A court's or tribunal's file by its year: "FVO 2024/HB/00318", "2023/00291447" (not
# "2024/25" nor a date).
_YEAR_FILE = re.compile(
    r"(?<![\w/.\-])(?:[A-Z]{2,6}[ \-])?(?:19|20)\d\d/(?:[A-Z]{1,4}/\d{3,8}|\d{5,8})"
    r"(?![\w/]|\.\d)"
)
# Three or more groups of digits joined by hyphens, twelve digits or more: "1400-0102-44718".
_A_YEAR = re.compile(r"(?:19|20)\d\d")
# A complaint's or a claim's number of two, two and five to seven digits (an ombudsman's
# "12-26-204417"; never a date, whose last group is a year of four digits).
_TWO_TWO_SIX = re.compile(r"(?<![\w\-/.])\d{2}-\d{2}-\d{5,7}(?![\w\-/]|\.\d)")
_HYPHENED = re.compile(r"(?<![\w\-/.])\d{3,5}(?:-\d{3,6}){2,}(?![\w\-/]|\.\d)")
# Short numbers that are someone's by their cue: a locker ("locker 114", "Locker L-108"), a
# card's last digits ("CommBank ending 7714"), a sole trader's ABN.
_SMALL_CUED = re.compile(
    r"(?i:\blocker)\s*(?:no\.?|number|#|:)?\s*(?P<id>[A-Z]{0,3}-?[A-Z]?\d{1,5}[A-Z]?)(?![\w/])"
    r"|(?i:\b(?:card|keycard|mastercard|debit|account|acct)\b)[^.\n]{0,25}?"
    r"(?i:\bending)(?:\s+in)?\s+(?P<id2>(?!(?:19|20)\d\d\b)\d{4})(?!\d)"
    r"|(?i:\bstorage\b)[^\n.;]{0,40}?(?i:\bunit)[ \t]*(?:no\.?|#)?[ \t]*"
    r"(?P<id3>[A-Z]{0,2}-?\d{1,5}[A-Z]?)(?![\w/])"  # "Storage unit B-118"
)
# A veteran's file with Veterans' Affairs, its state's letter first: "NX123456", "SX 21804",
# "QX40882"; read where DVA or veterans are named.
_VETERANS = word_set("dva veteran veterans veteran's")
_DVA_FILE = re.compile(
    r"(?<![\w/\-])(?:[NVQSWT][A-Z]{0,2}X ?\d{4,7}|[NVQSWT][A-Z]{0,3} ?\d{5,7})[A-Z]?(?![\w/\-])"
)
_FIVE_DIGITS = re.compile(r"\d{5}", re.ASCII).search
_FOURS = re.compile(r"\d{4}[/.]\d{4}", re.ASCII).search  # "2025/0418/7731"


def _cues(text: str) -> Iterator[re.Match[str]]:
    """Each reference's cue; one whose brackets hold another cue ("account (EnergyAustralia
    acct 7700 3184 226)") gives way to the one inside them."""
    at = 0
    while (cue := _REF_CUE.search(text, at)) is not None:
        yield cue
        inner = cue[0].find("(")
        at = cue.start() + inner + 1 if inner >= 0 else cue.end()


# A person's own registration before its "no.": a JP's, a practitioner's ("JP no. 131 447").
_A_PERSONS_NO = re.compile(
    r"(?i:\b(?:jp|justice\s+of\s+the\s+peace|practising\s+certificate|naati|registration"
    r"|licen[cs]e|member))[ \t]*\Z"
).search
# An invoice's, a receipt's, a document's or a skip's code, shaped like a case code.
_A_THINGS_CUE = re.compile(r"inv|invoice|receipt|doc|document|skip")


def _cued_references(text: str, keys: Collection[str] | None) -> list[Hit]:
    """Reference numbers after their cue: "MIN 643219", "police event no 24-1188231"."""
    hits: list[Hit] = []
    if keys is None or not REF_CUES.isdisjoint(keys):
        for cue in _cues(text):
            m = _CUED_NUMBER.match(text, cue.end())
            if m is None and "(" in cue[0]:  # "USI (B7KQ4MZ9P2)": the number in the brackets
                m = _CUED_NUMBER.match(text, cue.start() + cue[0].index("(") + 1)
            if m is not None and cue[0][:3].casefold() == "no." and (_NOBODYS_NO.search(
                text, max(0, cue.start() - 12), cue.start()
            ) or _dated(m["id"])):
                continue  # "ABN no. 12 345 678 901", "Bus no. 55501", "no. 2024-25 funding"
            if m is None or text[max(0, m.start() - 1) : m.start()] == "$":
                continue
            digits = re.sub(r"\D", "", m["id"])
            if len(digits) < 2:
                continue
            if _a_service_line(digits) and not m["id"][0].isalpha() and not _A_PERSONS_NO(
                text, max(0, cue.start() - 30), cue.start()
            ):
                continue  # a service's phone number (not "badge number 13847", "JP no. 131 447")
            if DATE.fullmatch(m["id"]) or _A_YEARS_SPAN.fullmatch(m["id"]) or (
                _CENTS.fullmatch(m["id"]) and (
                    _MONEY_CUE.search(cue[0]) or not _A_NUMBERS_CUE.search(cue[0])
                )
            ) or (_MONTH_YEAR.fullmatch(m["id"]) and (
                _EXPIRY_CUE.search(cue[0]) or not _A_NUMBERS_CUE.search(cue[0])
            )):
                continue  # "Invoice 1234.50", "Account 1234.50 overdue" are money, "Licence
                # 06/2027 expiry", "Application 03/2025 round" a month, "Contract 2025/26" a
                # financial year; but "Client ID 4471.22", "Policy no. 1/2023" are numbers
            short = len(digits) < 5 and "_" not in m["id"] and (
                not _MIXED(m["id"]) or (_A_CASE_CODE.fullmatch(m["id"])
                                        and not _A_THINGS_CUE.fullmatch(cue[0].strip(" \t:#.")
                                                                        .casefold()))
            )  # "inv BT-0412", "skip SK-0917" are not a case code
            line = text.rfind("\n", 0, cue.start()) + 1
            if short and not (  # "case U1R-001"; but "employee ID PC-0417", "Staff no. 0047",
                # "Employee: Ana Vake (PALM)     No: NWVP-5520"
                len(digits) >= 4 and not _A_YEAR.fullmatch(digits) and (
                    _A_WORKERS_CUE.search(cue[0]) or (
                        _A_NUMBERS_LABEL.match(cue[0])
                        and not _A_CLIENTS_CUE.search(text, max(line, cue.start() - 10), cue.end())
                        and _A_WORKERS_CUE.search(text, line, cue.start()))
                )
            ):  # but "Staff: Jo Worker   Client no: ZK-3701", "said no ZK-3701": a case's
                continue
            hits.append(hit(m.start("id"), m.end("id"), "id"))
    return hits


# Capitals written before a number as part of it: a facility's, a system's or a state's
# letters ("AMC 22-04417", "SAPOL 24-118827", "ZP 0093 1142"), not a word of the sentence.
_ID_PREFIX = re.compile(r"(?<![\w\-/.])([A-Z]{2,6})[ \t\-]\Z")  # "CYP-449 120"
# A cue's or a system's own letters stay, to say what the number is: "IMEI [ID]", "SA [ID]".
_NOT_A_PREFIX = word_set(
    "no num ref id is was dob ph mob tel abn acn crn tfn urn mrn bsb ip icms qcs vin ndis"
)


_AN_INITIAL_BEFORE = re.compile(r"(?<![\w.])[A-Z]\.?[ \t]\Z")


def _says_what_follows(key: str) -> bool:
    """A word ("PLAN", "REGO", "VISA", "SAFE"), a cue or a card's name ("AMEX"): what the number
    is, kept to say so. An agency's letters go with its number ("SAPOL 24-118827")."""
    return key in lexicon.english_words() or key in ID_CUES or key in PLATE_CUES or (
        key in _CARDS
    )


_CARDS = word_set("amex mastercard mc eftpos diners")


# A court's check digit or a part's number written after a file number: "MAG-00418263/25(0)",
# "MLC 4476/2025 (SUB-3)".
_CHECK_DIGIT = re.compile(r"(?: ?\((?:[A-Z]{1,4}-?)?\d{1,2}\)| \([A-Z]{1,4}-?\d{1,2}\))(?![\w(])")


def with_prefix(text: str, h: Hit, kept: Collection[tuple[int, int]]) -> Hit:
    """An ID number with the capitals written just before it ("AMC 22-04417", "SAPOL 24-118827"),
    unless they are a kept service's, a state's or a cue's own ("MIN 643219", "SA 1FV 829"); and
    with a check digit written after it."""
    after = _CHECK_DIGIT.match(text, h.end) if text[h.end : h.end + 1] in " (" else None
    if after is not None and (text[h.end] == "(" or "-" in after[0]):
        h = h._replace(end=after.end())
    prefix = _ID_PREFIX.search(text, max(0, h.start - 7), h.start)
    key = prefix[1].casefold() if prefix is not None else ""
    if key == "cpn" and prefix is not None and text[prefix.end(1) : h.start] == " ":
        return h._replace(start=prefix.start(1))  # NAATI's "CPN 7Q4KD1" is "CPN7Q4KD1" spaced
    if prefix is None or key in _NOT_A_PREFIX or key in REF_CUES or key in lexicon.STATES or any(
        s < prefix.end(1) and prefix.start(1) < e for s, e in kept
    ) or _says_what_follows(key) or _AN_INITIAL_BEFORE.search(
        text, max(0, prefix.start(1) - 3), prefix.start(1)
    ):
        return h  # nor a surname after an initial: "Transfer to R MUDGE 062-000 1234567"
    return h._replace(start=prefix.start(1))


# A booking's reference (an airline's six letters and digits) and a storage unit's padlock code,
# after their cue: "Booking reference: QZT7LM", "booking code for the flight is M4HXWD",
# "padlock 5527", "padlock code 4419".
_BOOKED = re.compile(
    r"(?i:\b(?:booking|reservation|pnr|confirmation)(?:\s+(?:ref(?:erence)?|code|no\.?|number|#))?"
    r"(?:\s+for\s+the\s+\w+)?(?:\s+(?:is|was))?[\s:#\"']*)"  # JSON: "booking": "QFX7TR"
    r"(?P<id>(?=[A-Z]*\d)[A-Z0-9]{6})(?![\w\-/])"
    r"|(?i:\bpadlock(?:\s+(?:code|no\.?|number|#)[\s:#]*|[\s:#]*(?=\d{3,8}\b"
    r"(?!\s+(?:packs?|pk|pcs|pieces|units|boxes)\b))))"  # "Padlock 100 pack": how many
    r"(?P<code>\d{3,8})\b"
    # A password as written down, which so often holds a name and a year ("Oswin1941"): a word
    # with a digit, a symbol or a capital inside it; "password is changed" keeps its word.
    # "pw" is also "per week" ("$380 pw 2wks"): only with a colon or "is" after it; in capitals
    # a capital inside a word tells nothing ("PASSWORD RESET").
    r"|(?:(?i:\b(?:password|passcode|passphrase)(?:\s+(?:is|was))?\s*[:=\-]?\s*)"
    r"|(?i:\bpwd?(?:[ \t]*[:=]|[ \t]+(?:is|was)\b))\s*"  # "pwd" is also people with disability
    r"|(?i:\bpwd?)[ \t]+(?=[A-Za-z]\S*[!@#%^&*_~?=]|[A-Za-z]{3,}\d{2,4}\b))"  # "pw Bluey#2024",
    # "pw hope1991" (not "$380 pw 2wks")
    r"(?P<secret>(?=\S*(?:\d|[!@#$%^&*_+=?~]|[a-z][A-Z]))(?![A-Z]+[.,;:!?]*(?:\s|\Z))"
    r"[^\s,;\"'()<>]{4,40})"
    r"(?<![.,;:!?])"
    # The code that opens someone's gate, door, key safe or card: "Gate code issued: 4417#",
    # "key safe 2290", "her PIN is 0615".
    r"|(?i:\b(?:(?:gate|door|alarm|access|entry|building|intercom|garage|security)\s+(?:code|pin)"
    r"|(?:key\s?safe|lock\s?box|key\s?box)(?:\s+(?:code|pin|combo|combination))?"
    r"|pin(?:\s+(?:code|number|no\.?))?)"
    r"(?:[ \t]*\((?:front|back|side|rear|main|gate|door|unit|room|shed|garage)\))?"
    r"(?:\s+(?:issued|given|is|was|now))?[\s:#=\-]*)"
    r"(?P<access>\d{3,8}(?![\d/.:,]\d)#?)(?![\w/])"
)
# A login after its cue: "Username: kbrooks", "myGov username is tasha_w88" (an address after
# "Apple ID" is an email, found as one). A dictionary word stays: "username reset".
_USERNAME = re.compile(  # "login" alone is also when: "login 10am tmrw"
    r"(?i:\b(?:(?:user\s?name|user\s?id|gamertag)(?:\s+(?:is|was))?\s*[:=\-]?"
    r"|(?:login|log-in)(?:[ \t]*[:=]|[ \t]+(?:is|was|name|id)\b|(?=[ \t]+[a-z][a-z._]*\d)))\s*)"
    r"(?P<id>[A-Za-z0-9][\w.\-]{2,40}\w)(?![\w@])"
)
BOOKING_CUES = word_set(
    "booking reservation pnr confirmation padlock password passcode passphrase pwd pw username "
    "user login gamertag gate door alarm access entry building intercom garage security key "
    "keysafe lockbox keybox pin"
)


# A password said to be a word in capitals, where the cue is not in capitals too: "password
# is FRANGIPANI" (not "PASSWORD IS RESET").
_PASSWORD_IN_CAPITALS = re.compile(
    r"\b(?:[Pp]ass(?:word|code|phrase)|pwd?)[ \t]+(?:is|was)[ \t]*:?[ \t]*"
    r"(?P<id>[A-Z][A-Z0-9!@#$%^&*]{3,39})(?![\w'’])"
)
# What is said of a password in capitals, not the password: "password is WRONG", "was RESET".
_A_PASSWORDS_STATE = word_set(
    "wrong still same also blank unknown case required needed incorrect missing written shared"
    " hacked compromised changed locked expired reset invalid weak correct right fine"
    " saved stored forgotten lost new old not now too okay sensitive working broken valid"
    " updated written attached emailed texted different easy hard long short simple disabled"
    " rejected blocked verified deleted unchanged encrypted suspended cancelled accepted enabled"
    " protected activated deactivated temporary default secure"
)


def _a_passwords_state(word: str) -> bool:
    key = word.casefold()
    return key in _A_PASSWORDS_STATE or key in lexicon.FUNCTION_WORDS  # not "BLESSED", "UNITED"


def _a_codes_year(text: str, m: re.Match[str]) -> bool:
    """ "building code 2024 compliance letter", "pin 2025 calendar": a year before a word, with no
    "is" or colon to say it is the code."""
    if not m["access"] or re.fullmatch(r"(?:19|20)\d\d", m["access"]) is None:
        return False
    cue = text[m.start() : m.start("access")]
    return _A_RULES_CUE.match(cue) is not None and _SAID_TO_BE.search(cue) is None and (
        _A_RULES_WORD.match(text, m.end()) is not None
    )


# What follows a rule's year: "building code 2024 compliance", "access code 2023 policy" (not
# "pin 1991 is her birth year", "security code 1995 for rose's unit": a code, a birth year).
_A_RULES_WORD = re.compile(
    r"[ \t]+(?i:compliance|compliant|polic(?:y|ies)|standards?|updates?|review|regulations?"
    r"|requirements?|calendar|version|edition|changes|amendments?|audit|report|act|rules?"
    r"|upgrade|changeover)\b"
)


_A_RULES_CUE = re.compile(r"(?i:building|security|access|pin)\b")  # not a gate's, a door's
_SAID_TO_BE = re.compile(r"(?i:\b(?:is|was|now|issued|given)\b|[:=#])")


def bookings(text: str) -> list[Hit]:
    hits = [hit(*m.span(next(g for g in ("id", "code", "secret", "access") if m[g])), "id")
            for m in _BOOKED.finditer(text) if not _a_codes_year(text, m)]
    hits += [hit(*m.span("id"), "id") for m in _PASSWORD_IN_CAPITALS.finditer(text)
             if not _a_passwords_state(m["id"])]
    for m in _USERNAME.finditer(text):
        login = m["id"]
        if re.search(r"[\d_.]", login) or (
            login.islower() and login not in lexicon.english_words()
            and login not in lexicon.FUNCTION_WORDS
        ):
            hits.append(hit(*m.span("id"), "id"))
    return hits


# Cues of a number that is a worker's, a student's or a member's own, whatever its shape.
# A number's label of its own, the person's name earlier on the line: "No: NWVP-5520".
_A_NUMBERS_LABEL = re.compile(r"(?i)[ \t]*(?:no\.?|number|#)[ \t]*[:#.]")
_A_CLIENTS_CUE = re.compile(r"(?i)\b(?:client|case|file|customer|tenant|resident)\b")
_A_WORKERS_CUE = re.compile(
    r"(?i)\b(?:employee|emp|staff|payroll|badge|student|member(?:ship)?|agency|worker|licence"
    r"|license|credential|wwcc?|id|pager)\b"
)


# Vehicle registration plates (Safe Harbor's vehicle identifiers) after their cue: "rego EHK
# 92W", "car rego 1XT 4LM", "her car is ABC 2RT", "plates 123 ABC". Without a cue a plate is no
# different from a product code or a room number, and stays.
_PLATE = re.compile(
    r"\b(?:(?:rego|registration|reg)(?:\s+plates?)?|number\s*plates?|numberplates?|plates?"
    r"|(?:car|ute|van|vehicle|truck|motorbike|bike)(?:['’]s)?\s+(?:is|was))"
    r"(?:(?:\s+[a-z]+){1,6}\s*:\s*|[\s:#.=\-(]*(?:(?:is|was|number|no\.?|num)[\s:#.]+)?)"
    r"(?P<id>[A-Za-z0-9]{1,4}(?:[ \-]?[A-Za-z0-9]{1,4}){0,2})(?![\w\-])",
    re.IGNORECASE,
)
# After a bare "car", only a plate as written on it: capitals and digits in two groups.
_PLATE_AFTER_CAR = re.compile(
    r"(?i:\b(?:car|ute|van|vehicle|truck))(?:\s*[:\-–]\s*|\s+)"  # "car ZYM 408", "car: ZYM 408"
    r"(?P<id>[A-Z0-9]{1,4}[ \-][A-Z0-9]{1,4})(?![\w\-])"
)
PLATE_CUES = word_set("rego regos registration reg plate plates numberplate numberplates car cars"
                      " ute utes van vehicle vehicles truck motorbike bike qld nsw vic sa wa tas nt"
                      " act")


_MEASURE = re.compile(r"\d+(?:am|pm|st|nd|rd|th|km|kg|mg|ml|hr|hrs|min|mins|yo|k|m|g|l)", re.I)


def plates(text: str) -> list[Hit]:
    """Registration plates after their cue: 5 to 7 letters and digits, with both, and no
    group a measure ("3km", "10am") or, in lowercase, a word ("rego due 3 May")."""
    from bot.deidentify import lexicon

    hits = []
    state_plates = [
        m for m in _PLATE_AFTER_STATE.finditer(text)
        if _VEHICLE_BEFORE.search(text, max(0, m.start() - 40), m.start())
        and not re.search(r"(?<!\d)\d{4}(?!\d)", m["id"])  # a postcode or a year
    ]
    listed = [  # "Regos in the car park: CP 33 WQ (Cavanough), EL 08 ZS", "ute (S 512 FCT)"
        m for m in _PLATE_IN_LIST.finditer(text)
        if _VEHICLE_BEFORE.search(text, max(0, text.rfind("\n", 0, m.start()) + 1,
                                            m.start() - 80), m.start())
    ]
    for m in [*_PLATE.finditer(text), *_PLATE_AFTER_CAR.finditer(text), *state_plates, *listed]:
        parts = list(_ALNUM.finditer(m["id"]))
        for n in range(len(parts), 0, -1):  # "rego 123 ABC due": two groups, not three
            groups = [p[0] for p in parts[:n]]
            if _a_plate(groups, lexicon.english_words()):
                hits.append(hit(m.start("id"), m.start("id") + parts[n - 1].end(), "id"))
                break
    return hits


_ALNUM = re.compile(r"[A-Za-z0-9]+")
# A plate written as one word in a state's shape, with no cue beside it: NSW and the ACT
# "DKW84T", "YMK37R"; Victoria "1PS7KV"; Queensland "094HXL"; WA "1GVB418"; SA "S482CJX";
# Tasmania "H47LQ"; the NT and older plates "CF47RT", "ABC123". Only where the note is about a
# vehicle (VEHICLE_WORDS), because the same shapes are form and product codes elsewhere.
_BARE_PLATE = re.compile(
    r"(?<![\w\-/.#@])(?P<id>[A-Z]{3}\d{2}[A-Z]|[A-Z]{2}\d{2}[A-Z]{2}|\d[A-Z]{2}\d[A-Z]{2}"
    r"|\d{3}[A-Z]{3}|\d[A-Z]{3}\d{3}|S\d{3}[A-Z]{3}|[A-Z]\d{2}[A-Z]{2}|[A-Z]{3}\d{3}"
    r"|\d{3} [A-Z]{3}(?! [A-Z\d])|(?<![A-Z] )(?!ACT|QLD|NSW|VIC|TAS|AUD|USD|EUR|NZD|GBP|FJD)"
    r"[A-Z]{3} \d{3}(?! ?\d))"  # "white hilux 632 KLM", "KLM 632"; not "ACT 133 427", "AUD 110"
    r"(?![\w\-/]|\.\w)"
)
_UNIT_LETTERS = word_set(
    "am pm mg mcg ml mls km kms kg kgs hr hrs min mins gb mb tb kw kwh mhz kmh kph ltr ltrs amp"
    " amps ah mah psi rpm cc hp nm"
)
# Makers' model and chassis codes in a plate's shape ("Hilux GUN126", "Isuzu NPR300", "Honda
# CRF250", a battery's "N70ZZ"): the letters say so.
_MODEL_CODES = word_set(
    "gdj vdj grj urj uzj hzj fzj kdh kdj trh gun ggn kun lan zre ncp asv acv gsv npr nqr nnr nlr"
    " frr fsr fvr fvz crf drz klx klr gsx yzf rzr ttr xtz cbr zzr kdr exr xr wr"
)
_BATTERY_CODE = re.compile(r"[A-Z]\d{2}ZZ")
VEHICLE_WORDS = word_set(
    "car cars ute utes van vans vehicle vehicles truck trucks sedan hatch hatchback wagon suv 4wd"
    " 4x4 caravan caravans trailer motorbike rego regos registration plate plates numberplate"
    " tow towed towing impound impounded toll tolls linkt etoll e-toll eastlink citylink"
    " driver drivers drove driving parked parking speeding camera dashcam"
    " hilux commodore corolla camry falcon ranger navara triton landcruiser prado patrol"
    " territory x-trail kluger pajero tarago yaris i30 hiace outlander lancer magna barina cruze"
    " astra golf polo cx-5 bt-50 d-max rav4 outback forester impreza civic captiva rodeo"
    " colorado tucson getz accent cerato sportage picanto pulsar micra tiida dualis qashqai"
    " aurion echo jazz kombi transit troopy troopie"
) | lexicon.CAR_MAKES


# Currencies and bodies whose letters come before a number: "PHP 500", "NAB 150", "RSL 100".
_MONEY_OR_BODIES = frozenset(re.findall(
    r"[A-Z]+",
    "AUD USD EUR NZD GBP FJD PHP IDR PGK TOP VND MMK INR CNY JPY KRW THB MYR SGD HKD LKR NPR PKR"
    " BDT WST SBD VUV XPF KES NGN ZAR ETB SDG SOS AFN IRR IQD SYP LBP TRY CAD CHF"
    " NAB ANZ CBA GST ATO NBN RSL BCC RAA RAC NRMA CBD AMP NDIS TAFE",
))
_MONEY_BEFORE = re.compile(
    r"(?i)\b(?:sends?|sent|pays?|paid|owes?|owed|loan|fee|fees|costs?|price|charged?|worth"
    r"|repay(?:ments?)?)\b[^.\n]{0,20}\Z"
)


def bare_plates(text: str) -> list[Hit]:
    """Plates in a state's shape with no cue beside them ("Toyota Prado SA S119BWN",
    "the Mazda is there (DQN52R)"), for notes about a vehicle; not a unit's measure ("500MLS")."""
    hits = []
    for m in _BARE_PLATE.finditer(text):
        plate = m["id"]
        letters = "".join(ch for ch in plate if ch.isalpha())
        if (letters.casefold() in _UNIT_LETTERS and not _A_PLATES_VERB.match(text, m.end())) or (
            re.search(r"(?:19|20)\d\d", plate)
        ) or (
            plate[:3].casefold() in _MODEL_CODES and (_A_MODEL_BEFORE.search(
                text, max(0, m.start() - 30), m.start()) or _A_MODELS_NOUN.match(text, m.end()))
        ) or _BATTERY_CODE.fullmatch(plate) or (
            plate[3:4] == " " and plate[:3].isalpha() and (
                plate[:3] in _MONEY_OR_BODIES
                or _MONEY_BEFORE.search(text, max(0, m.start() - 30), m.start())
            )
        ):
            continue  # a model's code beside its make or model: "The Hilux GUN126", "Isuzu NPR300";
            # an amount or a body's letters: "sends PHP 500 home", "owes GST 100"
        hits.append(hit(m.start("id"), m.end("id"), "id"))
    return hits


# The make or model a model's code follows ("Toyota Hilux GUN126", "an Isuzu NPR300").
_A_MODEL_BEFORE = re.compile(
    r"(?i)\b(?:" + "|".join(sorted(lexicon.CAR_MAKES)) + r"|landcruiser|land cruiser|hilux|prado"
    r"|hiace|rav4|corolla|camry|kluger|navara|triton|ranger|bt-50|d-max|dmax|model|series)\b"
    r"[^.\n]{0,12}\Z"
)
_A_MODELS_NOUN = re.compile(r"[ \t]+(?i:bike|motorbike|truck|ute|van|wagon|engine|model|series)\b")
# What is done to a car, after its plate: "his car RPM456 was clamped", "AMP123, was towed".
_A_PLATES_VERB = re.compile(
    r",?[ \t]+(?:was|is|has been|got)[ \t]+(?:clamped|towed|stolen|impounded|seen|reported"
    r"|booked|fined|parked|found)\b|[ \t]+(?:seen|reported|rego|was[ \t]+towed)\b"
)


# A plate as written with its state, a vehicle said just before: "car (QLD 412 ZXK)", "a white
# hilux SA S 844 CPL" (but "NSW DCJ 2024 report", "Ipswich QLD 4305").
_VEHICLE_BEFORE = re.compile(
    r"(?i)\b(?:car|cars|ute|utes|van|vehicles?|truck|hilux|sedan|wagon|suv|4wd|motorbike|bike"
    r"|drove|drives|driving|parked|regos?|plates?)\b"
)
# Capitals and digits in two or three short groups, as a plate is written: "CP 33 WQ", "742 RHK".
_PLATE_IN_LIST = re.compile(
    r"(?:(?<=[:,;] )|(?<=\())(?P<id>[A-Z0-9]{1,3}(?: [A-Z0-9]{1,3}){1,2})(?![\w\-/])"
)
_PLATE_AFTER_STATE = re.compile(
    r"(?<![\w\-])(?:QLD|NSW|VIC|SA|WA|TAS|NT|ACT)\s+"
    r"(?P<id>[A-Z0-9]{1,4}(?:[ \-][A-Z0-9]{1,4}){0,2})(?![\w\-])"
)


def _lettered(group: str, groups: list[str]) -> bool:
    """ "48M" beside "EJT" in capitals is a plate's half ("EJT 48M"), not 48 metres."""
    return group.isupper() and any(g is not group and g.isalpha() and g.isupper() for g in groups)


def _a_plate(groups: list[str], words: Collection[str]) -> bool:
    plate = "".join(groups)
    return (
        5 <= len(plate) <= 7
        and any(ch.isdigit() for ch in plate)
        and any(ch.isalpha() for ch in plate)
        and not any(_MEASURE.fullmatch(g) and not _lettered(g, groups) for g in groups)
        and not any(re.fullmatch(r"(?:19|20)\d\d", g) for g in groups)  # "car: VW 2011"
        and not any(g.isalpha() and not g.isupper() and g.casefold() in words for g in groups)
        and not (  # "REGO (DUE 30/6)", "rego 2 wks": when it is due; "rego DUE 448" a plate
            any(g.casefold() in _NOT_PLATE_WORDS for g in groups)
            and any(g.isdigit() and len(g) <= 2 for g in groups)
        )
    )


_NOT_PLATE_WORDS = word_set(
    "due mth mths month months wk wks week weeks yr yrs year years day days paid exp expires"
    " expired overdue renew renewed until till"
)


# An Act's title, before its year: "Children and Young People (Safety) Act 2017", "Young
# Offenders Act 1997", "the Residential Tenancies Act 1997 (Qld)". Its words name no one.
_ACT_YEAR = re.compile(r"\bAct(?:[ \t]+\d{4})\b")
_ACT_WORD = re.compile(
    r"(?:(?P<word>[A-Z][a-z'’\-]*)|\([A-Z][\w ]*\)|and|of|for|the|to|in|on|&|,)[ \t]+\Z"
)


def _an_acts_word(word: str) -> bool:
    """A word an Act's title is made of: the words of Australian Acts' titles ("Young", "Bail",
    "Offenders", "Crimes"), or an English word no one is called by, as given name or surname
    ("Tenancies"; not "Phoenix", "Brown", "White", "Court Ellison")."""
    key = word.casefold()
    return key in _ACTS_WORDS or (
        key in lexicon.english_words()
        and key not in lexicon.given_names()
        and key not in lexicon.surnames()
    )


_ACTS_WORDS = word_set(
    """children child young people persons youth justice offenders offender bail crimes crime
    criminal family law care protection safety procedure proceedings mental health residential
    tenancies tenancy domestic violence personal evidence sentencing police powers
    responsibilities corrective correctional services disability inclusion guardianship
    administration housing social security migration privacy information human rights community
    welfare victims support drugs misuse trafficking summary offences road transport firearms
    weapons liquor education commission national insurance scheme aboriginal torres strait
    islander heritage workers compensation fair work discrimination equal opportunity coroners
    court courts magistrates district supreme legal aid commonwealth australian amendment
    oranga tamariki"""
)


def legislation(text: str) -> list[tuple[int, int]]:
    """Where Acts are named (kept): the capitalised words and their small words before "Act"
    and its year, up to twelve words back."""
    spans = []
    for m in _ACT_YEAR.finditer(text):
        start = m.start()
        for _ in range(12):
            word = _ACT_WORD.search(text, max(0, start - 40), start)
            if word is None or (word["word"] and not _an_acts_word(word["word"])):
                break  # "Kayla Nguyen of the Bail Act 2013": the Act is "Bail Act 2013"
            start = word.start()
        while start < m.start() and not text[start].isupper():
            start = text.index(" ", start) + 1  # it opens with a capitalised word
        if start < m.start():
            spans.append((start, m.end()))
    return spans


# --- emails and URLs ---------------------------------------------------------------------------

_EMAIL = re.compile(r"(?<![\w.%+'\-])[\w.%+'\-]+(?:@|&#64;|&commat;)[\w\-]+(?:\.[\w\-]+)+")
_URL = re.compile(
    r"(?<![\w@.\-/])(?:(?:https?://|www\.)[^\s<>\"'()\[\]|]+"
    r"|(?:[a-z0-9\-]+\.)+(?:com|net|org|au|nz|uk|io|me|co|ly|gl|tv|app|info|biz|gov|edu|ee|gg"
    r"|(?-i:help|top|xyz|site|online|live|click|link|shop|cc|vip|icu|club|cn))"
    r"(?:\.[a-z]{2})?(?![\w\-])(?:/[^\s<>\"'()\[\]|]*)?)",  # not "follow-up.could"
    re.IGNORECASE,
)
_SOCIAL = word_set(
    """wechat.com weibo.com vk.com line.me viber.com kakao.com telegram.me
facebook.com fb.com m.facebook.com instagram.com tiktok.com twitter.com x.com
linkedin.com au.linkedin.com snapchat.com youtube.com threads.net onlyfans.com
pinterest.com reddit.com tumblr.com t.me wa.me m.me linktr.ee twitch.tv youtu.be vimeo.com
discord.gg discord.com soundcloud.com
paypal.me paypal.com venmo.com cash.app patreon.com ko-fi.com buymeacoffee.com github.com
gofundme.com gofund.me au.gofundme.com mycause.com.au chuffed.org givealittle.co.nz
justgiving.com everydayhero.com tributes.com.au legacy.com"""
)  # and the pages raised or kept for one person: fundraisers, memorials
_URL_PARTS = word_set("com net org au nz uk gov edu www https http html php index")


# A handle written after its platform's name: "WeChat wongsiuling_bne", "insta: @tui.f",
# "fb is jess_m88". Only what looks like a handle (an @, _, digit or dot in it, or a lowercase
# word no dictionary knows) is taken: "on facebook today" keeps "today".
PLATFORMS = word_set(
    "wechat whatsapp insta instagram ig facebook fb tiktok snapchat snap sc telegram viber kakao "
    "kakaotalk twitter messenger zalo discord youtube yt roblox xbox psn gamertag steam "
    "reddit kik threads bereal xiaohongshu rednote weibo douyin"
)
_HANDLE = re.compile(
    r"(?i)(?<![\w.])(?:" + "|".join(sorted(PLATFORMS, key=len, reverse=True)) + r")\b"
    r"(?:\s+(?:id|handle|name|username|user|account|acct|gamertag|tag|channel|is|as)\b){0,2}"
    r"\s*[:\-–]?\s*(?:u/)?"
    r"(@?[A-Za-z][\w.]*\w(?:#\d{4}\b)?)"  # Discord's "name#4471"; "xbox 360" is no one
)


# An @handle with a digit or underscore in it, wherever it stands ("posts as @kaia_hemara07"):
# not an email (a dot-separated domain after it), nor a Slack mention ("<@U024BE7LH>").
_AT_HANDLE = re.compile(
    r"(?<![\w<@.])@[^\W_][\w.]*[_\d](?:[\w.]*\w)?|(?<![\w<@.])@[_\d][\w.]*"
    r"|(?<![\w<@.])@[A-Za-z]\w*\.[A-Za-z][\w.]*[A-Za-z0-9]"  # "@temp.ahfook"
)


# A user name with an underscore and a number, wherever it stands: "xhs_user_5528710".
_UNDERSCORED = re.compile(r"(?<![\w@.\-/])[A-Za-z][A-Za-z0-9]*_[A-Za-z0-9_]*\d{3,}(?![\w\-/]|\.\w)")


# Numbers in groups joined by underscores, as a scheme's item or claim numbers are written:
# "04_210_0125_6_1", "05_091203151_0103_1_2".
# A scheme's item number joined by underscores ("04_210_0125_6_1"); not a file's date and time
# ("2026_03_14_10_30.m4a") nor a shift pattern or scores of small numbers ("7_3_7_3").
_DIGITS_UNDERSCORED = re.compile(
    r"(?<![\w.\-/])(?!(?:19|20)\d\d_[01]\d_[0-3]\d)(?=[\d_]*\d{3})"
    r"\d{1,9}(?:_\d{1,9}){3,}(?![\w\-/]|\.\d)"
)


def _a_users_name(word: str) -> bool:
    """ "xhs_user_5528710", "kai_m_2291", "blue_wolf_123"; not a file's, a ticket's or a room's
    ("scan_0012", "INC_004512", "B_101", "report_final_2025"): no file's word in it, and not
    a system's capitals and a number alone."""
    parts = [p for p in re.split(r"[_\d]+", word.casefold()) if p]
    return _A_SYSTEMS_NUMBER.fullmatch(word) is None and not any(
        p in _FILE_WORDS or p in _FILES_PARTS for p in parts
    )


_A_SYSTEMS_NUMBER = re.compile(r"[A-Z]{1,5}_\d+|[a-z]{1,2}_\d+")  # "INC_004512", "b_101"
_FILES_PARTS = word_set(
    "report final draft copy file files image photo pic screenshot screen video audio rec recording"
    " invoice receipt form letter attachment export backup data log test sample print job case ref"
    " ticket req chg task bug build version v page room inc minutes notes agenda plan budget"
    " statement summary scanned signed old new updated"
)


# An account's name in quotes, its words joined by dots, where an account is talked of: 'a new
# account, "goitom.k.melbourne"' (not a file's or a site's name: "notes.docx", "mygov.au").
_QUOTED_DOTTED = re.compile(r"(?<=[\"“'‘])[a-z][a-z0-9]*(?:\.[a-z0-9]+){1,3}(?=[\"”'’])")
_AN_ACCOUNT = re.compile(r"(?i:\b(?:account|profile|username|user\s+name|handle|page)\b)").search
_NOT_AN_ACCOUNTS_END = word_set(
    "com net org au nz uk io gov edu pdf doc docx xls xlsx csv jpg jpeg png gif txt zip mp3 mp4"
    " mov heic html htm"
)


# A handle whose words are joined by dots, where accounts or platforms are talked of:
# "dxrk.lotus_", "tyboi.axel07", "dicegoblin.nightcliff" (not "home.she" typed in a hurry, a
# version's "v2.1" or a site's "mygov.au").
_DOTTED = re.compile(
    r"(?<![\w@./\-=])[a-z][a-z0-9_]+(?:\.[a-z0-9_]*[a-z][a-z0-9_]*)+(?![\w@/\-]|\.\w)"
)  # not a login's "user=t.thorne", which ``systems.logins`` weighs
ACCOUNT_KEYS = word_set(
    "account accounts profile username usernames user users handle handles server channel ign"
)
_SHORT_FORMS = word_set(
    "approx ctrl alt esp incl excl dept govt mgmt appt appts info min max etc misc tel mob ph"
    " fwd pls thx asap dr mr mrs ms st rd ave"
)
_ACCOUNTS_TALK = re.compile(
    r"(?i)\b(?:"
    + "|".join(sorted(ACCOUNT_KEYS | PLATFORMS | {"page", "dm", "dms"}, key=len, reverse=True))
    + r")\b"
)


_LETTERS_AND_DIGITS = re.compile(r"(?=\w*[^\W\d_])(?=\w*\d)\w+")


def _a_dotted_handle(word: str) -> bool:
    parts = word.split(".")
    if parts[-1] in _NOT_AN_ACCOUNTS_END or parts[-1] in _URL_PARTS:
        return False
    if "_" in word or any(_LETTERS_AND_DIGITS.fullmatch(p) for p in parts):
        return True  # "mr.fluffy22", "st.kilda.kid07": a short form in a handle is still one
    if any(p in _SHORT_FORMS for p in parts):
        return False  # "approx.half", "ctrl.alt": a word's short form, a full stop's space left out
    if re.search(r"\d", word):
        return True
    return any(len(p) >= 4 and not _known_word(p) and p not in lexicon.not_names() for p in parts)


def handles(text: str) -> list[Hit]:
    hits = [hit(*m.span(), "id") for m in _AT_HANDLE.finditer(text)] if "@" in text else []
    if "." in text and _ACCOUNTS_TALK.search(text):
        hits += [hit(*m.span(), "id") for m in _DOTTED.finditer(text) if _a_dotted_handle(m[0])]
    if "." in text and _AN_ACCOUNT(text):
        hits += [hit(*m.span(), "id") for m in _QUOTED_DOTTED.finditer(text)
                 if m[0].rsplit(".", 1)[1] not in _NOT_AN_ACCOUNTS_END]
    if "_" in text:
        hits += [hit(*m.span(), "id") for m in _UNDERSCORED.finditer(text) if _a_users_name(m[0])]
        hits += [hit(*m.span(), "id") for m in _DIGITS_UNDERSCORED.finditer(text)]
    for m in _HANDLE.finditer(text):
        handle = m[1]
        if m[0][:2].casefold() == "sc" and ":" not in m[0]:
            continue  # "sc" is Snapchat in a list of handles, subcutaneous in a chart
        if re.search(r"[@_\d]|\w\.\w", handle) or (
            handle.islower()
            and len(handle) >= 4
            and handle not in lexicon.english_words()
            and handle not in lexicon.place_words()
        ):
            hits.append(hit(*m.span(1), "id"))
    return hits


# A dot between two word characters ("fb.com", "gov.au"), or a scheme: where a URL can be.
MAYBE_URL = re.compile(r"\w\.[A-Za-z]|://").search


def emails(text: str) -> list[Hit]:
    return [hit(*m.span(), "email") for m in _EMAIL.finditer(text)]


# An email as it is said: "ciaran dot ahearn at gmail dot com".
_SPOKEN_EMAIL = re.compile(
    r"(?i)\b[a-z0-9]+(?:\s+(?:dot|underscore)\s+[a-z0-9]+){0,4}\s+at\s+"
    r"(?:gmail|hotmail|outlook|yahoo|bigpond|icloud|live|optusnet|iinet)(?:\s+dot\s+[a-z]{2,4})+\b"
)
SPOKEN_EMAIL_KEYS = word_set("gmail hotmail outlook yahoo bigpond icloud live optusnet iinet")


def spoken_emails(text: str) -> list[Hit]:
    return [hit(*m.span(), "email") for m in _SPOKEN_EMAIL.finditer(text)]


# A file's name, and a handle joined with underscores ("death_cert_olakunle.jpg",
# "meilin_zhai_bh"): whole, when a part of it names someone, as a URL's path would.
_FILE_NAME = re.compile(
    r"(?<![A-Za-z0-9_/.\-@])[\w\-]+(?:\.[\w\-]+)*\.(?i:pdf|jpe?g|png|heic|gif|docx?|xlsx?|csv|txt|rtf"
    r"|mp4|mov|m4a|mp3|wav|zip|pptx?)(?![\w.])"
    r"|(?<![A-Za-z0-9_/.\-@])[A-Za-z][A-Za-z0-9]*(?:_[A-Za-z0-9]+)+(?![\w@/]|\.\w)"
)


def file_names(
    text: str, registered: Collection[str]
) -> tuple[list[Hit], list[tuple[int, int]]]:
    """Files and handles that name someone other than a registered client (theirs keep the
    case code: "jane_q" is "U1R-014_q"); and where the others are, which name no one ("IMG_2203
    .jpg" is no "Uploaded IMG")."""
    named, plain = [], []
    for m in _FILE_NAME.finditer(text):
        cased = _outside_services(re.findall(r"[A-Za-z]+", m[0]))
        parts = [part.casefold() for part in cased]
        if any(part not in registered and (_unknown_word(part) or _a_listed_name(part))
               for part in parts) or _a_name_pair(cased, registered):
            named.append(hit(*m.span(), "id"))
        elif not any(part in registered for part in parts):
            plain.append(m.span())
    return named, plain


def _outside_services(parts: list[str]) -> list[str]:
    """A file's words but those of a listed service's name ("St_Vincent_de_Paul_receipt.pdf")."""
    keys = [part.casefold() for part in parts]
    out, i = [], 0
    while i < len(parts):
        run = next((n for n in range(min(6, len(parts) - i), 1, -1)
                    if tuple(keys[i : i + n]) in lexicon.service_phrases()), 0)
        if run:
            i += run
        else:
            out.append(parts[i])
            i += 1
    return out


def _a_name_pair(parts: list[str], registered: Collection[str]) -> bool:
    """A given name and a surname side by side in a file's name: "Tom_Brown_payslip.pdf". Both
    may be words ("tom", "brown"), so two words need the capitals of a name; a place
    ("Rose_Hill_map.pdf") or a service is no one."""
    for given, surname in itertools.pairwise(parts):
        g, s = given.casefold(), surname.casefold()
        if (
            len(g) < 3 or len(s) < 3 or g in registered or s in registered
            or g not in lexicon.given_names() or s not in lexicon.surnames()
            or any(_known_name_word(w) for w in (g, s))
            or lexicon.listed_place((g, s)) or (g, s) in lexicon.service_phrases()
        ):
            continue
        if (given.istitle() and surname.istitle()) or not (
            g in lexicon.english_words() and s in lexicon.english_words()
        ):
            return True
    return False


def _known_name_word(part: str) -> bool:
    """A file's word that is no one's name, though a name list has it ("scan", "rego")."""
    return part in _FILE_WORDS or part in _URL_PARTS or part in lexicon.never_names() or (
        part in lexicon.not_names() or part in lexicon.FUNCTION_WORDS
    )


def _unknown_word(part: str) -> bool:
    """A word no list knows, nor two known words run together ("payslip", "birthcert"): in a
    file's name or a handle, most likely someone's name ("olakunle", "ruvimbo")."""
    if len(part) < 4 or not re.search(r"[aeiou]", part) or _known_word(part):
        return False
    return not any(_known_word(part[:k]) and _known_word(part[k:]) for k in range(3, len(part) - 2))


def _known_word(part: str) -> bool:
    return part in lexicon.english_words() or part in lexicon.place_words() or (
        part in lexicon.never_names() or part in lexicon.FUNCTION_WORDS or part in _URL_PARTS
        or part in _FILE_WORDS or part in lexicon.not_names()  # "ATO_noa", "coles_voucher"
    )


_FILE_WORDS = word_set(
    "img dsc pxl jpeg heic pdf docx xlsx pptx msgs pics vid noa app apps vax lodgement qshelter"
    " mygov appt appts rego scan scans doc docs att stmt payslips"
)


def urls(text: str, registered: Collection[str]) -> list[Hit]:
    """URLs that carry a name: a profile on a social site, or a path or host holding a
    registered name part or a word of the name lexicon that is no English word or place.
    Plain service URLs (centrelink.gov.au, example.org/forms/intake) survive."""
    hits = []
    for m in _URL.finditer(text):
        url = m[0].rstrip(".,;:!?")
        if _names_someone(url, registered):
            end = m.start() + len(url)
            if (label := _SLACK_LABEL.match(text, end)) is not None:
                end = label.end(1)  # "<https://facebook.com/ngaire.tipene|ngaire tipene>"
            hits.append(hit(m.start(), end, "url"))
    return hits


# A Slack link's label after its address, to the closing bracket: hidden with an address that
# names someone (it most often names them too).
_SLACK_LABEL = re.compile(r"\|([^<>|\n]{1,100})(?=>)")


_A_SITES_OWN_PAGE = re.compile(
    r"(?:au|nz|uk|us|ca|en)|(?:discover|explore|search|help|about|login|signup|home|groups|events|pages"
    r"|marketplace|watch|reels|stories|privacy|terms|support|donate|charities|fundraisers|signin"
    r"|webapps)"
    r"(?:/(?:au|nz|uk|us|ca|en))?"
)


# A host with a hyphen outside Australia's own zones is how scams dress a brand up
# ("auspost-redeliver.info", "my-gov-refund.au-secure.com"): it points at someone, as a name does.
_A_LOOKALIKE = re.compile(r"[a-z0-9]-[a-z0-9]", re.IGNORECASE)
_AN_AUSTRALIAN_ZONE = re.compile(r"\.(?:gov|org|edu|asn|com|net|id)\.au\Z", re.IGNORECASE)
# What a scam's host dresses up as: an agency, a bank, a toll, a parcel, a refund ("linkt-au-
# tolls.help", "auspost-redeliver.info"); not a charity's or a word's ("beyond-blue.org").
_A_SCAMS_WORDS = word_set(
    "au aus gov mygov ato tax refund refunds toll tolls linkt etoll auspost post parcel parcels"
    " deliver delivery redeliver redelivery secure verify verification login signin account"
    " update pay payment payments bank banking commbank netbank nab anz westpac telstra optus"
    " medicare centrelink servicesaustralia claim fine fines penalty rebate bonus crypto wallet"
    " invest prize reward rewards unlock support helpdesk loan loans cash credit approved instant"
    " licence license rego registration tollcentre"
)


def _dressed_as_one(parts: list[str]) -> bool:
    """Do a host's words dress it as an agency, a brand or a payment: a scam's word, a listed
    service ("service-nsw-wdo", "transperth-smartrider"), or one written as one word
    ("accesscanberra-licence", "eastlink-tollcentre")?"""
    brands = lexicon.not_names() | lexicon.employers()
    joined = _services_as_one_word()
    pairs = itertools.pairwise(parts)
    return any(p in _A_SCAMS_WORDS or p in brands or p in joined for p in parts) or any(
        pair in lexicon.service_phrases() for pair in pairs
    )


@functools.cache
def _services_as_one_word() -> frozenset[str]:
    """The listed services of two or more words, written as one ("accesscanberra")."""
    return frozenset("".join(words) for words in lexicon.service_phrases() if len(words) > 1)


def _names_someone(url: str, registered: Collection[str]) -> bool:
    bare = re.sub(r"^(?:https?://)?(?:www\.)?", "", url, flags=re.IGNORECASE)
    host, _, path = bare.partition("/")
    if _A_LOOKALIKE.search(host) and not _AN_AUSTRALIAN_ZONE.search(host) and _dressed_as_one(
        re.findall(r"[a-z]+", host.casefold().rpartition(".")[0])
    ):
        return True  # a scam's site: "linkt-au-tolls.help", "mygov-au-review.com"
    site = host.casefold()
    if _A_USERS_PAGE.match(path) and not _AN_AUSTRALIAN_BODY.search(host):
        return True  # "steamcommunity.com/id/lotusdxrk", "tradeit-skins.gg/u/skinflip"
    if site in _SOCIAL and path.strip("/") and not _A_SITES_OWN_PAGE.fullmatch(
        path.strip("/").casefold()
    ) and not _a_sites_own_path(site, path):
        return True  # a profile; not "soundcloud.com/discover", "everydayhero.com/au"
    return any(
        part in registered or _a_listed_name(part)
        for part in re.findall(r"[a-z]+", bare.casefold())
        if len(part) >= 3 and part not in _URL_PARTS
    )


_A_USERS_PAGE = re.compile(
    r"(?i)(?:id|u|user|users|profile|profiles|member|members)/(?!(?:login|log-in|signin|sign-in"
    r"|settings|register|signup|sign-up|home|help|account|dashboard|edit|search|benefits"
    r"|join|claims?|enrol|enrolment|forms?|apply|renew|payments?|portal|services?|support"
    r"|contact|faq|about|news|resources|cards?|cover|extras|offers|rewards|fixtures|draw|results"
    r"|teams|events|calendar)\b)[\w.\-]{3,}|@\w"
)
# A government's, a university's or a body's own site: no user's page on it ("my.gov.au/…").
_AN_AUSTRALIAN_BODY = re.compile(
    r"(?i)\.(?:gov|edu)\.au\Z|^(?!(?:forums?|community|communities|chat|connect)\.)[^/]*\.(?:org|asn)\.au\Z"
)  # but a body's forum has its members' pages: "forum.carersaustralia.asn.au/members/kyliemum83"
_COUNTRY_PAGES = frozenset({"au", "nz", "uk", "us", "ca", "en"})
_SITES_OWN_FIRST = re.compile(r"(?i)webapps|signin|smarthelp|help|settings|policies|legal|issues")


def _a_sites_own_path(site: str, path: str) -> bool:
    """A site's own page deeper down ("paypal.com/au/webapps/help"), a project's page on GitHub
    ("github.com/nodejs/node"), a server's invite ("discord.gg/youthspace"): no one's profile,
    unless a name is in it."""
    parts = [p for p in path.split("/") if p]
    if site == "discord.gg" or (site == "github.com" and len(parts) > 1):
        return True
    rest = parts[1:] if parts and parts[0].casefold() in _COUNTRY_PAGES else parts
    return len(parts) > 1 and bool(rest) and _SITES_OWN_FIRST.fullmatch(rest[0]) is not None


def _a_listed_name(part: str) -> bool:
    """A given name or surname of the lexicon that is no English word or place."""
    return (
        len(part) >= 3 and part not in _URL_PARTS and part not in _FILE_WORDS
        and part not in lexicon.not_names()
        and (part in lexicon.given_names() or part in lexicon.surnames())
        and part not in lexicon.english_words() and part not in lexicon.place_words()
    )


# --- dates of birth ----------------------------------------------------------------------------

_MONTH = (
    r"jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?"
)
MONTH_NUMBERS = {m[:3]: i for i, m in enumerate(_MONTH.split("|")[:12], 1)}
# Two digits before a month are its day, not the year of the date before: "1 July, 30 June".
_NOT_A_DAY = rf"(?!(?:st|nd|rd|th)?(?:\s+of)?\s+(?:{_MONTH})\b)"
def homes_beside_names(text: str, people: list[Hit]) -> list[Hit]:
    """A flat or a unit said to be someone's, just after their name: "her friend Elfrida
    Mayhew in Flat 3", "the neighbour, [name], from unit 14" (not a room, which a meeting has)."""
    return [hit(m.start("home"), m.end(), "address") for h in people
            if (m := _A_HOME_AFTER_A_NAME.match(text, h.end))]


_A_HOME_AFTER_A_NAME = re.compile(
    r",?[ \t]+(?:(?:is|was|lives|lived|living|stays|staying)[ \t]+)?(?:in|at|from)[ \t]+"
    r"(?P<home>(?i:flat|unit|apartment|apt)[ \t]*\d{1,4}[A-Za-z]?)\b"
)


def dates_beside_names(text: str, people: list[Hit]) -> list[Hit]:
    """A whole date in brackets just after someone's name is their date of birth: "Children:
    Jaylen (04/02/2018), Mia (19/09/2021)" (not a month or a year alone); in a list of birthdays,
    without brackets too ("Birthday list: her daughter Amina 9 September 2009; …")."""
    found = []
    births = BIRTHS(text) is not None
    heading = text[: text.find("\n")] if "\n" in text else ""
    for h in people:
        m = _BRACKETED_DATE.match(text, h.end) or (
            _DASHED_DATE.match(text, h.end)
            if _A_LISTS_ITEM.search(text, max(0, h.start - 8), h.start) else None
        ) or (  # "3. Amira Haddad - 17/02/2010 - student": a household's list
            _LISTED_DATE.match(text, h.end) if (births and (
                BIRTHS(heading) or BIRTHS(text, _sentence_start(text, h.start), h.start)
                or _A_BIRTHDAYS_HEADER.search(text, 0, h.start)
            )) or _A_CHILDRENS_LABEL.search(text, text.rfind("\n", 0, h.start) + 1, h.start)
            else None  # a birthday list's sentence or heading, not "DOB: …. Review with Tegan";
        )  # a form's "Children: Jayla 14/01/2023, Zayden 02/08/2025"
        date = DATE.fullmatch(m["date"]) if m is not None else None
        if date is not None and m is not None and m.re is _DASHED_DATE and (
            _year(date) >= _RECENT and not BIRTHS(text)
            and not _A_CHILD_AFTER.match(text, m.end())
            and not _A_HOUSEHOLD.search(text, 0, h.start)
            and not _NOTHING_AFTER.match(text, m.end())
        ):
            continue  # "- Gary Lim - 10/03/2026 - rang re lease", "… - bond lodged": a log's
            # date (never under a household's heading: "Kids\n- Leo - 03/01/2026 - appt"; and a
            # log's line says what was done: "- Ava Nguyen - 14/02/2024" alone is a birth)
        if m is not None and date is not None and not (
            (_MET_BEFORE.search(text, max(0, h.start - 30), h.start) and (
                " " in text[h.start : h.end].strip()  # "Phone call with Kylie Brown (12/02/2025)"
                or (_year(date) >= _RECENT and not _A_CHILD_AFTER.match(text, m.end()))
            ))  # "Met Kylie (12/02/2025)"; but "Called Brodie (13/11/2009)" is a child
            or _A_TITLE_BEFORE.search(text, max(0, h.start - 14), h.start)
        ):
            found.append(hit(m.start("date"), m.end("date"), "dob"))
    return found




_NOTHING_AFTER = re.compile(r"[ \t.;,]*(?:\n|\Z)")
# A household's list above its members: "Household:", "Family members", "Children:",
# "Living with:", "Whānau".
_A_HOUSEHOLD = re.compile(
    r"(?i)\b(?:household|family|members|children|kids|dependants|dependents|occupants"
    r"|residents|living\s+with|others\s+in\s+the\s+home|who\s+lives\s+there|sons|daughters"
    r"|baby|babies|grandkids|grandchildren|wh[aā]nau|mob\s+at\s+home|siblings|brothers"
    r"|sisters)\b(?!['’]?[ \t]+(?:violence|meetings?|court|law|services?|support|shower|day|days"
    r"|planning|conference|notes?|contacts?|log|group|worker|workers|helpline|history|committee"
    r"|council|association|centre|center|program|programme|matters?|law|lawyer|solicitor"
    r"|doctor|gp|school|friends?)\b)"
    r"(?:[^\n]{0,16}|[^\n]*:)[ \t]*\n"  # a heading: short, or ending in a colon
)
# A heading line over a list of birthdays: "Birthdays", "Birthday list:", "DOBs".
_A_BIRTHDAYS_HEADER = re.compile(
    r"(?im)^[ \t#*•\-]*(?:children['’]s[ \t]+|kids['’]?[ \t]+)?"
    r"(?:birthdays?(?:[ \t]+list)?|d\.?o\.?b\.?s?"
    r"|dates?[ \t]+of[ \t]+birth)[ \t]*:?[ \t]*\n(?:[^\n]*\S[^\n]*\n)*[^\n]*\Z"
)


def _sentence_start(text: str, at: int) -> int:
    return max(text.rfind(". ", 0, at), text.rfind("\n", 0, at), text.rfind("? ", 0, at),
               text.rfind("! ", 0, at)) + 1


# A meeting's date, not a child's birthday, after "met" or "called" and a given name alone.
_RECENT = 2023


def _year(m: re.Match[str]) -> int:
    year = next((m[g] for g in ("iy", "ny", "ty", "uy") if m[g]), "0").lstrip("'")
    return int(year) + (2000 if len(year) == 2 else 0)


# When someone was seen, the date in brackets is the meeting's: "Saw Dr Chen (12/03/2025)",
# "Phone call with Kylie Brown (12/02/2025)".
_MET_BEFORE = re.compile(
    r"(?i)\b(?:saw|seen|spoke|speak|met|meet|meeting|call|called|rang|phoned|visited|visit"
    r"|appointment|appt|reviewed|interviewed)(?:[ \t]+(?:to|with|by))?[ \t]+\Z"
)
_A_TITLE_BEFORE = re.compile(  # "Dr Chen (12/03/2025)"; but "his sister Mia (19/09/2021)"
    r"(?i)(?:\b(?:dr|doctor|prof|professor|nurse|rev|fr|judge|magistrate|officer"
    r"|constable|sgt|detective)|(?<!his )(?<!her )(?<!their )(?<!my )(?<!our )"
    r"\b(?:sister|father))\.?[ \t]+\Z"
)
# After the date, a child's age or a child's word: the date is the child's birth ("Called Kai
# (5/1/2023) - he's 2 now", "Rang Ruby (07/07/2024), Jess's baby").
_A_CHILD_AFTER = re.compile(
    r"(?i)[ \t]*[,\-–—:]?[ \t]*(?:"
    r"(?:[A-Z][\w\-]*['’]s[ \t]+|(?:the|a|her|his|their|our|my)[ \t]+)?"
    r"(?:new[ \t]+|little[ \t]+|youngest[ \t]+|eldest[ \t]+|baby[ \t]+)?"
    r"(?:baby|bub|bubs|bubba|toddler|newborn|infant|moko|mokopuna|kindy\b[ \t]+kid)\b(?!['’]s)"
    r"(?![ \t]+(?:is[ \t]+)?(?:due|shower|on[ \t]+the[ \t]+way)\b)"  # not "baby due in May"
    r"|(?:[A-Z][\w\-]*['’]s[ \t]+|(?:the|a|her|his|their|our|my)[ \t]+)?"
    r"(?:youngest[ \t]+|eldest[ \t]+|baby[ \t]+)?"
    r"(?:daughter|son|grandson|granddaughter|grandchild|youngest)"
    r"(?=[ \t]*(?:[.,;)\n]|\Z))"  # "Rang Ruby (07/07/2024), her daughter."; not "her son was sick"
    r"|(?:son|daughter|child)[ \t]+of\b"
    r"|(?:he|she)['’]?s[ \t]+(?:only[ \t]+)?[0-5](?![\d/.])"
    r"|[^.\n]{0,20}?\b\d{1,2}[ \t]*(?:weeks?|wks?|yrs?|years?)[ \t]+old\b"
    r"|[^.\n]{0,20}?\b\d{1,2}[ \t]*(?:months?|mths?)\b"
    r"|[^.\n]{0,20}?\b[0-5][ \t]*(?:yo|y/o|yr|yrs)\b)"
)  # "Rang Ruby (07/07/2024), Jess's baby", "- he's 2 now", "8 months old"; not "re her son's
# school", "she's 45", "2 weeks after discharge"


BIRTHS = re.compile(r"(?i)\bbirthdays?\b|\bborn\b|\bd\.?o\.?b\b|\bdates? of birth\b").search
_A_CHILDRENS_LABEL = re.compile(
    r"(?im)^[ \t]*(?:children|kids|child(?:ren)?['’]s[ \t]+names?|dependants|dependents)[ \t]*:"
)
CHILDRENS_LABEL = _A_CHILDRENS_LABEL.search  # the gate for dates_beside_names
_LISTED_DATE = re.compile(r"[ \t]*[,–\-]?[ \t]*(?P<date>[^()\n;,]{6,20}?)(?=[ \t]*(?:[;,.)\n]|\Z))")
_DASHED_DATE = re.compile(
    r"[ \t]+[-–—|][ \t]+(?P<date>[^()\n;,\-–—|]{6,20}?)(?=[ \t]*(?:[-–—|;,.)\n]|\Z))"
)
_A_LISTS_ITEM = re.compile(r"(?m)^[ \t]*(?:\d{1,2}[.)]|[-•*])[ \t]*\Z")
_BRACKETED_DATE = re.compile(
    r"(?:['’]s)?[ \t]*\([ \t]*(?:b\.?[ \t]*)?(?P<date>[^()\n]{6,20}?)[ \t]*\)"
)


DATE = re.compile(
    r"(?<![\w/\-])(?<!\d\.)(?:"
    r"(?P<iy>(?:19|20)\d\d)(?P<isep>[-/.])(?P<im>\d\d?)(?P=isep)(?P<id>\d\d?)"
    r"|(?P<nd>\d\d?) ?(?P<nsep>[/.\-]) ?(?P<nm>\d\d?) ?(?P=nsep) ?(?P<ny>\d{4}|\d\d)"
    rf"|(?P<td>\d\d?)(?:st|nd|rd|th)?(?:\s+of\s+|[\s\-]+)(?P<tm>{_MONTH})\.?,?[\s\-]+"
    rf"(?P<ty>\d{{4}}|'?\d\d{_NOT_A_DAY})"
    rf"|(?P<um>{_MONTH})\.?\s+(?P<ud>\d\d?)(?:st|nd|rd|th)?,?\s+(?P<uy>\d{{4}}|'\d\d)"
    r")(?![\w/]|[.\-]\d)",
    re.IGNORECASE,
)
# What has anniversaries but no birthday: "The lease turns 2 years on 3 March", "Rent turns 550".
_THINGS_THAT_TURN = (
    "lease", "debt", "loan", "tenancy", "program", "programme", "service", "refuge", "business",
    "agreement", "order", "policy", "account", "car", "rent", "contract", "plan", "package",
    "shelter", "project", "group", "club", "centre", "application", "it", "this", "that",
    "sublease", "school", "college", "church", "hall", "council", "house", "home", "shop",
    "building", "festival", "event", "association", "society", "company", "team", "station",
    "meeting", "count", "number", "total", "tally", "score", "list",
)
# Those that end names too, so only as whole words ("Oscar", "Brent", "Kit", "Elease",
# "Border", "Marshall" turn 18); the rest also end compounds ("Playgroup turns 3").
_ENDS_OF_NAMES = frozenset({
    "car", "rent", "loan", "plan", "it", "this", "that", "lease", "order", "hall", "shop", "house",
    "home", "church", "school", "station", "list", "count", "team", "event", "score", "total",
})  # "Marshall", "Bishop", "Whitehouse" turn 18 too
# An age in words, as "turned sixteen" says it.
_AGE_WORDS = (
    r"(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
    r"(?:[\s\-](?:one|two|three|four|five|six|seven|eight|nine))?"
    r"|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)"
)
DOB_CUE = re.compile(  # not our own placeholder "[DOB]", which is no cue in a second pass
    r"\b(?<!\[)(?:d\.?\s?o\.?\s?b\b\.?|date\s+of\s+birth|birth\s?date|birth\s?day|b['’/]?day|born"
    # "She turned 18 on 1 September"; not "Lease turns 12 months on 3/4", "turned 2 weeks overdue"
    # (each a whole word: "Oscar turns 18", "Kit turns 17" are people)
    r"|" + "".join(f"(?<!\\b{thing} )" if thing in _ENDS_OF_NAMES else f"(?<!{thing} )"
                   for thing in _THINGS_THAT_TURN)
    + r"turn(?:ed|s|ing)\s+(?:\d{1,3}(?![\d:.])|" + _AGE_WORDS + r"\b"
    r"(?!\s+(?:people|persons|kids|children|families|away|over|around|down|up|back)\b))"
    r"(?!\s*(?:%|-(?=[a-z])|(?:months?|mths?|weeks?|wks?"
    r"|days?|hours?|hrs?|minutes?|mins?|percent|(?:years?|yrs?)\s+(?:since|ago))\b))"
    # a birthday in the languages of the notes: Italian, Spanish, Vietnamese, Tagalog, Greek
    r"|compleanno|compie|cumpleaños|sinh\s+nhật|kaarawan|γενέθλια|genethlia"
    r"|happy\s+\d{1,3}(?:st|nd|rd|th)\b(?!\s+(?:day|week|month|year|term|anniversary|christmas"
    r"|birthday\s+to\s+the)\b))",  # "happy 19th!! 19 may"; not "happy 1st day at school"
    re.IGNORECASE,
)
# Days with a name of their own, which a birthday can fall on: "his birthday is April Fools'".
_NAMED_DAYS = {  # keys without apostrophes or dots, as they are looked up
    "christmas day": (25, 12), "christmas eve": (24, 12), "boxing day": (26, 12),
    "new years day": (1, 1), "new years eve": (31, 12), "australia day": (26, 1),
    "anzac day": (25, 4), "valentines day": (14, 2), "april fools day": (1, 4),
    "halloween": (31, 10), "remembrance day": (11, 11), "st patricks day": (17, 3),
}
_NAMED_DAY = re.compile(
    r"(?i)\b(?:christmas\s+(?:day|eve)|boxing\s+day|new\s+year['’]?s\s+(?:day|eve)|australia\s+day"
    r"|anzac\s+day|valentine['’]?s\s+day|april\s+fool['’]?s['’]?\s+day|halloween|remembrance\s+day"
    r"|st\.?\s+patrick['’]?s\s+day)\b"
)
_CUE_GAP = re.compile(  # "DOB: ", "born on the ", "DOB confirmed ", "DOB on cue card: "
    r"[\s:;,=()\-–|]{0,6}(?:[a-z]{1,9}[\s:;,=()\-–]{1,4}){0,3}"  # "| DOB | 03/04/1999 |"
)
_AGE_AFTER = re.compile(  # "(aged 37)", ", age: 37", "(37 yo)", "37 years old"
    r"[\s,]{0,3}[(\[]?\s?"
    r"(?:aged?\s?:?\s?\d{1,3}|\d{1,3}\s?(?:yo|y/o|y\.o\.?|yrs?\s+old|years?\s+old))\b",
    re.IGNORECASE,
)


_UNITS = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth"]
_TEENS = [
    "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth",
    "seventeenth",
]
_ORDINAL = (
    rf"(?:(?:twenty|thirty)[\s\-]?(?:{'|'.join(_UNITS)})|twentieth|thirtieth"
    rf"|eighteenth|nineteenth|{'|'.join(_TEENS)}|{'|'.join(_UNITS)})"
)
_TENS = "twenty thirty forty fifty sixty seventy eighty ninety"
_TEEN_WORDS = "ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen"
_YEAR_WORDS = (
    rf"(?:(?:nineteen\s+|two\s+thousand\s+(?:and\s+)?)?(?:{_TENS.replace(' ', '|')})"
    r"(?:[\s\-](?:one|two|three|four|five|six|seven|eight|nine))?"
    # "two thousand and six", "two thousand twelve"
    rf"|two\s+thousand\s+(?:and\s+)?(?:{_TEEN_WORDS.replace(' ', '|')}"
    r"|one|two|three|four|five|six|seven|eight|nine)(?![\w\-]))"
)
_YEAR = rf"(?:,?[\s\-]+(?:\d{{4}}|'?\d\d{_NOT_A_DAY}|{_YEAR_WORDS})(?!\d))?"
# After a birth cue only: a day and month without a year, or in words ("the 4th of July",
# "third of April 1992", "bday june 30"), or digits without separators ("DOB 16101981").
_CUED_DATE = re.compile(
    rf"(?:(?:the\s+)?(?:\d\d?(?:st|nd|rd|th)?|{_ORDINAL})(?:\s+of\s+|[\s\-]+)(?:{_MONTH})\b"
    rf"(?:(?<![yYeEhHlL])\.|\.(?=,?[\s\-]+\d))?{_YEAR}"  # "4 Jan." (not "4 May." ending a
    # sentence; but "4 March. 1990" is still the year)
    rf"|(?:{_MONTH})\.?\s+(?:the\s+)?(?:\d\d?(?:st|nd|rd|th)?|{_ORDINAL})\b{_YEAR}"
    r"|\d\d?\s\d\d?\s(?:\d{4}|\d\d)"  # "DOB 28 02 1983"
    r"|(?P<dm>\d\d?[/.]\d\d?)(?![.]?\d)"  # "birthday 30/1": day and month
    r"|(?P<compact>\d{6}|\d{8}))(?![\w/])",
    re.IGNORECASE,
)


_COMPACT_DATE = re.compile(r"(?<![\w/.\-])(?:\d{8}|\d{6})(?![\w/]|[.\-]\d)")
_DIGIT_ORDINAL = re.compile(r"\d(?:st|nd|rd|th)\b", re.IGNORECASE)
ORDINAL_WORD = re.compile(
    r"(?i)(?:first|second|third|fourth|fifth|sixth|(?<!mo)nth|eighth|twelfth|tieth)\b"
)
_GAP_THEN_DATE = re.compile(rf"{_CUE_GAP.pattern}(?P<date>{_CUED_DATE.pattern})", re.IGNORECASE)

# A whole date with its day in words, for the registered DOB with no cue: "third of March 1992".
_MONTHS_NTH = "first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth"
_WORD_DATE = re.compile(
    rf"\b(?:the\s+)?(?P<day>{_ORDINAL}|\d\d?(?:st|nd|rd|th))(?:\s+of\s+|[\s\-]+)"
    rf"(?:(?P<month>{_MONTH})\b|the\s+(?P<nth>{_MONTHS_NTH})\b)"  # "the eighth of the eighth"
    rf"\.?,?[\s\-]+(?P<year>\d{{4}}(?!\d)|'?\d\d(?!\d){_NOT_A_DAY}|{_YEAR_WORDS}\b)",
    re.IGNORECASE,
)
_TEN_VALUES = {w: 10 * n for n, w in enumerate(_TENS.split(), 2)}
_TEEN_VALUES = {w: n for n, w in enumerate(_TEEN_WORDS.split(), 10)}
_UNITS_SAID = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine")
_UNIT_VALUES = {w: n for n, w in enumerate(_UNITS_SAID, 1)}


def _year_value(written: str) -> int:
    """ "1959", "'59", "fifty nine" (59), "nineteen fifty-nine" (1959)."""
    if written.lstrip("'").isdigit():
        return int(written.lstrip("'"))
    words = re.split(r"[\s\-]+", written.casefold())
    century = 0
    if words[0] == "nineteen":
        century, words = 1900, words[1:]
    elif words[:2] == ["two", "thousand"]:
        century, words = 2000, words[2:]
    return century + sum(
        _TEN_VALUES.get(w, 0) + _UNIT_VALUES.get(w, 0) + _TEEN_VALUES.get(w, 0) for w in words
    )
_ORDINAL_VALUES = {
    **{w: n for n, w in enumerate(_UNITS, 1)},
    **{w: n for n, w in enumerate(_TEENS, 10)},
    "eighteenth": 18, "nineteenth": 19, "twentieth": 20, "thirtieth": 30,
}


def _ordinal_value(words: str) -> int:
    """ "third" 3, "twenty-first" 21, "thirty first" 31, "twentyfirst" 21."""
    key = re.sub(r"[\s\-]+", "", words.casefold())
    for tens, value in (("twenty", 20), ("thirty", 30)):
        if key.startswith(tens) and key != tens + "th" and key[len(tens):] in _ORDINAL_VALUES:
            return value + _ORDINAL_VALUES[key[len(tens):]]
    return _ORDINAL_VALUES.get(key, 0)  # 0: no day ("fırst" matched with a dotless i)


def registered_in_words(text: str, registered: Collection[tuple[int, int, int]]) -> list[Hit]:
    hits = []
    for m in _WORD_DATE.finditer(text):
        day = int(m["day"][:-2]) if m["day"][0].isdigit() else _ordinal_value(m["day"])
        month = MONTH_NUMBERS[m["month"][:3].casefold()] if m["month"] else _ordinal_value(m["nth"])
        year = _year_value(m["year"])
        if (day, month, year) in registered:
            start = m.start("day") if m[0][:3].casefold() == "the" else m.start()
            hits.append(hit(start, m.end(), "dob"))
    return hits


def _compact_date(digits: str) -> bool:
    """ "16101981", "050103": a day, a month, then a year."""
    day, month = int(digits[:2]), int(digits[2:4])
    return 1 <= day <= 31 and 1 <= month <= 12


_HOLIDAY_BEFORE = re.compile(r"(?i)\b(?:king|queen)['’]?s\s+\Z")


def _day_month(written: str) -> bool:
    """ "30/1", "4.12": a day, then a month."""
    day, month = map(int, re.split(r"[/.]", written))
    return 1 <= day <= 31 and 1 <= month <= 12


# Words of a birth cue ("DOB", "d.o.b", "born", "birthday", "b'day", "date of birth").
BIRTH = frozenset({
    "dob", "d", "born", "birth", "birthday", "bday", "birthdate", "b", "turned", "turns",
    "turning", "happy",
    "compleanno", "compie", "cumpleaños", "nhật", "kaarawan", "γενέθλια", "genethlia",
})




# A birth told as an event: "Her son was born at Rockingham General Hospital on 9 May 2025",
# "had her baby on 30 June 2025": the date is the baby's birth date. Not "born in Iran and
# arrived on 3 March 2019".
_BORN_ON = re.compile(
    r"(?i)\b(?:born|had[ \t]+(?:her|his|their|a)[ \t]+(?:baby|son|daughter|twins|boy|girl|bub)"
    r"(?:[ \t]+(?:boy|girl))?(?![ \t]*['’]s)"
    r"(?:[ \t]+(?-i:[A-Z][a-z'’\-]+)(?:[ \t]+(?-i:[A-Z][a-z'’\-]+))?)?"  # "her baby girl Ivy"
    r"(?=[ \t]*(?:$|[,(]|(?:at|in|on|early|late|prematurely|last|this|yesterday"
    r"|today|safely|by|via|naturally)\b)))\b"  # not "had her baby shower on", "her son's hearing"
    r"(?P<mid>[^.;\n]{0,70}?)\bon[ \t]+(?=\d)"
)
_A_NEW_CLAUSE = re.compile(r",[ \t]+[a-z]")  # "Her son, born last year, starts daycare on …"
_ANOTHER_EVENT = re.compile(
    r"(?i)\b(?:arrived|arrive|moved|came|left|went|discharged|released|married|seen|visited"
    r"|booked|started|returned|and)\b"
)


def _born_on(text: str) -> Iterator[Hit]:
    for m in _BORN_ON.finditer(text):
        date = DATE.match(text, m.end())
        if date is not None and not _ANOTHER_EVENT.search(m["mid"]) and not (
            _A_NEW_CLAUSE.search(m["mid"])
        ):
            yield hit(date.start(), date.end(), "dob")


def dates_of_birth(
    text: str,
    registered: Collection[tuple[int, int, int]],
    *,
    cued: bool = True,
    birthdays: Collection[tuple[int, int]] | None = None,
    named: Collection[tuple[int, int]] = (),
) -> Iterator[Hit]:
    """Dates given with a cue ("DOB", "born", "(aged 37)") and any date equal to a registered
    date of birth (numeric ones also read month-first); other dates (appointments) survive.
    After a cue, a day and month alone, words and ordinals, and bare digits count too."""
    if "born" in text or "had " in text:
        yield from _born_on(text)
    for cue in DOB_CUE.finditer(text) if cued else ():
        if _HOLIDAY_BEFORE.search(text, max(0, cue.start() - 10), cue.start()):
            continue  # "King's Birthday Monday 9/11" is a public holiday
        m = _GAP_THEN_DATE.match(text, cue.end())
        if m and (not m["compact"] or _compact_date(m["compact"])) and (
            not m["dm"] or _day_month(m["dm"])
        ):
            the = THE_BEFORE.search(text, cue.end(), m.start("date"))
            yield hit(the.start() if the else m.start("date"), m.end("date"), "dob")  # "the 5th…"
        if spoken := _spoken_date(text, cue.end()):
            yield hit(*spoken, "dob")  # "sixteenth of the tenth eighty six"
    if cued and registered:
        # The registered birthday as a day and month, where the note speaks of a birth ("DOB
        # 31/10/1998, or October 31st as she says"): only the client's own day and month.
        # With hundreds of clients most days are someone's birthday: see _near_a_birth.
        days = birthdays if birthdays is not None else {(d, mo) for d, mo, _y in registered}
        for m in _DAY_MONTH_ONLY.finditer(text):
            day, month = _day_and_month(m)
            if (day, month) in days and _near_a_birth(
                text, m.start(), m.end(), (day, month), named, days
            ):
                yield hit(*m.span(), "dob")
        for m in _NAMED_DAY.finditer(text):
            day_month = _NAMED_DAYS.get(" ".join(re.sub(r"['’.]", "", m[0].casefold()).split()))
            if day_month in days and _near_a_birth(
                text, m.start(), m.end(), day_month, named, days
            ):
                yield hit(*m.span(), "dob")
    if registered and (ORDINAL_WORD.search(text) or _DIGIT_ORDINAL.search(text)):
        yield from registered_in_words(text, registered)
    if registered:  # the registered date in digits with no separators, whatever the cue's distance
        for m in _COMPACT_DATE.finditer(text):  # ("DOB is needed for the register: 160889")
            digits = m[0]
            day, month, year = int(digits[:2]), int(digits[2:4]), int(digits[4:])
            if (day, month, year) in registered:
                yield hit(*m.span(), "dob")
    for m in DATE.finditer(text):
        day, month, year, numeric = date_parts(m)
        if (
            (day, month, year) in registered
            or (numeric and (month, day, year) in registered)
            or _AGE_AFTER.match(text, m.end())
            or _LONG_PAST[0] <= year <= _LONG_PAST[1]
            or 30 <= year <= 89  # "03/02/82"
            or any(
                _CUE_GAP.fullmatch(text, cue.end(), m.start())
                for cue in DOB_CUE.finditer(text, max(0, m.start() - 60), m.start())
            )
        ):
            yield hit(*m.span(), "dob")


# A date as it is dictated, after a birth cue: "thirty November ninety two", "sixteenth of the
# tenth eighty six", "ninth of April two thousand and eight", "the 3rd of the 4th 1988".
_SPOKEN_WORD = re.compile(r"[A-Za-z]+|\d{1,4}(?:st|nd|rd|th)?")
NUMBER_WORDS = word_set(
    "zero oh one two three four five six seven eight nine ten eleven twelve thirteen fourteen"
    " fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty"
    " ninety hundred thousand"
)
_ORDINAL_WORDS = frozenset(
    [*_UNITS, *_TEENS, "eighteenth", "nineteenth", "twentieth", "thirtieth"]
)
_MONTH_WORD = re.compile(rf"(?:{_MONTH})\Z", re.IGNORECASE)
_LINKS = frozenset({"of", "the", "and"})
_SPOKEN_GAP = re.compile(r"[\s:;,=()\-–]*")


def _spoken_date(text: str, start: int) -> tuple[int, int] | None:
    """Where a dictated date runs, from a cue's end: past up to three other words ("is", "on
    the"), then number words, ordinals, months and digits, with "of", "the" and "and" between;
    a date only with a month, or an ordinal and another number ("nineteen eighty six" is a
    year, and stays)."""
    pos, skipped = start, 0
    parts: list[tuple[int, int, str]] = []
    while True:
        gap = _SPOKEN_GAP.match(text, pos)
        word = _SPOKEN_WORD.match(text, gap.end() if gap else pos)
        if word is None or (parts and gap and any(ch in ",;:()" for ch in gap[0])
                            and not parts[-1][2].isdigit() and word[0].casefold() in _LINKS):
            break
        key = word[0].casefold()
        dated = (key in NUMBER_WORDS or key in _ORDINAL_WORDS or key[0].isdigit()
                 or _MONTH_WORD.match(key) is not None)
        if dated or (parts and key in _LINKS):
            parts.append((word.start(), word.end(), key))
        elif parts or skipped >= 3 or key in NUMBER_WORDS:
            break
        else:
            skipped += 1
        pos = word.end()
    while parts and parts[-1][2] in _LINKS:
        parts.pop()
    keys = [k for _s, _e, k in parts if k not in _LINKS]
    if len(keys) < 2:
        return None
    months = sum(bool(_MONTH_WORD.match(k)) for k in keys)
    ordinals = sum(k in _ORDINAL_WORDS or k[-2:] in ("st", "nd", "rd", "th") for k in keys)
    if not (months or ordinals):
        return None
    if not any(k in NUMBER_WORDS or k in _ORDINAL_WORDS or k[0].isdigit() for k in keys):
        return None
    return parts[0][0], parts[-1][1]


# A whole date this far back is someone's birth, or as telling (Safe Harbor removes every date of
# a person's life but its year): no appointment, hearing or payment in a case note is dated so.
_LONG_PAST = (1900, 1989)

_WEEKDAY_BEFORE = re.compile(
    r"(?i)\b(?:mon|tue|tues|wed|weds|thu|thur|thurs|fri|sat|sun)(?:day|nesday|sday|rsday|urday)?"
    r"\.?,?\s+(?:the\s+)?\Z"
)
_TIME_AFTER = re.compile(r"(?i)\s*,?\s*(?:@|at|from|between)?\s*\d\d?(?:[:.]\d\d|\s?[ap]\.?m\b)")


def _near_a_birth(
    text: str,
    start: int,
    end: int,
    day_month: tuple[int, int],
    named: Collection[tuple[int, int]],
    anyone: Collection[tuple[int, int]],
) -> bool:
    """A registered birthday written as a day and month, where a birth is spoken of (a cue not a
    public holiday's, within a sentence or so):

    * a named client's (``named``: the note names them): with any such cue;
    * anyone's (``anyone``): with a cue right beside it ("4 March, her birthday", "birthday
      party Sat 4 March"); or, when the note names nobody, with a cue further off that owns no
      other date, and no weekday before the date or time after it (an appointment: with hundreds
      of clients most days are somebody's birthday)."""
    if _under_a_birth_column(text, start):
        return True  # "| client | birthday |" over "| Jadwiga D. | 12 December |"
    for cue in DOB_CUE.finditer(text, max(0, start - 120), min(len(text), end + 120)):
        if _HOLIDAY_BEFORE.search(text, max(0, cue.start() - 10), cue.start()):
            continue  # "King's Birthday"
        before = cue.end() <= start
        between = text[cue.end() : start] if before else text[end : cue.start()]
        breaks = len(_BREAK.findall(between))
        if breaks > 1:
            continue  # two sentences away
        if day_month in named:
            return True
        if day_month not in anyone:
            continue
        if before and (own := _own_date(text, cue.end())) and own[0] != start and (
            day_month not in _days_in(own[1])
        ):
            continue  # the cue's own date ("DOB 3/4/19) starts school 25 Nov")
        if not breaks and len(between) <= (30 if before else 25):
            return True  # "turns 36 on Saturday 4 March, her birthday"
        if named:
            continue  # the note names another client: theirs is looked for
        if not (
            _WEEKDAY_BEFORE.search(text, max(0, start - 12), start) or _TIME_AFTER.match(text, end)
        ):
            return True
    return False


# Not an initial's full stop: "Meltem B. — 9 November" is one line.
_BREAK = re.compile(r"(?<!\b[A-Z])[.!?]+(?:\s+|\Z)|\n+")


def _under_a_birth_column(text: str, start: int) -> bool:
    """In a table's cell whose column's heading speaks of a birth ("birthday", "DOB")."""
    line = text.rfind("\n", 0, start) + 1
    if not text.startswith("|", line):
        return False
    column = text.count("|", line, start)
    top = line
    while top > 0:
        above = text.rfind("\n", 0, top - 1) + 1
        if not text.startswith("|", above):
            break
        top = above
    heading = text[top : text.find("\n", top) if "\n" in text[top:] else len(text)]
    cells = heading.split("|")
    return top != line and column < len(cells) and DOB_CUE.search(cells[column]) is not None


def _own_date(text: str, cue_end: int) -> tuple[int, str] | None:
    """Where the date right after a cue starts, and how it is written, if there is one."""
    cued = _GAP_THEN_DATE.match(text, cue_end)
    if cued is not None:
        return cued.start("date"), cued["date"]
    gap = _CUE_GAP.match(text, cue_end)
    at = gap.end() if gap else cue_end
    if text.startswith("[DOB]", at) or text.startswith(" [DOB]", at):
        return at, "[DOB]"  # already replaced: the cue's own, a run over its own output
    full = DATE.match(text, at)
    return (full.start(), full.group()) if full else None




def _days_in(written: str) -> set[tuple[int, int]]:
    """The (day, month) a cue's own date may mean (numeric ones read both ways), with or without
    its year ("4th of March")."""
    m = DATE.search(written)
    if m is not None:
        day, month, _year, numeric = date_parts(m)
        return {(day, month), (month, day)} if numeric else {(day, month)}
    m = _DAY_MONTH_ONLY.search(written)
    if m is None:
        return set()
    return {_day_and_month(m)}


def _day_and_month(m: re.Match[str]) -> tuple[int, int]:
    """(day, month) of a ``_DAY_MONTH_ONLY`` match ("4 March", "March 4th", "4/3", "fourth of
    March")."""
    written = m["d1"] or m["d2"] or m["d3"]
    day = int(written) if written.isdigit() else _ordinal_value(written)
    return day, int(m["m3"]) if m["m3"] else MONTH_NUMBERS[(m["m1"] or m["m2"])[:3].casefold()]


_DAY_MONTH_ONLY = re.compile(
    rf"(?<![\w/\-])(?:(?P<d1>\d\d?|{_ORDINAL})(?:st|nd|rd|th)?(?:\s+of)?\s+(?P<m1>{_MONTH})"
    r"(?:(?<![yYeEhHlL])\.)?"  # "4 Jan." (not a sentence's full stop after "4 May.", "4 June.")
    rf"|(?P<m2>{_MONTH})\.?\s+(?:the\s+)?(?P<d2>\d\d?)(?:st|nd|rd|th)?"
    r"|(?P<d3>\d\d?)/(?P<m3>\d\d?))(?![\w/]|[.\-]\d|,?\s+(?:19|20)?\d\d\b)",
    re.IGNORECASE,
)


def date_parts(m: re.Match[str]) -> tuple[int, int, int, bool]:
    """(day, month, year as written, numeric day/month order?) of a ``DATE`` match."""
    if m["iy"]:
        return int(m["id"]), int(m["im"]), int(m["iy"]), False
    if m["nd"]:
        return int(m["nd"]), int(m["nm"]), int(m["ny"]), True
    day, month, year = (m["td"], m["tm"], m["ty"]) if m["td"] else (m["ud"], m["um"], m["uy"])
    return int(day), MONTH_NUMBERS[month[:3].casefold()], int(year.lstrip("'")), False


# --- street addresses --------------------------------------------------------------------------

# Street types (AS/NZS 4819) with their abbreviations. The first group are never ordinary words
# after a number and a name, so they match after a Title Case name in any case ("17 Banksia CRES")
# or all in lowercase ("17 banksia cres"); the others ("Way", "View", "Park") only in Title Case,
# after a Title Case name ("3 Kestrel Way", not "3 nights way").
_ANY_CASE_TYPES = (
    "street st str|road rd|avenue ave av|crescent cres cresc crs cr|drive dr drv|court ct crt|"
    "place pl|parade pde|terrace tce terr|highway hwy|lane ln|close cl|boulevard boulevarde blvd "
    "bvd|circuit cct|esplanade esp|grove gr gve|square sq|parkway pkwy|promenade prom|"
    "motorway mwy|freeway fwy|circle cir|gardens gdns|heights hts"
)
_TITLE_TYPES = (
    "way wy|view vw|rise|row|crest|loop|track|walk|mews|chase|green|park|reach|ridge|run|turn|"
    "gate|glen|hill|link|mall|pass|path|quay qy|vale|vista|wynd|arcade|approach|reserve|ring|"
    "access|alley|bend|brace|bridge|brow|bypass|byway|causeway|circus|common|concourse|copse|corner|"
    "corso|cove|cross|crossing|dale|dell|edge|end|entrance|estate|fairway|front|gap|"
    "garden|glade|grange|highroad|junction|key|landing|laneway|line|lookout|lower|meander|mount|"
    "nook|outlook|parklands|piazza|plateau|plaza|pocket|point|port|quadrant|quays|ramble|range|"
    "rest|retreat|ride|ridgeway|round|route|rue|siding|slope|spur|steps|strand|strip|tarn|top|tor|"
    "trail|upper|villas|wade|walkway|wharf"
)
ANY_CASE_TYPE_FORMS = frozenset(_ANY_CASE_TYPES.replace("|", " ").split())
STREET_TYPE_FORMS = {  # any form -> an alternation of all forms of its type, longest first
    form: "|".join(forms)
    for forms in (
        sorted(group.split(), key=len, reverse=True)
        for group in f"{_ANY_CASE_TYPES}|{_TITLE_TYPES}".split("|")
    )
    for form in forms
}
UNIT = (  # "Unit 4, ", "U4/", "4/", "Lot ", "Level 3 " before the street number
    r"(?:(?:unit|u|apartment|apt|flat|lot|shop|suite|villa|room|level|lvl|townhouse"
    r"|site|cabin|donga|van|caravan|bed)\.?\s*"  # a park's or a camp's: "Site 31, 17 Zouch Street"
    r"(?:\d+[a-z]?\s*(?:[,/]\s*|\s+(?=\d)))?|\d+[a-z]?\s*/\s*)?"
)


def _alternation(groups: str, *, title: bool) -> str:
    forms = sorted({f for g in groups.split("|") for f in g.split()}, key=len, reverse=True)
    return "|".join(f.capitalize() if title else f for f in forms)


_NOT_NAME = r"(?!(?:at|to|in|on|of|and|the|for|with|from|near|by|or|is|was|a|an)\b)"
# Not a range of days or months: "10 Mon–Wed Street Library", "3 Jan–Feb Court dates".
_NOT_A_DAYS_RANGE = (
    r"(?!(?:Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun|Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep"
    r"|Sept|Oct|Nov|Dec)\b)"
)
_TITLE_WORD = (  # and "McCrae Street", "MacDonnell Road", "DeGaris Place"
    rf"{_NOT_NAME}(?:(?:Ma?c|D[ei]|La|O['’])?[A-Z][a-z'’]*(?:[-–]{_NOT_A_DAYS_RANGE}[A-Z][a-z'’]+)?"
    r"|[A-Z]{2,})"
)
_LOWER_WORD = rf"{_NOT_NAME}[a-z][a-z'’]*"
_ANY_CASE = _alternation(_ANY_CASE_TYPES, title=False)
ADDRESS = re.compile(
    rf"(?<![\w$./:\-])(?i:{UNIT})(?P<num>\d{{1,5}}[a-zA-Z]?(?:\s*-\s*\d{{1,5}}[a-zA-Z]?)?)\s+"
    rf"(?:(?:{_TITLE_WORD}\s+){{0,3}}{_TITLE_WORD}\s+"
    rf"(?:(?i:{_ANY_CASE})|{_alternation(_TITLE_TYPES, title=True)})"
    rf"|(?:{_LOWER_WORD}\s+){{0,2}}{_LOWER_WORD}\s+(?:{_ANY_CASE})"
    rf"|{_LOWER_WORD}(?<!s)\s+way"  # "154 smith way", not "3 nights way"
    # A street that is its type alone: "22 Esplanade", "21 The Strand", "5 The Parade"
    rf"|(?:Esplanade|The\s+(?:{_alternation(_ANY_CASE_TYPES + '|strand|corso', title=True)}))"
    r"(?![ \t]+(?:(?!(?:as|is|was|has|his|hers|its|this|thus|us|yes|plus|unless|whereas|perhaps"
    r"|always|nowadays|sometimes|afterwards|towards|less|across|besides|regardless|once|since"
    r"|ours|yours|theirs)\b)[a-z]+s|stop|carpark|car\s+park)\b)"  # "12 Esplanade benches"
    r")\b\.?"
)
# A house number as dictated: "twelve Hawker Street", "unit four, twenty two Smith Road".
_NUMBER_WORD = (
    rf"(?:(?:{_TENS.replace(' ', '|')})(?:[\s\-]+(?:{'|'.join(_UNITS_SAID)}))?"
    rf"|{'|'.join(_UNITS_SAID)}|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen"
    r"|eighteen|nineteen)"
)
SPOKEN_ADDRESS = re.compile(
    rf"((?i:\b(?:unit|flat|apartment|apt|number|no\.?)\s+{_NUMBER_WORD}\s*[,/]?\s+))?"
    rf"(?<![\w\-])(?i:{_NUMBER_WORD})\s+(?:{_TITLE_WORD}\s+){{0,2}}{_TITLE_WORD}\s+"
    rf"(?:(?i:{_ANY_CASE})|{_alternation(_TITLE_TYPES, title=True)})\b"
)
# Full street type words: a full stop after one ends the sentence ("Drive."), after an
# abbreviation ("Cres.") it belongs to the address.
_FULL_TYPES = frozenset(g.split()[0] for g in f"{_ANY_CASE_TYPES}|{_TITLE_TYPES}".split("|"))
_LAST_WORD = re.compile(r"([^\W\d_]+)\.\Z")


_COMMUNITY = r"(?:Town\s+Camp|Community|Homeland|Outstation|Village|Camp)\b(?![ \t]+[A-Z][a-z])"
# Where a lot or a house number stands for the street number, as in remote communities and
# town camps: "Lot 1204, Peko Road", "Lot 31, Boigu Island QLD 4875", "House 12, Larapinta
# Valley Town Camp" (not "Lot 7 at the sale yards").
_LOT_ADDRESS = re.compile(  # a community's own name first ("Boigu Island"), not "House 6 Community
    # Meeting"
    rf"\b(?:Lot|LOT|House|HOUSE|Plot|PLOT)\s+\d{{1,5}}[A-Za-z]?,?\s+(?:{_TITLE_WORD}\s+){{0,3}}(?:"
    rf"{_TITLE_WORD}\s+(?:(?i:{_ANY_CASE})|{_alternation(_TITLE_TYPES, title=True)})\b"
    r"|(?<=[a-z]\s)(?:Town\s+Camp|Community|Island|Homeland|Outstation|Village|Camp)\b"
    r"(?![ \t]+[A-Z][a-z])(?:,?\s+[A-Z]{2,3}\s+\d{4})?"
    rf"|{_TITLE_WORD},?\s+(?:QLD|NSW|VIC|SA|WA|TAS|NT|ACT)\s+\d{{4}}\b)"
    # lowercase, or the community first: "house 14, Mirima Village", "Bagot Community, house 22"
    rf"|\bhouse\s+\d{{1,5}}[A-Za-z]?,\s+(?:{_TITLE_WORD}\s+){{1,3}}{_COMMUNITY}"
    rf"|(?<![\w'’])(?:{_TITLE_WORD}\s+){{1,3}}{_COMMUNITY},\s+(?i:house|lot)\s+\d{{1,5}}[A-Za-z]?\b"
)

# A home that is a numbered site, cabin, shack or marina pen ("Site 38", "at cabin 9", "Pen
# B03"), or a room in a motel, hostel or boarding house named just before it ("Parramatta
# City Motel, Room 14"); not a meeting's "Room 2", nor "on site 10-12".
_DWELLING = re.compile(
    r"\b(?:Site|SITE|Cabin|CABIN|Shack|SHACK|Pen|PEN|Berth|BERTH|Mooring|MOORING"
    r"|(?<=at )(?:site|cabin|shack|berth)|(?<=from )(?:site|cabin|shack|berth))"
    r"[ \t]+#?(?:[A-Z]-?)?\d{1,4}[A-Za-z]?(?![\w/:.\-–]*\d)"
)
_ROOM = re.compile(r"\b(?:[Rr]oom|ROOM|[Rr]m)[ \t]+#?(?:[A-Z]-?)?\d{1,4}[A-Za-z]?(?![\w/:.\-–]*\d)")
_LODGINGS = (
    r"(?i:motel|hotel|hostel|backpackers|boarding|rooming|quarters|lodge|inn|accommodation"
    r"|crisis|refuge|pub|aged\s+care|care\s+home|nursing\s+home|residential(?:\s+care)?"
    r"|respite|hospice|resident)\b"
)
_LODGING_BEFORE = re.compile(rf"{_LODGINGS}(?:[^.\n]|(?<=\b[A-Z])\.){{0,60}}\Z")
_LODGING_AFTER = re.compile(rf",[ \t]*(?:[^\W\d_]+[ \t]+){{0,2}}{_LODGINGS}")  # ", aged care home"


_AT_WORK_AFTER = re.compile(
    r"[ \t]+(?i:induction|toolbox|safety|meeting|crew|job|supervisor|foreman|manager|office"
    r"|shift|sign-?in|works|worksite|sheep|cattle|cows|steers|heifers|lambs|ewes|pigs|goats"
    r"|sold|auction)\b"
)
_AT_WORK_BEFORE = re.compile(r"(?i:\b(?:works?|working|worked|job|shift|crew)\s+(?:at|on)\s+)\Z")
# A pen is a home only at a marina ("Pen B03"); elsewhere it is an animal's.
_BOATS = re.compile(
    r"(?i:\b(?:marina|boat|houseboat|yacht|jetty|berth|mooring|liveaboard|live-aboard|vessel"
    r"|pontoon|trawler|catamaran|cruiser|ketch|sloop|launch|dinghy|tinnie)s?\b)"
)


def _a_marinas_pen(text: str, m: re.Match[str]) -> bool:
    """A pen that is someone's home: at a marina, with a boat near, a berth's letter ("Pen
    B03") or a suburb after it ("Pen 14, Fremantle")."""
    return _BOATS.search(text) is not None or re.search(r"[A-Za-z]-?\d", m[0][3:]) is not None or (
        re.match(r",[ \t]*[A-Z]", text[m.end() :]) is not None
    )


# A cabin at a camp for children or a retreat: "Cabin 4 at Camp Kanga", "at the youth camp"
# (not a suburb, "at Camp Hill", nor a camp where people work and live: "the mining camp").
_A_CAMPS_CABIN = re.compile(
    r"[ \t]+(?i:at|in|of)[ \t]+(?:the[ \t]+)?(?:Camp\b(?![ \t]+(?:Hill|Mountain|Creek)\b)"
    r"|(?i:youth|kids?|children's|school|scouts?|guides|holiday|church|sports?|summer|bible|music"
    r"|surf|footy|leadership|girls|boys|family|cadet|jamboree)[ \t]+camp\b)"
)
_OFFICE_BEFORE = re.compile(
    r"(?i:\b(?:office|meeting|interview|(?:group|board)\s+(?:session|meeting|room)|training"
    r"|consult(?:ing)?|counselling)(?:\s+(?:is|in|was))?\s+)\Z"
)
# Where the text says it is someone's home, a site, cabin or pen is one whatever follows
# ("lives at Site 12 manager wants her out", "Site 22 office says rent is behind").
_LIVES_BEFORE = re.compile(
    r"(?i:\b(?:lives?|living|lived|stays?|staying|stayed|moved|moving|move)\s+(?:in|at|into|to"
    r"|from|on)\s+(?:the\s+)?)\Z"
)
_A_HOME_NEAR = re.compile(
    r"(?i:\b(?:rent|arrears|tenancy|caravan|(?:park|site)\s+manager|his\s+home|her\s+home"
    r"|their\s+home|is\s+home|lives?|living|houseboat|liveaboard)\b)"
)


def _said_to_be_home(text: str, m: re.Match[str]) -> bool:
    return _LIVES_BEFORE.search(text, max(0, m.start() - 24), m.start()) is not None or (
        _A_HOME_NEAR.search(text, max(0, m.start() - 60), m.end() + 60) is not None
    )


def dwellings(text: str) -> list[Hit]:
    """Homes numbered within a park, a marina or a lodging (see ``_DWELLING``); not a work site,
    a stock pen ("Site 4 induction", "works at Site 7", "Pen 4 sheep") or an office's room."""
    hits = [hit(*m.span(), "address") for m in _DWELLING.finditer(text)
            if _said_to_be_home(text, m) or (
                not _AT_WORK_AFTER.match(text, m.end())
                and not _AT_WORK_BEFORE.search(text, max(0, m.start() - 24), m.start())
                and not (m[0][0] in "Pp" and not _a_marinas_pen(text, m))  # a pound's pen
                and not (m[0][0] in "Cc" and _A_CAMPS_CABIN.match(text, m.end()))
            )]
    for m in _ROOM.finditer(text):
        if _OFFICE_BEFORE.search(text, max(0, m.start() - 24), m.start()):
            continue  # "the refuge office is room 1"
        if _LODGING_BEFORE.search(text, max(0, m.start() - 80), m.start()) or (
            _LODGING_AFTER.match(text, m.end())
        ):
            hits.append(hit(*m.span(), "address"))
    return hits


# An address in Europe or Latin America, the number after the street: "Thorbeckegracht 41, 8011
# Zwolle", "Hauptstraße 12", "Via Roma 5", "Calle de Alcalá 22", "Rua Augusta 100", with its
# postcode and town.
_STREET_ABROAD = re.compile(
    r"(?<![\w\-])(?:[A-ZÀ-Þ][\wà-ÿß'\-]*(?:straat|gracht|laan|plein|kade|dijk|singel|steeg|weg"
    r"|straße|strasse|gasse|allee|platz|damm|(?<!ri)(?<!ne)gade|vej|gatan|vägen|veien|gata|katu"
    r"|utca|ulica)"
    r"|(?:Via|Viale|Piazza|Corso|Calle|Avenida|Rua|Rue|Ulica|Carrer|Plaza|Praça)"
    r"(?:[ \t]+(?:de|del|della|di|da|do|dos|das|la|le|des|du))*"
    r"(?:[ \t]+(?!(?:Level|Shop|Gate|Suite|Bus|Platform|Bay|Door|Floor|Room|Stop|Car|Park"
    r"|Dental|Medical|Station|Cafe|Café|Bar|Bistro|Restaurant|Hotel)\b)[A-ZÀ-Þ][\wà-ÿ'\-]*){1,3})"
    r"[ \t]+(?!(?:19|20)\d\d\b)\d{1,4}[a-zA-Z]?(?![\w/.:\-]|[.,]\d)"
    # a count of something is no house number: "Fire Brigade 12 crew", "Via Central 2 stops"
    r"(?![ \t]+(?!(?:in|is|was|and|with|on|near|until|till|since|for|where|which|but|or|to|from"
    r"|at|then|now|today|too|here|there|also|still|yesterday|tomorrow|last|this|next"
    # a floor or a flat, as written there: "12 st. tv.", "12 piano 3", "8 lgh 1102", "22 oben"
    r"|st|tv|th|mf|piano|int|apto|apt|bajo|lgh|oben|scala|esc|dcha|izq|etage|étage)\b)[a-z])"
    r"(?:,?[ \t]+\d{4,5}(?:[ \t]?[A-Z]{2})?[ \t]+[A-ZÀ-Þ][\wà-ÿ'\-]+)?"
)


# "Via" on a route is the way, not a street: "Bus 380 Via Bondi 12", "Train to Parramatta Via
# Central 3 today", "Flying Via Singapore 2 next week".
_A_ROUTE_BEFORE = re.compile(
    r"(?i:\b(?:bus|buses|train|trains|tram|ferry|flight|flights|flying|fly|flew|route|line"
    r"|coach)\b)[^.\n]{0,24}\Z"
)


# An address abroad, the number first: "12 Rue Desforges, Port Louis, Mauritius", "4 chemin
# des Lilas", "Block 4, Lapu-Lapu City, Cebu, Philippines" (the block's only with its country).
_NUMBER_THEN_STREET = re.compile(
    r"(?<![\w\-/.$])\d{1,4}[a-zA-Z]?,?[ \t]+(?:[Rr]ue|[Cc]hemin|[Ii]mpasse|[Aa]llée"
    r"|[Bb]oulevard(?![ \t]+(?:Cafe|Café|Bar|Restaurant|Hotel|Motel|Shopping|Centre|Plaza)\b)"
    r"|[Aa]venue(?=[ \t]+(?:de|du|des|d['’]))|Bd|Av\.(?=[ \t]+(?:de|du|des|d['’])))"
    r"(?:[ \t]+(?:de|du|des|la|le|d['’]|l['’]))*[ \t]+[A-ZÀ-Þ][\wà-ÿ'’\-]*"
    r"(?:[ \t]+[A-ZÀ-Þ][\wà-ÿ'’\-]*){0,2}"
    r"|\b(?:Block|Blk|Purok|Barangay|Brgy\.?)[ \t]+\d{1,4}[A-Za-z]?(?=(?:,[ \t]*[A-ZÀ-Þ][\w'’\-]*"
    r"(?:[ \t\-]+[A-ZÀ-Þ][\w'’\-]*){0,2}){1,3},[ \t]*(?:%s)\b)"
)
# The town, province and country after an address abroad.
_ABROAD_TAIL = re.compile(
    r"(?:,[ \t]*[A-ZÀ-Þ][\wà-ÿ'’\-]*(?:[ \t\-]+[A-ZÀ-Þ][\wà-ÿ'’\-]*){0,2}){0,3},[ \t]*(?:%s)\b"
)
_COUNTRIES = (
    "Mauritius|Philippines|France|Belgium|Switzerland|Canada|Lebanon|Vietnam|Viet Nam|Cambodia"
    "|Thailand|Indonesia|Malaysia|Singapore|India|Sri Lanka|Nepal|Pakistan|Bangladesh|China"
    "|Taiwan|Korea|Japan|Fiji|Samoa|Tonga|Vanuatu|Papua New Guinea|New Zealand|Haiti|Seychelles"
    "|Madagascar|Senegal|Congo|DRC|Rwanda|Burundi|Kenya|Ethiopia|Eritrea|Sudan|South Sudan"
    "|Somalia|Egypt|Iraq|Iran|Syria|Afghanistan|Turkey|Greece|Italy|Spain|Portugal|Brazil"
    "|Chile|Colombia|Peru|Mexico|Argentina|Ireland|UK|England|Scotland|Germany|Poland|Romania"
)
_NUMBER_THEN_STREET = re.compile(_NUMBER_THEN_STREET.pattern % _COUNTRIES)
_ABROAD_TAIL = re.compile(_ABROAD_TAIL.pattern % _COUNTRIES)
_ABROAD_GATE = re.compile(
    r"(?i:rue|chemin|impasse|allée|boulevard|avenue d|\bav\. d|\bbd\b|block|blk|purok"
    r"|barangay|brgy)"
).search


def _abroad(text: str) -> list[Hit]:
    hits = []
    for m in _NUMBER_THEN_STREET.finditer(text):
        tail = _ABROAD_TAIL.match(text, m.end())
        hits.append(hit(m.start(), tail.end() if tail else m.end(), "address"))
    return hits


def addresses(text: str) -> list[Hit]:
    """Street addresses of anyone: a number, a street name and a street type, with any unit or
    lot before it, and a listed suburb written after it; and streets abroad (_STREET_ABROAD)."""
    hits = _abroad(text) if _ABROAD_GATE(text) else []
    hits += [hit(m.start(), _suburb_after(text, m.end()), "address")
            for m in [*_LOT_ADDRESS.finditer(text), *_STREET_ABROAD.finditer(text)]
            if not _NO_ONES_CAMP.search(m[0]) and not (
                m[0].startswith("Via") and _A_ROUTE_BEFORE.search(text, max(0, m.start() - 40),
                                                                  m.start())
            )]
    hits += dwellings(text)
    hits += _labelled_addresses(text)
    for m in _A_ROAD_IN_TOWN.finditer(text):  # "Muckadilla Road, Muckadilla QLD 4461"
        start = m.start()
        if (named := _A_PROPERTYS_NAME.search(text, max(0, start - 40), start)) and (
            _a_propertys_name(named[0])
        ):
            start = named.start()  # '"Kooringa", Muckadilla Road, …'
        hits.append(hit(start, m.end(), "address"))
    for m in ADDRESS.finditer(text):
        if "\n" in m[0] and _A_HEADINGS_NUMBER.search(text, 0, m.start("num")):
            continue  # "Year 9 Camp\nWarrigal Park College": a heading's number, then a line
        if "\n" in m[0] and _A_DAY_AND_MONTH.match(m[0]):
            continue  # "due 30 June\nBush court, Wurrumiyanga": a date ends the line
        end = m.end()
        last = _LAST_WORD.search(m[0])
        if last and last[1].casefold() in _FULL_TYPES:
            end -= 1
        start = m.start()
        if care_of := _CARE_OF.search(text, max(0, start - 6), start):
            start = care_of.start()  # "c/o 61 Hotham Street": in whose care, the address's too
        elif (named := _A_PROPERTYS_NAME.search(text, max(0, start - 40), start)) and (
            _a_propertys_name(named[0])
        ):
            start = named.start()  # '"Glenmorgan Downs", 1460 Yuleba–Surat Road': its name too
        hits.append(hit(start, _suburb_after(text, end), "address"))
    return hits


# A road with no number, its town, state and postcode: a rural property's whole address.
_A_ROAD_IN_TOWN = re.compile(
    r"(?<![\w\-])[A-Z][a-z'’]+(?:[ \t][A-Z][a-z'’]+)?[ \t]+(?:Road|Rd|Highway|Hwy|Lane|Ln|Track"
    r"|Street|St|Drive|Dr|Avenue|Ave)\.?,?[ \t]+[A-Z][A-Za-z'’]+(?:[ \t][A-Z][A-Za-z'’]+)?,?[ \t]+"
    r"(?:QLD|NSW|VIC|SA|WA|TAS|NT|ACT)[ \t]+\d{4}(?![\w])"
)
_A_DAY_AND_MONTH = re.compile(rf"\d{{1,2}}[ \t]+(?i:{_MONTH})\b[^\n]*\n")
_CARE_OF = re.compile(r"(?i)\bc/[o-][ \t]*\Z")
def _a_propertys_name(quoted: str) -> bool:
    """A rural property's name, its words no one's English or a property's ("Kooringa",
    "Glenmorgan Downs"); not a service's or a saying ('"The Orange Door"', '"No worries"')."""
    words = re.findall(r"[a-z'’]+", quoted.casefold())
    return bool(words) and (words[-1] in _PROPERTY_WORDS or all(
        w not in lexicon.english_words() or w in _PROPERTY_WORDS for w in words
    ))  # '"Rose Cottage", 88 Old Coach Rd' too


_PROPERTY_WORDS = word_set(
    "downs station park farm creek hill hills vale estate homestead lodge plains springs valley"
    " run ridge gully glen views view cottage homestead acres orchard vineyard retreat grange"
    " manor farmhouse"
)
_A_PROPERTYS_NAME = re.compile(r"[\"“][A-Z][\w'’ ]{2,30}[\"”],?[ \t]*\Z")


# A number that belongs to the words before it: "Year 9", "Term 3", "Week 10", "Level 2".
_A_HEADINGS_NUMBER = re.compile(
    r"(?i)\b(?:year|yr|term|week|wk|round|rnd|grade|stage|module|day|semester|group|team"
    r"|under)[ \t]*\Z"  # (not "Unit 7", "Room 3", "Level 2": a home's, whose lines go on)
)
# Camps nobody lives at: "Lot 5, Scout Camp had a fire drill", "Army Camp, lot 4 parking".
_NO_ONES_CAMP = re.compile(
    r"(?i)\b(?:scout|scouts|bible|boot|youth|army|holiday|sports?|training|summer|winter|church"
    r"|school|cadet|cadets|band|music|surf|footy|football|mining|construction|fishing|kids|holiday"
    r"|adventure|leadership|fitness|rehab|detention|work)\s+camp\b"
    r"(?!\s+(?:road|rd|street|st|lane|drive|dr|track|way)\b)"
)
# A form's address field, whatever the country's way of writing one ("Previous address (India):
# TC 14/1127, Vazhuthacaud, Thiruvananthapuram"): up to the line's end or the next column.
_ADDRESS_FIELD = re.compile(
    r"\b(?i:address|addr|adresse|direcci[oó]n|endere[cç]o|indirizzo)\b"
    r"(?P<about>[ \t]+(?i:issues?|history|updates?|updated|changes?|changed"
    r"|check|checks|checked|confirmed|verified|problems?|status|proof|moves?|notes?)\b)?"
    r"[^:\n]{0,40}:[ \t]*\"?(?P<what>[^\n|\t(\"{}]{4,80}?)[ \t]*"
    r"(?=[ \t]{2,}|\t|\||$|\.(?:\s|$)|[ \t]\(|\")",  # a JSON value ends at its quote
    re.MULTILINE,
)
_A_DWELLINGS_WORD = re.compile(
    r"(?i)\b(?:flat|unit|block|lot|house|sector|camp|apartment|apt|room|villa|street|st|road|rd"
    r"|avenue|ave|lane|drive|dr|court|ct|po box|phase|zone|village|compound|building)\b"
)
_NO_ADDRESS = re.compile(
    r"(?i)(?:same|see|as above|unknown|nfa|n/?a|none|tbc|tba|nil|no fixed|homeless|not known"
    r"|not (?:provided|given|stated)|withheld|declined|refused|pending|various)\b"
)


NO_HOMES_WORD = re.compile(
    r"(?i)\b(?:couch|couches|surfing|rough|sleeping|sleeps|shelter|refuge|homeless|car|tent|street"
    r"|streets|crisis|temporary|transitional|motel|hostel|boarding|rooming|transient|squat"
    r"|squatting|itinerant|emergency|accommodation|hospital|custody|prison|detention|kinship"
    r"|care|place|caravan|places|around|stable|unstable"
    r"|(?:staying|living|lives|stays|with)[ \t]+(?:with[ \t]+)?(?:her[ \t]+|his[ \t]+|their[ \t]+)?"
    r"(?:family|friends?|mates?|relatives|rellies|cousins?|mum|dad|mother|father|nan|nanna|aunty"
    r"|auntie|uncle|sister|brother|parents|grandparents|partner|boyfriend|girlfriend|kin))\b"
    # "Mum's place, Logan", "Kinship care, Inala", "With family, Kyneton", "Between places"
)


def _a_localitys_address(what: str) -> bool:
    """An address with no number, as villages abroad have: a place that is no listed town, then
    its district or country ("Aldeia Buruma, Suco Buruma, Baucau", "Lenakel area, Tanna");
    not a town alone ("Katherine, NT")."""
    parts = [p.strip() for p in what.split(",")]
    if len(parts) < 2 or not all(parts):
        return False
    first = re.findall(r"[^\W\d_]+", parts[0].casefold())
    if NO_HOMES_WORD.search(parts[0]) and not re.search(r"\d", what):
        return False  # a way of having no home: "Couch surfing, Logan", "Youth shelter, Townsville"
        # (but "Sandy Creek Farm, Murgon" is a home)
    return bool(first) and not lexicon.listed_place(first) and parts[0][:1].isupper()


def _labelled_addresses(text: str) -> list[Hit]:
    """The value of an address field that has a number and a capitalised word in it; not "Address:
    NFA" or "Address: see file"."""
    hits = []
    for m in _ADDRESS_FIELD.finditer(text):
        what = m["what"]
        if _NO_ADDRESS.match(what) or "@" in what or not (
            re.search(r"\d", what) or _a_localitys_address(what)
        ) or not re.search(r"\b[A-Z][a-z]", what) or ADDRESS.search(what) or (
            _STREET_ABROAD.search(what)
        ):
            continue  # a street address is found as one, with its suburb
        if m["about"] and not _A_DWELLINGS_WORD.search(what):
            continue  # "Address issues: rent arrears since 2024"; but "Address updated: Flat 3"
        hits.append(hit(m.start("what"), m.end("what"), "address"))
    return hits


STREET_KEYS = frozenset(STREET_TYPE_FORMS)

# Someone's home on a street, no number given ("her flat on Koombana Drive", "the Gatdet place
# on Ropeley Rockside Road"): on a country road or a short street that is one house or a few.
# Only everyday street types: a highway or freeway narrows nothing down.
HOME_WORDS = word_set(
    "house home flat unit cottage place shack caravan farm property townhouse villa apartment"
)
_HOME_STREET_TYPES = "street st road rd avenue ave drive dr court ct crescent cres lane ln close"
_HOME_ON_STREET = re.compile(
    rf"\b(?P<home>{'|'.join(HOME_WORDS)})\s+(?:on|in|off)\s+(?:the\s+)?"
    rf"(?P<street>(?:{_TITLE_WORD}\s+){{1,3}}(?i:{_HOME_STREET_TYPES.replace(' ', '|')})\b)"
)


def homes_on_streets(text: str, kept: Collection[tuple[int, int]]) -> list[Hit]:
    """The street of someone's home said without its number ("the cottage on Murtho Road",
    "she lives on Koombana Drive", "we moved in to koch street"); not a named building's
    ("Bethlehem House on Warwick Street"), a business's ("the Luv-a-Duck farm on the Nhill-Harrow
    Road": a kept name just before), a service's unit or where something took place."""
    ends = {e for _s, e in kept}
    hits = [hit(m.start("street"), m.end("street"), "address")
            for m in _HOME_ON_STREET.finditer(text)
            if len(text[: m.start("home")].rstrip(" ")) not in ends
            and not _NOT_A_HOME_BEFORE.search(text, max(0, m.start("home") - 16), m.start("home"))]
    hits += [hit(m.start("street"), m.end("street"), "address")
             for m in _LIVES_ON_STREET.finditer(text)
             if not (_PLACE_AFTER_STREET.match(text, m.end("street"))
                     and not _HOUSING_AFTER_STREET.match(text, m.end("street")))
             and not (_SAYINGS.match(text, m.start("street"))
                      and not _a_suburb_after(text, m.end("street")))]
    return hits


def house_numbers(text: str) -> list[Hit]:
    """A neighbour's house by its number: "the neighbour at number 29", "Number 7's tap" (not
    "at number 3 on the waitlist")."""
    alone = [hit(*m.span("home"), "address") for m in _HOME_ALONE.finditer(text)
             if not m["home"][:1].isupper() and m["home"] != "24/7"
             and not _A_READING.search(text, max(0, m.start() - 24), m.start())
             and not _A_READINGS_UNIT.match(text, m.end())]
    return alone + [hit(*m.span(m.lastgroup or 0), "address")
            for m in _HOUSE_NUMBER.finditer(text)
            if not (rank := _A_RANK_AFTER.match(text, m.end())) or (
                rank["stand"] and _A_HOME_BEFORE.search(text, max(0, m.start() - 24), m.start())
            )]  # "lives at number 14 bay view"; not "stayed at number 1 on the ladder"


# Someone's home, whatever follows the number: "She lives at number 14 bay view", "Neighbour at
# number 7 court side".
_A_HOME_BEFORE = re.compile(
    r"(?i)\b(?:lives?|living|lived|stay(?:s|ing|ed)?|neighbou?rs?|next\s+door)\b"
    r"[\w\s'’]{0,12}\Z"
)


HOUSE_KEYS = word_set("number no same unit flat apartment apt house at")
# A reading, a score or a class, not a home: "BP is at 140/90", "MMSE score is at 27/30", "born
# at 38/40 weeks", "the class is in unit 5 this term".
_A_READING = re.compile(
    r"(?i)\b(?:bp|blood\s+pressure|pressure|score|scored|scores|sats|saturation|mmse|moca|k10|gcs"
    r"|pain|gestation|pregnant|born|result|results|rating|rated|pulse|hb|bsl|marks|class"
    r"|course|lesson|lessons|module|tafe|cert|school|subject|appointment|appt|time|(?-i:mark))"
    r"(?:[ \t]+(?:today|now|still|reading|level|result|again|this\s+week)){0,2}[ \t]+\Z"
)  # the reading is the verb's subject: "BP is at", "BP today is at"; not "Mark lives at"
_A_READINGS_UNIT = re.compile(
    r"(?i)[ \t]*(?:weeks?|wks?|mmhg|bpm|%|this\s+(?:term|semester)|pregnant)\b"
)


# Someone's home by its unit or house number alone, where a home is said: "the agent lives in
# unit 1", "the neighbour in unit 3", "her sister is at house 14", "the dog is at 7/27 next door"
# (a number over twelve after the slash: no date). Not "Unit 18" (a youth prison's), "unit 4 of
# the course" or "in unit 3 of the cert".
_HOME_ALONE = re.compile(
    r"(?i:\b(?:lives?|living|lived|stay(?:s|ing|ed)?|neighbou?rs?|next\s+door|is|are|was|were"
    r"|moved|moving|sleeps?|sleeping|block)\b)[\w\s'’]{0,24}?\b(?i:in|at|from)[ \t]+"
    r"(?P<home>(?:unit|flat|apartment|apt|house)[ \t]+\d{1,4}[A-Za-z]?"
    r"|\d{1,3}/(?:1[3-9]|[2-9]\d|\d{3})(?!\d))(?![\w/]|[ \t]+of\b)"
)
# Whose home a street may be said as: "at her sister's on Racecourse Road".
_HOSTS = word_set(
    "sister brother mum mother dad father aunty auntie aunt uncle nan nanna gran grandma"
    " grandmother grandfather pop cousin friend mate partner boyfriend girlfriend daughter son"
    " niece nephew"
)
_STAYED_WITH = _HOSTS | word_set("friends mates family him them")
LIVES_KEYS = _HOSTS | word_set(
    "lives live living lived staying stays stay stayed moved moving move moves keys new"
)


# "the rally took place on George Street", "the AOD unit on Herston Road": no one's home.
_NOT_A_HOME_BEFORE = re.compile(
    r"(?i)\b(?:took|takes|taking|take|aod|health|rehab|detox|psych|acute|inpatient|dialysis"
    r"|hospital|care|assessment|youth)\s+\Z"
)
_ANY_STREET = (
    rf"(?:[A-Za-z][a-z'’\-]+\s+){{1,3}}(?i:{_HOME_STREET_TYPES.replace(' ', '|')})\b"
)
_LIVES_ON_STREET = re.compile(
    r"(?i:\b(?:lives?|living|lived|staying|stays"
    r"|(?:i|we|she|he|they|family|kids|mum|dad)(?:['’]ve|['’]s|\s+(?:has|have|had|is|are|was"
    r"|were|just|finally|will|to))?\s+(?:moved|moving|move|moves))\s+(?:in\s+)?"
    r"(?:on|in|to|into|onto|off)|\bkeys\s+(?:for|to)|\bnew\s+(?:place|house|unit|flat|home)"
    r"\s+(?:on|in)"
    # at a relative's, or staying with them: "at her sister's on Racecourse Road", "staying
    # with her aunty and her cousin on Ironwood Drive"
    rf"|\b(?:{'|'.join(sorted(_HOSTS, key=len, reverse=True))})['’]s\s+on"
    r"|\bstay(?:ing|s|ed)?\s+with\s+"  # someone: not "stayed with the car on Ipswich Road"
    r"(?:(?!\b(?:rather|than|in|at|motel|hotel|instead|while|until|or)\b)[^.\n;:]){0,40}?"
    rf"\b(?:{'|'.join(sorted(_STAYED_WITH, key=len, reverse=True))})s?\b"
    r"(?:(?!\b(?:rather|than|in|at|motel|hotel|instead|while|until|or)\b)[^.\n;:]){0,40}?\s+on)"
    r"\s+(?:the\s+)?"
    rf"(?P<street>(?!(?i:the|a|my|his|her|their|our)\s){_ANY_STREET})"  # not "off the drive"
)
_HOUSE_NUMBER = re.compile(
    r"(?i:\b(?:at|from|to|of)\s+)(?P<house>(?i:number|no\.)\s*\d{1,4}[a-z]?)(?![\w/])"
    r"|(?P<house2>\bNumber\s+\d{1,4}[a-z]?)(?=['’]s\b)"
    r"|(?P<house3>(?i:\b(?:unit|flat|apartment|apt|townhouse|villa))\s*\d{1,4}[a-z]?)"
    r"(?=\s+(?i:in|of|at)\s+(?:the\s+)?same\s+(?i:block|building|complex|street))"
)
_PLACE_AFTER_STREET = re.compile(  # "moved to the Queen Street Mall", "Roma Street station",
    # "keys for the Ann Street office", "moved to Logan Road Medical Practice"
    r"(?i)\s+(?:mall|station|markets?|bridge|wharf|terminal|interchange|shops|plaza|precinct"
    r"|office|clinic|practice|school|library|pharmacy|chemist|police|church|hall|hostel|hub"
    r"|centre|center|tafe|parkland|campus|medical|hospital|branch|depot|state|public|community"
    r"|health|service|services|shelter|refuge|mission|site|premises|store|shop|building)\b"
)
# Streets of sayings, no one's address: "living on Struggle Street", "Easy Street".
_SAYINGS = re.compile(r"(?i)(?:struggle|easy|civvy|civvie|queer)\s")
# Still a home: "moved to Hope Street public housing", "lives in Ridge Road building 4", and a
# saying's street with its suburb ("lives on Easy Street, Collingwood").
_HOUSING_AFTER_STREET = re.compile(
    r"(?i)\s+(?:(?:public|community|state|social)\s+(?:housing|house|home|flats?|units?)"
    r"|building\s+\d)\b"
)
_A_CAPITAL_AFTER = re.compile(r",?\s+(?:in\s+)?([A-Z][a-z]+)")


def _a_suburb_after(text: str, end: int) -> bool:
    """A saying's street with a suburb after it is a home: "on Easy Street, Collingwood now";
    not "in January", ", Dad says", ", Centrelink cut her payment"."""
    m = _A_CAPITAL_AFTER.match(text, end)
    if m is None:
        return False
    key = m[1].casefold()
    return not (
        key in lexicon.MONTHS or key in lexicon.WEEKDAYS or key in lexicon.RELATIONS
        or key in lexicon.never_names()
    )
# A place in a list, a count, a stop or a form's item, not a house: "number 3 on the housing
# register", "number 4 of 10", "from number 14 to number 3 on the waitlist", "number 3 stand".
_A_RANK_AFTER = re.compile(
    r"(?i)(?:\s+to\s+(?:number|no\.?)\s*\d{1,4})?(?:\s+(?:on|in|of)\s+(?:the\s+|our\s+|her\s+"
    r"|his\s+|their\s+|a\s+)?(?:[\w\-]+\s+){0,2}(?:list|waitlist|wait-list|waiting\s+list|queue"
    r"|line|register|form|checklist|charts?|agenda|ladder|table|page|sheet|survey|questionnaire)"
    rf"\b|\s+of\s+\d+\b(?![ \t]+{_ANY_STREET})"  # "number 6 of 8 Housing SA applicants"; but
    r"|(?P<stand>\s+(?:stand|platform|gate|bay|court|terminal|priority|ranked|spot)\b))"
)  # "number 6 of 8 Ross St" is a home


def spoken_addresses(text: str) -> list[Hit]:
    """Addresses with the house number in words, as dictated ("unit four, twelve Hawker
    Street, Bowden"), in lowercase too after a cue ("moving out of three balga avenue")."""
    hits = [
        hit(m.start(), _suburb_after(text, m.end()), "address")
        for m in SPOKEN_ADDRESS.finditer(text)
        if m[1] or _ADDRESS_CUE.search(text, max(0, m.start() - 30), m.start())
    ]
    for m in _SPOKEN_LOWER.finditer(text):
        named = m["street"].split()
        if any(w in lexicon.FUNCTION_WORDS or w in lexicon.english_words() for w in named[-1:]) or (
            any(w in lexicon.FUNCTION_WORDS for w in named)
        ):
            continue  # "at two main street": a street's own name, not "at three the street"
        if _ADDRESS_CUE.search(text, max(0, m.start() - 30), m.start()) or _OUT_OF.search(
            text, max(0, m.start() - 30), m.start()
        ):
            hits.append(hit(m.start(), _suburb_after(text, m.end()), "address"))
    return hits


_SPOKEN_LOWER = re.compile(
    rf"(?<![\w\-]){_NUMBER_WORD}\s+(?P<street>[a-z][a-z'’]+(?:[ \-][a-z][a-z'’]+)?)\s+"
    r"(?:street|road|avenue|drive|court|crescent|place|parade|terrace|lane|close|grove|highway"
    r"|boulevard|circuit|esplanade)\b"
)
_OUT_OF = re.compile(r"(?i)\b(?:out\s+of|from|address(?:\s+is)?)\s*[:,]?\s*\Z")


_ADDRESS_CUE = re.compile(
    r"(?i)\b(?:address(?:\s+is)?|(?:lives?|living|stay(?:s|ing)?|staying|is)\s+(?:at|on)"
    r"|mov(?:e|ed|ing)\s+(?:in)?to|at)\s*[:,]?\s*\Z"
)


_SUBURB = re.compile(
    r",?\s+([A-Z][A-Za-z'’\-]+)(?:[ \t]+([A-Z][A-Za-z'’\-]+))?(?:[ \t]+([A-Z][A-Za-z]+))?"
)
_STATE_POSTCODE = re.compile(r",?\s+(?:QLD|NSW|VIC|SA|WA|TAS|NT|ACT)(?:\s+\d{4})?(?![\w])")
_STATE_AND_POSTCODE = re.compile(r",?\s+(?:QLD|NSW|VIC|SA|WA|TAS|NT|ACT)\s+\d{4}(?![\w])")
_COMPASS_WORDS = word_set("north south east west central upper lower mount mt port")
_COMPASS = re.compile(r"[ \t]+(?:North|South|East|West|Central|NORTH|SOUTH|EAST|WEST)\b")


_LOWER_SUBURB = re.compile(r"(?:,|[ \t]+comma)?[ \t]+([a-z][a-z'’\-]+)(?:[ \t]+([a-z]+))?")


def _lower_suburb_after(text: str, end: int) -> int:
    """A listed suburb or town in lowercase after a street: "12 main street zeehan"."""
    m = _LOWER_SUBURB.match(text, end)
    if m is None:
        return end
    first, second = m[1], m[2] or ""
    if (second in lexicon.PLACE_HEADS or second in _SERVICES_HEADS) and (
        _AN_ORGANISATIONS_DEED.match(text, m.end(2)) or second in _ORGANISATIONS
    ):
        return end  # "7 mill lane logan council said", "4 rose st ryde hospital appt"
    if second and (first, second) in lexicon.place_phrases().get(first, ()) and (
        (first, second) not in lexicon.service_phrases()  # "wa police came"
    ):
        return m.end(2)
    if first in lexicon.place_words() and first not in lexicon.english_words() and (
        first not in lexicon.FUNCTION_WORDS and first not in lexicon.STATES
    ):  # not "qld housing"
        return m.end(1)
    return end


_SERVICES_HEADS = word_set("police health base housing shire city ambulance fire")
# Heads that are always an organisation's after a town, and what an organisation does: "logan
# council said" (but "ipswich city now", "gympie council area": the suburb, then a word).
_ORGANISATIONS = word_set("hospital police ambulance fire court centrelink station")
_AN_ORGANISATIONS_DEED = re.compile(
    r"[ \t]+(?:said|says|rang|rung|called|sent|told|emailed|wrote|phoned|came|visited|will"
    r"|want|wants|approved|refused|asked|needs)\b"
)


def _no_ones_word(key: str) -> bool:
    """A word in no list: not English, no one's name, no service's."""
    return not (
        key in lexicon.english_words() or key in lexicon.given_names() or key in lexicon.surnames()
        or key in lexicon.never_names() or key in lexicon.not_names()
    )


# A street's part after its type: "3 Gillies Street North", "12 Smith St South".
_STREETS_PART = re.compile(
    r"[ \t]+(?:North|South|East|West|NORTH|SOUTH|EAST|WEST)\b(?=[ \t]*(?:[,.;)\n]|\Z))"
)


def _suburb_after(text: str, end: int) -> int:
    """Where an address ends with the suburb written after its street ("8 Chester Street,
    Newstead", "Noble Park North VIC 3174", "\nLAKEMBA NSW 2195"): the suburb narrows a street
    down to one house, so it goes with it; and so do the towns written after it."""
    if (part := _STREETS_PART.match(text, end)) is not None:
        end = part.end()
    suburb = _the_suburb_after(text, end)
    return _towns_after(text, suburb) if suburb > end else end


def _the_suburb_after(text: str, end: int) -> int:
    m = _SUBURB.match(text, end)
    if not m:
        return _lower_suburb_after(text, end)
    first = m[1].casefold()
    second = m[2].casefold() if m[2] else ""
    if m[3] and (first, second, m[3].casefold()) in lexicon.town_phrases():
        end = m.end(3)  # "Kwinana Town Centre"
    elif second and (first, second) in lexicon.town_phrases():
        end = m.end(2)
    elif first in _COMPASS_WORDS and second and lexicon.listed_place([second]):
        end = m.end(2)  # "12 Union Street, South Lismore", "6 Hawthorn Street, West Dubbo"
    elif first in lexicon.place_words() or (
        first in lexicon.places_also_names()  # "8 Ord Street, Kennington" ("Sarina Smith" no)
        and (not second or second in lexicon.STATES)
    ):
        end = m.end(1)
        if second in _SUBURB_ENDS and not m[3] and _CLAUSE_END.match(text, m.end(2)):
            end = m.end(2)  # "Ashgrove Park,": the suburb's own last word
    else:  # a suburb no list has, before its state and postcode ("Bel Eyre WA 6100")
        for k in (3, 2, 1):
            if m[k] and (state := _STATE_AND_POSTCODE.match(text, m.end(k))):
                return state.end()
        if not second and text[end : m.start(1)].startswith(",") and _no_ones_word(first):
            return m.end(1)  # "14 Vale Road, Webberton and …": a word no list has
        if second and text[end : m.start(1)].startswith(",") and _no_ones_word(first) and (
            _no_ones_word(second) and _ANOTHER_PLACE.match(text, m.end(2))
        ):
            return m.end(2)  # "…, Barangay Poblacion, Lipa City": two such words, then a town
        if second and not m[3] and text[end : m.start(1)].startswith(",") and (
            second in _SUBURB_ENDS and first not in lexicon.WEEKDAYS and first not in lexicon.MONTHS
            and _CLAUSE_END.match(text, m.end(2))
        ):
            return m.end(2)  # "6 Urana St, Turvey Park": a suburb no list has, by its last word
        return end
    if compass := _COMPASS.match(text, end):
        end = compass.end()
    state = _STATE_POSTCODE.match(text, end)  # "Ashgrove QLD 4060"
    return state.end() if state else end


# The last word of many suburbs' names, and where such a name ends.
_SUBURB_ENDS = word_set(
    "park heights hill hills vale valley beach downs gardens grove creek point plains ridge"
    " lakes waters glen forest view views heads"
)
_CLAUSE_END = re.compile(r"[ \t]*(?:[.,;)]|$)", re.MULTILINE)
_ANOTHER_PLACE = re.compile(r",[ \t]+([A-Z][A-Za-z'’\-]+)(?:[ \t]+([A-Z][A-Za-z'’\-]+))?")


def _towns_after(text: str, end: int) -> int:
    """The town, district or province written after a suburb, as addresses abroad run on
    ("41 Jacaranda Street, Sunnyside, Pretoria", "…, Lipa City, Batangas"): each a listed
    place or a word no list has, up to three."""
    for _ in range(3):
        m = _ANOTHER_PLACE.match(text, end)
        if m is None:
            return end
        first, second = m[1].casefold(), (m[2] or "").casefold()
        if second and (first, second) in lexicon.town_phrases():
            end = m.end(2)
        elif second in _TOWN_WORDS and _no_ones_word(first):
            end = m.end(2)  # "Lipa City"
        elif first in lexicon.place_words() or first in lexicon.places_also_names() or (
            _no_ones_word(first)
        ):
            end = m.end(1)
        else:
            return end
    return end


_TOWN_WORDS = word_set("city town district province county municipality")
