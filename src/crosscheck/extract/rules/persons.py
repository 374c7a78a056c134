"""Words around people's names in EN/RU/UK: ranks, roles, sides, statuses, outlet cues.

Every word is a lemma in lower case (ё spelled е); lookups compare a token's lemma, or its
lower-cased text where the tagger gives no useful lemma (Ukrainian through natasha's Russian
model). A rank or role word before capitalised tokens marks those tokens as a person's name
and is never part of it.
"""

from __future__ import annotations

__all__ = [
    "EVENT_WORDS",
    "FACILITY_HEADS",
    "NAMED_AFTER",
    "OCCUPATIONS",
    "ORGANISATION_WORDS",
    "OUTLET_AFTER",
    "OUTLET_BEFORE",
    "OUTLET_WORDS",
    "PARTICLES",
    "RANKS",
    "ROLES",
    "SIDES",
    "STATUSES",
    "STREET_WORDS",
    "SUFFIXES",
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

#: words that make a capitalised name an organisation ("Chapman Golf Club", "Warsaw
#: Newsroom", "Irish Republican Army"): outlet words and these
ORGANISATION_WORDS = OUTLET_WORDS | _set(
    "co corp inc ltd plc group bank party union club fc united city county partnership "
    "army newsroom desk markets ministry council committee"
)

#: words that make a capitalised name an event, prize or competition ("F.A. Challenge Cup",
#: "Lombardi Award"): not a person
EVENT_WORDS = _set(
    "cup league championship championships trophy award awards prize medal games olympics "
    "tournament open festival"
)

#: phrases just before a name that introduce an outlet ("reported by X", "according to X")
OUTLET_BEFORE = ("reported by", "published by", "broadcaster", "outlet", "channel", "newspaper",
                 "сообщает", "пишет", "издание", "телеканал", "повідомляє", "видання")  # fmt: skip

#: words just after a name that make it an outlet ("X reported", "X reports")
OUTLET_AFTER = _set("reported reports reporting")

#: occupations and honorifics written before a name ("Surgeon Renat Akchurin", "академік
#: Вернадський", "Актриса Фань Бинбин"): never part of the name, but they say no role
OCCUPATIONS = _set(
    "surgeon judge bishop archbishop cardinal rabbi imam mufti sheikh pope prince princess king "
    "queen senator congressman "
    "congresswoman ambassador envoy chairman chairwoman lawyer activist pilot patriarch priest "
    "coach striker defender midfielder goalkeeper champion "
    "академик профессор депутат адвокат судья священник митрополит патриарх епископ поэт "
    "писатель художник актер актриса певец певица режиссер композитор дирижер "
    "академік професор нардеп суддя священик митрополит патріарх єпископ поет письменник "
    "художниця актор акторка співак співачка режисер композитор диригент"
)

#: generational suffixes after a surname ("John Mills Jr"): part of the name, not its surname
SUFFIXES = _set("jr jr. sr sr. ii iii iv")

#: lower-case words inside a person's name ("Макс фон Сюдов", "Хавьер Перес де Куэльяр")
PARTICLES = _set(
    "van von der den de la le du da di del dos bin al el ibn ben "
    "фон ван дер де ла ле дю да ди дель ибн бин бен аль эль ібн бін"
)

#: words before a name that make it the name of a street or a place named after a person
#: ("вулиця Кірова", "ГКБ им. Ерамишанцева", "школа імені Шевченка"): not a person mention
STREET_WORDS = _set(
    "street avenue boulevard square вулиця вулиці вулицю вул вул. проспект проспекту просп. "
    "пр. провулок провулку площа площі улица улице улицу ул ул. переулок переулке площадь "
    "бульвар бульвару"
)
NAMED_AFTER = _set("им им. имени ім ім. імені")

#: a common noun after a name that makes the name a facility's or an organisation's ("the
#: Staryi Brid ambulance station", "Kennedy airport"): the name is not a person mention there
FACILITY_HEADS = _set(
    "station hospital clinic school university institute academy college museum theatre "
    "theater stadium airport port base plant factory bridge church cathedral monastery "
    "market centre center prison camp company corporation group club team party foundation "
    "fund agency ministry department office council committee brigade battalion regiment "
    "division unit battalion newspaper channel"
)
