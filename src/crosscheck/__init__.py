"""crosscheck: captures of conflict reporting in, a provenance-tracked database out."""

from __future__ import annotations

from crosscheck.errors import (
    CaptureError,
    CrosscheckError,
    NotFoundError,
    SettingsError,
    StoreError,
)
from crosscheck.model import Capture, Cue, Document, Precision, Published, Removed, Span
from crosscheck.record import SCHEMA, to_record
from crosscheck.settings import Settings

__version__ = "0.1.0"

__all__ = [
    "SCHEMA",
    "Capture",
    "CaptureError",
    "CrosscheckError",
    "Cue",
    "Document",
    "NotFoundError",
    "Precision",
    "Published",
    "Removed",
    "Settings",
    "SettingsError",
    "Span",
    "StoreError",
    "__version__",
    "to_record",
]
