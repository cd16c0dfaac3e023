"""The lookups attribution makes many times per article agree with their plain definitions."""

from types import SimpleNamespace

from hypothesis import given
from hypothesis import strategies as st

from quotextract.attribute import Attributor

SPANS = st.lists(st.tuples(st.integers(0, 300), st.integers(0, 120)), max_size=12).map(
    lambda pairs: sorted((start, start + length) for start, length in pairs)
)


def _plainly_inside(quoted: list[tuple[int, int]], start: int, stop: int) -> bool:
    """Inside one of the three last quotations starting at or before ``start``."""
    starting = [span for span in quoted if span[0] <= start][-3:]
    return any(span_stop >= stop for _, span_stop in starting)


@given(SPANS, st.integers(-5, 450), st.integers(0, 200))
def test_inside_quote_is_the_plain_test(quoted, start, length):
    candidates = [SimpleNamespace(start=a, stop=b, rule="said") for a, b in quoted]
    attributor = Attributor(None, candidates)
    assert attributor._inside_quote(start, start + length) == _plainly_inside(quoted, start, start + length)


def test_a_long_quotation_still_holds_spans_after_shorter_ones_inside_it():
    quoted = [(0, 500), (10, 20), (30, 40)]  # a quotation with two shorter ones in it
    attributor = Attributor(None, [SimpleNamespace(start=a, stop=b, rule="said") for a, b in quoted])
    assert attributor._inside_quote(35, 450)
    assert not attributor._inside_quote(35, 501)


def test_word_readings_are_the_lookups_they_stand_for():
    from quotextract.lexicon import default_lexicon
    from quotextract.mentions import _nominative_person, _readings, role_lemma

    lexicon = default_lexicon()
    readings = _readings(lexicon)
    words = ["критики", "министр", "её", "ее", "женщина", "пресс-служба", "заявил", "сечин", "ёлка"]
    for word in words + words:  # the second time from the table
        assert readings[word] == (role_lemma(word, lexicon), word.replace("ё", "е"), _nominative_person(word))
    assert _readings(lexicon) is readings


@given(SPANS, st.lists(st.integers(0, 450), max_size=40))
def test_words_outside_entities_are_those_no_entity_holds(entities, starts):
    from quotextract.mentions import _outside

    tokens = [SimpleNamespace(start=start) for start in sorted(set(starts))]
    spans = [SimpleNamespace(start=a, stop=b) for a, b in entities]
    plain = [t for t in tokens if not any(e.start <= t.start < e.stop for e in spans)]
    assert _outside(tokens, spans) == plain
