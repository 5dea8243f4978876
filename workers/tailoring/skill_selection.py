"""Which of the matched skills the email shows: ``merge_umbrellas``, then ``select_reminders``.

``skill_matching`` finds every skill of the candidate's that the job asks for, as ``Pick``s;
this module keeps at most ``limit`` items of the email (a line of the candidate's with the
skills it shows) and at most ``MAX_RIDERS`` skills more than that.
"""

from __future__ import annotations

from typing import Final, NamedTuple

from .job_skills import Wanted
from .model import SkillReminder, item_of

MAX_RIDERS: Final = 3  # skills past the limit of items, each joining an item (``select_reminders``)


class Draft(NamedTuple):
    """A ``SkillReminder``'s fields: a job can offer twenty candidates for eight places, and a
    tuple is several times cheaper to make than the frozen dataclass, built only for the chosen."""

    skill: str
    kind: str
    evidence: str
    required: bool
    transferable_from: str | None
    bridge: str | None
    listed: bool


# (priority, bridged, posting order), the reminder, what the job wants, the candidate's evidence
# (``skill_matching._Own``, which selection does not read)
Pick = tuple[tuple[int, int, int], Draft, Wanted, object]


def merge_umbrellas(picks: list[Pick]) -> list[Pick]:
    """"Microsoft Office" and "Microsoft Word" from the same line of the profile are one
    reminder (an umbrella and one of its tools): keep whichever the posting names first."""
    kept: dict[tuple[str, str], Pick] = {}
    merged: list[Pick] = []
    for item in sorted(picks, key=lambda p: p[2].order):
        key = (item[2].skill.family, item[1].evidence)
        first = kept.get(key)
        if (
            first is not None
            and not (item[1].transferable_from or first[1].transferable_from)
            and (first[2].skill.broad or item[2].skill.broad)
            and "tool" in (first[2].skill.category, item[2].skill.category)
        ):
            continue
        kept.setdefault(key, item)
        merged.append(item)
    return merged


def select_reminders(picks: list[Pick], limit: int) -> tuple[SkillReminder, ...]:
    """The best reminders for at most ``limit`` items of the email, and at most ``MAX_RIDERS``
    more skills than that: a skill the line of an item already shows joins that item ("QuickBooks
    and Accounts payable"), so the email grows by a name, not by a line. Up to two of each kind
    come first, so that neither list is empty when the other has plenty."""
    limit = max(limit, 0)
    ordered = sorted(picks, key=lambda p: p[0])
    first = [p for kind in ("hard", "soft") for p in [p for p in ordered if p[1].kind == kind][: min(2, limit // 2)]]
    chosen: list[Pick] = []
    items: set[tuple[str, str, bool]] = set()
    shown = 0  # items of the email so far (a transferable reminder is an item of its own)
    for p in first + [p for p in ordered if p not in first]:
        item = _item_of(p[1])
        fresh = item is None or item not in items
        if fresh and shown == limit:
            continue
        chosen.append(p)
        shown += fresh
        if item is not None:
            items.add(item)
        if len(chosen) == limit + MAX_RIDERS:
            break
    chosen.sort(key=lambda p: (p[2].rank, p[1].kind != "hard", p[0][1], p[0][2]))
    return tuple(SkillReminder(*p[1]) for p in chosen)


def _item_of(draft: Draft) -> tuple[str, str, bool] | None:
    return item_of(draft.kind, draft.evidence, draft.listed, bool(draft.bridge or draft.transferable_from))
