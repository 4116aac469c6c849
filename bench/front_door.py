"""The HTTP front door under attack: slow uploads and an oversized body, through production.

Starts ``casebot serve --http`` (gunicorn, gthread, 1 worker) on a throwaway installation (the
same set-up as ``http_ack.py``), then, in rounds that interleave the three modes:

* ``floor``: signed ``/casebot help`` commands at a fixed rate (default 10 req/s) from threads of
  this process, nothing else going on;
* ``slow N``: the same, while N other connections send a body of 4 KiB one byte a second (a
  slow-upload attack; each is cut off by the body deadline and reconnects);

and reports each mode's acknowledgement latency (p50, p99, max) and how many answers took longer
than Slack's 3 seconds. Finally it sends one 200 MB body and reports how much was sent before the
server refused it, how long that took, and the worker's peak memory (VmHWM) afterwards.

    .venv/bin/python bench/front_door.py [--rate 10] [--seconds 3] [--rounds 3] [--slow 10,30]
        [--kinds body,headers,idle]

A benchmark, not a test: nothing here asserts on timings.
"""

from __future__ import annotations

import argparse
import os
import shutil
import socket
import sys
import tempfile
import threading
import time
from collections.abc import Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import http_ack as base

MIB = 1024 * 1024
SLACK_DEADLINE = 3.0


class SlowUploads:
    """N connections trickling, one byte a second (``body``: after whole headers; ``headers``:
    the headers themselves) or sending nothing at all (``idle``); each comes back when cut off."""

    def __init__(self, port: int, count: int, kind: str = "body") -> None:
        self.port, self.count, self.kind = port, count, kind
        self.stop = threading.Event()
        self.threads = [threading.Thread(target=self._one, daemon=True) for _ in range(count)]

    def __enter__(self) -> SlowUploads:
        for thread in self.threads:
            thread.start()
        time.sleep(1.0)  # let them all get a thread on the server first
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop.set()
        for thread in self.threads:
            thread.join(timeout=5)

    def _one(self) -> None:
        head = (b"POST /slack/events HTTP/1.1\r\nHost: x\r\nContent-Type: "
                b"application/x-www-form-urlencoded\r\nContent-Length: 4096\r\n\r\n")
        while not self.stop.is_set():
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=30) as sock:
                    if self.kind == "body":
                        sock.sendall(head)
                    trickle = head if self.kind == "headers" else b"x" * 4096
                    for n in range(len(trickle)):
                        if self.stop.wait(1.0):
                            return
                        if self.kind != "idle":
                            sock.sendall(trickle[n : n + 1])
            except OSError:
                continue  # cut off by the server's body deadline: come back


def fixed_rate(sender: base.SlackSender, rate: float, seconds: float) -> list[float]:
    """Send ``help`` at ``rate`` per second for ``seconds``; each request's latency (inf: none)."""
    latencies: list[float] = []
    lock = threading.Lock()
    start = time.perf_counter()

    def one(at: float) -> None:
        time.sleep(max(0.0, at - time.perf_counter()))
        began = time.perf_counter()
        try:
            status = sender.command("help", user_id=base.KATE, channel_id=base.CHANNEL).status
            took = time.perf_counter() - began if status == 200 else float("inf")
        except OSError:
            took = float("inf")
        with lock:
            latencies.append(took)

    threads = [threading.Thread(target=one, args=(start + i / rate,))
               for i in range(int(rate * seconds))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return latencies


def oversized(port: int) -> tuple[int, float]:
    """Send a 200 MB body; MiB sent before the server stopped it, and seconds until it did."""
    sent, began = 0, time.perf_counter()
    with socket.create_connection(("127.0.0.1", port), timeout=30) as sock:
        sock.sendall(b"POST /slack/events HTTP/1.1\r\nHost: x\r\nContent-Length: "
                     + str(200 * MIB).encode() + b"\r\n\r\n")
        try:
            while sent < 200 * MIB:
                sock.sendall(b"x" * MIB)
                sent += MIB
        except OSError:
            pass
    return sent // MIB, time.perf_counter() - began


def worker_peak_mib(server_pid: int) -> float:
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
            if int(stat.rsplit(")", 1)[1].split()[1]) != server_pid:
                continue
            status = (entry / "status").read_text()
        except OSError:
            continue
        for line in status.splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def percentile(values: Sequence[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(p / 100 * len(ordered)))]


def ms(value: float) -> str:
    return "timeout" if value == float("inf") else f"{value * 1000:.0f}"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rate", type=float, default=10.0, help="requests a second (10)")
    parser.add_argument("--seconds", type=float, default=3.0, help="per round and mode (3)")
    parser.add_argument("--rounds", type=int, default=3, help="rounds of every mode (3)")
    parser.add_argument("--slow", default="10,30", help="slow connections per mode (10,30)")
    parser.add_argument("--kinds", default="body,headers,idle",
                        help="what the slow connections do: body, headers, idle")
    args = parser.parse_args(argv)
    counts = [int(n) for n in args.slow.split(",") if n.strip()]
    kinds = [k for k in args.kinds.split(",") if k in ("body", "headers", "idle")]
    modes = [("floor", 0)] + [(kind, n) for kind in kinds for n in counts]
    workdir = Path(tempfile.mkdtemp(prefix="casebot-door-"))
    fake = base.FakeSlack(bot_token=base.BOT_TOKEN, users=base.USERS, clock=time.perf_counter,
                          open_channels=True)
    server = None
    try:
        fake.start()
        env = {"HOME": str(workdir), "CASEBOT_DATA_DIR": str(workdir / "data"),
               "DATABASE_URL": f"sqlite:///{workdir / 'data' / 'casebot.db'}",
               "CASEBOT_KEY_FILE": str(workdir / "keys" / "master.key"), "CASEBOT_ENV_FILE": "",
               "CASEBOT_ACTOR": "bench@localhost", "SLACK_BOT_TOKEN": base.BOT_TOKEN,
               "SLACK_SIGNING_SECRET": base.SECRET,
               "CASEBOT_SLACK_API_URL": fake.base_url}
        base.set_up(env, workdir, base.first_meeting(), base.live_meeting())
        port = base.free_port()
        log = workdir / "server.log"
        server = base.start_server(env, port, log)
        url = f"http://127.0.0.1:{port}"
        base.wait_healthy(url, server, log)
        sender = base.SlackSender(url + "/slack/events", base.SECRET)
        fixed_rate(sender, args.rate, 1.0)  # warm-up
        results: dict[tuple[str, int], list[float]] = {mode: [] for mode in modes}
        for _ in range(args.rounds):
            for kind, n in modes:
                if n == 0:
                    results[(kind, n)] += fixed_rate(sender, args.rate, args.seconds)
                    continue
                with SlowUploads(port, n, kind):
                    results[(kind, n)] += fixed_rate(sender, args.rate, args.seconds)
        sent, took = oversized(port)
        peak = worker_peak_mib(server.pid)
        print(f"Front door: gunicorn gthread 1 worker, {os.cpu_count()} CPU, signed /casebot help "
              f"at {args.rate:g} req/s, {args.rounds} interleaved rounds of {args.seconds:g} s")
        print("| mode | requests | p50 ms | p99 ms | max ms | over 3 s |")
        print("|---|---|---|---|---|---|")
        names = {"body": "trickling a body", "headers": "trickling headers", "idle": "idle"}
        for kind, n in modes:
            values = results[(kind, n)]
            late = sum(1 for v in values if v > SLACK_DEADLINE)
            name = "floor" if n == 0 else f"{n} connections {names[kind]}"
            print(f"| {name} | {len(values)} | {ms(percentile(values, 50))} | "
                  f"{ms(percentile(values, 99))} | {ms(max(values))} | {late} |")
        print(f"200 MB body: {sent} MiB sent before the server refused it, in {took:.2f} s; "
              f"worker peak memory afterwards {peak:.0f} MiB")
        return 0
    except base.BenchError as exc:
        print(f"front_door: {exc}", file=sys.stderr)
        return 1
    finally:
        if server is not None:
            base.stop_server(server)
        fake.stop()
        shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
