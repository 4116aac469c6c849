"""The front door's signature check against Slack's own documented example, and its refusals."""

from __future__ import annotations

import json
from pathlib import Path

from handlers.http import MAX_SKEW, signature_problem

VECTOR = json.loads(
    (Path(__file__).resolve().parents[1] / "fixtures" / "slack" / "signing"
     / "slash_command_signed__docs_vector.json").read_text()
)


def _parts() -> tuple[str, str, str, bytes]:
    headers = {k.lower(): v for k, v in VECTOR["headers"].items()}
    return (VECTOR["signing_secret"], headers["x-slack-request-timestamp"],
            headers["x-slack-signature"], VECTOR["raw_body"].encode())


def test_slacks_documented_request_is_accepted_at_its_time():
    secret, ts, sig, body = _parts()
    assert signature_problem(secret, ts, sig, body, float(ts)) is None
    assert signature_problem(secret, ts, sig, body, float(ts) + MAX_SKEW) is None


def test_the_same_request_is_refused_when_old_changed_or_forged():
    secret, ts, sig, body = _parts()
    now = float(ts)
    assert "minutes old" in str(signature_problem(secret, ts, sig, body, now + MAX_SKEW + 60))
    assert "minutes ahead" in str(signature_problem(secret, ts, sig, body, now - 6 * 60))
    assert signature_problem(secret, ts, sig, body + b"&x=1", now) == "signature does not match"
    assert signature_problem("other", ts, sig, body, now) == "signature does not match"
    for bad_ts in ("", "abc", "1.5", "-1", "1e9", "²³", " " + ts):
        assert signature_problem(secret, bad_ts, sig, body, now) is not None
    for bad_sig in ("", sig.upper(), "v1=" + sig[3:], sig[:-1], sig + "0"):
        assert signature_problem(secret, ts, bad_sig, body, now) is not None
