"""Medical words that look like people's names: conditions, tests and devices named after people
("Parkinson's", "Glasgow Coma Scale", "a Foley catheter") and pathology results ("Na 131").

These spans guard only against the name guesser (``names.py``), as Acts do: a registered
client's name is replaced wherever it stands, so a client called Down or Addison keeps their
code even in "Down syndrome".
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from collections.abc import Set as AbstractSet

from bot.deidentify import lexicon
from bot.deidentify.known_clients import Word
from bot.deidentify.lexicon import word_set

# Surnames in conditions, tests, signs, scales and devices. Alone these are people ("Mr Parkinson",
# "Addison came in"): they are the condition only before a medical word ("Addison's disease",
# "a Foley catheter"), or, for the first group, as a possessive or the SMS plural after what has
# or names a condition ("his Parkinson's", "Mum's Alzheimers", "dx Crohn's").
_CONDITIONS = word_set(
    """parkinson alzheimer crohn asperger huntington korsakoff hashimoto raynaud tourette
    addenbrooke meniere ménière sjogren sjögren behcet behçet hodgkin cushing addison kaposi
    dupuytren munchausen wernicke goodpasture gaucher"""
)
# Of those, the ones hardly anyone here is called: their possessive is the condition anywhere.
_RARELY_NAMES = word_set(
    """alzheimer asperger korsakoff raynaud tourette addenbrooke meniere ménière sjogren sjögren
    behcet behçet kaposi dupuytren munchausen crohn wernicke goodpasture gaucher"""
)
_EPONYMS = _CONDITIONS | word_set(
    """guillain barre barré creutzfeldt jakob lewy duchenne marfan kawasaki klinefelter osgood
    schlatter legionnaires epstein barr ehlers danlos prader willi angelman tay sachs stevens
    johnson bence jones apgar heimlich holter doppler foley snellen barthel braden waterlow
    kessler glasgow folstein epley fowler colles achilles paget bell down turner wilson graves
    still baker beck hamilton norton katz lawton hartmann rett edinburgh barrett hirschsprung
    bartholin whipple valsalva dix hallpike guthrie ortolani barlow moro koch ziehl neelsen
    mantoux lyme gaucher gillies ludwig amsler black jones"""
)
# Two names joined that are one condition whatever follows ("Guillain-Barré"); not
# "Stevens-Johnson" or "Bence-Jones", which are people's surnames too unless a medical word follows.
_COMPOUNDS = word_set(
    """guillain-barre guillain-barré creutzfeldt-jakob wernicke-korsakoff prader-willi
    ehlers-danlos tay-sachs epstein-barr osgood-schlatter dix-hallpike ziehl-neelsen"""
)
# Medical words right after an eponym: "Wilson disease", "Bell's palsy", "a Foley catheter"; not
# everyday words that follow a person too ("Wilson's assessment", "Turner's test results").
_HEADS = (
    r"disease|syndrome|palsy|scale|index|inventory|cyst|fracture|manoeuvre|maneuver|catheter"
    r"|lymphoma|sarcoma|oesophagus|esophagus|smear|stain|encephalopathy|psychosis|criteria"
    r"|tendon|phenomenon|ulcer|gland|virus|reflex|postulates?|classification|technique|angina"
    r"|procedure|heel-prick|biometry"
)
_EPONYM = re.compile(
    r"(?P<word>[A-Z][a-zà-öø-ÿ]+(?:[-‐][A-Z][a-zà-öø-ÿ]+)?)"  # "Ménière's", "Sjögren's"
    r"(?P<own>['’]s|s['’]|['’]|s)?"
    rf"(?P<head>(?:[ \-](?i:{_HEADS})\b)?)"
)
# Tests and signs named in full, each its own words: "Kessler K10", "Glasgow Coma Scale",
# "Beck Depression Inventory", "Lewy body", "Bence Jones protein", "a Holter monitor".
_NAMED_TESTS = re.compile(
    r"Kessler(?:[ \t]+Psychological[ \t]+Distress[ \t]+Scale|[ \t]+K-?10)"
    r"|Addenbrooke['’]s(?:[ \t]+Cognitive[ \t]+Examination)?(?:[ \t]+ACE(?:-?III)?)?"
    r"|Folstein[ \t]+MMSE|Glasgow[ \t]+(?i:coma[ \t]+(?:scale|score))|Holter[ \t]+(?i:monitor)"
    r"|Bence[ \t\-]Jones[ \t]+(?i:protein)|Lewy[ \t]+(?i:bod(?:y|ies))"
    r"|Edinburgh[ \t]+Postnatal[ \t]+Depression[ \t]+Scale"
    r"|Apgar[ \t]+(?i:scores?)|Guthrie[ \t]+(?i:(?:heel-prick[ \t]+)?test)"
    r"|Mantoux(?:[ \t]+(?i:test))?"
    r"|Dix-Hallpike(?:[ \t]+(?i:test))?|Snellen[ \t]+(?i:chart)|Amsler[ \t]+(?i:grid)"
    r"|Ortolani[ \t]+and[ \t]+Barlow(?:[ \t]+(?i:tests?))?"
    r"|(?:Beck|Hamilton)[ \t]+(?:Depression|Anxiety)[ \t]+(?:Rating[ \t]+)?(?:Inventory|Scale)"
)
# After a possessive, what is a person's: "Addison's nan", "Parkinson's place", "Addison's
# lawyer" (not a condition).
_THEIRS_EXTRA = word_set(
    """birthday party school lawyer solicitor doctor gp teacher case file mate mates missus hubby
    granny nanny grandmother grandfather ex carer neighbour neighbor friend family kids"""
)
_NEXT_WORD = re.compile(r"[ \t]+([^\W\d_]+)")
_SECOND_HALF = re.compile(r"(?:[^\W\d_]|[A-Z][a-zà-öø-ÿ]+[-‐]|['’])\Z")
# Before a condition without its medical word: what has it, names it or lists it.
_HAS_IT = re.compile(
    r"(?i:\b(?:his|her|their|has|had|have|with|of|for|from|diagnosed|dx|onset|advanced|stage|no"
    r"|early|late|query|\?|suspected|possible)|['’]s)[ \t]+\Z"
)
# After a condition's possessive: what it is to a patient ("Alzheimer's screen", "Parkinson's
# nurse"), not to a person ("Addison's dad", "Parkinson's house").
_ITS_NOUN = re.compile(
    r"[ \t]+(?i:screen|screening|diagnosis|meds|medications?|nurse|clinic|support|association"
    r"|australia|specialist|services?|symptoms|tremors?|flares?|risk|dementia|antibod(?:y|ies)"
    r"|(?:was|is|were|has been|had been)?[ \t]*(?:ruled out|excluded|negative|positive)"
    r"|foundation|society|group|unit|ward|care|patients?|plan)\b"
)
_LIST_GAP = re.compile(r"(?:[,;]|[ \t]+(?:and|or|&|/))[ \t]*|[ \t]*/[ \t]*")
# Before an eponym, a person: "Mr Parkinson's house", "Tom Wilson's assessment", "Nurse Bell".
_WORD_BEFORE = re.compile(r"(?<![\w'’])([A-Z][a-z]+)[.,]?[ \t]+\Z")  # "Smith, Na 131"
_ANALYTES = word_set("na k cl ca mg hb wcc plt cr ur alt ast ggt alp bili crp esr tsh")

# Pathology results: an analyte, then its value ("Na 131", "K 4.2", "Hb 98 g/L", "CRP <5"):
# two or more together (a panel), or one with its unit -- "Kim Na 20 yo" is a woman.
_RESULT = re.compile(
    r"(?<![\w'’])(?:Na|K|Cl|Ca|Mg|Hb|WCC|Plt|Cr|Ur|ALT|AST|GGT|ALP|Bili|CRP|ESR|TSH)"
    r"(?=[ \t]*[:=]?[ \t]*[<>]?\d+(?:\.\d+)?"
    r"(?P<unit>[ \t]*(?:mmol|umol|µmol|g/L|U/L|mg|x10|IU|mIU))?)"
)


# Hospitals named after people, called without "Hospital": the hospital where a place is said
# ("at Fiona Stanley", "transferred to John Hunter") or a ward's, a team's or a clinic's word
# follows ("Fiona Stanley OT", "John Hunter ED"); elsewhere ("spoke to Fiona Stanley") a person.
_PERSON_HOSPITALS = (
    r"Fiona\s+Stanley|John\s+Hunter|Peter\s+Mac|Prince\s+Charles|Lyell\s+McEwin"
    r"|Charles\s+Gairdner|Lady\s+Cilento"
)
_HOSPITAL_HERE = re.compile(
    rf"(?:\b(?i:at|in|into|outside)[ \t]+(?:the[ \t]+)?"
    rf"|\b(?i:admitted|transferred|taken|moved|discharged|back)[ \t]+(?i:to|from)[ \t]+"
    rf"|\b(?i:went|brought|sent|referred)[ \t]+(?i:to)[ \t]+)"
    rf"(?P<h>{_PERSON_HOSPITALS})\b(?![ \t]+[A-Z][a-z])(?!['’]s)"
    rf"|\b(?P<h2>{_PERSON_HOSPITALS})(?=[ \t]+(?:ED|OT|ICU|rehab|emergency|outpatients|ward"
    r"|clinic|pharmacy|campus|cardiology|renal|oncology|maternity|dialysis|radiology|pathology"
    r"|orthotics|orthopaedics|social[ \t]+work|hep[ \t]+c|HIV|liver|psychiatry)\b)"
    r"|\b(?P<h4>Alfred|Austin|Mater)(?=[ \t]+(?:ED|ICU|renal|psychiatry|oncology|maternity"
    r"|dialysis|cardiology|orthotics|orthopaedics|outpatients|emergency|hep[ \t]+c|HIV|clinic)\b)"
    r"|(?<=\b[Tt]he )(?P<h3>Alfred|Austin|Mater)\b(?!['’]s)"  # "The Alfred — trauma"; not
    r"(?![ \t]+(?:family|families|kids|children|household|boys|girls|twins|brothers|sisters)\b)"
)
# "at" or "into" after these is at a person: "yelled at John Hunter", "ran into Fiona Stanley".
_AT_SOMEONE = re.compile(
    r"(?i:\b(?:yelled|shouted|swore|screamed|threw|thrown|looked|stared|laughed|smiled|waved"
    r"|pointed|angry|upset|cross|mad|snapped|lashed|ran|bumped|confided|lunged|spat|aimed"
    r"|it|him|her|them|something)(?:[ \t]+\w+){0,2}[ \t]+(?:at|in|into)[ \t]+)\Z"
)
_HOSPITAL_KEYS = word_set("fiona john peter prince alfred austin lyell charles lady mater")


_DOSE_TIMES = re.compile(
    rf"(?i){lexicon.DOSE_AMOUNT}[ \t]+"
    rf"(?P<times>(?:{'|'.join(sorted(lexicon.DOSE_TIMES))})(?:[ \t]+(?:prn|mane|nocte|stat))?)\b"
)


def spans(text: str, tokens: Sequence[Word], keys: AbstractSet[str]) -> list[tuple[int, int]]:
    """Where conditions, tests and devices named after people, pathology results and hospitals
    named after people are (``tokens``, ``keys``: the text's words and their keys, as
    ``known_clients.words`` reads them)."""
    out = []
    if not lexicon.DOSE_TIMES.isdisjoint(keys):  # "1 g QID PRN": how often, no one's name
        out += [m.span("times") for m in _DOSE_TIMES.finditer(text)]
    if not _HOSPITAL_KEYS.isdisjoint(keys):
        out += [
            m.span("h") if m["h"] else m.span("h3") if m["h3"] else m.span("h4") if m["h4"]
            else m.span("h2")
            for m in _HOSPITAL_HERE.finditer(text)
            if not (m["h"] and _AT_SOMEONE.search(text, max(0, m.start("h") - 40), m.start("h")))
        ]
    if not _ANALYTES.isdisjoint(keys):
        results = [m for m in _RESULT.finditer(text) if not _a_person_before(text, m.start())]
        out += [(m.start(), m.end()) for m in results if len(results) > 1 or m["unit"]]
    if _EPONYMS.isdisjoint(keys) and not any(k.endswith("s") and k[:-1] in _CONDITIONS
                                              for k in keys):
        return out  # no eponym here ("Parkinsons" is read as the key "parkinsons")
    out += [
        m.span() for m in _NAMED_TESTS.finditer(text) if not _a_person_before(text, m.start())
    ]
    last_end = -1
    for t in tokens:
        base = t.key[:-1] if t.key.endswith("s") and t.key[:-1] in _CONDITIONS else t.key
        if not (t.title and base in _EPONYMS) or _SECOND_HALF.search(
            text, max(0, t.start - 30), t.start
        ):
            continue  # the second half of "Guillain-Barré" was read with the first
        m = _EPONYM.match(text, t.start)
        if m is None or _a_person_before(text, m.start()):
            continue
        word = m["word"].casefold()
        parts = re.split(r"[-‐]", word)
        if word.endswith("s") and word[:-1] in _CONDITIONS and not m["own"]:
            parts, own = [word[:-1]], True  # "Parkinsons", "Alzheimers"
        else:
            own = bool(m["own"])
        if not all(p in _EPONYMS for p in parts):
            continue
        condition = len(parts) == 1 and parts[0] in _CONDITIONS and own and not (
            _theirs(text, m.end())
        ) and (
            parts[0] in _RARELY_NAMES
            or _HAS_IT.search(text, max(0, m.start() - 20), m.start())
            or (last_end >= 0 and _LIST_GAP.fullmatch(text, last_end, m.start()))
            or _ITS_NOUN.match(text, m.end())
        )
        if m["head"] or "-".join(parts) in _COMPOUNDS or condition:
            out.append((m.start(), m.end()))
            last_end = m.end()
    return out


def _theirs(text: str, end: int) -> bool:
    """A relative, a home or someone's thing after a possessive: "Addison's stepbrother"."""
    m = _NEXT_WORD.match(text, end)
    if m is None:
        return False
    key = m[1].casefold()
    return key in lexicon.RELATIONS or key in lexicon.HOMES or key in _THEIRS_EXTRA or (
        key.startswith(("step", "grand", "half")) or key.endswith("-in-law")
    )


def _a_person_before(text: str, start: int) -> bool:
    """A title, a role or a given name just before: "Mr Parkinson's house", "Tom Wilson's
    assessment", "Nurse Bell's", "Landlord Parkinson" (not "His Parkinson's", "Has Crohn's")."""
    m = _WORD_BEFORE.search(text, max(0, start - 16), start)
    if m is None:
        return False
    key = m[1].casefold()
    if key in lexicon.FUNCTION_WORDS - lexicon.MODALS:
        return False
    if m[0].rstrip(" \t").endswith(",") and key in lexicon.surnames():
        return True  # "Smith, Na 131": surname first
    return (
        key in lexicon.TITLES or key in lexicon.CIVIL_TITLES or key in lexicon.RELATIONS
        or key in ("dr", "prof", "caseworker", "landlord")
        or (key in lexicon.given_names() and key not in lexicon.WEEKDAYS)
        or key in _EPONYMS  # "Paget Wilson disease"
        or (key in lexicon.surnames() and key not in lexicon.english_words())  # "Tran Na 45"
    )
