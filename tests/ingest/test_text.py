"""Text clips: title restoration, header and footer zones, plain text, errors, shared samples."""

from __future__ import annotations

import gzip
from datetime import UTC, datetime
from pathlib import Path

import pytest
from dateutil.relativedelta import relativedelta
from hypothesis import given
from hypothesis import strategies as st

from crosscheck.clean import dates, normalize
from crosscheck.errors import CaptureError
from crosscheck.ingest import text
from crosscheck.model import Capture, Document, Precision

WHEN = datetime(2026, 11, 20, 12, 0, tzinfo=UTC)
BODY_EN = (
    "Sergeant Ivan Petrenko, a medic from the fictional town of Zorivka, said his unit ran out "
    "of tourniquets during the assault on the hill."
)
BODY_UK = (
    "Лісник Петро Гнатюк із вигаданого села Зоряне розповів, що снаряд влучив у сусідню хату "
    "близько шостої ранку."
)
CLIP = (
    "Medic_s account_ _We had no tourniquets_\n\n3 days ago\n17\n\nSUBSCRIBE TO US!\n"
    f"{BODY_EN}\n\nHe said the crew carried out eleven wounded.\n\nLoading comments..."
)


def read(content: str | bytes, *, path: str = "clip.txt") -> Document:
    data = content.encode() if isinstance(content, str) else content
    capture = Capture.of(data, media_type="text/plain", captured_at=WHEN, path=path)
    [document] = text.documents(capture)
    return document


@pytest.mark.parametrize(
    ("raw", "restored"),
    [
        ("Don_t come here", "Don't come here"),
        ("This isn_t our war", "This isn't our war"),
        ("DON_T SHOOT", "DON'T SHOOT"),
        ("It_s over, they_re gone, we_ll stay, I_ve seen, she_d go, I_m here",
         "It's over, they're gone, we'll stay, I've seen, she'd go, I'm here"),
        ("Medic_s account_ _We had no tourniquets_", 'Medic\'s account: "We had no tourniquets"'),
        ("Боец отряда _Вереск__ _Нас бросили_", 'Боец отряда "Вереск": "Нас бросили"'),
        ("Прощання в Зоряному_ _Він просто пішов по воду_",
         'Прощання в Зоряному: "Він просто пішов по воду"'),
        ("Soldiers_ families protest_ _Bring them home_",
         'Soldiers\' families protest: "Bring them home"'),
        # no colon found: "news_ live" may be "news: live" or "news' live"
        ("Zorivka news_ live updates", "Zorivka news_ live updates"),
        ("Who shelled the school_ Witnesses speak", "Who shelled the school_ Witnesses speak"),
        ("file_name_v2", "file_name_v2"),
        ("12_30 curfew", "12_30 curfew"),
    ],
)  # fmt: skip
def test_restore_title_applies_general_rules_only(raw: str, restored: str) -> None:
    assert text.restore_title(raw) == restored


@given(st.text(alphabet="ab s_t'\"", max_size=40))
def test_restore_title_only_replaces_underscores(raw: str) -> None:
    restored = text.restore_title(raw)
    assert len(restored) == len(raw)
    assert all(a == b or a == "_" for a, b in zip(raw, restored, strict=True))


def test_documents_reads_a_saved_clip() -> None:
    document = read(CLIP)
    assert document.title == 'Medic\'s account: "We had no tourniquets"'
    assert document.title_raw == "Medic_s account_ _We had no tourniquets_"
    assert document.text == f"{BODY_EN}\n\nHe said the crew carried out eleven wounded."
    assert [(r.text, r.reason) for r in document.removed] == [
        ("3 days ago", "date"),
        ("17", "counter"),
        ("SUBSCRIBE TO US!", "boilerplate"),
        ("Loading comments...", "boilerplate"),
    ]
    assert document.published == dates.relative("3 days ago", WHEN)
    assert document.extractors == (text.NAME, normalize.NAME, dates.NAME)


@pytest.mark.parametrize(
    ("header", "phrase", "precision"),
    [
        ("вчера\n143\n\nПОДПИШИТЕСЬ НА НАС!", "вчера", Precision.DAY),
        ("2 дні тому\n58\n\nПІДПИСУЙТЕСЯ НА НАС!", "2 дні тому", Precision.DAY),
        ("тиждень тому\n1 204 перегляди", "тиждень тому", Precision.WEEK),
        ("22 жовтня 2026\nЧитайте також", "22 жовтня 2026", Precision.DAY),
    ],
)
def test_documents_reads_header_dates_in_any_language(
    header: str, phrase: str, precision: Precision
) -> None:
    document = read(f"Обстріл Зоряного_ _Снаряд влучив у хату_\n\n{header}\n{BODY_UK}\n")
    assert document.title == 'Обстріл Зоряного: "Снаряд влучив у хату"'
    assert document.published is not None
    assert (document.published.phrase, document.published.precision) == (phrase, precision)
    assert document.text == BODY_UK


def test_documents_splits_a_glued_comment_widget() -> None:
    document = read(f"Medic_s account\n\n2 hours ago\n\n{BODY_EN}Loading comments...")
    assert document.text == BODY_EN
    assert document.removed[-1].text == "Loading comments..."


def test_documents_plain_text_has_no_title() -> None:
    document = read(f"Notes from Zorivka\n\n{BODY_EN}\n")
    assert document.title is None and document.title_raw is None
    assert document.text == f"Notes from Zorivka\n\n{BODY_EN}"
    assert document.published is None and document.removed == ()


def test_documents_keeps_numbers_inside_the_body() -> None:
    lines = "\n".join(["Killed:", "12", "Wounded:", "30", "Missing:", "4", "Captured:", "2"])
    document = read(f"{BODY_EN}\n{lines}\n{BODY_EN}\n")
    assert "Killed:\n12\nWounded:\n30" in document.text


def test_documents_drops_whole_boilerplate_lines_inside_the_body() -> None:
    document = read(f"{BODY_EN}\n\nЧитайте також: Обстріл Зоряного\n\n{BODY_EN}")
    assert document.text == f"{BODY_EN}\n\n{BODY_EN}"
    assert [r.reason for r in document.removed] == ["boilerplate"]


def test_documents_header_without_title() -> None:
    document = read(f"вчора\n\n{BODY_UK}")
    assert document.title is None
    assert document.published is not None and document.published.phrase == "вчора"
    assert document.text == BODY_UK


@pytest.mark.parametrize(
    "encode",
    [
        lambda s: s.encode("cp1251"),
        lambda s: s.encode("koi8_u"),
        lambda s: gzip.compress(s.encode()),
        lambda s: s.replace("\n", "\r\n").encode("utf-8-sig"),
    ],
)
def test_documents_decodes_encodings_and_gzip(encode: object) -> None:
    clip = f"Обстріл Зоряного\n\nвчора\n5\n\n{BODY_UK}\n"
    document = read(encode(clip))  # type: ignore[operator]
    assert (document.title, document.text) == ("Обстріл Зоряного", BODY_UK)


def test_documents_repairs_text_before_assembly() -> None:
    document = read(f"Title_s end\n\n2 hours ago\n\nthe unitâ€™s medic\u00a0said {BODY_EN}")
    assert document.text.startswith("the unit\u2019s medic said Sergeant")


@pytest.mark.parametrize(
    "content",
    [
        "   \n\n\t  \n",
        "SUBSCRIBE TO US!\n\nLoading comments...\n",
        "Title\n\n1 month ago\n5\nSUBSCRIBE TO US!\n",
    ],
)
def test_documents_without_text_is_a_capture_error(content: str) -> None:
    with pytest.raises(CaptureError, match="no text after removing boilerplate") as error:
        read(content, path="empty-clip.txt")
    assert error.value.where == "empty-clip.txt"


@given(st.binary(max_size=300))
def test_documents_any_bytes_give_a_document_or_capture_error(content: bytes) -> None:
    capture = Capture.of(content, media_type="text/plain", captured_at=WHEN)
    try:
        documents = text.documents(capture)
    except CaptureError as error:
        assert error.where == capture.sha256
        return
    assert [d.text for d in documents] == [d.text.strip() for d in documents]


def test_documents_real_clip(shared: Path) -> None:
    path = shared / "samples" / "smirnov" / "000_324805f2c092eb77.txt"
    document = read(path.read_bytes(), path=str(path))
    # every character of the title is restored by the general rules
    assert document.title == (
        "Russian soldiers' unique protest against Putin: \"Don't come here, guys, this isn't "
        'our war"'
    )
    assert document.title_raw == path.read_text(encoding="utf-8").splitlines()[0]
    assert [(r.text, r.reason) for r in document.removed] == [
        ("1 month ago", "date"),
        ("5", "counter"),
        ("SUBSCRIBE TO US!", "boilerplate"),
        ("Loading comments...", "boilerplate"),
    ]
    published = document.published
    assert published is not None and published.precision is Precision.MONTH
    assert published.start <= WHEN - relativedelta(months=1) <= published.end <= WHEN
    assert document.text.startswith("Russian Armed Forces soldier Alexei Smirnov")
    assert document.text.endswith("cycle of coercion and complicity.")


def test_documents_fictional_shelling_clip(shared: Path) -> None:
    path = shared / "samples" / "other" / "shelling-report.txt"
    document = read(path.read_bytes(), path=str(path))
    assert document.title is not None and document.title.startswith("Shelling of")
    assert [r.reason for r in document.removed] == ["date", "counter", "boilerplate", "boilerplate"]
    assert document.published is not None and document.published.phrase == "3 days ago"
