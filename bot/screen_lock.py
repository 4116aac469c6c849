"""One lock for a running meeting's screen: a change and the edit that shows it happen together,
so a slower request (or the tick's "2 minutes left") can't put an older screen back over a newer
one. Within one process; the next step corrects anything across processes."""

from __future__ import annotations

import functools
import threading
from collections.abc import Callable
from typing import Any, TypeVar

F = TypeVar("F", bound=Callable[..., Any])
SCREEN = threading.RLock()


def one_at_a_time(func: F) -> F:
    @functools.wraps(func)
    def locked(*args: Any, **kwargs: Any) -> Any:
        with SCREEN:
            return func(*args, **kwargs)

    return locked  # type: ignore[return-value]
