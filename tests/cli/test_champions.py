"""Issue 14 on the command line: champions (hand-over, history), mentors paired by load, the
group's checklist from a YAML or TOML file (line-numbered errors, all or nothing) and
everyone's progress; each mistake one kind line on stderr."""

from __future__ import annotations

import textwrap

KW = "U0KW00001"  # worker, Micah Projects
SEC = "U0SEC0001"  # secretariat, Brisbane Housing Company
KW2 = "U0KW00002"  # worker, Micah Projects
MENTOR_A = "U0MENA001"
MENTOR_B = "U0MENB001"


def _people(cli) -> None:
    cli.ok("member", "add", "--user", KW2, "--agency", "Micah Projects", "--role", "worker")
    cli.ok("member", "add", "--user", MENTOR_A, "--agency", "Brisbane Housing Company",
           "--role", "mentor")
    cli.ok("member", "add", "--user", MENTOR_B, "--agency", "Micah Projects", "--role", "mentor")


def test_add_pairs_the_least_busy_mentor_and_a_second_champion_hands_over(cli, setup_group):
    setup_group()
    _people(cli)
    out = cli.ok("champion", "add", "--user", KW, "--agency", "Micah Projects")
    assert f"{KW} is now the champion for Micah Projects in Under 1 Roof" in out
    assert f"Mentor: {MENTOR_A}" in out  # no mentees yet on either: the earliest added
    out = cli.ok("champion", "add", "--user", SEC, "--agency", "Brisbane Housing Company")
    assert f"Mentor: {MENTOR_B}" in out  # the one with fewer mentees now

    listing = cli.ok("champion", "list")
    assert "Micah Projects" in listing and "0/8, no progress yet" in listing

    # A hand-over: the new champion is current, the old row is kept in the history.
    out = cli.ok("champion", "add", "--user", KW2, "--agency", "Micah Projects",
                 "--mentor", MENTOR_B)
    assert f"handed over from {KW}" in out and f"Mentor: {MENTOR_B}" in out
    current = cli.ok("champion", "list")
    assert KW2 in current and KW not in current.replace(KW2, "")
    history = cli.ok("champion", "list", "--history")
    assert KW in history and "ended 2026-" in history

    progress = cli.ok("onboarding", "--group", "Under 1 Roof")
    assert f"{KW2} (Micah Projects, Under 1 Roof, mentor {MENTOR_B}): 0/8" in progress
    assert "[ ] The purpose of case coordination" in progress


def test_kind_errors_and_nothing_changed(cli, setup_group):
    setup_group()
    _people(cli)

    def fails(*args: str) -> str:
        result = cli(*args)
        assert result.code != 0 and result.out == ""
        assert result.err.startswith("casebot: ") and "Traceback" not in result.err
        return result.err

    assert "works for Micah Projects, not Brisbane Housing Company" in fails(
        "champion", "add", "--user", KW, "--agency", "Brisbane Housing Company")
    assert "not a member of Under 1 Roof" in fails(
        "champion", "add", "--user", "U0NOBODY1", "--agency", "Micah Projects")
    assert "did you mean 'Micah Projects'" in fails(
        "champion", "add", "--user", KW, "--agency", "Micah Project")
    assert "is not a mentor in Under 1 Roof" in fails(
        "champion", "add", "--user", KW, "--agency", "Micah Projects", "--mentor", KW2)
    assert "not a current champion" in fails(
        "champion", "mentor", "--user", KW, "--mentor", MENTOR_A)
    assert "--from FILE" in fails("onboarding", "checklist", "--group", "Under 1 Roof")
    assert "Slack" in fails("champion", "add", "--user", "kate", "--agency", "Micah Projects")
    cli.ok("champion", "add", "--user", KW, "--agency", "Micah Projects")
    assert "already the champion for Micah Projects" in fails(
        "champion", "add", "--user", KW, "--agency", "Micah Projects")
    assert cli.ok("champion", "list", "--history").count(KW) == 1


def test_no_mentor_yet_then_paired_later(cli, setup_group):
    setup_group()
    out = cli.ok("champion", "add", "--user", KW, "--agency", "Micah Projects")
    assert "No mentor is available" in out and "casebot champion mentor" in out
    cli.ok("member", "add", "--user", MENTOR_A, "--agency", "Brisbane Housing Company",
           "--role", "mentor")
    out = cli.ok("champion", "mentor", "--user", KW, "--mentor", MENTOR_A)
    assert f"{MENTOR_A} now mentors {KW}" in out
    assert MENTOR_A in cli.ok("champion", "list")


def test_checklist_from_yaml_and_toml_with_line_numbered_errors(cli, setup_group, tmp_path):
    setup_group()
    bad = tmp_path / "bad.yaml"
    bad.write_text(textwrap.dedent("""\
        - key: purpose
          title: Why we meet
        - key: purpose
          title: Again
        - key: observe
        - key: come
          title: Come along
          auto: attended
        - key: long
          title: %s
        """ % ("x" * 200)))
    result = cli("onboarding", "checklist", "--group", "Under 1 Roof", "--from", str(bad))
    assert result.code == 2
    err = result.err
    assert "line 3: duplicate key 'purpose' (first at line 1)" in err
    assert "line 5: item 'observe' has no title" in err
    assert "line 8: unknown auto 'attended'" in err
    assert "line 10: title too long" in err
    assert "Nothing was changed" in err
    cli.ok("champion", "add", "--user", SEC, "--agency", "Brisbane Housing Company")
    assert "0/8" in cli.ok("champion", "list")  # nothing changed: still the default

    good = tmp_path / "ours.toml"
    good.write_text(textwrap.dedent("""\
        [[item]]
        key = "purpose"
        title = "Why we meet"
        help = "Read the terms of reference."

        [[item]]
        key = "observe"
        title = "Come to a meeting"
        auto = "attend"
        """))
    out = cli.ok("onboarding", "checklist", "--group", "Under 1 Roof", "--from", str(good))
    assert "Under 1 Roof now uses its own checklist (2 items)" in out
    assert "0/2" in cli.ok("champion", "list")

    toml_bad = tmp_path / "bad.toml"
    toml_bad.write_text('[[item]]\nkey = "a"\ntitle = "A"\n\n[[item]]\nkey = "a"\nauto = "x"\n')
    err = cli("onboarding", "checklist", "--group", "Under 1 Roof", "--from",
              str(toml_bad)).err
    assert "line 6: duplicate key 'a' (first at line 2)" in err
    assert "line 5: item 'a' has no title" in err and "line 7: unknown auto 'x'" in err
    assert "0/2" in cli.ok("champion", "list")  # all or nothing: still the group's two items

    out = cli.ok("onboarding", "checklist", "--group", "Under 1 Roof", "--default")
    assert "default checklist (8 items)" in out
    assert "0/8" in cli.ok("champion", "list")
