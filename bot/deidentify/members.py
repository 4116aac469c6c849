"""What a member of the workspace is called in notes, for the keep-list: kept light (no word
lists, no detectors) so that a process which never de-identifies can import it."""

from __future__ import annotations

import re

_TITLES_FOR_A_MEMBER = ("Ms", "Mr", "Mrs", "Miss", "Mx")
_A_PERSONS_WORD = re.compile(r"[^\W\d_][\w'’\-]*")


def members_names(real: str, display: str = "") -> list[str]:
    """What a member is called in notes: their real and display names, and their surname after a
    title ("MEMBER: Ms Sveinsdóttir, you're his support worker") or their initial ("Witnessed by:
    J. Pickersgill"), so that a worker's own name
    stays as the author wrote it."""
    names = [n for n in (real, display) if n]
    words = real.split()
    if 2 <= len(words) <= 4 and all(_A_PERSONS_WORD.fullmatch(w) for w in words) and (
        words[-1][0].isupper()
    ):
        names += [f"{title} {words[-1]}" for title in _TITLES_FOR_A_MEMBER]
        names += [f"{words[0][0]}. {words[-1]}", f"{words[0][0]} {words[-1]}"]  # "J. Pickersgill"
    return names
