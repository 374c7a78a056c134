"""Incidents and estimated casualties per week, and their chart as SVG (no JavaScript).

``weekly`` buckets incident summaries (``link.ledger``) into ISO weeks (Monday to Sunday, UTC)
by the start of the incident's time range, the earliest moment it can have happened: reports
that disagree widen a range, and its start is the one end that does not move with later
retellings. Each week sums its incidents' estimates of one claim kind:

- ``low``: the estimates' lows (an incident with none adds 0);
- ``best``: their bests, or the low where an estimate gives no best;
- ``high``: their highs; where an estimate is open-ended ("more than twenty", no high) its best
  stands in and the week counts it in ``open_ended``, so the band's top is then a floor.

So ``low <= best <= high`` holds for every week, as it does for every estimate. Weeks between
the first and last dated incident are filled with zeros, so the axis is continuous; incidents
without a time are counted in ``Series.undated`` and drawn nowhere.

The chart is built with ``xml.etree`` (every text escaped) and returned as ``Markup``.
"""

from __future__ import annotations

import math
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any

from markupsafe import Markup

__all__ = ["Series", "Week", "timeline_svg", "weekly"]

_FONT = "system-ui, sans-serif"
_MARGIN_LEFT, _MARGIN_RIGHT, _MARGIN_TOP, _MARGIN_BOTTOM = 52, 16, 28, 40
_GAP = 26  # pixels between the casualties panel and the incidents panel
_BAR_SHARE = 0.28  # of the plot height, for the incidents-per-week bars


@dataclass(frozen=True, slots=True, kw_only=True)
class Week:
    """One ISO week: how many incidents started in it and their summed estimates."""

    start: date  # its Monday
    incidents: int
    low: int
    best: int
    high: int
    open_ended: int  # incidents whose estimate has no high: ``high`` is a floor

    def __post_init__(self) -> None:
        if not 0 <= self.low <= self.best <= self.high:
            raise ValueError(f"week {self.start}: need 0 <= low <= best <= high, got "
                             f"{self.low}, {self.best}, {self.high}")  # fmt: skip


@dataclass(frozen=True, slots=True, kw_only=True)
class Series:
    """The weeks from the first to the last dated incident, for one claim ``kind``."""

    kind: str
    weeks: tuple[Week, ...]
    undated: int  # incidents without a time, left out


def weekly(incidents: Iterable[Mapping[str, Any]], *, kind: str = "killed") -> Series:
    """Incident summaries per week with the summed ``kind`` estimates (see the module)."""
    buckets: dict[date, list[tuple[int, int, int, bool]]] = {}
    undated = 0
    for incident in incidents:
        monday = _monday(incident.get("time"))
        if monday is None:
            undated += 1
            continue
        estimate = (incident.get("estimates") or {}).get(kind)
        buckets.setdefault(monday, []).append(_figures(estimate))
    if not buckets:
        return Series(kind=kind, weeks=(), undated=undated)
    first, last = min(buckets), max(buckets)
    mondays = [first + timedelta(weeks=n) for n in range((last - first).days // 7 + 1)]
    return Series(kind=kind, weeks=tuple(_week(m, buckets.get(m, [])) for m in mondays),
                  undated=undated)  # fmt: skip


def _monday(time: Mapping[str, Any] | None) -> date | None:
    start = (time or {}).get("start")
    if not start:
        return None
    moment = datetime.fromisoformat(str(start))
    day = (moment if moment.tzinfo is None else moment.astimezone(UTC)).date()
    return day - timedelta(days=day.weekday())


def _figures(estimate: Mapping[str, Any] | None) -> tuple[int, int, int, bool]:
    """(low, best, high, open-ended) of one incident's estimate; (0, 0, 0) without one."""
    if not estimate:
        return 0, 0, 0, False
    low = int(estimate.get("low") or 0)
    best = max(int(estimate["best"]) if estimate.get("best") is not None else low, low)
    high = estimate.get("high")
    return low, best, max(int(high) if high is not None else best, best), high is None


def _week(monday: date, figures: list[tuple[int, int, int, bool]]) -> Week:
    return Week(start=monday, incidents=len(figures), low=sum(f[0] for f in figures),
                best=sum(f[1] for f in figures), high=sum(f[2] for f in figures),
                open_ended=sum(f[3] for f in figures))  # fmt: skip


def timeline_svg(
    series: Series, *, width: int = 720, height: int = 260, title: str | None = None
) -> Markup:
    """The chart as an inline ``<svg>``: the low-high band with the best line above, and the
    incidents per week as bars below; every week has a tooltip with its figures."""
    title = title or f"Incidents and {series.kind} per week (low, best, high)"
    svg = ET.Element("svg", xmlns="http://www.w3.org/2000/svg", viewBox=f"0 0 {width} {height}",
                     role="img", width=str(width), height=str(height))  # fmt: skip
    svg.set("class", "cc-timeline")
    svg.set("aria-label", title)
    ET.SubElement(svg, "title").text = title
    if not series.weeks:
        _text(svg, width / 2, height / 2, "No dated incidents", anchor="middle", size=13)
        return Markup(ET.tostring(svg, encoding="unicode"))
    frame = _Frame.of(width, height, len(series.weeks))
    _draw_band(svg, frame, series)
    _draw_bars(svg, frame, series)
    _draw_axes(svg, frame, series)
    _draw_hover(svg, frame, series)
    return Markup(ET.tostring(svg, encoding="unicode"))


@dataclass(frozen=True, slots=True, kw_only=True)
class _Frame:
    """Where things go: the x of each week, the casualties panel above, the bars below."""

    left: float
    step: float  # pixels per week
    top: float
    band_bottom: float
    bars_top: float
    bottom: float

    @classmethod
    def of(cls, width: int, height: int, weeks: int) -> _Frame:
        plot = height - _MARGIN_TOP - _MARGIN_BOTTOM
        bars = plot * _BAR_SHARE
        bottom = height - _MARGIN_BOTTOM
        return cls(left=_MARGIN_LEFT, step=(width - _MARGIN_LEFT - _MARGIN_RIGHT) / weeks,
                   top=_MARGIN_TOP, band_bottom=bottom - bars - _GAP, bars_top=bottom - bars,
                   bottom=bottom)  # fmt: skip

    def x(self, index: float) -> float:
        return self.left + index * self.step


def _draw_band(svg: ET.Element, frame: _Frame, series: Series) -> None:
    top = _nice(max(week.high for week in series.weeks))
    y = _scale(top, frame.band_bottom, frame.top)
    upper = [(frame.x(i + e), y(w.high)) for i, w in enumerate(series.weeks) for e in (0, 1)]
    lower = [(frame.x(i + e), y(w.low)) for i, w in enumerate(series.weeks) for e in (0, 1)]
    band = ET.SubElement(svg, "polygon", points=_points(upper + lower[::-1]), fill="#f0b7a4")
    band.set("class", "cc-band")
    best = [(frame.x(i + e), y(w.best)) for i, w in enumerate(series.weeks) for e in (0, 1)]
    line = ET.SubElement(svg, "polyline", points=_points(best), fill="none", stroke="#a93226")
    line.set("stroke-width", "2")
    line.set("class", "cc-best")
    for i, week in enumerate(series.weeks):
        if week.open_ended:  # the band's top is only a floor here: say so with a mark
            _text(svg, frame.x(i + 0.5), y(week.high) - 3, "+", anchor="middle", size=12)
    _axis_labels(svg, frame.left, y, top, f"{series.kind}: best (line), low to high (band)")


def _draw_bars(svg: ET.Element, frame: _Frame, series: Series) -> None:
    top = _nice(max(week.incidents for week in series.weeks))
    y = _scale(top, frame.bottom, frame.bars_top)
    for i, week in enumerate(series.weeks):
        if week.incidents:
            top_px = y(week.incidents)
            bar = ET.SubElement(svg, "rect", x=f"{frame.x(i) + frame.step * 0.15:.1f}",
                                y=f"{top_px:.1f}", width=f"{frame.step * 0.7:.1f}",
                                height=f"{frame.bottom - top_px:.1f}", fill="#5d6d7e")  # fmt: skip
            bar.set("class", "cc-bar")
    _axis_labels(svg, frame.left, y, top, "incidents")


def _draw_axes(svg: ET.Element, frame: _Frame, series: Series) -> None:
    right = frame.x(len(series.weeks))
    for level in (frame.band_bottom, frame.bottom):
        ET.SubElement(svg, "line", x1=f"{frame.left:.1f}", x2=f"{right:.1f}", y1=f"{level:.1f}",
                      y2=f"{level:.1f}", stroke="#566573")  # fmt: skip
    every = max(1, math.ceil(80 / frame.step))  # a date label takes about 80 pixels
    for i in range(0, len(series.weeks), every):
        _text(svg, frame.x(i), frame.bottom + 16, series.weeks[i].start.isoformat(), size=10)


def _draw_hover(svg: ET.Element, frame: _Frame, series: Series) -> None:
    """An invisible column per week whose tooltip gives the figures."""
    for i, week in enumerate(series.weeks):
        column = ET.SubElement(svg, "rect", x=f"{frame.x(i):.1f}", y=f"{frame.top:.1f}",
                               width=f"{frame.step:.1f}", height=f"{frame.bottom - frame.top:.1f}",
                               fill="transparent")  # fmt: skip
        column.set("class", "cc-week")
        column.set("data-week", week.start.isoformat())
        open_ended = f" (+{week.open_ended} open-ended)" if week.open_ended else ""
        ET.SubElement(column, "title").text = (
            f"week of {week.start.isoformat()}: {week.incidents} incidents; {series.kind} "
            f"low {week.low}, best {week.best}, high {week.high}{open_ended}"
        )


def _axis_labels(
    svg: ET.Element, left: float, y: Callable[[float], float], top: int, name: str
) -> None:
    for value in (0, top // 2, top) if top > 1 else (0, top):
        _text(svg, left - 6, y(value) + 4, str(value), anchor="end", size=10)
    _text(svg, left, y(top) - 8, name, size=11)


def _scale(top: int, bottom_px: float, top_px: float) -> Callable[[float], float]:
    """Value to pixel: 0 at ``bottom_px``, ``top`` at ``top_px``."""
    span = max(top, 1)
    return lambda value: bottom_px - (bottom_px - top_px) * value / span


def _nice(value: int) -> int:
    """The smallest 1, 2 or 5 times a power of ten that is at least ``value`` (at least 1)."""
    if value <= 1:
        return 1
    power = 10 ** math.floor(math.log10(value))
    return int(next(m * power for m in (1, 2, 5, 10) if m * power >= value))


def _points(pairs: list[tuple[float, float]]) -> str:
    return " ".join(f"{x:.1f},{y:.1f}" for x, y in pairs)


def _text(
    svg: ET.Element, x: float, y: float, value: str, *, anchor: str = "start", size: int = 10
) -> None:
    element = ET.SubElement(svg, "text", x=f"{x:.1f}", y=f"{y:.1f}", fill="#2c3e50")
    element.set("font-size", str(size))
    element.set("font-family", _FONT)
    element.set("text-anchor", anchor)
    element.text = value
