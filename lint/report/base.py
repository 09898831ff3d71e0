"""The Reporter base class: one instance per run, fed results in input order.

Example (a complete reporter)::

    class CountReporter(lint.Reporter):
        name = "count"
        description = "number of findings per file"

        def document(self, result):
            self.write(f"{result.path} {len(result.findings)}\\n")
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import IO, Optional


@dataclass
class ReportOptions:
    """What the command line asked of the report."""

    statistics: bool = False
    quiet: bool = False
    color: Optional[bool] = None
    show_source: bool = True
    version: str = ""
    fail_on: str = "warning"
    #: rule metadata by code (for reporters that describe rules, e.g. SARIF)
    rules: Optional[dict] = None
    #: the exit code the run will end with (set before finish)
    exit_code: int = 0


class Reporter:
    name: str = ""
    description: str = ""

    def __init__(self, stream: IO[str], options: ReportOptions):
        self.stream = stream
        self.options = options

    def write(self, text: str) -> None:
        self.stream.write(text)

    def start(self) -> None:
        """Called once before the first document."""

    def document(self, result) -> None:
        """Called for each document (a lint.engine.DocResult), in input order."""

    def finish(self, summary) -> None:
        """Called once at the end with the run's lint.runner.Summary."""
