"""Words around people's names in EN/RU/UK: ranks, roles, sides, statuses, outlet cues.

Every word is a lemma in lower case (ё spelled е); lookups compare a token's lemma, or its
lower-cased text where the tagger gives no useful lemma (Ukrainian through natasha's Russian
model). A rank or role word before capitalised tokens marks those tokens as a person's name
and is never part of it.
"""

from __future__ import annotations

__all__ = [
    "OUTLET_AFTER",
    "OUTLET_BEFORE",
    "OUTLET_WORDS",
    "RANKS",
    "ROLES",
    "SIDES",
    "STATUSES",
    "TITLES",
]


def _words(value: str, words: str) -> dict[str, str]:
    return dict.fromkeys(words.split(), value)


def _set(words: str) -> frozenset[str]:
    return frozenset(words.split())


#: rank word -> canonical rank (English)
RANKS: dict[str, str] = {
    **_words("private", "private pvt pvt. рядовой рядовий"),
    **_words("corporal", "corporal cpl cpl. lance-corporal ефрейтор єфрейтор"),
    **_words("sergeant", "sergeant sgt sgt. staff-sergeant младший старший сержант молодший"),
    **_words("sergeant", "старшина"),
    **_words("lieutenant", "lieutenant lt lt. лейтенант"),
    **_words("captain", "captain capt capt. капитан капітан"),
    **_words("major", "major maj maj. майор"),
    **_words("colonel", "colonel col col. полковник подполковник підполковник"),
    **_words("general", "general gen gen. генерал генерал-майор генерал-лейтенант"),
    **_words("ensign", "прапорщик прапорщик ensign"),
}

#: role word -> role category
ROLES: dict[str, str] = {
    **_words(
        "soldier",
        "soldier serviceman servicemen trooper marine paratrooper fighter mobilized conscript "
        "военнослужащий военный солдат боец мобилизованный контрактник срочник десантник "
        "морпех штурмовик військовослужбовець військовий солдат боєць мобілізований "
        "контрактник десантник штурмовик",
    ),
    **_words("commander", "commander командир командующий комбат командувач"),
    **_words("medic", "medic paramedic doctor nurse медик врач санитар лікар санітар"),
    **_words(
        "journalist",
        "journalist reporter correspondent photographer blogger журналист корреспондент "
        "блогер журналіст кореспондент",
    ),
    **_words(
        "official",
        "governor mayor minister spokesman spokeswoman spokesperson president official "
        "prosecutor губернатор мэр министр глава президент прокурор пресс-секретарь "
        "мер міністр голова речник",
    ),
    **_words("civilian", "civilian resident villager местный житель мирный мешканець житель"),
    **_words("volunteer", "volunteer волонтер волонтер доброволец доброволець"),
}

#: titles that precede a name without saying much about the person
TITLES = _set(
    "mr mr. mrs mrs. ms ms. dr dr. sir lady lord president premier chancellor "
    "господин госпожа пан пані"
)

#: a side cue (lower case, matched as a phrase in the words before a name) -> side
SIDES: dict[str, str] = {
    "russian": "Russia",
    "вс рф": "Russia",
    "рф": "Russia",
    "российский": "Russia",
    "российской армии": "Russia",
    "зс рф": "Russia",
    "російський": "Russia",
    "ukrainian": "Ukraine",
    "всу": "Ukraine",
    "зсу": "Ukraine",
    "украинский": "Ukraine",
    "український": "Ukraine",
}

#: a status lemma in the person's clause -> status
STATUSES: dict[str, str] = {
    **_words("killed", "killed die dead погибнуть погиб убитый убить загинути загинув вбитий"),
    **_words("wounded", "wounded injure injured wound ранить раненый поранений поранити"),
    **_words("captured", "captured capture пленный плен пленить полонений полон"),
    **_words("missing", "missing пропасть пропавший безвести зниклий зникнути"),
}

#: words that make a capitalised name an outlet or organisation rather than a person
OUTLET_WORDS = _set(
    "news daily times post herald monitor journal gazette tribune telegraph press agency "
    "channel tv radio media online today weekly review times report вестник новости "
    "газета известия правда вісник новини газета медиа медіа"
)

#: phrases just before a name that introduce an outlet ("reported by X", "according to X")
OUTLET_BEFORE = ("reported by", "published by", "broadcaster", "outlet", "channel", "newspaper",
                 "сообщает", "пишет", "издание", "телеканал", "повідомляє", "видання")  # fmt: skip

#: words just after a name that make it an outlet ("X reported", "X reports")
OUTLET_AFTER = _set("reported reports reporting")
