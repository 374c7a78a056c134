"""Copies: MinHash signatures and LSH bands find near-duplicates, not retellings."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from crosscheck.link import copies

STORY = (
    "A Russian glide bomb struck the House of Culture in the village of Tykhovoda on Saturday "
    "morning, killing four civilians and wounding eleven, including two children, the head of "
    "the regional military administration said. Residents had been collecting food parcels "
    "there since the spring, and the building had no military use, local officials said."
)


def test_copies_wire_copy_with_new_dateline_and_tail_is_a_copy() -> None:
    wire = "KYIV (Wire) - " + STORY + " Republished with permission. Subscribe for more."
    a, b = copies.signature(STORY), copies.signature(wire)
    assert copies.similarity(a, b) >= copies.THRESHOLD
    assert set(copies.band_keys(a)) & set(copies.band_keys(b))


def test_copies_retelling_and_translation_are_not_copies() -> None:
    retold = (
        "Four people died and eleven were hurt when a bomb hit a cultural centre used for aid "
        "handouts in Tykhovoda, officials in the region reported on Saturday."
    )
    translated = (
        "Российская управляемая бомба попала в Дом культуры в селе Тиховода в субботу утром, "
        "погибли четыре мирных жителя, одиннадцать ранены."
    )
    original = copies.signature(STORY)
    assert copies.similarity(original, copies.signature(retold)) < 0.2
    assert copies.similarity(original, copies.signature(translated)) < 0.1


def test_copies_text_without_words_has_no_signature() -> None:
    assert copies.signature(" -- !! ") == ()
    assert copies.similarity((), ()) == 0.0


def test_copies_band_keys_one_per_band() -> None:
    keys = copies.band_keys(copies.signature(STORY))
    assert len(keys) == copies.BANDS == len(set(k.split(":")[1] for k in keys))


@given(st.text(min_size=1, max_size=300), st.text(min_size=1, max_size=300))
def test_copies_similarity_is_symmetric_and_bounded(a: str, b: str) -> None:
    sa, sb = copies.signature(a), copies.signature(b)
    assert copies.similarity(sa, sb) == copies.similarity(sb, sa)
    assert 0.0 <= copies.similarity(sa, sb) <= 1.0
    if sa:
        assert copies.similarity(sa, sa) == 1.0
