"""Word tables for ``extract.claims``: the phrasings of the casualty kinds (killed, wounded,
missing, captured) in English, Russian and Ukrainian, written as ``rules/claim_cues.py`` says.
"""

from __future__ import annotations

from crosscheck.extract.rules.claim_cues import Cue, any_of
from crosscheck.model import ClaimKind

__all__ = ["CUES"]

K = ClaimKind

CUES: tuple[Cue, ...] = (
    # killed
    Cue(
        kind=K.KILLED,
        counted=True,
        pattern=any_of(
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
            r"mortally (?:wounded|injured)",
            r"passed away",
            r"gunned down",
            r"застрел\w*",
        ),
    ),  # fmt: skip
    # words that carry their toll: "a fatal shooting" (at least one dead), "a double homicide"
    Cue(
        kind=K.KILLED,
        counted=True,
        implies=(1, None, None),
        pattern=any_of(
            r"(?:fatal|deadly) (?:shootings?|stabbings?|attacks?|incidents?|encounters?)",
            r"со смертельным исходом",
            r"зі смертельним наслідком",
        ),
    ),  # fmt: skip
    *(
        Cue(
            kind=K.KILLED,
            counted=True,
            implies=(n, n, n),
            pattern=any_of(
                rf"{en} (?:homicide|murder|killing|slaying)s?",
                rf"{ru}\w* убийств\w*",
                rf"{uk}\w* вбивств\w*",
            ),  # fmt: skip
        )
        for n, en, ru, uk in (
            (2, "double", "двойн", "подвійн"),
            (3, "triple", "тройн", "потрійн"),
        )
    ),
    Cue(kind=K.KILLED, counted=True, implies=(2, None, None), pattern=any_of(r"murder-suicide")),
    Cue(
        kind=K.KILLED,
        counted=True,
        needs_count=True,
        pattern=any_of(
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
        pattern=any_of(
            r"(?<!fatally )(?<!mortally )wounded",
            r"wounding",
            r"(?<!fatally )(?<!mortally )injured",
            r"injuring",
            r"hurt",
            r"hospitali[sz]ed",
            r"in (?:critical|stable|serious|fair|good) condition",
            r"non-life-threatening",
            r"(?:suffered|sustained|has|had|have) (?:\w+ ){0,2}injur(?:y|ies)",
            r"госпитализирован\w*",
            r"госпіталізован\w*",
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
    # hit, the outcome open: "was shot" (if he died, the text says so elsewhere)
    Cue(
        kind=K.WOUNDED,
        counted=True,
        open_fate=True,
        pattern=any_of(
            r"shot(?! (?:at|into|toward|towards|up|out|down|off|back|through|dead|to death)\b)",
            r"(?:struck|hit) by (?:a |an )?(?:stray )?(?:bullets?|gunfire|gunshots?|shots?)",
            r"(?:suffered|sustained|received|with) (?:a |an )?(?:[\w-]+ ){0,2}"
            r"(?:gunshot|bullet|stab) wounds?",
            r"(?:taken|transported|rushed|airlifted|flown) to (?:a |an |the )?(?:\w+ ){0,3}"
            r"(?:hospital|trauma cent(?:er|re))",
            r"подстрел\w*",
            r"підстрел\w*",
            r"(?:доставлен|доставил|отвез|увез)\w* в (?:\w+ ){0,2}"
            r"(?:больниц|госпитал|реанимаци)\w*",
            r"(?:доставлен|доставил|відвез|забрал)\w* (?:до|в|у) (?:\w+ ){0,2}"
            r"(?:лікарн|шпитал|госпітал|реанімаці)\w*",
        ),
    ),  # fmt: skip
    Cue(
        kind=K.WOUNDED,
        counted=True,
        needs_count=True,
        pattern=any_of(
            r"injuries",
            r"ранени\w*",
            r"поранен\w*",
        ),
    ),  # fmt: skip
    # missing
    Cue(
        kind=K.MISSING,
        counted=True,
        pattern=any_of(
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
        pattern=any_of(
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
)
