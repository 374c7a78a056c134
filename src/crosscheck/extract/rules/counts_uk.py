"""Ukrainian count words: every case form of the cardinals (the apostrophe folded to '),
collectives (двоє, п'ятеро, обох), десяток/сотня/тисяча as nouns, modifiers, and the context
that makes a number a non-count.

"сьома" is left out of the cardinals on purpose: it is also the feminine ordinal "seventh"
("о сьомій"), and "сімома" covers the instrumental.
"""

from __future__ import annotations

from crosscheck.extract.numerals import Kind, Numeral
from crosscheck.extract.rules import Lexicon, Words


def _forms(value: int, words: str, slot: int = 1) -> dict[str, Numeral]:
    return dict.fromkeys(words.split(), Numeral(value, slot=slot))


def _soft(value: int, stem: str, slot: int, nominative: str = "ь") -> dict[str, Numeral]:
    """Numerals declined like "п'ять": -ь, -и, -ьох, -ьом, -ьма, -ьома."""
    ends = (nominative, "и", "ьох", "ьом", "ьма", "ьома")
    return _forms(value, " ".join(stem + end for end in ends), slot)


def _noun(
    value: int, kind: Kind, singular: str, plural: str, vague: str | None
) -> dict[str, Numeral]:
    """Singular forms stand alone ("понад сотню"); plural forms alone are the vague word."""
    return {
        **{w: Numeral(value, kind) for w in singular.split()},
        **{w: Numeral(value, kind, alone=False, vague=vague) for w in plural.split()},
    }


_TEENS = "одинадцят дванадцят тринадцят чотирнадцят п'ятнадцят шістнадцят сімнадцят "
_TEENS += "вісімнадцят дев'ятнадцят"
_COLLECTIVE = "двоє троє четверо п'ятеро шестеро семеро восьмеро дев'ятеро десятеро"

NUMERALS: dict[str, Numeral] = {
    **_forms(0, "нуль нуля нулю нулеві нулем нулі"),
    **_forms(
        1, "один одна одне одно одного одної однієї одному однім одній одним одною однією одну"
    ),
    **_forms(2, "два дві двох двом двома обидва обидві обоє обох обом обома"),
    **_forms(3, "три трьох трьом трьома"),
    **_forms(4, "чотири чотирьох чотирьом чотирма"),
    **_soft(5, "п'ят", 1),
    **_forms(6, "шість шести шістьох шістьом шістьма шістьома"),
    **_forms(7, "сім семи сімох сімом сімома"),
    **_forms(8, "вісім восьми вісьмох вісьмом вісьма вісьмома"),
    **_soft(9, "дев'ят", 1),
    **_soft(10, "десят", 2),
    **{k: v for i, stem in enumerate(_TEENS.split()) for k, v in _soft(11 + i, stem, 2).items()},
    **_soft(20, "двадцят", 2),
    **_soft(30, "тридцят", 2),
    **_forms(40, "сорок сорока", 2),
    **_soft(50, "п'ятдесят", 2, nominative=""),
    **_soft(60, "шістдесят", 2, nominative=""),
    **_soft(70, "сімдесят", 2, nominative=""),
    **_soft(80, "вісімдесят", 2, nominative=""),
    **_forms(90, "дев'яносто дев'яноста", 2),
    **_forms(100, "сто ста", 3),
    **_forms(200, "двісті двохсот двомстам двомастами двохстах", 3),
    **_forms(300, "триста трьохсот трьомстам трьомастами трьохстах трьохста", 3),
    **_forms(400, "чотириста чотирьохсот чотирьомстам чотирмастами чотирьохстах чотирьохста", 3),
    **_forms(500, "п'ятсот п'ятисот п'ятистам п'ятьмастами п'ятьомастами п'ятистах п'ятиста", 3),
    **_forms(600, "шістсот шестисот шестистам шістьмастами шістьомастами шестистах шестиста", 3),
    **_forms(700, "сімсот семисот семистам сімомастами сьомастами семистах семиста семистами", 3),
    **_forms(
        800,
        "вісімсот восьмисот восьмистам вісьмомастами вісьмастами восьмастами восьмистах"
        " восьмиста восьмистами",
        3,
    ),
    **_forms(
        900,
        "дев'ятсот дев'ятисот дев'ятистам дев'ятьмастами дев'ятьомастами"
        " дев'ятистах дев'ятиста дев'ятистами",
        3,
    ),  # fmt: skip
    # Collectives: only the nominative differs; the other cases are the cardinal's (п'ятьох).
    **{word: Numeral(n) for n, word in enumerate(_COLLECTIVE.split(), start=2)},
    "півтора": Numeral(3, Kind.HALF),
    "півтори": Numeral(3, Kind.HALF),
    **_noun(
        10,
        Kind.MULT,
        "десяток десятка десятку десяткові десятком десятці",
        "десятки десятків десяткам десятками десятках",
        "tens",
    ),  # fmt: skip
    **_noun(12, Kind.MULT, "дюжина дюжину дюжиною дюжині", "дюжини дюжин", "dozens"),
    **_noun(100, Kind.MULT, "сотня сотню сотнею", "сотень сотням сотнями сотнях", "hundreds"),
    # "сотні"/"тисячі": genitive singular and nominative plural, as in Russian.
    "сотні": Numeral(100, Kind.MULT, vague="hundreds"),
    **_noun(
        1000, Kind.SCALE, "тисяча тисячу тисячею тис", "тисяч тисячам тисячами тисячах", "thousands"
    ),  # fmt: skip
    "тисячі": Numeral(1000, Kind.SCALE, vague="thousands"),
    **_noun(
        10**6,
        Kind.SCALE,
        "мільйон мільйона мільйону мільйонові мільйоном мільйоні млн",
        "мільйони мільйонів мільйонам мільйонами мільйонах",
        None,
    ),  # fmt: skip
    **_noun(
        10**9,
        Kind.SCALE,
        "мільярд мільярда мільярду мільярдом мільярді млрд",
        "мільярди мільярдів мільярдам мільярдами мільярдах",
        None,
    ),  # fmt: skip
}

VAGUE: dict[Words, str] = {
    **{
        (w,): "few"
        for w in [
            "кілька",
            "кількох",
            "кільком",
            "кількома",
            "декілька",
            "декількох",
            "декільком",
            "декількома",
        ]
    },  # fmt: skip
    **{
        (w,): "many"
        for w in ["багато", "багатьох", "багатьом", "багатьма", "чимало", "численні", "численних"]
    },  # fmt: skip
}

MODIFIERS: dict[Words, str] = {
    **dict.fromkeys(
        [
            ("понад",),
            ("більше",),
            ("більш",),
            ("більш", "як"),
            ("більш", "ніж"),
            ("більше", "ніж"),
            ("більше", "як"),
        ],
        "more_than",
    ),  # fmt: skip
    **dict.fromkeys(
        [
            ("щонайменше",),
            ("щонайменш",),
            ("не", "менше"),
            ("не", "менш"),
            ("не", "менше", "ніж"),
            ("не", "менш", "як"),
            ("не", "менш", "ніж"),
            ("принаймні",),
            ("як", "мінімум"),
            ("мінімум",),
        ],
        "at_least",
    ),  # fmt: skip
    **dict.fromkeys(
        [
            ("не", "більше"),
            ("не", "більш"),
            ("не", "більше", "ніж"),
            ("не", "більш", "як"),
            ("щонайбільше",),
            ("максимум",),
            ("як", "максимум"),
        ],
        "at_most",
    ),  # fmt: skip
    **dict.fromkeys(
        [("менше",), ("менш",), ("менше", "ніж"), ("менш", "ніж"), ("менш", "як")], "less_than"
    ),  # fmt: skip
    **dict.fromkeys([("до",), ("аж", "до")], "up_to"),
    **dict.fromkeys(
        [("близько",), ("приблизно",), ("орієнтовно",), ("порядку",), ("десь",), ("прибл", ".")],
        "about",
    ),  # fmt: skip
    **dict.fromkeys([("майже",), ("без", "малого"), ("трохи", "менше")], "nearly"),
}

POSTFIX: dict[Words, str] = {
    ("+",): "at_least",
    **dict.fromkeys([("з", "гаком"), ("з", "лишком"), ("з", "лишнім")], "more_than"),
    **dict.fromkeys(
        [("і", "більше"), ("та", "більше"), ("й", "більше"), ("або", "більше"), ("чи", "більше")],
        "at_least",
    ),  # fmt: skip
}

_MONTHS = (
    r"(?:січ|берез|квіт|трав|черв|лип|серп|верес|жовт)(?:ня|ень|ні)|лют(?:ого|ий|ому)"
    r"|листопад(?:а|і)?|груд(?:ня|ень|ні)"
)
_ORDINAL_STEMS = (
    "перш друг трет четверт п'ят шост сьом восьм дев'ят десят " + _TEENS + " двадцят тридцят"
    " сороков п'ятдесят шістдесят сімдесят вісімдесят дев'яност сот двохсот трьохсот"
    " чотирьохсот п'ятисот шестисот семисот восьмисот дев'ятисот тисячн мільйонн"
)

LEXICON = Lexicon(
    numerals=NUMERALS,
    vague=VAGUE,
    modifiers=MODIFIERS,
    postfix=POSTFIX,
    openers={("від",): frozenset({"до", "-"}), ("між",): frozenset({"і", "та", "й"})},
    joins=frozenset({"-", "або", "чи"}),
    changes=frozenset({"з", "із", "зі"}),
    change_joins=frozenset({"до", "по"}),
    and_words=frozenset(),
    of_words=frozenset(),
    needs_of=frozenset(),
    not_after={w: frozenset({"ні", "жоден"}) for w in ("один", "одна", "одне", "одного")},
    year_preps=frozenset(["в", "у", "з", "із", "зі", "після", "від", "протягом"]),
    ordinal=rf"(?:{'|'.join(_ORDINAL_STEMS.split())})"
    r"(?:ий|ій|а|я|е|є|ого|ього|ому|ьому|ім|им|у|ю|і|их|іх|ими|ої|ою|ьої)",
    left={
        "identifier": r"№|\bв\s*/\s*ч|\bномер\w*|\bст\.|\bч\.|\bп\.|\bстатт\w*|\bпункт\w*"
        r"|\bбудин\w*|\bбуд\.|\bкв\.|\bквартир\w*|\bкорпус\w*|\bрейс\w*|\bмаршрут\w*"
        r"|\bтрас\w*|\bверсі\w*|\bтел\.?|\bтелефон\w*|\bвійськов\w*\s+частин\w*"
        r"|\b(?:за)?телефонува\w*|\b(?:по)?дзвонил\w*",  # "зателефонували 112"
        "age": r"\bу\s+віці|\bвіком",
        "date": rf"\b(?:{_MONTHS})",
    },
    right={
        "percent": r"відсот\w*|відс\.?|процент\w*",
        "money": r"грн|гривн\w*|гривень|гривні|долар\w*|дол|євро|рубл\w*|руб",
        "age": r"річн\w*",
        "year": r"рік|року|році|роки|р|рр",
        "date": _MONTHS,
        "time": r"ранку|вечора|ночі",
        "measure": r"км|кілометр\w*|м|метр\w*|мм|міліметр\w*|см|кг|кілограм\w*|т|тонн\w*"
        r"|годин\w*|год|хвилин\w*|хв|секунд\w*|діб|доб\w*|дн(?:і|ів|ям|ями|ях)|день|тижн\w*"
        r"|тиждень|місяц\w*|міс|рок\w*|рік|літ|р|рр|річчя|гектар\w*|га|градус\w*|°",
        "frequency": r"раз|рази|разів",
    },
)
