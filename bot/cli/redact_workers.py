"""The answers of ``casebot redact --jsonl``, one line at a time or by worker processes.

The register is read and compiled once, in the command's process; workers are forked from it
afterwards, so each shares that one copy (nothing is decrypted again, nothing written to disk)
and only the notes and their answers travel between processes. Answers are written in the order
the lines came, whichever worker finished first.
"""

from __future__ import annotations

import json
import multiprocessing
import os
import queue
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from multiprocessing.pool import AsyncResult, Pool
from typing import IO

from bot import validation
from bot.domain import CasebotError, InvalidInput
from bot.services.privacy import OutsideRedactor

MAX_LINE = 100_000  # characters in one --jsonl line
BATCH = 32  # lines a worker takes at a time: few enough that two workers share a small burst
MAX_WORKERS = 4  # the stream's own process reads and writes; more workers only wait on it


@dataclass(frozen=True)
class Answers:
    lines: list[str]  # one JSON line each, newline included (a blank input line has none)
    failed: int  # lines answered with an error


def _record(line: str) -> dict[str, object]:
    """One --jsonl line read; raises InvalidInput saying what is wrong with it."""
    if len(line) > MAX_LINE:
        raise InvalidInput(f"the line is longer than {MAX_LINE:,} characters")
    try:
        record = json.loads(line)
    except json.JSONDecodeError:
        raise InvalidInput("not JSON") from None
    if not isinstance(record, dict) or not isinstance(record.get("text"), str):
        raise InvalidInput('needs {"text": "…"} (and optionally "client": CODE, "id": …)')
    return record


def _code(record: dict[str, object], default: str | None) -> str | None:
    code = record.get("client")
    if code is not None and not isinstance(code, str):
        raise InvalidInput("client must be a case code")
    return validation.case_code(code) if code else default


def answer(redactor: OutsideRedactor, default: str | None, lines: Iterable[tuple[int, str]]
           ) -> Answers:
    """The answers to numbered input lines (blank lines get none). An answer carries its line's
    ``id`` whenever the line has one, an error's too."""
    out: list[str] = []
    failed = 0
    for number, line in lines:
        if not line.strip():
            continue
        ident: object = None
        try:
            record = _record(line)
            ident = record.get("id")
            result = redactor(_code(record, default), str(record["text"]))
            reply: dict[str, object] = {
                "text": result.text,
                "replaced": dict(sorted(result.replaced.items())),
                "spans": [[a, b, kind] for a, b, kind in result.sources],
            }
        except CasebotError as exc:
            failed += 1
            reply = {"error": f"line {number}: {exc.message}"}
        if ident is not None:
            reply = {"id": ident, **reply}
        out.append(json.dumps(reply, ensure_ascii=False) + "\n")
    return Answers(out, failed)


def default_workers(stdin: IO[str]) -> int:
    """One per CPU this process may use, up to MAX_WORKERS; one (this process) where the input is
    not a file or a pipe, or where processes cannot be forked."""
    try:
        stdin.fileno()
    except (AttributeError, OSError, ValueError):
        return 1
    if "fork" not in multiprocessing.get_all_start_methods():
        return 1
    usable = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return max(1, min(usable or 1, MAX_WORKERS))


# What a forked worker answers with: set in the parent just before the workers are forked.
_WORK: tuple[OutsideRedactor, str | None] | None = None


def _orphaned(parent: int) -> None:
    """A worker whose command was killed (even by SIGKILL) exits rather than wait forever on
    a queue it holds open itself."""
    while os.getppid() == parent:
        time.sleep(0.5)
    os._exit(1)


def _start_worker(parent: int) -> None:
    threading.Thread(target=_orphaned, args=(parent,), daemon=True).start()


def _work(lines: list[tuple[int, str]]) -> Answers:
    assert _WORK is not None, "a worker forked before the register was read"
    redactor, default = _WORK
    return answer(redactor, default, lines)


class Workers:
    """Forked workers answering batches of lines, their answers written in the input's order.

    One thread reads and hands out batches while this one writes the answers; they are flushed
    whenever the next answer is not ready yet, so a line sent alone is answered at once."""

    def __init__(self, redactor: OutsideRedactor, default: str | None, count: int) -> None:
        global _WORK
        _WORK = (redactor, default)
        self._pool: Pool = multiprocessing.get_context("fork").Pool(
            count, initializer=_start_worker, initargs=(os.getpid(),)
        )
        # Batches in flight: the input is not read far ahead of the answers.
        self._pending: queue.Queue[AsyncResult[Answers] | BaseException | None] = queue.Queue(
            maxsize=4 * count
        )

    def _read(self, lines: Iterable[tuple[int, str, bool]]) -> None:
        try:
            batch: list[tuple[int, str]] = []
            for number, line, last in lines:
                batch.append((number, line))
                if last or len(batch) == BATCH:
                    self._pending.put(self._pool.apply_async(_work, (batch,)))
                    batch = []
            if batch:
                self._pending.put(self._pool.apply_async(_work, (batch,)))
            self._pending.put(None)
        except BaseException as exc:  # handed to the writing thread, raised there
            self._pending.put(exc)

    def _next_ready(self) -> bool:
        with self._pending.mutex:
            head = self._pending.queue[0] if self._pending.queue else None
        return isinstance(head, AsyncResult) and head.ready()

    def run(self, lines: Iterable[tuple[int, str, bool]], write: Callable[[Answers], None],
            flush: Callable[[], None]) -> None:
        """Answer ``lines`` (number, line, last of its read) with ``write``, in order."""
        global _WORK
        reader = threading.Thread(target=self._read, args=(lines,), daemon=True)
        reader.start()
        finished = False
        try:
            while (item := self._pending.get()) is not None:
                if isinstance(item, BaseException):
                    raise item
                write(item.get())
                if not self._next_ready():
                    flush()
            flush()
            finished = True
        finally:
            if finished:
                self._pool.close()
            else:  # the reader may still be waiting for input: it dies with the process
                self._pool.terminate()
            self._pool.join()
            _WORK = None
