"""How text becomes tokens, the same way for a posting, a profile and an alias.

Tokens are runs of letters, digits, "+", "#" and "&" ("c++", "c#", "r&d"). Everything else
separates them, so "cold-calling" = "cold calling" and "node.js" = "node js"; apostrophes
vanish ("driver's" = "drivers"). Email and web addresses are no words at all.
"""

from __future__ import annotations

import re
from typing import Final

# Aliases go through the same function as texts, so both sides agree. bytes.translate (a
# table look-up per byte, dropping apostrophes on the way) and split run in C, several times
# faster than a regex tokenizer or str.translate. Text goes through UTF-8, where the lead
# bytes of U+0080-00BF and U+2000-2FFF (nbsp, dashes, bullets, curly quotes...) become spaces
# and their orphaned continuation bytes are dropped when decoding.
_ASCII_SEPARATORS: Final = '!"$%()*,./:;<=>?@[\\]^_`{|}~-\t\r\n\v\f'
_BYTE_SEPARATORS: Final = bytes.maketrans(
    _ASCII_SEPARATORS.encode() + b"\xc2\xe2", b" " * (len(_ASCII_SEPARATORS) + 2)
)
_DOTNET_RE: Final = re.compile(r"(?<![^\W_])\.net\b", re.IGNORECASE)  # ".NET" is not "net"
_ADDRESS_MARKS: Final = ("@", "://", "www.")
# A token that no text or alias contains: it joins sentences, or parts of a line, so that one
# call tokenises them all and the parts can still be told apart.
BOUNDARY: Final = "\x00"


def tokenize(text: str) -> list[str]:
    """Split ``text`` into tokens, keeping case (callers lower it first when they match).

    Email addresses and web addresses are no words ("sam.hvac@example.com" names no skill).
    """
    if "@" in text or "://" in text or "www." in text:
        text = _drop_addresses(text)
    text = f" {text} ".replace(" & ", " and ")
    if ".net" in text or ".NET" in text:
        text = _DOTNET_RE.sub(" dotnet", text)
    data = text.encode()
    if not text.isascii():
        data = data.replace("\u2019".encode(), b"")  # a curly apostrophe vanishes too
    return data.translate(_BYTE_SEPARATORS, b"'").decode(errors="ignore").split()


def _drop_addresses(text: str) -> str:
    """``text`` with each word that holds an address mark blanked: a few string searches per
    address (a regex would try every position of a long text)."""
    for mark in _ADDRESS_MARKS:
        at = text.find(mark)
        while at >= 0:
            start = max(text.rfind(" ", 0, at), text.rfind("\n", 0, at), text.rfind("\t", 0, at)) + 1
            ends = [end for end in (text.find(" ", at), text.find("\n", at), text.find("\t", at)) if end >= 0]
            end = min(ends) if ends else len(text)
            text = f"{text[:start]} {text[end:]}"
            at = text.find(mark, start + 1)
    return text


def alias_tokens(alias: str) -> tuple[str, ...]:
    """The normalised tokens an alias is matched by (its key in the trie)."""
    return tuple(tokenize(alias.lower()))
