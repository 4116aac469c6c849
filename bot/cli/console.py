"""What a command needs from the terminal: output streams, the environment, hidden prompts."""

from __future__ import annotations

import getpass
import os
import socket
import sys
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TextIO


def _default_actor() -> str:
    try:
        user = getpass.getuser()
    except Exception:
        user = "unknown"
    return f"{user}@{socket.gethostname()}"


@dataclass
class Console:
    out: TextIO = field(default_factory=lambda: sys.stdout)
    err: TextIO = field(default_factory=lambda: sys.stderr)
    stdin: TextIO = field(default_factory=lambda: sys.stdin)
    environ: Mapping[str, str] = field(default_factory=lambda: dict(os.environ))
    secret_prompt: Callable[[str], str] = getpass.getpass
    interactive: bool | None = None

    def print(self, *lines: str) -> None:
        for line in lines:
            print(line, file=self.out)

    def is_interactive(self) -> bool:
        if self.interactive is not None:
            return self.interactive
        return self.stdin.isatty()

    def actor(self) -> str:
        return self.environ.get("CASEBOT_ACTOR") or _default_actor()


def table(rows: Sequence[Sequence[str]], headers: Sequence[str]) -> list[str]:
    """Plain aligned columns, readable in any terminal and easy to grep."""
    widths = [len(h) for h in headers]
    for row in rows:
        widths = [max(w, len(cell)) for w, cell in zip(widths, row, strict=True)]

    def line(cells: Sequence[str]) -> str:
        return "  ".join(c.ljust(w) for c, w in zip(cells, widths, strict=True)).rstrip()

    return [line(headers), line(["-" * w for w in widths]), *(line(r) for r in rows)]
