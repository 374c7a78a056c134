"""The linking commands (link, incidents, incident, people, person, decide) as users run them,
over one real database ingested once per module: the bundled sample captures and, where
``../shared`` is present, the Smirnov story (four outlets, a wire copy, subtitles) and two
unrelated reports."""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from crosscheck.cli import app

ROOT = Path(__file__).resolve().parents[1]
SHARED_SAMPLES = ROOT.parent / "shared" / "samples"
CAPTURES = ROOT / "samples" / "captures"
CLIP = (
    "Shelling of Zorivka_ _Two killed_\n\n2 дні тому\n\n"
    "Two civilians were killed when shells hit the market in the fictional village of Zorivka, "
    "the head of the village council, Hanna Lysenko, said.\n"
)

runner = CliRunner()


@dataclass(frozen=True)
class Store:
    path: Path
    inputs: list[str]
    ingested: str  # what ingest printed

    @property
    def db(self) -> list[str]:
        return ["--db", f"sqlite:///{self.path}"]

    def run(self, *args: str, code: int = 0) -> str:
        result = runner.invoke(app, [*args, *self.db])
        assert result.exit_code == code, result.output
        assert "Traceback" not in result.output
        return result.output

    def lines(self, *args: str) -> list[dict[str, Any]]:
        result = runner.invoke(app, [*args, "--json", *self.db])
        assert result.exit_code == 0, result.output
        return [json.loads(line) for line in result.stdout.splitlines()]


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Store:
    path = tmp_path_factory.mktemp("linked") / "cli.sqlite"
    shared = [SHARED_SAMPLES / "smirnov", SHARED_SAMPLES / "other"]
    inputs = [str(CAPTURES), *(str(folder) for folder in shared if folder.is_dir())]
    result = runner.invoke(app, ["ingest", *inputs, "--db", f"sqlite:///{path}"])
    assert result.exit_code == 0, result.output
    return Store(path=path, inputs=inputs, ingested=result.output)


@pytest.fixture
def scratch(store: Store, tmp_path: Path) -> Iterator[Store]:
    """A copy of the module's database, for tests that change it."""
    for suffix in ("", "-wal", "-shm"):
        source = Path(f"{store.path}{suffix}")
        if source.exists():
            shutil.copy(source, tmp_path / f"cli.sqlite{suffix}")
    yield Store(path=tmp_path / "cli.sqlite", inputs=store.inputs, ingested=store.ingested)


@pytest.fixture(scope="module")
def smirnov(store: Store) -> dict[str, Any]:
    """The one person Alexei Smirnov (skips without ../shared)."""
    if not (SHARED_SAMPLES / "smirnov").is_dir():
        pytest.skip("../shared/samples is absent")
    [person] = store.lines("people", "--name", "Smirnov")
    return person


def _grouping(store: Store, what: str = "incidents") -> set[frozenset[str]]:
    key = "documents" if what == "incidents" else "members"
    rows = store.lines(what, "--limit", "1000")
    return {frozenset(d["id"] if isinstance(d, dict) else d for d in row[key]) for row in rows}


def test_ingest_links_and_reports_it(store: Store) -> None:
    assert "linked" in store.ingested
    assert "incidents" in store.ingested
    assert store.lines("incidents")


def test_smirnov_incident_counts_a_wire_copy_once(store: Store, smirnov: dict[str, Any]) -> None:
    [incident_id] = smirnov["incidents"]
    [incident] = store.lines("incident", incident_id)
    assert incident["corroboration"]["independent_sources"] == 4
    assert len(incident["documents"]) == 5  # the wire copy is there, and counts as its original
    assert incident["estimates"]["killed"]["low"] == 21
    shown = store.run("incident", incident_id[:8])
    assert incident_id in shown
    assert "more than twenty" in shown


@pytest.mark.parametrize("name", ["Smirnov", "Alexey Smirnov", "смирнов", "Олексій"])
def test_people_name_finds_one_person_in_every_script(
    store: Store, smirnov: dict[str, Any], name: str
) -> None:
    [person] = store.lines("people", "--name", name)
    assert person["id"] == smirnov["id"]
    spellings = set(person["spellings"])
    assert "Alexei Smirnov" in spellings  # Latin
    assert "Алексей Смирнов" in spellings  # Russian
    assert "Олексій Смирнов" in spellings  # Ukrainian


def test_person_by_id_member_and_prefix(store: Store, smirnov: dict[str, Any]) -> None:
    [by_id] = store.lines("person", smirnov["id"])
    assert by_id == smirnov
    other_member = next(m for m in smirnov["members"] if m != smirnov["id"])
    assert store.lines("person", other_member)[0]["id"] == smirnov["id"]
    shown = store.run("person", smirnov["id"])
    assert "Олексій Смирнов" in shown
    assert "Irkutsk" in shown


def test_incident_by_prefix_and_by_a_document(store: Store) -> None:
    incident = next(i for i in store.lines("incidents") if len(i["documents"]) > 1)
    assert store.lines("incident", incident["id"][:10]) == [incident]
    member = next(d["id"] for d in incident["documents"] if d["id"] != incident["id"])
    assert store.lines("incident", member)[0]["id"] == incident["id"]
    shown = store.run("incident", incident["id"][:10])
    assert incident["id"] in shown
    assert "claims ledger" in shown


def test_incidents_filters(store: Store) -> None:
    everything = store.lines("incidents")
    killed = store.lines("incidents", "--kind", "killed")
    assert killed
    assert all(any(c["kind"] == "killed" for c in i["claims"]) for i in killed)
    place = next(i["place"]["name"] for i in everything if i["place"])
    found = store.lines("incidents", "--place", place[1:].upper())
    assert found
    assert all(place[1:].casefold() in i["place"]["name"].casefold() for i in found)
    assert store.lines("incidents", "--since", "2999-01-01") == []
    assert "no incidents match" in store.run("incidents", "--since", "2999-01-01")
    table = store.run("incidents")
    assert everything[0]["id"][:12] in table


def test_people_lists_without_a_name(store: Store) -> None:
    everyone = store.lines("people")
    assert everyone
    assert everyone[0]["id"] in store.run("people")
    assert store.lines("people", "--name", "Nobody Atall") == []


def test_decide_incidents_round_trip(scratch: Store) -> None:
    before = _grouping(scratch)
    first, second = (i["id"] for i in scratch.lines("incidents")[:2])
    scratch.run("decide", "same", "incident", first, second[:8], "--comment", "one event",
                "--author", "tester")  # fmt: skip
    [merged] = scratch.lines("incident", first)
    assert {first, second} <= {d["id"] for d in merged["documents"]}
    scratch.run("decide", "undo", "incident", first, second, "--comment", "read again")
    assert _grouping(scratch) == before

    incident = next(i for i in scratch.lines("incidents") if len(i["documents"]) > 1)
    a, b = sorted(d["id"] for d in incident["documents"])[:2]
    output = scratch.run("decide", "different", "incident", a, b, "--comment", "two events")
    assert "different" in output
    assert scratch.lines("incident", a)[0]["id"] != scratch.lines("incident", b)[0]["id"]
    scratch.run("decide", "undo", "incident", a, b, "--comment", "read again")
    assert _grouping(scratch) == before
    logged = [(e["action"], e["username"], e["comment"]) for e in scratch.lines("audit")]
    assert logged[:2] == [("undo_split", _me(), "read again"), ("split", _me(), "two events")]
    assert ("merge", "tester", "one event") in logged


def _me() -> str:
    import getpass

    return getpass.getuser()


def test_decide_persons_round_trip(scratch: Store) -> None:
    before = _grouping(scratch, "people")
    first, second = (p["id"] for p in scratch.lines("people")[:2])
    scratch.run("decide", "same", "person", first, second, "--comment", "same soldier")
    assert scratch.lines("person", second)[0]["id"] == scratch.lines("person", first)[0]["id"]
    assert _grouping(scratch, "people") != before
    scratch.run("decide", "undo", "person", first, second, "--comment", "read again")
    assert _grouping(scratch, "people") == before


def test_decisions_survive_relinking(scratch: Store) -> None:
    first, second = (i["id"] for i in scratch.lines("incidents")[:2])
    scratch.run("decide", "same", "incident", first, second, "--comment", "one event")
    merged = _grouping(scratch)
    assert "linked" in scratch.run("link", "--rebuild")
    assert _grouping(scratch) == merged


def test_rerunning_ingest_adds_nothing_and_keeps_the_incidents(scratch: Store) -> None:
    before = scratch.lines("incidents", "--limit", "1000")
    again = scratch.run("ingest", *scratch.inputs)
    assert "0 captures, 0 documents" in again
    assert "0 documents, 0 of them copies" in again
    assert scratch.lines("incidents", "--limit", "1000") == before
    assert "linked" in scratch.run("link")


@pytest.mark.parametrize(
    "args",
    [
        ["incident", "ffffffff"],
        ["incident", "not-an-id"],
        ["person", "ffffffff/p1"],
        ["person", "what?"],
        ["incidents", "--kind", "sunburn"],
        ["incidents", "--since", "last week"],
        ["decide", "same", "incident", "ffff0000", "ffff0001", "--comment", "no such"],
        ["decide", "undo", "person", "ffff0000/p1", "ffff0001/p1", "--comment", "no such"],
    ],
)
def test_unknown_ids_and_bad_options_are_one_line(store: Store, args: list[str]) -> None:
    output = store.run(*args, code=1)
    assert len(output.strip().splitlines()) == 1
    assert output.startswith("error")


def test_decide_without_a_decision_to_undo_is_one_line(scratch: Store) -> None:
    first, second = (i["id"] for i in scratch.lines("incidents")[:2])
    output = scratch.run("decide", "undo", "incident", first, second, "--comment", "x", code=1)
    assert "no decision" in output
    output = scratch.run("decide", "same", "incident", first, second, "--comment", " ", code=1)
    assert "comment" in output


def test_ingest_without_linking_then_link_then_rebuild(tmp_path: Path) -> None:
    clip = tmp_path / "clip.txt"
    clip.write_text(CLIP, encoding="utf-8")
    db = ["--db", f"sqlite:///{tmp_path / 'clip.sqlite'}"]
    unlinked = runner.invoke(app, ["ingest", str(clip), "--no-link", *db])
    assert unlinked.exit_code == 0, unlinked.output
    assert "linked" not in unlinked.output
    linked = runner.invoke(app, ["link", *db])
    assert "1 documents" in linked.output
    rebuilt = runner.invoke(app, ["rebuild", *db])
    assert rebuilt.exit_code == 0, rebuilt.output
    assert "1 documents, 0 of them copies" in rebuilt.output
