"""A modal's ``private_metadata`` comes back in its submission: Casebot signs what it puts there
and refuses what it did not sign, so a forged submission cannot name another channel, draft or
record. (Every service checks the person's right again; this stops the forgery at the door.)"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import os
from typing import Any

from bot.domain import InvalidInput

EXPIRED = "This form is out of date. Please close it and open it again."
_state = {"key": os.urandom(32)}  # replaced by configure(); random: only this process's forms


def configure(secret: str) -> None:
    """Sign with a key derived from the app's secret, so every instance accepts every form."""
    label = b"casebot/private_metadata/v1"
    _state["key"] = hmac.new(secret.encode(), label, hashlib.sha256).digest()


def _mac(callback_id: str, body: str) -> str:
    digest = hmac.new(_state["key"], f"{callback_id}\n{body}".encode(), hashlib.sha256).digest()
    return base64.urlsafe_b64encode(digest[:18]).decode()


def seal(callback_id: str, data: dict[str, Any]) -> str:
    """``data`` as private_metadata for a view with this callback_id."""
    body = json.dumps(data, separators=(",", ":"))
    return f"{_mac(callback_id, body)}.{body}"


def opened(view: dict[str, Any]) -> dict[str, Any]:
    """The view's metadata, if Casebot signed it for this kind of view; else InvalidInput."""
    sealed = str(view.get("private_metadata") or "")
    mac, _, body = sealed.partition(".")
    if not body or not hmac.compare_digest(mac, _mac(str(view.get("callback_id") or ""), body)):
        raise InvalidInput(EXPIRED)
    data = json.loads(body)
    if not isinstance(data, dict):
        raise InvalidInput(EXPIRED)
    return data
