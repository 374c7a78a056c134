"""(STUB: helper B implements.)"""

from __future__ import annotations


def is_boilerplate(line: str) -> str | None:
    """The reason ``line`` is site boilerplate ("boilerplate", "promo", "counter"...), else None."""
    raise NotImplementedError
