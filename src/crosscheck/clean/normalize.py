"""Unicode repair before text is assembled, and a same-length form for matching.

``fix`` repairs mojibake (``ftfy``), turns odd spaces (no-break, thin, ideographic...) into plain
spaces and drops invisible format characters (zero-width space, soft hyphen, BOM); it runs on
each piece of text *before* a document's text is assembled, so offsets computed afterwards stay
valid. ``for_matching`` maps typographic quotes, apostrophes and dashes to ASCII one character
for one character: a match found in its output is a valid span of the input.
"""

from __future__ import annotations

import re

import ftfy

__all__ = ["NAME", "fix", "for_matching"]

NAME = "clean.normalize.ftfy.v1"

_ODD_SPACES = re.compile(r"[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]")
_INVISIBLE = re.compile(r"[\u00ad\u200b-\u200d\u2060\ufeff]")
_CONFIG = ftfy.TextFixerConfig(
    unescape_html=False,  # HTML is unescaped by the HTML parser, not guessed in plain text
    uncurl_quotes=False,  # quote marks stay as written; for_matching folds them
    fix_line_breaks=True,
    normalization="NFC",
    explain=False,
)

_ASCII_TO_FIX = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")  # controls and \r: ftfy's work

_MATCHING = str.maketrans(
    {
        "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'", "\u02bc": "'",
        "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"',
        "\u00ab": '"', "\u00bb": '"', "\u2039": "'", "\u203a": "'",
        "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u2015": "-",
        "\u2212": "-",
    }
)  # fmt: skip


def fix(text: str) -> str:
    """Repaired text: mojibake fixed, NFC, odd spaces plain, invisible characters gone."""
    # Invisible characters and odd spaces go first: left in, they can hide mojibake from ftfy,
    # and a second pass would then change the text again.
    # ftfy's repair can itself produce them (mojibake of a no-break space), hence the second.
    if text.isascii() and not _ASCII_TO_FIX.search(text):
        return text  # nothing ftfy would change: no mojibake, odd spaces or line breaks in ASCII
    text = ftfy.fix_text(_plain(text), _CONFIG)
    return _plain(text)


def _plain(text: str) -> str:
    return _ODD_SPACES.sub(" ", _INVISIBLE.sub("", text))


def for_matching(text: str) -> str:
    """``text`` with quotes, apostrophes and dashes folded to ASCII; same length, same offsets."""
    return text.translate(_MATCHING)
