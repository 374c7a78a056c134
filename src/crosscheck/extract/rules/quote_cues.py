"""Cue words for quotes: speech and attribution verbs, pronouns and speaker descriptions.

Written for crosscheck (not copied): GenderGapTracker's idea of a verb list matched on lemmas,
widened with the verbs of conflict testimony (allege, accuse, deny, complain, recall, post) and
with belief verbs (think, believe, hope) because PolNeAR annotates attributed beliefs too.

English and Russian verbs are matched on lemmas (spaCy, natasha). natasha's models are Russian,
so Ukrainian lemmas are unreliable; Ukrainian verbs are matched on their word forms instead
(stem + ending), with the apostrophe folded to ASCII.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import names

__all__ = [
    "ADDRESSEE_VERBS",
    "ATTITUDE_ADJECTIVES",
    "ATTRIBUTION_NOUNS",
    "DESCRIPTIONS",
    "FEMININE",
    "FIRST_PERSON",
    "JUDGED_AS",
    "MASCULINE",
    "PLURAL",
    "PRONOUNS",
    "SPEECH_LEMMAS",
    "TOPIC_NOUNS",
    "UK_SPEECH_FORM",
    "VOICING_VERBS",
    "first_name_gender",
]


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_EN = _words("""say tell claim state add note write tweet post warn explain argue insist admit
acknowledge allege accuse deny complain recall report announce confirm declare emphasize
emphasise stress
suggest ask reply respond answer comment remark observe predict promise vow pledge threaten urge
recount testify reveal show indicate believe think feel hope fear worry expect estimate
contend maintain assert concede agree disagree boast brag joke quip joke caution blame criticize
criticise praise charge dismiss reject question wonder describe mention announce signal
conclude acknowledge recommend demand propose point counter protest lament shout scream cry
plead beg swear guess imagine doubt assume reckon implore speculate sigh chime
tout cite quote highlight mock slam blast hail applaud thank apologize apologise lash
retort scoff tell rule advise inform reiterate clarify concur
talk speak email text message phone exclaim fume rant grumble gripe whine moan
blurt whisper mutter proclaim confess divulge leak brief notify remind reassure
assure counsel instruct inquire pitch lecture recite repeat echo
call dub label brand term nickname portray depict
regard view consider deem
condemn denounce deride ridicule scold rebuke chastise castigate lambast lambaste berate decry
disparage commend laud congratulate endorse welcome deplore regret
suspect realize realise recognize recognise suppose presume anticipate forecast envision
foresee wish document detail list underline underscore hint
insinuate""")

_RU = _words("""сказать говорить заявить заявлять сообщить сообщать рассказать рассказывать отметить
отмечать написать писать добавить добавлять признаться признаваться признать признавать
пожаловаться жаловаться утверждать уточнить уточнять подчеркнуть подчёркивать подчеркивать
пояснить пояснять объяснить объяснять заметить замечать считать полагать уверять заверить
заверять предупредить предупреждать обвинить обвинять отрицать опровергнуть призвать призывать
спросить спрашивать ответить отвечать настаивать указать указывать напомнить напоминать обещать
пообещать думать верить надеяться бояться опасаться объявить объявлять констатировать
передать процитировать сетовать посетовать вспомнить вспоминать повторить повторять
обратиться обращаться крикнуть кричать клясться поклясться допустить допускать
предположить предполагать прокомментировать комментировать возразить возражать""")

# Nouns that attribute what their clause says ("allegations that ...", "the news that ..."); a
# noun of TOPIC_NOUNS also attributes its "of"/"about" object ("fears of a Trump presidency").
TOPIC_NOUNS = _words("""allegation accusation claim fear worry concern criticism complaint warning
rumor rumour speculation""")
ATTRIBUTION_NOUNS = TOPIC_NOUNS | _words("""assertion statement suggestion hope belief doubt news
report announcement admission denial charge insistence prediction promise pledge vow argument
assessment conclusion revelation disclosure expectation confidence optimism""")

# Adjectives of belief and attitude that attribute their clause or topic ("optimistic that ...",
# "unsure about Trump").
ATTITUDE_ADJECTIVES = _words("""optimistic pessimistic confident hopeful sure unsure certain
uncertain convinced worried concerned afraid fearful skeptical sceptical doubtful adamant
dismissive critical outraged angry furious upset""")

# Verbs of perception and knowledge that judge when "as" follows ("was seen as wooden"; "is
# known for his wit").
JUDGED_AS = _words("see view regard consider perceive know")

# Verbs whose object is the one spoken to, not what is said ("told The Washington Post").
ADDRESSEE_VERBS = _words("tell inform notify brief assure reassure remind")

# Verbs that voice an attribution noun: its speaker is theirs ("expressed confidence that").
VOICING_VERBS = _words("express voice raise issue make offer share repeat reiterate")

SPEECH_LEMMAS: dict[str, frozenset[str]] = {
    "en": _EN,
    "ru": _RU,
}

# Ukrainian: past (-в/-ла/-ло/-ли) and present (-є/-ють/-е/-уть/-ить/-ять) forms of speech
# verbs, built from stems; "каже"/"пише" are irregular and listed whole.
_UK_PAST = (
    "сказа заяви повідоми розповіла розпові зазначи дода написа підкресли наголоси поясни "
    "визна поскаржи запевни попереди звинувати заперечи заклика відповіла відпові "
    "попроси запита спита нагада пообіця уточни зверну повтори прокоментува"
)
_UK_PRESENT = (
    "заявля повідомля розповіда зазнача дода стверджу підкреслю наголошу поясню визна "
    "скаржи запевня попереджа звинувачу запереч заклика відповіда проси пита нагаду обіця "
    "уточню звертає вважа"
)
UK_SPEECH_FORM = re.compile(
    r"(?:каже|кажуть|казав|казала|казали|пише|пишуть|писав|писала|звертається|звернулася"
    r"|звернувся|(?:" + "|".join(_UK_PAST.split()) + r")(?:в|ла|ло|ли|вся|лася)"
    r"|(?:" + "|".join(_UK_PRESENT.split()) + r")(?:є|ють|ить|ять|е|уть|ться))",
    re.IGNORECASE,
)

# Pronouns that can name a speaker, with the gender they require ("" = any).
MASCULINE = _words("he him his он его него він його нього")
FEMININE = _words("she her она её ее неё нее вона її неї")
PLURAL = _words("they them their они их них вони їх них")
FIRST_PERSON = _words("i we я мы ми")
PRONOUNS = MASCULINE | FEMININE | PLURAL | FIRST_PERSON

# Singular descriptions of a person that usually refer back to someone already named.
DESCRIPTIONS = _words(
    """soldier serviceman servicewoman man woman officer commander fighter volunteer medic
    mother father wife husband son daughter witness resident survivor veteran private sergeant
    военный военнослужащий солдат боец мужчина женщина офицер командир доброволец медик мать
    отец жена муж сын дочь свидетель житель рядовой сержант контрактник мобилизованный
    військовий військовослужбовець солдат боєць чоловік жінка офіцер командир доброволець
    медик мати батько дружина син донька свідок мешканець рядовий сержант контрактник
    мобілізований"""
)


def first_name_gender(word: str) -> str:
    """ "Masc"/"Fem" for an English first name the US census gives mostly to men/women (its
    share of each sex's names), "" when it is not a listed first name."""
    title = _TITLES.get(word.lower().rstrip("."))
    if title:
        return title
    male, female = (
        _census("first:male").get(word.upper(), 0.0),
        _census("first:female").get(word.upper(), 0.0),
    )
    if male == female:
        return ""
    return "Masc" if male > female else "Fem"


_TITLES = {"mr": "Masc", "mrs": "Fem", "ms": "Fem", "miss": "Fem", "sir": "Masc"}


@cache
def _census(kind: str) -> dict[str, float]:
    """name -> percent of the census population of that sex (``names``' bundled lists)."""
    lines = Path(names.FILES[kind]).read_text(encoding="utf-8").splitlines()
    return {f[0]: float(f[1]) for f in (line.split() for line in lines) if len(f) > 1}
