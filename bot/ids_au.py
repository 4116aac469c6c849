"""Check digits of Australian ID numbers, in one place: validation (what people type), the
de-identifier (what it finds in text), and the tests and bench that make valid numbers."""

from __future__ import annotations

import re

MEDICARE_WEIGHTS = (1, 3, 7, 9, 1, 3, 7, 9)
TFN_WEIGHTS = {9: (1, 4, 3, 7, 5, 8, 6, 9, 10), 8: (10, 7, 8, 4, 6, 3, 5, 1)}


def medicare_check_digit(first8: str) -> int:
    """A Medicare number's 9th digit: the first 8 weighted 1,3,7,9,1,3,7,9, summed, mod 10."""
    return sum(int(d) * w for d, w in zip(first8, MEDICARE_WEIGHTS, strict=True)) % 10


def medicare_valid(number: str) -> bool:
    """Whether the 9th digit checks the first 8 (separators and anything not a digit ignored)."""
    digits = re.sub(r"\D", "", number)
    return len(digits) >= 9 and medicare_check_digit(digits[:8]) == int(digits[8])


def tfn_valid(digits: str) -> bool:
    """A tax file number's checksum (8 or 9 digits): the weighted sum is a multiple of 11."""
    weights = TFN_WEIGHTS.get(len(digits))
    return bool(weights) and sum(int(d) * w for d, w in zip(digits, weights, strict=True)) % 11 == 0
