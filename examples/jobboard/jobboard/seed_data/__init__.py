"""Demo data, written for this project. Source lines are wrapped to fit the line length;
``unwrap`` turns them back into what a person would have typed (one line per paragraph or
bullet), which is what the plugin reads as "the line of the profile that shows a skill"."""

from __future__ import annotations

import textwrap


def unwrap(text: str) -> str:
    """An indented line continues the line above it; every other line stands alone."""
    lines: list[str] = []
    for line in textwrap.dedent(text).strip("\n").split("\n"):
        if line[:1].isspace() and lines and lines[-1]:
            lines[-1] += " " + line.strip()
        else:
            lines.append(line.rstrip())
    return "\n".join(lines)
