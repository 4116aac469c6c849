"""``casebot report``: the four formats, cells that cannot run in a spreadsheet, an HTML file
that fetches nothing, kind refusals that change nothing, and the HTML in headless Chromium."""

from __future__ import annotations

import csv
import datetime as dt
import io
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from devkit.report_screenshot import CHROMIUM, offline_problems

ROOT = Path(__file__).resolve().parents[2]
GROUP = "Under 1 Roof"
ODD = "=1+2 <b>Shelter</b> & Co"  # an agency's name that is a formula and markup
PERIOD = ["--group", GROUP, "--from", "2026-12-01", "--to", "2026-12-31"]


@pytest.fixture
def group(cli, setup_group):
    setup_group()
    cli.ok("agency", "add", ODD)
    cli.ok("member", "add", "--user", "U0ODD0001", "--agency", ODD, "--role", "worker")
    cli.ok("client", "add", "--code", "U1R-014", "--agency", "Micah Projects",
           "--key-worker", "U0KW00001", "--full-name", "Jane Quokkafield")
    cli.ok("meeting", "cancel", "--group", GROUP, "--date", "2026-12-15")
    cli.clock.at = dt.datetime(2027, 1, 5, 9, tzinfo=dt.UTC)  # December is over
    cli.ok("client", "exit", "U1R-014", "--outcome", "housed_social", "--date", "2026-12-10")
    return cli


def test_text_on_the_screen(group):
    out = group.ok("report", *PERIOD)
    assert out.startswith(f"{GROUP}: report for Tue 01 Dec 2026 to Thu 31 Dec 2026 "
                          "(Australia/Brisbane)")
    assert "Meetings held: 0 (1 called off)" in out
    assert "Exits: 1 (Housed – social 1)" in out
    assert "nobody housed" not in out and "1 housed; none with a referral on record" in out
    assert ODD in out  # a terminal shows it as it is
    assert "U1R-014" not in out and "Quokkafield" not in out


def test_html_is_one_file_that_fetches_nothing(group, tmp_path):
    target = tmp_path / "report.html"
    out = group.ok("report", *PERIOD, "--format", "html", "--output", str(target))
    assert out.strip() == f"Saved the report to {target}."
    page = target.read_text(encoding="utf-8")
    assert offline_problems(page) == []
    assert page.count("<svg") == 4 and "<script" not in page.lower()
    assert "=1+2 &lt;b&gt;Shelter&lt;/b&gt; &amp; Co" in page and "<b>Shelter" not in page
    assert "U1R-014" not in page and "Quokkafield" not in page


def test_csv_cells_cannot_run_as_formulas(group):
    rows = list(csv.reader(io.StringIO(group.ok("report", *PERIOD, "--format", "csv"))))
    assert rows[0] == ["section", "agency", "date", "figure", "value"]
    assert ["summary", "", "", "meetings called off", "1"] in rows
    assert ["exits", "", "", "Housed – social", "1"] in rows
    odd = {r[1] for r in rows if r[0] == "agency"} - {"Micah Projects",
                                                      "Brisbane Housing Company"}
    assert odd == {"'" + ODD}  # a spreadsheet shows it as text
    assert not [c for r in rows for c in r if c and c[0] in "=+-@"]


def test_xlsx_stores_every_name_as_text(group, tmp_path):
    refused = group("report", *PERIOD, "--format", "xlsx")
    assert refused.code != 0 and "add --output" in refused.err and not refused.out
    target = tmp_path / "report.xlsx"
    group.ok("report", *PERIOD, "--format", "xlsx", "--output", str(target))
    from openpyxl import load_workbook

    book = load_workbook(target)
    assert book.sheetnames == ["Summary", "Meetings", "Agencies", "Actions by month", "Exits",
                               "Champions"]
    names = {row[0].value: row[0] for row in book["Agencies"].iter_rows(min_row=2)}
    assert names[ODD].data_type == "s"  # as typed, and text
    assert [c.value for c in book["Exits"][2]] == ["Housed – social", 1]
    with zipfile.ZipFile(target) as archive:
        sheets = [archive.read(n) for n in archive.namelist() if n.startswith("xl/worksheets/")]
    assert sheets and not any(b"<f>" in s or b"<f " in s for s in sheets)


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (["--from", "2026-12-31", "--to", "2026-12-01"], "swap --from and --to"),
        (["--from", "2026-13-01", "--to", "2026-12-31"], "--from must be a date"),
        (["--from", "2026-12-01", "--to", "31/12/2026"], "--to must be a date"),
        (["--from", "2020-01-01", "--to", "2026-12-31"], "five years at most"),
    ],
)
def test_a_bad_period_is_refused_kindly(group, args, said):
    result = group("report", "--group", GROUP, *args)
    assert result.code != 0 and not result.out
    assert result.err.startswith("casebot: ") and said in result.err
    assert result.err.count("\n") == 1


def test_an_unknown_group_or_a_taken_file_name_changes_nothing(group, tmp_path):
    unknown = group("report", "--group", "Under One Roof", "--from", "2026-12-01",
                    "--to", "2026-12-31")
    assert unknown.code != 0 and "Under 1 Roof" in unknown.err  # the closest name
    taken = tmp_path / "report.html"
    taken.write_text("keep me")
    again = group("report", *PERIOD, "--format", "html", "--output", str(taken))
    assert again.code != 0 and "already exists" in again.err
    assert taken.read_text() == "keep me"
    nowhere = group("report", *PERIOD, "--output", str(tmp_path / "no" / "r.txt"))
    assert nowhere.code != 0 and "no folder" in nowhere.err
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".casebot")) == []


@pytest.mark.skipif(not Path(CHROMIUM).exists(),
                    reason=f"{CHROMIUM} is missing: apt-get install -y chromium")
def test_make_report_screenshot_draws_the_charts_with_the_network_shut_off(tmp_path):
    out = tmp_path / "shot"
    make = shutil.which("make")
    assert make, "make is needed"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run(
        [make, "-s", "report-screenshot", f"PY={sys.executable}", f"REPORT_OUT={out}"],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=300,
    )
    assert done.returncode == 0, done.stderr
    assert (out / "report.png").stat().st_size > 50_000
    assert "chart pixels:" in done.stdout
