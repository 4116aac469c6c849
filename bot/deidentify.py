"""De-identification of free text before it is shown in a Slack channel.

``deidentify`` is pure: text in, redacted text and per-type counts out. It replaces

* the registered identifiers of the clients in play: names and aliases become the client's case
  code (``[name]`` when the words belong to more than one client in play, so that nobody is
  pointed at the wrong person); date of birth, address, phone, email, Medicare number and CRN
  become ``[DOB]``, ``[address]``, ``[phone]``, ``[email]``, ``[Medicare]``, ``[CRN]``;
* anyone's phone numbers, emails, Medicare numbers (valid check digit), CRNs, and dates of birth
  given with a cue ("DOB", "born", "date of birth", "birthday" before, "(aged 37)" after).

Deliberate trade-offs of this version:

* A name part shorter than 3 letters, or one that is also a common word (Hope, May, Bill, Will,
  Grace...), is replaced only when it is clearly used as a name: capitalised AND next to another
  part of that client's name, after a title (Ms, Dr, Aunty...), or before a possessive 's. So
  "May's rent" is replaced and "she may attend" is not -- and neither is "Hope is doing well": a
  capitalised common word alone at the start of a sentence is left as written in this version.
* A capitalised word with the same first letter within edit distance 1 of a name part of 5-8
  letters (2 for 9+) is taken as a misspelling of it, unless it is in a built-in list of common
  words. This over-redacts now and then (a "Janet" near a client "Janey"): the safe direction.
* A match lying wholly inside a ``keep`` phrase is left alone; one reaching beyond it (a client's
  full name around a member's first name) is still replaced.
* Suburbs and street names without a number survive; the registered street address does not.
  1300/1800 numbers are services and survive. Dates without a cue (appointments) survive; a date
  equal to a registered date of birth never does (numeric dates are also tried month-first).

Case codes, placeholders, Slack mentions and URL schemes are never touched inside, and the engine
runs to a fixed point, so a second pass changes nothing. Any internal error raises
``DeidentificationFailed``, whose message holds nothing from the text. Compiled patterns (which
hold identifiers) live only in this process's memory, cached per set of clients in play.
"""

from __future__ import annotations

import contextlib
import functools
import re
import unicodedata
from collections import Counter
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import NamedTuple

from bot.domain import CasebotError, ClientIdentity

_KINDS = ("name", "dob", "address", "phone", "email", "medicare", "crn")
_LABELS = ("[name]", "[DOB]", "[address]", "[phone]", "[email]", "[Medicare]", "[CRN]")
_PLACEHOLDERS: Mapping[str, str] = MappingProxyType(dict(zip(_KINDS, _LABELS, strict=True)))


def _words(text: str) -> frozenset[str]:
    """A set of words from a space-separated list."""
    return frozenset(text.split())


_FAILED = "the text could not be checked for identifying details, so it was not shared"
_MAX_PASSES = 4  # one pass normally suffices; the next only confirms the fixed point

# Given names and surnames that are also everyday words: replaced only when used as a name.
_COMMON_NAMES = _words(
    """hope may bill grace will rose mark faith june joy sue pat april august bob art dawn ivy
    jack ray rob sky star summer autumn amber crystal daisy holly iris lily penny rusty sandy dusty
    frank guy max don drew gene chase hunter miles price brown white green black young king hill
    wood rice page long small bird fox hall park lane cross bell stone ford marsh moon north west
    best church wells cook baker mason rich sharp strong sweet love early power honey pearl hazel
    olive rowan rain river storm sage dean ward carter miller porter potter booth glass bush
    charity patience trust destiny harmony chance victory major earl duke baron sonny"""
)
# Everyday words: never taken as a misspelt name, and treated like common names if a name part.
_STOP = _words(
    """about after again also always another because before being below between both could
    during each every first found from going great have having here into just later least maybe
    might more most much never often only other over please really since some still such than
    that their them then there these they this those through today together tomorrow under until
    very want week weeks well went were what when where which while with would year years your
    housing health centre center council services service support mental rental police hospital
    doctor clinic court transport program programme project projects referral tenancy lease
    office worker workers client clients meeting agenda update action actions notes manager team
    queensland brisbane australia centrelink medicare monday tuesday wednesday thursday friday
    saturday sunday january february march july september october november december morning
    afternoon evening called walked talked moved stayed missed visited waited housed started
    stated stopped asked needs needed plans shelter hostel motel family mother father sister
    brother daughter parent parents partner carer friend friends"""
)
_TITLES = _words(
    "mr mrs ms miss mx dr master mister sir madam aunty auntie aunt uncle prof nan pop"
)
# Street types, each with its abbreviations: "17 Banksia Cres" is "17 Banksia Crescent".
_STREET_TYPES = (
    "street st str|road rd|avenue ave av|crescent cres cresc crs cr|drive dr drv|court ct crt|"
    "place pl|parade pde|terrace tce terr|highway hwy|lane ln|close cl|boulevard blvd bvd|"
    "circuit cct|esplanade esp|grove gr gve|square sq|way wy|parkway pkwy|promenade prom|view vw|"
    "circle cir|gardens gdns|heights hts|mews|rise|row|crest|loop|track|walk"
)
_TYPE_FORMS = {  # any form -> an alternation of all forms of its type, longest first
    form: "|".join(forms)
    for forms in (
        sorted(group.split(), key=len, reverse=True) for group in _STREET_TYPES.split("|")
    )
    for form in forms
}

_MONTH = (
    r"jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?"
)
_MONTHS = {m[:3]: i for i, m in enumerate(_MONTH.split("|")[:12], 1)}
_DATE = re.compile(
    r"(?<![\w/\-])(?<!\d\.)(?:"
    r"(?P<iy>(?:19|20)\d\d)(?P<isep>[-/.])(?P<im>\d\d?)(?P=isep)(?P<id>\d\d?)"
    r"|(?P<nd>\d\d?)(?P<nsep>[/.\-])(?P<nm>\d\d?)(?P=nsep)(?P<ny>\d{4}|\d\d)"
    rf"|(?P<td>\d\d?)(?:st|nd|rd|th)?(?:\s+of)?\s+(?P<tm>{_MONTH})\.?,?\s+(?P<ty>\d{{4}}|'?\d\d)"
    rf"|(?P<um>{_MONTH})\.?\s+(?P<ud>\d\d?)(?:st|nd|rd|th)?,?\s+(?P<uy>\d{{4}}|'\d\d)"
    r")(?![\w/]|[.\-]\d)",
    re.IGNORECASE,
)
_DOB_CUE = re.compile(
    r"\b(?:d\.?\s?o\.?\s?b\b\.?|date\s+of\s+birth|birth\s?date|birth\s?day|b['’]?day|born)",
    re.IGNORECASE,
)
_CUE_GAP = re.compile(r"[\s:;,=()\-–]{0,4}(?:(?:is|was|on|in|of|the)[\s:;,=()\-–]{1,4}){0,3}")
_AGE_AFTER = re.compile(  # "(aged 37)", ", age: 37", "(37 yo)", "37 years old"
    r"[\s,]{0,3}[(\[]?\s?"
    r"(?:aged?\s?:?\s?\d{1,3}|\d{1,3}\s?(?:yo|y/o|y\.o\.?|yrs?\s+old|years?\s+old))\b",
    re.IGNORECASE,
)
_GAP = r"[ \t.\-]{0,2}"
_PHONE = re.compile(
    r"(?<![\d+])(?:"
    rf"(?:(?:\+|00)\s?61[ \t.\-]*(?:\(0\)[ \t.\-]*)?|\(?0)(?:4|[2378]\)?)(?:{_GAP}\d){{8}}"
    r"|(?<![\w$.,/])[3-9]\d{3} \d{4}"  # a local landline, area code left off
    rf"|\+(?!61)[1-9]\d{{0,2}}(?:{_GAP}\(?\d\)?){{6,12}}"  # other countries
    r")(?!\d|[.,/]\d)",
    re.ASCII,
)
_MEDICARE = re.compile(
    r"(?<!\d)(?<!\d[.\-])[2-6](?:[ \t.\-]?\d){9}(?:[ \t\-/]?\d)?(?!\w)", re.ASCII
)
_CRN = re.compile(
    r"(?<!\d)(?<!\d[.\-])\d{3}[ \t.\-]?\d{3}[ \t.\-]?\d{3}(?:[ \t.\-]?[A-Z]|[a-z])(?!\w)", re.ASCII
)
_EMAIL = re.compile(r"(?<![\w.%+'\-])[\w.%+'\-]+@[\w\-]+(?:\.[\w\-]+)+")
_DIGIT_RUN = re.compile(r"\d(?:[\s./\-()]{0,3}\d)*", re.ASCII)
_HAS_DIGIT = re.compile(r"\d", re.ASCII).search
# Never looked inside for names: our placeholders, case codes, URL schemes, Slack mention IDs.
_PROTECTED = re.compile(
    r"\[(?:name|DOB|address|phone|email|Medicare|CRN)\]"
    r"|(?<![A-Za-z0-9])[A-Z][A-Z0-9]{0,7}-[0-9]{1,6}(?![0-9])"
    r"|(?<!\w)(?:[A-Za-z][A-Za-z0-9+.\-]*://|(?:mailto|tel|sms):)"
    r"|<[@#!][A-Z0-9]+"
)
_LETTERS = re.compile(r"[^\W\d_]+")  # a word is a run of letters: digits never hide a name
_JOINER = re.compile(r"\s+|\s*[-‐‑–]\s*|['’‘`´]\s?")  # what may sit between parts of one name
_TITLE_GAP = re.compile(r"\.?\s+")
_POSSESSIVE = re.compile(r"['’‘`]s(?![^\W\d_])")
_UNIT = (  # "Unit 4, ", "U4/", "4/", "Lot " before the street number
    r"(?:(?:unit|u|apartment|apt|flat|lot|shop|suite|villa|room)\.?\s*"
    r"(?:\d+[a-z]?\s*(?:[,/]\s*|\s+(?=\d)))?|\d+[a-z]?\s*/\s*)?"
)
_STREET = re.compile(
    r"(?<!\w)(?P<num>\d+[a-z]?(?:\s*-\s*\d+[a-z]?)?)\s+"
    r"(?P<name>[^\W\d_][\w'’\-]*(?:\s+[^\W\d_][\w'’\-]*){0,3}?)\s+"
    rf"(?P<type>{'|'.join(sorted(_TYPE_FORMS, key=len, reverse=True))})\b\.?",
    re.IGNORECASE,
)


class DeidentificationFailed(CasebotError):
    """The text could not be checked; it must not be shared."""


@dataclass(frozen=True)
class KnownClient:
    """A client in play: the case code that stands for them and their registered identity."""

    case_code: str
    identity: ClientIdentity


@dataclass(frozen=True)
class Redaction:
    """De-identified text and how many replacements of each type were made (never what)."""

    text: str
    replaced: Mapping[str, int] = field(hash=False)

    @property
    def changed(self) -> bool:
        return any(self.replaced.values())


class _Word(NamedTuple):
    start: int
    end: int
    key: str  # casefolded
    caps: bool


class _Hit(NamedTuple):
    start: int
    end: int
    kind: str
    replacement: str


@dataclass(frozen=True)
class _Name:
    codes: frozenset[str]
    weak: bool  # every word short or a common word: needs the context rule


def deidentify(
    text: str, clients: Sequence[KnownClient] = (), *, keep: Collection[str] = ()
) -> Redaction:
    """Replace identifying details in ``text``; raise ``DeidentificationFailed`` if unsure."""
    with contextlib.suppress(Exception):
        return _deidentify(text, clients, keep)
    # Raised outside the handler so the original error (which may quote the text) is not chained.
    raise DeidentificationFailed(_FAILED)


def _deidentify(text: str, clients: Sequence[KnownClient], keep: Collection[str]) -> Redaction:
    if not isinstance(text, str):
        raise TypeError("text must be a str")
    text = normalise(text)
    matcher = _matcher(tuple(clients))
    phrases = (keep,) if isinstance(keep, str) else keep
    keeper = _keep_pattern(frozenset(" ".join(p.casefold().split()) for p in phrases))
    counts: Counter[str] = Counter()
    for _ in range(_MAX_PASSES):
        redacted, found = matcher.redact(text, keeper)
        if redacted == text:
            return Redaction(text, MappingProxyType(dict(counts)))
        counts.update(found)
        text = redacted
    raise RuntimeError("no fixed point")


@functools.lru_cache(maxsize=16)
def _matcher(clients: tuple[KnownClient, ...]) -> _Matcher:
    return _Matcher(clients)


@functools.lru_cache(maxsize=64)
def _keep_pattern(phrases: frozenset[str]) -> re.Pattern[str] | None:
    alts = sorted((r"\s+".join(map(re.escape, p.split())) for p in phrases if p), key=len)
    return re.compile(rf"(?<!\w)(?:{'|'.join(reversed(alts))})(?!\w)", re.I) if alts else None


class _Matcher:
    """Everything precompiled for one set of clients in play."""

    def __init__(self, clients: tuple[KnownClient, ...]) -> None:
        names: dict[tuple[str, ...], set[str]] = {}
        self.dobs: set[tuple[int, int, int]] = set()
        self.digit_ids: list[tuple[str, str]] = []
        self.addresses: dict[str, list[re.Pattern[str]]] = {}
        for client in clients:
            ident = client.identity
            for name in (ident.full_name or "", *ident.aliases):
                for key in _name_keys(name):
                    names.setdefault(key, set()).add(client.case_code)
            if ident.date_of_birth:
                d = ident.date_of_birth
                self.dobs |= {(d.day, d.month, d.year), (d.day, d.month, d.year % 100)}
            self.digit_ids += _digit_ids(ident)
            if ident.address and (rule := _address_rule(ident.address)):
                self.addresses.setdefault(rule[0], []).append(rule[1])
        self.names = {k: _Name(frozenset(v), all(map(_weak, k))) for k, v in names.items()}
        self.firsts = {k[0] for k in self.names}
        self.longest = max(map(len, self.names), default=0)
        self.min_digits = min((len(v) for v, _ in self.digit_ids), default=0)
        # Symmetric-delete index: a misspelling and its name share a deletion variant.
        self.typo_index: dict[str, set[str]] = {}
        for key, entry in self.names.items():
            if len(key) == 1 and not entry.weak and len(key[0]) >= 5:
                for variant in _deletes(key[0], 2 if len(key[0]) >= 9 else 1):
                    self.typo_index.setdefault(variant, set()).add(key[0])
        self.typo_cache: dict[str, frozenset[str]] = {}

    def redact(self, text: str, keep: re.Pattern[str] | None) -> tuple[str, Counter[str]]:
        """One pass: find every identifier, merge overlaps, replace."""
        kept = [m.span() for m in keep.finditer(text)] if keep else []
        tokens = [
            _Word(*m.span(), m[0].casefold(), m[0][0].isupper()) for m in _LETTERS.finditer(text)
        ]
        hits = self._names(text, tokens, [m.span() for m in _PROTECTED.finditer(text)])
        for token in tokens:
            for pattern in self.addresses.get(token.key, ()):
                for m in pattern.finditer(text, max(0, token.start - 40), token.end + 600):
                    hits.append(_Hit(m.start(), m.end(), "address", _PLACEHOLDERS["address"]))
        if _HAS_DIGIT(text):
            hits += self._numbers(text)
        if "@" in text:
            hits += [
                _Hit(*m.span(), "email", _PLACEHOLDERS["email"]) for m in _EMAIL.finditer(text)
            ]
        return _apply(text, _merge([h for h in hits if not _within(h.start, h.end, kept)]))

    def _names(
        self, text: str, tokens: list[_Word], protected: list[tuple[int, int]]
    ) -> list[_Hit]:
        free = [not _within(t.start, t.end, protected) for t in tokens]
        owner: list[frozenset[str] | None] = [None] * len(tokens)  # whose name each word is in
        pending: list[int] = []  # short/common name words waiting for context
        i = 0
        while i < len(tokens):  # the longest registered name first at each word
            step = 1
            sizes = range(min(self.longest, len(tokens) - i), 0, -1)
            for size in sizes if tokens[i].key in self.firsts else ():
                entry = self.names.get(tuple(t.key for t in tokens[i : i + size]))
                if (
                    entry is None
                    or not all(free[i : i + size])
                    or not _joined(text, tokens, i, size)
                ):
                    continue
                if not entry.weak or (size > 1 and all(t.caps for t in tokens[i : i + size])):
                    owner[i : i + size] = [entry.codes] * size
                    step = size
                    break
                if size == 1 and tokens[i].caps:
                    pending.append(i)
            i += step
        for i, token in enumerate(tokens):
            if owner[i] is None and free[i] and token.caps and i not in pending:
                owner[i] = self._misspelt(token.key)
        while pending:  # until no more context is found; chains like "May Hope Quokkafeild"
            found = {
                i: codes for i in pending if (codes := self._in_context(text, tokens, owner, i))
            }
            for i, codes in found.items():
                owner[i] = codes
                pending.remove(i)
            if not found:
                break
        return _name_runs(text, tokens, owner)

    def _in_context(
        self, text: str, tokens: list[_Word], owner: list[frozenset[str] | None], i: int
    ) -> frozenset[str]:
        """The codes a short/common name word stands for here, if it is used as a name."""
        codes = self.names[(tokens[i].key,)].codes
        if _POSSESSIVE.match(text, tokens[i].end) or (
            i > 0
            and tokens[i - 1].key in _TITLES
            and _TITLE_GAP.fullmatch(text, tokens[i - 1].end, tokens[i].start)
        ):
            return codes
        for j in (i - 1, i + 1):
            near = owner[j] if 0 <= j < len(owner) else None
            if near and codes & near and _joined(text, tokens, min(i, j), 2):
                return codes & near
        return frozenset()

    def _misspelt(self, word: str) -> frozenset[str] | None:
        if len(word) < 4 or _weak(word) or not self.typo_index:
            return None
        codes = self.typo_cache.get(word)  # .get: another thread may clear the cache meanwhile
        if codes is None:
            found: set[str] = set()
            for variant in _deletes(word, 2 if len(word) >= 7 else 1):
                for target in self.typo_index.get(variant, ()):
                    limit = 2 if len(target) >= 9 else 1
                    if target[0] == word[0] and _edit_distance(word, target) <= limit:
                        found |= self.names[(target,)].codes
            if len(self.typo_cache) > 4096:  # bounded: words seen are not worth keeping forever
                self.typo_cache.clear()
            self.typo_cache[word] = codes = frozenset(found)
        return codes or None

    def _numbers(self, text: str) -> list[_Hit]:
        hits: list[_Hit] = []
        for run in _DIGIT_RUN.finditer(text) if self.digit_ids else ():
            hits += self._registered_digits(text, run)
        hits += [_Hit(*m.span(), "phone", _PLACEHOLDERS["phone"]) for m in _PHONE.finditer(text)]
        hits += [_Hit(*m.span(), "crn", _PLACEHOLDERS["crn"]) for m in _CRN.finditer(text)]
        hits += [
            _Hit(*m.span(), "medicare", _PLACEHOLDERS["medicare"])
            for m in _MEDICARE.finditer(text)
            if _medicare_valid(_digits(m[0]))
        ]
        dates = (m for m in _DATE.finditer(text) if self._is_dob(text, m))
        return hits + [_Hit(*m.span(), "dob", _PLACEHOLDERS["dob"]) for m in dates]

    def _registered_digits(self, text: str, run: re.Match[str]) -> list[_Hit]:
        at = [run.start() + k for k, ch in enumerate(run.group()) if ch.isdigit()]
        if len(at) < self.min_digits:
            return []
        digits = "".join(text[p] for p in at)
        hits: list[_Hit] = []
        for value, kind in self.digit_ids:
            k = digits.find(value)
            while k >= 0:
                first = k
                if kind == "phone":  # take the trunk "0" or country "61" along
                    first -= digits.endswith("0", 0, first)
                    first -= 2 * digits.endswith("61", 0, first)
                start, end = at[first], at[k + len(value) - 1] + 1
                start -= start > 0 and text[start - 1] in "+("
                end += kind == "crn" and end < len(text) and text[end].isalpha()
                hits.append(_Hit(start, end, kind, _PLACEHOLDERS[kind]))
                k = digits.find(value, k + 1)
        return hits

    def _is_dob(self, text: str, m: re.Match[str]) -> bool:
        day, month, year, numeric = _date_parts(m)
        if (day, month, year) in self.dobs or (numeric and (month, day, year) in self.dobs):
            return True
        if _AGE_AFTER.match(text, m.end()):
            return True
        return any(
            _CUE_GAP.fullmatch(text, cue.end(), m.start())
            for cue in _DOB_CUE.finditer(text, max(0, m.start() - 60), m.start())
        )


def _name_keys(name: str) -> set[tuple[str, ...]]:
    """Word sequences that stand for ``name``: all of it, any run of its parts, first + last."""
    raw = [part for part in name.split() if _LETTERS.search(part)]
    parts = [tuple(_LETTERS.findall(part.casefold())) for part in raw]
    keys = {sum(parts[i:j], ()) for i in range(len(parts)) for j in range(i + 1, len(parts) + 1)}
    if len(parts) > 2:
        keys.add(parts[0] + parts[-1])  # skipping middle names
    for words, written in zip(parts, raw, strict=True):
        if len(words) > 1:  # O'Brien typed as OBrien; Smith-Jones as "Ms Jones"
            keys.add(("".join(words),))
            pieces = (tuple(_LETTERS.findall(p.casefold())) for p in re.split("[-‐‑–]", written))
            keys |= {p for p in pieces if len("".join(p)) >= 3}
    return keys


def _weak(word: str) -> bool:
    """Too short or too common to be replaced without evidence that it is used as a name."""
    return len(word) < 3 or word in _COMMON_NAMES or word in _STOP


def _joined(text: str, tokens: list[_Word], i: int, size: int) -> bool:
    """Are words i..i+size-1 written as one name (spaces, line breaks, hyphens, apostrophes)?"""
    return all(
        _JOINER.fullmatch(text, tokens[k].end, tokens[k + 1].start) for k in range(i, i + size - 1)
    )


def _name_runs(text: str, tokens: list[_Word], owner: list[frozenset[str] | None]) -> list[_Hit]:
    """One replacement per run of words of one client's name: "Jane  Quokkafield" -> one code."""
    hits: list[_Hit] = []
    i = 0
    while i < len(tokens):
        codes, j = owner[i], i
        if codes is None:
            i += 1
            continue
        while j + 1 < len(tokens) and owner[j + 1] == codes and _joined(text, tokens, j, 2):
            j += 1
        start, end = tokens[i].start, tokens[j].end
        # Glued to digits ("Jane2") a code would read as another code ("U1R-0142"): say [name].
        glued = text[start - 1 : start].isalnum() or text[end : end + 1].isalnum()
        code = next(iter(codes)) if len(codes) == 1 and not glued else _PLACEHOLDERS["name"]
        hits.append(_Hit(start, end, "name", code))
        i = j + 1
    return hits


def _within(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    return any(s <= start and end <= e for s, e in spans)


def _deletes(word: str, depth: int) -> set[str]:
    """``word`` and every string made by deleting up to ``depth`` of its letters."""
    out = {word}
    for _ in range(depth):
        out |= {w[:i] + w[i + 1 :] for w in out for i in range(len(w))}
    return out


def _edit_distance(a: str, b: str) -> int:
    """Damerau-Levenshtein distance (optimal string alignment: adjacent swaps count as one)."""
    before: list[int] = []
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb))
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                cur[j] = min(cur[j], before[j - 2] + 1)
        before, prev = prev, cur
    return prev[-1]


def _digits(value: str | None) -> str:
    return re.sub(r"\D", "", value or "")


def _digit_ids(ident: ClientIdentity) -> list[tuple[str, str]]:
    """Registered numbers as bare digits; a phone as its national number (no 0, no +61)."""
    out: list[tuple[str, str]] = []
    if phone := _digits(ident.phone):
        if len(phone) == 11 and phone.startswith("61"):
            phone = phone[2:]
        elif len(phone) == 10 and phone.startswith("0"):
            phone = phone[1:]
        out.append((phone, "phone"))
        if len(phone) == 9 and phone[0] in "2378":  # a landline, also written without area code
            out.append((phone[1:], "phone"))
    out += [(_digits(ident.medicare)[:10], "medicare"), (_digits(ident.crn), "crn")]
    return [(v, kind) for v, kind in out if len(v) >= 6]  # shorter would match too much


def _address_rule(address: str) -> tuple[str, re.Pattern[str]] | None:
    """A pattern for the address, and the word that anchors the search for it."""
    flat = " ".join(address.split())
    alts = [r"[\s,]+".join(map(re.escape, re.findall(r"[^\s,]+", flat)))]
    street = _STREET.search(flat)
    if street:
        num = r"\s*".join(map(re.escape, street["num"].replace(" ", "")))
        name = r"\s+".join(map(re.escape, street["name"].split()))
        tail = ""  # then optionally the suburb, state, postcode, as far as they are written
        for word in reversed(re.findall(r"[^\W_]+", flat[street.end() :])):
            tail = rf"(?:[\s,]+{re.escape(word)}{tail})?"
        kind = _TYPE_FORMS[street["type"].casefold()]
        alts.insert(0, rf"{_UNIT}{num}\s+{name}\s+(?:{kind})\b\.?{tail}")
        anchor = _LETTERS.findall(street["name"].casefold())[0]
    else:
        anchor = max(_LETTERS.findall(flat.casefold()), key=len, default="")
    if len(anchor) < 2:
        return None
    return anchor, re.compile(rf"(?<!\w)(?:{'|'.join(alts)})(?!\w)", re.IGNORECASE)


def _date_parts(m: re.Match[str]) -> tuple[int, int, int, bool]:
    """(day, month, year as written, numeric day/month order?) of a ``_DATE`` match."""
    if m["iy"]:
        return int(m["id"]), int(m["im"]), int(m["iy"]), False
    if m["nd"]:
        return int(m["nd"]), int(m["nm"]), int(m["ny"]), True
    day, month, year = (m["td"], m["tm"], m["ty"]) if m["td"] else (m["ud"], m["um"], m["uy"])
    return int(day), _MONTHS[month[:3].casefold()], int(year.lstrip("'")), False


def _medicare_valid(digits: str) -> bool:
    """The 9th digit is the check digit of the first 8 (weights 1,3,7,9,1,3,7,9, mod 10)."""
    total = sum(int(d) * w for d, w in zip(digits[:8], (1, 3, 7, 9, 1, 3, 7, 9), strict=True))
    return total % 10 == int(digits[8])


def _merge(hits: list[_Hit]) -> list[_Hit]:
    """Overlapping hits become one covering them all, typed as the first (longest at its start)."""
    merged: list[_Hit] = []
    for hit in sorted(hits, key=lambda h: (h.start, -h.end)):
        if merged and hit.start < merged[-1].end:
            merged[-1] = merged[-1]._replace(end=max(merged[-1].end, hit.end))
        else:
            merged.append(hit)
    return merged


def _apply(text: str, hits: list[_Hit]) -> tuple[str, Counter[str]]:
    out: list[str] = []
    counts: Counter[str] = Counter()
    last = 0
    for hit in hits:
        out += [text[last : hit.start], hit.replacement]
        counts[hit.kind] += 1
        last = hit.end
    out.append(text[last:])
    return "".join(out), counts


def normalise(text: str) -> str:
    """Fold look-alike characters (full-width letters, ligatures) to plain ones and drop invisible
    formatting characters (soft hyphens, zero-width spaces), which would otherwise hide a name
    from the patterns while looking the same on screen."""
    folded = unicodedata.normalize("NFKC", text).replace("\u200b", " ")  # zero-width space
    return "".join(ch for ch in folded if unicodedata.category(ch) != "Cf")


def forget_cached_identities() -> None:
    """Drop compiled patterns (which embed identifiers), e.g. after a client is purged."""
    _matcher.cache_clear()
