"""Cells a spreadsheet shows as text, never runs as a formula (CSV and formula injection)."""

from __future__ import annotations

import unicodedata

from bot.validation import clean_text

# Shown as nothing, so a leading one would hide a formula from a check of the first character.
_FILLERS = frozenset("\u034f\u115f\u1160\u2800\u3164\uffa0")  # Hangul fillers, blank braille
_FORMULA = frozenset("=+-@")
# Before a formula character, or alone at the start, these make some spreadsheets (and the
# tools that paste a CSV into one) start a new cell or line that is then read as a formula.
_RISKY_BLANKS = frozenset("\t\r")


def _unseen(ch: str) -> bool:
    # Cf: zero-width space, (non-)joiners, word joiner, BOM, soft hyphen, direction marks.
    return ch.isspace() or unicodedata.category(ch) in ("Cf", "Cc") or ch in _FILLERS


def _lead(text: str) -> int:
    lead = 0
    while lead < len(text) and _unseen(text[lead]):
        lead += 1
    return lead


def safe_cell(text: str) -> str:
    """Text for a CSV or XLSX cell that a spreadsheet cannot read as a formula.

    A cell whose first visible character is =, +, - or @ (full-width ones too), or that starts
    with a tab or a carriage return (however many blanks or invisible characters come first),
    gets a leading apostrophe. Those invisible ones (zero-width space and joiners, BOM, marks)
    are dropped from the start; blanks are kept. Carriage returns become line feeds."""
    risky_blank = any(ch in _RISKY_BLANKS for ch in text[: _lead(text)])
    text = clean_text(text)
    lead = _lead(text)
    blanks = "".join(ch for ch in text[:lead] if ch.isspace())
    first = unicodedata.normalize("NFKC", text[lead : lead + 1])[:1]
    risky = first in _FORMULA or risky_blank
    return ("'" if risky else "") + blanks + text[lead:]
