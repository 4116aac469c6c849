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

# Surnames in conditions, tests, signs, scales and devices. Alone these are people ("Mr Parkinson"):
# they are the condition only before a medical word, or as a possessive when they are rare as
# surnames and common as conditions (the first group).
_CONDITIONS = word_set(
    """parkinson parkinsons alzheimer alzheimers crohn crohns asperger aspergers huntington
    huntingtons korsakoff korsakoffs wernicke hashimoto hashimotos raynaud raynauds tourette
    tourettes addenbrooke addenbrookes meniere menieres ménière ménières sjogren sjogrens
    sjögren sjögrens behcet behcets behçet behçets hodgkin hodgkins cushing cushings addison
    addisons kaposi kaposis dupuytren dupuytrens munchausen munchausens"""
)
_EPONYMS = _CONDITIONS | word_set(
    """guillain barre barré creutzfeldt jakob lewy duchenne marfan kawasaki klinefelter osgood
    schlatter legionnaires epstein barr ehlers danlos prader willi angelman tay sachs stevens
    johnson bence jones apgar heimlich holter doppler foley snellen barthel braden waterlow
    kessler glasgow folstein epley fowler fowlers colles achilles paget pagets bell bells down
    downs turner turners wilson wilsons graves still stills baker bakers beck hamilton norton
    katz lawton hartmann rett retts edinburgh barrett barretts hirschsprung hirschsprungs
    bartholin whipple"""
)
_HEADS = (
    r"disease|syndrome|palsy|scale|score|index|inventory|test|sign|cyst|fracture|position"
    r"|manoeuvre|maneuver|monitor|catheter|lymphoma|sarcoma|oesophagus|esophagus|smear|stain"
    r"|bod(?:y|ies)|dementia|encephalopathy|psychosis|disorder|criteria|assessment|procedure"
    r"|cognitive|coma|postnatal|depression|protein|tendon|phenomenon|ulcer|gland|virus"
    r"|K-?10|ACE(?:-?III)?|MMSE|-?type"
)
_EPONYM = re.compile(
    r"(?P<word>[A-Z][a-zé]+(?:[-‐][A-Z][a-zé]+)?)"
    r"(?P<own>['’]s|s['’]|['’]|s)?"
    rf"(?P<head>(?:[ \-](?:[A-Z]?[a-z]+[ \-])?(?i:{_HEADS})\b)?)"
)
_SECOND_HALF = re.compile(r"(?:[^\W\d_]|[A-Z][a-zé]+[-‐]|['’])\Z")
# Before an eponym, a person: "Mr Parkinson's house", "Jim Parkinson's".
_WORD_BEFORE = re.compile(r"(?<![\w'’])([A-Z][a-z]+)\.?[ \t]+\Z")
_ANALYTES = word_set("na k cl ca mg hb wcc plt cr ur alt ast ggt alp bili crp esr tsh")

# Pathology results: an analyte, then its value ("Na 131", "K 4.2", "Hb 98 g/L", "CRP <5").
_RESULT = re.compile(
    r"(?<![\w'’])(?:Na|K|Cl|Ca|Mg|Hb|WCC|Plt|Cr|Ur|ALT|AST|GGT|ALP|Bili|CRP|ESR|TSH)"
    r"(?=[ \t]*[:=]?[ \t]*[<>]?\d)"
)


def spans(text: str, tokens: Sequence[Word], keys: AbstractSet[str]) -> list[tuple[int, int]]:
    """Where conditions, tests and devices named after people, and pathology results, are
    (``tokens``, ``keys``: the text's words and their keys, as ``known_clients.words`` reads
    them)."""
    out = []
    if not _ANALYTES.isdisjoint(keys):
        out += [(m.start(), m.end()) for m in _RESULT.finditer(text)]
    if _EPONYMS.isdisjoint(keys):
        return out
    for t in tokens:
        if not (t.title and t.key in _EPONYMS) or _SECOND_HALF.search(
            text, max(0, t.start - 30), t.start
        ):
            continue  # the second half of "Guillain-Barré" was read with the first
        m = _EPONYM.match(text, t.start)
        if m is None or _a_person_before(text, m.start()):
            continue
        parts = re.split(r"[-‐]", m["word"])
        if not all(p.casefold() in _EPONYMS for p in parts):
            continue
        if m["head"]:
            out.append((m.start(), m.end()))
            continue
        joined = "".join(parts).casefold() + ("s" if m["own"] else "")
        if len(parts) > 1 or (
            m["word"].casefold() in _CONDITIONS and (m["own"] or joined in _CONDITIONS)
        ):
            out.append((m.start(), m.end()))
    return out


def _a_person_before(text: str, start: int) -> bool:
    """A title or a given name just before: "Mr Parkinson's house", "Jim Parkinson's", "Sarah
    Stevens-Johnson" (not "His Parkinson's", "Mum's Alzheimer's")."""
    m = _WORD_BEFORE.search(text, max(0, start - 16), start)
    if m is None:
        return False
    key = m[1].casefold()
    if key in lexicon.CIVIL_TITLES or key in ("dr", "prof"):
        return True
    return key in lexicon.given_names() and key not in lexicon.english_words()
