"""The HTML page in a real headless browser (Debian chromium + chromedriver, driven by Selenium).

What the browser builds from the page must hold every quotation exactly: the text content of the
``.qx-quote`` elements of a row is ``df.quote`` and their ``data-start``/``data-end`` its offsets.
Skipped where /usr/bin/chromium or /usr/bin/chromedriver is missing (CI installs them with apt-get).
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

import quotextract
from quotextract.display import PALETTE, UNNAMED
from quotextract.frame import COLUMNS, DTYPES

CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
ARGUMENTS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
)

# the rendered elements, grouped by row as the browser sees them
ELEMENTS = """
const rows = {};
for (const layer of ["quote", "speaker", "cue"]) {
  for (const element of document.querySelectorAll(".qx-text .qx-" + layer)) {
    const key = layer + ":" + element.dataset.row;
    const seen = rows[key] || {text: "", starts: [], ends: [], colors: []};
    seen.text += element.textContent;
    seen.starts.push(element.dataset.start);
    seen.ends.push(element.dataset.end);
    seen.colors.push(getComputedStyle(element).getPropertyValue("--qx-color").trim());
    rows[key] = seen;
  }
}
return rows;
"""

ARTICLE = (
    "<script>window.qxInjected = 1</script>Министр заявил журналистам:\r\n"
    "\r\n"
    "«Мы <b>не</b> допустим роста цен & дефицита», — сказал Иван Петров.\r\n"
    "— Он сказал мне: „Всё будет хорошо“, — вспоминает Анна Петрова. — Я ему верю.\n"
    'По словам источника, решение уже принято. <img src=x onerror="window.qxInjected = 2">\n'
    "«Иван Петров прав», — добавила она."
)


def _at(text: str, part: str, after: str = "") -> tuple[int, int]:
    """The offsets of the first ``part`` at or after the first ``after``."""
    start = text.index(part, text.index(after) if after else 0)
    return start, start + len(part)


# (quote, speaker, mention, cue, kind); each part is (substring, the text it follows)
HAND = [
    (
        ("Мы <b>не</b> допустим роста цен & дефицита", ""),
        "Иван Петров",
        ("Иван Петров", ""),
        ("сказал", "дефицита"),
        "direct",
    ),
    (
        ("Он сказал мне: „Всё будет хорошо“", ""),
        "Анна Петрова",
        ("Анна Петрова", ""),
        ("вспоминает", ""),
        "direct",
    ),
    (
        ("Всё будет хорошо", ""),
        "Иван Петров",
        ("Он", "— Он"),
        ("сказал", "— Он"),
        "direct",
    ),  # nested; mention inside
    (("Я ему верю.", ""), "Анна Петрова", ("Анна Петрова", ""), ("вспоминает", ""), "direct"),
    (("решение уже принято", ""), None, ("источника", ""), ("По словам", ""), "indirect"),
    (("Иван Петров прав", ""), "Анна Петрова", ("она", "добавила"), ("добавила", ""), "direct"),
]


def hand_frame(text: str) -> pd.DataFrame:
    """The quotations of ``ARTICLE`` by hand: nested quotes, a mention inside a quotation, an unnamed source."""
    records = []
    for quote, speaker, mention, cue, kind in HAND:
        (qs, qe), (ss, se), (cs, ce) = _at(text, *quote), _at(text, *mention), _at(text, *cue)
        records.append(
            {
                "quote": quote[0],
                "speaker": speaker,
                "speaker_type": "PER" if speaker else None,
                "speaker_mention": mention[0],
                "cue": cue[0],
                "kind": kind,
                "quote_start": qs,
                "quote_end": qe,
                "speaker_start": ss,
                "speaker_end": se,
                "cue_start": cs,
                "cue_end": ce,
                "rule": "hand",
                "paragraph": 0,
            }
        )
    return pd.DataFrame.from_records(records, columns=COLUMNS).astype(DTYPES)


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    missing = [str(path) for path in (CHROMIUM, CHROMEDRIVER) if not path.is_file()]
    if missing:
        pytest.skip(
            f"Debian chromium/chromedriver not installed: {', '.join(missing)} missing "
            "(apt-get install chromium chromium-driver)"
        )
    from selenium import webdriver
    from selenium.webdriver.chrome.options import Options
    from selenium.webdriver.chrome.service import Service

    options = Options()
    options.binary_location = str(CHROMIUM)
    for argument in ARGUMENTS:
        options.add_argument(argument)
    options.add_argument(f"--user-data-dir={tmp_path_factory.mktemp('chromium-profile')}")
    # an explicit driver path: Selenium Manager is never run, nothing is downloaded
    driver = webdriver.Chrome(service=Service(executable_path=str(CHROMEDRIVER)), options=options)
    driver.set_page_load_timeout(30)
    yield driver
    driver.quit()


def load(browser, tmp_path: Path, text: str, quotes: pd.DataFrame) -> dict:
    """Save the page, open it, screenshot it; the rendered elements by ``layer:row``."""
    page = quotextract.show(text, quotes, title="test").save(tmp_path / "page.html")
    browser.get(page.as_uri())
    shot = tmp_path / "page.png"
    assert browser.save_screenshot(str(shot))
    assert shot.stat().st_size > 0 and shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    return browser.execute_script(ELEMENTS)


def assert_rendered_exactly(elements: dict, quotes: pd.DataFrame) -> None:
    for row, q in enumerate(quotes.itertuples()):
        seen = elements[f"quote:{row}"]
        assert seen["text"] == q.quote, row
        assert set(seen["starts"]) == {str(q.quote_start)} and set(seen["ends"]) == {str(q.quote_end)}, row


def test_hand_made_article(browser, tmp_path):
    quotes = hand_frame(ARTICLE)
    elements = load(browser, tmp_path, ARTICLE, quotes)
    assert_rendered_exactly(elements, quotes)
    assert sum(key.startswith("quote:") for key in elements) == len(quotes)
    for row, q in enumerate(quotes.itertuples()):  # mentions and cues too, wherever they are
        for layer, start, stop in (
            ("speaker", q.speaker_start, q.speaker_end),
            ("cue", q.cue_start, q.cue_end),
        ):
            if f"{layer}:{row}" in elements:  # a mention shared by two rows is drawn once
                assert elements[f"{layer}:{row}"]["text"] == ARTICLE[start:stop]
    assert elements["speaker:2"]["text"] == "Он"  # inside Анна Петрова's quotation


def test_the_text_is_text_and_its_line_breaks_stay(browser, tmp_path):
    quotes = hand_frame(ARTICLE)
    load(browser, tmp_path, ARTICLE, quotes)
    assert browser.execute_script("return window.qxInjected === undefined")
    assert (
        browser.execute_script(
            "return document.querySelectorAll('.qx-text script, .qx-text img, .qx-text b').length"
        )
        == 0
    )
    assert browser.execute_script("return document.querySelector('.qx-text').textContent") == ARTICLE
    assert (
        browser.execute_script("return getComputedStyle(document.querySelector('.qx-text')).whiteSpace")
        == "pre-wrap"
    )
    lines = browser.execute_script("return document.querySelector('.qx-text').getClientRects()[0].height")
    line = browser.execute_script(
        "return parseFloat(getComputedStyle(document.querySelector('.qx-text')).lineHeight)"
    )
    assert lines >= 6 * line  # six lines, at least: the breaks are shown


def test_colours_per_speaker(browser, tmp_path):
    quotes = hand_frame(ARTICLE)
    elements = load(browser, tmp_path, ARTICLE, quotes)
    colors = [elements[f"quote:{row}"]["colors"][0] for row in range(len(quotes))]
    assert colors == [PALETTE[0], PALETTE[1], PALETTE[0], PALETTE[1], UNNAMED, PALETTE[1]]
    background = browser.execute_script(
        "return [...document.querySelectorAll('.qx-text .qx-quote')].map(e => getComputedStyle(e).backgroundColor)"
    )
    assert len(set(background)) == 3 and "rgba(0, 0, 0, 0)" not in background  # highlighted, 3 colours


def test_extracted_example_article(browser, tmp_path, caravan_text):
    quotes = quotextract.extract(caravan_text)
    elements = load(browser, tmp_path, caravan_text, quotes)
    assert_rendered_exactly(elements, quotes)
    assert sum(key.startswith("quote:") for key in elements) == len(quotes)
    assert browser.execute_script("return document.querySelector('.qx-text').textContent") == caravan_text
