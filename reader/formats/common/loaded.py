"""What an importer returns: the issues it read, the files it could not, the copies it skipped."""

from __future__ import annotations

from dataclasses import dataclass, field

from reader.model import Duplicate, Issue, Problem, Reason


@dataclass
class Loaded:
    """Issues and problems collected by one importer."""

    issues: list[Issue] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    duplicates: list[Duplicate] = field(default_factory=list)

    def add_problem(self, source: str, reason: Reason) -> None:
        """Record a file that could not be read."""
        self.problems.append(Problem(source, reason))
