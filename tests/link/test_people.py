"""People across documents: a name key plus a second attribute, never string similarity alone."""

from __future__ import annotations

from crosscheck.link.people import Member, compare


def _member(member: str, name_key: str, **attributes: str) -> Member:
    return Member(
        member=member,
        document_id=member.split("/")[0],
        name="",
        name_key=name_key,
        surname_key=name_key.split()[-1],
        attributes=attributes,
    )


def test_compare_same_key_and_hometown_is_the_same_person() -> None:
    found = compare(
        _member("a/p1", "aleksei smirnov", hometown="irkutsk"),
        _member("b/p1", "aleksei smirnov", hometown="irkutsk"),
    )
    assert found is not None and found.verdict == "same"
    assert found.features["agree"] == ["hometown"]


def test_compare_same_key_alone_goes_to_review() -> None:
    found = compare(_member("a/p1", "aleksei smirnov"), _member("b/p1", "aleksei smirnov"))
    assert found is not None and found.verdict == "candidate"


def test_compare_similar_names_are_never_compared() -> None:
    assert (
        compare(
            _member("a/p1", "aleksei smirnov", incident="x"),
            _member("b/p1", "aleksei semenov", incident="x"),
        )
        is None
    )
    assert compare(_member("a/p1", "aleksei smirnov"), _member("b/p1", "sergei smirnov")) is None


def test_compare_disagreeing_hometown_is_another_person() -> None:
    assert (
        compare(
            _member("a/p1", "aleksei smirnov", hometown="irkutsk", incident="x"),
            _member("b/p1", "aleksei smirnov", hometown="tver", incident="x"),
        )
        is None
    )


def test_compare_initial_or_surname_only_is_a_candidate() -> None:
    for other in ("a smirnov", "smirnov"):
        found = compare(
            _member("a/p1", "aleksei smirnov", incident="x"), _member("b/p2", other, incident="x")
        )
        assert found is not None and found.verdict == "candidate"


def test_compare_two_people_in_one_document_are_not_compared() -> None:
    assert compare(_member("a/p1", "aleksei smirnov"), _member("a/p2", "aleksei smirnov")) is None
