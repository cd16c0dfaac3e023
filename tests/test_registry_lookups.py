"""The registry's remembered lookups give the answers they would give asked afresh."""

from quotextract.article import Article
from quotextract.lexicon import default_lexicon
from quotextract.model import Entity
from quotextract.registry import Registry, _can_be_nominative, _can_be_nominative_name

TEXT = "Представитель МИД России заявил, что МВД Украины и МИД промолчали. Глава МИД"


def _registry(entities) -> Registry:
    return Registry(Article(TEXT, default_lexicon(), tuple(entities)), lambda start, stop: False)


def _at(word: str, type: str, occurrence: int = 0) -> Entity:
    start = -1
    for _ in range(occurrence + 1):
        start = TEXT.index(word, start + 1)
    return Entity(start, start + len(word), word, type, word)


ENTITIES = [
    _at("МИД", "ORG"),
    _at("России", "LOC"),
    _at("МВД", "ORG"),
    _at("Украины", "LOC"),
    _at("МИД", "ORG", 1),
    _at("МИД", "ORG", 2),  # the text's last word: nothing after it
]


def test_a_place_after_an_organisation_is_the_same_asked_again_or_afresh():
    registry = _registry(ENTITIES)
    orgs = [e for e in ENTITIES if e.type == "ORG"]
    first = [registry._place_after(org) for org in orgs]
    assert [p.text if p else None for p in first] == ["России", "Украины", None, None]
    assert [registry._place_after(org) for org in orgs] == first
    assert [_registry(ENTITIES)._place_at(org.stop) for org in orgs] == first
    assert registry.canonical(orgs[0]) == "МИД России"


def test_a_name_can_be_nominative_when_each_of_its_words_can():
    for name in ("Сергей Лавров", "Сергея Лаврова", "Силуанов", "Марии Захаровой", "Жоао Батшуайи"):
        assert _can_be_nominative_name(name) == all(map(_can_be_nominative, name.split())), name
