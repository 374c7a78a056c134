"""English count words: cardinals, modifiers, vague quantities and the context that makes a
number something other than a count (a year, a price, a calibre)."""

from __future__ import annotations

from crosscheck.extract.numerals import Kind, Numeral
from crosscheck.extract.rules import Lexicon, Words

_UNITS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
_TEENS = [
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
]
_TENS = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]

NUMERALS: dict[str, Numeral] = {
    **{word: Numeral(value) for value, word in enumerate(_UNITS)},
    **{word: Numeral(10 + i, slot=2) for i, word in enumerate(_TEENS)},
    **{word: Numeral(20 + 10 * i, slot=2) for i, word in enumerate(_TENS)},
    "a": Numeral(1, Kind.ARTICLE),
    "an": Numeral(1, Kind.ARTICLE),
    "half": Numeral(1, Kind.HALF),
    "hundred": Numeral(100, Kind.MULT, alone=False),
    "dozen": Numeral(12, Kind.MULT, alone=False),
    "thousand": Numeral(1000, Kind.SCALE, alone=False),
    "million": Numeral(10**6, Kind.SCALE, alone=False),
    "billion": Numeral(10**9, Kind.SCALE, alone=False),
    # Plurals never start a number ("hundreds" is vague) but scale a vague word before them:
    # "tens of thousands", "several dozen".
    "tens": Numeral(10, Kind.MULT, alone=False, vague="tens"),
    "dozens": Numeral(12, Kind.MULT, alone=False, vague="dozens"),
    "hundreds": Numeral(100, Kind.MULT, alone=False, vague="hundreds"),
    "thousands": Numeral(1000, Kind.SCALE, alone=False, vague="thousands"),
    "millions": Numeral(10**6, Kind.SCALE, alone=False),
}

VAGUE: dict[Words, str] = {
    ("several",): "several",
    ("multiple",): "several",
    ("many",): "many",
    ("numerous",): "many",
    ("scores",): "scores",
    ("a", "few"): "few",
    ("a", "handful"): "few",
    ("a", "couple"): "couple",
}

MODIFIERS: dict[Words, str] = {
    **dict.fromkeys(
        [
            ("more", "than"),
            ("over",),
            ("above",),
            ("in", "excess", "of"),
            ("upwards", "of"),
            ("greater", "than"),
            (">",),
        ],
        "more_than",
    ),  # fmt: skip
    **dict.fromkeys(
        [
            ("at", "least"),
            ("no", "fewer", "than"),
            ("no", "less", "than"),
            ("not", "less", "than"),
            ("not", "fewer", "than"),
            ("a", "minimum", "of"),
            ("≥",),
            (">", "="),
        ],
        "at_least",
    ),  # fmt: skip
    **dict.fromkeys(
        [
            ("at", "most"),
            ("no", "more", "than"),
            ("not", "more", "than"),
            ("a", "maximum", "of"),
            ("≤",),
            ("<", "="),
        ],
        "at_most",
    ),  # fmt: skip
    **dict.fromkeys([("less", "than"), ("fewer", "than"), ("<",)], "less_than"),
    **dict.fromkeys([("up", "to"), ("as", "many", "as")], "up_to"),
    **dict.fromkeys(
        [
            ("about",),
            ("around",),
            ("roughly",),
            ("some",),
            ("approximately",),
            ("approx",),
            ("approx", "."),
            ("circa",),
            ("ca", "."),
            ("an", "estimated"),
            ("estimated",),
            ("~",),
            ("≈",),
        ],
        "about",
    ),  # fmt: skip
    **dict.fromkeys(
        [
            ("nearly",),
            ("almost",),
            ("close", "to"),
            ("just", "under"),
            ("just", "short", "of"),
            ("just", "shy", "of"),
        ],
        "nearly",
    ),  # fmt: skip
}

POSTFIX: dict[Words, str] = {
    ("or", "more"): "at_least",
    ("and", "more"): "at_least",
    ("+",): "at_least",
    ("-", "plus"): "at_least",
    ("-", "odd"): "at_least",
    ("odd",): "at_least",
    ("or", "so"): "about",
    ("or", "fewer"): "at_most",
    ("or", "less"): "at_most",
}

_MONTHS = (
    r"(?-i:(?:January|February|March|April|May|June|July|August|September|October|November"
    r"|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\b\.?)"
)

LEXICON = Lexicon(
    numerals=NUMERALS,
    vague=VAGUE,
    modifiers=MODIFIERS,
    postfix=POSTFIX,
    openers={("between",): frozenset({"and", "-", "to"})},
    joins=frozenset({"-", "to", "or"}),
    changes=frozenset({"from"}),
    change_joins=frozenset({"to"}),
    and_words=frozenset({"and"}),
    of_words=frozenset({"of"}),
    needs_of=frozenset({"scores", "tens"}),
    not_after={
        "one": frozenset(["no", "the", "this", "that", "every", "any", "each", "which", "such"]),
        "many": frozenset(["how", "so", "too", "as", "not"]),
    },
    year_preps=frozenset(
        ["in", "since", "during", "until", "till", "by", "before", "after", "of", "the", "from"]
    ),
    ordinal=r"first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh"
    r"|twelfth|\w+teenth|\w+tieth|hundredth|thousandth|millionth",
    left={
        "money": r"[$€£₴₽]|\b(?:usd|uah|eur|rub|gbp|us\$)",
        "identifier": r"№|#|\bno\.|\bnr\.?|\bnumber|\bart\.|\barticle|\bsection|\bparagraph"
        r"|\bpage|\bpp?\.|\bflight|\broute|\bhighway|\bversion|\bver\.|\bphone|\btel\.?"
        r"|channel|\bch\.|(?-i:\b(?:Road|Rd|Interstate|Suite|Apt|Room|Exit)\.?)"
        r"|(?-i:\b(?:News|Fox|ABC|CBS|NBC|CW))"  # broadcasters: "KSLA News 12", "Fox 59"
        r"|\bcall(?:ed|ing|s)?|\bdial(?:l?ed|l?ing|s)?",  # "called 911"
        "age": r"\b(?:aged|age|ages)",
        "date": _MONTHS,
    },
    right={
        "percent": r"%|‰|percent|per\s?cent|pct",
        "money": r"[$€£₴₽]|(?:us\s)?dollars?|euros?|pounds?|hryvni?as?|hryvnyas?|rubles?"
        r"|roubles?|usd|uah|eur|rub|gbp",
        "age": r"years?[\s-]+old|years?\s+of\s+age",
        "year": r"ad|ce|bce?",
        "date": _MONTHS,
        "time": r"[ap]\.?m\b\.?|o'clock",
        "measure": r"km|kms|kilomet(?:er|re)s?|mi|miles?|m|met(?:er|re)s?|mm|cm"
        r"|millimet(?:er|re)s?|kg|kilo(?:gram)?s?|lbs?|t|tons?|tonnes?|hours?|hrs?|h"
        r"|minutes?|mins?|seconds?|secs?|days?|nights?|weeks?|months?|years?|yrs?|decades?"
        r"|centuries|ha|hectares?|sq|square|acres?|feet|foot|ft|inch(?:es)?|knots?|kts?"
        r"|degrees?|°|mph|kph|km/h|calib(?:er|re)",
        "frequency": r"times",
        # an address: "the 300 block of", "1815 S. Grand St.", "818 31st St." (capitals matter)
        "identifier": r"block|(?-i:(?:[NSEW]\.?(?:[NSEW]\.)?\s+)?(?:(?:[A-Z][\w'’-]*|\d+(?:st|nd|rd"
        r"|th))\s+){1,3}(?:St|Street|Ave"
        r"|Avenue|Rd|Road|Blvd|Boulevard|Dr|Drive|Ln|Lane|Way|Ct|Court|Pl|Place|Pkwy|Parkway"
        r"|Hwy|Highway|Ter|Terrace|Cir|Circle))",
    },
)
