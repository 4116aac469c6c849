"""``casebot redact``: de-identify text from standard input against the register.

For case studies and training material, and for checking a text before it is shared elsewhere.
Plain text is read whole and checked before anything is printed. ``--jsonl`` is a streaming
filter: each line is answered by one line, at once, so one process can serve many notes; a bad
line gets an ``error`` line of its own and the rest go on.
"""

from __future__ import annotations

import argparse
import codecs
import os
from collections.abc import Iterator
from typing import IO

from bot import validation
from bot.bootstrap import Container
from bot.cli import redact_workers
from bot.cli.admin import require_schema
from bot.cli.console import Console
from bot.domain import InvalidInput
from bot.services import privacy

MAX_INPUT = 5_000_000  # characters: a whole book of notes, not an accidental binary


def _lines(stdin: IO[str]) -> Iterator[tuple[str, bool]]:
    """The input's lines, each with whether it is the last that has arrived so far. From a pipe
    or a file, whatever one read returns is answered before the answers are flushed together (a
    write for each line, read as it came, cost a fifth of the stream's time); a line typed or sent
    alone is the last of its read, so its answer is still flushed at once."""
    try:
        fd = stdin.fileno()
    except (AttributeError, OSError, ValueError):  # a StringIO (tests): line by line
        fd = -1
    if fd < 0:
        for line in stdin:
            yield line, True
        return
    decoder = codecs.getincrementaldecoder("utf-8")(errors="replace")
    pending = ""
    while True:
        chunk = os.read(fd, 1 << 16)
        text = pending + decoder.decode(chunk, final=not chunk)
        lines = text.split("\n")
        pending = lines.pop()
        for k, line in enumerate(lines):
            yield line + "\n", k == len(lines) - 1
        if not chunk:
            if pending:
                yield pending, True
            return


def _numbered(stdin: IO[str]) -> Iterator[tuple[int, str, bool]]:
    for number, (raw, last) in enumerate(_lines(stdin), start=1):
        # A byte-order mark (Windows tools write one) is not part of the text.
        yield number, raw.removeprefix("\ufeff") if number == 1 else raw, last


def _stream(app: Container, args: argparse.Namespace, console: Console) -> int:
    default = validation.case_code(args.client) if args.client else None
    count = redact_workers.default_workers(console.stdin) if args.workers is None else args.workers
    if count < 1:
        raise InvalidInput("--workers needs a number of processes, 1 or more")
    redactor = privacy.outside_redactor(
        uow=app.uow(), clock=app.clock, group=args.group, actor=console.actor(),
        codes=[default], what="texts de-identified for use outside Casebot (--jsonl stream)",
    )
    failed = 0

    def write(answers: redact_workers.Answers) -> None:
        nonlocal failed
        console.out.writelines(answers.lines)
        failed += answers.failed

    if count == 1:
        for number, line, last in _numbered(console.stdin):
            write(redact_workers.answer(redactor, default, [(number, line)]))
            if last:  # nothing more has arrived: the answers go now, before waiting for more
                console.out.flush()
    else:
        redactor(default, "")  # the register compiled once, here, before the workers share it
        workers = redact_workers.Workers(redactor, default, count)
        workers.run(_numbered(console.stdin), write, console.out.flush)
    if failed:
        console.err.write(f"casebot: {failed} line(s) could not be de-identified (see \"error\")\n")
    return 1 if failed else 0


def cmd_redact(app: Container, args: argparse.Namespace, console: Console) -> int:
    require_schema(app)
    if args.jsonl:
        return _stream(app, args, console)
    # A byte-order mark (Windows tools write one) is not part of the text.
    text = console.stdin.read(MAX_INPUT + 1).removeprefix("\ufeff")
    if len(text) > MAX_INPUT:
        raise InvalidInput(f"the input is longer than {MAX_INPUT:,} characters; split it")
    default = validation.case_code(args.client) if args.client else None
    results = privacy.redact_texts(
        uow=app.uow(), clock=app.clock, items=[(default, text)], group=args.group,
        actor=console.actor(),
    )
    (result,) = results
    console.out.write(result.text)
    if result.text and not result.text.endswith("\n"):
        console.out.write("\n")
    summary = ", ".join(f"{n} {k}" for k, n in sorted(result.replaced.items()) if n)
    console.err.write(f"casebot: replaced {summary or 'nothing'}\n")
    return 0
