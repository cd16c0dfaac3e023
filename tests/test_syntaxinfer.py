"""Our syntax inference gives natasha's NewsSyntaxParser's parses: every head and relation."""

from __future__ import annotations

import gzip
import json
import random
from functools import lru_cache
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from razdel import sentenize
from threadpoolctl import threadpool_limits

from quotextract.syntaxinfer import network
from quotextract.tokenizer import tokenize

SHARED = Path(__file__).resolve().parents[2] / "shared"
DEV = SHARED / "eval" / "dev"
BENCH = SHARED / "bench" / "news.jsonl.gz"
SAMPLE = 60  # benchmark articles compared with natasha
MAX_TOKENS = 120  # as quotextract.syntax sends them


@lru_cache(maxsize=1)
def natasha_parser():
    import yargy  # noqa: F401  (applies the pymorphy2 hotfix natasha needs on Python 3.11)
    from natasha import NewsEmbedding, NewsSyntaxParser

    return NewsSyntaxParser(NewsEmbedding())


def parses(markups) -> list[list[tuple]]:
    return [[(t.id, t.text, t.head_id, t.rel) for t in markup.tokens] for markup in markups]


def natasha_parses(sentences: list[list[str]]) -> list[list[tuple]]:
    with threadpool_limits(limits=1, user_api="blas"):  # natasha's small products: threads only spin
        return parses(natasha_parser().map(sentences))


def sentences_of(texts: list[str]) -> list[list[str]]:
    found = []
    for text in texts:
        for line in text.splitlines():
            for sentence in sentenize(line):
                words = [word for _, _, word in tokenize(sentence.text)]
                if 0 < len(words) <= MAX_TOKENS:
                    found.append(words)
    return found


def test_an_invented_sentence():
    text = "Пресс-секретарь Кремля Дмитрий Песков заявил журналистам, что встреча пройдёт в июне."
    words = [word for _, _, word in tokenize(text)]
    [ours] = parses(network().map([words]))
    assert ours == natasha_parses([words])[0]
    relations = {word: (head, rel) for _, word, head, rel in ours}
    assert relations["заявил"] == ("0", "root")


def test_a_sentence_longer_than_the_ids_made_ahead(monkeypatch):
    from quotextract import syntaxinfer

    words = [word for _, _, word in tokenize("Министр заявил журналистам, что встреча пройдёт в июне.")]
    monkeypatch.setattr(syntaxinfer, "IDS", ["0", "1", "2"])
    [ours] = parses(network().map([words]))
    assert ours == natasha_parses([words])[0]
    assert [token_id for token_id, *_ in ours] == [str(i) for i in range(1, len(words) + 1)]


def test_no_sentence_is_no_parse():
    assert network().map([]) == []


@pytest.mark.skipif(not DEV.is_dir(), reason="no development articles beside the repository")
def test_identical_to_natasha_on_the_development_articles():
    sentences = sentences_of([path.read_text(encoding="utf-8") for path in sorted(DEV.glob("*.txt"))])
    assert len(sentences) > 300
    assert parses(network().map(sentences)) == natasha_parses(sentences)


@pytest.mark.skipif(not BENCH.is_file(), reason="no benchmark corpus beside the repository")
def test_identical_to_natasha_on_a_sample_of_the_benchmark_corpus():
    with gzip.open(BENCH, "rt", encoding="utf-8") as file:
        texts = [json.loads(line)["text"] for line in file]
    sentences = sentences_of(random.Random(9).sample(texts, SAMPLE))
    assert parses(network().map(sentences)) == natasha_parses(sentences)


WORDS = ["Иван", "Петров", "заявил", ",", "что", "в", "Москве", "пройдёт", "встреча", ".", "«", "»"]
WORDS += ["—", "она", "сказала", "министр", "2024", "года", "и", "не", "по", "словам", "ТАСС", "Минздрав"]


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.lists(st.sampled_from(WORDS), min_size=1, max_size=30), min_size=1, max_size=10))
def test_identical_to_natasha_on_generated_sentences(sentences):
    assert parses(network().map(sentences)) == natasha_parses(sentences)


def test_the_parser_reads_the_input_codes_of_the_ner_networks_tokens():
    """syntax.parse_many feeds the parser the codes the NER network cached for its runs."""
    from quotextract.nerinfer import network as ner_network

    text = "Министр финансов Ольга Кравец заявила 3,5 млрд руб. «Нет» — т.е. отказ."
    [(offsets, codes)] = ner_network().tokens([text])
    words = [word for _, _, word in tokenize(text)]
    assert [text[a:b] for a, b in offsets] == words
    assert codes == network().encoder.codes(words)
