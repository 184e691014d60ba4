"""A progress bar for long builds: documents done, rate, time left; silent when not a terminal.

The bar appears only once a build has run for a second, on stderr, and disappears when it ends
(rich's `transient=True`), so short builds and piped output show nothing.
"""

from __future__ import annotations

import sys
import time
from types import TracebackType
from typing import Any

DELAY_SECONDS = 1.0


class BuildProgress:
    """Counts documents; draws a rich progress bar after `DELAY_SECONDS` on a terminal."""

    def __init__(self, total: int, description: str = "extracting", *, enabled: bool | None = None):
        self.total = total
        self.description = description
        self.enabled = sys.stderr.isatty() if enabled is None else enabled
        self.done = 0
        self._started = time.monotonic()
        self._bar: Any = None
        self._task: Any = None

    def __enter__(self) -> BuildProgress:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        if self._bar is not None:
            self._bar.stop()

    def advance(self, count: int = 1) -> None:
        self.done += count
        if not self.enabled or self.total == 0:
            return
        elapsed = time.monotonic() - self._started
        if self._bar is None:
            if elapsed < DELAY_SECONDS:
                return
            self._start()
        rate = self.done / elapsed if elapsed else 0.0
        self._bar.update(self._task, completed=self.done, rate=f"{rate:,.0f} docs/s")

    def _start(self) -> None:
        from rich.console import Console
        from rich.progress import (
            BarColumn,
            MofNCompleteColumn,
            Progress,
            TextColumn,
            TimeRemainingColumn,
        )

        self._bar = Progress(
            TextColumn("{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("{task.fields[rate]}"),
            TimeRemainingColumn(),
            console=Console(stderr=True),
            transient=True,
        )
        self._task = self._bar.add_task(self.description, total=self.total, rate="")
        self._bar.start()
