"""Our NER inference gives natasha's NewsNERTagger's entities, and our tokenizer razdel's tokens."""

from __future__ import annotations

import copy
import gzip
import json
import random
import re
from functools import lru_cache
from pathlib import Path

import numpy as np
import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from razdel import tokenize as razdel_tokenize
from threadpoolctl import threadpool_limits

from quotextract import encoder, nerinfer, tokenizer
from quotextract.nerinfer import network
from quotextract.normalize import normalize
from quotextract.segment import paragraphs
from quotextract.tokenizer import tokenize

SHARED = Path(__file__).resolve().parents[2] / "shared"
DEV = SHARED / "eval" / "dev"
BENCH = SHARED / "bench" / "news.jsonl.gz"
SAMPLE = 150  # benchmark articles compared with natasha


@lru_cache(maxsize=1)
def natasha_tagger():
    import yargy  # noqa: F401  (applies the pymorphy2 hotfix natasha needs on Python 3.11)
    from natasha import NewsEmbedding, NewsNERTagger

    return NewsNERTagger(NewsEmbedding())


def natasha_spans(lines: list[str]) -> list[list[tuple]]:
    """natasha's entities of each line, called as natasha's own API is called (8 lines a batch)."""
    with threadpool_limits(limits=1, user_api="blas"):  # natasha's small products: threads only spin
        markups = list(natasha_tagger().map(lines))
    return [[(s.start, s.stop, s.type) for s in markup.spans] for markup in markups]


def our_spans(lines: list[str]) -> list[list[tuple]]:
    return [[(s.start, s.stop, s.type) for s in spans] for spans in network().tag(lines)]


def lines_of(texts: list[str]) -> list[str]:
    return [p.text for text in texts for p in paragraphs(normalize(text))]


def test_the_entities_of_invented_lines():
    lines = [
        "«Мы готовы к переговорам», — заявил пресс-секретарь Кремля Дмитрий Песков.",
        "В Минздраве России сообщили, что вакцина поступит в Новосибирск в июне.",
        "Погода",
        "—",
    ]
    assert our_spans(lines) == natasha_spans(lines)
    assert "Дмитрий Песков" in {lines[0][start:stop] for start, stop, _ in our_spans(lines)[0]}


@pytest.mark.parametrize(
    "line, entity",
    [
        ("Иван Петров приехал в Москву.", "Москву"),
        ("  Иван  Петров\tприехал в\u00a0Москву. ", "Москву"),
        ("Глава «Газпрома»   Алексей Миллер\u2003и мэр Москвы Сергей Собянин", "Сергей Собянин"),
    ],
)
def test_the_offsets_of_entities_between_any_spaces(line, entity):
    spans = our_spans([line])[0]
    assert spans == natasha_spans([line])[0]
    assert entity in {line[start:stop] for start, stop, _ in spans}


def test_no_line_is_no_entities():
    assert network().tag([]) == []
    assert network().tag(["", "   "]) == [[], []]


@pytest.mark.skipif(not DEV.is_dir(), reason="no development articles beside the repository")
def test_identical_to_natasha_on_the_development_articles():
    lines = lines_of([path.read_text(encoding="utf-8") for path in sorted(DEV.glob("*.txt"))])
    assert len(lines) > 100
    assert our_spans(lines) == natasha_spans(lines)


@pytest.mark.skipif(not BENCH.is_file(), reason="no benchmark corpus beside the repository")
def test_identical_to_natasha_on_a_sample_of_the_benchmark_corpus():
    with gzip.open(BENCH, "rt", encoding="utf-8") as file:
        texts = [json.loads(line)["text"] for line in file]
    sample = random.Random(8).sample(texts, SAMPLE)
    lines = lines_of(sample)
    ours = our_spans(lines)
    assert sum(map(len, ours)) > 1000
    assert ours == natasha_spans(lines)


def test_lines_tagged_alone_or_together_alike():
    lines = ["Иван Петров приехал в Москву.", "", "Глава «Газпрома» Алексей Миллер", "  ", "Сбербанк"] * 3
    together = our_spans(lines)
    assert together == [our_spans([line])[0] for line in lines]


def test_a_table_too_small_for_the_words_changes_no_entity():
    lines = [
        f"Иван Петров{number} заявил в Москве, что «Газпром» и Минздрав слово{number} {number * 7} раз."
        for number in range(60)
    ]
    small = nerinfer.new_network(capacity=64)  # 9 new words a line: it makes room again and again
    found = [[(s.start, s.stop, s.type) for s in small.tag([line])[0]] for line in lines]
    assert found == our_spans(lines)
    assert sum(map(len, found)) >= 3 * len(lines)
    assert small.encoder.used <= 64


def test_a_batch_of_more_words_than_the_table_holds_is_refused():
    small = nerinfer.new_network(capacity=8)
    small.tag(["Иван Петров приехал в Москву"])
    with pytest.raises(ValueError, match="a batch of 10 distinct tokens, more than the table's 8"):
        small.tag(["Иван Петров приехал в Москву , а потом уехал домой"])


def vocabulary_words(count: int) -> list[str]:
    """Distinct lower-case Russian words of navec's vocabulary: each is a first-layer row of its own."""
    words = (word for word in network().encoder.words.words if re.fullmatch("[а-я]{4,}", word))
    return [next(words) for _ in range(count)]


def test_a_full_table_keeps_the_rows_in_use():
    words = vocabulary_words(5 + 6 * 40)
    common, rare = words[:5], words[5:]
    lines = [" ".join(common[:3] + rare[6 * i : 6 * i + 6] + common[3:]) for i in range(40)]
    small = nerinfer.new_network(capacity=32)  # full after 5 lines, then again every line or two
    found = [[(s.start, s.stop, s.type) for s in small.tag([line])[0]] for line in lines]
    assert found == our_spans(lines)
    assert small.encoder.computed == len(words)  # each word once: every line's words stay
    assert small.encoder.used <= 32


def test_the_input_rows_are_slovnets():
    ours = network().encoder
    words = ["Москва", "заявил", "Зюзякин", "«", "2024", "МИД", "по-русски"]
    word_ids = np.array([ours.words.word_ids.get(w.lower(), ours.words.unk_id) for w in words])
    shape_ids = np.array([ours.shapes.item_ids[encoder.word_shape(w)] for w in words])
    expected = natasha_tagger().infer.model.emb(word_ids[None], shape_ids[None])[0]
    assert np.array_equal(ours._input(np.array(ours.codes(words))), expected)


def test_tokens_the_network_cannot_tell_apart_share_a_row():
    fresh = nerinfer.new_network()
    fresh.tag(["Зюзякин", "Пырдыкин", "Щаврунов"])  # unknown to navec, title case: one input
    assert fresh.encoder.computed == 1
    fresh.tag(["Зюзякин приехал", "Пырдыкин приехал"])
    assert fresh.encoder.computed == 2


def test_the_caches_of_runs_and_tokens_stay_bounded(monkeypatch):
    monkeypatch.setattr(nerinfer, "RUNS", 20)
    monkeypatch.setattr(encoder, "CODES", 30)
    lines = [
        " ".join(vocabulary_words(200)[i : i + 12]) + ", — заявил Иван Петров." for i in range(0, 180, 9)
    ]
    fresh = nerinfer.new_network()
    found = [[(s.start, s.stop, s.type) for s in fresh.tag([line])[0]] for line in lines]
    assert found == our_spans(lines)
    assert len(fresh._runs) <= 20 and len(fresh.encoder._codes) <= 30


@settings(max_examples=150, deadline=None)
@given(st.lists(st.integers(1, 30), min_size=1, max_size=12), st.integers(0, 2**32 - 1), st.booleans())
def test_the_batched_viterbi_is_slovnets(sizes, seed, ties):
    """Lines in any order, a separator row after some of them, as the batches decoded together lie
    one after another; with ``ties`` all scores are small integers, so that many paths score alike
    and the order of argmax decides."""
    from slovnet.exec.model import CRF, Weight

    net, rng = copy.copy(network()), np.random.default_rng(seed)
    if ties:
        net._transitions = np.round(net._transitions)
    gaps = rng.integers(0, 2, len(sizes))  # separator rows after each line
    starts = np.cumsum([0, *(np.array(sizes) + gaps)[:-1]])
    shape = (int(starts[-1] + sizes[-1]), len(net.tags))
    emissions = (rng.integers(-2, 3, shape) if ties else rng.normal(0, 3, shape)).astype(np.float32)
    longest = np.argsort(-np.array(sizes), kind="stable")
    ours = net._viterbi(emissions, starts[longest], np.array(sizes)[longest])
    padded = np.zeros((len(sizes), max(sizes), shape[1]), np.float32)
    mask = np.zeros((len(sizes), max(sizes)), bool)
    for line, (start, size) in enumerate(zip(starts, sizes)):
        padded[line, :size], mask[line, :size] = emissions[start : start + size], True
    theirs = CRF(Weight(net._transitions.shape, "float32", net._transitions)).decode(padded, mask)
    assert [ours[start : start + size].tolist() for start, size in zip(starts, sizes)] == [
        t.tolist() for t in theirs
    ]


NAMES = ["Иван Петров", "Мария Сидорова", "Песков", "Владимир Путин", "Набиуллина", "Анна-Мария Ким"]
PLACES = ["Москве", "Новосибирск", "Казахстана", "Санкт-Петербурге", "США", "Кремле"]
BODIES = ["Минздрав", "ООО «Ромашка»", "Госдума", "МВД России", "Газпром", "ЦБ РФ"]
WORDS = ["заявил", "сказала", "что", "в", "по словам", "сообщили", "2024", "3,5%", "года", "и"]
MARKS = [",", ".", " — ", "«", "»", ":", "(", ")", "-", "!", "?", "…", '"', "\u00a0"]
PIECES = st.sampled_from(NAMES + PLACES + BODIES + WORDS + MARKS)
NEWS_LINE = st.lists(PIECES, min_size=1, max_size=40).map(" ".join).map(str.strip).filter(bool)  # a paragraph
SETTINGS = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(st.lists(NEWS_LINE, min_size=1, max_size=12))
def test_identical_to_natasha_on_generated_news_lines(lines):
    assert our_spans(lines) == natasha_spans(lines)


TEXT = st.lists(
    st.sampled_from(
        list("абвгдеёжзийклмнопрстуфхцчшщъыьэюяАБВЁЯabcxyzXYZ0123456789 \t\n\u00a0")
        + list("‑–—−-_.,/\\:;!?…()[]{}«»“”„\"'=*+#@%&$№|<>~^`")
        + ["ΔP", "σ", "😀", "yahoo", "Yahoo!", ":-)", ";((", "слово", "Word"]
    ),
    max_size=40,
).map("".join)


@settings(max_examples=500, deadline=None)
@given(TEXT)
def test_the_tokenizer_gives_razdels_tokens(text):
    assert tokenize(text) == [(t.start, t.stop, t.text) for t in razdel_tokenize(text)]


RUN = st.lists(
    st.sampled_from(list("«»\"„“”'()[]{},.?!…:;-—/%_") + ["слово", "Yahoo", "abc", "2007", "5", "ΔP"]),
    min_size=1,
    max_size=6,
).map("".join)  # one run of marks around words and numbers, as '(«ТАСС»).' or '2007).'


@settings(max_examples=500, deadline=None)
@given(st.sampled_from(["", "я ", "1 ", "# ", "z "]), RUN, st.sampled_from(["", " я", " 1", " #", " z"]))
@example("", "2007.", " 1")  # razdel: '2007.' '1'
@example("1 ", ",5", "")  # razdel: '1' ',5'
@example("", "(Yahoo!)", "")
@example("", "слово?!»", "")
def test_the_tokenizer_gives_razdels_tokens_of_runs_of_marks(before, run, after):
    text = before + run + after
    assert tokenize(text) == [(t.start, t.stop, t.text) for t in razdel_tokenize(text)]


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=60))
def test_the_tokenizer_gives_razdels_tokens_on_any_unicode(text):
    assert tokenize(text) == [(t.start, t.stop, t.text) for t in razdel_tokenize(text)]


def _work(monkeypatch, line: str) -> tuple[int, int]:
    """Rows the network computes for ``line``: in all, and in its largest batch."""
    rows: list[int] = []
    emissions = nerinfer.NerNetwork._emissions

    def counted(self, packed):
        rows.append(len(packed))
        return emissions(self, packed)

    monkeypatch.setattr(nerinfer.NerNetwork, "_emissions", counted)
    network().tag([line])
    monkeypatch.undo()
    return sum(rows), max(rows)


@pytest.mark.parametrize("unit", ["«а ", "Иван Петров сказал, что ", "словобезпробелов"])
def test_long_lines_are_tagged_in_bounded_batches(monkeypatch, unit):
    small, small_batch = _work(monkeypatch, unit * (10_000 // len(unit)))
    large, large_batch = _work(monkeypatch, unit * (100_000 // len(unit)))
    assert large / small < 11  # work grows linearly
    assert large_batch <= nerinfer.BATCH_CHARS + 100  # memory does not


def test_long_lines_are_cut_after_a_sentence():
    line = "Иван Петров приехал в Москву. " * 400
    pieces = nerinfer.cuts(line)
    assert all(stop - start <= nerinfer.LONG_LINE for start, stop in pieces)
    assert all(line[start:stop].endswith(". ") for start, stop in pieces[:-1])
    assert "".join(line[start:stop] for start, stop in pieces) == line
    spans = network().tag([line])[0]
    assert {line[s.start : s.stop] for s in spans} >= {"Иван Петров", "Москву"}
    assert len(spans) == 800


def razdel_pieces(left, run, right) -> tuple:
    """razdel's own tokens of ``run`` between atoms of the types ``left`` and ``right``."""
    prefix = tokenizer.STAND_INS[left] + " " if left else ""
    text = prefix + run + (" " + tokenizer.STAND_INS[right] if right else "")
    start, stop = len(prefix), len(prefix) + len(run)
    return tuple(
        (t.start - start, t.stop - start) for t in razdel_tokenize(text) if start <= t.start and t.stop <= stop
    )


CONTEXT = st.sampled_from([None, *tokenizer.STAND_INS])
ATOMS = st.lists(
    st.sampled_from(
        list("‑–—−-_.,/\\:;!?…()[]{}«»“”„\"'=*+#@%&$№|<>~^`")
        + ["я", "Ёж", "z", "Yahoo", "1", "2007", "Δ", "σ", "😀", "ſ", "K", "ᲀ"]
    ),
    min_size=1,
    max_size=8,
).map("".join)


@settings(max_examples=1000, deadline=None)
@given(CONTEXT, ATOMS, CONTEXT)
@example(None, "Yahoo!", None)
@example("INT", ",5", None)
@example(None, "3.14", None)
@example(None, ":-)))", None)
@example("RU", "-то", "RU")
def test_razdels_rules_over_atoms_are_razdels(left, run, right):
    assert tokenizer.split_by_rules(left, run, right) == razdel_pieces(left, run, right)
    assert tokenizer.split(left, run, right) == razdel_pieces(left, run, right)


@settings(max_examples=300, deadline=None)
@given(CONTEXT, st.text(st.characters(blacklist_categories=["Zs", "Zl", "Zp", "Cc"]), min_size=1, max_size=12), CONTEXT)
def test_razdels_rules_over_any_run_are_razdels(left, run, right):
    if run.split() == [run]:
        assert tokenizer.split_by_rules(left, run, right) == razdel_pieces(left, run, right)


@settings(max_examples=1000, deadline=None)
@given(st.one_of(st.text(min_size=1, max_size=8), ATOMS, st.text("аяАЯzZ-.()1+", min_size=1, max_size=6)))
@example("Ростов-на-Дону")
@example("Я-Ян")
@example("()")
@example("-5")
@example("+٣")
@example("Kelvin")
@example("Санкт-Петербург")
@example("МИД")
@example("...")
def test_the_shape_of_a_token_is_slovnets(word):
    from slovnet.shape import word_shape

    assert encoder.word_shape(word) == word_shape(word)
