"""Splitting a posting or a profile into sentences, and reading a posting's headings.

``read_sentences`` gives (section, sentence or bullet line) pairs for ``skills`` to scan.

How a posting's sections decide whether a skill is required:

- the job title, the ``requirements`` field, and text under headings such as "Requirements",
  "Must have", "What you'll need", "Qualifications", "About you" are **required**;
- text under "Nice to have", "Bonus", "Preferred", "Pluses", and any line that says "a plus",
  "preferred" or "nice to have", is **nice to have**;
- the description before any heading, and "Responsibilities" / "What you'll do", is
  **mentioned**: the job clearly uses the skill, so it counts as required when the posting has
  no requirements section at all; otherwise it ranks after the required skills and before the
  nice-to-haves, and is not marked required;
- "Benefits", "Perks", "About us", "How to apply"... are **other**, ignored for the job (a free
  gym membership is not a skill the job needs);
- examples in brackets ("sales experience (retail, hospitality or fitness)") are asked for one
  level less than their line;
- what the company sells ("Harborline makes dock scheduling software for warehouses") and whom
  a seller sells to ("selling to finance or accounting teams") are no skill at all, in a
  posting or in a profile (``object_spans``).
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Final

from .evidence import DIGIT_RE
from .tokens import tokenize

REQUIRED, MENTIONED, NICE_TO_HAVE, OTHER = "required", "mentioned", "nice_to_have", "other"
RANK: Final = {REQUIRED: 0, MENTIONED: 1, None: 1, NICE_TO_HAVE: 2, OTHER: 3}

_BULLET_STARTS: Final = frozenset("-*•·▪◦‣>0123456789")
_BULLET_RE: Final = re.compile(r"^(?:[-*•·▪◦‣>]+|\d{1,2}[.)])\s+")
_ASIDE_RE: Final = re.compile(r"\(([^()]*)\)")
# A sentence about the role speaks to the candidate: "You will log every tour in our CRM."
_YOU_RE: Final = re.compile(r"\b(?:you|your|you'll|you're)\b", re.IGNORECASE)
_DEMOTED: Final = {REQUIRED: MENTIONED, MENTIONED: NICE_TO_HAVE, None: NICE_TO_HAVE}
# A sentence ends at . ! or ? before a capital; the pattern starts with a literal class so the
# regex engine skips ahead fast.
_SENTENCE_RE: Final = re.compile(r"([.!?])\s+(?=[\"'“(]?[A-Z0-9])")
# Initials end in a dot without ending the sentence: "B.A. Journalism", "M.S. in Nursing",
# "the U.S. market", "J.R. Smith".
_INITIALS_RE: Final = re.compile(r"(?<![^\s(])(?:[A-Za-z]\.){2,}$")
_SECTION_RES: Final[tuple[tuple[str, re.Pattern[str]], ...]] = (
    (NICE_TO_HAVE, re.compile(
        r"\b(?:nice[ -]to[ -]haves?|bonus(?: points)?|preferred|pluses|plus|desired|desirable|"
        r"good to have|extra credit|ideally|even better|optional)\b")),
    (OTHER, re.compile(
        r"\b(?:benefits?|perks|what we offer|we offer|compensation|salary|pay|about us|who we are|"
        r"about the company|why (?:join|work)|equal opportunity|eeo|how to apply|location|schedule|"
        r"hours|our (?:culture|values|story|mission|team))\b"
        r"|^about (?!(?:the |this )?(?:role|job|position|opportunity|you)\b)")),
    (REQUIRED, re.compile(
        r"\b(?:requirements?|required|must[ -]haves?|what you(?:'ll| will)? need|qualifications?|"
        r"who you are|(?:we're|we are) looking for|you have|you(?:'ll)? bring|about you|minimum|"
        r"essential|skills|experience|ideal candidate|competenc(?:y|ies))\b")),
    (MENTIONED, re.compile(
        r"\b(?:responsibilit(?:y|ies)|what you(?:'ll| will) do|(?:the|your|this) (?:role|job|position)|"
        r"duties|day[ -]to[ -]day|in this role|you will|you'll|key tasks|overview|summary|description)\b")),
)
# The words a heading without a colon may be made of ("Nice to have", "Key responsibilities").
_HEADING_VOCABULARY: Final = """
    a about additional and apply are basic benefits bonus bring candidate company compensation core day
    description desirable desired do duties education essential experience for have haves how ideal in job
    key life looking minimum must need nice offer optional our overview pay perks plus pluses points position
    preferred qualification qualifications required requirement requirements responsibilities role salary
    schedule skills summary the this to us we we're what who why will you you'll your &
"""
_HEADING_WORDS: Final = frozenset(_HEADING_VOCABULARY.split())
_NICE_MARK_RE: Final = re.compile(
    r"\b(?:a plus|(?:is|are) a bonus|bonus|preferred|nice[ -]to[ -]have|desirable|ideally|not required|"
    r"would be great|helpful)\b"
)
_REQUIRED_MARK_RE: Final = re.compile(r"\b(?:required|must|mandatory|essential)\b")
# A wrapped line ends mid-phrase: "...pulled wire for power and lighting on a"
_DANGLING_WORDS: Final = frozenset(
    {"a", "an", "the", "and", "or", "of", "to", "in", "on", "for", "with", "by", "at", "from", "as", "into"}
)
_NICE_HINTS: Final = ("plus", "bonus", "prefer", "nice", "desirab", "ideally", "not required", "great", "helpful")
_REQUIRED_HINTS: Final = ("requir", "must", "mandatory", "essential")
_NICE_HINT_WORDS: Final = tuple((hint, tuple(hint.split())) for hint in _NICE_HINTS)
_NO_HINTS: Final[tuple[tuple[str, ...], tuple[str, ...]]] = ((), ())


# What a company sells names its product, not a skill: "Cartwheel sells payroll and HR software
# to ...", "Harborline makes dock scheduling software for warehouses", "We build accounts payable
# automation". Nor are the people a seller sells to: "selling to finance or accounting teams",
# "prospecting into HR and finance leaders". A skill named in such an object, from the verb to the
# end of its clause, is ignored in a posting and is no evidence in a profile. The product verb
# counts only right after the company's name (capitalised words) or "we" at the start of the
# sentence, and not before a preposition: "Our web team builds the dashboard in React" and "We
# build with React" still ask for React.
_COMPANY_VERBS: Final = (
    "sells", "builds", "makes", "offers", "provides", "develops", "designs", "creates", "manufactures", "produces",
)
_WE_VERBS: Final = (
    "sell", "build", "make", "offer", "provide", "develop", "design", "create", "manufacture", "produce",
    "selling", "building", "making",
)
_PRODUCT_RE: Final = re.compile(
    rf"(?:(?:(?:[A-Z][\w&'’.-]*|of|and|the|&)\s+){{1,5}}?(?:{'|'.join(_COMPANY_VERBS)})\s"
    rf"|[Ww]e(?:'re| are)?\s+(?:{'|'.join(_WE_VERBS)})\s)"
    r"(?!\s*(?:with|in|on|using|for|at|from|across|alongside|through|by|to|into)\b)"
)
# ``_SELLING_WORDS`` as a pattern led by one class of first letters (no "\b", no IGNORECASE) so
# that ``re`` skips ahead fast; where the match may start is checked after (``_starts_a_word``).
# Whatever it matches holds "sell", "sold", "rospect" or "itch" in any case, tested first.
_SELLING_WORDS: Final = (
    "sell", "sells", "selling", "sold", "prospect", "prospects", "prospecting", "prospected", "pitch",
    "pitches", "pitching", "pitched",
)
_AUDIENCE_RE: Final = re.compile(
    r"[SsPp](?:(?<=[Ss])(?:ell(?:s|ing)?|old)|(?<=[Pp])(?:rospect(?:s|ing|ed)?|itch(?:es|ing|ed)?)"
    r"|(?<=S)(?:ELL(?:S|ING)?|OLD)|(?<=P)(?:ROSPECT(?:S|ING|ED)?|ITCH(?:ES|ING|ED)?))\s+(?:[Ii][Nn])?[Tt][Oo]\s"
)
# The words (as the skill scanner lowers and splits them) without which a sentence has no such
# object ("we're" is "were"). A marker in the skill trie takes those that no skill claims, so
# each starts a hit; the scan notes the sentences where one does, and only those are looked at.
OBJECT_WORDS: Final = frozenset((*_COMPANY_VERBS, "we", "were", *_SELLING_WORDS))
_CLAUSE_END_RE: Final = re.compile(r"[;:(]| [-–—] |, (?:and|but|where|which|while|so) ")


@lru_cache(maxsize=4096)
def object_spans(sentence: str) -> tuple[tuple[int, int], ...]:
    """The token ranges (as ``tokens.tokenize`` counts) of what the sentence says a
    company sells or whom someone sells to (see ``_PRODUCT_RE``); usually none. Asked only of
    the sentences that hold a word of ``OBJECT_WORDS``, and cached: postings repeat lines."""
    product = _PRODUCT_RE.match(sentence)
    starts = [product.end()] if product else []
    low = sentence.lower()
    if "sell" in low or "sold" in low or "rospect" in low or "itch" in low:
        matches = _AUDIENCE_RE.finditer(sentence)
        starts.extend(match.end() for match in matches if _starts_a_word(sentence, match.start()))
    return tuple(_span(sentence, start) for start in starts)


def _starts_a_word(sentence: str, at: int) -> bool:
    """Does a token start at ``at``? Not after a letter, a digit or "_" (inside a word), nor after
    an apostrophe or "&+#", which tokenising keeps within a token ("pitch" starts one in
    "sales-pitch", not in "x'pitch")."""
    return at == 0 or not (sentence[at - 1].isalnum() or sentence[at - 1] in "_'’&+#")


def _span(sentence: str, start: int) -> tuple[int, int]:
    clause_end = _CLAUSE_END_RE.search(sentence, start)
    first = len(tokenize(sentence[:start]))  # ``start`` follows a space: no token spans it
    return first, first + len(tokenize(sentence[start : clause_end.start() if clause_end else len(sentence)]))


def read_sentences(text: str, default: str | None, sections: bool) -> tuple[list[tuple[str | None, str]], bool]:
    """(section, sentence or bullet line) pairs, following the headings when ``sections``."""
    found: list[tuple[str | None, str]] = []
    section, headed_required = default, False
    intro = 0  # sentences before the first heading about the role, in a text read without a default
    lines = _logical_lines(text)
    hints = _hints_in(lines) if sections else _NO_HINTS
    for line in lines:
        line_section = section
        if sections:
            # A cheap first look, so that ordinary bullets skip the heading patterns.
            if ":" in line[:50] or line[0] in "#*" or (line.count(" ") < 6 and line[-1] not in ".!?"):
                heading, body = _read_heading(line)
                if heading is not None and body is None:
                    if section is None and heading in (REQUIRED, MENTIONED):  # the first heading
                        intro = len(found)
                    section = line_section = heading
                    headed_required |= heading == REQUIRED
                elif heading is not None and body:
                    line_section, line = heading, body
            if "(" in line:
                for part_section, part in _asides(line_section, line):
                    _add_sentences(found, _mark(part_section, part, hints), part)
                continue
            line_section = _mark(line_section, line, hints)
        _add_sentences(found, line_section, line)
    if intro:  # before the role's first heading, what does not speak to "you" is about the company
        found[:intro] = [
            (NICE_TO_HAVE if s is None and not _YOU_RE.search(sentence) else s, sentence)
            for s, sentence in found[:intro]
        ]
    return found, headed_required


def _logical_lines(text: str) -> list[str]:
    """Lines with bullets removed and wrapped lines joined back ("...on a" + "220,000 sq ft...")."""
    lines: list[str] = []
    previous, previous_bullet = "", False  # the last line of this paragraph, if any
    for raw in text.splitlines():
        line = raw.strip()
        if not line:
            previous = ""
            continue
        bullet = line[0] in _BULLET_STARTS and _BULLET_RE.match(line)
        if bullet:
            line = line[bullet.end() :]
        elif previous and _continues(previous, line, hanging=previous_bullet and raw[:1].isspace()):
            lines[-1] = previous = f"{previous} {line}"
            continue
        if line:
            lines.append(line)
            previous, previous_bullet = line, bool(bullet)
    return lines


def _continues(previous: str, line: str, *, hanging: bool) -> bool:
    if previous[-1] in ".!?:;":
        return False
    if line[0].islower() or hanging or previous[-1] in ",-&":
        return True
    return previous.rsplit(" ", 1)[-1].lower() in _DANGLING_WORDS


def _add_sentences(found: list[tuple[str | None, str]], section: str | None, line: str) -> None:
    if ". " in line or "! " in line or "? " in line:
        found.extend((section, sentence) for sentence in _split_sentences(line))
    else:
        found.append((section, line))


def _split_sentences(line: str) -> list[str]:
    pieces = _SENTENCE_RE.split(line)  # text, end mark, text, end mark, ..., text
    sentences: list[str] = []
    current = ""
    for k in range(0, len(pieces), 2):
        current += pieces[k] + (pieces[k + 1] if k + 1 < len(pieces) else "")
        if k + 1 < len(pieces) and (
            current.lower().endswith(("e.g.", "i.e.", "etc.")) or _INITIALS_RE.search(current, len(current) - 12)
        ):
            current += " "  # an abbreviation or initials, not the end of a sentence
            continue
        if current.strip():
            sentences.append(current.strip())
        current = ""
    return sentences


def _asides(section: str | None, line: str) -> list[tuple[str | None, str]]:
    """Split "(retail, hospitality and fitness all count)" off a line: examples in brackets
    are asked for one level less than the line itself."""
    asides = [(_DEMOTED.get(section, section), aside) for aside in _ASIDE_RE.findall(line)]
    return [(section, _ASIDE_RE.sub(" ", line)), *asides]


def _hints_in(lines: list[str]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The nice-to-have and required hints that may occur in ``lines`` (or parts of them), found
    once for the whole text so that ``_mark`` tests most lines against none. A hint counts when
    each of its words occurs: cutting an aside out of a line can bring two words together."""
    low = " ".join(lines).lower()
    nice = tuple(hint for hint, words in _NICE_HINT_WORDS if all(word in low for word in words))
    return nice, tuple(hint for hint in _REQUIRED_HINTS if hint in low)


def _mark(section: str | None, line: str, hints: tuple[tuple[str, ...], tuple[str, ...]]) -> str | None:
    """A line's own words override its section: "CPR is a plus", "a license is required".

    ``hints`` are ``_hints_in`` the text: substring tests (fast) before the patterns (slow on
    long lines), and most texts have few of them.
    """
    nice, required = hints
    if section in (NICE_TO_HAVE, OTHER) or not (nice or required):
        return section
    low = line.lower()
    for hint in nice:
        if hint in low:
            if _NICE_MARK_RE.search(low):
                return NICE_TO_HAVE
            break
    if section != REQUIRED:
        for hint in required:
            if hint in low:
                return REQUIRED if _REQUIRED_MARK_RE.search(low) else section
    return section


@lru_cache(maxsize=4096)
def _read_heading(line: str) -> tuple[str | None, str | None]:
    """(section, None) for a heading line, (section, rest) for "Bonus: CPR", else (None, None).

    Cached: postings reuse a few dozen headings ("Requirements", "Nice to have", "Benefits").
    """
    label, colon, rest = line.strip("#*_ ").partition(":")
    label = label.strip("*_ ").lower()
    rest = rest.strip("*_ ")
    words = label.split()
    if not words or len(words) > (4 if rest else 6) or DIGIT_RE.search(label):
        return None, None
    marked = bool(colon) or line.startswith(("#", "**"))
    if not (marked or line.isupper() or all(w.strip(",.-") in _HEADING_WORDS for w in words)):
        return None, None
    section = next((name for name, pattern in _SECTION_RES if pattern.search(label)), None)
    if rest:
        return (section, rest) if section else (None, None)
    return (section or MENTIONED, None) if marked else (section, None)
