"""`casebot redact --jsonl` as a whole process: notes per second through the streaming filter.

A throwaway database gets a 500-client register (bench/corpus.py); 2,000 synthetic notes go through
one `casebot redact --jsonl` process. Start-up (imports, reading the register once) is excluded:
the clock runs from the first answer to the last.

    .venv/bin/python bench/redact_stream.py [--notes 2000] [--clients 500]
"""

from __future__ import annotations

import argparse
import io
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from corpus import build  # noqa: E402

from bot.cli import main  # noqa: E402
from bot.cli.console import Console  # noqa: E402


def casebot(env: dict[str, str], *args: str) -> None:
    err = io.StringIO()
    console = Console(out=io.StringIO(), err=err, stdin=io.StringIO(), environ=env,
                      secret_prompt=lambda _p: "", interactive=False)
    if main(list(args), console=console) != 0:
        raise SystemExit(f"redact_stream: casebot {args[0]} failed: {err.getvalue().strip()}")


def run(notes: int, clients: int) -> str:
    corpus = build(notes, clients=clients)
    tmp = Path(tempfile.mkdtemp(prefix="casebot-bench-"))
    try:
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
        lines = "".join(json.dumps({"id": i, "text": n.text}) + "\n"
                        for i, n in enumerate(corpus.notes))
        process = subprocess.Popen([str(Path(sys.executable).parent / "casebot"), "redact",
                                    "--jsonl"], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                   env=env, text=True)
        assert process.stdin is not None and process.stdout is not None

        def feed() -> None:
            process.stdin.write(lines)  # type: ignore[union-attr]
            process.stdin.close()  # type: ignore[union-attr]

        threading.Thread(target=feed, daemon=True).start()
        first = process.stdout.readline()
        started = time.perf_counter()
        answered = 1 if first else 0
        for _ in process.stdout:
            answered += 1
        elapsed = time.perf_counter() - started
        process.wait()
        if answered != notes:
            raise SystemExit(f"redact_stream: {answered} answers to {notes} notes")
        rate = (answered - 1) / elapsed
        return (f"casebot redact --jsonl, one process: {answered:,} notes against a "
                f"{clients}-client register, {rate:,.0f} notes/s after start-up "
                f"({elapsed:.2f} s from the first answer to the last); "
                f"{os.cpu_count()} CPU, Python {sys.version.split()[0]}")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def cli() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--notes", type=int, default=2000)
    parser.add_argument("--clients", type=int, default=500)
    args = parser.parse_args()
    print(run(args.notes, args.clients))
    return 0


if __name__ == "__main__":
    sys.exit(cli())
