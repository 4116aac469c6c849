"""The caller's allow-list: phrases (agencies, services, members' names) that no detector may
replace. Matched word by word on the text's words, case-insensitively, with the same punctuation
between the words as in the phrase (straight and curly apostrophes alike)."""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Sequence
from collections.abc import Set as AbstractSet

from bot.deidentify import lexicon
from bot.deidentify.known_clients import Word
from bot.deidentify.text import LETTERS, normalise

_SPACES = re.compile(r"\s+")
_APOSTROPHES = str.maketrans("’‘`´", "''''")

_Phrase = tuple[tuple[str, ...], tuple[str, ...], str, str]  # words, gaps, before, after


def _gap(text: str) -> str:
    return _SPACES.sub(" ", text.casefold().translate(_APOSTROPHES))


class Keeper:
    """Finds the kept phrases in a text, given its words."""

    def __init__(self, phrases: Sequence[str]) -> None:
        self.index: dict[str, list[_Phrase]] = {}
        self.bare: list[str] = []  # phrases without letters ("13 11 14")
        for phrase in phrases:
            flat = normalise(" ".join(phrase.split()))
            parts = list(LETTERS.finditer(flat))
            if not parts:
                if flat:
                    self.bare.append(flat.casefold())
                continue
            words = tuple(m[0].casefold() for m in parts)
            gaps = tuple(_gap(flat[a.end() : b.start()]) for a, b in itertools.pairwise(parts))
            entry = (words, gaps, _gap(flat[: parts[0].start()]), _gap(flat[parts[-1].end() :]))
            self.index.setdefault(words[0], []).append(entry)
        for entries in list(self.index.values()):
            for words, gaps, _before, _after in list(entries):
                if len(words) in (2, 3) and all(g == " " for g in gaps):
                    for joint, at in itertools.product((".", "_"), ("@", "")):
                        entries.append((words, (joint,) * len(gaps), at, ""))  # a member's
                        # handle or login: "@caspian.fotheringham", "caspian_fotheringham"
        for entries in self.index.values():
            entries.sort(key=lambda e: len(e[0]), reverse=True)  # the longest phrase first
        self.firsts = frozenset(self.index)
        # The words of the phrases that are people's names (the team's: two or three words, each
        # a listed given name or surname), not of services ("Wesley Mission", "Logan Hospital"):
        # "c.abernethy" is Cressida Abernethy's login, "Abernethy" under "owner" is hers.
        self.words = frozenset(
            w for entries in self.index.values() for e in entries if _a_persons_name(e[0])
            for w in e[0]
        )

    def spans(
        self, text: str, tokens: list[Word], present: AbstractSet[str] | None = None
    ) -> list[tuple[int, int]]:
        """Where the kept phrases are; ``present`` (the text's words) skips the words no phrase
        starts with without looking at each."""
        out: list[tuple[int, int]] = []
        keys: list[str] = []
        starts = self.firsts & present if present is not None else self.firsts
        for i, t in enumerate(tokens) if starts else ():
            if t.key not in starts:
                continue
            entries = self.index[t.key]
            keys = keys or [w.key for w in tokens]
            for words, gaps, before, after in entries:
                if tuple(keys[i : i + len(words)]) != words:
                    continue
                span = self._match(text, tokens, i, words, gaps, before, after)
                if span:
                    out.append(span)
                    break
        folded = text.casefold() if self.bare else ""
        for phrase in self.bare:
            start = folded.find(phrase)
            while start >= 0:
                out.append((start, start + len(phrase)))
                start = folded.find(phrase, start + 1)
        return out

    @staticmethod
    def _match(
        text: str,
        tokens: list[Word],
        i: int,
        words: tuple[str, ...],
        gaps: tuple[str, ...],
        before: str,
        after: str,
    ) -> tuple[int, int] | None:
        n = len(words)
        for k, gap in enumerate(gaps):
            if _gap(text[tokens[i + k].end : tokens[i + k + 1].start]) != gap:
                return None
        start, end = tokens[i].start - len(before), tokens[i + n - 1].end + len(after)
        if start < 0 or _gap(text[start : tokens[i].start]) != before:
            return None
        if _gap(text[tokens[i + n - 1].end : end]) != after:
            return None
        if (start > 0 and text[start - 1].isalnum()) or (end < len(text) and text[end].isalnum()):
            return None
        return start, end


def _a_persons_name(words: tuple[str, ...]) -> bool:
    """Two or three words, none a word of the language, a weekday, a listed non-name or the
    phrase of a common service: the way a member's name looks in the keep-list."""
    from bot.deidentify import lexicon
    from bot.deidentify.known_services import COMMON_SERVICES

    given, surnames, english = lexicon.given_names(), lexicon.surnames(), lexicon.english_words()
    if not 2 <= len(words) <= 3 or " ".join(words) in _service_phrases(COMMON_SERVICES):
        return False
    return not any(
        (w in english and w not in given and w not in surnames) or w in lexicon.not_names()
        or w in lexicon.WEEKDAYS or w in lexicon.MONTHS or w in lexicon.place_words()
        for w in words
    )


@functools.cache
def _service_phrases(services: tuple[str, ...]) -> frozenset[str]:
    return frozenset(" ".join(LETTERS.findall(s.casefold())) for s in services)


_FOLLOWING_NAME = re.compile(r" ([A-Z][a-z][a-z'’\-]+)\b")


def namesakes_unkept(text: str, kept: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """A worker's given name kept alone, but with a surname after it that is not the worker's,
    is someone else ("Cosimo Ferlazzo", the trattoria's owner, beside our Cosimo Blenkinsop):
    the keep-list shields the worker's own full name, not another's."""
    if not kept:
        return kept
    starts = {s for s, _e in kept}
    out = []
    for s, e in kept:
        m = _FOLLOWING_NAME.match(text, e)
        if m is not None and " " not in text[s:e] and text[s:e].istitle() and e + 1 not in starts:
            key = m[1].casefold()
            if not (lexicon.listed_place([key]) or key in lexicon.given_names()
                    or key in lexicon.english_words() or key in lexicon.WEEKDAYS
                    or key in lexicon.MONTHS or key in lexicon.not_names()):
                continue
        out.append((s, e))
    return out
