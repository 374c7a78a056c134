"""The `export` commands; ``cli`` imports this module, which registers them on ``cli.app``."""

from __future__ import annotations

__all__: list[str] = []
