"""extract.claims: typed claims with counts, modality and claimant. The sentences are made up,
except the real capture read through the ``shared`` fixture."""

from __future__ import annotations

from datetime import UTC, datetime
from functools import cache
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from crosscheck import ingest
from crosscheck.evaluate.predictors import predict_casualties
from crosscheck.extract.analysis import Analyzer
from crosscheck.extract.claim_tolls import figure
from crosscheck.extract.claims import NAME, find_claims
from crosscheck.model import (
    Capture,
    Claim,
    ClaimKind,
    Document,
    Modality,
    Person,
    Quote,
    QuoteKind,
    Span,
)

K, M = ClaimKind, Modality
SAMPLE = "samples/smirnov/000_324805f2c092eb77.txt"


@cache
def _analyzer() -> Analyzer:
    return Analyzer()


def _document(text: str, language: str) -> Document:
    return Document(capture_sha256="0" * 64, text=text, language=language)


def _claims(text: str, language: str = "en", **kwargs: object) -> list[Claim]:
    document = _document(text, language)
    return find_claims(document, _analyzer()(document), **kwargs)  # type: ignore[arg-type]


KINDS = [
    ("en", "Two soldiers were killed in the shelling.", K.KILLED),
    ("ru", "В результате обстрела погибли двое военных.", K.KILLED),
    ("uk", "Внаслідок обстрілу загинули двоє військових.", K.KILLED),
    ("en", "Five soldiers were wounded near the bridge.", K.WOUNDED),
    ("ru", "Пятеро бойцов были ранены у моста.", K.WOUNDED),
    ("uk", "П'ятеро бійців були поранені біля мосту.", K.WOUNDED),
    ("en", "Three marines are missing after the assault.", K.MISSING),
    ("ru", "Трое морпехов пропали без вести после штурма.", K.MISSING),
    ("uk", "Троє морпіхів зникли безвісти після штурму.", K.MISSING),
    ("en", "Four paratroopers were taken prisoner near the village.", K.CAPTURED),
    ("ru", "Четверо десантников попали в плен у села.", K.CAPTURED),
    ("uk", "Четверо десантників потрапили в полон біля села.", K.CAPTURED),
    ("en", "Our command has forgotten about us.", K.ABANDONED_BY_COMMAND),
    ("ru", "Командование про нас забыло.", K.ABANDONED_BY_COMMAND),
    ("uk", "Командування про нас забуло.", K.ABANDONED_BY_COMMAND),
    ("en", "We called for evacuation but never received help.", K.NO_EVACUATION),
    ("ru", "Эвакуации не было, раненые лежали сутки.", K.NO_EVACUATION),
    ("uk", "Евакуації не було, поранені лежали добу.", K.NO_EVACUATION),
    ("uk", "Ми чекали, але допомога так і не прийшла.", K.NO_EVACUATION),
    ("uk", "Машини не було, поранених несли на руках.", K.NO_EVACUATION),
    ("uk", "Ніхто за нами так і не приїхав.", K.NO_EVACUATION),
    ("ru", "Мы ждали, но помощь так и не пришла.", K.NO_EVACUATION),
    ("ru", "Машина за ранеными так и не приехала.", K.NO_EVACUATION),
    ("en", "We waited for hours, but help never came.", K.NO_EVACUATION),
    ("en", "The whole platoon refused to go on the assault.", K.REFUSAL_TO_FIGHT),
    ("ru", "Весь взвод отказался идти на штурм.", K.REFUSAL_TO_FIGHT),
    ("uk", "Весь взвод відмовився йти на штурм.", K.REFUSAL_TO_FIGHT),
    ("en", "Several mobilized men deserted from the unit.", K.DESERTION),
    ("ru", "Несколько мобилизованных дезертировали из части.", K.DESERTION),
    ("uk", "Кілька мобілізованих дезертирували з частини.", K.DESERTION),
    ("en", "They threatened us with being shot if we retreated.", K.COERCION_OR_VIOLENCE_IN_UNIT),
    ("ru", "Нам угрожали расстрелом за отступление.", K.COERCION_OR_VIOLENCE_IN_UNIT),
    ("uk", "Нам погрожували розстрілом за відступ.", K.COERCION_OR_VIOLENCE_IN_UNIT),
    ("en", "The guards tortured the prisoners in the basement.", K.ABUSE_OF_PRISONERS),
    ("ru", "Охранники пытали пленных в подвале.", K.ABUSE_OF_PRISONERS),
    ("uk", "Охоронці катували полонених у підвалі.", K.ABUSE_OF_PRISONERS),
    ("en", "Shells hit the centre and civilians were killed.", K.ATTACK_ON_CIVILIANS),
    ("ru", "Снаряды попали в центр, погибли мирные жители.", K.ATTACK_ON_CIVILIANS),
    ("uk", "Снаряди влучили в центр, загинули цивільні.", K.ATTACK_ON_CIVILIANS),
    ("en", "Twelve soldiers surrendered to the advancing troops.", K.SURRENDER),
    ("ru", "Двенадцать солдат сдались в плен.", K.SURRENDER),
    ("uk", "Дванадцять солдатів здалися в полон.", K.SURRENDER),
]


@pytest.mark.parametrize(("language", "text", "kind"), KINDS)
def test_find_claims_detects_each_kind(language: str, text: str, kind: ClaimKind) -> None:
    claims = _claims(text, language)
    assert kind in {c.kind for c in claims}
    assert all(c.extractor == NAME and c.text == text[c.span.start : c.span.end] for c in claims)


COUNTS = [
    ("en", "More than 20 dead.", K.KILLED, 21, None),
    ("en", "The bodies of his fallen comrades, of whom there were more than twenty.", K.KILLED,
     21, None),
    ("en", "Three soldiers were killed and 15 wounded in the east.", K.KILLED, 3, 3),
    ("en", "Three soldiers were killed and 15 wounded in the east.", K.WOUNDED, 15, 15),
    ("ru", "Погибли больше двадцати человек.", K.KILLED, 21, None),
    ("uk", "Загинули понад двадцять військових.", K.KILLED, 21, None),
    ("en", "A 25-year-old man was shot dead on Sunday.", K.KILLED, 1, 1),
    ("en", "John Smith and Mary Jones died at the scene.", K.KILLED, 2, 2),
    ("en", "A trooper shot and killed a 24-year-old man on Sunday.", K.KILLED, 1, 1),
    ("en", "A 24-year-old man was shot to death on Tuesday night.", K.KILLED, 1, 1),
    ("en", "They both died at the scene.", K.KILLED, 2, 2),
    ("en", "The gunman then killed himself.", K.KILLED, 1, 1),
    ("en", "A woman and her two sons were killed in the blast.", K.KILLED, 3, 3),
    ("en", "Police are investigating a fatal shooting on Main Street.", K.KILLED, 1, None),
    ("en", "Detectives are investigating a double homicide in the suburb.", K.KILLED, 2, 2),
    ("ru", "Полиция расследует двойное убийство в пригороде.", K.KILLED, 2, 2),
    ("uk", "Поліція розслідує подвійне вбивство в передмісті.", K.KILLED, 2, 2),
    ("ru", "Мужчина был застрелен у подъезда.", K.KILLED, 1, 1),
    ("uk", "Чоловіка застрелили біля під'їзду.", K.KILLED, 1, 1),
    ("en", "Casualties\n\n- Killed: 4\n- Injured: 11", K.WOUNDED, 11, 11),
    ("en", "Casualties\n\n- Killed: 4\n- Injured: 11", K.KILLED, 4, 4),
    ("en", "A man was shot in the leg on Sunday.", K.WOUNDED, 1, 1),
    ("en", "Police found two people with gunshot wounds.", K.WOUNDED, 2, 2),
    ("en", "He was taken to a hospital in critical condition.", K.WOUNDED, 1, 1),
    ("en", "A man is in hospital after being shot on Friday.", K.WOUNDED, 1, 1),
    ("en", "Among the wounded are two children.", K.WOUNDED, 2, 2),
    ("ru", "Ещё троих доставили в больницу.", K.WOUNDED, 3, 3),
    ("uk", "Ще десятеро поранених перебувають у лікарнях.", K.WOUNDED, 10, 10),
]  # fmt: skip


@pytest.mark.parametrize(("language", "text", "kind", "low", "best"), COUNTS)
def test_find_claims_attaches_victim_count(
    language: str, text: str, kind: ClaimKind, low: int, best: int | None
) -> None:
    claim = next(c for c in _claims(text, language) if c.kind is kind)
    assert claim.count is not None
    assert (claim.count.low, claim.count.best) == (low, best)


# text, kind, the figure its count must not take (another statement's number)
OTHER_STATEMENTS = [
    ("A woman killed by police had pointed a gun at two officers.", K.KILLED, 2),
    ("Hundreds gathered for a vigil honoring a slain deputy.", K.KILLED, 100),
    ("A deputy was killed and two others were shot.", K.KILLED, 2),
    ("Up to four men forced their way in before shooting the victim dead.", K.KILLED, 4),
    ("He was found fatally wounded after a neighbour called 911.", K.KILLED, 911),
    ("The victim was mortally wounded by multiple gunshots.", K.KILLED, 3),
]


@pytest.mark.parametrize(("text", "kind", "figure"), OTHER_STATEMENTS)
def test_find_claims_leaves_numbers_of_other_statements(
    text: str, kind: ClaimKind, figure: int
) -> None:
    counts = [c.count for c in _claims(text) if c.kind is kind]
    assert counts and all(c is None or figure not in (c.low, c.best) for c in counts)


def test_find_claims_counts_each_verb_its_own_object() -> None:
    claims = _claims("A gunman killed two people and then killed himself.")
    assert {c.count.best for c in claims if c.kind is K.KILLED and c.count} == {2, 1}


@pytest.mark.parametrize(
    ("text", "kinds"),
    [
        ("Two people were shot and killed on Sunday.", {(K.KILLED, 2)}),
        ("He was shot dead outside his home.", {(K.KILLED, 1)}),
        ("Two people were shot, one fatally.", {(K.KILLED, 1), (K.WOUNDED, 2)}),
        ("A shot rang out in the street.", set()),
        ("The gunman shot at officers and fled.", set()),
    ],
)
def test_find_claims_reads_shot_as_hit_unless_killed(
    text: str, kinds: set[tuple[ClaimKind, int]]
) -> None:
    found = {(c.kind, c.count.best if c.count else 0) for c in _claims(text)
             if c.kind in (K.KILLED, K.WOUNDED)}  # fmt: skip
    assert found == kinds


@pytest.mark.parametrize(
    "text",
    [
        "In 2014 the 155th brigade was shot at 5 times.",
        "He was killed at 14:05 on 22.10.2023.",
        "Gunmen fired 5 times, killing a man in the 2014 block of Elm Street.",
    ],
)
def test_find_claims_never_counts_years_units_times(text: str) -> None:
    figures = {c.count.low for c in _claims(text) if c.count is not None}
    assert not figures & {2014, 155, 5, 14, 22, 2023}


MODALITIES = [
    ("en", "No one was killed in the strike.", K.KILLED, M.DENIED),
    ("en", "The ministry denied that soldiers were killed.", K.KILLED, M.DENIED),
    ("ru", "Никто не погиб.", K.KILLED, M.DENIED),
    ("en", "The death toll of 12 may rise.", K.KILLED, M.HYPOTHETICAL),
    ("en", "We'll leave in black bags.", K.KILLED, M.HYPOTHETICAL),
    ("ru", "Могут погибнуть десятки людей.", K.KILLED, M.HYPOTHETICAL),
    ("en", "Millions died during the Vietnam War.", K.KILLED, M.HISTORICAL),
    ("en", "Losses since 1945 exceed 300 dead.", K.KILLED, M.HISTORICAL),
    ("en", "Two civilians were killed in the shelling.", K.KILLED, M.ASSERTED),
    (
        "en",
        "Police say 1,800 people have been killed in the city this year.",
        K.KILLED,
        M.HISTORICAL,
    ),
    ("en", "23 civilians died in shelling over the past week.", K.KILLED, M.HISTORICAL),
    ("ru", "С начала года погибли 200 человек.", K.KILLED, M.HISTORICAL),
    ("en", "A man was killed on Sunday, the city's 30th homicide this year.", K.KILLED, M.ASSERTED),
    ("en", "Two soldiers were killed in the past 24 hours.", K.KILLED, M.ASSERTED),
    ("en", "I was shot and almost killed last summer.", K.KILLED, M.DENIED),
    ("ru", "Он чуть не погиб при обстреле.", K.KILLED, M.DENIED),
    ("en", "He threatened to kill his neighbour.", K.KILLED, M.HYPOTHETICAL),
    ("ru", "Он пытался убить соседа.", K.KILLED, M.HYPOTHETICAL),
    ("en", "Anyone who refused was threatened with being shot.", K.WOUNDED, M.HYPOTHETICAL),
    ("en", "Someone is going to get shot.", K.WOUNDED, M.HYPOTHETICAL),
    ("en", "The family can sue the deputy who shot and killed their son.", K.KILLED, M.ASSERTED),
    ("en", "The family may sue when a deputy shot and killed their son.", K.KILLED, M.ASSERTED),
]


@pytest.mark.parametrize(("language", "text", "kind", "modality"), MODALITIES)
def test_find_claims_reads_modality(
    language: str, text: str, kind: ClaimKind, modality: Modality
) -> None:
    assert modality in {c.modality for c in _claims(text, language) if c.kind is kind}


def test_find_claims_takes_claimant_from_quote() -> None:
    text = 'Ivanov said: "Our command has forgotten about us."'
    quote = Quote(span=Span(14, 49), text=text[14:49], kind=QuoteKind.DIRECT, speaker="p1",
                  extractor="test")  # fmt: skip
    claim = _claims(text, quotes=[quote])[0]
    assert (claim.claimant, claim.quote, claim.by_source) == ("p1", 0, False)


def test_find_claims_takes_claimant_from_according_to() -> None:
    text = "Petrov spoke to us. Thirty soldiers were killed, according to him."
    petrov = Person(key="p1", name="Petrov", spellings=(), mentions=(Span(0, 6),),
                    extractor="test")  # fmt: skip
    claim = _claims(text, people=[petrov])[0]
    assert (claim.claimant, claim.by_source) == ("p1", False)
    assert _claims(text)[0].by_source


@pytest.fixture
def sample_claims(shared: Path) -> list[Claim]:
    path = shared / SAMPLE
    if not path.is_file():
        pytest.skip("the real sample is absent")
    capture = Capture.of(path.read_bytes(), media_type="text/plain",
                         captured_at=datetime(2026, 11, 1, tzinfo=UTC), path=str(path))  # fmt: skip
    document = ingest.documents(capture)[0]
    return find_claims(document, _analyzer()(document))


def test_find_claims_reads_real_sample(sample_claims: list[Claim]) -> None:
    asserted = [c for c in sample_claims if c.modality is M.ASSERTED]
    killed = [c for c in asserted if c.kind is K.KILLED]
    assert {c.count.low for c in killed if c.count} == {21}
    assert any("More than 20 dead" in c.text for c in killed)
    assert any("more than twenty" in c.text for c in killed)
    assert not any("1945" in c.text or "rates of death" in c.text for c in killed)
    texts = " | ".join(c.text for c in asserted)
    assert "command abandoned the unit" in texts and "forgotten about us" in texts
    assert "never received help" in texts and "no evacuation truck" in texts


def test_predict_casualties_takes_largest_asserted() -> None:
    found = predict_casualties("Two people were killed and four wounded. No one else died.", "en")
    assert found.killed is not None and found.killed.best == 2
    assert found.injured is not None and found.injured.best == 4


TOLLS = [
    ("en", "Two people were shot on Friday. One of them died at the hospital.", 1, 1),
    ("en", "A man was shot on Sunday night. He died at the hospital.", 1, 0),
    ("en", "Two people were wounded, one of whom later died.", 1, 1),
    ("en", "A deputy was killed and two others were shot.", 1, 2),
    ("en", "The injured officer died on Thursday.", 1, 0),
    ("en", "Woman killed by stray bullet in Chicago", 1, 0),
    ("en", "He and eight parishioners were gunned down during a Bible study.", 9, 0),
    ("ru", "Погибли двое, ещё троих доставили в больницу.", 2, 3),
    ("ru", "Двое были ранены, один из них позже скончался.", 1, 1),
    ("uk", "Загинули двоє, ще трьох доставили до лікарні.", 2, 3),
]


@pytest.mark.parametrize(("language", "text", "killed", "injured"), TOLLS)
def test_predict_casualties_counts_each_victim_once(
    language: str, text: str, killed: int, injured: int
) -> None:
    found = predict_casualties(text, language)
    assert (figure(found.killed) or 0, figure(found.injured) or 0) == (killed, injured)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(alphabet=st.sampled_from(list('ab 20killed,."погиб трое')), max_size=80))
def test_find_claims_spans_and_counts_hold_on_any_text(text: str) -> None:
    for claim in _claims(text):
        assert claim.text == text[claim.span.start : claim.span.end]
        if claim.count is not None:
            known = [v for v in (claim.count.low, claim.count.best, claim.count.high) if v]
            assert known == sorted(known)
