"""Is a worker consuming? The periodic sweep writes a heartbeat each time a worker runs it;
an old heartbeat means no worker is taking tasks off the queue (dead, stalled, or cut off
from the broker), whatever the processes look like."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy.orm import Session

from .tables import HeartbeatRow, utcnow

HEARTBEAT = "dispatch"


def record_heartbeat(session: Session, hostname: str | None) -> None:
    row = session.get(HeartbeatRow, HEARTBEAT)
    if row is None:
        session.add(HeartbeatRow(name=HEARTBEAT, beat_at=utcnow(), hostname=hostname))
    else:
        row.beat_at, row.hostname = utcnow(), hostname


@dataclass(frozen=True)
class WorkerHealth:
    last_beat: datetime | None
    hostname: str | None
    consuming: bool

    def describe(self, now: datetime | None = None) -> str:
        if self.last_beat is None:
            return "no worker has run yet"
        age = ((now or utcnow()) - self.last_beat).total_seconds()
        state = "consuming" if self.consuming else "STALLED"
        return f"{state}: last sweep {age:.0f}s ago on {self.hostname or 'unknown host'}"


def worker_health(session: Session, dispatch_interval_seconds: float) -> WorkerHealth:
    """Consuming if the sweep ran within three intervals (and at least 5 s, for jitter)."""
    row = session.get(HeartbeatRow, HEARTBEAT)
    if row is None:
        return WorkerHealth(None, None, False)
    limit = timedelta(seconds=max(5.0, 3 * dispatch_interval_seconds))
    return WorkerHealth(row.beat_at, row.hostname, utcnow() - row.beat_at <= limit)
