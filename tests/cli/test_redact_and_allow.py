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
            {"client": "U1R-014", "text": "Janey Q rang from 0412 345 678"},
            {"text": "Tommo is doing well"},
        ]
    )
    out = ready.ok("redact", "--jsonl", stdin=lines)
    first, second = (json.loads(line) for line in out.splitlines())
    assert first == {"text": "U1R-014 rang from [phone]", "replaced": {"name": 1, "phone": 1}}
    assert second["text"] == "U1R-015 is doing well"


@pytest.mark.parametrize(
    ("stdin", "words"),
    [
        ('{"client": "U1R-014", "text": "ok"}\nnot json\n', "line 2 is not JSON"),
        ('{"client": "U1R-999", "text": "ok"}\n', "U1R-999"),
        ('{"client": "Jane", "text": "ok"}\n', "line 1: a case code"),
        ('["text"]\n', "line 1 needs"),
    ],
)
def test_redact_jsonl_bad_lines_print_nothing(ready, stdin, words):
    result = ready("redact", "--jsonl", stdin=stdin)
    assert result.code != 0 and result.out == "" and words in result.err


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
