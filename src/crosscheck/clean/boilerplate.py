"""Site and channel boilerplate lines, recognised in English, Russian and Ukrainian.

``is_boilerplate(line)`` names why a whole line is not part of the story, checking families of
phrasing in this order (first match wins):

1. ``counter``: a bare number or a counted thing ("5", "1.2K views", "1 204 перегляди",
   "Комментарии: 17").
2. ``boilerplate``: a subscribe call addressed to the site ("SUBSCRIBE TO US!", "ПОДПИШИТЕСЬ НА
   НАС!"), comment widgets ("Loading comments...", "Завантаження коментарів..."), "read also"
   links ("Читайте також", "Related: ..."), cookie notices, advertisement labels, newsletter
   sign-ups, copyright lines, and rows made only of share buttons or footer links.
3. ``promo``: a channel promoting itself: a subscribe or join call that names a channel, a
   messenger or a handle ("Подписывайтесь на канал...", "Join our Telegram"), a bare
   "Підписуйтесь..." sign-off, or a line that is only a handle or a t.me link.

Dates are not decided here (``clean.dates`` reads them). Every pattern must match the *whole*
line, and lines longer than ``_LONGEST`` characters are never boilerplate, so a sentence that
merely mentions subscribing or cookies stays in the text.
"""

from __future__ import annotations

import re

__all__ = ["is_boilerplate", "split_trailing"]

_LONGEST = 200  # characters; boilerplate is short, prose is not
_FLAGS = re.IGNORECASE | re.DOTALL
_LEAD = r"[^\w@«\"(]*"  # bullets, emoji and arrows before a widget's label
_TAIL = r"[^\w]*"  # closing punctuation and emoji after it
_DOTS = r"(?:\.{2,3}|…)?"

_NUMBER = r"\d[\d .,]*(?:[kкmм]|тыс\.?|тис\.?|млн\.?)?"
_COUNTED = (
    r"(?:views?|comments?|likes?|shares?|reposts?|replies|reactions?|просмотр\w*|комментари\w*"
    r"|лайк\w*|репост\w*|ответ\w*|перегляд\w*|коментар\w*|вподобан\w*|поширен\w*|відповід\w*)"
)
_COUNTER = re.compile(
    rf"{_LEAD}(?:{_NUMBER}(?:\s*{_COUNTED})?|{_COUNTED}\s*:?\s*{_NUMBER}){_TAIL}", _FLAGS
)

_LOADING_COMMENTS = (
    r"(?:loading|load|show|view|hide|read|add|leave|post|write)(?: a| all| more| \d+)?"
    rf" comments?{_DOTS}"
    rf"|(?:загрузка|показать|скрыть|оставить|написать|добавить|все) комментари\w*{_DOTS}"
    rf"|(?:завантаження|показати|сховати|залишити|написати|додати|всі|усі) коментар\w*{_DOTS}"
)
_COMMENTS_WIDGET = rf"{_LOADING_COMMENTS}|(?:comments|комментарии|коментарі)(?: \(\d+\))?"
_SUBSCRIBE_CALL = (
    r"(?:please )?subscribe(?: now| here| for free)?(?: to us| to our (?:site|page|updates))?"
    r"|(?:підпишіться|підписуйтесь|підписуйтеся|подпишитесь|подписывайтесь|подпишись"
    r"|підпишись) на нас|підписатися|подписаться|follow us(?: on .{0,60})?"
)
_READ_ALSO = (
    r"(?:read (?:also|more)|see also|related(?: articles| stories| news)?|more on this"
    r"|читайте (?:также|тоже|також)|смотрите (?:также|тоже)|дивіться також|по теме"
    r"|за темою|новини за темою|новости по теме)(?:\s*[:\-–—]\s*.{0,160})?"
)
_COOKIES = (
    r"(?:we|this (?:web)?site|our (?:web)?site|the site|ми|мы|сайт|цей сайт|этот сайт"
    r"|наш сайт)\b.{0,60}\b(?:use|uses|використову\w*|использу\w*)\b.{0,30}"
    r"\b(?:cookies?|куки|кукі)\b.{0,200}"
    r"|by (?:using|continuing).{0,80}\bcookies?\b.{0,80}"
    r"|(?:accept|allow|agree)(?: all)?(?: cookies)?|ok,? got it|got it|погоджуюсь|згоден"
    r"|согласен|принять(?: все)?|прийняти(?: всі)?|(?:cookie|кукі|куки) (?:policy|settings)"
)
_ADVERTISING = (
    r"advertisement|advertising|sponsored(?: content)?|реклама|партнерський матеріал"
    r"|партнерский материал|на правах реклами|на правах рекламы"
)
_NEWSLETTER = (
    r"(?:sign up|subscribe|register)(?: now)? (?:for|to) (?:our |the )?(?:daily |weekly |free )?"
    r"(?:newsletters?|briefing|digest|updates|emails?)\b.{0,120}"
    r"|enter your e-?mail(?: address)?|newsletters?|розсилка|рассылка"
    r"|(?:підписатися|подписаться|підпишіться|подпишитесь) на (?:розсилку|рассылку)\b.{0,80}"
)
_COPYRIGHT = (
    r"(?:©|\(c\)|copyright\b).{0,200}"
    r"|.{0,120}\b(?:all rights reserved|усі права захищені|всі права захищені"
    r"|все права защищены)\b.{0,120}"
)
_NAVIGATION = (
    r"skip to (?:main )?content|back to top|перейти до (?:основного )?вмісту|наверх|вгору"
    r"|loading|завантаження|загрузка"
)
_BOILERPLATE = re.compile(
    rf"{_LEAD}(?:{_COMMENTS_WIDGET}|{_SUBSCRIBE_CALL}|{_READ_ALSO}|{_COOKIES}|{_ADVERTISING}"
    rf"|{_NEWSLETTER}|{_COPYRIGHT}|{_NAVIGATION}){_DOTS}{_TAIL}",
    _FLAGS,
)

_CHANNEL = r"(?:канал\w*|channel|telegram|телеграм\w*|t\.me/\S+|@\w+|youtube|viber|вайбер\w*)"
_CALL_VERB = (
    r"(?:subscribe|join|follow|подписывайтесь|подпишитесь|подпишись|присоединяйтесь"
    r"|підписуйтесь|підписуйтеся|підпишіться|підпишись|приєднуйтесь|приєднуйтеся)"
)
_PROMO = re.compile(
    rf"{_LEAD}(?:{_CALL_VERB}\b.{{0,60}}{_CHANNEL}.{{0,120}}"
    rf"|(?:подписывайтесь|подпишитесь|підписуйтесь|підписуйтеся|підпишіться)\b.{{0,80}}"
    rf"|(?:наш|our) {_CHANNEL}.{{0,120}}|@\w+|(?:https?://)?t\.me/\S+){_TAIL}",
    _FLAGS,
)

_AD_LABEL = re.compile(
    r"(?:#?реклама|#?advertisement|#?sponsored|#ad|на правах рекламы|партнерский материал"
    r"|партнерський матеріал)\b",
    re.IGNORECASE,
)

# A row of widget labels: share buttons, footer links, menu words.
_WIDGET = re.compile(
    r"share(?: on \w+)?|tweet|e-?mail|print|copy(?: link)?|facebook|twitter|x|telegram"
    r"|whatsapp|viber|linkedin|reddit|vk|вконтакте|одноклассники|поделиться|поділитися"
    r"|(?:скопировать|копировать|скопіювати|копіювати) (?:ссылку|посилання)|menu|меню"
    r"|search|пошук|поиск|privacy(?: policy)?|terms(?: of (?:use|service))?|contact(?: us)?"
    r"|contacts|about(?: us)?|cookie policy|політика конфіденційності|умови використання"
    r"|контакти|про нас|политика конфиденциальности|контакты|о нас",
    _FLAGS,
)
_WIDGET_SEPARATORS = re.compile(r"\s*[|·•/]\s*|\s{2,}")

_TRAILING = re.compile(
    rf"(?P<body>.*?[.!?…\"»”)\]])\s*(?P<tail>{_LOADING_COMMENTS})\s*",
    _FLAGS,
)


def is_boilerplate(line: str) -> str | None:
    """The reason ``line`` is site boilerplate ("boilerplate", "promo", "counter"...), else None."""
    text = " ".join(line.split())
    if not text or len(text) > _LONGEST:
        return None
    if _COUNTER.fullmatch(text):
        return "counter"
    if _BOILERPLATE.fullmatch(text) or _is_widget_row(text):
        return "boilerplate"
    if _PROMO.fullmatch(text):
        return "promo"
    return None


def is_advertisement(text: str) -> bool:
    """True when a post opens with an advertising label ("Реклама.", "#реклама", "Sponsored"):
    Russian law requires paid posts to carry one, and channels elsewhere follow the habit."""
    return _AD_LABEL.match(text.lstrip()) is not None


def split_trailing(line: str) -> tuple[str, str] | None:
    """``(body, phrase)`` when a comment widget's label is glued to the end of a paragraph
    ("...to us!\"Loading comments..."), else None."""
    match = _TRAILING.fullmatch(line.rstrip())
    if match is None:
        return None
    return match["body"], match["tail"]


def _is_widget_row(text: str) -> bool:
    parts = [part for part in _WIDGET_SEPARATORS.split(text.strip(" |·•")) if part]
    return bool(parts) and all(_WIDGET.fullmatch(part) for part in parts)
