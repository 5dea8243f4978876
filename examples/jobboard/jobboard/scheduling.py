"""The interview form: parsing, checking, and applying it to an ``Interview`` row.

Nothing here knows about the plugin. Two details matter to the plugin's model watcher all
the same (see ``coach_integration.py``): a new interview is built complete, panel included,
before it joins the session; and an edit that changes only the panel touches a column of the
interview so its row, and so its version, is part of the flush.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from werkzeug.datastructures import MultiDict

from . import models
from .zones import in_zone, is_known_zone, wall_clock_to_utc

MAX_PANEL = 3
STAGES = [stage.value for stage in models.InterviewStage]
FORMATS = [fmt.value for fmt in models.InterviewFormat]
ROLES = ["", *(role.value for role in models.InterviewerRole)]


@dataclass
class PanelistInput:
    name: str = ""
    title: str = ""
    role: str = ""
    is_hiring_manager: bool = False

    def as_tuple(self) -> tuple[str, str, str, bool]:
        return (self.name, self.title, self.role, self.is_hiring_manager)


@dataclass
class InterviewForm:
    stage: str = models.InterviewStage.SCREEN.value
    format: str = models.InterviewFormat.VIDEO.value
    day: str = ""
    clock: str = "10:00"
    timezone: str = "UTC"
    duration_minutes: str = "45"
    location: str = ""
    video_link: str = ""
    panel: list[PanelistInput] = field(default_factory=lambda: [PanelistInput() for _ in range(MAX_PANEL)])
    version: str = ""
    errors: dict[str, str] = field(default_factory=dict)
    starts_at: datetime | None = None  # set by validate()

    @classmethod
    def blank(cls, timezone: str) -> InterviewForm:
        in_two_days = in_zone(models.utcnow(), timezone).date() + timedelta(days=2)
        return cls(day=in_two_days.isoformat(), timezone=timezone)

    @classmethod
    def from_interview(cls, interview: models.Interview) -> InterviewForm:
        local = in_zone(interview.starts_at, interview.timezone)
        panel = [PanelistInput(p.name, p.title, p.role, p.is_hiring_manager) for p in interview.interviewers]
        panel += [PanelistInput() for _ in range(MAX_PANEL - len(panel))]
        return cls(stage=interview.stage, format=interview.format, day=local.date().isoformat(),
                   clock=local.strftime("%H:%M"), timezone=interview.timezone,
                   duration_minutes=str(interview.duration_minutes), location=interview.location,
                   video_link=interview.video_link, panel=panel, version=str(interview.version))

    @classmethod
    def from_request(cls, form: MultiDict[str, str]) -> InterviewForm:
        def text(name: str) -> str:
            return " ".join(form.get(name, "").split())  # one line, no stray whitespace

        panel = [
            PanelistInput(name=text(f"panel-{i}-name"), title=text(f"panel-{i}-title"),
                          role=text(f"panel-{i}-role"), is_hiring_manager=f"panel-{i}-hiring_manager" in form)
            for i in range(MAX_PANEL)
        ]
        return cls(stage=text("stage"), format=text("format"), day=text("date"), clock=text("time"),
                   timezone=text("timezone"), duration_minutes=text("duration_minutes"),
                   location=text("location"), video_link=text("video_link"), panel=panel,
                   version=text("version"))

    def validate(self) -> bool:
        errors = self.errors
        errors.clear()
        if self.stage not in STAGES:
            errors["stage"] = "Choose a stage."
        if self.format not in FORMATS:
            errors["format"] = "Choose phone, video or on-site."
        if not is_known_zone(self.timezone):
            errors["timezone"] = "Choose a time zone."
        try:
            day, clock = date.fromisoformat(self.day), time.fromisoformat(self.clock)
        except ValueError:
            errors["date"] = "Enter a date and a time, like 2025-03-14 and 09:30."
        else:
            if "timezone" not in errors:
                self.starts_at = wall_clock_to_utc(day, clock, self.timezone)
                if self.starts_at <= models.utcnow():
                    errors["date"] = "Pick a time in the future."
        if not self.duration_minutes.isdigit() or not 5 <= int(self.duration_minutes) <= 480:
            errors["duration_minutes"] = "Enter a duration between 5 and 480 minutes."
        if self.format == models.InterviewFormat.VIDEO and not self.video_link.startswith(("https://", "http://")):
            errors["video_link"] = "A video interview needs a link starting with https://."
        if self.format == models.InterviewFormat.ONSITE and not self.location:
            errors["location"] = "An on-site interview needs an address."
        for i, person in enumerate(self.panel):
            if not person.name and (person.title or person.role or person.is_hiring_manager):
                errors[f"panel-{i}"] = "Add a name, or clear this row."
            elif person.role not in ROLES:
                errors[f"panel-{i}"] = "Choose a role from the list."
            elif len(person.name) > 120 or len(person.title) > 160:
                errors[f"panel-{i}"] = "Keep names under 120 and titles under 160 characters."
        if len(self.location) > 300 or len(self.video_link) > 300:
            errors["location"] = "Keep the address and the link under 300 characters."
        return not errors

    def panel_tuples(self) -> list[tuple[str, str, str, bool]]:
        return [person.as_tuple() for person in self.panel if person.name]

    def build_panel(self) -> list[models.Interviewer]:
        return [
            models.Interviewer(position=position, name=name, title=title, role=role, is_hiring_manager=is_hm)
            for position, (name, title, role, is_hm) in enumerate(self.panel_tuples())
        ]

    def column_values(self) -> dict[str, object]:
        assert self.starts_at is not None, "validate() first"
        return {"stage": self.stage, "format": self.format, "starts_at": self.starts_at,
                "timezone": self.timezone, "duration_minutes": int(self.duration_minutes),
                "location": self.location, "video_link": self.video_link}


def new_interview(application: models.Application, form: InterviewForm) -> models.Interview:
    """A complete interview, panel included, ready for ``session.add``: the row and its
    interviewers then go to the database in the same flush."""
    return models.Interview(application=application, interviewers=form.build_panel(), **form.column_values())


def apply_interview_form(interview: models.Interview, form: InterviewForm) -> bool:
    """Copy the form onto the interview; False when nothing changed."""
    columns = {name: value for name, value in form.column_values().items()
               if getattr(interview, name) != value}
    current_panel = [(p.name, p.title, p.role, p.is_hiring_manager) for p in interview.interviewers]
    panel_changed = current_panel != form.panel_tuples()
    if not columns and not panel_changed:
        return False
    for name, value in columns.items():
        setattr(interview, name, value)
    if panel_changed:
        interview.interviewers = form.build_panel()  # the old rows are deleted (delete-orphan)
    # Interviewers are a child table: changing only them would not UPDATE the interview row,
    # so its version would not move. Touching a column of the row makes every edit an UPDATE.
    interview.updated_at = models.utcnow()
    return True
