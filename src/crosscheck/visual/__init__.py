"""Charts and maps that work offline: SVG built here, no JavaScript, fonts or tiles to fetch.

- ``weekly(incidents, kind=...)`` -> ``Series``; ``timeline_svg(series)``: incidents and
  estimated casualties (low/best/high band) per week.
- ``incident_points(incidents)`` -> (points, missing); ``map_svg(points)``: incidents over
  country outlines, fitted to their bounding box.

Both SVG functions return ``markupsafe.Markup``, so the HTML report and the web app insert them
into autoescaped Jinja2 templates as they are.
"""

from __future__ import annotations

from crosscheck.visual.map import MapPoint, incident_points, map_svg
from crosscheck.visual.timeline import Series, Week, timeline_svg, weekly

__all__ = ["MapPoint", "Series", "Week", "incident_points", "map_svg", "timeline_svg", "weekly"]
