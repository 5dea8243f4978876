"""The admin's forms (Flask-WTF): each carries the CSRF token and validates what it posts.

Fields are strings checked against the allowed values (``AnyOf``); the templates render the
options themselves, with their labels and hints, so the forms stay the same across WTForms
versions."""

from __future__ import annotations

from flask_wtf import FlaskForm
from wtforms import HiddenField, StringField
from wtforms.validators import AnyOf, DataRequired, Optional

from ..config import EMAIL_KINDS
from .pages import KIND_LABELS, REMINDER_OFFSETS, offset_label

SWITCH_VALUES = ("on", "off", "inherit")


def _switch(kind: str) -> StringField:
    # Optional: a form may post only the kinds it changes (a single switch in the jobs list).
    return StringField(KIND_LABELS[kind], validators=[Optional(), AnyOf(SWITCH_VALUES)])


class TogglesForm(FlaskForm):
    """Switches of one job or one company; absent fields are left as they are."""

    application_received = _switch("application_received")
    interview_prep = _switch("interview_prep")
    interview_reminder = _switch("interview_reminder")
    interview_rescheduled = _switch("interview_rescheduled")
    interview_cancelled = _switch("interview_cancelled")
    reminder_offset = StringField("Reminder time", validators=[Optional()])
    next = HiddenField()

    offset_choices: list[tuple[str, str]]

    def set_offset_choices(self, current: int | None) -> None:
        """The reminder times offered: the usual ones, plus the one saved if it is unusual."""
        offsets = sorted({*REMINDER_OFFSETS, *([current] if current else [])})
        self.offset_choices = [("inherit", "Inherit"), *((str(m), offset_label(m)) for m in offsets)]
        self.reminder_offset.validators = [Optional(), AnyOf([value for value, _ in self.offset_choices])]

    def switch_values(self) -> dict[str, str]:
        """Kind → on/off/inherit, for the kinds the form posted."""
        return {kind: getattr(self, kind).data for kind in EMAIL_KINDS if getattr(self, kind).data}


class BulkToggleForm(FlaskForm):
    kind = StringField("Email", validators=[DataRequired(), AnyOf(EMAIL_KINDS)])
    value = StringField("Set to", validators=[DataRequired(), AnyOf(SWITCH_VALUES)])
    target = StringField("Apply to", default="selected", validators=[DataRequired(), AnyOf(("selected", "matching"))])
    q = HiddenField()
    next = HiddenField()


class SendTestForm(FlaskForm):
    kind = StringField("Email", validators=[DataRequired(), AnyOf(EMAIL_KINDS)])
    source = StringField("Application or interview", validators=[DataRequired()])


class ConfirmForm(FlaskForm):
    """A button that changes something: only the CSRF token (and where to go next)."""

    next = HiddenField()
