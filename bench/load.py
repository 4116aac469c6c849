"""Issue 15's figures in one command: acks under load, the work behind an action, the idle tick,
the outbox, start-up and memory, each measured beside its floor in the same run.

Runs the scripts below one after another (each interleaves its own rounds with its floor) and
prints their Markdown tables under one heading each, as BENCHMARKS.md shows them. ``--quick``
takes fewer rounds (a smoke run of a few minutes); the default is what BENCHMARKS.md reports.

    .venv/bin/python bench/load.py [--quick] [--only NAME ...] [--out FILE]

A benchmark, not a test: nothing here asserts on timings.
"""

from __future__ import annotations

import argparse
import datetime as dt
import platform
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class Part:
    name: str
    title: str
    args: tuple[str, ...]  # the full run
    quick: tuple[str, ...]  # added for --quick


PARTS = (
    # The command's receipts come at the channel's pace (a post a second) and the bench waits
    # for every one: short rounds, no overload phase, or the part takes an hour.
    Part("acks", "Acks under load, the command: Casebot beside bare Bolt, 10, 50 and 100 req/s",
         ("bench/ack_load.py", "--markdown", "--kinds", "action", "--seconds", "4", "--rounds",
          "1", "--overload", "0x0"), ("--rates", "10,50", "--seconds", "2")),
    Part("acks-forms", "Acks under load, the button and the form: 10, 50 and 100 req/s, overload",
         ("bench/ack_load.py", "--markdown", "--kinds", "attend,update", "--rounds", "1",
          "--overload", "100x20"), ("--quick",)),
    Part("statements", "The work behind one `/casebot action`: 20, 200 and 1,000 clients",
         ("bench/statements.py", "--postgres", "--markdown"), ("--rounds", "5")),
    Part("tick", "The idle tick: 60 and 3,000 open actions; one tick for 2 workers x 2 instances",
         ("bench/tick.py", "--postgres", "--markdown"), ("--rounds", "5")),
    Part("outbox", "The outbox: 1,000 DMs and a 21-part agenda beside raw WebClient",
         ("bench/outbox.py", "--backends", "sqlite,postgresql", "--markdown"), ("--rounds", "1")),
    Part("startup", "Start-up and idle memory beside `python -c pass` and bare Bolt",
         ("bench/startup.py", "--markdown"), ("--rounds", "5", "--memory-rounds", "1")),
)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="fewer rounds: a smoke run")
    parser.add_argument("--only", nargs="+", choices=[p.name for p in PARTS],
                        help="run these parts only")
    parser.add_argument("--out", type=Path, help="also write the report to this file")
    args = parser.parse_args(argv)
    chosen = [p for p in PARTS if not args.only or p.name in args.only]
    lines = [
        f"# Casebot under load ({dt.date.today().isoformat()})",
        "",
        f"`.venv/bin/python bench/load.py{' --quick' if args.quick else ''}` on "
        f"{platform.python_implementation()} {platform.python_version()}, "
        f"{platform.machine()}, {_cores()} cores.",
        "",
    ]
    failed = []
    for part in chosen:
        command = [sys.executable, *part.args, *(part.quick if args.quick else ())]
        shown = " ".join([".venv/bin/python", *command[1:]])
        print(f"… {part.name}: {shown}", file=sys.stderr, flush=True)
        started = time.monotonic()
        done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True)
        took = time.monotonic() - started
        lines += [f"## {part.title}", "", f"`{shown}` ({took:.0f} s)", ""]
        if done.returncode:
            failed.append(part.name)
            lines += ["It failed:", "", "```", done.stderr.strip()[-2000:], "```", ""]
        else:
            lines += [done.stdout.strip(), ""]
    report = "\n".join(lines)
    print(report)
    if args.out:
        args.out.write_text(report + "\n", encoding="utf-8")
    if failed:
        print(f"bench/load.py: {', '.join(failed)} failed (see above)", file=sys.stderr)
        return 1
    return 0


def _cores() -> int:
    import os

    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


if __name__ == "__main__":
    raise SystemExit(main())
