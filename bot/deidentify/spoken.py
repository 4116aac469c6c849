"""Phone numbers written as they are said: "oh four one two, three four five, six seven eight",
"zero four double two…", "zero four hundred…", "04 one two…", "o four one seven six two o…".

A run of digit words and digits (with "double", "triple" and "hundred") is read out to digits;
read out, it is a phone when it has the shape of one (``patterns.phones`` decides). "oh", "ohh"
and "o" count only inside a run that has other digit words, so "oh well" is never a number.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Set

from bot.deidentify.text import Hit, hit

_DIGITS = dict(
    zip(
        [
            "zero", "oh", "ohh", "o", "nought", "nil",
            "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
        ],
        "000000123456789",
        strict=True,
    )
)
_REPEAT = {"double": 2, "triple": 3}
_WORD = rf"(?:{'|'.join(sorted([*_DIGITS, *_REPEAT, 'hundred'], key=len, reverse=True))})"
_ITEM = rf"(?:{_WORD}|\d{{1,4}})"
_RUN = re.compile(rf"(?<![\w+]){_ITEM}(?:[\s,.\-]{{1,3}}{_ITEM}){{4,}}(?![\w])", re.IGNORECASE)
_ITEMS = re.compile(_ITEM, re.IGNORECASE)
_A_WORD = re.compile(r"[a-z]", re.IGNORECASE)
_PHONE_CUE = re.compile(
    r"(?i)\b(?:(?:phone|ph|mob|mobile|number|no|num|cell)(?:\s+(?:is|was|'s|’s))?"
    r"|call\s+(?:her|him|them)?\s*on|on)[\s:.#]*\Z"
)
_PLUS_BEFORE = re.compile(r"(?<![\w+])plus\s+\Z", re.IGNORECASE)


_NUMBER_WORDS = frozenset([*_DIGITS, *_REPEAT])


def spoken_digits(keys: Set[str]) -> bool:
    """Two different digit words in the text (``keys``): a phone may be written in words."""
    return len(_NUMBER_WORDS & keys) >= 2


def read_out(run: str) -> str | None:
    """The digits a spoken run stands for, or None if it does not read as digits."""
    out: list[str] = []
    repeat = 1
    for m in _ITEMS.finditer(run):
        item = m[0].casefold()
        if item in _REPEAT:
            repeat = _REPEAT[item]
            continue
        if item == "hundred":
            if not out or repeat > 1:
                return None
            out.append("00")
            continue
        digits = _DIGITS.get(item, item)
        out.append(digits * repeat if len(digits) == 1 else digits)
        repeat = 1
    return "".join(out) if repeat == 1 else None


def spoken_phones(text: str, is_phone: Callable[[str], bool]) -> list[Hit]:
    """Phones written in words (at least one digit word in the run); "plus six seven six…" is
    an international number."""
    hits: list[Hit] = []
    for m in _RUN.finditer(text):
        run = m[0].rstrip(" ,.-")
        plus = _PLUS_BEFORE.search(text, max(0, m.start() - 6), m.start())
        # A digit word just before the number is often a word of the sentence ("new one 0403
        # nine one…"): the run is read again without its first items until it is a phone.
        # Skipped words that read from a 0 are the number's own ("oh four" of a number whose
        # rest alone also reads as one, or one with a digit too many): hidden with it.
        for item in list(_ITEMS.finditer(run))[:3]:
            part = run[item.start() :]
            words = [w.casefold() for w in _ITEMS.findall(part) if _A_WORD.match(w)]
            if not words or all(w in ("o", "oh", "ohh") for w in words):
                break  # plain digits: the ordinary detector's
            digits = read_out(part)
            if not digits or not 8 <= len(digits) <= 12:
                continue
            if plus and item.start() == 0 and is_phone("+" + digits):
                hits.append(hit(plus.start(), m.start() + len(run), "phone"))
                break
            if is_phone(digits) or (
                item.start() == 0 and _PHONE_CUE.search(text, max(0, m.start() - 16), m.start())
            ):  # after "phone", a number said is one even misspoken (a digit too many)
                skipped = read_out(run[: item.start()]) or ""
                start = m.start() if skipped.startswith("0") else m.start() + item.start()
                hits.append(hit(start, m.start() + len(run), "phone"))
                break
    return hits
