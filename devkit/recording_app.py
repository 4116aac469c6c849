"""A Bolt app that remembers what it listens for, for tests that check the manifest and the
authorisation matrix against what is really registered."""

from __future__ import annotations

from typing import Any

from slack_bolt import App


class RecordingApp(App):
    """A Bolt app that remembers what it listens for, so the manifest can be checked against it."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.registered: dict[str, set[str]] = {
            "command": set(),
            "event": set(),
            "shortcut": set(),
            "action": set(),
            "view": set(),
        }

    def _record(self, kind: str, key: Any) -> None:
        self.registered[kind].add(str(key.get("type") if isinstance(key, dict) else key))

    def command(self, command: Any, *args: Any, **kwargs: Any) -> Any:
        self._record("command", command)
        return super().command(command, *args, **kwargs)

    def event(self, event: Any, *args: Any, **kwargs: Any) -> Any:
        self._record("event", event)
        return super().event(event, *args, **kwargs)

    def shortcut(self, constraints: Any, *args: Any, **kwargs: Any) -> Any:
        self._record("shortcut", constraints)
        return super().shortcut(constraints, *args, **kwargs)

    def action(self, constraints: Any, *args: Any, **kwargs: Any) -> Any:
        self._record("action", constraints)
        return super().action(constraints, *args, **kwargs)

    def view(self, constraints: Any, *args: Any, **kwargs: Any) -> Any:
        self._record("view", constraints)
        return super().view(constraints, *args, **kwargs)
