"""The batch-first engine: chunks of documents through NER at once, plain rows, one frame per call."""

from __future__ import annotations

import pandas as pd
import pytest

import quotextract
from quotextract import batch, pipeline
from quotextract.batch import Document, extract_many, iter_extract, worker_pool

ARTICLES = [
    "«Мы готовы к переговорам», — заявил министр иностранных дел Сергей Лавров.",
    "Погода в Москве будет тёплой.",
    "Глава Минздрава Михаил Мурашко сообщил, что вакцина поступит в регионы в июне.",
    "По словам Анны Ивановой, выставка откроется в мае.\n— Мы ждём гостей, — добавила она.",
    "",
    "No Russian here.",
]


def test_a_chunk_gives_what_each_document_gives_alone():
    together = extract_many(ARTICLES, chunksize=len(ARTICLES), documents=True)
    alone = extract_many(ARTICLES, chunksize=1, documents=True)
    pd.testing.assert_frame_equal(together.quotes, alone.quotes)
    pd.testing.assert_frame_equal(together.documents, alone.documents)
    for position, text in enumerate(ARTICLES):
        mine = together.quotes[together.quotes["doc_id"] == str(position)].drop(columns="doc_id")
        pd.testing.assert_frame_equal(mine.reset_index(drop=True), quotextract.extract(text))
    assert set(together.quotes["speaker"].dropna()) >= {"Сергей Лавров", "Михаил Мурашко", "Анна Иванова"}


def test_one_failing_document_leaves_the_others_of_its_chunk(monkeypatch):
    candidates = pipeline.candidates

    def failing(article):
        if "Мурашко" in article.original:
            raise RuntimeError("boom")
        return candidates(article)

    monkeypatch.setattr(pipeline, "candidates", failing)
    result = extract_many(ARTICLES, chunksize=len(ARTICLES), documents=True)
    table = result.documents.set_index("doc_id")
    assert table.loc["2", "status"] == "error" and table.loc["2", "error"] == "RuntimeError: boom"
    assert (table.drop(index="2")["status"] == "ok").all()
    assert set(result.quotes["doc_id"]) == {"0", "3"}


def test_the_syntax_parser_runs_once_per_chunk_over_the_sentences_of_all_its_documents(monkeypatch):
    from quotextract import attribute

    calls = []
    parse_many = attribute.parse_many

    def spy(requests):
        calls.append(sum(1 for _, sentences in requests if sentences))
        return parse_many(requests)

    monkeypatch.setattr(attribute, "parse_many", spy)
    texts = [
        ARTICLES[2],
        "Директор музея Ольга Петрова сообщила журналистам, что выставка продлится до осени.",
    ]
    together = extract_many(texts, chunksize=2)
    assert calls == [2]  # both articles' cue sentences in one batch
    assert list(together["speaker"]) == ["Михаил Мурашко", "Ольга Петрова"]


def test_an_article_failing_before_its_parse_is_reported_alone(monkeypatch):
    from quotextract.choose import Chooser

    wanted = Chooser.sentences_to_parse

    def failing(self):
        if "Мурашко" in self.article.original:
            raise RuntimeError("no parse")
        return wanted(self)

    monkeypatch.setattr(Chooser, "sentences_to_parse", failing)
    result = extract_many(ARTICLES, chunksize=len(ARTICLES), documents=True)
    table = result.documents.set_index("doc_id")
    assert table.loc["2", "error"] == "RuntimeError: no parse"
    assert set(result.quotes["doc_id"]) == {"0", "3"}


def test_results_carry_plain_rows():
    [result] = batch._extract(pipeline.default_extractor(), [Document("a", ARTICLES[0])])
    assert result.n_quotes == 1 and isinstance(result.rows[0], tuple)
    assert not any(isinstance(value, (pd.DataFrame, pd.Series)) for value in result.rows[0])
    assert result.quotes["speaker"].tolist() == ["Сергей Лавров"]


def test_documents_read_before_the_input_fails_are_extracted():
    def documents():
        yield from ARTICLES[:3]
        raise OSError("disk gone")

    seen = []
    with pytest.raises(OSError, match="disk gone"):
        for result in iter_extract(documents(), chunksize=8, progress=False):
            seen.append(result.doc_id)
    assert seen == ["0", "1", "2"]


def _blas_threads(_) -> set[int]:
    from threadpoolctl import threadpool_info

    return {library["num_threads"] for library in threadpool_info() if library["user_api"] == "blas"}


def test_workers_run_one_blas_thread():
    with worker_pool(2) as pool:
        assert set().union(*pool.map(_blas_threads, range(4))) <= {1}


def test_ner_runs_one_blas_thread_and_restores_the_callers(monkeypatch):
    from threadpoolctl import threadpool_info

    from quotextract.nerinfer import network

    seen = []
    emissions = type(network())._emissions

    def spy(self, rows):
        seen.append(_blas_threads(None))
        return emissions(self, rows)

    before = {library["filepath"]: library["num_threads"] for library in threadpool_info()}
    monkeypatch.setattr(type(network()), "_emissions", spy)
    network().tag(["Сергей Лавров приехал в Москву."])
    assert seen and all(threads <= {1} for threads in seen)
    assert {library["filepath"]: library["num_threads"] for library in threadpool_info()} == before


def _seen_at_attribution(monkeypatch, probe) -> list:
    """What ``probe()`` gives as each article is attributed, in turn."""
    seen = []
    attribute = pipeline.Attributor.quotations
    monkeypatch.setattr(
        pipeline.Attributor, "quotations", lambda self: seen.append(probe()) or attribute(self)
    )
    return seen


def test_extraction_holds_collections_rare_and_restores_the_callers(monkeypatch):
    import gc

    from quotextract.collector import FULL_EVERY, YOUNG

    before = gc.get_threshold()
    seen = _seen_at_attribution(monkeypatch, gc.get_threshold)
    extract_many(ARTICLES[:1])
    assert seen == [(max(before[0], YOUNG), before[1], before[2] * FULL_EVERY)]
    assert gc.get_threshold() == before


def test_an_extracted_article_leaves_no_cyclic_garbage():
    import gc

    extractor = pipeline.default_extractor()
    extractor.quotations_many(ARTICLES)  # models and caches loaded
    gc.collect()
    gc.disable()
    gc.set_debug(gc.DEBUG_SAVEALL)  # what the collector would free stays in gc.garbage
    try:
        found = extractor.quotations_many(ARTICLES)
        assert sum(map(len, found)) >= 4
        gc.collect()
        ours = [o for o in gc.garbage if type(o).__module__.startswith("quotextract")]
        assert ours == []  # every article freed as soon as it was done, not left to the collector
    finally:
        gc.set_debug(0)
        gc.garbage.clear()
        gc.enable()


def test_quote_marks_pair_over_many_unbalanced_marks():
    from quotextract.quotemarks import pair_quotes

    text = "” " + "„а” " * 3000 + "«" * 3000 + "»" * 3000
    found = [(q.open, q.close) for q in pair_quotes(text, 0, len(text))]
    assert found[0] == (None, 0) and found[1:3] == [(2, 4), (6, 8)]
    assert len(found) == 3002 and found[-1] == (12002, len(text) - 1)


def test_a_batch_holds_collections_rare_over_all_its_chunks(monkeypatch):
    """Chunk after chunk the thresholds stay held (a restore between chunks would set off the
    full collection put off); nested blocks restore the caller's only once, at the end."""
    import gc

    from quotextract.collector import rare_full_collections

    before = gc.get_threshold()
    with rare_full_collections():
        held = gc.get_threshold()
        with rare_full_collections():
            assert gc.get_threshold() == held
        assert gc.get_threshold() == held
    assert gc.get_threshold() == before and held != before

    seen = _seen_at_attribution(monkeypatch, gc.get_threshold)
    extract_many(ARTICLES[:3], chunksize=1)
    assert len(seen) == 3 and len(set(seen)) == 1 and seen[0] != before
    assert gc.get_threshold() == before


def test_a_batch_sets_aside_what_each_chunk_leaves_alive_and_returns_it_at_its_end(monkeypatch):
    """After each chunk what lives on (new cache entries) is frozen out of collections, so no
    middle collection scans it again; the batch's end unfreezes it; single texts freeze nothing."""
    import gc

    frozen = _seen_at_attribution(monkeypatch, gc.get_freeze_count)
    assert gc.get_freeze_count() == 0
    quotextract.extract(ARTICLES[0])
    extract_many(ARTICLES[:4], chunksize=1)
    assert frozen[0] == frozen[1] == 0 and 0 < frozen[2] <= frozen[3] <= frozen[4]
    assert gc.get_freeze_count() == 0


def test_a_batch_leaves_the_callers_own_frozen_objects_alone(monkeypatch):
    import gc

    gc.freeze()
    try:
        mine = gc.get_freeze_count()
        assert mine > 0
        frozen = _seen_at_attribution(monkeypatch, gc.get_freeze_count)
        extract_many(ARTICLES[:3], chunksize=1)
        assert frozen == [mine] * 3 and gc.get_freeze_count() == mine
    finally:
        gc.unfreeze()


def test_a_worker_sets_aside_what_each_chunk_leaves_alive_for_good():
    import gc

    try:
        results = batch._run_chunk([Document("1", ARTICLES[0])])
        assert results[0].status == "ok" and results[0].rows
        assert gc.get_freeze_count() > 0
    finally:
        gc.unfreeze()
