"""Word tables for ``extract.claims`` around a claim's cue: its modality (denial, hypothesis,
the general past, an aggregate toll), its claimant ("according to him") and the words after a
number that make it count no victims. English, Russian and Ukrainian, as in
``rules/claim_cues.py``.
"""

from __future__ import annotations

from crosscheck.extract.rules.claim_cues import any_of

__all__ = [
    "ACCORDING",
    "AGGREGATE",
    "DENIAL_WORDS",
    "DENY_VERBS",
    "HISTORICAL",
    "HYPOTHETICAL_WORDS",
    "NOBODY",
    "NOT_VICTIMS",
    "RUNNING_TALLY",
    "THREAT_VERBS",
]

# -- modality ------------------------------------------------------------------------------

#: a token with one of these lemmas or forms among the trigger's dependents negates it
DENIAL_WORDS = frozenset({"not", "n't", "never", "no", "не", "ни", "ні", "нет", "немає"})
#: "no one was killed": a subject that is nobody
NOBODY = frozenset({
    "no", "nobody", "none", "никто", "ніхто", "ни", "жоден", "жодного", "ни один", "no one",
})  # fmt: skip
#: a verb above the trigger that denies it ("the ministry denied that soldiers were killed")
DENY_VERBS = any_of(
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
#: lemmas of a verb above the trigger that makes it a threat or a fear, not an event ("was
#: threatened with being shot", "feared being killed")
THREAT_VERBS = frozenset({"threaten", "fear", "угрожать", "грозить", "бояться", "погрожувати",
                          "боятися"})  # fmt: skip
#: the general past rather than this event
HISTORICAL = any_of(
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
ACCORDING = any_of(
    r"according to (?:him|her|them|the soldier|\w+)", r"as (?:he|she) (?:said|put it)",
    r"по (?:его|ее|её|их) словам", r"по словам", r"за (?:його|її|їхніми|їх) словами",
    r"за словами",
)  # fmt: skip
#: a toll over a period or a whole area, not one event's: ACLED leaves such aggregate tallies out
#: ("1,800 killed this year", "23 killed over the past week", "с начала года погибли 200").
#: A daily bulletin's window ("in the past 24 hours", "за сутки") is not one: it reports the
#: day's incidents, which event coders take one by one.
AGGREGATE = any_of(
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
RUNNING_TALLY = any_of(
    r"\d+(?:st|nd|rd|th)", r"first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth",
    r"\d+-(?:й|я|е|го|ий|та|те)",
)  # fmt: skip
#: a number followed by one of these counts no victims ("shot 5 times", "for 3 days")
NOT_VICTIMS = any_of(
    r"times?", r"rounds?", r"shots?", r"bullets?", r"hours?", r"days?", r"weeks?", r"months?",
    r"years?", r"minutes?", r"miles?", r"km", r"meters?", r"feet", r"attacks?", r"incidents?",
    r"shootings?", r"homicides?", r"guns?", r"cases?", r"(?:gunshot |stab )?wounds?",
    r"reports?", r"calls?", r"blocks?", r"counts?", r"charges?", r"gunshots?",
    r"(?:shell )?casings?", r"vehicles?", r"cars?", r"homes?", r"houses?", r"buildings?",
    r"rifles?", r"handguns?", r"pistols?", r"weapons?", r"windows?",
    r"выстрел\w*", r"постріл\w*", r"гильз\w*", r"гільз\w*", r"пул[ьи]", r"кул[іь]",
    r"автомобил\w*", r"автомобіл\w*", r"машин\w*", r"домов", r"будинк\w*", r"здани\w*",
    r"будівл\w*",
    r"раз\w*", r"час\w*", r"дн\w+", r"дня",
    r"недел\w*", r"месяц\w*", r"лет", r"год\w*", r"тижн\w*", r"місяц\w*", r"рок\w*", r"годин\w*",
    r"обстрел\w*", r"обстріл\w*", r"атак\w*",
)  # fmt: skip
