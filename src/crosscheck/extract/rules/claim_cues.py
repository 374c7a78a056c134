"""Word tables for ``extract.claims``: the phrasings of each claim kind in English, Russian and
Ukrainian about conduct (abandonment, evacuation, refusal, desertion, coercion, abuse, attacks
on civilians, surrender); the casualty kinds are in ``rules/casualty_cues.py``, the cues of
modality, claimant and count in ``rules/claim_context.py``.

Each table is a family of phrasings, written from how war reporting and soldiers' testimony
put things, never from one text. Russian and Ukrainian words are stems followed by ``\\w*``,
since their endings carry case, number and gender; English lists its inflected forms.
Patterns are matched case-insensitively against one sentence of the clean text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from crosscheck.model import ClaimKind

__all__ = ["CUES", "Cue", "any_of"]


@dataclass(frozen=True, slots=True, kw_only=True)
class Cue:
    """One phrasing of a claim kind. ``counted``: a number near it may count its victims;
    ``needs_count``: the words are too general alone ("deaths", "injuries") and make a claim
    only with a number; ``requires``: another phrase the sentence must also hold;
    ``implies``: the (low, best, high) toll the words carry without a number ("a fatal
    shooting": at least one dead); ``open_fate``: the victims were hit ("was shot", "taken to
    hospital") and may still have died, which the text says elsewhere if so."""

    kind: ClaimKind
    pattern: re.Pattern[str]
    counted: bool = False
    needs_count: bool = False
    requires: re.Pattern[str] | None = None
    implies: tuple[int | None, int | None, int | None] | None = None
    open_fate: bool = False


def any_of(*alternatives: str) -> re.Pattern[str]:
    """One case-insensitive pattern of whole-word alternatives."""
    return re.compile(r"(?<!\w)(?:" + "|".join(alternatives) + r")(?!\w)", re.IGNORECASE)


K = ClaimKind
_COMMAND = any_of(
    r"command\w*", r"officers?", r"superiors", r"leadership", r"generals?", r"командир\w*",
    r"командовани\w*", r"начальств\w*", r"офицер\w*", r"командуванн\w*", r"офіцер\w*",
)  # fmt: skip
_PRISONERS = any_of(
    r"prisoners?", r"pows?", r"captives?", r"captured (?:soldiers|servicemen|troops)",
    r"\w*пленн\w*", r"плену", r"\w*полонен\w*", r"полоні",
)  # fmt: skip
_CIVILIANS = any_of(
    r"civilians?", r"residents", r"children", r"bystanders", r"passers-by", r"villagers",
    r"мирн\w+", r"жител\w*", r"детей", r"дети", r"цивільн\w*", r"мешканц\w*", r"дітей", r"діти",
)  # fmt: skip

CUES: tuple[Cue, ...] = (
    # abandoned by command
    Cue(
        kind=K.ABANDONED_BY_COMMAND,
        requires=_COMMAND,
        pattern=any_of(
            r"abandon\w*",
            r"forg[oe]t(?:ten)? about (?:us|them|the unit|the men)",
            r"betray\w*",
            r"left (?:us|them|the unit|the men) to (?:our|their|its) fate",
            r"(?:doesn't|don't|didn't|do not|does not) care about (?:us|them)",
            r"бросил\w*",
            r"забыл\w*",
            r"кинул\w*",
            r"предал\w*",
            r"наплевать",
            r"забул\w*",
            r"покинул\w*",
            r"зрадил\w*",
            r"залишил\w*",
            r"байдуж\w*",
        ),
    ),  # fmt: skip
    Cue(
        kind=K.ABANDONED_BY_COMMAND,
        pattern=any_of(
            r"(?:left|abandoned) (?:us|them|the unit|the men) to (?:our|their|its) fate",
            r"на произвол судьбы",
            r"напризволяще",
        ),
    ),  # fmt: skip
    # no evacuation
    Cue(
        kind=K.NO_EVACUATION,
        pattern=any_of(
            r"no evacuation",
            r"(?:never|not|n't|no one|nobody) (?:\w+ ){0,2}evacuat\w*",
            r"call\w* for (?:an )?evacuation\W+(?:\w+ ){0,3}(?:never|no one|nobody|not|n't)"
            r"(?: \w+){0,3}",
            r"эвакуац\w* (?:\w+ )?не (?:было|будет|приехал\w*)",
            r"(?:никакой|нет|без) эвакуац\w*",
            r"не (?:\w+ )?эвакуир\w*",
            r"не (?:\w+ )?вывез\w*",
            r"евакуац\w* (?:\w+ )?не (?:було|буде|приїхал\w*)",
            r"(?:жодної|немає|без) евакуац\w*",
            r"не (?:\w+ )?евакую\w*",
            r"не (?:\w+ )?евакуйован\w*",
            r"не (?:\w+ )?вивез\w*",
            # help, the evacuation or the vehicle never came
            r"(?:help|rescue|evacuation|the (?:truck|vehicle|car|medics))"
            r" (?:\w+ )?never (?:came|arrived|showed up)",
            r"no (?:one|body) (?:\w+ )?came (?:for|to (?:get|pick up|collect)) (?:us|them|the)",
            r"(?:помощ|подмог|эвакуаци|машин)\w* (?:\w+ ){0,4}?не (?:пришл|приехал|прибыл)\w*",
            r"машин\w* не было",
            r"(?:допомог|підмог|евакуаці|машин)\w* (?:\w+ ){0,4}?не (?:прийшл|приїхал|прибул)\w*",
            r"машин\w* не було",
            r"(?:никто|ніхто) (?:(?:за нами|за ними|так и|так і) ){0,3}не (?:приехал|приїхав)\w*",
        ),
    ),  # fmt: skip
    # refusal to fight
    Cue(
        kind=K.REFUSAL_TO_FIGHT,
        counted=True,
        pattern=any_of(
            r"refus\w* to (?:fight|go|attack|advance|storm|obey|follow orders|return to the front)",
            r"отказ\w* (?:от )?(?:идти|воевать|наступать|штурмовать|выполнять|ехать|участ)\w*",
            r"отказник\w*",
            r"відмов\w* (?:від )?(?:йти|воювати|наступати|штурмувати|виконувати|їхати|участ)\w*",
            r"відмовник\w*",
        ),
    ),  # fmt: skip
    # desertion
    Cue(
        kind=K.DESERTION,
        counted=True,
        pattern=any_of(
            r"desert(?:ed|ing|ion|ers?)",
            r"went awol",
            r"awol",
            r"fled (?:the|their) (?:front|unit|positions?)",
            r"дезертир\w*",
            r"самовольн\w* оставлени\w*",
            r"соч",
            r"сбежал\w* (?:из|с) (?:част|фронт|позиц)\w*",
            r"самовільн\w* залиш\w*",
            r"сзч",
            r"втік\w* (?:з|із) (?:частин|фронт|позиц)\w*",
        ),
    ),  # fmt: skip
    # coercion or violence in the unit
    Cue(
        kind=K.COERCION_OR_VIOLENCE_IN_UNIT,
        pattern=any_of(
            r"threaten\w* (?:\w+ )?with (?:being shot|execution|shooting|death)",
            r"threaten\w* to (?:shoot|execute|kill) (?:us|them|him|me|those)",
            r"forced (?:us|them|him|me) (?:at gunpoint )?to (?:attack|go|fight|storm)",
            r"at gunpoint",
            r"fratricid\w*",
            r"violence within (?:the )?units?",
            r"fragging",
            r"barrier troops",
            r"блокирующ\w* отряд\w*",
            r"заградотряд\w*",
            r"(?:угрожа|грози)\w* (?:\w+ )?расстрел\w*",
            r"обнулил\w*",
            r"обнулят\w*",
            r"погрожу\w* (?:\w+ )?розстріл\w*",
            r"загороджувальн\w*",
            r"обнуля\w*",
        ),
    ),  # fmt: skip
    Cue(
        kind=K.COERCION_OR_VIOLENCE_IN_UNIT,
        requires=_COMMAND,
        pattern=any_of(
            r"beat(?:en|ing)? (?:us|them|him|me)",
            r"tortured (?:us|them|him|me)",
            r"избива\w*",
            r"избил\w*",
            r"били нас",
            r"пытал\w*",
            r"побил\w*",
            r"били нас",
            r"катува\w*",
        ),
    ),  # fmt: skip
    # abuse of prisoners
    Cue(
        kind=K.ABUSE_OF_PRISONERS,
        requires=_PRISONERS,
        pattern=any_of(
            r"tortur\w*",
            r"execut\w*",
            r"beat(?:en|ing)?",
            r"abus\w*",
            r"mistreat\w*",
            r"shot dead",
            r"расстрел\w*",
            r"пыт\w*",
            r"избива\w*",
            r"казн\w*",
            r"издева\w*",
            r"розстріл\w*",
            r"катув\w*",
            r"тортур\w*",
            r"знуща\w*",
            r"страт\w*",
        ),
    ),  # fmt: skip
    # attack on civilians
    Cue(
        kind=K.ATTACK_ON_CIVILIANS,
        requires=_CIVILIANS,
        pattern=any_of(
            r"shell(?:s|ed|ing)?",
            r"strikes?",
            r"struck",
            r"bomb\w*",
            r"missiles?",
            r"rockets?",
            r"drones?",
            r"air ?raids?",
            r"attack(?:s|ed)?",
            r"fired (?:on|at)",
            r"hit",
            r"violence against",
            r"обстрел\w*",
            r"удар\w*",
            r"ракет\w*",
            r"снаряд\w*",
            r"бомб\w*",
            r"дрон\w*",
            r"атак\w*",
            r"обстріл\w*",
            r"влучи\w*",
            r"попал\w*",
        ),
    ),  # fmt: skip
    # surrender
    Cue(
        kind=K.SURRENDER,
        counted=True,
        pattern=any_of(
            r"surrender\w*",
            r"laid down (?:their|his) arms",
            r"gave (?:themselves|himself) up",
            r"сдал\w* в плен",
            r"сдаться",
            r"сдались",
            r"сдался",
            r"сдаюсь",
            r"сложил\w* оружие",
            r"здал\w* в полон",
            r"здатися",
            r"здались",
            r"здався",
            r"склал\w* зброю",
        ),
    ),  # fmt: skip
)
