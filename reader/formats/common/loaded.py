"""What an importer returns: the issues it read and the files it could not."""

from __future__ import annotations

from dataclasses import dataclass, field

from reader.model import Issue, Problem, Reason


@dataclass
class Loaded:
    """Issues and problems collected by one importer."""

    issues: list[Issue] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    def add_problem(self, source: str, reason: Reason) -> None:
        """Record a file that could not be read."""
        self.problems.append(Problem(source, reason))
