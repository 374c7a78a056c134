"""Military units in EN/RU/UK: numbered formations, unit codes and named groups.

A unit's canonical form is English and keeps its number and type, so that "37th Motor Rifle
Brigade", "37-я мотострелковая бригада" and "37-й омсбр" all read "37th ... Brigade" and can be
linked across languages. Stems are matched at the start of a lower-cased word (Russian and
Ukrainian adjectives and nouns inflect); ё is folded to е before matching.
"""

from __future__ import annotations

import re

__all__ = ["ABBREVIATIONS", "CODES", "MODIFIERS", "NAMED", "NUMBERED", "TYPES"]

#: stem of a Russian/Ukrainian unit noun, or an English one -> English type
TYPES: dict[str, str] = {
    "бригад": "Brigade", "полк": "Regiment", "батальон": "Battalion", "дивизи": "Division",
    "дивізі": "Division", "арми": "Army", "армі": "Army", "корпус": "Corps", "рот": "Company",
    "brigade": "Brigade", "regiment": "Regiment", "battalion": "Battalion",
    "division": "Division", "army": "Army", "corps": "Corps", "company": "Company",
    "detachment": "Detachment", "отряд": "Detachment", "загон": "Detachment",
}  # fmt: skip

#: stem of a modifier -> its English words (longest stems first when matching)
MODIFIERS: dict[str, str] = {
    "мотострелк": "Motor Rifle", "мотострілец": "Motor Rifle", "механизир": "Mechanized",
    "механізов": "Mechanized", "десантно-штурмов": "Air Assault", "десантн": "Airborne",
    "штурмов": "Assault", "танков": "Tank", "артиллер": "Artillery", "артилер": "Artillery",
    "гвардейск": "Guards", "гвардійськ": "Guards", "отдельн": "Separate", "окрем": "Separate",
    "морск": "Marine", "морськ": "Marine", "пехот": "", "піхот": "", "стрелков": "Rifle",
    "стрілец": "Rifle", "разведыват": "Reconnaissance", "розвідув": "Reconnaissance",
    "президентськ": "Presidential", "горно": "Mountain", "гірсько": "Mountain",
    "territorial": "Territorial Defence", "тро": "Territorial Defence",
    "територіальн": "Territorial Defence", "оборон": "",
}  # fmt: skip

#: abbreviations -> (modifiers, type)
ABBREVIATIONS: dict[str, tuple[str, str]] = {
    "омсбр": ("Separate Motor Rifle", "Brigade"), "мсбр": ("Motor Rifle", "Brigade"),
    "мсп": ("Motor Rifle", "Regiment"), "мсд": ("Motor Rifle", "Division"),
    "омбр": ("Separate Mechanized", "Brigade"), "одшбр": ("Separate Air Assault", "Brigade"),
    "дшбр": ("Air Assault", "Brigade"), "обрмп": ("Separate Marine", "Brigade"),
    "омпбр": ("Separate Motorized Infantry", "Brigade"), "ошбр": ("Separate Assault", "Brigade"),
    "обртро": ("Separate Territorial Defence", "Brigade"), "дшп": ("Air Assault", "Regiment"),
    "гв": ("Guards", ""), "ombr": ("Separate Mechanized", "Brigade"),
}  # fmt: skip

_ORDINAL = r"(?P<number>\d{1,4})(?:\s*(?:st|nd|rd|th)|\s*-\s*[а-яёіїє]{1,3})?"
_ENGLISH_WORDS = r"(?:(?:[A-Z][a-z]+|[a-z]+)[\s-]+){0,4}?"
_CYRILLIC_WORDS = r"(?:[а-яёіїєґ-]+\s+){0,3}?"

#: a numbered formation: number, up to four modifier words, a unit noun (and "морской пехоты")
NUMBERED = re.compile(
    rf"\b{_ORDINAL}\s+(?P<words>{_ENGLISH_WORDS}|{_CYRILLIC_WORDS})"
    r"(?P<type>brigade|regiment|battalion|division|army|corps|company|detachment|"
    r"бригад[аыеуой]*|полк[аеуом]*|батальон[аеуом]*|дивизи[яиюей]|дивізі[яїюєй]*|"
    r"арми[яиейю]|армі[яїюєй]|корпус[аеуом]*|рот[аыеуой]|отряд[аеуом]*|загон[уаом]*)"
    r"(?P<tail>\s+(?:морской|морської)\s+(?:пехоты|піхоти)|\s+(?:ВДВ|ВМФ|ЗСУ|ТрО))?"
    r"|\b(?P<anumber>\d{1,4})(?:\s*-\s*[а-яёіїє]{1,3})?\s*(?P<abbr>"
    r"омсбр|мсбр|мсп|мсд|омбр|одшбр|дшбр|обрмп|омпбр|ошбр|обртро|дшп|ОМБр|ОШБр|ОДШБр|ОМПБр)\b",
    re.IGNORECASE,
)

#: unit codes: "в/ч 12345", "військова частина А1234", "military unit 12345"
CODES = re.compile(
    r"(?:\bв/ч|\bвойсков\w+\s+част\w+|\bвійськов\w+\s+частин\w+|\bmilitary\s+unit)"
    r"\s*(?:№\s*)?(?P<code>[АA]?\d{4,5})\b",
    re.IGNORECASE,
)

#: named groups: "Storm-Z", "Шторм-Z", "ЧВК «Вагнер»", "Wagner Group", "Azov Regiment"
NAMED = re.compile(
    r"\b(?:Storm|Шторм)[- ]?[ZVЗ]\b"
    r"|\b(?:ЧВК|PMC)\s*[«\"“]?[A-ZА-ЯЁІЇЄ][\w-]+[»\"”]?"
    r"|\bWagner\s+Group\b|\b(?!The\b)[A-Z][a-z]+\s+(?:Regiment|Battalion|Brigade)\b"
)
