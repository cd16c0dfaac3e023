"""The shortcuts of detection find what the plain scans find: screened patterns match as
``finditer`` does, cues are those of a word-by-word walk, spans lie inside their range,
sentences are razdel's."""

from __future__ import annotations

import re
import sys

import pytest
import razdel
from hypothesis import given, settings
from hypothesis import strategies as st

from quotextract.article import Article
from quotextract.cues import (
    RUSSIAN,
    _cue_forms,
    _follower_forms,
    _may_follow,
    _may_open,
    _written_heads,
    cue_at,
    verbal_lemmas,
)
from quotextract.lexicon import PREFIX, default_lexicon
from quotextract.model import Entity
from quotextract.morph import analyzer, fold_yo, lemma
from quotextract.quotemarks import Quoted, _paired, pair_quotes
from quotextract.rules import dialogue
from quotextract.rules.base import SEPARATOR
from quotextract.rules.dialogue import dash_line
from quotextract.rules.leads import INTERVIEW_LEAD
from quotextract.rules.reported import (
    LOST_COMMA,
    LOST_COMMA_BEFORE_NAME,
    LOST_COMMA_BEFORE_PRONOUN,
    _source_pattern,
    lead_commas,
)
from quotextract.rules.scan import Screened
from quotextract.segment import WORD, sentenize, tokens

SETTINGS = settings(max_examples=300, deadline=None)

FRAGMENTS = [
    # the words the patterns begin with, in several cases
    "по словам",
    "По словам",
    "ПО СЛОВАМ",
    "по его словам",
    "по  данным",
    "согласно",
    "Согласно",
    "как",
    "Как ",
    "как следует из",
    "со слов",
    "с слов",
    "ответила на вопросы",
    "Ответил на все вопросы",
    "рассказал в интервью",
    "поговорил с",
    "Побеседовала со",
    "беседует с",
    "беседовала с ",
    "В интервью «Газете» ",
    "в интервью",
    "рассказал «Газете» о ",
    "заявил",
    "ЗАЯВИЛ",
    "зАявила",
    "сказала",
    "выразил надежду",
    "Не исключено",
    "уверена",
    "подчеркнул",
    # word characters that join or split words
    "по",
    "с",
    "к",
    "а",
    "ё",
    "Ё",
    "-",
    ".",
    "_",
    "1",
    # spaces, dashes, commas, sentence ends
    " ",
    "  ",
    "\n",
    "\t",
    "—",
    " — ",
    " - ",
    "-",
    ",",
    ", ",
    ",— ",
    ". ",
    "!",
    "?",
    "…",
    "«",
    "»",
]

texts = st.lists(st.sampled_from(FRAGMENTS), max_size=30).map("".join)

SCREENED = {
    "source phrases": _source_pattern(default_lexicon().source_phrases),
    "interview lead": INTERVIEW_LEAD,
    "separator": SEPARATOR,
    "lost comma": LOST_COMMA,
}


def _found(matches) -> list[tuple]:
    return [(m.span(), m.groups()) for m in matches]


@pytest.mark.parametrize("screened", SCREENED.values(), ids=SCREENED.keys())
@SETTINGS
@given(text=texts, data=st.data())
def test_screened_pattern_matches_as_finditer(screened, text, data):
    start = data.draw(st.integers(0, len(text)))
    stop = data.draw(st.integers(start, len(text)))
    assert _found(screened.finditer(text, start, stop)) == _found(
        screened.pattern.finditer(text, start, stop)
    )
    assert _found(screened.finditer(text)) == _found(screened.pattern.finditer(text))
    assert _found(screened.finditer(text, start, stop, screened.places(text))) == _found(
        screened.pattern.finditer(text, start, stop)
    )
    first, plain = screened.search(text, start, stop), screened.pattern.search(text, start, stop)
    assert (first and first.span()) == (plain and plain.span())


def test_words_of_a_screened_pattern_are_found_in_any_case():
    """A letter a pattern of any case matches is the case folding of the letter matched."""
    letters = sorted({c for screened in SCREENED.values() for word in screened.words for c in word})
    matched = re.compile("[" + "".join(letters) + "]", re.I).findall(
        "".join(chr(code) for code in range(sys.maxunicode + 1) if not 0xD800 <= code < 0xE000)
    )
    assert len(matched) > 2 * len(letters)  # small, capital and other forms: 'ᲄ' is a 'т'
    for char in matched:
        assert all(char.casefold() == letter for letter in letters if re.fullmatch(letter, char, re.I))
    lead = INTERVIEW_LEAD
    assert lead.may_match("ПОБЕСЕДОВАЛ С") and not lead.may_match("побеседуем")
    assert lead.search("Он оᲄветил на вопросы") and lead.may_match("Он оᲄветил на вопросы")  # a tall т


@SETTINGS
@given(
    text=st.lists(st.sampled_from(["«", "»", '"', "“", "”", "„", "а", " ", ", — ", "."]), max_size=12).map(
        "".join
    )
)
def test_quotes_paired_at_once_are_those_paired_mark_by_mark(text):
    assert pair_quotes(text, 0, len(text)) == _paired(text, 0, len(text))


def test_guillemets_in_turn_pair_each_with_the_one_before():
    text = "«А» и «Б», — сказал он. «В"
    assert pair_quotes(text, 0, len(text)) == [Quoted(0, 2), Quoted(6, 8), Quoted(24, None)]
    assert pair_quotes(text, 0, 23) == [Quoted(0, 2), Quoted(6, 8)]


LEAD_COMMA_OR_DASH = re.compile(  # one pattern, as it was
    r",(?=\s|[—-]\s|-[а-яё])\s*(?:—\s*|-\s+|-(?=[а-яё]))?|(?<=\w)\s(?:—|-)\s+|(?<=\w)\s-(?=[а-яё])"
)


@SETTINGS
@given(text=texts)
def test_lead_commas_are_those_of_one_pattern(text):
    """(Less the commas lost before a pronoun that ends the sentence, which no pattern alone finds.)"""
    found = [m for m in lead_commas(text) if m.re not in (LOST_COMMA_BEFORE_PRONOUN, LOST_COMMA_BEFORE_NAME)]
    assert _found(found) == _found(LEAD_COMMA_OR_DASH.finditer(text))


def test_screened_matches_do_not_overlap():
    screened = Screened(re.compile("аа"), re.compile("а"))
    assert _found(screened.finditer("аааа а")) == [((0, 2), ()), ((2, 4), ())]


def test_screen_led_by_the_character_before_finds_a_match_at_the_range_start():
    text = "Да, — сказал он"
    assert SEPARATOR.lead and [m.span() for m in SEPARATOR.finditer(text, 3)] == [(3, 6)]
    assert SEPARATOR.places(text) == [3] and not list(SEPARATOR.finditer(text, 4))


def _walked(text: str, words, lexicon) -> list:
    """The cues of a walk over every word, each tested by cue_at."""
    found, index = [], 0
    while index < len(words):
        match = cue_at(text, words, index, lexicon)
        found += [match[0]] if match else []
        index += match[1] if match else 1
    return found


@SETTINGS
@given(text=texts)
def test_cues_are_those_of_a_walk_over_every_word(text):
    article = Article(text, default_lexicon())
    expected = [
        c
        for p in article.paragraphs
        for c in _walked(article.text, article.tokens_in(p.start, p.stop), article.lexicon)
    ]
    assert article.cues == expected


def test_screen_of_cues_reads_yo_as_ye():
    lexicon = default_lexicon()
    assert all(fold_yo(prefix) in lexicon.verb_prefixes for prefix in lexicon.written_prefixes)
    assert {fold_yo(w.text.lower()[:PREFIX]) for w in tokens("Уверена УВЕРЁН")} <= lexicon.verb_prefixes
    assert [c.lemma for c in Article("Он уверен. Она увЁрена, что…", lexicon).cues] == [
        "уверенный",
        "уверенный",
    ]


def test_cue_words_are_screened_as_written_in_any_case():
    lexicon = default_lexicon()
    heads = _written_heads(lexicon.written_prefixes)
    assert "ЗаЯ" in heads and "зая" in heads and "ЗАЯ" in heads and "заx" not in heads
    assert {h.lower() for h in heads} == lexicon.written_prefixes
    capitals = [chr(code) for code in range(sys.maxunicode + 1) if chr(code).lower() in RUSSIAN]
    assert sorted(capitals) == sorted(RUSSIAN | {c.upper() for c in RUSSIAN})  # no other letter lowercases so
    assert [c.lemma for c in Article("ОН ЗАЯВИЛ. Она ЗаЯвИлА, что…", lexicon).cues] == ["заявить", "заявить"]
    assert _written_heads(frozenset({"kno"})) is None  # the Kelvin sign lowercases to 'k'


def test_entities_inside_others_are_found_whole():
    text = "Министерство обороны России сообщило"
    outer, inner, place = (
        Entity(0, 27, text[:27], "ORG", ""),
        Entity(13, 20, text[13:20], "ORG", ""),
        Entity(21, 27, "России", "LOC", ""),
    )
    article = Article(text, default_lexicon(), (outer, inner, place))
    assert article.entities_in(0, 21) == [inner]
    assert article.entities_in(13, 27) == [inner, place]
    assert article.entities_in(0, 27) == [outer, inner, place]


# dictionary words sharing a cue's first letters ('заявка', 'сказка', 'уверенность'), and words
# the dictionary does not know, which pymorphy3 guesses ('псевдозаявил')
PREFIXES = ["зая", "увер", "подч", "выраз", "призн", "сообщ", "сказ"]
UNKNOWN = ["псевдозаявил", "перезаявила", "сказанул", "уверовавшийся", "неуверен", "заявил-то"]


def test_words_skipped_unparsed_open_no_cue():
    lexicon = default_lexicon()
    starts, verbs = lexicon.phrase_starts, lexicon.speech_verbs
    forms = _cue_forms(starts, verbs)
    known = {word for prefix in PREFIXES for word, *_ in analyzer().dictionary.iter_known_words(prefix)}
    words = sorted(known) + UNKNOWN + [fold_yo(w) for w in known if "ё" in w]
    opening = {w for w in words if lemma(w) in starts or any(v in verbs for v in verbal_lemmas(w))}
    assert {w for w in words if _may_open(w, starts, verbs, forms)} == opening
    assert len(opening) > 100 and len(known) - len(opening & known) > 1000  # both kinds were tried


SENTENCE_FRAGMENTS = [
    "Он сказал",
    "т.д.",
    "т. е.",
    "г.",
    "А. С. Пушкин",
    "ул. Ленина",
    "в 2022 г. ",
    "1.",
    "а)",
    "«Да».",
    "— Нет",
    "(см. выше)",
    ":)",
    ";-(",
    "!",
    "?",
    "…",
    "...",
    ". ",
    "; ",
    '" ',
    "» ",
    ") ",
    " ",
    "  ",
    "\t",
    "\xa0",
    "мы",
    "Мы",
    "и",
]


@SETTINGS
@given(
    text=st.one_of(
        st.lists(st.sampled_from(SENTENCE_FRAGMENTS), max_size=25).map("".join), st.text(max_size=80)
    )
)
def test_sentences_are_razdels(text):
    assert [(s.start, s.stop, s.text) for s in sentenize(text)] == [
        (s.start, s.stop, s.text) for s in razdel.sentenize(text)
    ]


@SETTINGS
@given(text=texts)
def test_cued_sentences_are_those_holding_a_cue(text):
    article = Article(text, default_lexicon())
    held = {i for i, s in enumerate(article.sentences) if article.cues_in(s.start, s.stop)}
    assert article.cued_sentences == held


def test_words_skipped_unparsed_follow_no_phrase():
    phrases = default_lexicon().speech_phrases
    forms = _follower_forms(phrases)
    followers = {word for phrase in phrases for word in phrase[1:]}  # 'надежда', 'понять', 'в'
    known = {
        word
        for prefix in ("мнен", "надежд", "вопрос", "внима", "слов", "заявл", "поня", "исключ", "сог", "во")
        for word, *_ in analyzer().dictionary.iter_known_words(prefix)
    }
    words = sorted(known) + UNKNOWN
    following = {w for w in words if lemma(w) in followers}
    assert following <= {w for w in words if _may_follow(w, forms)}
    assert len(following) > 100 and len(words) - len({w for w in words if _may_follow(w, forms)}) > 1000


def test_what_rules_read_again_is_found_once():
    article, calls = Article("Комментарии\nМария: Отличная новость!", default_lexicon()), []

    def found(of: Article) -> int:
        calls.append(of)
        return len(of.paragraphs)

    assert [article.once(found), article.once(found)] == [2, 2]
    assert calls == [article]
    assert Article(article.original, default_lexicon()).once(found) == 2 and len(calls) == 2


def test_dash_lines_are_found_once_for_every_paragraph(monkeypatch):
    article = Article("— Да, — сказал он.\n-5 градусов\n-Нет\n- то\nТекст - нет", default_lexicon())
    assert [dash_line(article, p) for p in article.paragraphs] == [2, None, 32, 38, None]
    monkeypatch.setattr(dialogue, "LEADING_DASH", None)  # nothing is matched again
    assert dash_line(article, article.paragraphs[0]) == 2


@SETTINGS
@given(text=st.one_of(texts, st.text(max_size=200)))
def test_tokens_of_the_text_are_those_of_its_paragraphs(text):
    article = Article(text, default_lexicon())
    by_paragraph = [
        (m.start(), m.end(), m.group())
        for p in article.paragraphs
        for m in WORD.finditer(article.text, p.start, p.stop)
    ]
    assert [tuple(t) for t in article.tokens] == by_paragraph
    assert article.tokens_in(0, len(text) + 10) == article.tokens
    assert [article.token_start_before(t.stop, 1) for t in article.tokens] == [
        t.start for t in article.tokens
    ]
