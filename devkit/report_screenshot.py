"""``make report-screenshot``: the HTML report opened in headless Chromium with the network shut
off, a screenshot of it, and three checks that it is one self-contained file:

1. the file itself names nothing to fetch (no http(s) address, script, ``@import``, ``url(``);
2. Chromium's network log shows no request made by the page (Chromium's own update and time
   checks, refused by the closed proxy, are told apart by their initiator);
3. the screenshot shows the charts: enough pixels of each of the first chart colours.

Usage: ``python -m devkit.report_screenshot [--html REPORT.html] [--out DIR]``. Without
``--html`` it renders a sample report of made-up figures (three agencies, three months).
Exits 1, saying which check failed; 2 when Chromium is missing.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import shutil
import socket
import struct
import subprocess
import sys
import tempfile
import zlib
from collections.abc import Sequence
from pathlib import Path

CHROMIUM = "/usr/bin/chromium"
WINDOW = "1240,1754"  # A4's proportions at about 150 dpi
FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync")
# Anything that would make a browser fetch: an address, a script, a style sheet, a font.
FETCHES = re.compile(r"https?://|<script|@import|url\(|<link\b|\bsrc\s*=|<iframe|<object|<embed",
                     re.IGNORECASE)
MIN_PIXELS = 400  # of a chart colour: a bar or a line drawn, not a legend swatch alone


def offline_problems(html: str) -> list[str]:
    """What in ``html`` would be fetched from elsewhere (empty: nothing)."""
    return sorted({m.group(0).lower() for m in FETCHES.finditer(html)})


def sample_figures() -> object:
    """Made-up figures for three agencies over three months (no database needed)."""
    from bot.services.reports.model import (
        AgencyFigures,
        Champion,
        MeetingFigures,
        MonthActions,
        ReportFigures,
    )

    agencies = ("Brisbane Housing Company", "Micah Projects", "Footprints <Community> & Co")
    months = (dt.date(2027, 1, 1), dt.date(2027, 2, 1), dt.date(2027, 3, 1))
    days = [dt.date(2027, 1, 5) + dt.timedelta(days=14 * n) for n in range(6)]
    return ReportFigures(
        group="Under 1 Roof", tz="Australia/Brisbane", first=dt.date(2027, 1, 1),
        last=dt.date(2027, 3, 31), as_of=dt.datetime(2027, 3, 31, 14, tzinfo=dt.UTC),
        meetings=tuple(MeetingFigures(d, 7 + n % 3, 1 + n % 2, 4 + n, 2 + n % 2, 12 + 2 * n % 5)
                       for n, d in enumerate(days)),
        cancelled=1,
        agencies=tuple(
            AgencyFigures(a, 12 - 3 * n, 2 + n, 6 - n, 14 - 3 * n, 11 - 3 * n, 8 - 2 * n,
                          7 - 2 * n, 10 - 3 * n, n, (3, 5, 6 + n, 9, 12), 9 - 2 * n, n)
            for n, a in enumerate(agencies)
        ),
        months=tuple(MonthActions(m, a, 4 + i - n, 3 + i - n) for i, m in enumerate(months)
                     for n, a in enumerate(agencies)),
        referrals_received=7, referrals_accepted=5, referrals_declined=1, referrals_more_info=1,
        exits=(("Housed – social", 3), ("Housed – private rental", 1), ("Transferred", 1),
               ("Disengaged", 2)),
        days_to_housed=(38, 51, 64, 90), housed=4,
        champions=(Champion("Micah Projects", "Kate", dt.date(2027, 2, 18)),),
    )


def _closed_port() -> int:
    """A port nothing listens on: the proxy every request is sent to, and refused by."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def page_requests(netlog: Path) -> list[str]:
    """URLs the page asked for, from Chromium's network log. The browser's own background
    requests carry the initiator "not an origin"; a page's carry its origin ("null" for a
    file)."""
    log = json.loads(netlog.read_text(encoding="utf-8", errors="replace") or "{}")
    names = {v: k for k, v in log.get("constants", {}).get("logEventTypes", {}).items()}
    found = []
    for event in log.get("events", []):
        params = event.get("params") or {}
        started = names.get(event.get("type")) == "URL_REQUEST_START_JOB"
        if started and params.get("url") and params.get("initiator") != "not an origin":
            found.append(str(params["url"]))
    return found


def screenshot(html_file: Path, png: Path, netlog: Path) -> None:
    with tempfile.TemporaryDirectory(prefix="casebot-chromium-") as profile:
        command = [CHROMIUM, *FLAGS, f"--user-data-dir={profile}", f"--screenshot={png}",
                   f"--window-size={WINDOW}", f"--proxy-server=127.0.0.1:{_closed_port()}",
                   "--host-resolver-rules=MAP * ~NOTFOUND", f"--log-net-log={netlog}",
                   html_file.resolve().as_uri()]
        subprocess.run(command, check=True, capture_output=True, timeout=120)


def png_pixels(path: Path) -> tuple[int, int, int, list[bytes]]:
    """(width, height, bytes per pixel, rows) of an 8-bit RGB or RGBA PNG, unfiltered."""
    data = path.read_bytes()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise ValueError("not a PNG")
    pos, idat, header = 8, b"", b""
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        chunk = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            header = chunk
        elif kind == b"IDAT":
            idat += chunk
        pos += 12 + length
    width, height, depth, colour, _, _, interlace = struct.unpack(">IIBBBBB", header)
    if depth != 8 or colour not in (2, 6) or interlace:
        raise ValueError(f"unsupported PNG (depth {depth}, colour type {colour})")
    bpp = 3 if colour == 2 else 4
    raw = zlib.decompress(idat)
    stride = width * bpp
    rows: list[bytes] = []
    previous = bytearray(stride)
    for y in range(height):
        kind = raw[y * (stride + 1)]
        line = bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for x in range(stride):
            left = line[x - bpp] if x >= bpp else 0
            up = previous[x]
            corner = previous[x - bpp] if x >= bpp else 0
            if kind == 1:
                line[x] = (line[x] + left) & 255
            elif kind == 2:
                line[x] = (line[x] + up) & 255
            elif kind == 3:
                line[x] = (line[x] + (left + up) // 2) & 255
            elif kind == 4:
                p = left + up - corner
                pa, pb, pc = abs(p - left), abs(p - up), abs(p - corner)
                pred = left if pa <= pb and pa <= pc else up if pb <= pc else corner
                line[x] = (line[x] + pred) & 255
        rows.append(bytes(line))
        previous = line
    return width, height, bpp, rows


def colour_counts(path: Path, colours: Sequence[str]) -> dict[str, int]:
    """How many pixels of each ``#RRGGBB`` colour the PNG has (exactly that colour)."""
    wanted = {bytes.fromhex(c[1:]): c for c in colours}
    counts = dict.fromkeys(colours, 0)
    width, _, bpp, rows = png_pixels(path)
    for row in rows:
        for x in range(0, width * bpp, bpp):
            found = wanted.get(row[x:x + 3])
            if found:
                counts[found] += 1
    return counts


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--html", type=Path, help="a report to open (default: a sample)")
    parser.add_argument("--out", type=Path, default=Path("build/report-screenshot"))
    args = parser.parse_args(argv)
    if not Path(CHROMIUM).exists() or shutil.which(CHROMIUM) is None:
        print(f"report-screenshot: {CHROMIUM} is missing (apt-get install -y chromium)",
              file=sys.stderr)
        return 2
    args.out.mkdir(parents=True, exist_ok=True)
    html_file = args.html
    if html_file is None:
        from bot.services.reports.html import render_html

        html_file = args.out / "report.html"
        html_file.write_text(render_html(sample_figures()), encoding="utf-8")  # type: ignore[arg-type]
    png, netlog = args.out / "report.png", args.out / "netlog.json"
    problems = [f"the HTML names {p!r}" for p in
                offline_problems(html_file.read_text(encoding="utf-8"))]
    screenshot(html_file, png, netlog)
    problems += [f"the page asked for {url}" for url in page_requests(netlog)]
    from bot.services.reports.svg import PALETTE

    counts = colour_counts(png, PALETTE[:3])
    problems += [f"too few {c} pixels ({n}): a chart was not drawn"
                 for c, n in counts.items() if n < MIN_PIXELS]
    print(f"screenshot: {png}")
    print("chart pixels: " + ", ".join(f"{c} {n}" for c, n in counts.items()))
    for problem in problems:
        print(f"report-screenshot: {problem}", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
