"""Profiles: how vague words ("dozens", "десятки", "кілька", "several") become figures.

A profile is a plain frozen record of (low, best, high) per vague word, selectable by name in
`PROFILES`; ``extract.counts`` names the profile in each count's rule ("vague:dozens@acled").
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["ACLED", "PROFILES", "RANGE", "Band", "Profile"]

Band = tuple[int | None, int | None, int | None]


@dataclass(frozen=True, slots=True, kw_only=True)
class Profile:
    """How vague words become figures, as (low, best, high) per word.

    A scale after the word multiplies low and best, and stretches high to the scale's top:
    "кілька сотень" under RANGE is 200/300/599. Russian/Ukrainian десятки are "tens";
    несколько/кілька are "few"; "multiple" is "several"; багато/много/numerous are "many".

    | word      | ACLED (low=best, no high) | RANGE low/best/high |
    |-----------|---------------------------|---------------------|
    | couple    | 2                         | 2 / 2 / 3           |
    | few       | 2                         | 2 / 3 / 5           |
    | several   | 3                         | 3 / 5 / 9           |
    | many      | 3                         | 3 / - / -           |
    | tens      | 10                        | 20 / 30 / 99        |
    | dozens    | 12                        | 24 / 36 / 99        |
    | scores    | 20                        | 40 / 60 / 199       |
    | hundreds  | 100                       | 200 / 300 / 999     |
    | thousands | 1000                      | 2000 / 3000 / 9999  |

    ACLED is ACLED's published rule (tens 10, dozens 12, hundreds 100, "the most conservative
    estimate"), extended the same way: the singular of the word (a score is 20), and for the
    words ACLED does not list the smallest number the word can mean ("a few" 2, "several" 3)
    and its "no number given" floor of 3 for "many". It names no upper bound. RANGE reads the
    plural literally for the floor (dozens is at least two dozen), takes the next step up as
    the best guess (three dozen), and stops below the next word ("hundreds" would be used
    above 99).
    """

    name: str
    couple: Band
    few: Band
    several: Band
    many: Band
    tens: Band
    dozens: Band
    scores: Band
    hundreds: Band
    thousands: Band

    def band(self, word: str, scale: int = 1) -> Band:
        """The figures for ``word``, times ``scale`` ("сотни тысяч": hundreds, 1000)."""
        low, best, high = getattr(self, word)
        return (
            None if low is None else low * scale,
            None if best is None else best * scale,
            None if high is None else (high + 1) * scale - 1,
        )


ACLED = Profile(
    name="acled", couple=(2, 2, None), few=(2, 2, None), several=(3, 3, None),
    many=(3, 3, None), tens=(10, 10, None), dozens=(12, 12, None), scores=(20, 20, None),
    hundreds=(100, 100, None), thousands=(1000, 1000, None),
)  # fmt: skip
RANGE = Profile(
    name="range", couple=(2, 2, 3), few=(2, 3, 5), several=(3, 5, 9), many=(3, None, None),
    tens=(20, 30, 99), dozens=(24, 36, 99), scores=(40, 60, 199), hundreds=(200, 300, 999),
    thousands=(2000, 3000, 9999),
)  # fmt: skip
PROFILES = {profile.name: profile for profile in (ACLED, RANGE)}
