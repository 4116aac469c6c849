"""`casebot redact` for texts shared outside Casebot, and a group's allow-list."""

from __future__ import annotations

import json

import pytest

from tests.identities import JANE, TOM, write_clients_json


@pytest.fixture
def ready(cli, setup_group, tmp_path):
    setup_group()
    path = write_clients_json(
        tmp_path / "c.json",
        [
            {**JANE, "code": "U1R-014", "agency": "Micah Projects", "key_worker": "U0KW00001"},
            {**TOM, "code": "U1R-015", "agency": "Micah Projects", "key_worker": "U0KW00001"},
        ],
    )
    cli.ok("client", "add", "--from-json", str(path))
    return cli


def test_redact_stdin_against_every_active_client(ready):
    result = ready("redact", stdin="Jane Quokkafield met Thomas Brolgaway at Centrelink.\n")
    assert result.code == 0
    assert result.out == "U1R-014 met U1R-015 at Centrelink.\n"
    assert result.err.startswith("casebot: replaced 2 name")
    assert "redact" in ready.ok("audit")


def test_redact_one_clients_identifiers(ready):
    out = ready.ok("redact", "--client", "U1R-014", stdin="Jane Quokkafield, DOB 3/4/1988")
    assert out == "U1R-014, DOB [DOB]\n"


def test_redact_jsonl_batch(ready):
    lines = "\n".join(
        json.dumps(r)
        for r in [
            {"id": "note-1", "client": "U1R-014", "text": "Janey Q rang from 0412 345 678"},
            {"text": "Tommo is doing well"},
        ]
    )
    out = ready.ok("redact", "--jsonl", stdin=lines)
    first, second = (json.loads(line) for line in out.splitlines())
    assert first == {
        "id": "note-1",
        "text": "U1R-014 rang from [phone]",
        "replaced": {"name": 1, "phone": 1},
        "spans": [[0, 7, "name"], [18, 30, "phone"]],  # in the text as given
    }
    assert second["text"] == "U1R-015 is doing well" and "id" not in second


def test_redact_jsonl_spans_are_in_the_text_as_given(ready):
    # A zero-width space and a control character are dropped before matching; the spans still
    # point into what was sent.
    text = "Called \u200bJaney Q\x07 on 0412 345 678 today"
    out = ready.ok("redact", "--jsonl", stdin=json.dumps({"client": "U1R-014", "text": text}))
    spans = json.loads(out)["spans"]
    assert [text[a:b].strip("\u200b\x07") for a, b, _ in spans] == ["Janey Q", "0412 345 678"]


@pytest.mark.parametrize(
    ("bad", "words"),
    [
        ("not json", "line 2: not JSON"),
        ('{"client": "U1R-999", "text": "ok"}', "line 2: no client with case code U1R-999"),
        ('{"client": "Jane", "text": "ok"}', "line 2: a case code"),
        ('["text"]', "line 2: needs"),
    ],
)
def test_redact_jsonl_a_bad_line_gets_an_error_and_the_rest_go_on(ready, bad, words):
    good = json.dumps({"client": "U1R-014", "text": "Janey Q rang"})
    result = ready("redact", "--jsonl", stdin=f"{good}\n{bad}\n{good}\n")
    first, error, third = (json.loads(line) for line in result.out.splitlines())
    assert first["text"] == third["text"] == "U1R-014 rang"
    assert words in error["error"] and "Janey" not in error["error"]
    assert result.code == 1 and "1 line(s) could not be de-identified" in result.err


def test_redact_jsonl_answers_each_line_before_reading_the_next(cli, setup_group, tmp_path):
    """A filter one process can serve: the answer to a line is written (and flushed) before the
    next line is read."""
    import io

    from bot.cli import main
    from bot.cli.console import Console

    setup_group()
    answered: list[str] = []

    class Lines(io.StringIO):
        def __iter__(self):
            for line in ['{"text": "one"}\n', '{"text": "two"}\n']:
                answered.append(out.getvalue())
                yield line

    out = io.StringIO()
    console = Console(out=out, err=io.StringIO(), stdin=Lines(), environ=cli.env,
                      secret_prompt=lambda _p: "", interactive=False)
    assert main(["redact", "--jsonl"], console=console, clock=cli.clock) == 0
    assert answered[0] == "" and json.loads(answered[1])["text"] == "one"


def _installed(ready, *args: str, **kwargs):
    """The installed ``casebot`` on real pipes, as a script would run it."""
    import os
    import subprocess
    import sys
    from pathlib import Path

    exe = Path(sys.executable).with_name("casebot")
    env = {**os.environ, **ready.env}
    env.pop("PYTHONUNBUFFERED", None)  # as the installed command runs: its output buffered
    return subprocess.Popen([exe, *args], env=env, **kwargs)


@pytest.mark.parametrize("workers", ["1", "2"])
def test_redact_jsonl_through_a_pipe_answers_a_line_before_the_next_is_sent(ready, workers):
    """The installed command on real pipes, in one process or with workers: each line's answer
    arrives while the next line has not been written yet (answers are held back only while more
    are ready), and a burst of lines sent together is answered in order, none lost."""
    import select
    import subprocess

    proc = _installed(ready, "redact", "--jsonl", "--workers", workers,
                      stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert proc.stdin is not None and proc.stdout is not None

    def answer() -> dict:
        ready_to_read, _, _ = select.select([proc.stdout], [], [], 30)
        assert ready_to_read, "no answer within 30 s: the line was not flushed"
        return json.loads(proc.stdout.readline())

    try:
        for n, text in enumerate(["Jane Quokkafield rang", "Thomas Brolgaway came in"]):
            proc.stdin.write(json.dumps({"id": n, "text": text}).encode() + b"\n")
            proc.stdin.flush()
            got = answer()
            assert got["id"] == n and got["text"].split()[0] == ("U1R-014", "U1R-015")[n]
        # a blank line after it ends what has arrived: the answer still goes at once
        proc.stdin.write(b'{"id": 1.5, "text": "Jane again"}\n\n   \n')
        proc.stdin.flush()
        assert answer() == {"id": 1.5, "text": "U1R-014 again", "replaced": {"name": 1},
                            "spans": [[0, 4, "name"]]}
        burst = "".join(json.dumps({"id": n, "text": f"note {n} for Jane"}) + "\n"
                        for n in range(2, 300))
        burst = burst.replace('{"id": 150,', '{"id": 150, "client": "Jane",')
        proc.stdin.write(burst.encode() + b'{"id": 300, "text": "no newline at the end, Jane"}')
        proc.stdin.close()
        rest = [json.loads(line) for line in proc.stdout.read().splitlines()]
        err = proc.stderr.read().decode()
    finally:
        proc.kill() if proc.poll() is None else None
        proc.wait()
    assert [r["id"] for r in rest] == list(range(2, 301))
    assert rest[148]["id"] == 150 and rest[148]["error"].startswith("line 154: ")
    assert all(r["text"].endswith("U1R-014") for r in rest if r["id"] != 150)
    assert proc.returncode == 1 and "1 line(s) could not be de-identified" in err


def test_redact_jsonl_workers_answer_exactly_as_one_process_does(ready, tmp_path):
    """From a file, three workers give the same bytes, errors, exit code and summary as one
    process, and the register is read once (one audit entry) either way."""
    import subprocess

    texts = ["Jane Quokkafield rang from 0412 345 678", "Tommo is doing well", "not json",
             "Thomas Brolgaway, DOB 3/4/1988", "", "called Janey Q about Tom"]
    lines = [t if t in ("", "not json") else json.dumps({"id": n, "text": t})
             for n, t in enumerate(texts * 60)]
    path = tmp_path / "notes.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    runs = []
    for workers in ("1", "3"):
        with path.open("rb") as notes:
            proc = _installed(ready, "redact", "--jsonl", "--workers", workers, stdin=notes,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE)
            out, err = proc.communicate(timeout=120)
        runs.append((proc.returncode, out, err))
    assert runs[0] == runs[1]
    code, out, err = runs[0]
    answers = [json.loads(line) for line in out.splitlines()]
    assert len(answers) == 300 and code == 1 and b"60 line(s) could not" in err
    assert answers[0]["text"] == "U1R-014 rang from [phone]"
    assert answers[2] == {"error": "line 3: not JSON"}
    assert ready.ok("audit").count("--jsonl stream") == 2


@pytest.mark.parametrize("workers", ["0", "-2"])
def test_redact_jsonl_refuses_a_number_of_workers_that_is_no_number(ready, workers):
    result = ready("redact", "--jsonl", "--workers", workers, stdin='{"text": "Jane"}\n')
    assert result.code != 0 and result.out == ""
    assert "--workers needs a number of processes, 1 or more" in result.err
    assert "--jsonl stream" not in ready.ok("audit")  # refused before the register was read


def test_redact_jsonl_workers_exit_when_their_command_is_killed(ready):
    """kill -9 on the command mid-stream: its workers do not linger, holding the register."""
    import os
    import signal
    import subprocess
    import time

    proc = _installed(ready, "redact", "--jsonl", "--workers", "2", stdin=subprocess.PIPE,
                      stdout=subprocess.PIPE)
    assert proc.stdin is not None and proc.stdout is not None
    proc.stdin.write(b'{"text": "Jane Quokkafield rang"}\n')
    proc.stdin.flush()
    assert json.loads(proc.stdout.readline())["text"] == "U1R-014 rang"
    from pathlib import Path

    children = [int(pid) for pid in
                Path(f"/proc/{proc.pid}/task/{proc.pid}/children").read_text().split()]
    assert len(children) == 2
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    deadline = time.monotonic() + 10
    alive = children
    while alive and time.monotonic() < deadline:
        time.sleep(0.1)
        alive = [pid for pid in alive if _running(pid)]
    assert not alive, "the workers outlived their command"


def _running(pid: int) -> bool:
    from pathlib import Path

    try:
        return Path(f"/proc/{pid}/stat").read_text().split(")")[-1].split()[0] != "Z"
    except FileNotFoundError:
        return False


def test_allow_list_is_seeded_and_editable(ready):
    terms = ready.ok("allow", "list", "--group", "Under 1 Roof").splitlines()
    assert "Centrelink" in terms and "Micah Projects" in terms and len(terms) > 40
    assert "Allowed: Zillmere Community Centre." in ready.ok(
        "allow", "add", "--group", "Under 1 Roof", "Zillmere Community Centre"
    )
    out = ready.ok(
        "redact",
        "--group",
        "Under 1 Roof",
        stdin="Jane Quokkafield goes to Zillmere Community Centre on Fridays",
    )
    assert "Zillmere Community Centre" in out and "Quokkafield" not in out
    refused = ready("allow", "add", "--group", "Under 1 Roof", "Quokkafield House")
    assert refused.code != 0 and "U1R-014's registered details" in refused.err
    assert "Quokkafield" not in refused.err
    assert "No longer allowed" in ready.ok(
        "allow", "remove", "--group", "Under 1 Roof", "Zillmere Community Centre"
    )


@pytest.mark.parametrize("group", [[], ["--group", "Under 1 Roof"]])
def test_redact_keeps_the_common_services_with_or_without_a_group(ready, group):
    # Without --group the built-in services were not kept: "Orange Sky" came back as "[name]".
    text = "Took him to Orange Sky and DV Connect, then St Vincent de Paul on Tuesdays.\n"
    assert ready.ok("redact", *group, stdin=text) == text


@pytest.mark.parametrize("workers", ["1", "2"])
def test_redact_jsonl_says_so_when_its_reader_stops_early(ready, tmp_path, workers):
    """`casebot redact --jsonl < notes | head -1`: one kind line on stderr, no traceback."""
    import subprocess

    path = tmp_path / "notes.jsonl"
    path.write_text("".join(json.dumps({"text": f"note {n} about Jane Quokkafield " * 40})
                            + "\n" for n in range(3000)), encoding="utf-8")
    with path.open("rb") as notes:
        proc = _installed(ready, "redact", "--jsonl", "--workers", workers, stdin=notes,
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        assert proc.stdout is not None and proc.stderr is not None
        assert "U1R-014" in json.loads(proc.stdout.readline())["text"]
        proc.stdout.close()
        err = proc.stderr.read().decode()
        proc.wait(timeout=120)
    assert proc.returncode == 1
    assert err == "casebot: the output was closed before everything was written\n"
