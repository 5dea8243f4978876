"""Find known words and phrases in a posting quickly.

One regex alternation of a few hundred phrases scans a long posting slowly (Python's ``re``
tries each alternative at each position). Instead the lower-cased text is split into word
tokens once (``Terms``), the set of distinct tokens is intersected with the phrases' first
words, and only those few phrases are looked for, as one substring search each in the tokens
joined by spaces. That keeps family detection and tool extraction to a small fraction of a
millisecond for a long posting.

Tokens keep ``& / + # -`` ("ci/cd", "fp&a", "on-call"); a one-word phrase also
matches a part of a token split at "-" or "/" ("git" in "git-based", "sql" in "sql/python").
A case-sensitive phrase ("Epic", "Square") must also appear as written in the text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Final

# Byte table keeping a-z, 0-9 and "& / + # -"; every other byte becomes a space. Tokenising
# with it and str.split is about twice as fast as a token regex on a long posting.
_KEEP: Final = frozenset(b"abcdefghijklmnopqrstuvwxyz0123456789&/+#-")
_TABLE: Final = bytes(c if c in _KEEP else 0x20 for c in range(256))


def tokens_of(text: str) -> list[str]:
    """Lower-case word tokens; anything outside ASCII letters, digits and "&/+#-" splits."""
    return text.lower().encode("ascii", "replace").translate(_TABLE).decode("ascii").split()


@dataclass(frozen=True, slots=True)
class Terms:
    """A text's tokens, and the distinct words among them with the parts of "a-b" and "a/b".

    Tokenising is the costly part of a look-up, so a text read by several indexes (a posting:
    families, tools) is tokenised once; ``terms_of(a) + terms_of(b)`` are the terms of the two
    texts joined by a line break.
    """

    tokens: tuple[str, ...]
    words: frozenset[str]

    def __add__(self, other: object) -> Terms:
        if not isinstance(other, Terms):
            return NotImplemented
        return Terms(self.tokens + other.tokens, self.words | other.words)


def terms_of(text: str) -> Terms:
    """``text``'s tokens and distinct words (see ``Terms``)."""
    tokens = tuple(tokens_of(text))
    words = set(tokens)
    for word in [w for w in words if "-" in w or "/" in w]:
        words.update(part for part in word.replace("/", "-").split("-") if part)
    return Terms(tokens, frozenset(words))


class PhraseIndex:
    """Phrases looked up by first word; ``case_sensitive`` ones must match as written."""

    def __init__(self, phrases: Iterable[str], case_sensitive: Iterable[str] = ()) -> None:
        by_first: dict[str, list[tuple[tuple[str, ...], str]]] = {}
        for phrase in phrases:
            words = tuple(tokens_of(phrase))
            if words:
                by_first.setdefault(words[0], []).append((words, phrase))
        # Each phrase as its tokens between spaces, to find in the text's tokens joined the same
        # way (None for one word, which the set of distinct words already answers), and its
        # other words: unless the text has each of them, the phrase is not looked for (a set
        # test, where finding the phrase reads the whole text).
        self._by_first = {
            first: tuple(
                (f" {' '.join(words)} " if len(words) > 1 else None, frozenset(words[1:]), phrase)
                for words, phrase in entries
            )
            for first, entries in ((first, sorted(entries)) for first, entries in by_first.items())
        }
        self._first_words = frozenset(self._by_first)
        # The phrase first, so that the regex engine skips ahead to it with a fast literal search;
        # then "no letter or digit before it" as a lookbehind over the phrase itself.
        self._as_written = {
            phrase: re.compile(rf"{re.escape(phrase)}(?<![A-Za-z0-9]{re.escape(phrase)})(?![A-Za-z0-9])")
            for phrase in case_sensitive
        }

    def find(self, text: str, terms: Terms | None = None) -> dict[str, int]:
        """Each phrase found in ``text`` -> its first token position (for ordering).

        A one-word phrase found only as a part of a longer token ("git" in "git-based") gets
        the position after the last token. ``terms`` are ``terms_of(text)``, when known.
        """
        terms = terms or terms_of(text)
        joined = f" {' '.join(terms.tokens)} "
        found: dict[str, int] = {}
        words = terms.words
        for first in words & self._first_words:
            for needle, others, phrase in self._by_first[first]:
                if not others <= words:
                    continue
                at = joined.find(needle or f" {first} ")
                if at < 0 and needle:
                    continue
                exact = self._as_written.get(phrase)
                if exact is not None and not exact.search(text):
                    continue
                # Spaces before the match = tokens before it (the joined text starts with one).
                found[phrase] = joined.count(" ", 0, at) if at >= 0 else len(terms.tokens)
        return found

    def present(self, text: str, terms: Terms | None = None) -> set[str]:
        """The phrases found in ``text``, as ``find`` would, without their positions."""
        terms = terms or terms_of(text)
        joined = ""
        found: set[str] = set()
        words = terms.words
        for first in words & self._first_words:
            for needle, others, phrase in self._by_first[first]:
                if not others <= words:
                    continue
                if needle:
                    joined = joined or f" {' '.join(terms.tokens)} "
                    if needle not in joined:
                        continue
                exact = self._as_written.get(phrase)
                if exact is None or exact.search(text):
                    found.add(phrase)
        return found
