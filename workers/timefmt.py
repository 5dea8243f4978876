"""Showing an interview's time the way the candidate reads it: in their own zone, named."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo


def format_when(moment: datetime, zone: str) -> str:
    """'Tuesday 1 December 2026 at 14:00 (Europe/London, GMT)'."""
    local = moment.astimezone(ZoneInfo(zone))
    abbreviation = local.tzname() or ""
    label = zone if not abbreviation or abbreviation == zone else f"{zone}, {abbreviation}"
    return f"{local:%A} {local.day} {local:%B %Y} at {local:%H:%M} ({label})"


def format_duration(minutes: int) -> str:
    hours, rest = divmod(minutes, 60)
    if not hours:
        return f"{rest} minutes"
    hour_text = "1 hour" if hours == 1 else f"{hours} hours"
    return hour_text if not rest else f"{hour_text} {rest} minutes"
