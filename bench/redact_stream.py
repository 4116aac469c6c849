"""`casebot redact --jsonl` as a whole process: notes per second through the streaming filter.

A throwaway database gets a 500-client register (bench/corpus.py); 2,000 synthetic notes go through
one `casebot redact --jsonl` process. Start-up (imports, reading the register once, forking the
workers) is excluded: a first line is sent alone and answered before the clock starts, and it
stops at the last answer. ``--workers default,1`` runs the default (one worker per CPU, up to 4)
and one process in turn, ``--rounds`` times, the order rotating.

    .venv/bin/python bench/redact_stream.py [--notes 2000] [--clients 500]
        [--workers default,1] [--rounds 3]
"""

from __future__ import annotations

import argparse
import io
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from corpus import Corpus, build  # noqa: E402

from bot.cli import main  # noqa: E402
from bot.cli.console import Console  # noqa: E402


def casebot(env: dict[str, str], *args: str) -> None:
    err = io.StringIO()
    console = Console(out=io.StringIO(), err=err, stdin=io.StringIO(), environ=env,
                      secret_prompt=lambda _p: "", interactive=False)
    if main(list(args), console=console) != 0:
        raise SystemExit(f"redact_stream: casebot {args[0]} failed: {err.getvalue().strip()}")


def install(tmp: Path, corpus: Corpus) -> dict[str, str]:
    """A throwaway installation whose register holds the corpus's clients; its environment."""
    env = {**os.environ, "CASEBOT_DATA_DIR": str(tmp / "data"),
           "DATABASE_URL": f"sqlite:///{tmp / 'data' / 'casebot.db'}",
           "CASEBOT_KEY_FILE": str(tmp / "keys" / "master.key"), "CASEBOT_ENV_FILE": "",
           "CASEBOT_ACTOR": "bench"}
    casebot(env, "init")
    casebot(env, "agency", "add", "Bench Agency")
    casebot(env, "group", "create", "--name", "Bench", "--channel", "C0BENCH01",
            "--rrule", "FREQ=WEEKLY;BYDAY=TU;BYHOUR=10", "--tz", "Australia/Brisbane")
    casebot(env, "member", "add", "--user", "U0BENCH01", "--agency", "Bench Agency",
            "--role", "worker")
    register = [{**c.identity.to_dict(), "code": c.case_code, "agency": "Bench Agency",
                 "key_worker": "U0BENCH01"} for c in corpus.clients]
    path = tmp / "clients.json"
    path.write_text(json.dumps(register), encoding="utf-8")
    casebot(env, "client", "add", "--from-json", str(path))
    return env


def stream(env: dict[str, str], lines: str, notes: int, workers: int | None) -> float:
    """Notes per second through one `casebot redact --jsonl` process, start-up excluded: a first
    line is sent alone and answered (imports, the register read and compiled, the workers
    forked) before the clock starts; it stops at the last answer."""
    extra = [] if workers is None else ["--workers", str(workers)]
    process = subprocess.Popen([str(Path(sys.executable).parent / "casebot"), "redact",
                                "--jsonl", *extra], stdin=subprocess.PIPE,
                               stdout=subprocess.PIPE, env=env, text=True)
    assert process.stdin is not None and process.stdout is not None
    try:
        process.stdin.write('{"id": "warm-up", "text": "warming up"}\n')
        process.stdin.flush()
        if "warm-up" not in process.stdout.readline():
            raise SystemExit("redact_stream: no answer to the first line")

        def feed() -> None:
            process.stdin.write(lines)  # type: ignore[union-attr]
            process.stdin.close()  # type: ignore[union-attr]

        started = time.perf_counter()
        threading.Thread(target=feed, daemon=True).start()
        answered = sum(1 for _ in process.stdout)
        elapsed = time.perf_counter() - started
    finally:
        process.kill() if process.poll() is None else None
        process.wait()
    if answered != notes:
        raise SystemExit(f"redact_stream: {answered} answers to {notes} notes")
    return answered / elapsed


def run(notes: int, clients: int, workers: list[int | None], rounds: int) -> str:
    corpus = build(notes, clients=clients)
    lines = "".join(json.dumps({"id": i, "text": n.text}) + "\n"
                    for i, n in enumerate(corpus.notes))
    tmp = Path(tempfile.mkdtemp(prefix="casebot-bench-"))
    try:
        env = install(tmp, corpus)
        rates: dict[int | None, list[float]] = {w: [] for w in workers}
        for n in range(rounds):  # in turn, the order rotating, so drift touches each alike
            for w in workers[n % len(workers):] + workers[:n % len(workers)]:
                rates[w].append(stream(env, lines, notes, w))
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    out = [f"casebot redact --jsonl, one process: {notes:,} notes against a {clients}-client "
           f"register, start-up excluded; {rounds} round(s) in turn; {os.cpu_count()} CPU, "
           f"Python {sys.version.split()[0]}"]
    for w, got in rates.items():
        label = "default workers" if w is None else f"--workers {w}"
        each = " · ".join(f"{r:,.0f}" for r in got)
        out.append(f"  {label}: {statistics.median(got):,.0f} notes/s median ({each})")
    return "\n".join(out)


def cli() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--notes", type=int, default=2000)
    parser.add_argument("--clients", type=int, default=500)
    parser.add_argument("--workers", default="default",
                        help="comma-separated: 'default' (one per CPU, up to 4) and/or numbers, "
                             "e.g. 'default,1' to compare with one process")
    parser.add_argument("--rounds", type=int, default=1)
    args = parser.parse_args()
    workers = [None if w.strip() == "default" else int(w) for w in args.workers.split(",")]
    print(run(args.notes, args.clients, workers, args.rounds))
    return 0


if __name__ == "__main__":
    sys.exit(cli())
