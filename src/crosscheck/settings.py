"""Settings, read from defaults < ``crosscheck.toml`` (current directory) < ``CROSSCHECK_*``
environment variables < command-line options.

=====================  ==============================  =========================================
setting                environment variable            meaning
=====================  ==============================  =========================================
``data_dir``           ``CROSSCHECK_DATA_DIR``         where the default SQLite database lives
``db_url``             ``CROSSCHECK_DB``               SQLAlchemy URL; default: SQLite file in
                                                       ``data_dir``
``max_capture_bytes``  ``CROSSCHECK_MAX_CAPTURE_BYTES``  largest input file or decompressed
                                                       record accepted (default 100 MiB)
=====================  ==============================  =========================================
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, fields, replace
from pathlib import Path
from typing import Any

import platformdirs

from crosscheck.errors import SettingsError

__all__ = ["Settings"]

DEFAULT_MAX_CAPTURE_BYTES = 100 * 1024 * 1024


@dataclass(frozen=True, slots=True, kw_only=True)
class Settings:
    data_dir: Path = Path(platformdirs.user_data_dir("crosscheck"))
    db_url: str | None = None
    max_capture_bytes: int = DEFAULT_MAX_CAPTURE_BYTES

    def __post_init__(self) -> None:
        if self.max_capture_bytes <= 0:
            raise SettingsError(f"max_capture_bytes must be positive, got {self.max_capture_bytes}")

    @property
    def database_url(self) -> str:
        """The database to use: ``db_url`` or ``crosscheck.sqlite`` inside ``data_dir``."""
        if self.db_url:
            return self.db_url
        return f"sqlite:///{self.data_dir / 'crosscheck.sqlite'}"

    @classmethod
    def load(cls, config_file: Path = Path("crosscheck.toml"), **overrides: Any) -> Settings:
        """Merge the file, the environment and ``overrides`` (``None`` values are ignored)."""
        values: dict[str, Any] = {}
        if config_file.is_file():
            try:
                values.update(tomllib.loads(config_file.read_text("utf-8")).get("crosscheck", {}))
            except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
                raise SettingsError(f"{config_file}: {error}") from error
        for f in fields(cls):
            env = os.environ.get(f"CROSSCHECK_{f.name.upper()}")
            if f.name == "db_url":
                env = os.environ.get("CROSSCHECK_DB", env)
            if env is not None:
                values[f.name] = env
        values.update({k: v for k, v in overrides.items() if v is not None})
        unknown = set(values) - {f.name for f in fields(cls)}
        if unknown:
            raise SettingsError(f"unknown setting(s): {', '.join(sorted(unknown))}")
        return cls()._with(values)

    def _with(self, values: dict[str, Any]) -> Settings:
        try:
            if "data_dir" in values:
                values["data_dir"] = Path(values["data_dir"]).expanduser()
            if "max_capture_bytes" in values:
                values["max_capture_bytes"] = int(values["max_capture_bytes"])
        except ValueError as error:
            raise SettingsError(f"invalid setting: {error}") from error
        return replace(self, **values)
