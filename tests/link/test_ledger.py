"""The incident ledger: one figure per independent claimant, copies once, disputes kept."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from crosscheck.link.ledger import Report, summarise
from crosscheck.link.profile import profile
from crosscheck.model import (
    Attribute,
    Claim,
    ClaimKind,
    Count,
    Document,
    Facts,
    Modality,
    Person,
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
    people = ()
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
