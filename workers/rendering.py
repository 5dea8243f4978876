"""Rendering an email kind from its templates: subject, HTML (CSS inlined) and text.

Templates live in ``email_templates/`` (one ``KIND.html`` and one ``KIND.txt`` per kind,
both extending a base). A host can override any of them by name from
``INTERVIEW_COACH_TEMPLATE_FOLDER``. The subject is the ``subject`` block of the ``.txt``
template. ``StrictUndefined`` turns a missing variable into an error instead of a blank.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from importlib.resources import files
from typing import Any

import css_inline
from jinja2 import ChoiceLoader, Environment, FileSystemLoader, StrictUndefined, select_autoescape

_BLANK_LINES = re.compile(r"\n{3,}")


class TemplateError(ValueError):
    """A template produced something that cannot be sent (e.g. a subject with a newline)."""


@dataclass(frozen=True)
class RenderedEmail:
    subject: str
    html: str
    text: str


def package_template_folder() -> str:
    return str(files("interview_coach.email_templates"))


class EmailRenderer:
    """Compiles templates once per process (Jinja caches them) and reuses one CSS inliner."""

    def __init__(self, override_folder: str | None = None) -> None:
        loaders = [FileSystemLoader(override_folder)] if override_folder else []
        loaders.append(FileSystemLoader(package_template_folder()))
        self.env = Environment(
            loader=ChoiceLoader(loaders),
            undefined=StrictUndefined,
            autoescape=select_autoescape(enabled_extensions=("html",), default_for_string=False),
            trim_blocks=True,
            lstrip_blocks=True,
            keep_trailing_newline=True,
            auto_reload=False,
        )
        self._inliner = css_inline.CSSInliner(keep_style_tags=False, load_remote_stylesheets=False)

    def render(self, kind: str, context: dict[str, Any]) -> RenderedEmail:
        text_template = self.env.get_template(f"{kind}.txt")
        html_template = self.env.get_template(f"{kind}.html")
        subject = "".join(text_template.blocks["subject"](text_template.new_context(context))).strip()
        if not subject:
            raise TemplateError(f"{kind}.txt rendered an empty subject")
        if "\n" in subject or "\r" in subject:
            raise TemplateError(f"{kind}.txt rendered a subject with a line break: {subject!r}")
        text = _BLANK_LINES.sub("\n\n", text_template.render(context)).strip() + "\n"
        html = self._inliner.inline(html_template.render(context))
        return RenderedEmail(subject=subject, html=html, text=text)
