"""The weekly series (buckets, zero-filled gaps, the low/best/high band) and its SVG chart."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from datetime import date
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from crosscheck.visual.timeline import Week, timeline_svg, weekly

SVG = "{http://www.w3.org/2000/svg}"


def _incident(start: str | None, **estimate: Any) -> dict[str, Any]:
    time = None if start is None else {"start": start, "end": start}
    return {"id": start or "undated", "time": time,
            "estimates": {"killed": estimate} if estimate else {}}  # fmt: skip


def test_weekly_buckets_incidents_by_the_monday_of_their_start() -> None:
    series = weekly([
        _incident("2026-09-07T10:00:00+00:00", low=2, best=3, high=5),  # a Monday
        _incident("2026-09-13T23:30:00+00:00", low=1, best=1, high=1),  # that Sunday
        _incident("2026-09-14T00:10:00+03:00", low=4, best=4, high=4),  # Sunday 21:10 UTC
    ])  # fmt: skip
    assert [(w.start, w.incidents, w.low, w.best, w.high) for w in series.weeks] == [
        (date(2026, 9, 7), 3, 7, 8, 10)
    ]


def test_weekly_fills_the_weeks_between_with_zeros_and_counts_undated() -> None:
    series = weekly([
        _incident("2026-09-01T00:00:00+00:00", low=1, best=1, high=1),
        _incident("2026-09-22T00:00:00+00:00", low=2, best=2, high=2),
        _incident(None, low=9, best=9, high=9),
    ])  # fmt: skip
    assert [w.start for w in series.weeks] == [
        date(2026, 8, 31), date(2026, 9, 7), date(2026, 9, 14), date(2026, 9, 21)
    ]  # fmt: skip
    assert [w.incidents for w in series.weeks] == [1, 0, 0, 1]
    assert series.undated == 1


def test_weekly_open_ended_estimate_uses_its_best_as_a_floor_and_is_counted() -> None:
    series = weekly([
        _incident("2026-09-07T00:00:00+00:00", low=21, best=None, high=None),  # "more than 20"
        _incident("2026-09-08T00:00:00+00:00", low=None, best=None, high=5),  # "up to five"
        _incident("2026-09-09T00:00:00+00:00"),  # no killed estimate at all
    ])  # fmt: skip
    week = series.weeks[0]
    assert (week.incidents, week.low, week.best, week.high, week.open_ended) == (3, 21, 21, 26, 1)


def test_weekly_reads_the_kind_asked_for() -> None:
    incident = {"id": "a", "time": {"start": "2026-09-07T00:00:00+00:00"},
                "estimates": {"killed": {"low": 1, "best": 1, "high": 1},
                              "wounded": {"low": 7, "best": 8, "high": 9}}}  # fmt: skip
    assert weekly([incident], kind="wounded").weeks[0].best == 8


def test_week_rejects_a_band_out_of_order() -> None:
    with pytest.raises(ValueError, match="low <= best <= high"):
        Week(start=date(2026, 9, 7), incidents=1, low=5, best=3, high=9, open_ended=0)


_estimates = st.one_of(
    st.none(),
    st.tuples(st.integers(0, 500), st.integers(0, 500), st.integers(0, 500)).map(sorted),
    st.tuples(st.integers(0, 500), st.booleans()),  # open-ended, with or without a best
)


@given(st.lists(st.tuples(st.integers(0, 120), _estimates), max_size=30))
def test_weekly_band_always_keeps_low_best_high_in_order(
    drawn: list[tuple[int, Any]],
) -> None:
    incidents = []
    for day, estimate in drawn:
        start = date.fromordinal(date(2026, 1, 1).toordinal() + day).isoformat() + "T12:00:00"
        if estimate is None:
            incidents.append(_incident(start))
        elif len(estimate) == 3:
            incidents.append(_incident(start, low=estimate[0], best=estimate[1], high=estimate[2]))
        else:
            best = estimate[0] if estimate[1] else None
            incidents.append(_incident(start, low=estimate[0], best=best, high=None))
    series = weekly(incidents)
    assert sum(w.incidents for w in series.weeks) == len(drawn)
    assert all(0 <= w.low <= w.best <= w.high for w in series.weeks)


def test_timeline_svg_is_well_formed_with_a_band_a_best_line_and_a_tooltip_per_week() -> None:
    series = weekly([
        _incident("2026-09-07T00:00:00+00:00", low=2, best=3, high=5),
        _incident("2026-09-28T00:00:00+00:00", low=1, best=1, high=None),
    ])  # fmt: skip
    root = ET.fromstring(str(timeline_svg(series, width=600, height=240)))
    assert root.tag == f"{SVG}svg" and root.get("viewBox") == "0 0 600 240"
    assert len(root.findall(f"{SVG}polygon")) == 1 and len(root.findall(f"{SVG}polyline")) == 1
    weeks = root.findall(f"{SVG}rect[@class='cc-week']")
    assert [w.get("data-week") for w in weeks] == ["2026-09-07", "2026-09-14", "2026-09-21",
                                                  "2026-09-28"]  # fmt: skip
    tooltip = weeks[-1].findtext(f"{SVG}title") or ""
    assert "low 1, best 1, high 1 (+1 open-ended)" in tooltip
    for element in root.iter():  # everything drawn lies inside the view box
        for name in ("x", "y", "x1", "x2"):
            if element.get(name) is not None:
                assert -1 <= float(element.get(name) or 0) <= 601


def test_timeline_svg_band_top_lies_above_its_bottom() -> None:
    root = ET.fromstring(str(timeline_svg(weekly([
        _incident("2026-09-07T00:00:00+00:00", low=2, best=3, high=5)
    ]))))  # fmt: skip
    points = [tuple(map(float, p.split(","))) for p in
              (root.find(f"{SVG}polygon").get("points") or "").split()]  # type: ignore[union-attr]  # fmt: skip
    top, bottom = points[:2], points[2:]
    assert all(t[1] < b[1] for t, b in zip(top, reversed(bottom), strict=True))  # y grows down


def test_timeline_svg_without_dated_incidents_says_so() -> None:
    root = ET.fromstring(str(timeline_svg(weekly([_incident(None)]))))
    assert "No dated incidents" in "".join(root.itertext())


def test_timeline_svg_escapes_its_title() -> None:
    svg = str(timeline_svg(weekly([]), title='<script>alert("x")</script>'))
    assert "<script>" not in svg
    assert ET.fromstring(svg).findtext(f"{SVG}title") == '<script>alert("x")</script>'
