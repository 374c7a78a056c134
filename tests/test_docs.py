"""The docs tell the truth: commands, options, settings, the two set-up commands, ``__all__``."""

from __future__ import annotations

import inspect
import re
from dataclasses import fields
from pathlib import Path

import typer.main

import crosscheck
from crosscheck.cli import app
from crosscheck.settings import Settings

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")


def _commands() -> dict[str, object]:
    group = typer.main.get_command(app)
    return dict(group.commands)  # type: ignore[attr-defined]


def test_readme_has_exactly_the_two_setup_commands() -> None:
    marked = [line for line in README.splitlines() if re.search(r"# the (main job|tests)$", line)]
    assert [line.rsplit("# ", 1)[1] for line in marked] == ["the main job", "the tests"]
    assert "# the tests" in (ROOT / ".ci" / "run").read_text(encoding="utf-8")


def test_every_command_is_documented_with_help() -> None:
    for name, command in _commands().items():
        assert f"crosscheck {name}" in README, f"command {name} missing from README"
        assert command.help, f"command {name} has no help"  # type: ignore[attr-defined]


def test_every_option_is_documented() -> None:
    for name, command in _commands().items():
        for param in command.params:  # type: ignore[attr-defined]
            for option in param.opts:
                if option.startswith("--") and option != "--help":
                    assert option in README, f"{name} {option} missing from README"


def test_every_setting_is_documented() -> None:
    for field in fields(Settings):
        assert field.name in README, f"setting {field.name} missing from README"
    for variable in ("CROSSCHECK_DB", "CROSSCHECK_DATA_DIR", "CROSSCHECK_MAX_CAPTURE_BYTES"):
        assert variable in README


def test_all_matches_public_names() -> None:
    public = {
        name
        for name, value in vars(crosscheck).items()
        if not name.startswith("_") and not inspect.ismodule(value) and name != "annotations"
    }
    assert set(crosscheck.__all__) - {"__version__"} == public
    for name in crosscheck.__all__:
        assert hasattr(crosscheck, name)


def test_record_doc_exists() -> None:
    assert (ROOT / "docs" / "record.md").is_file()
    assert "docs/record.md" in README
