"""The engine's public value types."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from bot.domain import CasebotError, ClientIdentity


class DeidentificationFailed(CasebotError):
    """The text could not be checked; it must not be shared."""


@dataclass(frozen=True)
class KnownClient:
    """A client in play: the case code that stands for them and their registered identity."""

    case_code: str
    identity: ClientIdentity


@dataclass(frozen=True)
class Redaction:
    """De-identified text, how many replacements of each type were made (never what), and where
    each replacement stands in ``text`` -- positions in the output, never anything of the input.

    Types: name (a client's, as a case code or ``[name]``), person (anyone else's name, as
    ``[name]``), dob, address, phone, email, medicare, crn, tfn, id, url.
    """

    text: str
    replaced: Mapping[str, int] = field(hash=False)
    spans: tuple[tuple[int, int, str], ...] = ()
    # where each replacement stands in the text as given (after look-alike folding, which
    # leaves plain text as it is): for callers outside Slack, never shown in it
    sources: tuple[tuple[int, int, str], ...] = ()

    @property
    def changed(self) -> bool:
        return any(self.replaced.values())
