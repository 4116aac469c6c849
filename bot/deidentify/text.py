"""Shared pieces of the engine: hits and how they are merged and applied, words, sentence starts,
the spans no detector may look inside, and the placeholders."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Mapping
from types import MappingProxyType
from typing import NamedTuple

from bot.deidentify import lexicon

PLACEHOLDERS: Mapping[str, str] = MappingProxyType(
    {
        "name": "[name]",
        "person": "[name]",
        "dob": "[DOB]",
        "address": "[address]",
        "phone": "[phone]",
        "email": "[email]",
        "medicare": "[Medicare]",
        "crn": "[CRN]",
        "tfn": "[TFN]",
        "id": "[ID]",
        "url": "[URL]",
    }
)
# Which hit wins when two cover the same text from the same start: the client's own identifiers
# (the case code tells the meeting most), then the surest pattern, then the weakest guesses.
RANK: Mapping[str, int] = MappingProxyType(
    {
        "url": 0,
        "email": 1,
        "name": 2,
        "medicare": 3,
        "crn": 4,
        "tfn": 5,
        "dob": 6,
        "phone": 7,
        "address": 8,
        "id": 9,
        "person": 10,
    }
)

CASE_CODE_SHAPE = re.compile(
    r"(?<![A-Za-z0-9])(?!(?:JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEPT?|OCT|NOV|DEC)-(?:19|20)\d\d\b)"
    r"[A-Z][A-Z0-9]{0,7}-[0-9]{1,6}(?![0-9])"  # not a date's month and year: "31-JAN-1981"
)
# Never looked inside: our placeholders, case codes, URL schemes, Slack mention IDs. Each is
# looked for only when the character it needs is in the text (most notes have few of them).
_PROTECTED = (
    ("[", re.compile(r"\[(?:name|DOB|address|phone|email|Medicare|CRN|TFN|ID|URL)\]")),
    ("-", CASE_CODE_SHAPE),
    (":", re.compile(r"(?<![\w+.\-])(?:[A-Za-z][A-Za-z0-9+.\-]*://|(?:mailto|tel|sms):)")),
    ("<", re.compile(r"<[@#!][A-Z0-9]+")),
    ("<", re.compile(  # an HTML tag's name: "<b>", "</td>" (not "<Marlene>")
        r"</?(?i:b|i|u|s|p|a|br|hr|td|tr|th|li|ul|ol|em|h[1-6]|div|img|pre|sub|sup|span|font"
        r"|code|body|html|head|table|tbody|thead|small|title|strong|strike|blockquote)(?=[\s/>])"
    )),
    ("@", re.compile(r"(?<![\w.%+'\-])@[UWBC][A-Z0-9]{6,}\b")),  # "@U0OMAR001": a Slack ID
)


def protected_spans(text: str) -> list[tuple[int, int]]:
    return [
        m.span() for char, pattern in _PROTECTED if char in text for m in pattern.finditer(text)
    ]


# Emoji and pictographs (with the variation selector that may follow one), as chat writes them.
EMOJI = r"[\U0001F300-\U0001FAFF\u2600-\u27BF\uFE0F]"
LETTERS = re.compile(r"[^\W\d_]+")  # a word is a run of letters: digits never hide a name
HAS_DIGIT = re.compile(r"\d", re.ASCII).search
# Before a word, what makes it the first word of a sentence (or of a line, a list item, a field).
_SENTENCE_GAP = re.compile(r"(?:[.!?:;\n•]|\s[-–*]\s)[\s\"'“”‘’()\[\]*\-–•]*\Z")


class Hit(NamedTuple):
    start: int
    end: int
    kind: str
    replacement: str


def hit(start: int, end: int, kind: str) -> Hit:
    return Hit(start, end, kind, PLACEHOLDERS[kind])


def sentence_start(text: str, prev_end: int, start: int) -> bool:
    """Does the word at ``start`` (the previous word ending at ``prev_end``) open a sentence?"""
    return prev_end <= 0 or _SENTENCE_GAP.search(text, prev_end, start) is not None


_NEXT_WORD = re.compile(
    r"[*_~]?"  # the end of Slack's bold, italics or strike: "*Toll* has keys"
    r"(?:\s+[A-HJ-Z]\.?(?![^\W\d_]))?"  # an initial between: "Sandy A attended"
    r"(?:\s*([(:]|['’]s\b|,\s+(?:[A-Z]|\[name\]))"  # "Hope (34)", "May: ...", "Hope, Bronwyn"
    r"|\s+((?i:d\.?o\.?b|born|aged)\b)"  # "White DOB 3/4/1988"
    r"|\s+([a-z][a-z'’]*))"
)


def name_follows(text: str, end: int, *, strict: bool = False) -> bool:
    """Is the word ending at ``end``, first in its sentence, used as a name by what follows it:
    a verb ("Hope said", "May needs", "Will attended", "Grace staying"), "and", a date of birth,
    a bracket or a colon, or a list of names ("Hope, Bronwyn and...")? ``strict``: only a verb
    of the list (not any word ending in -s, -ed or -ing)."""
    m = _NEXT_WORD.match(text, end)
    if m is None:
        return False
    if m[1] or m[2]:
        return True
    word = m[3]
    if not word[0].islower():
        return False
    word = word.replace("’", "'")
    return word in lexicon.NAME_FOLLOWERS or (
        not strict
        and len(word) > 3
        and word.endswith(("ed", "ing"))
        and word not in lexicon.ING_NOUNS  # "Sunny morning"; and a plural is no verb: "Sunny days"
    )


def within(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    return any(s <= start and end <= e for s, e in spans)


THE_BEFORE = re.compile(r"(?<![^\W\d_])the\s+\Z", re.IGNORECASE)  # "the 5th…", "The Horsley"
_ORDINAL_FIRST = re.compile(
    r"(?i)\d{1,2}(?:st|nd|rd|th)\b|(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth"
    r"|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth"
    r"|nineteenth|twentieth|twenty|thirtieth|thirty)\b"
)


def with_the(text: str, hits: list[Hit]) -> list[Hit]:
    """A birth date said with its ordinal takes its "the": "is it the 17th of January?" goes as
    "is it [DOB]?", not "the [DOB]"."""
    out = []
    for h in hits:
        if h.kind == "dob" and _ORDINAL_FIRST.match(text, h.start) and (
            the := THE_BEFORE.search(text, max(0, h.start - 8), h.start)
        ):
            h = h._replace(start=the.start())
        out.append(h)
    return out


def merge(hits: list[Hit]) -> list[Hit]:
    """Overlapping hits become one covering them all, typed as the first (longest at its start,
    then by ``RANK``)."""
    merged: list[Hit] = []
    for h in sorted(hits, key=lambda h: (h.start, -h.end, RANK[h.kind])):
        if merged and h.start < merged[-1].end:
            merged[-1] = merged[-1]._replace(end=max(merged[-1].end, h.end))
        else:
            merged.append(h)
    return merged


def apply(text: str, hits: list[Hit]) -> tuple[str, Counter[str], list[tuple[int, int, str]]]:
    """Replace merged ``hits``: the new text, counts per type, and where each replacement now is."""
    out: list[str] = []
    counts: Counter[str] = Counter()
    spans: list[tuple[int, int, str]] = []
    last = size = 0
    for h in hits:
        before = text[last : h.start]
        out += [before, h.replacement]
        size += len(before)
        spans.append((size, size + len(h.replacement), h.kind))
        size += len(h.replacement)
        counts[h.kind] += 1
        last = h.end
    out.append(text[last:])
    return "".join(out), counts, spans


class Trace:
    """Where each stretch of the current text came from in the original: copied, or a
    replacement standing for ``original[src_start:src_end]``. Kept over the passes so a caller
    can be told where, in what they gave, each replacement is."""

    def __init__(self, length: int) -> None:
        # (start, end) in the current text, (src_start, src_end) in the original, kind or "" if
        # copied (then src_end - src_start == end - start)
        self.pieces: list[tuple[int, int, int, int, str]] = [(0, length, 0, length, "")]

    def _source(self, pos: int, *, end: bool) -> int:
        for start, stop, src_start, src_stop, kind in self.pieces:
            if (start < pos <= stop) if end else (start <= pos < stop):
                if not kind:
                    return src_start + (pos - start)
                return src_stop if end else src_start
        return self.pieces[-1][3] if self.pieces else 0

    def _slice(self, a: int, b: int, delta: int) -> list[tuple[int, int, int, int, str]]:
        out = []
        for start, stop, src_start, src_stop, kind in self.pieces:
            lo, hi = max(start, a), min(stop, b)
            if lo >= hi:
                continue
            if kind:
                out.append((lo + delta, hi + delta, src_start, src_stop, kind))
            else:
                offset = src_start - start
                out.append((lo + delta, hi + delta, lo + offset, hi + offset, ""))
        return out

    def apply(self, hits: list[Hit]) -> None:
        pieces: list[tuple[int, int, int, int, str]] = []
        last = delta = 0
        for h in hits:
            src = (self._source(h.start, end=False), self._source(h.end, end=True))
            pieces += self._slice(last, h.start, delta)
            start = h.start + delta
            pieces.append((start, start + len(h.replacement), src[0], src[1], h.kind))
            delta += len(h.replacement) - (h.end - h.start)
            last = h.end
        end = max((p[1] for p in self.pieces), default=0)
        pieces += self._slice(last, end, delta)
        self.pieces = pieces

    def sources(self) -> tuple[tuple[int, int, str], ...]:
        return tuple((a, b, kind) for _, _, a, b, kind in self.pieces if kind)


def shift(spans: list[tuple[int, int, str]], hits: list[Hit]) -> list[tuple[int, int, str]]:
    """Where earlier replacements are after ``hits`` were applied to their text; one that a new
    hit swallowed is gone (the new one stands for it)."""
    out = []
    for start, end, kind in spans:
        if any(h.start < end and start < h.end for h in hits):
            continue
        delta = sum(len(h.replacement) - (h.end - h.start) for h in hits if h.end <= start)
        out.append((start + delta, end + delta, kind))
    return out


# Letters that carry no combining mark to drop, and the okina, read as no letter when typed.
_UNMARKED = str.maketrans({"đ": "d", "ł": "l", "ø": "o", "æ": "ae", "œ": "oe", "ı": "i",
                           "ħ": "h", "ŧ": "t", "ʻ": "", "ʼ": ""})


def fold(word: str) -> str:
    """A word's key: casefolded, and without its accents, as a note may type a registered
    name ("Maria" for María, "Do Thi" for Đỗ Thị) and the word lists hold plain letters."""
    key = word.casefold()
    if key.isascii():
        return key
    bare = "".join(c for c in unicodedata.normalize("NFD", key) if not unicodedata.combining(c))
    return bare.translate(_UNMARKED)


# A number scanned from paper, its zeros and ones read as letters: "O4l5 229 O74", "2O2l".
_OCR_RUN = re.compile(r"(?<![A-Za-z])(?=[0-9Ool]*\d)(?=[0-9Ool]*[Ool])[0-9Ool]{2,}(?![A-Za-z])")
_OCR_DIGITS = str.maketrans("Ool", "001")


def scanned_digits(text: str) -> str:
    """The text with a scan's letter-for-digit misreadings inside numbers put right, each
    character in its place (the detectors read this; replacements go into the text itself)."""
    if "O" not in text and "o" not in text and "l" not in text:
        return text
    return _OCR_RUN.sub(lambda m: m[0].translate(_OCR_DIGITS), text)


def normalise(text: str) -> str:
    """Fold look-alike characters (full-width letters, ligatures) to plain ones and drop invisible
    formatting characters (soft hyphens, zero-width spaces), which would otherwise hide a name
    from the patterns while looking the same on screen."""
    if text.isascii():  # already NFKC, and no formatting characters: the common case
        return text
    folded = unicodedata.normalize("NFKC", text).replace("\u200b", " ")  # zero-width space
    return "".join(ch for ch in folded if unicodedata.category(ch) != "Cf")
