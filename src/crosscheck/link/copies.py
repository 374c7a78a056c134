"""Copies: near-duplicate texts (wire copies, reposts, forwards, "republished with permission").

A copy is found with MinHash over word 5-shingles of the text (case and punctuation folded),
and LSH banding for candidates, so that finding one document's copies costs a few index lookups
however many documents are stored. A candidate is a copy when the estimated Jaccard similarity of
the shingle sets reaches ``THRESHOLD``. Translations share no shingles and are never copies;
a rewritten report of the same event shares few and is not one either: it is linked as an
independent report of the incident.

The band layout (``BANDS`` x ``ROWS`` = ``PERMUTATIONS``) puts the LSH S-curve's midpoint,
(1/BANDS)^(1/ROWS), near 0.45: a pair at the threshold is a candidate with probability above 0.99,
a pair at 0.2 with probability about 0.05.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence

import numpy as np
from datasketch import MinHash

__all__ = [
    "BANDS",
    "NAME",
    "PERMUTATIONS",
    "ROWS",
    "THRESHOLD",
    "band_keys",
    "signature",
    "similarity",
]

NAME = "link.copies.minhash.v1"
PERMUTATIONS = 128
BANDS = 32
ROWS = 4
SHINGLE = 5
#: estimated Jaccard similarity of shingle sets from which one text is a copy of another
THRESHOLD = 0.5
#: a fixed seed: signatures stored today must compare with signatures made next year
_SEED = 1
_WORD = re.compile(r"\w+")


def signature(text: str) -> tuple[int, ...]:
    """The MinHash signature of a text's word 5-shingles (a short text: its words as one);
    empty for a text without words."""
    words = _WORD.findall(text.casefold())
    if not words:
        return ()  # nothing to compare: an empty text is nobody's copy
    shingles = {" ".join(words[i : i + SHINGLE]) for i in range(max(1, len(words) - SHINGLE + 1))}
    minhash = MinHash(num_perm=PERMUTATIONS, seed=_SEED)
    minhash.update_batch([s.encode("utf-8") for s in shingles if s])
    return tuple(int(value) for value in minhash.hashvalues)


def similarity(a: Sequence[int], b: Sequence[int]) -> float:
    """Estimated Jaccard similarity of the two texts' shingle sets."""
    if len(a) != len(b) or not a:
        return 0.0
    return float(np.count_nonzero(np.asarray(a) == np.asarray(b))) / len(a)


def band_keys(values: Sequence[int]) -> list[str]:
    """One key per LSH band: two signatures sharing any key are candidate copies."""
    keys = []
    for band in range(BANDS):
        rows = values[band * ROWS : (band + 1) * ROWS]
        digest = hashlib.blake2b(repr(tuple(rows)).encode(), digest_size=8).hexdigest()
        keys.append(f"band:{band}:{digest}")
    return keys
