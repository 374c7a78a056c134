"""Word tables for ``extract.claims``: the phrasings of each claim kind in English, Russian and
Ukrainian, and the cues of modality (denial, hypothesis, the general past).

Each table is a family of phrasings, written from how war reporting and soldiers' testimony
put things, never from one text. Russian and Ukrainian words are stems followed by ``\\w*``,
since their endings carry case, number and gender; English lists its inflected forms.
Patterns are matched case-insensitively against one sentence of the clean text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from crosscheck.model import ClaimKind

__all__ = [
    "ACCORDING",
    "AGGREGATE",
    "CUES",
    "DENIAL_WORDS",
    "DENY_VERBS",
    "HISTORICAL",
    "HYPOTHETICAL_WORDS",
    "NOBODY",
    "NOT_VICTIMS",
    "RUNNING_TALLY",
    "Cue",
]


@dataclass(frozen=True, slots=True, kw_only=True)
class Cue:
    """One phrasing of a claim kind. ``counted``: a number near it may count its victims;
    ``needs_count``: the words are too general alone ("deaths", "injuries") and make a claim
    only with a number; ``requires``: another phrase the sentence must also hold."""

    kind: ClaimKind
    pattern: re.Pattern[str]
    counted: bool = False
    needs_count: bool = False
    requires: re.Pattern[str] | None = None


def _re(*alternatives: str) -> re.Pattern[str]:
    return re.compile(r"(?<!\w)(?:" + "|".join(alternatives) + r")(?!\w)", re.IGNORECASE)


K = ClaimKind
_COMMAND = _re(
    r"command\w*", r"officers?", r"superiors", r"leadership", r"generals?", r"командир\w*",
    r"командовани\w*", r"начальств\w*", r"офицер\w*", r"командуванн\w*", r"офіцер\w*",
)  # fmt: skip
_PRISONERS = _re(
    r"prisoners?", r"pows?", r"captives?", r"captured (?:soldiers|servicemen|troops)",
    r"\w*пленн\w*", r"плену", r"\w*полонен\w*", r"полоні",
)  # fmt: skip
_CIVILIANS = _re(
    r"civilians?", r"residents", r"children", r"bystanders", r"passers-by", r"villagers",
    r"мирн\w+", r"жител\w*", r"детей", r"дети", r"цивільн\w*", r"мешканц\w*", r"дітей", r"діти",
)  # fmt: skip

CUES: tuple[Cue, ...] = (
    # killed
    Cue(
        kind=K.KILLED,
        counted=True,
        pattern=_re(
            r"kill(?:s|ed|ing)?",
            r"died",
            r"dies",
            r"dying",
            r"dead",
            r"slain",
            r"fatally",
            r"murdered",
            r"fallen",
            r"lost (?:their|his|her) li(?:fe|ves)",
            r"(?:shot|stabbed|beaten|burned) to death",
            r"succumb(?:ed|s)",
            r"(?:taken|removed) off life support",
            r"claimed \S+ lives",
            r"death tolls?",
            r"(?:body|black) bags?",
            r"killed in action",
            r"kia",
            r"погиб\w*",
            r"гибел\w*",
            r"убит\w*",
            r"убил\w*",
            r"убива\w*",
            r"убь\w*",
            r"умер(?:ли|ла|ло)?",
            r"скончал\w*",
            r"двухсот\w*",
            r"груз(?:ом)? 200",
            r"200-е",
            r"200-х",
            r"загин\w*",
            r"загибл\w*",
            r"вбит\w*",
            r"вбил\w*",
            r"вбив\w*",
            r"помер(?:ли|ла|ло)?",
            r"двохсот\w*",
            r"смерт\w+ (?:\w+ )?(?:насчитыва|зрос|вырос|достиг)\w*",
        ),
    ),  # fmt: skip
    Cue(
        kind=K.KILLED,
        counted=True,
        needs_count=True,
        pattern=_re(
            r"deaths?",
            r"bodies",
            r"corpses?",
            r"fatalities",
            r"тел",
            r"трупов",
            r"трупів",
            r"тіл",
            r"смерт\w*",
            r"жертв\w*",
        ),
    ),  # fmt: skip
    # wounded
    Cue(
        kind=K.WOUNDED,
        counted=True,
        pattern=_re(
            r"wounded",
            r"wounding",
            r"injured",
            r"injuring",
            r"hurt",
            r"hospitali[sz]ed",
            r"in (?:critical|stable|serious|fair|good) condition",
            r"non-life-threatening",
            r"ранен\w*",
            r"ранил\w*",
            r"ранены",
            r"трехсот\w*",
            r"трёхсот\w*",
            r"300-е",
            r"поранен\w*",
            r"поранил\w*",
            r"травмован\w*",
            r"трьохсот\w*",
        ),
    ),  # fmt: skip
    Cue(
        kind=K.WOUNDED,
        counted=True,
        needs_count=True,
        pattern=_re(
            r"injuries",
            r"ранени\w*",
            r"поранен\w*",
        ),
    ),  # fmt: skip
    # missing
    Cue(
        kind=K.MISSING,
        counted=True,
        pattern=_re(
            r"missing",
            r"missing in action",
            r"unaccounted for",
            r"disappeared",
            r"без вести",
            r"пропал\w*",
            r"пропавш\w*",
            r"безвісти",
            r"зник\w*",
        ),
    ),  # fmt: skip
    # captured
    Cue(
        kind=K.CAPTURED,
        counted=True,
        pattern=_re(
            r"taken (?:prisoner|captive)",
            r"captured",
            r"abducted",
            r"kidnapped",
            r"in captivity",
            r"(?:взят|попал|захвачен)\w* в плен",
            r"в плену",
            r"пленил\w*",
            r"(?:взят|потрапил|захоплен)\w* в полон",
            r"у полоні",
            r"в полоні",
            r"полонил\w*",
        ),
    ),  # fmt: skip
    # abandoned by command
    Cue(
        kind=K.ABANDONED_BY_COMMAND,
        requires=_COMMAND,
        pattern=_re(
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
        pattern=_re(
            r"(?:left|abandoned) (?:us|them|the unit|the men) to (?:our|their|its) fate",
            r"на произвол судьбы",
            r"напризволяще",
        ),
    ),  # fmt: skip
    # no evacuation
    Cue(
        kind=K.NO_EVACUATION,
        pattern=_re(
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
        pattern=_re(
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
        pattern=_re(
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
        pattern=_re(
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
        pattern=_re(
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
        pattern=_re(
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
        pattern=_re(
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
        pattern=_re(
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

# -- modality ------------------------------------------------------------------------------

#: a token with one of these lemmas or forms among the trigger's dependents negates it
DENIAL_WORDS = frozenset({"not", "n't", "never", "no", "не", "ни", "ні", "нет", "немає"})
#: "no one was killed": a subject that is nobody
NOBODY = frozenset({
    "no", "nobody", "none", "никто", "ніхто", "ни", "жоден", "жодного", "ни один", "no one",
})  # fmt: skip
#: a verb above the trigger that denies it ("the ministry denied that soldiers were killed")
DENY_VERBS = _re(
    r"den(?:y|ies|ied)", r"refut\w*", r"dismiss\w*", r"опроверг\w*", r"отрица\w*",
    r"спростува\w*", r"спростову\w*", r"запереч\w*",
)  # fmt: skip
#: modal auxiliaries and particles of what may, could or would happen
HYPOTHETICAL_WORDS = frozenset({
    "may", "might", "could", "would", "will", "shall", "should", "can", "'ll", "'d", "wo",
    "if", "unless", "whether", "мочь", "может", "могут", "мог", "могли", "бы", "б",
    "возможно", "если", "можливо", "може", "можуть", "міг", "би", "якщо", "буде",
    "будет", "будут", "будуть", "risk", "threat",
})  # fmt: skip
#: the general past rather than this event
HISTORICAL = _re(
    r"since (?:19|20)\d\d", r"since world war \w+", r"during the [\w\s-]{0,30}war",
    r"world war", r"in recent (?:decades|years|centuries)", r"throughout history",
    r"in the (?:19|20)\d0s", r"over the (?:last|past) (?:few )?(?:decades|centuries)",
    r"historically", r"in history",
    r"since (?:the )?(?:start|beginning|outbreak) of (?:the )?(?:\w+ )?(?:conflict|war|fighting)",
    r"so far this year", r"since the (?:start|beginning) of the year",
    r"since (?:the )?year(?:'s)? (?:start|beginning)",
    r"(?:с|со времен) (?:19|20)\d\d", r"со времен\w*", r"за последние десятилети\w*",
    r"во время (?:второй|великой|афганской|чеченской) \w+", r"в истории", r"с начала года",
    r"з (?:19|20)\d\d", r"з часів", r"за останні десятиліття",
    r"під час (?:другої|великої|афганської|чеченської) \w+", r"в історії", r"з початку року",
)  # fmt: skip

# -- claimant and counts -------------------------------------------------------------------

#: "according to him", "по его словам": the claim is someone's, named before or in the phrase
ACCORDING = _re(
    r"according to (?:him|her|them|the soldier|\w+)", r"as (?:he|she) (?:said|put it)",
    r"по (?:его|ее|её|их) словам", r"по словам", r"за (?:його|її|їхніми|їх) словами",
    r"за словами",
)  # fmt: skip
#: a toll over a period or a whole area, not one event's: ACLED leaves such aggregate tallies out
#: ("1,800 killed this year", "23 killed over the past week", "с начала года погибли 200").
#: A daily bulletin's window ("in the past 24 hours", "за сутки") is not one: it reports the
#: day's incidents, which event coders take one by one.
AGGREGATE = _re(
    r"this year", r"so far", r"nationwide", r"across the (?:country|city|state)",
    r"(?:in|over|during|within) (?:the )?(?:past|last|previous) (?:\w+ )?"
    r"(?:weeks|months|years|decades|week|month|year)",
    r"since (?:the )?(?:start|beginning) of (?:the )?(?:year|month|week|conflict|war)",
    r"in (?:january|february|march|april|may|june|july|august|september|october|november"
    r"|december)", r"in (?:19|20)\d\d", r"(?:per|a|each) year", r"annually",
    r"за (?:минувшую |прошедшую |последнюю )?неделю",
    r"за (?:минувший |прошедший |последний )?(?:месяц|год)", r"с начала (?:года|месяца|недели)",
    r"за (?:минулий |останній )?(?:тиждень|місяць|рік)", r"з початку (?:року|місяця|тижня)",
)  # fmt: skip
#: an ordinal before a period places one event in a running tally ("the city's 30th homicide
#: this year", "the first killing of 2016"): that event is still one event
RUNNING_TALLY = _re(
    r"\d+(?:st|nd|rd|th)", r"first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth",
    r"\d+-(?:й|я|е|го|ий|та|те)",
)  # fmt: skip
#: a number followed by one of these counts no victims ("shot 5 times", "for 3 days")
NOT_VICTIMS = _re(
    r"times?", r"rounds?", r"shots?", r"bullets?", r"hours?", r"days?", r"weeks?", r"months?",
    r"years?", r"minutes?", r"miles?", r"km", r"meters?", r"feet", r"attacks?", r"incidents?",
    r"shootings?", r"homicides?", r"guns?", r"cases?", r"(?:gunshot |stab )?wounds?",
    r"reports?", r"calls?", r"blocks?", r"counts?", r"charges?",
    r"раз\w*", r"час\w*", r"дн\w+", r"дня",
    r"недел\w*", r"месяц\w*", r"лет", r"год\w*", r"тижн\w*", r"місяц\w*", r"рок\w*", r"годин\w*",
    r"обстрел\w*", r"обстріл\w*", r"атак\w*",
)  # fmt: skip
