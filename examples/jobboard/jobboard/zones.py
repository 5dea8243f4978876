"""Time zones offered in the forms, and conversions between a wall clock and UTC."""

from __future__ import annotations

from datetime import UTC, date, datetime, time
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

# (IANA name, label). People pick a city, not an offset: offsets change with the seasons.
COMMON_TIMEZONES: tuple[tuple[str, str], ...] = (
    ("Pacific/Honolulu", "Honolulu"),
    ("America/Anchorage", "Anchorage"),
    ("America/Los_Angeles", "Los Angeles, Seattle, Vancouver"),
    ("America/Denver", "Denver, Salt Lake City"),
    ("America/Phoenix", "Phoenix"),
    ("America/Chicago", "Chicago, Dallas, Mexico City area"),
    ("America/New_York", "New York, Atlanta, Miami"),
    ("America/Toronto", "Toronto, Montreal"),
    ("America/Halifax", "Halifax"),
    ("America/Sao_Paulo", "São Paulo"),
    ("UTC", "UTC"),
    ("Europe/London", "London, Edinburgh"),
    ("Europe/Dublin", "Dublin"),
    ("Europe/Lisbon", "Lisbon"),
    ("Europe/Paris", "Paris, Brussels"),
    ("Europe/Berlin", "Berlin, Amsterdam, Vienna"),
    ("Europe/Madrid", "Madrid, Barcelona"),
    ("Europe/Warsaw", "Warsaw, Prague"),
    ("Europe/Athens", "Athens, Bucharest"),
    ("Africa/Lagos", "Lagos"),
    ("Africa/Nairobi", "Nairobi"),
    ("Africa/Johannesburg", "Johannesburg, Cape Town"),
    ("Asia/Dubai", "Dubai"),
    ("Asia/Kolkata", "Mumbai, Bengaluru, Delhi"),
    ("Asia/Singapore", "Singapore, Kuala Lumpur"),
    ("Asia/Manila", "Manila"),
    ("Asia/Tokyo", "Tokyo"),
    ("Australia/Sydney", "Sydney, Melbourne"),
    ("Pacific/Auckland", "Auckland"),
)
ZONE_NAMES = frozenset(name for name, _ in COMMON_TIMEZONES)


def is_known_zone(name: str) -> bool:
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return False
    return True


def wall_clock_to_utc(day: date, clock: time, zone: str) -> datetime:
    """The instant a wall clock in ``zone`` shows ``day`` ``clock``. In the hour a clock is
    set back this picks the first of the two moments (fold=0), as calendars do."""
    return datetime.combine(day, clock, tzinfo=ZoneInfo(zone)).astimezone(UTC)


def in_zone(moment: datetime, zone: str) -> datetime:
    return moment.astimezone(ZoneInfo(zone))
