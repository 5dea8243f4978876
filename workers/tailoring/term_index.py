"""Find known words and phrases in a posting quickly.

One regex alternation of a few hundred phrases scans a long posting slowly (Python's ``re``
tries each alternative at each position). Instead the lower-cased text is split into word
tokens once, the set of distinct tokens is intersected with the phrases' first words, and
only those few phrases are checked, which keeps family detection and tool extraction to a
small fraction of a millisecond for a long posting.

Tokens keep ``& / + # -`` ("ci/cd", "fp&a", "on-call"); a one-word phrase also
matches a part of a token split at "-" or "/" ("git" in "git-based", "sql" in "sql/python").
A case-sensitive phrase ("Epic", "Square") must also appear as written in the text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

_PARTS = re.compile(r"[-/]")
# Byte table keeping a-z, 0-9 and "& / + # -"; every other byte becomes a space. Tokenising
# with it and str.split is about twice as fast as a token regex on a long posting.
_KEEP = frozenset(b"abcdefghijklmnopqrstuvwxyz0123456789&/+#-")
_TABLE = bytes(c if c in _KEEP else 0x20 for c in range(256))


def tokens_of(text: str) -> list[str]:
    """Lower-case word tokens; anything outside ASCII letters, digits and "&/+#-" splits."""
    return text.lower().encode("ascii", "replace").translate(_TABLE).decode("ascii").split()


def _first_run(tokens: Sequence[str], words: tuple[str, ...]) -> int | None:
    """Index where ``words`` first appear in a row in ``tokens``, if they do."""
    start = 0
    size = len(words)
    while True:
        try:
            index = tokens.index(words[0], start)
        except ValueError:
            return None
        if tuple(tokens[index : index + size]) == words:
            return index
        start = index + 1


class PhraseIndex:
    """Phrases looked up by first word; ``case_sensitive`` ones must match as written."""

    def __init__(self, phrases: Iterable[str], case_sensitive: Iterable[str] = ()) -> None:
        by_first: dict[str, list[tuple[tuple[str, ...], str]]] = {}
        for phrase in phrases:
            words = tuple(tokens_of(phrase))
            if words:
                by_first.setdefault(words[0], []).append((words, phrase))
        self._by_first = {first: tuple(sorted(entries)) for first, entries in by_first.items()}
        self._first_words = frozenset(self._by_first)
        self._as_written = {
            phrase: re.compile(rf"(?<![A-Za-z0-9]){re.escape(phrase)}(?![A-Za-z0-9])")
            for phrase in case_sensitive
        }

    def find(self, text: str) -> dict[str, int]:
        """Each phrase found in ``text`` -> its first token position (for ordering)."""
        tokens = tokens_of(text)
        distinct = set(tokens)
        for word in [w for w in distinct if "-" in w or "/" in w]:
            distinct.update(part for part in _PARTS.split(word) if part)
        found: dict[str, int] = {}
        for first in distinct & self._first_words:
            for words, phrase in self._by_first[first]:
                if len(words) == 1:
                    position: int | None = tokens.index(first) if first in tokens else len(tokens)
                else:
                    position = _first_run(tokens, words)
                if position is None:
                    continue
                exact = self._as_written.get(phrase)
                if exact is not None and not exact.search(text):
                    continue
                found[phrase] = position
        return found
