"""crosscheck's exceptions: expected, user-facing failures. Anything else is a bug.

::

    CrosscheckError                 base; str(error) is a one-line message for the user
     ├── CaptureError               one input (file or record) cannot be read or parsed
     ├── StoreError                 the database cannot be opened, migrated or written
     ├── NotFoundError              no stored object has the id the user gave
     ├── SettingsError              an option or setting has an invalid value
     ├── AccessError                sign-in failed, or the user's role may not do this
     └── GoldError                  a gold data file (crosscheck evaluate) cannot be read

``pipeline.run`` catches ``CrosscheckError`` per capture, records it and goes on; the CLI turns
what reaches it into a one-line message and exit status 1. No other layer catches them.
"""

from __future__ import annotations

__all__ = [
    "AccessError",
    "CaptureError",
    "CrosscheckError",
    "GoldError",
    "NotFoundError",
    "SettingsError",
    "StoreError",
]


class CrosscheckError(Exception):
    """Base of every expected failure."""


class CaptureError(CrosscheckError):
    """One input cannot be read: ``where`` names the file (or record), ``reason`` says why."""

    def __init__(self, where: str, reason: str) -> None:
        super().__init__(f"{where}: {reason}")
        self.where = where
        self.reason = reason


class StoreError(CrosscheckError):
    """The database cannot be opened, migrated or written."""


class NotFoundError(CrosscheckError):
    """No stored object has the given id."""


class SettingsError(CrosscheckError):
    """An option or setting has an invalid value."""


class GoldError(CrosscheckError):
    """A gold file is missing a part it promises or cannot be parsed: ``where`` names the file."""

    def __init__(self, where: object, reason: str) -> None:
        super().__init__(f"{where}: {reason}")
        self.where = str(where)
        self.reason = reason


class AccessError(CrosscheckError):
    """Sign-in failed, or the signed-in user's role does not allow the action."""
