"""A progress bar on standard error, for long imports: redrawn in place, quiet when off."""

from __future__ import annotations

from typing import TextIO

WIDTH = 30


class Bar:
    """``Checking [##########....................]  167/500``, redrawn as it moves."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream
        self.label = ""
        self.total = 0
        self.done = 0
        self.shown = -1  # the filled width last drawn: redraw only when it moves
        self.open = False  # a bar is drawn on the current line

    def start(self, label: str, total: int) -> None:
        self.label, self.total, self.done = label, max(total, 1), 0
        self._draw(force=True)

    def advance(self) -> None:
        self.done += 1
        self._draw()

    def finish(self) -> None:
        if self.done != self.total:
            self.done = self.total
            self._draw(force=True)
        self.close()

    def close(self) -> None:
        """End the bar's line (after an error too, so the message starts a line of its own)."""
        if self.open:
            self.stream.write("\n")
            self.stream.flush()
            self.open = False

    def _draw(self, *, force: bool = False) -> None:
        filled = self.done * WIDTH // self.total
        if filled == self.shown and not force:
            return
        self.shown, self.open = filled, True
        bar = "#" * filled + "." * (WIDTH - filled)
        self.stream.write(f"\r{self.label:<9} [{bar}] {self.done:>{len(str(self.total))}}/"
                          f"{self.total}")
        self.stream.flush()
