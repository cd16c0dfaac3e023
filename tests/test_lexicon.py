"""The speech-cue lexicon: data files, every inflected form, extensible by the user."""

import pytest

import quotextract
from quotextract.lexicon import default_lexicon

TEXT = "Иван Петров огрызнулся, что это не его дело."  # ('— огрызнулся Петров' attributes by inversion)


def test_lexicon_has_over_a_hundred_cues():
    lexicon = default_lexicon()
    assert len(lexicon.speech_verbs) + len(lexicon.speech_phrases) >= 100


@pytest.mark.parametrize(
    "text, lemma",
    [
        ("Мария Захарова сказала, что ответ будет.", "сказать"),
        ("В МИД заявили, что ответ будет.", "заявить"),
        ("Мария Захарова говорит, что ответ будет.", "говорить"),
        ("Мария Захарова, отметив, что ответ будет, покинула зал.", "отметить"),
        ("Мария Захарова выразила надежду, что ответ будет.", "выразить надежду"),
        ("Мария Захарова уверена, что ответ будет.", "уверенный"),
        ("Мария Захарова не исключила, что ответ будет.", "не исключить"),
        ("«Мы это обсуждали», — сказал Песков, добавив, что решение будет принято позднее.", None),
    ],
)
def test_cues_match_in_every_form(text, lemma):
    cues = list(quotextract.extract(text)["cue"])
    assert cues == [lemma] if lemma else cues == ["сказать", "добавить"]


def test_unknown_verb_is_not_a_cue_until_the_user_adds_it():
    assert quotextract.extract(TEXT).empty
    frame = quotextract.Extractor(cues=("огрызнуться",))(TEXT)
    assert list(frame["quote"]) == ["это не его дело"]
    assert list(frame["cue"]) == ["огрызнуться"]
    assert list(frame["speaker"]) == ["Иван Петров"]


def test_speech_verb_inside_a_quotation_is_not_a_cue():
    text = "— Энтузиасты были вынуждены, надо об этом прямо сказать, уступить место функционерам, — заявил Иван Петров."
    frame = quotextract.extract(text)
    assert len(frame) == 1
    assert frame.iloc[0]["cue"] == "заявить"


def test_a_lexicon_hashes_as_its_fields_and_equal_lexicons_alike():
    import dataclasses

    lexicon = default_lexicon()
    fields = tuple(getattr(lexicon, field.name) for field in dataclasses.fields(lexicon))
    assert hash(lexicon) == hash(fields) == hash(lexicon)  # the cached hash is the dataclass's own
    extended = lexicon.extended(roles=("сомелье",))
    assert hash(extended) != hash(lexicon) and extended != lexicon
    assert hash(lexicon.extended()) == hash(lexicon) and lexicon.extended() == lexicon
    assert {lexicon: 1}[lexicon.extended()] == 1


def test_a_lexicon_pickled_in_one_process_hashes_as_its_equal_in_another(tmp_path):
    import os
    import subprocess
    import sys

    pickled = tmp_path / "lexicon.pickle"
    dump = (
        "import pickle, sys; from quotextract.lexicon import default_lexicon; "
        "lexicon = default_lexicon(); hash(lexicon); pickle.dump(lexicon, open(sys.argv[1], 'wb'))"
    )
    load = (
        "import pickle, sys; from quotextract.lexicon import default_lexicon; "
        "lexicon = pickle.load(open(sys.argv[1], 'rb')); "
        "assert lexicon == default_lexicon() and hash(lexicon) == hash(default_lexicon())"
    )
    for code, seed in ((dump, "1"), (load, "2")):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        subprocess.run([sys.executable, "-c", code, str(pickled)], check=True, env=env)
