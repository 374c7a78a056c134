"""The incident ledger: one figure per independent claimant, copies once, disputes kept."""

from __future__ import annotations

import json
import random
from datetime import UTC, datetime, timedelta

from crosscheck.link.ledger import Report, grow, summarise, summarise_with_tally
from crosscheck.link.profile import Profile, profile
from crosscheck.model import (
    Attribute,
    Claim,
    ClaimKind,
    Count,
    Document,
    Facts,
    Modality,
    Person,
    Place,
    Span,
)

DAY = datetime(2026, 10, 20, tzinfo=UTC)


def _report(
    document_id: str,
    text: str,
    claims: list[tuple[ClaimKind, Count | None, str | None]],
    *,
    source: str | None = None,
    copy_of: str | None = None,
    days: int = 0,
    modality: Modality = Modality.ASSERTED,
    person: str | None = None,
) -> Report:
    document = Document(capture_sha256=document_id * 4, text=text, language="en", source=source)
    people: tuple[Person, ...] = ()
    if person:
        people = (
            Person(
                key="p1",
                name=person,
                spellings=(person,),
                mentions=(Span(0, len(person)),),
                hometown=Attribute(value="Irkutsk", span=Span(0, 1)),
                extractor="test",
            ),
        )
    facts = Facts(
        people=people,
        claims=tuple(
            Claim(
                kind=kind,
                span=Span(0, len(text)),
                text=text,
                claimant=claimant,
                count=count,
                modality=modality,
                extractor="test",
            )
            for kind, count, claimant in claims
        ),
    )
    return Report(
        document_id=document_id,
        document=document,
        facts=facts,
        profile=profile(document_id, document, facts),
        seen=DAY + timedelta(days=days),
        copy_of=copy_of,
        persons={"p1": "smirnov"} if person else {},
    )


MORE_THAN_20 = Count(low=21, phrase="more than twenty", rule="more_than")


def test_summary_counts_copies_and_repeated_claimants_once() -> None:
    reports = [
        _report(
            "a" * 16,
            "Alexei Smirnov said more than twenty were killed.",
            [(ClaimKind.KILLED, MORE_THAN_20, "p1")],
            person="Alexei Smirnov",
        ),
        _report(
            "b" * 16,
            "Alexei Smirnov said more than twenty were killed.",
            [(ClaimKind.KILLED, MORE_THAN_20, "p1")],
            person="Alexei Smirnov",
            copy_of="a" * 16,
            source="Wire",
            days=1,
        ),
        _report(
            "c" * 16,
            "Smirnov says over 20 died.",
            [(ClaimKind.KILLED, MORE_THAN_20, "p1")],
            person="Alexei Smirnov",
            source="Channel",
            days=2,
        ),
    ]
    summary = summarise("a" * 16, reports)
    assert summary["corroboration"]["independent_sources"] == 2  # the copy joins its original
    killed = summary["estimates"]["killed"]
    assert (killed["low"], killed["best"], killed["high"]) == (21, None, None)
    assert len(killed["figures"]) == 1  # one claimant, however many outlets repeat him
    assert summary["people"] == ["smirnov"]


def test_summary_keeps_conflicting_independent_figures_side_by_side() -> None:
    reports = [
        _report(
            "a" * 16,
            "Four killed.",
            [(ClaimKind.KILLED, Count(low=4, best=4, high=4), None)],
            source="Local",
        ),
        _report(
            "b" * 16,
            "Up to 30 killed.",
            [(ClaimKind.KILLED, Count(high=30), None)],
            source="Channel",
        ),
        _report(
            "c" * 16,
            "Twelve killed.",
            [(ClaimKind.KILLED, Count(low=12, best=12, high=12), None)],
            source="Agency",
        ),
    ]
    killed = summarise("a" * 16, reports)["estimates"]["killed"]
    assert (killed["low"], killed["best"], killed["high"]) == (4, 4, 30)
    assert killed["disputed"] is True  # 12 cannot be true if 4 is
    assert sorted(f["claimant_name"] for f in killed["figures"]) == ["Agency", "Channel", "Local"]


def test_summary_latest_report_of_a_claimant_stands() -> None:
    reports = [
        _report(
            "a" * 16,
            "Three dead.",
            [(ClaimKind.KILLED, Count(low=3, best=3, high=3), None)],
            source="Admin",
        ),
        _report(
            "b" * 16,
            "Five dead.",
            [(ClaimKind.KILLED, Count(low=5, best=5, high=5), None)],
            source="Admin",
            days=3,
        ),
    ]
    killed = summarise("a" * 16, reports)["estimates"]["killed"]
    assert (killed["low"], killed["best"], killed["high"], killed["disputed"]) == (5, 5, 5, False)


def test_summary_denials_stay_in_the_ledger_but_count_nowhere() -> None:
    reports = [
        _report(
            "a" * 16,
            "No one was killed.",
            [(ClaimKind.KILLED, Count(low=0, best=0, high=0), None)],
            modality=Modality.DENIED,
        )
    ]
    summary = summarise("a" * 16, reports)
    assert summary["estimates"] == {}
    assert [row["modality"] for row in summary["claims"]] == ["denied"]


def test_summary_forward_counts_for_the_channel_it_came_from() -> None:
    text = "Twelve killed."
    forward = Document(
        capture_sha256="f" * 64,
        text=text,
        language="ru",
        source="Forwarder",
        forwarded_from="Original channel",
    )
    plain = _report("a" * 16, text, [], source="Original channel")
    facts = Facts()
    reports = [
        plain,
        Report(
            document_id="b" * 16,
            document=forward,
            facts=facts,
            profile=profile("b" * 16, forward, facts),
            seen=DAY,
        ),
    ]
    assert summarise("a" * 16, reports)["corroboration"]["independent_sources"] == 1


PLACES = [
    Place(span=Span(0, 1), text="x", name="Tykhovoda", geonameid=1, precision="settlement",
          population=900, country="UA", admin1="13", extractor="test"),
    Place(span=Span(0, 1), text="x", name="Tykhovoda", geonameid=2, precision="settlement",
          population=900, country="UA", admin1="14", extractor="test"),
    Place(span=Span(0, 1), text="x", name="Tykhovoda", geonameid=1, precision="admin2",
          population=None, country="UA", admin1="13", extractor="test"),
    Place(span=Span(0, 1), text="x", name="Kharkiv oblast", geonameid=3, precision="admin1",
          population=2_000_000, country="UA", admin1="07", extractor="test"),
    Place(span=Span(0, 1), text="x", name="Lisova", extractor="test"),
]  # fmt: skip
COUNTS = [None, Count(low=3, best=3, high=3), Count(low=21), Count(high=30), Count(best=12)]


def _random_reports(rng: random.Random) -> list[Report]:
    """Reports of one incident with what makes summaries hard: equal times, copies, forwards,
    outlets repeated or absent, places named twice or under one name, times that disagree."""
    reports: list[Report] = []
    for number in range(rng.randrange(2, 9)):
        document_id = f"{rng.randrange(16**4):04x}{number:012x}"
        seen = DAY + timedelta(hours=rng.choice((0, 0, 5, 30, 70)))
        originals = [r for r in reports if r.copy_of is None and r.seen <= seen]
        copy_of = rng.choice(originals).document_id if originals and rng.random() < 0.3 else None
        document = Document(
            capture_sha256=document_id * 4, text="Text.", language="en",
            source=rng.choice((None, "Ledger", "Herald", "Channel")),
            forwarded_from=rng.choice((None, None, "Original channel")),
        )  # fmt: skip
        claims = tuple(
            Claim(kind=rng.choice((ClaimKind.KILLED, ClaimKind.WOUNDED)), span=Span(0, 5),
                  text="Text.", claimant=rng.choice((None, "p1")), count=rng.choice(COUNTS),
                  modality=rng.choice((Modality.ASSERTED, Modality.ASSERTED, Modality.DENIED)),
                  extractor="test")
            for _ in range(rng.randrange(3))
        )  # fmt: skip
        start = DAY + timedelta(days=rng.randrange(-3, 3)) if rng.random() < 0.8 else None
        facts = Facts(places=tuple(rng.sample(PLACES, rng.randrange(3))), claims=claims)
        item = Profile(
            document_id=document_id,
            start=start,
            end=start + timedelta(days=rng.randrange(3)) if start else None,
        )
        reports.append(Report(document_id=document_id, document=document, facts=facts,
                              profile=item, seen=seen, copy_of=copy_of,
                              persons={"p1": rng.choice(("p", "q"))}))  # fmt: skip
    return reports


def test_grow_is_summarising_every_report() -> None:
    grown = 0
    for seed in range(300):
        rng = random.Random(seed)
        reports = _random_reports(rng)
        rng.shuffle(reports)  # reports join in any order, not only as seen
        summary, tally = summarise_with_tally("i", reports[:1])
        for joined in range(2, len(reports) + 1):
            result = grow(summary, tally, reports[joined - 1])
            expected = summarise_with_tally("i", reports[:joined])
            if result is None:  # it would change another report's origin: summarise all
                assert any(r.copy_of == reports[joined - 1].document_id for r in reports[:joined])
                result = expected
            grown += result is not expected
            assert json.dumps(result[0]) == json.dumps(expected[0]), seed
            assert result[1] == expected[1], seed
            summary, tally = result
    assert grown > 500  # most joins grew
