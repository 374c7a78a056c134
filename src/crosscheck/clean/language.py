"""(STUB: helper B implements.)"""

from __future__ import annotations

NAME = "clean.language.py3langid.v1"


def detect(text: str, *, title: str | None = None) -> str | None:
    raise NotImplementedError
