"""Jinja filters: plain-text job ads and résumés as HTML, dates in a time zone, labels."""

from __future__ import annotations

from datetime import datetime

from flask import Flask
from markupsafe import Markup, escape

from .zones import in_zone

LABELS = {
    "screen": "Screening call",
    "skills": "Skills interview",
    "onsite": "On-site",
    "final": "Final interview",
    "phone": "Phone",
    "video": "Video",
    "remote": "Remote",
    "hybrid": "Hybrid",
    "recruiter": "Recruiter",
    "hiring_manager": "Hiring manager",
    "peer": "Peer",
    "cross_functional": "Cross-functional partner",
    "executive": "Executive",
    "submitted": "Submitted",
    "closed": "Closed",
    "scheduled": "Scheduled",
    "cancelled": "Cancelled",
}


def label(value: str) -> str:
    return LABELS.get(value, value.replace("_", " ").capitalize())


def rich_text(text: str) -> Markup:
    """Plain text as HTML: ``## Heading`` lines, ``- bullet`` lists, paragraphs split by
    blank lines. Everything is escaped; nothing the candidate types becomes markup."""
    html: list[str] = []
    paragraph: list[str] = []
    items: list[str] = []

    def close_paragraph() -> None:
        if paragraph:
            html.append("<p>" + "<br>".join(str(escape(line)) for line in paragraph) + "</p>")
            paragraph.clear()

    def close_list() -> None:
        if items:
            html.append("<ul>" + "".join(f"<li>{escape(item)}</li>" for item in items) + "</ul>")
            items.clear()

    for line in (raw.strip() for raw in text.replace("\r\n", "\n").split("\n")):
        if line.startswith(("- ", "• ", "* ")):
            close_paragraph()
            items.append(line[2:])
            continue
        close_list()
        if not line:
            close_paragraph()
        elif line.startswith("## "):
            close_paragraph()
            html.append(f"<h3>{escape(line[3:])}</h3>")
        else:
            paragraph.append(line)
    close_paragraph()
    close_list()
    return Markup("\n".join(html))


def local_time(moment: datetime | None, zone: str = "UTC", fmt: str = "%a %d %b %Y, %H:%M") -> str:
    if moment is None:
        return ""
    return in_zone(moment, zone).strftime(fmt)


def short_date(moment: datetime | None) -> str:
    return "" if moment is None else moment.strftime("%d %b %Y")


def register(app: Flask) -> None:
    app.add_template_filter(label)
    app.add_template_filter(rich_text)
    app.add_template_filter(local_time)
    app.add_template_filter(short_date)
