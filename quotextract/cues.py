"""Speech cues: words and phrases whose lemma is in the lexicon, in any inflected form."""

from __future__ import annotations

import bisect
from collections.abc import Iterator
from functools import lru_cache
from itertools import compress, count, product
from operator import itemgetter

from .lexicon import PREFIX, Lexicon, read_table
from .model import Cue
from .morph import fold_yo, is_known, lemma, parses
from .segment import Token

VERBAL = ("VERB", "INFN", "GRND", "PRTF", "PRTS", "ADJS")


@lru_cache(maxsize=100_000)
def verbal_lemmas(word: str) -> tuple[str, ...]:
    """Lemmas of the verb-like parses of a word: 'заявили' -> ('заявить',)."""
    verbal = [p for p in parses(word) if any(t in p.tag for t in VERBAL) and not _impersonal_state(p)]
    lemmas = (_lemma(p) for p in sorted(verbal, key=lambda p: not ({"ADJS", "PRTS"} & p.tag.grammemes)))
    return tuple(dict.fromkeys(lemmas))


def _impersonal_state(parse) -> bool:
    """'согласно', 'уверено': a neuter short adjective states no one's view (a preposition, an adverb)."""
    return "ADJS" in parse.tag and parse.tag.gender == "neut"


# 'уверена' is sure ('уверенный'), not assured
STATES = {verb: adjective for verb, (adjective,) in read_table("state_adjectives.txt")}


def _lemma(parse) -> str:
    normal = fold_yo(parse.normal_form)
    return STATES.get(normal, normal) if "PRTS" in parse.tag else normal


def cue_at(
    text: str, tokens: list[Token], index: int, lexicon: Lexicon, end: int | None = None
) -> tuple[Cue, int] | None:
    """The cue starting at ``tokens[index]`` and how many tokens it spans, if any (``end``: where
    the tokens of its line end, when more follow; a phrase runs on no further)."""
    token = tokens[index]
    lower = token.text.lower()
    if fold_yo(lower[:PREFIX]) not in lexicon.verb_prefixes:
        return None
    end = len(tokens) if end is None else end
    for size in (
        range(_phrase_reach(tokens, index, lexicon, end), 1, -1)
        if lemma(lower) in lexicon.phrase_starts
        else ()
    ):
        window = tokens[index : index + size]
        if tuple(lemma(t.text.lower()) for t in window) in lexicon.speech_phrases:
            first, last = window[0], window[-1]
            phrase = " ".join(_phrase_word(t.text.lower()) for t in window)  # 'выразить надежду'
            return Cue(first.start, last.stop, text[first.start : last.stop], phrase), size
    for verb in verbal_lemmas(lower):
        if verb in lexicon.speech_verbs:
            return Cue(token.start, token.stop, token.text, verb), 1
    return None


def _phrase_reach(tokens: list[Token], index: int, lexicon: Lexicon, end: int) -> int:
    """How many words from ``tokens[index]`` on a phrase can span: up to the longest phrase and
    the line's ``end``, its words after the first each one that :func:`_may_follow`."""
    forms, last = _follower_forms(lexicon.speech_phrases), min(index + lexicon.max_phrase, end, len(tokens))
    reach = index + 1
    while reach < last and _may_follow(tokens[reach].text.lower(), forms):
        reach += 1
    return reach - index


def _phrase_word(word: str) -> str:
    """A phrase's verb as its lemma, its other words as written."""
    return verbal_lemmas(word)[0] if verbal_lemmas(word) else word


def find_cues(text: str, tokens: list[Token], lexicon: Lexicon) -> list[Cue]:
    """All cues among ``tokens``, in text order."""
    return cues_of_lines(text, tokens, [len(tokens)], lexicon)


def cues_of_lines(
    text: str, words: list[Token], ends: list[int], lexicon: Lexicon, texts: list[str] | None = None
) -> list[Cue]:
    """All cues among ``words``, the tokens of lines ending at the indices ``ends`` (a phrase never
    runs on to the next line), in text order; the tokens of all lines screened at once (``texts``:
    their texts, when the caller has them)."""
    found, after, end = [], 0, 0  # a phrase's words start no cue of their own
    for index in _screened(list(map(_TEXT, words)) if texts is None else texts, lexicon):
        if index < after:
            continue
        if end <= index:  # where the tokens of the word's line end
            end = ends[bisect.bisect_right(ends, index)]
        match = cue_at(text, words, index, lexicon, end)
        if match:
            found.append(match[0])
            after = index + match[1]
    return found


@lru_cache(maxsize=50_000)
def _may_open(
    word: str, phrase_starts: frozenset[str], speech_verbs: frozenset[str], forms: frozenset[str]
) -> bool:
    """Whether cue_at can find a cue at this word (lowercase): its lemma opens a phrase, or it is
    a speech verb. A dictionary word that is none of the ``forms`` is parsed as none of their
    lemmas, so it is not parsed at all."""
    if fold_yo(word) not in forms and is_known(word):
        return False
    return lemma(word) in phrase_starts or any(verb in speech_verbs for verb in verbal_lemmas(word))


@lru_cache(maxsize=8)
def _cue_forms(phrase_starts: frozenset[str], speech_verbs: frozenset[str]) -> frozenset[str]:
    """Every form (ё read as е) of the dictionary's words whose lemma is a phrase's first word or
    a speech verb, or the verb of such a state ('уверить' of 'уверенный')."""
    lemmas = phrase_starts | speech_verbs | STATES.keys()
    return frozenset(fold_yo(form.word) for word in lemmas for parse in parses(word) for form in parse.lexeme)


@lru_cache(maxsize=50_000)
def _may_follow(word: str, forms: frozenset[str]) -> bool:
    """Whether a word (lowercase) can be a phrase's word after its first: one of the ``forms``,
    or a word the dictionary does not know (a known word is parsed as a form of its lexemes only)."""
    return fold_yo(word) in forms or not is_known(word)


@lru_cache(maxsize=8)
def _follower_forms(phrases: frozenset[tuple[str, ...]]) -> frozenset[str]:
    """Every form (ё read as е) of the dictionary's words whose lemma is a phrase's word after its first."""
    lemmas = {word for phrase in phrases for word in phrase[1:]}
    return frozenset(fold_yo(form.word) for word in lemmas for parse in parses(word) for form in parse.lexeme)


_TEXT, _HEAD = itemgetter(2), itemgetter(slice(PREFIX))  # a token's text, a word's first letters


def _screened(words: list[str], lexicon: Lexicon) -> Iterator[int]:
    """The indices of the words (tokens' texts) that can open a cue, all tested at once: those whose
    first letters begin a cue's form (as written: no word is lowercased for it), then of those the
    ones :func:`_may_open` lets through."""
    heads = _written_heads(lexicon.written_prefixes)
    if heads is None:  # letters other than Russian ones: their case is not that simple
        screened = list(map(lexicon.written_prefixes.__contains__, map(_HEAD, map(str.lower, words))))
    else:
        screened = list(map(heads.__contains__, map(_HEAD, words)))
    opening = _openings(lexicon.phrase_starts, lexicon.speech_verbs)
    return compress(compress(count(), screened), map(opening.__getitem__, compress(words, screened)))


RUSSIAN = frozenset("абвгдеёжзийклмнопрстуфхцчшщъыьэюя")  # each the lowercase of itself and its capital only


@lru_cache(maxsize=8)
def _written_heads(prefixes: frozenset[str]) -> frozenset[str] | None:
    """Every way to write the ``prefixes`` in capitals and small letters ('зая', 'Зая', 'ЗАЯ', …):
    exactly the strings whose lowercase is one of them; None when a letter is not Russian."""
    if not RUSSIAN.issuperset("".join(prefixes)):
        return None
    return frozenset(map("".join, (w for p in prefixes for w in product(*((c, c.upper()) for c in p)))))


class _Openings(dict):
    """:func:`_may_open` of each word asked, as written (its lowercase is tested): a dictionary read
    in bulk, not a call per word; cleared when full, so memory stays flat on any dump."""

    def __init__(self, phrase_starts: frozenset[str], speech_verbs: frozenset[str]):
        super().__init__()
        self.starts, self.verbs = phrase_starts, speech_verbs
        self.forms = _cue_forms(phrase_starts, speech_verbs)

    def __missing__(self, word: str) -> bool:
        if len(self) >= OPENINGS_KEPT:
            self.clear()
        value = self[word] = _may_open(word.lower(), self.starts, self.verbs, self.forms)
        return value


OPENINGS_KEPT = 100_000  # words whose test is kept


@lru_cache(maxsize=8)
def _openings(phrase_starts: frozenset[str], speech_verbs: frozenset[str]) -> _Openings:
    return _Openings(phrase_starts, speech_verbs)


@lru_cache(maxsize=100_000)
def _finite(word: str) -> bool:
    for parse in parses(word):
        tag = parse.tag
        if ("VERB" in tag and "1per" not in tag and "impr" not in tag) or "ADJS" in tag or "PRTS" in tag:
            return True
    return False


def is_finite(cue: Cue) -> bool:
    """Whether a cue can head a reporting clause: 'заявил', 'уверен', not 'напомним', 'заявив'."""
    return _finite(cue.text.split()[0].lower())


@lru_cache(maxsize=100_000)
def _authorial(word: str) -> bool:
    first = parses(word)[0].tag
    impersonal = ("PRTS" in first or "ADJS" in first) and first.gender == "neut"
    return "INFN" in first or "1per" in first or "2per" in first or "impr" in first or impersonal


def is_authorial(cue: Cue) -> bool:
    """'Напомним, что', 'Следует добавить, что', 'Не исключено, что', 'Убедите их, что': the article's own voice."""
    words = cue.text.lower().split()
    return _authorial(words[1] if words[0] == "не" and len(words) > 1 else words[0])
