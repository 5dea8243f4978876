"""Signals a host sends to tell the plugin what happened (blinker, private namespace).

Every signal is sent with the Flask app as sender and one keyword argument ``event``: the
matching model from ``interview_coach.plugin.events`` or a plain dict in that shape (it is
validated). Send it **after your own commit**; the plugin then stores and enqueues it in
a transaction of its own. To tie the event to your transaction instead (stored with your
change, gone with a rollback), also pass ``session=`` your SQLAlchemy session and send it
before you commit.

    from interview_coach.plugin import signals
    signals.application_submitted.send(current_app._get_current_object(), event=payload)

A receiver never raises into the host: an invalid event is logged (no personal data) and
kept as a rejected row with the field at fault.
"""

from __future__ import annotations

from blinker import Namespace

_signals = Namespace()

application_submitted = _signals.signal(
    "interview-coach.application-submitted",
    doc="A candidate applied. Sender: the Flask app. Kwargs: event (ApplicationSubmitted or "
    "dict), session (optional). Send after commit unless session= is given.",
)
interview_scheduled = _signals.signal(
    "interview-coach.interview-scheduled",
    doc="An interview was booked. Sender: the Flask app. Kwargs: event (InterviewScheduled or "
    "dict), session (optional). Send after commit unless session= is given.",
)
interview_rescheduled = _signals.signal(
    "interview-coach.interview-rescheduled",
    doc="An interview moved (time, zone, format or place). Sender: the Flask app. Kwargs: "
    "event (InterviewRescheduled or dict), session (optional). Send after commit unless "
    "session= is given.",
)
interview_cancelled = _signals.signal(
    "interview-coach.interview-cancelled",
    doc="An interview was called off. Sender: the Flask app. Kwargs: event (InterviewCancelled "
    "or dict), session (optional). Send after commit unless session= is given.",
)
application_closed = _signals.signal(
    "interview-coach.application-closed",
    doc="The application ended (hired, rejected, withdrawn): pending emails for it are "
    "cancelled. Sender: the Flask app. Kwargs: event (ApplicationClosed or dict), session "
    "(optional). Send after commit unless session= is given.",
)

ALL = {
    "application_submitted": application_submitted,
    "interview_scheduled": interview_scheduled,
    "interview_rescheduled": interview_rescheduled,
    "interview_cancelled": interview_cancelled,
    "application_closed": application_closed,
}
