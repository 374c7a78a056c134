"""Russian count words: every case form of the cardinals, collectives (двое, пятеро, обоих),
десяток/сотня/тысяча as nouns, modifiers and the context that makes a number a non-count.

Forms are spelled with е for ё (lookups fold ё). "семью" counts only inside a compound
("двадцатью семью"): on its own it is far more often "family" (accusative) than "seven".
"""

from __future__ import annotations

from crosscheck.extract.numerals import Kind, Numeral
from crosscheck.extract.rules import Lexicon, Words


def _forms(value: int, words: str, slot: int = 1) -> dict[str, Numeral]:
    return dict.fromkeys(words.split(), Numeral(value, slot=slot))


def _soft(value: int, stem: str, slot: int) -> dict[str, Numeral]:
    """Numerals declined like "пять": -ь, -и, -ью."""
    return _forms(value, f"{stem}ь {stem}и {stem}ью", slot)


def _noun(
    value: int, kind: Kind, singular: str, plural: str, vague: str | None
) -> dict[str, Numeral]:
    """десяток/сотня/тысяча: singular forms may stand alone ("более сотни" = over a hundred);
    plural forms alone are the vague word ("сотни людей" = hundreds of people)."""
    return {
        **{w: Numeral(value, kind) for w in singular.split()},
        **{w: Numeral(value, kind, alone=False, vague=vague) for w in plural.split()},
    }


_TEENS = "одиннадцат двенадцат тринадцат четырнадцат пятнадцат шестнадцат семнадцат "
_TEENS += "восемнадцат девятнадцат"
_COLLECTIVE = "дво тро четвер пятер шестер семер восьмер девятер десятер"

NUMERALS: dict[str, Numeral] = {
    **_forms(0, "ноль нуль ноля нуля нолю нулю нолем нулем ноле нуле"),
    **_forms(1, "один одна одно одного одной одному одним одном одну одною"),
    **_forms(2, "два две двух двум двумя оба обе обоих обеих обоим обеим обоими обеими обоего"),
    **_forms(3, "три трех трем тремя"),
    **_forms(4, "четыре четырех четырем четырьмя"),
    **_soft(5, "пят", 1),
    **_soft(6, "шест", 1),
    **_forms(7, "семь семи"),
    "семью": Numeral(7, alone=False),
    **_forms(8, "восемь восьми восемью восьмью"),
    **_soft(9, "девят", 1),
    **_soft(10, "десят", 2),
    **{k: v for i, stem in enumerate(_TEENS.split()) for k, v in _soft(11 + i, stem, 2).items()},
    **_soft(20, "двадцат", 2),
    **_soft(30, "тридцат", 2),
    **_forms(40, "сорок сорока", 2),
    **_forms(50, "пятьдесят пятидесяти пятьюдесятью", 2),
    **_forms(60, "шестьдесят шестидесяти шестьюдесятью", 2),
    **_forms(70, "семьдесят семидесяти семьюдесятью", 2),
    **_forms(80, "восемьдесят восьмидесяти восемьюдесятью восьмьюдесятью", 2),
    **_forms(90, "девяносто девяноста", 2),
    **_forms(100, "сто ста", 3),
    **_forms(200, "двести двухсот двумстам двумястами двухстах", 3),
    **_forms(300, "триста трехсот тремстам тремястами трехстах", 3),
    **_forms(400, "четыреста четырехсот четыремстам четырьмястами четырехстах", 3),
    **_forms(500, "пятьсот пятисот пятистам пятьюстами пятистах", 3),
    **_forms(600, "шестьсот шестисот шестистам шестьюстами шестистах", 3),
    **_forms(700, "семьсот семисот семистам семьюстами семистах", 3),
    **_forms(800, "восемьсот восьмисот восьмистам восемьюстами восьмьюстами восьмистах", 3),
    **_forms(900, "девятьсот девятисот девятистам девятьюстами девятистах", 3),
    # Collectives: двое, двоих, двоим, двоими ... десятеро.
    **{
        f"{stem}{end}": Numeral(n)
        for n, stem in enumerate(_COLLECTIVE.split(), start=2)
        for end in (
            "е" if n < 4 else "о",
            "их" if n < 4 else "ых",
            "им" if n < 4 else "ым",
            "ими" if n < 4 else "ыми",
        )
    },  # fmt: skip
    "полтора": Numeral(3, Kind.HALF),
    "полторы": Numeral(3, Kind.HALF),
    "полутора": Numeral(3, Kind.HALF),
    **_noun(
        10,
        Kind.MULT,
        "десяток десятка десятку десятком десятке",
        "десятки десятков десяткам десятками десятках",
        "tens",
    ),  # fmt: skip
    **_noun(12, Kind.MULT, "дюжина дюжину дюжиной дюжине", "дюжины дюжин", "dozens"),
    **_noun(
        100, Kind.MULT, "сотня сотню сотней сотнею сотне", "сотен сотням сотнями сотнях", "hundreds"
    ),  # fmt: skip
    # "сотни"/"тысячи" are both genitive singular and nominative plural: alone they are vague,
    # after a modifier ("более сотни") or a number ("три тысячи") they are a hundred/thousand.
    "сотни": Numeral(100, Kind.MULT, vague="hundreds"),
    **_noun(
        1000,
        Kind.SCALE,
        "тысяча тысячу тысячей тысячею тысячью тысяче тыс тыща тыщу тыщей тыщею тыще",
        "тысяч тысячам тысячами тысячах тыщ тыщам тыщами тыщах",
        "thousands",
    ),  # fmt: skip
    "тысячи": Numeral(1000, Kind.SCALE, vague="thousands"),
    "тыщи": Numeral(1000, Kind.SCALE, vague="thousands"),
    # "несколько сот": the genitive plural of сто, only ever after another word.
    "сот": Numeral(100, Kind.MULT, alone=False),
    **_noun(
        10**6,
        Kind.SCALE,
        "миллион миллиона миллиону миллионом миллионе млн",
        "миллионы миллионов миллионам миллионами миллионах",
        None,
    ),  # fmt: skip
    **_noun(
        10**9,
        Kind.SCALE,
        "миллиард миллиарда миллиарду миллиардом миллиарде млрд",
        "миллиарды миллиардов миллиардам миллиардами миллиардах",
        None,
    ),  # fmt: skip
}

VAGUE: dict[Words, str] = {
    **{(w,): "few" for w in ["несколько", "нескольких", "нескольким", "несколькими"]},
    **{(w,): "many" for w in ["много", "многие", "многих", "многим", "многими", "множество"]},
}

MODIFIERS: dict[Words, str] = {
    **dict.fromkeys(
        [("более",), ("больше",), ("свыше",), ("более", "чем"), ("больше", "чем")], "more_than"
    ),  # fmt: skip
    **dict.fromkeys(
        [
            ("не", "менее"),
            ("не", "меньше"),
            ("не", "менее", "чем"),
            ("не", "меньше", "чем"),
            ("по", "меньшей", "мере"),
            ("по", "крайней", "мере"),
            ("как", "минимум"),
            ("минимум",),
        ],
        "at_least",
    ),  # fmt: skip
    **dict.fromkeys(
        [
            ("не", "более"),
            ("не", "больше"),
            ("не", "более", "чем"),
            ("максимум",),
            ("как", "максимум"),
        ],
        "at_most",
    ),  # fmt: skip
    **dict.fromkeys([("менее",), ("меньше",), ("менее", "чем"), ("меньше", "чем")], "less_than"),
    **dict.fromkeys([("до",), ("вплоть", "до")], "up_to"),
    **dict.fromkeys(
        [
            ("около",),
            ("порядка",),
            ("примерно",),
            ("приблизительно",),
            ("ориентировочно",),
            ("где", "-", "то"),
            ("прибл", "."),
        ],
        "about",
    ),  # fmt: skip
    **dict.fromkeys(
        [("почти",), ("без", "малого"), ("чуть", "менее"), ("чуть", "меньше")], "nearly"
    ),
}

POSTFIX: dict[Words, str] = {
    ("+",): "at_least",
    **dict.fromkeys(
        [("с", "лишним"), ("с", "небольшим"), ("с", "гаком")], "more_than"
    ),  # fmt: skip
    **dict.fromkeys(
        [("и", "более"), ("и", "больше"), ("или", "более"), ("или", "больше")], "at_least"
    ),
}

_MONTHS = (
    r"(?:январ|феврал|апрел|июн|июл|сентябр|октябр|ноябр|декабр)(?:ь|я|е)|мая|май|мае"
    r"|марта?|марте|августа?|августе"
)
_ORDINAL_STEMS = (
    "перв втор четверт пят шест седьм восьм девят десят "
    + _TEENS
    + " двадцат тридцат сороков пятидесят шестидесят семидесят восьмидесят девяност сот"
    " двухсот трехсот четырехсот пятисот шестисот семисот восьмисот девятисот тысячн миллионн"
)

LEXICON = Lexicon(
    numerals=NUMERALS,
    vague=VAGUE,
    modifiers=MODIFIERS,
    postfix=POSTFIX,
    openers={("от",): frozenset({"до", "-"}), ("между",): frozenset({"и"})},
    joins=frozenset({"-", "или"}),
    changes=frozenset({"с", "со"}),
    change_joins=frozenset({"до", "по"}),
    and_words=frozenset(),
    of_words=frozenset(),
    needs_of=frozenset(),
    not_after={w: frozenset({"ни"}) for w in ("один", "одна", "одно", "одного", "одной")},
    year_preps=frozenset(["в", "во", "с", "со", "после", "к", "по"]),
    ordinal=rf"(?:{'|'.join(_ORDINAL_STEMS.split())})"
    r"(?:ый|ой|ий|ая|ое|ого|ому|ым|ом|ую|ые|ых|ыми)"
    r"|трет(?:ий|ья|ье|ьего|ьему|ьим|ьем|ью|ьи|ьих|ьими|ьей)",
    left={
        "identifier": r"№|\bв\s*/\s*ч|\bномер\w*|\bст\.|\bч\.|\bп\.|\bстать\w*|\bпункт\w*"
        r"|\bдом|\bд\.|\bкв\.|\bквартир\w*|\bкорпус\w*|\bрейс\w*|\bмаршрут\w*|\bтрасс\w*"
        r"|\bверси\w*|\bтел\.?|\bтелефон\w*|\b(?:воинск|войсков)\w*\s+част\w*"
        r"|\b(?:по)?звонил\w*",  # "позвонили 112"
        "age": r"\bв\s+возрасте|\bвозрастом",
        "date": rf"\b(?:{_MONTHS})",
    },
    right={
        "percent": r"процент\w*|проц\.?",
        "money": r"грн|гривн\w*|гривен\w*|рубл\w*|руб|доллар\w*|долл|евро",
        "age": r"летн\w*|лет\s+от\s+роду",
        "year": r"год|года|году|годом|гг?",
        "date": _MONTHS,
        "time": r"утра|вечера|ночи",
        "measure": r"км|километр\w*|м|метр\w*|мм|миллиметр\w*|см|сантиметр\w*|кг|килограмм\w*"
        r"|т|тонн\w*|час|часа|часов|часу|ч|минут\w*|мин|секунд\w*|сек|сут(?:ок|ки|кам|ками)"
        r"|дн(?:я|ей|ям|ями|ях)|день|недел\w*|месяц\w*|мес|год|года|году|годом|лет|годы"
        r"|годам|годами|годах|гг?|летие|гектар\w*|га|градус\w*|°",
        "frequency": r"раз|раза",
    },
)
